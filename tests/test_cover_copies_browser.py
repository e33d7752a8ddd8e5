"""The cover a browser actually shows is one of the resized copies:
Debian's Chromium through Playwright, on a phone's width and a desktop's,
at device pixel ratios 1 and 2, for the card, the listing's cards and the
theme's home grid (``currentSrc``, after each picture is scrolled into
view so that lazy ones load)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from test_cover_copies import build, write_project
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout
from test_theme_browser import browser  # noqa: F401 - a fixture: Chromium, launched once per module

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

#: What each image reports once loaded: the copy chosen, its width, and the candidates offered.
CHOSEN = """(img) => ({src: new URL(img.currentSrc).pathname, natural: img.naturalWidth,
    complete: img.complete, sizes: img.sizes, candidates: img.srcset})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> str:
    srcdir = tmp_path_factory.mktemp("browser-copies") / "src"
    write_project(srcdir)
    app = build(srcdir)
    assert app.warning.getvalue() == ""
    return serve(app.outdir)


def chosen_width(candidates: str, src: str) -> int:
    """The width a ``srcset`` gives the chosen copy."""
    pairs = (candidate.split() for candidate in candidates.split(", "))
    widths = {url.rsplit("/", 1)[-1]: int(width.rstrip("w")) for url, width in pairs}
    return widths[src.rsplit("/", 1)[-1]]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("ratio", [1, 2])
@pytest.mark.parametrize(("page_name", "selector"), [
    ("photo.html", "img.bookreview-cover"),
    ("index.html", "img.bookreview-cards-cover[srcset*='photo-']"),
    ("index.html", "img.recent-cover[srcset*='photo-']"),
])  # fmt: skip
def test_the_browser_shows_a_copy_not_the_original(
    browser: Browser,  # noqa: F811 - the fixture imported above
    site: str, width: int, ratio: int, page_name: str, selector: str,
) -> None:  # fmt: skip
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=ratio)
    page = context.new_page()
    try:
        page.goto(site + page_name)
        image = page.locator(selector).first
        image.scroll_into_view_if_needed()
        page.wait_for_function("(img) => img.complete && img.currentSrc", arg=image.element_handle())
        found = image.evaluate(CHOSEN)
    finally:
        context.close()
    assert found["src"].startswith("/_images/covers/photo-") and found["src"].endswith(".webp"), found
    assert found["src"] != "/covers/photo.jpg" and "/_images/photo.jpg" not in found["src"]
    css = int(found["sizes"].removesuffix("px"))
    # The copy for the screen: the one made for this device pixel ratio.
    assert chosen_width(found["candidates"], found["src"]) == css * ratio, found
