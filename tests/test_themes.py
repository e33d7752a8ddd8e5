"""The same review under alabaster, furo, pydata-sphinx-theme,
sphinx-rtd-theme and sphinx-book-theme.

Each theme builds ``tests/roots/test-themes`` once, with no warning. The
browser test then opens each build in Debian's Chromium at a phone's and a
desktop's width, light and dark (the system preference, and furo's and
pydata-sphinx-theme's own switches), keeps screenshots under
``test-artifacts/screenshots/`` for people to look at, and checks what only
a browser knows: the card is shown and fits, the stars are drawn to the
rating's share, and the card's text is legible on its background.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_rtd_theme", "sphinx_book_theme"]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent.parent / "test-artifacts" / "screenshots"
#: The root's rating, as a share of the scale.
RATING_SHARE = 3.5 / 5
#: WCAG 2 AA for body text.
MIN_CONTRAST = 4.5


@pytest.fixture(params=THEMES)
def themed(request: pytest.FixtureRequest, built: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return built("themes", confoverrides={"html_theme": request.param})


def test_review_renders_under_theme(themed: SphinxTestApp) -> None:
    assert themed.warning.getvalue() == ""
    soup = BeautifulSoup((themed.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    review = soup.select_one("article.bookreview#fopnp")
    assert review is not None
    assert review.select_one("aside.bookreview-card dl.bookreview-facts") is not None
    cover = review.select_one("aside.bookreview-card img.bookreview-cover")
    assert cover is not None
    # The page's likely largest picture: loaded at once, its resized copy.
    assert (cover["width"], cover["height"], cover["loading"]) == ("160", "240", "eager")
    assert cover["srcset"].startswith("_images/covers/cover-160w-") and cover["srcset"].endswith(".webp 160w")
    quick = review.select("section.bookreview-quick dl > dt")
    assert [dt.get_text() for dt in quick] == ["Why I picked it up", "Why I finished it", "I\u2019d give it to"]
    rating = review.select_one("aside.bookreview-card .bookreview-rating")
    assert rating is not None
    assert rating["aria-label"] == "3.5 out of 5"
    assert "--bookreview-fill: 70%" in rating.select_one(".bookreview-stars")["style"]  # type: ignore[index]
    stylesheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert any(str(href).startswith("_static/bookreview.min.css") for href in stylesheets), stylesheets
    # Served minified; its readable source is not copied beside it.
    assert [path.name for path in (themed.outdir / "_static").glob("bookreview*")] == ["bookreview.min.css"]


# -- in a browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield browser
        browser.close()


#: The dark switches of the themes that have one (alabaster and
#: sphinx-rtd-theme stay light whatever the system prefers).
DARK_SWITCH = {
    "furo": "document.body.dataset.theme = 'dark'",
    "pydata_sphinx_theme": "document.documentElement.dataset.theme = 'dark'",
    "sphinx_book_theme": "document.documentElement.dataset.theme = 'dark'",
}

#: The contrast ratio between an element's text and what is behind it:
#: semi-transparent colours (ours are mixed from ``currentColor``) are
#: painted onto a canvas over the backgrounds of the element's ancestors,
#: so the ratio is the one a reader sees.
CONTRAST = """(element) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d", {willReadFrequently: true});
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
        layers.unshift(getComputedStyle(node).backgroundColor);
    }
    context.fillStyle = getComputedStyle(document.documentElement).colorScheme.includes("dark") ? "#121212" : "#fff";
    context.fillRect(0, 0, 1, 1);
    for (const colour of layers) {
        context.fillStyle = colour;
        context.fillRect(0, 0, 1, 1);
    }
    const background = context.getImageData(0, 0, 1, 1).data;
    context.fillStyle = getComputedStyle(element).color;
    context.fillRect(0, 0, 1, 1);
    const text = context.getImageData(0, 0, 1, 1).data;
    const luminance = (rgb) => {
        const [r, g, b] = Array.from(rgb.slice(0, 3), (v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
}"""

#: The characters that end each line of an element's text, as laid out:
#: the character before each place where the next one starts lower down.
LINE_ENDS = """(element) => {
    const ends = [];
    let top = null, last = null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getBoundingClientRect();
            if (top !== null && rect.top > top + 2) ends.push(last);
            top = rect.top;
            last = node.data[i];
        }
    }
    return ends;
}"""

#: Text in the card and the quick review whose contrast is checked.
TEXTS = [
    ".bookreview-card .bookreview-title strong",
    ".bookreview-card .bookreview-subtitle",
    ".bookreview-card dl.bookreview-facts > dt",
    ".bookreview-card dl.bookreview-facts > dd",
    ".bookreview-card .bookreview-rating-value",
    ".bookreview-card .bookreview-disclosure",
    ".bookreview-quick dt",
    ".bookreview-quick dd",
]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_review_in_browser(
    themed: SphinxTestApp, browser: Browser, serve: Callable[[Path], str], width: int, scheme: str
) -> None:
    theme = themed.config.html_theme
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        page.goto(serve(themed.outdir) + "index.html")
        if scheme == "dark" and theme in DARK_SWITCH:
            page.evaluate(DARK_SWITCH[theme])
        page.locator(".bookreview-cover").last.scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{theme}-{width}-{scheme}.png", full_page=True)
        check_page(page, width)
    finally:
        page.close()


def check_page(page: Page, width: int) -> None:
    card = page.locator("article.bookreview .bookreview-card")
    assert card.is_visible()
    cover = page.locator("img.bookreview-cover")
    assert cover.is_visible()
    assert (cover.get_attribute("width"), cover.get_attribute("height")) == ("160", "240")
    assert cover.get_attribute("loading") == "eager"
    assert cover.evaluate("(img) => img.complete && new URL(img.currentSrc).pathname").endswith(".webp")

    stars = page.locator(".bookreview-card .bookreview-stars")
    box = stars.bounding_box()
    assert box is not None
    assert box["width"] > 0
    filled = stars.evaluate("(el) => parseFloat(getComputedStyle(el, '::before').width)")
    assert filled == pytest.approx(box["width"] * RATING_SHARE, abs=1)

    # The cover's grid item (the image or Sphinx's link around it) is as
    # tall as the picture, not stretched to the card with its shadow.
    item = page.locator(".bookreview-card > .bookreview-cover").bounding_box()
    picture = cover.bounding_box()
    assert item is not None and picture is not None
    assert item["height"] == pytest.approx(picture["height"], abs=2)

    # Themes' field-list styles (rtd indents labels) do not reach the card:
    # labels line up with the title, and each with its value.
    title = page.locator(".bookreview-card > .bookreview-title").bounding_box()
    label = page.locator(".bookreview-card dl.bookreview-facts > dt").first.bounding_box()
    value = page.locator(".bookreview-card dl.bookreview-facts > dd").first.bounding_box()
    assert title is not None and label is not None and value is not None
    assert label["x"] == pytest.approx(title["x"], abs=1)
    assert label["y"] == pytest.approx(value["y"], abs=2)

    for selector in TEXTS:
        element = page.locator(selector).first
        contrast = element.evaluate(CONTRAST)
        assert contrast >= MIN_CONTRAST, f"{selector}: contrast {contrast:.2f}"

    check_url(page, width)
    if width < 600:
        viewport = page.evaluate("document.documentElement.clientWidth")
        card_box = card.bounding_box()
        assert card_box is not None
        assert card_box["x"] >= 0
        assert card_box["x"] + card_box["width"] <= viewport, "the card is wider than the screen"
        assert card.evaluate("(el) => el.scrollWidth <= el.clientWidth"), "the card's content overflows it"


def check_url(page: Page, width: int) -> None:
    """The book's web address is shown without its scheme; on a phone it
    wraps after a "/", "." or "-", never inside a word; the card's other
    text never breaks inside a word either (it did: the whole card was
    ``overflow-wrap: anywhere``)."""
    link = page.locator(".bookreview-card a.bookreview-url")
    assert link.inner_text() == "example.org/books/foundations-of-python-network-programming/second-edition/"
    assert link.get_attribute("href") == "https://" + link.inner_text()
    ends = link.evaluate(LINE_ENDS)
    assert all(end in "/.-" for end in ends), ends
    if width < 600:
        assert ends, "the address fits one line of a phone's card"
    for selector in (".bookreview-card", ".bookreview-card dl.bookreview-facts > dd"):
        assert page.locator(selector).first.evaluate("(el) => getComputedStyle(el).overflowWrap") != "anywhere"
