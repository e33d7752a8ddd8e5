"""Each builder shows the covers it can show, and never fetches one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import cover_copy
from docutils import nodes
from projects import compiled_pdf

from sphinx_bookreview.covers import copied_name
from sphinx_bookreview.nodes import bookreview_cover_url

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def test_sphinx_names_the_copies_as_copied_name_reads_them(built: Callable[..., SphinxTestApp]) -> None:
    """``covers.copied_name`` reads ``env.images``, which Sphinx documents
    nowhere: a path from the source directory to the documents using it
    and the unique file name of its copy. Pinned here on every Sphinx the
    suite runs on; the copy is where that name says. (With resizing off:
    pages then show the originals, as Sphinx copies them.)"""
    app = built("covers", "html", confoverrides={"bookreview_cover_sizes": None})
    assert {path: (set(docs), name) for path, (docs, name) in app.env.images.items()} == {
        "vector.svg": ({"index"}, "vector.svg"),
        "raster.png": ({"index"}, "raster.png"),
    }
    assert copied_name(app.env, "/raster.png") == "raster.png"
    assert copied_name(app.env, "/missing.png") is None
    assert (app.outdir / "_images" / "raster.png").is_file()


def test_remote_covers_are_no_images_to_sphinx(built: Callable[..., SphinxTestApp]) -> None:
    """Sphinx's ImageDownloader fetches the images of doctrees for builders
    without remote images: a remote cover is not one, so it cannot."""
    app = built("covers", "html")
    doctree = app.env.get_doctree("index")
    assert [node["uri"] for node in doctree.findall(nodes.image)] == ["vector.svg", "raster.png"]
    assert [node["uri"] for node in doctree.findall(bookreview_cover_url)] == ["https://covers.example.org/remote.jpg"]


def test_html_shows_every_cover(built: Callable[..., SphinxTestApp]) -> None:
    app = built("covers", "html")
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'src="_images/vector.svg"' in html
    raster = cover_copy(app.outdir, "raster", 160, "png")
    assert f'src="{raster}"' in html
    assert f'srcset="{cover_copy(app.outdir, "raster", 160, "webp")} 160w"' in html
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
def test_the_pdf_compiles_with_an_svg_cover(built: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    assert compiled_pdf(built("covers", "latex").outdir, "covers", tmp_path / "latex").stat().st_size > 0
