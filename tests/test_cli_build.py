"""What the command line writes builds ``-W`` clean with the extension, in rst and in MyST."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from sphinx_bookreview.cli import main

DATA = Path(__file__).parent / "cli_data"
#: The warnings' type and subtype at their end, on Sphinx 7.4 too (its
#: show_warning_types is off by default).
TYPED = ["-D", "show_warning_types=1"]
SHELVES = ["--shelf", "read", "--shelf", "currently-reading", "--shelf", "did-not-finish"]
CONF = (
    'extensions = ["sphinx_bookreview", "myst_parser"]\nproject = "Shelf"\nauthor = "Tess Reader"\n'
    'html_baseurl = "https://shelf.example.org/"\n'  # a site to share: Open Graph tags on every review
)
INDEX = "Reviews\n=======\n\n.. toctree::\n   :glob:\n\n   */*\n"


def make_project(root: Path, markup: str) -> None:
    root.mkdir()
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "index.rst").write_text(INDEX, encoding="utf-8")
    for export in ("goodreads_24", "goodreads_31", "storygraph"):
        main(["import", str(DATA / f"{export}.csv"), "--dir", str(root / export), "--format", markup, *SHELVES])
    # Titles that look like markup in one language or the other.
    for title in (
        "The Tin Sextant",
        "1999",
        "* Starfish Tricks",
        "月の庭",
        "The `Tick` Book",
        "====",
        "C#",
        ".. note:: x",
    ):
        assert main(["new", title, "--isbn", "9780306406157", "--dir", str(root / "new"), "--format", markup]) == 0


@pytest.mark.parametrize("markup", ["rst", "md"])
def test_written_files_build_without_warnings(markup: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "src"
    make_project(source, markup)
    capsys.readouterr()
    status = build_main(["-q", "-b", "html", *TYPED, str(source), str(tmp_path / "html")])
    # The two Goodreads exports are one library, and the stubs share an ISBN:
    # the build's one warning is about two reviews of one ISBN (issue 14, item 13).
    warnings = capsys.readouterr().err.splitlines()
    assert status == 0
    assert [line for line in warnings if not re.search(r"has the ISBN .* \[bookreview\.duplicate\]$", line)] == []
    html = (tmp_path / "html" / "storygraph" / "the-cartographer-s-daughter.html").read_text(encoding="utf-8")
    assert "Content warnings:</strong> Graphic: Death; Moderate: Grief, Shipwreck" in html
    assert (tmp_path / "html" / "goodreads_24" / "harbour-lights-2.html").exists()
    assert (tmp_path / "html" / "new" / "1999.html").exists()
