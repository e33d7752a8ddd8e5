"""A review's default id, and a link that names a review by its title.

The default id is docutils' slug of the title; a title that gives no slug
starting with a letter (digits only, or no Latin letters at all) gets
``book-`` before it, and one of which docutils keeps nothing an id made of
a digest (``三体`` -> ``book-9f4c311a``). Nobody guesses that id, so a
``:book:`` link to the title gets a warning that names it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from projects import sphinx_build, write_files
from sphinx.util.console import strip_colors

from sphinx_bookreview.model import review_id

if TYPE_CHECKING:
    from pathlib import Path

CONF = """\
project = "Titles"
author = "Tia Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
html_baseurl = "https://titles.example.org/"
suppress_warnings = ["bookreview.duplicate"]  # Dune is reviewed twice, with one ISBN
"""
PAGES = {
    "index.rst": "Titles\n======\n\n.. toctree::\n   :glob:\n\n   *\n",
    "santi.rst": "三体\n====\n\n.. bookreview:: 三体\n   :author: 刘慈欣\n",
    "dune.rst": (
        "Dune\n====\n\n"
        ".. bookreview:: Dune\n   :id: dune-2019\n   :date: 2019-01-01\n\n"
        ".. bookreview:: Dune\n   :date: 2024-01-01\n   :rereview-of: dune-2019\n"
    ),
    # Each link on its own line: the line numbers the warnings name.
    "links.rst": "Links\n=====\n\n:book:`三体`\n\n:book:`the trilogy <三体>`\n\n:book:`Dune`\n\n:book:`dune`\n",
    "links_md.md": "# Links in MyST\n\n{book}`三体`\n\n{book}`Dune`\n\n{book}`Nothing titled so`\n",
}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Mythical Man-Month", "the-mythical-man-month"),  # docutils' make_id
        ("Ça ira", "ca-ira"),  # accents dropped
        ("1984", "book-1984"),  # an id starts with a letter
        ("三体", "book-9f4c311a"),  # nothing docutils keeps: book- and a digest
        ("Война и мир", "book-f83d61d9"),
    ],
)
def test_the_documented_default_id(title: str, expected: str) -> None:
    assert review_id(title) == expected


def test_a_link_to_a_title_names_the_id(tmp_path: Path) -> None:
    app = sphinx_build(write_files(tmp_path, {"conf.py": CONF, **PAGES}))
    warnings = strip_colors(app.warning.getvalue()).replace(f"{app.srcdir}/", "").splitlines()
    assert sorted(warnings) == [
        "links.rst:4: WARNING: unknown review id '三体' (the review titled '三体' has the id 'book-9f4c311a')"
        " [bookreview.ref]",
        "links.rst:6: WARNING: unknown review id '三体' (the review titled '三体' has the id 'book-9f4c311a')"
        " [bookreview.ref]",
        "links.rst:8: WARNING: unknown review id 'Dune' (the reviews titled 'Dune' have the ids 'dune', 'dune-2019')"
        " [bookreview.ref]",
        "links_md.md:3: WARNING: unknown review id '三体' (the review titled '三体' has the id 'book-9f4c311a')"
        " [bookreview.ref]",
        "links_md.md:5: WARNING: unknown review id 'Dune' (the reviews titled 'Dune' have the ids 'dune', 'dune-2019')"
        " [bookreview.ref]",
        "links_md.md:7: WARNING: unknown review id 'Nothing titled so' [bookreview.ref]",
    ]
    html = (app.outdir / "links.html").read_text(encoding="utf-8")
    assert 'href="dune.html#dune"' in html  # the id itself links
