"""Words longer than a phone's screen is wide, in a real browser (Debian's
Chromium through Playwright), at 390 and 1280 px, under alabaster, furo,
the bookreview theme and with sphinx-design's cards.

``tests/roots/test-long-words`` puts a German compound in every place a
review's text appears: the card's title, subtitle and every fact, the
disclosure, the verdict, the quick review, each listing layout, the index
pages, and with the theme its home grid and pager. Each breaks inside its
box: no element sticks out of it, every line of text lies within it (so
none is clipped, as furo clipped the card's), and the page never scrolls
sideways (alabaster's did, to 854 px).
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from projects import sphinx_build
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout
from test_theme_browser import browser  # noqa: F401 - a fixture: Chromium, launched once per module

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

#: Each site: its name, the theme and the extensions.
SITES = {
    "alabaster": ("alabaster", ["sphinx_bookreview"]),
    "furo": ("furo", ["sphinx_bookreview"]),
    "bookreview": ("bookreview", ["sphinx_bookreview"]),
    "sphinx-design": ("alabaster", ["sphinx_bookreview", "sphinx_design"]),
}
INDEX_CELLS = ":is(table.modindextable, table.domainindex-table) td"
INDEX_JUMPBOX = ":is(.modindex-jumpbox, .domainindex-jumpbox)"
#: Boxes only the bookreview theme draws.
THEME_ONLY = (".pager a", ".recent-item")
#: The boxes of each page whose content must stay inside them.
BOXES = {
    "compound.html": [".bookreview-card", ".bookreview-verdict", ".bookreview-quick", ".bookreview-body", ".pager a"],
    "uncovered.html": [".bookreview-card", ".bookreview-verdict", ".pager a"],
    "listings.html": [".bookreview-list-list", ".bookreview-cards-item", ".bookreview-list-table td"],
    # Index pages: furo names its table and jumpbox its own way.
    "book-author.html": [INDEX_CELLS, INDEX_JUMPBOX],
    "book-tag.html": [INDEX_CELLS, INDEX_JUMPBOX],
    "index.html": [".recent-item"],
}

#: What sticks out of each box matching ``selector``: elements and lines
#: of text (each line of a text node is one client rect) whose left or
#: right edge lies outside the box's; and the box itself where it lies
#: outside the screen (or, in a box that scrolls, as a table of many
#: columns does, where that box does).
OUTSIDE = """(selector) => {
    const edge = (rect) => `${Math.round(rect.left)}..${Math.round(rect.right)}`;
    const scroller = (element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            if (["auto", "scroll"].includes(getComputedStyle(parent).overflowX)) return parent;
        }
        return element;
    };
    const found = [];
    for (const box of document.querySelectorAll(selector)) {
        const outer = box.getBoundingClientRect();
        const outside = (rect) => rect.width > 0 && (rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5);
        for (const element of box.querySelectorAll("*")) {
            const rect = element.getBoundingClientRect();
            if (outside(rect)) found.push(`<${element.localName} class="${element.className}"> ${edge(rect)}`);
        }
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
                if (outside(rect)) found.push(`"${node.data.trim().slice(0, 40)}" ${edge(rect)}`);
            }
        }
        const shown = scroller(box).getBoundingClientRect();
        if (shown.left < -0.5 || shown.right > innerWidth + 0.5) found.push(`${selector} itself ${edge(shown)}`);
    }
    return found;
}"""


def write_cover(path: Path) -> None:
    Image.new("RGB", (200, 300), (30, 90, 110)).save(path)


@pytest.fixture(scope="module", params=sorted(SITES))
def site(
    request: pytest.FixtureRequest, rootdir: Path, tmp_path_factory: pytest.TempPathFactory,
    serve: Callable[[Path], str],
) -> tuple[str, str]:  # fmt: skip
    """The root built with one site's theme and extensions: its name and URL."""
    theme, extensions = SITES[request.param]
    srcdir = tmp_path_factory.mktemp("long-words") / "src"
    shutil.copytree(rootdir / "test-long-words", srcdir)
    write_cover(srcdir / "cover.png")
    app = sphinx_build(srcdir, confoverrides={"html_theme": theme, "extensions": extensions})
    assert app.warning.getvalue() == ""
    return request.param, serve(app.outdir)


def open_page(chromium: Browser, url: str, width: int) -> Page:
    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", sorted(BOXES))
def test_long_words_stay_inside_their_boxes(
    browser: Browser,  # noqa: F811 - the fixture imported above
    site: tuple[str, str], name: str, width: int,
) -> None:  # fmt: skip
    theme, url = site
    page = open_page(browser, url + name, width)
    try:
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, "the page scrolls sideways"
        for selector in BOXES[name]:
            # Every box is there to check, but the theme's own where another theme draws none.
            assert page.locator(selector).count() > 0 or (theme != "bookreview" and selector in THEME_ONLY), selector
            assert page.evaluate(OUTSIDE, selector) == [], selector
    finally:
        page.close()


def test_the_long_word_breaks_on_a_phone(
    browser: Browser,  # noqa: F811 - the fixture imported above
    site: tuple[str, str],
) -> None:  # fmt: skip
    """The subtitle, one word of 80 letters, takes more than one line: it
    is broken, not left to overflow (what the test above would see)."""
    _theme, url = site
    page = open_page(browser, url + "compound.html", 390)
    try:
        subtitle = page.locator(".bookreview-card .bookreview-subtitle")
        assert subtitle.evaluate("(element) => element.getClientRects().length") > 1
    finally:
        page.close()


def test_listing_tables_are_no_wider_than_for_short_words(
    browser: Browser,  # noqa: F811 - the fixture imported above
    site: tuple[str, str],
) -> None:  # fmt: skip
    """On a phone, no cell of the reader's text is as wide as the listing
    (each was the width of its longest word: up to 680 px); on a desktop
    the table of the default columns fits the page without scrolling."""
    _theme, url = site
    for width in (390, 1280):
        page = open_page(browser, url + "listings.html", width)
        try:
            listing = page.locator(".bookreview-list-table").first
            box = listing.bounding_box()
            assert box is not None
            cells = page.locator(".bookreview-list-table td:has(bdi)")
            widths = [cells.nth(n).bounding_box()["width"] for n in range(cells.count())]  # type: ignore[index]
            assert widths
            assert max(widths) < box["width"], (widths, box)
            if width == 1280:
                assert listing.evaluate("(element) => element.scrollWidth <= element.clientWidth")
        finally:
            page.close()
