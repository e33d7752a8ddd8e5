"""A second project links to the first project's reviews through intersphinx.

The first project's ``objects.inv`` lists the ``book`` domain's reviews,
authors and tags; the second reads it from a local file, so the test runs
offline, and links with ``:external:`` roles and ``:any:``. Every link
lands on an id of the first project's page: a review's on the search
anchor its element carries besides its id, and an inventory written when
reviews were listed by their id alone still lands on that id.
"""

from __future__ import annotations

import shutil
import zlib
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

FIRST = "https://first.example.org/"


@pytest.fixture
def first_inventory(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-intersphinx-first", tmp_path / "first")
    app = sphinx_build(tmp_path / "first")
    assert app.warning.getvalue() == ""
    return app.outdir / "objects.inv"


@pytest.fixture
def second(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-intersphinx-second", tmp_path / "second")
    return tmp_path / "second"


def build_second(srcdir: Path, inventory: Path) -> SphinxTestApp:
    return sphinx_build(srcdir, confoverrides={"intersphinx_mapping": {"first": (FIRST, str(inventory))}})


def assert_lands(first_outdir: Path, href: str) -> None:
    """``href``, a link into the first project, names a page it wrote and
    an id on that page (browsers decode the fragment before they look)."""
    page, _, fragment = href.removeprefix(FIRST).partition("#")
    soup = BeautifulSoup((first_outdir / page).read_text(encoding="utf-8"), "html.parser")
    assert soup.find(id=unquote(fragment)) is not None, href


def links(page: Path) -> list[tuple[str, str]]:
    """``(text, href)`` of each link in the list items of the page's body."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [(" ".join(a.get_text(" ").split()), a["href"]) for a in soup.select("div.body li a")]


def test_external_roles_and_any(first_inventory: Path, second: Path) -> None:
    app = build_second(second, first_inventory)
    assert app.warning.getvalue() == ""
    found = links(app.outdir / "index.html")
    assert found == [
        ("The Mythical Man-Month", FIRST + "mmm.html#bookreview--mmm"),
        ("the essays", FIRST + "mmm.html#bookreview--mmm"),
        ("Frederick P. Brooks Jr.", FIRST + "book-author.html#cap-Frederick%C2%A0P.%C2%A0Brooks%C2%A0Jr."),
        ("management", FIRST + "book-tag.html#cap-management"),
        ("The Mythical Man-Month", FIRST + "mmm.html#bookreview--mmm"),
    ]
    for _text, href in found:
        assert_lands(first_inventory.parent, href)


def test_an_inventory_listing_reviews_by_their_id_still_lands(
    first_inventory: Path, second: Path, tmp_path: Path
) -> None:
    """An ``objects.inv`` written before reviews had a search anchor gave
    ``mmm.html#mmm``: that id is still the review's element's first."""
    header = b"# Sphinx inventory version 2\n# Project: First Shelf\n# Version: \n"
    header += b"# The remainder of this file is compressed using zlib.\n"
    old = tmp_path / "old.inv"
    old.write_bytes(header + zlib.compress(b"mmm book:review 1 mmm.html#$ The Mythical Man-Month\n"))
    (second / "index.rst").write_text("Second Shelf\n============\n\n- :external+first:book:review:`mmm`\n")
    app = build_second(second, old)
    assert app.warning.getvalue() == ""
    assert links(app.outdir / "index.html") == [("The Mythical Man-Month", FIRST + "mmm.html#mmm")]
    assert_lands(first_inventory.parent, FIRST + "mmm.html#mmm")


def test_book_role_falls_back_to_intersphinx(first_inventory: Path, second: Path) -> None:
    (second / "plain.rst").write_text(":orphan:\n\nPlain\n=====\n\n- :book:`mmm`\n- :book:review:`mmm`\n")
    app = build_second(second, first_inventory)
    assert links(app.outdir / "plain.html") == [
        ("The Mythical Man-Month", FIRST + "mmm.html#bookreview--mmm"),
        ("The Mythical Man-Month", FIRST + "mmm.html#bookreview--mmm"),
    ]
    soup = BeautifulSoup((app.outdir / "plain.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.em is not None for a in soup.select("div.body li a")] == [True, True]  # titles in italics
    assert app.warning.getvalue() == ""


def test_a_link_no_project_knows_warns_once(first_inventory: Path, second: Path) -> None:
    (second / "plain.rst").write_text(":orphan:\n\nPlain\n=====\n\nSee :book:`nowhere`.\n")
    app = build_second(second, first_inventory)
    assert app.warning.getvalue().count("WARNING") == 1
    assert "plain.rst:6: WARNING: unknown review id 'nowhere'" in app.warning.getvalue()


def test_links_through_intersphinx_keep_the_roles_classes(first_inventory: Path, second: Path) -> None:
    """Intersphinx makes a link's text anew where it shows the other
    project's title or drops the inventory's name from the target: the
    text keeps the role's classes, as a local link's has them."""
    page = ":orphan:\n\nPlain\n=====\n\n- :book:`mmm`\n- :book-tag:`first:management`\n"
    (second / "plain.rst").write_text(page + "- :book-author:`first:Frederick P. Brooks Jr.`\n")
    app = build_second(second, first_inventory)
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "plain.html").read_text(encoding="utf-8"), "html.parser")
    texts = [(a.find().name, a.find()["class"], a.get_text()) for a in soup.select("div.body li a")]
    assert texts == [
        ("em", ["xref", "book", "book-review"], "The Mythical Man-Month"),
        ("span", ["xref", "book", "book-tag"], "management"),
        ("span", ["xref", "book", "book-author"], "Frederick P. Brooks Jr."),
    ]
