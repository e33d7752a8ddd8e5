"""Spoilers in a real browser (Chromium through Playwright): hidden until
revealed, with the keyboard as with the mouse, announced to screen readers,
no JavaScript needed, and no axe-core violation (issue 14, item 12)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

# The theme's browser fixtures, used through chromium() and axe() below.
from test_theme_browser import axe_script, browser, open_page  # noqa: F401

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["alabaster", "bookreview"])
def site(request: pytest.FixtureRequest, built: Callable[..., SphinxTestApp], serve: Callable[[Path], str]) -> str:
    app = built("spoilers", "html", confoverrides={"html_theme": request.param})
    assert app.warning.getvalue() == ""
    return serve(app.outdir)


@pytest.fixture(scope="module")
def chromium(request: pytest.FixtureRequest) -> Browser:
    return request.getfixturevalue("browser")  # type: ignore[no-any-return]


@pytest.fixture
def axe(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue("axe_script")  # type: ignore[no-any-return]


def tab_to(page: Page, selector: str, presses: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_inline_spoiler_is_revealed_from_the_keyboard(chromium: Browser, site: str, javascript: bool) -> None:
    context = chromium.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site + "body.html", wait_until="load")
    text = page.locator(".bookreview-spoiler-text")
    assert not text.is_visible()
    # Screen readers meet a named control, not the hidden text.
    toggle = page.get_by_role("checkbox", name="Show spoiler")
    assert toggle.count() == 1
    assert not page.get_by_text("the narrator lies").is_visible()
    tab_to(page, ".bookreview-spoiler-toggle")
    label = page.locator(".bookreview-spoiler-label")
    assert label.evaluate("element => getComputedStyle(element).outlineStyle") != "none", "no visible focus"
    page.keyboard.press("Space")
    assert text.is_visible()
    assert toggle.is_checked()
    page.keyboard.press("Space")
    assert not text.is_visible()
    # And with the mouse, on the visible label.
    label.click()
    assert text.is_visible()
    context.close()


def test_spoiler_block_is_a_native_disclosure(chromium: Browser, site: str) -> None:
    page = open_page(chromium, site + "body.html", 1280, "light")
    hidden = page.get_by_text("The orchard was never there.")
    assert not hidden.is_visible()
    tab_to(page, "summary.bookreview-spoiler-summary")
    page.keyboard.press("Enter")
    assert hidden.is_visible()
    assert page.locator("details.bookreview-spoiler-block").evaluate("details => details.open")
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("revealed", [False, True])
def test_axe_finds_no_violation_in_spoilers(
    chromium: Browser, site: str, axe: Path, scheme: str, revealed: bool
) -> None:
    page = open_page(chromium, site + "body.html", 1280, scheme)
    if revealed:
        page.locator(".bookreview-spoiler-label").click()
        page.locator("summary.bookreview-spoiler-summary").click()
    page.add_script_tag(path=str(axe))
    result = page.evaluate("axe.run({include: [['article.bookreview']]}, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    page.context.close()
