"""Authors are ordered by family name, in the author index and in
listings sorted by ``author``, and shown as written: the family name is
the part before a comma (``Le Guin, Ursula K.``), else the last word, a
suffix such as ``Jr.`` left out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build, write_files

from sphinx_bookreview.model import family_name

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

#: Each review's id and its authors, in no order.
REVIEWS = {
    "pragmatic": "Andrew Hunt; David Thomas",
    "clean-code": "Robert C. Martin",
    "mmm": "Frederick P. Brooks Jr.",
    "earthsea": "Le Guin, Ursula K.",
    "refactoring": "Martin Fowler",
    "prince": "Antoine de Saint-Exupéry",
    "santi": "刘慈欣",
    "republic": "Plato",
    "game-of-thrones": "George R. R. Martin",
}
#: The author index's headings, in order, as written.
AUTHORS = [
    "Frederick P. Brooks Jr.",
    "Martin Fowler",
    "Andrew Hunt",
    "Le Guin, Ursula K.",
    "George R. R. Martin",  # two Martins: then by the name as written
    "Robert C. Martin",
    "Plato",
    "Antoine de Saint-Exupéry",
    "David Thomas",
    "刘慈欣",
]
#: The reviews in a listing sorted by (first) author.
BY_AUTHOR = [
    "mmm",
    "refactoring",
    "pragmatic",
    "earthsea",
    "game-of-thrones",
    "clean-code",
    "republic",
    "prince",
    "santi",
]


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Robert C. Martin", "Martin"),
        ("Frederick P. Brooks Jr.", "Brooks"),
        ("John Smith III", "Smith"),
        ("Le Guin, Ursula K.", "Le Guin"),
        ("Martin Luther King, Jr.", "King"),
        ("Brooks, Frederick P., Jr.", "Brooks"),
        ("Antoine de Saint-Exupéry", "Saint-Exupéry"),
        ("Plato", "Plato"),
        ("刘慈欣", "刘慈欣"),
    ],
)
def test_family_name(name: str, family: str) -> None:
    assert family_name(name) == family


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    conf = 'project = "Order"\nextensions = ["sphinx_bookreview"]\nhtml_baseurl = "https://order.example.org/"\n'
    listings = "".join(f".. bookreview-list::\n   :sort: {key}\n\n" for key in ("author", "-author"))
    reviews = "".join(
        f".. bookreview:: Book {n}\n   :id: {review}\n   :author: {authors}\n\n"
        for n, (review, authors) in enumerate(REVIEWS.items())
    )
    srcdir = write_files(
        tmp_path_factory.mktemp("order"), {"conf.py": conf, "index.rst": f"Order\n=====\n\n{listings}{reviews}"}
    )
    app = sphinx_build(srcdir)
    assert app.warning.getvalue() == ""
    return app


def test_author_index_by_family_name(app: SphinxTestApp) -> None:
    soup = BeautifulSoup((app.outdir / "book-author.html").read_text(encoding="utf-8"), "html.parser")
    headings = [cell.get_text(strip=True) for cell in soup.select("table.indextable tr.cap td strong")]
    assert [heading.replace("\u00a0", " ") for heading in headings] == AUTHORS


def test_listing_sorted_by_author_by_family_name(app: SphinxTestApp) -> None:
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    ascending, descending = (
        [a["href"].split("#")[1] for a in listing.select("li a[href^='#']")]
        for listing in soup.select(".bookreview-list")
    )
    assert ascending == BY_AUTHOR
    assert descending == BY_AUTHOR[::-1]
