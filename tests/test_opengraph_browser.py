"""The link-preview tags in a real browser: Debian's Chromium, through
Playwright, reads a served review page's ``<meta>`` elements from the live
DOM, and fetches every image and page they name from the same server (the
``html_baseurl`` prefix mapped to it), as a link preview's crawler would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from test_opengraph import BASE, CARDS, EXPECTED
from test_theme_browser import browser  # noqa: F401 - a fixture: Chromium, launched once per module

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import Browser
    from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.browser

READ_TAGS = """() => Array.from(document.head.querySelectorAll('meta[property], meta[name^="twitter:"]'))
    .map(meta => [meta.getAttribute('property') || meta.getAttribute('name'), meta.content])"""


@pytest.mark.parametrize("page", ["full", "escape", "two"])
def test_tags_in_the_live_dom(
    browser: Browser,  # noqa: F811 - the fixture imported above
    built: Callable[..., SphinxTestApp],
    serve: Callable[[Path], str],
    page: str,
) -> None:
    app = built("opengraph")
    assert app.warning.getvalue() == ""
    site = serve(app.outdir)
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site}{page}.html", wait_until="load")
    tags = [tuple(tag) for tag in tab.evaluate(READ_TAGS)]
    assert tags == [*EXPECTED[page], ("twitter:card", CARDS.get(page, "summary"))]
    # Every URL of the site the tags name is served (the remote cover is not ours).
    for key, value in tags:
        if value.startswith(BASE):
            response = context.request.get(site + value.removeprefix(BASE).partition("#")[0])
            assert response.status == 200, (key, value)
            if key == "og:image":
                assert response.headers["content-type"] == "image/png"
    context.close()
