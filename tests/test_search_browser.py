"""Sphinx's search page in a real browser (Debian's Chromium through
Playwright): a word of a review's title finds the review first, and its
link scrolls to the review; searching an author or a tag finds pages
that exist; every anchor ``objects.inv`` names is an element's id. Under
Sphinx's default theme (alabaster, also with dirhtml) and ``bookreview``,
with no console error on the way (``tests/roots/test-search``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

import pytest
from sphinx.util.inventory import InventoryFile

# The theme's browser fixture, used through chromium() below.
from test_theme_browser import browser  # noqa: F401

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, ConsoleMessage, Page, Response
    from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.browser

#: (theme, builder) of each site the tests search.
SITES = [("alabaster", "html"), ("bookreview", "html"), ("alabaster", "dirhtml")]
#: A word of each review's title, the review's id, and whether the review
#: starts below the first screen of its page under every theme (so that
#: its link must scroll).
TITLE_WORDS = [("Mythical", "mmm", True), ("Tompkins", "mr-tompkins-in-wonderland", False)]
#: Searched for: an author's name and a tag.
AUTHOR_AND_TAG = ["Brooks", "management"]


class Site:
    """A built site, served: its URL, builder and output folder."""

    def __init__(self, url: str, buildername: str, outdir: Path) -> None:
        self.url, self.buildername, self.outdir = url, buildername, outdir

    def search_url(self, query: str) -> str:
        page = "search/" if self.buildername == "dirhtml" else "search.html"
        return f"{self.url}{page}?q={quote(query)}"


@pytest.fixture(scope="module", params=SITES, ids=["-".join(site) for site in SITES])
def site(request: pytest.FixtureRequest, built: Callable[..., SphinxTestApp], serve: Callable[[Path], str]) -> Site:
    theme, buildername = request.param
    app = built("search", buildername, confoverrides={"html_theme": theme})
    assert app.warning.getvalue() == ""
    return Site(serve(app.outdir), buildername, app.outdir)


@pytest.fixture(scope="module")
def chromium(request: pytest.FixtureRequest) -> Browser:
    return request.getfixturevalue("browser")  # type: ignore[no-any-return]


class Console:
    """What went wrong in a page, as a reader's developer tools show it:
    console errors and warnings (Sphinx's search warns there when it finds
    no element for an anchor), uncaught exceptions, failed requests."""

    def __init__(self, page: Page) -> None:
        self.problems: list[str] = []
        page.on("console", self.message)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("response", self.response)

    def message(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning") and not browsers_own(message.location["url"]):
            self.problems.append(f"{message.type}: {message.text}")

    def response(self, response: Response) -> None:
        if response.status >= 400 and not browsers_own(response.url):
            self.problems.append(f"{response.status}: {response.url}")


def browsers_own(url: str) -> bool:
    """Chromium asks for ``/favicon.ico`` by itself where a page names no
    icon, as alabaster's do not: not a request of the page's."""
    return urlsplit(url).path == "/favicon.ico"


def new_page(chromium: Browser) -> tuple[Page, Console]:
    # Short, so that the page scrolls to a review below its first screen.
    page = chromium.new_context(viewport={"width": 1280, "height": 600}).new_page()
    return page, Console(page)


def search(page: Page, site: Site, query: str) -> list[str]:
    """The ``href`` of each result, in order, once the search finished and
    the summaries it fetches have arrived."""
    page.goto(site.search_url(query), wait_until="load")
    page.wait_for_function("document.querySelector('p.search-summary')?.innerText.length > 0")
    page.wait_for_load_state("networkidle")
    return page.eval_on_selector_all("ul.search li > a", "links => links.map(a => a.getAttribute('href'))")  # type: ignore[no-any-return]


def target(page: Page) -> dict[str, Any] | None:
    """The element ``:target`` matches: its id, the id of the review it is
    in, and where the review's card is in the window."""
    return page.evaluate(  # type: ignore[no-any-return]
        """() => {
            const found = document.querySelector(':target');
            if (!found) return null;
            const review = found.closest('article.bookreview');
            const card = review && review.querySelector('.bookreview-card').getBoundingClientRect();
            return {id: found.id, review: review && review.id, cardTop: card && card.top,
                    scrollY: window.scrollY, height: window.innerHeight};
        }"""
    )


@pytest.mark.parametrize(("word", "review_id", "below"), TITLE_WORDS)
def test_a_title_word_finds_the_review_and_its_link_scrolls_to_it(
    chromium: Browser, site: Site, word: str, review_id: str, below: bool
) -> None:
    page, console = new_page(chromium)
    hrefs = search(page, site, word)
    assert hrefs, f"nothing found for {word!r}"
    assert hrefs[0].endswith(f"#bookreview--{review_id}"), hrefs
    page.locator("ul.search li > a").first.click()
    page.wait_for_load_state("load")
    found = target(page)
    assert found is not None, page.url
    assert (found["id"], found["review"]) == (f"bookreview--{review_id}", review_id)
    if below:
        assert found["scrollY"] > 0, found
    assert -1 < found["cardTop"] < found["height"] / 2, found  # the card at the top of the window
    assert console.problems == []
    page.context.close()


@pytest.mark.parametrize("query", AUTHOR_AND_TAG)
def test_an_author_or_a_tag_finds_pages_that_exist(chromium: Browser, site: Site, query: str) -> None:
    """Authors and tags are no search objects (see ``test_search.py``):
    the search finds the pages of their reviews, and every link leads
    to a page, and to an element where it names an anchor."""
    page, console = new_page(chromium)
    hrefs = search(page, site, query)
    assert any("essays" in href for href in hrefs), hrefs
    for href in page.eval_on_selector_all("ul.search li > a", "links => links.map(a => a.href)"):
        page.goto(href, wait_until="load")
        if "#" in href:
            assert target(page) is not None, href
    assert console.problems == []
    page.context.close()


def test_every_anchor_in_objects_inv_is_an_id(chromium: Browser, site: Site) -> None:
    """Where intersphinx links from another project: reviews at their
    search anchor, authors and tags at their index entries."""
    with (site.outdir / "objects.inv").open("rb") as file:
        inventory = InventoryFile.load(file, site.url, lambda base, uri: base + uri)
    # Sphinx 9's inventory items have a ``uri``; 7.4's are tuples.
    uris = {
        name: str(getattr(item, "uri", None) or item[2])
        for typ, items in inventory.items()
        if typ.startswith("book:")
        for name, item in items.items()
    }
    assert uris["mmm"].endswith("#bookreview--mmm")
    assert {"Frederick P. Brooks Jr.", "management"} <= set(uris)
    page, console = new_page(chromium)
    for uri in uris.values():
        page.goto(uri, wait_until="load")
        found = target(page)
        assert found is not None and found["id"] == unquote(urlsplit(uri).fragment), uri
    assert console.problems == []
    page.context.close()
