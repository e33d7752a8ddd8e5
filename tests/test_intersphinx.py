"""A second project links to the first project's reviews through intersphinx.

The first project's ``objects.inv`` lists the ``book`` domain's reviews,
authors and tags; the second reads it from a local file, so the test runs
offline, and links with ``:external:`` roles and ``:any:``.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

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


def links(page: Path) -> list[tuple[str, str]]:
    """``(text, href)`` of each link in the list items of the page's body."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [(" ".join(a.get_text(" ").split()), a["href"]) for a in soup.select("div.body li a")]


def test_external_roles_and_any(first_inventory: Path, second: Path) -> None:
    app = build_second(second, first_inventory)
    assert app.warning.getvalue() == ""
    assert links(app.outdir / "index.html") == [
        ("The Mythical Man-Month", FIRST + "mmm.html#mmm"),
        ("the essays", FIRST + "mmm.html#mmm"),
        ("Frederick P. Brooks Jr.", FIRST + "book-author.html#cap-Frederick%C2%A0P.%C2%A0Brooks%C2%A0Jr."),
        ("management", FIRST + "book-tag.html#cap-management"),
        ("The Mythical Man-Month", FIRST + "mmm.html#mmm"),
    ]


def test_book_role_falls_back_to_intersphinx(first_inventory: Path, second: Path) -> None:
    (second / "plain.rst").write_text(":orphan:\n\nPlain\n=====\n\n- :book:`mmm`\n- :book:review:`mmm`\n")
    app = build_second(second, first_inventory)
    assert links(app.outdir / "plain.html") == [
        ("The Mythical Man-Month", FIRST + "mmm.html#mmm"),
        ("The Mythical Man-Month", FIRST + "mmm.html#mmm"),
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
