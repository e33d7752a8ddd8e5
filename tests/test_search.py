"""Sphinx's search index names each review with an anchor its page has.

Sphinx's index stores no anchor for an object whose anchor is its name,
and its ``searchtools.js`` then makes one from the name it shows, the
review's title (``#The Mythical Man-Month``, an id no page has). A review
is listed with its search anchor, ``bookreview--<id>``, the second id of
its element. The project is ``tests/roots/test-search``; what a reader sees
in a browser is in ``test_search_browser.py``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build

#: Each review's title, as the search shows it, to its document and id.
REVIEWS = {
    "The Mythical Man-Month": ("essays", "mmm"),
    # A title with a full stop, where Sphinx's index splits a name.
    "Mr. Tompkins in Wonderland": ("physics", "mr-tompkins-in-wonderland"),
}


def search_index(outdir: Path) -> dict[str, Any]:
    """``searchindex.js``: the JSON that Sphinx passes to ``Search.setIndex``."""
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])  # type: ignore[no-any-return]


def indexed_objects(index: dict[str, Any], domain: str) -> dict[str, tuple[str, str, str]]:
    """The domain's objects in the index: each name as ``searchtools.js``
    puts it together (prefix, a full stop, the rest) to its type, document
    and anchor as stored."""
    types = {int(n): typ for n, (name, typ, _label) in index["objnames"].items() if name == domain}
    return {
        f"{prefix}.{name}" if prefix else name: (types[typ], index["docnames"][doc], anchor)
        for prefix, entries in index["objects"].items()
        for doc, typ, _priority, anchor, name in entries
        if typ in types
    }


def page(outdir: Path, docname: str, buildername: str) -> BeautifulSoup:
    path = outdir / (f"{docname}/index.html" if buildername == "dirhtml" else f"{docname}.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_each_review_is_indexed_with_its_search_anchor(built: Build, buildername: str) -> None:
    app = built("search", buildername)
    assert app.warning.getvalue() == ""
    objects = indexed_objects(search_index(app.outdir), "book")
    assert objects == {
        title: ("review", docname, f"bookreview--{review_id}") for title, (docname, review_id) in REVIEWS.items()
    }
    for title, (docname, review_id) in REVIEWS.items():
        target = page(app.outdir, docname, buildername).find(id=objects[title][2])
        assert target is not None, title
        # The anchor is at the start of the review's element, whose id is the review's.
        assert target.find_parent("article")["id"] == review_id


def test_links_keep_the_review_id(built: Build) -> None:
    """Only the search and ``objects.inv`` use the search anchor."""
    app = built("search", "html")
    link = page(app.outdir, "essays", "html").find("a", string="the physics book")
    assert link["href"] == "physics.html#mr-tompkins-in-wonderland"


def test_authors_and_tags_are_no_search_objects(built: Build) -> None:
    """Sphinx indexes the objects of the documents it indexes, and the
    author and tag index pages are not documents: a search finds an
    author or a tag in the text of the reviews' pages (see
    ``test_search_browser.py``), and ``objects.inv`` lists them
    (``test_domain.py``)."""
    app = built("search", "html")
    index = search_index(app.outdir)
    assert [typ for domain, typ, _label in index["objnames"].values() if domain == "book"] == ["review"]
    assert "book-author" not in index["docnames"]
