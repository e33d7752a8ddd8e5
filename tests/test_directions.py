"""Text in another script keeps its own direction: every title, name, tag,
series, publisher, disclosure and verdict a review brings is isolated in
HTML (``<bdi>``): in the card, in each listing layout and on the theme's
home grid and pager; our own labels, dates and ratings are not
(``tests/roots/test-directions``: an English site with a review of a book
in Arabic). Where this puts them on screen: ``test_directions_browser.py``.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout

if TYPE_CHECKING:
    from bs4 import Tag
    from projects import Build
    from sphinx.testing.util import SphinxTestApp

TITLE, AUTHOR = "مئة عام من العزلة", "غابرييل غارسيا ماركيز"
CARD_TITLE = (
    f'<p class="bookreview-title"><bdi><strong>{TITLE}</strong></bdi>: <bdi class="bookreview-subtitle">رواية</bdi></p>'
)
#: The review's author and title linked, each in its own direction (attributes left out: see :func:`bare`).
LINKED_AUTHOR = f'<bdi><a class="reference internal"><span class="xref book book-author">{AUTHOR}</span></a></bdi>'
LINKED_TITLE = f'<bdi><a class="reference internal"><em class="xref book book-review">{TITLE}</em></a></bdi>'
RATING = (
    '<span class="bookreview-rating"><span class="bookreview-stars"></span>'
    '<span class="bookreview-rating-value">4</span></span>'
)
#: Characters that would isolate or mark a direction in plain text: the
#: isolation is markup, never invisible characters that copied text, the
#: search index or a screen reader would carry.
DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def bare(element: Tag | None) -> str:
    """The element's markup with its classes but no other attribute (links'
    URLs, ARIA and style attributes are other tests' business)."""
    assert element is not None
    element = copy.copy(element)
    for tag in [element, *element.find_all(True)]:
        tag.attrs = {name: value for name, value in tag.attrs.items() if name == "class"}
    return str(element)


@pytest.fixture(scope="module")
def html(built: Build) -> SphinxTestApp:
    app = built("directions", "html")
    assert app.warning.getvalue() == ""
    return app


@pytest.fixture(scope="module")
def card(html: SphinxTestApp) -> Tag:
    card = page(html, "solitude.html").select_one("#solitude aside.bookreview-card")
    assert card is not None
    return card


def test_card_title_and_subtitle_are_isolated(card: Tag) -> None:
    assert bare(card.select_one(".bookreview-title")) == CARD_TITLE


def test_card_facts_isolate_the_readers_text_not_labels_dates_or_ratings(card: Tag) -> None:
    facts = {dt.get_text().rstrip(":"): bare(dd.p) for dt, dd in zip(card.select("dt"), card.select("dd"), strict=True)}
    assert facts == {
        "Author": f"<p>{LINKED_AUTHOR}</p>",
        "Translator": "<p><bdi>صالح علماني</bdi></p>",
        "Series": "<p>Book 1 of <bdi>ماكوندو</bdi></p>",
        "Edition": "<p><bdi>الطبعة الأولى</bdi></p>",
        "Publisher": "<p><bdi>دار المدى</bdi></p>",
        "Published": "<p>1967</p>",
        "Rating": f"<p>{RATING}</p>",
        "Tags": '<p><bdi><a class="reference internal"><span class="xref book book-tag">رواية</span></a></bdi>, '
        '<bdi><a class="reference internal"><span class="xref book book-tag">أدب</span></a></bdi></p>',
        "Reviewed by": "<p><bdi>ريم القارئة</bdi></p>",
        "Review date": "<p>2024-03-01</p>",
    }
    assert card.select("dt bdi") == []


def test_disclosure_verdict_and_answers_are_isolated(html: SphinxTestApp) -> None:
    review = page(html, "solitude.html").select_one("article#solitude")
    assert review is not None
    assert bare(review.select_one(".bookreview-disclosure")) == (
        '<p class="bookreview-disclosure"><strong>Disclosure:</strong> <bdi>نسخة من الناشر.</bdi></p>'
    )
    assert bare(review.select_one(".bookreview-verdict")) == '<p class="bookreview-verdict"><bdi>رواية عظيمة.</bdi></p>'
    assert bare(review.select_one(".bookreview-quick dd > p")) == "<p><bdi>توصية من صديق.</bdi></p>"
    assert review.select(".bookreview-quick dt bdi") == []


def test_list_isolates_title_author_and_verdict(html: SphinxTestApp) -> None:
    item = page(html, "index.html").select_one(".bookreview-list-list li")
    assert item is not None
    line, verdict = item.select("p")
    assert bare(line) == f"<p>{LINKED_TITLE} — {LINKED_AUTHOR} {RATING}</p>"
    assert bare(verdict) == '<p class="bookreview-list-verdict"><bdi>رواية عظيمة.</bdi></p>'


def test_table_isolates_each_cell_of_the_readers_text(html: SphinxTestApp) -> None:
    row = page(html, "index.html").select_one(".bookreview-list-table tbody tr")
    assert row is not None
    assert [bare(cell.p) for cell in row.select("td")] == [
        f"<p>{LINKED_TITLE}</p>",
        f"<p>{LINKED_AUTHOR}</p>",
        f"<p>{RATING}</p>",
        '<p><bdi><a class="reference internal"><span class="xref book book-tag">رواية</span></a></bdi>, '
        '<bdi><a class="reference internal"><span class="xref book book-tag">أدب</span></a></bdi></p>',
        "<p>Book 1 of <bdi>ماكوندو</bdi></p>",
        "<p><bdi>ريم القارئة</bdi></p>",
        "<p><bdi>رواية عظيمة.</bdi></p>",
    ]
    assert page(html, "index.html").select(".bookreview-list-table th bdi") == []


def test_cards_isolate_title_author_and_verdict(html: SphinxTestApp) -> None:
    item = page(html, "index.html").select_one(".bookreview-cards-item")
    assert item is not None
    assert [bare(paragraph) for paragraph in item.select("p")] == [
        f'<p class="bookreview-cards-title">{LINKED_TITLE}</p>',
        f'<p class="bookreview-cards-authors">{LINKED_AUTHOR}</p>',
        f'<p class="bookreview-cards-rating">{RATING}</p>',
        '<p class="bookreview-cards-verdict"><bdi>رواية عظيمة.</bdi></p>',
    ]


def test_theme_grid_and_pager_isolate_titles_and_names(built: Build) -> None:
    app = built("directions", "html", confoverrides={"html_theme": "bookreview"})
    assert app.warning.getvalue() == ""
    items = page(app, "index.html").select(".recent-item")
    assert [bare(item.select_one(".recent-title")) for item in items] == [
        f'<span class="recent-title"><bdi>{TITLE}</bdi></span>',
        '<span class="recent-title"><bdi>Dune</bdi></span>',
    ]
    assert [bare(item.select_one(".recent-authors")) for item in items] == [
        f'<span class="recent-authors"><bdi>{AUTHOR}</bdi></span>',
        '<span class="recent-authors"><bdi>Frank Herbert</bdi></span>',
    ]
    # The title drawn where a cover would be (no review here has one).
    assert bare(items[0].select_one(".recent-cover-none")) == (
        f'<span class="recent-cover recent-cover-none"><bdi>{TITLE}</bdi></span>'
    )
    # Dune is the older review: the next one is the Arabic one.
    assert bare(page(app, "dune.html").select_one(".pager-next .pager-title")) == (
        f'<span class="pager-title"><bdi>{TITLE}</bdi></span>'
    )


def test_epub_isolates_as_html_does(built: Build) -> None:
    app = built("directions", "epub")
    assert app.warning.getvalue() == ""
    xhtml = (app.outdir / "solitude.xhtml").read_bytes()
    etree.fromstring(xhtml)  # well-formed XML, as e-book readers need
    title = BeautifulSoup(xhtml, "html.parser").select_one(".bookreview-title")
    assert bare(title) == CARD_TITLE


@pytest.mark.parametrize("buildername", ["text", "html"])
def test_no_invisible_direction_characters(built: Build, buildername: str) -> None:
    app = built("directions", buildername)
    assert app.warning.getvalue() == ""
    suffix = "txt" if buildername == "text" else "html"
    shown = (app.outdir / f"solitude.{suffix}").read_text(encoding="utf-8")
    assert TITLE in shown
    assert DIRECTION_MARKS.findall(shown) == []
