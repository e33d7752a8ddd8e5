"""Each builder shows the covers it can show, and never fetches one."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


def test_html_shows_every_cover(built: Callable[..., SphinxTestApp]) -> None:
    app = built("covers", "html")
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'src="_images/vector.svg"' in html
    assert 'src="_images/raster.png"' in html
    assert 'src="https://covers.example.org/remote.jpg"' in html
    assert app.warning.getvalue() == ""


@pytest.mark.parametrize("buildername", ["latex", "texinfo"])
def test_print_builders_leave_out_covers_they_cannot_show(
    built: Callable[..., SphinxTestApp], buildername: str
) -> None:
    app = built("covers", buildername)
    output = next(app.outdir.glob("*.tex" if buildername == "latex" else "*.texi")).read_text(encoding="utf-8")
    assert "raster" in output
    assert "vector.svg" not in output  # neither format takes SVG
    assert "covers.example.org" not in output  # never downloaded
    assert all(fact in output for fact in ["Vera Vector", "Rhea Raster", "Remy Remote"])  # the facts stay
    assert app.warning.getvalue() == ""


@pytest.mark.latex
def test_the_pdf_compiles_with_an_svg_cover(built: Callable[..., SphinxTestApp]) -> None:
    app = built("covers", "latex")
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "covers.tex"],
        cwd=app.outdir, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]
    assert (app.outdir / "covers.pdf").stat().st_size > 0


