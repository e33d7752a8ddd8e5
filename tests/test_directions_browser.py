"""An Arabic title on an English site, in a real browser (Debian's Chromium
through Playwright), under alabaster, furo and the bookreview theme: each
piece of the reader's text keeps its place in the left-to-right line.

Unisolated, a list entry read "4★★★★ author — title" from the left (the
rating's number and the stars joined the title's right-to-left run), the
card's two Arabic tags swapped places and an index entry's "(1967)" went
before its title. The markup itself: ``test_directions.py``.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest
from test_directions import AUTHOR, TITLE
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout
from test_theme_browser import browser  # noqa: F401 - a fixture: Chromium, launched once per module

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, Locator, Page
    from projects import Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["alabaster", "furo", "bookreview"])
def site(request: pytest.FixtureRequest, built: Build, serve: Callable[[Path], str]) -> str:
    app = built("directions", "html", confoverrides={"html_theme": request.param})
    assert app.warning.getvalue() == ""
    return serve(app.outdir)


def open_page(chromium: Browser, url: str) -> Page:
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url, wait_until="load")
    return page


def left_to_right(*parts: Locator) -> None:
    """The parts lie on one line, one after the other from left to right."""
    edges = []
    for part in parts:
        box = part.bounding_box()
        assert box is not None
        edges.append((box["x"], box["x"] + box["width"], box["y"]))
    for (_, right, top), (left, _, next_top) in itertools.pairwise(edges):
        assert next_top == pytest.approx(top, abs=8), edges
        assert right <= left + 0.5, edges


def test_list_entry_reads_title_author_stars_number(browser: Browser, site: str) -> None:  # noqa: F811
    page = open_page(browser, site + "index.html")
    try:
        line = page.locator(".bookreview-list-list li > p").first
        left_to_right(
            line.locator("em"),  # the title
            line.locator("a").nth(1),  # the author
            line.locator(".bookreview-stars"),
            line.locator(".bookreview-rating-value"),
        )
        # Screen readers follow the text, not the screen: the link is named
        # by the title alone, the stars by the spoken rating.
        assert line.get_by_role("link", name=TITLE, exact=True).count() == 1
        assert line.get_by_role("link", name=AUTHOR, exact=True).count() == 1
        assert line.get_by_role("img", name="4 out of 5", exact=True).count() == 1
    finally:
        page.close()


def test_card_keeps_the_order_of_title_and_subtitle_and_of_tags(browser: Browser, site: str) -> None:  # noqa: F811
    page = open_page(browser, site + "solitude.html")
    try:
        card = page.locator("#solitude .bookreview-card")
        left_to_right(card.locator(".bookreview-title strong"), card.locator(".bookreview-subtitle"))
        tags = card.locator("dd a[href*='book-tag']")
        assert [tags.nth(n).inner_text() for n in range(tags.count())] == ["رواية", "أدب"]
        left_to_right(tags.nth(0), tags.nth(1))
    finally:
        page.close()


def test_index_entry_keeps_its_year_after_its_title(browser: Browser, site: str) -> None:  # noqa: F811
    """The index pages are the theme's template, isolated by the
    stylesheet: the year the entry shows comes after the title."""
    page = open_page(browser, site + "book-author.html")
    try:
        entry = page.locator("td", has=page.locator("code.xref", has_text=TITLE)).last
        left_to_right(entry.locator("code.xref"), entry.locator("em", has_text="(1967)"))
    finally:
        page.close()
