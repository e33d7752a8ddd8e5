"""The roles ``:book:``, ``:book-author:``, ``:book-tag:``, ``:isbn:`` and
``:rating:``, in reStructuredText and MyST."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag

if TYPE_CHECKING:
    from projects import Build
    from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def roles(built: Build) -> SphinxTestApp:
    app = built("roles", "html")
    assert app.warning.getvalue() == ""
    return app


def soup_of(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def paragraph(app: SphinxTestApp, page: str, starts: str) -> Tag:
    found = [p for p in soup_of(app, page).select("section p") if p.get_text().startswith(starts)]
    assert len(found) == 1, starts
    return found[0]


def link(app: SphinxTestApp, page: str, starts: str) -> tuple[str, str, str]:
    """``(href, text, inner HTML)`` of the one link in a paragraph."""
    (anchor,) = paragraph(app, page, starts).select("a")
    return anchor["href"], anchor.get_text(), "".join(str(child) for child in anchor.children)


@pytest.mark.parametrize("page", ["links.html", "links_md.html"])
def test_book_default_text_is_the_title_in_italics(roles: SphinxTestApp, page: str) -> None:
    # With the classes Sphinx gives the role's own text (xref book book-review).
    italic = '<em class="xref book book-review">First Reading</em>'
    assert link(roles, page, "By id:") == ("older.html#first-reading", "First Reading", italic)


@pytest.mark.parametrize("page", ["links.html", "links_md.html"])
def test_book_explicit_text(roles: SphinxTestApp, page: str) -> None:
    href, text, _html = link(roles, page, "With text:")
    assert (href, text) == ("older.html#first-reading", "the first one")


@pytest.mark.parametrize("page", ["links.html", "links_md.html"])
def test_author_and_tag_link_to_their_index_entries(roles: SphinxTestApp, page: str) -> None:
    anchors = paragraph(roles, page, "Author:").select("a")
    if page == "links.html":
        anchors += paragraph(roles, page, "Tag:").select("a")
    assert [(a["href"], a.get_text()) for a in anchors] == [
        ("book-author.html#cap-Ann%C2%A0Author", "Ann Author"),
        ("book-tag.html#cap-re-read", "re-read"),
    ]
    for anchor in anchors:
        target, _, fragment = anchor["href"].partition("#")
        entry = soup_of(roles, target).find(id=unquote(fragment))
        assert entry is not None
        assert entry.get_text(strip=True).replace("\xa0", " ") == anchor.get_text()  # no-break spaces in ids


def test_author_index_entry_lists_the_books(roles: SphinxTestApp) -> None:
    table = soup_of(roles, "book-author.html").select_one("table.modindextable")
    rows = [" ".join(row.get_text(" ").split()) for row in table.select("tr") if row.get_text(strip=True)]
    assert rows == ["Ann Author", "First Reading", "Second Reading"]


def test_isbn_links_to_the_newest_review(roles: SphinxTestApp) -> None:
    # Three reviews of one book: dated 2020, dated 2024, undated.
    assert link(roles, "links.html", "Newest review")[:2] == ("newer.html#second-reading", "978-0-306-40615-7")
    # An ISBN-10 is the same book, shown as hyphenated ISBN-13.
    assert link(roles, "links.html", "Same ISBN")[:2] == ("newer.html#second-reading", "978-0-306-40615-7")


def test_isbn_tie_on_the_date_is_broken_by_id(roles: SphinxTestApp) -> None:
    # Same date: the review whose id sorts last ("tie-zulu" after
    # "tie-alpha") counts as the newer, whatever the document names.
    assert link(roles, "links.html", "Tie on the date")[:2] == ("tie_a.html#tie-zulu", "978-1-4302-3003-8")


@pytest.mark.parametrize(("page", "starts"), [("links.html", "Not reviewed here"), ("links_md.html", "ISBN:")])
def test_isbn_not_reviewed_links_to_isbn_url(roles: SphinxTestApp, page: str, starts: str) -> None:
    assert link(roles, page, starts)[:2] == ("https://openlibrary.org/isbn/9780262510875", "978-0-262-51087-5")


def test_isbn_url_empty_means_no_link(built: Build) -> None:
    app = built("roles", "html", confoverrides={"bookreview_isbn_url": ""})
    assert app.warning.getvalue() == ""
    unreviewed = paragraph(app, "links.html", "Not reviewed here")
    assert unreviewed.select("a") == []
    assert unreviewed.get_text() == "Not reviewed here: 978-0-262-51087-5."
    # Our own review is still linked; the card's ISBN is plain text.
    assert link(app, "links.html", "Newest review")[0] == "newer.html#second-reading"
    card_isbn = soup_of(app, "older.html").select_one(".bookreview-isbn")
    assert card_isbn.select("a") == []
    assert card_isbn.get_text() == "978-0-306-40615-7"


def test_rating_role(roles: SphinxTestApp) -> None:
    ratings = paragraph(roles, "links.html", "Ratings:").select(".bookreview-rating")
    assert [(r["role"], r["aria-label"]) for r in ratings] == [
        ("img", "4.5 out of 5"),
        ("img", "4 out of 5"),  # 8/10, rescaled
        ("img", "3.3 out of 5"),  # spoken exactly ...
    ]
    # ... drawn to the nearest half star.
    fills = [r.select_one(".bookreview-stars")["style"].split(";")[0] for r in ratings]
    assert fills == ["--bookreview-fill: 90%", "--bookreview-fill: 80%", "--bookreview-fill: 70%"]
    (myst,) = paragraph(roles, "links_md.html", "ISBN:").select(".bookreview-rating")
    assert myst["aria-label"] == "4.5 out of 5"


def test_roles_in_text(built: Build) -> None:
    app = built("roles", "text")
    assert app.warning.getvalue() == ""
    text = (app.outdir / "links.txt").read_text(encoding="utf-8")
    for line in (
        "By id: *First Reading*.",
        "With text: *the first one*.",
        "Author: *Ann Author*.",
        "Newest review of an ISBN: *978-0-306-40615-7*.",
        "Ratings: ★★★★½ (4.5/5) and ★★★★☆ (4/5) and ★★★½☆ (3.5/5).",
    ):
        assert line in text
