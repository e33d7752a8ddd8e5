"""The ``bookreview`` theme in a real browser: Debian's Chromium through Playwright.

The test site (``tests/roots/test-theme``) is built once and served on
127.0.0.1 from a thread that stops with the module. Screenshots of the home
page and a review page, at 375 and 1280 px, light and dark, are kept in
``test-artifacts/theme/`` (gitignored) for a person to look at. axe-core is
installed from npm into a cache folder outside the repository on first use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from projects import sphinx_build
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout
from test_themes import LINE_ENDS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "theme"
AXE_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "sphinx-bookreview" / "axe"
PAGES = {"home": "index.html", "review": "reviews/pragmatic.html"}
#: axe rules we accept a failure of, with the reason. None so far.
ACCEPTED: dict[str, str] = {}
LIGHT_BACKGROUND, DARK_BACKGROUND = "rgb(251, 248, 243)", "rgb(24, 23, 21)"
#: A code block's background and text under a11y-light and a11y-dark, the theme's Pygments styles.
LIGHT_CODE, DARK_CODE = ["rgb(242, 242, 242)", "rgb(30, 30, 30)"], ["rgb(43, 43, 43)", "rgb(248, 248, 242)"]


def served(app: SphinxTestApp, serve: Callable[[Path], str]) -> str:
    """The URL of the build's root, served on 127.0.0.1; a build with
    warnings is not worth looking at."""
    assert not app.warning.getvalue()
    return serve(app.outdir)


@pytest.fixture(scope="module")
def site(built: Callable[..., SphinxTestApp], serve: Callable[[Path], str]) -> str:
    return served(built("theme"), serve)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js, installed from npm into the cache on first use."""
    script = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is needed to install axe-core (Debian package npm)")
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--prefix", str(AXE_CACHE), "--no-audit", "--no-fund", "axe-core@4"],
                       check=True, capture_output=True, timeout=300)  # fmt: skip
    return script


def open_page(browser: Browser, url: str, width: int, scheme: str) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


def background(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_screenshot(browser: Browser, site: str, name: str, width: int, scheme: str) -> None:
    page = open_page(browser, site + PAGES[name], width, scheme)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
    assert background(page) == (DARK_BACKGROUND if scheme == "dark" else LIGHT_BACKGROUND)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_card_beside_text_on_wide_screens_above_on_narrow(browser: Browser, site: str, width: int) -> None:
    page = open_page(browser, site + PAGES["review"], width, "light")
    card = page.locator(".bookreview-card").bounding_box()
    text = page.locator(".bookreview-body").bounding_box()
    assert card is not None and text is not None
    if width >= 1280:
        assert card["x"] >= text["x"] + text["width"], (card, text)
        assert card["y"] < text["y"] + text["height"]
    else:
        assert card["y"] + card["height"] <= text["y"], (card, text)
    page.context.close()


def test_review_on_the_home_page_keeps_the_review_layout(
    browser: Browser, rootdir: Path, tmp_path: Path, serve: Callable[[Path], str]
) -> None:
    """A review on the root page has its card beside the text, as on a
    review page; the home page's own text keeps its reading width."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-theme", srcdir)
    review = (srcdir / "reviews" / "pragmatic.rst").read_text(encoding="utf-8")
    directive = review[review.index(".. bookreview::") :].replace("../covers/", "covers/")
    # The same book again, under another id: a re-review, or the build warns
    # about two reviews of one ISBN.
    directive = directive.replace(":id: pragmatic", ":id: on-the-home-page\n   :rereview-of: pragmatic")
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "\n" + directive, encoding="utf-8")
    app = sphinx_build(srcdir, builddir=tmp_path / "build")
    page = open_page(browser, served(app, serve), 1280, "light")
    intro = page.locator(".body section > p").first.bounding_box()
    card = page.locator(".bookreview-card").bounding_box()
    text = page.locator(".bookreview-body").bounding_box()
    assert intro is not None and card is not None and text is not None
    assert card["x"] >= text["x"] + text["width"], (card, text)
    assert text["width"] >= 0.95 * intro["width"], "the review's text is as wide as the page's own"
    page.context.close()


def test_home_grid_shows_covers_in_rows(browser: Browser, site: str) -> None:
    page = open_page(browser, site, 1280, "light")
    boxes = [page.locator(".recent-item").nth(i).bounding_box() for i in range(page.locator(".recent-item").count())]
    assert len(boxes) == 5
    assert len({round(box["y"]) for box in boxes if box}) == 1, "five covers fit one row at 1280 px"
    # Every cover loads (the lazy ones too: they are all in view).
    page.wait_for_function(
        "[...document.querySelectorAll('.recent-grid img')].every(i => i.complete && i.naturalWidth)"
    )
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [*PAGES.values(), "about.html", "search.html?q=kindest", "book-author.html"])
def test_axe_finds_no_violation(browser: Browser, site: str, axe_script: Path, path: str, scheme: str) -> None:
    page = open_page(browser, site + path, 1280, scheme)
    if path.startswith("search"):
        page.wait_for_selector("ul.search li")
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'])})"
        for v in result["violations"] if v["id"] not in ACCEPTED
    ]  # fmt: skip
    assert violations == []
    page.context.close()


def test_skip_link_is_first_and_moves_to_the_text(browser: Browser, site: str) -> None:
    page = open_page(browser, site + PAGES["review"], 375, "light")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getBoundingClientRect().top]")
    assert focused[0] == "skip-link"
    assert focused[1] >= 0, "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next Tab lands in the text"
    page.context.close()


def test_theme_toggle_by_keyboard_is_remembered(browser: Browser, site: str) -> None:
    page = open_page(browser, site + PAGES["review"], 1280, "light")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('theme-toggle')"):
            break
    else:
        pytest.fail("Tab never reaches the colour theme switch")
    assert page.evaluate("document.documentElement.dataset.theme") == "auto"
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(page) == DARK_BACKGROUND
    assert "dark" in (page.locator(".theme-toggle").get_attribute("title") or "")
    page.goto(site + PAGES["home"])
    assert page.evaluate("document.documentElement.dataset.theme") == "dark", "remembered on the next page"
    assert background(page) == DARK_BACKGROUND
    page.locator(".theme-toggle").focus()
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.theme") == "auto"
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_colours_follow_the_system_and_the_switch(browser: Browser, site: str, scheme: str) -> None:
    page = open_page(browser, site + "about.html", 1280, scheme)

    def code_colours() -> list[str]:
        return list(page.evaluate("[getComputedStyle(document.querySelector('div.highlight')).backgroundColor,"
                                  " getComputedStyle(document.querySelector('div.highlight pre')).color]"))  # fmt: skip

    assert code_colours() == (DARK_CODE if scheme == "dark" else LIGHT_CODE)
    for chosen, colours in (("dark", DARK_CODE), ("light", LIGHT_CODE), ("auto", code_colours())):
        page.evaluate(f"document.documentElement.dataset.theme = {chosen!r}")
        assert code_colours() == colours, chosen
    page.context.close()


def test_remembered_dark_theme_is_set_before_first_paint(browser: Browser, site: str) -> None:
    page = open_page(browser, site + PAGES["home"], 375, "light")
    page.evaluate("localStorage.setItem('bookreview-theme', 'dark')")
    # What the page looks like before any deferred script runs.
    page.route("**/*.js*", lambda route: route.abort())
    page.reload(wait_until="commit")
    page.wait_for_selector("body")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(page) == DARK_BACKGROUND
    page.context.close()


def test_search_finds_a_review(browser: Browser, site: str) -> None:
    page = open_page(browser, site, 1280, "light")
    page.fill("#site-search-q", "kindest")
    page.keyboard.press("Enter")
    page.wait_for_selector("ul.search li a")
    assert "reviews/pragmatic.html" in (page.locator("ul.search li a").first.get_attribute("href") or "")
    page.locator("ul.search li a").first.click()
    page.wait_for_selector("span.highlighted")
    assert page.locator("span.highlighted").first.inner_text().lower() == "kindest"
    page.context.close()


def test_print_is_black_on_white_without_navigation(browser: Browser, site: str) -> None:
    page = open_page(browser, site + PAGES["review"], 1280, "dark")
    page.emulate_media(media="print")
    assert background(page) == "rgb(255, 255, 255)"
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".pager").is_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "review-print.pdf"))
    page.context.close()


def test_menu_opens_by_keyboard_and_closes_with_escape(
    browser: Browser, built: Callable[..., SphinxTestApp], serve: Callable[[Path], str]
) -> None:
    page = open_page(browser, served(built("theme-menu"), serve) + "two.html", 375, "light")
    page.locator(".site-menu summary").focus()
    page.keyboard.press("Enter")
    assert page.locator(".site-menu-panel").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the open menu fits the screen"
    page.keyboard.press("Escape")
    assert page.locator(".site-menu-panel").is_hidden()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.context.close()


# -- a phone's width: the author index and a long web address -------------------

PHONE = 390


def test_author_index_on_a_phone(browser: Browser, site: str) -> None:
    """Each verdict takes the screen's width under its book, several words
    a line (in a third column it held one to three), and nothing scrolls
    sideways."""
    page = open_page(browser, site + "book-author.html", PHONE, "light")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"author-index-{PHONE}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, "the page scrolls sideways"
    verdicts = page.locator("table.modindextable td:nth-child(3) > em")
    assert verdicts.count() == 8
    for n in range(verdicts.count()):
        words = len(verdicts.nth(n).inner_text().split())
        lines = verdicts.nth(n).evaluate("(em) => em.getClientRects().length")
        assert words / lines >= 4, f"{verdicts.nth(n).inner_text()!r}: {words} words on {lines} lines"
    page.context.close()


def test_long_web_address_on_a_phone(
    browser: Browser, built: Callable[..., SphinxTestApp], serve: Callable[[Path], str]
) -> None:
    """The card shows the address without its scheme, wrapped after a "/",
    "." or "-" (it broke mid-word: the card was ``overflow-wrap: anywhere``)."""
    page = open_page(
        browser, served(built("themes", confoverrides={"html_theme": "bookreview"}), serve), PHONE, "light"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(".bookreview-card").screenshot(path=str(ARTIFACTS / f"card-url-{PHONE}.png"))
    link = page.locator(".bookreview-card a.bookreview-url")
    assert link.inner_text() == "example.org/books/foundations-of-python-network-programming/second-edition/"
    ends = link.evaluate(LINE_ENDS)
    assert ends and all(end in "/.-" for end in ends), ends
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE, "the page scrolls sideways"
    page.context.close()


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_a_wide_listing_table_scrolls_in_its_own_box(
    browser: Browser, built: Callable[..., SphinxTestApp], serve: Callable[[Path], str], width: int
) -> None:
    """Every column a listing's table can show: the page does not scroll
    sideways (it did, 1271 px wide on a 385 px phone); the table does."""
    site = served(built("listing", confoverrides={"html_theme": "bookreview"}), serve)
    page = open_page(browser, site + "layouts.html", width, "light")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    boxes = page.locator(".bookreview-list-table")
    widest = max(boxes.nth(n).evaluate("box => box.scrollWidth - box.clientWidth") for n in range(boxes.count()))
    if width == PHONE:
        assert widest > 0, "a table of nine columns is wider than a phone, and scrolls in its box"
    page.context.close()
