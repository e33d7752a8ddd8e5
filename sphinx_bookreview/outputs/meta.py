"""``<meta name="description">`` from the verdict of a page's only review,
as a reader sees it (its plain text, the markup rendered)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sphinx_bookreview.domain import BookDomain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def add_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if doctree is None:
        return
    reviews = BookDomain.of(app.env).reviews_in(pagename)
    if len(reviews) == 1 and reviews[0].verdict_text:
        tag = f'<meta name="description" content="{html.escape(reviews[0].verdict_text)}" />\n'
        context["metatags"] = context.get("metatags", "") + tag


def setup_meta(app: Sphinx) -> None:
    # Before sphinxext-opengraph (default priority 500), which adds a description only to pages without one.
    app.connect("html-page-context", add_description, priority=400)
