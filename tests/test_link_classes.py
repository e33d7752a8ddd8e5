"""Every link to a review, an author or a tag has its text in an element
with the classes Sphinx gives a cross-reference role's text: ``xref book
book-review``, ``xref book book-author``, ``xref book book-tag``. The roles
get them from Sphinx; the links the card and listings make, and the title a
``:book:`` link shows, get the same in HTML. Other builders show those
links as before: Sphinx's text writer puts stars around an xref's text,
which the card's and listings' names do not need.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build, write_files

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

CONF = """\
project = "Classes"
author = "Cleo Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
html_baseurl = "https://classes.example.org/"
"""
PAGES = {
    "index.rst": "Classes\n=======\n\n.. toctree::\n   :glob:\n\n   *\n",
    "sicp.rst": (
        "SICP\n====\n\n.. bookreview:: Structure and Interpretation of Computer Programs\n"
        "   :id: sicp\n   :author: Harold Abelson; Gerald Jay Sussman\n   :tags: lisp, classics\n"
        "   :date: 2024-01-01\n   :isbn: 9780262510875\n"
    ),
    "sicp_again.rst": (
        "SICP again\n==========\n\n.. bookreview:: Structure and Interpretation of Computer Programs\n"
        "   :id: sicp-again\n   :author: Harold Abelson\n   :tags: lisp\n   :date: 2025-01-01\n"
        "   :isbn: 9780262510875\n   :rereview-of: sicp\n"
    ),
    "links.rst": (
        "Links\n=====\n\n"
        ":book:`sicp`, :book:`the wizard book <sicp>`, :book-author:`Harold Abelson`, :book-tag:`lisp`.\n\n"
        ".. bookreview-list::\n\n"
        ".. bookreview-list::\n   :layout: table\n   :columns: title, author, tags\n\n"
        ".. bookreview-list::\n   :layout: cards\n"
    ),
    "links_md.md": "# Links in MyST\n\n{book}`sicp`, {book-author}`Gerald Jay Sussman`, {book-tag}`classics`.\n",
}
CLASSES = {"review": "xref book book-review", "author": "xref book book-author", "tag": "xref book book-tag"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_files(tmp_path_factory.mktemp("classes"), {"conf.py": CONF, **PAGES})


def build(srcdir: Path, buildername: str) -> SphinxTestApp:
    app = sphinx_build(srcdir, buildername)
    assert app.warning.getvalue() == ""
    return app


def kind(href: str) -> str:
    if "book-author.html#" in href:
        return "author"
    if "book-tag.html#" in href:
        return "tag"
    return "review" if re.search(r"#sicp(-again)?$", href) else ""


def link_texts(app: SphinxTestApp, page: str) -> list[tuple[str, str, str]]:
    """``(kind, element, classes)`` of the text of each link to a review,
    author or tag in the page's body."""
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    found = []
    for anchor in soup.select("div.body a[href]"):
        if kind(anchor["href"]):
            (text,) = anchor.find_all(recursive=False)
            found.append((kind(anchor["href"]), text.name, " ".join(text.get("class", []))))
    return found


@pytest.mark.parametrize("page", ["links.html", "links_md.html", "sicp.html", "sicp_again.html"])
def test_every_link_text_has_the_xref_classes(project: Path, page: str) -> None:
    texts = link_texts(build(project, "html"), page)
    assert texts
    assert [classes for link, _element, classes in texts] == [CLASSES[link] for link, _element, _classes in texts]


def test_which_links_were_checked(project: Path) -> None:
    """The card's, the listings', the roles' and the re-review's links, a
    title in italics."""
    app = build(project, "html")
    assert Counter(link_texts(app, "links.html")) == {
        ("review", "em", CLASSES["review"]): 1 + 2 * 3,  # the role's title, each review in 3 listings
        ("review", "span", CLASSES["review"]): 1,  # the role with a text of its own
        ("author", "span", CLASSES["author"]): 1 + 3 * 3,  # the role, 3 names in each listing
        ("tag", "span", CLASSES["tag"]): 1 + 3,  # the role, the table's 3 tags
    }
    assert Counter(link_texts(app, "sicp_again.html")) == {
        ("review", "em", CLASSES["review"]): 1,  # the earlier review, by its title
        ("author", "span", CLASSES["author"]): 1,
        ("tag", "span", CLASSES["tag"]): 1,
    }


def test_other_builders_show_the_card_and_listings_as_before(project: Path) -> None:
    """No stars around the card's and the listings' names in text (the
    role's link is Sphinx's, starred as every xref is), no LaTeX role
    around them."""
    text_build = build(project, "text")
    text = (text_build.outdir / "links.txt").read_text(encoding="utf-8")
    assert "*Harold Abelson*" in text  # the role
    assert text.count("*Harold Abelson*") == 1
    assert "— Harold Abelson\n" in text  # the list
    assert "| Harold Abelson           | lisp " in text  # the table
    assert "\n\nHarold Abelson\n\n" in text  # the cards
    card = (text_build.outdir / "sicp.txt").read_text(encoding="utf-8")
    assert "Authors:\n   Harold Abelson, Gerald Jay Sussman\n\n" in card
    assert "Tags:\n   lisp, classics\n\n" in card
    tex = (build(project, "latex").outdir / "classes.tex").read_text(encoding="utf-8")
    # The list, the table's cell, the cards, the card: as they were.
    assert "— Harold Abelson, Gerald Jay Sussman\n" in tex
    assert "\\arraybackslash Harold Abelson, Gerald Jay Sussman\n" in tex
    assert tex.count("\nHarold Abelson, Gerald Jay Sussman\n") == 2
