"""Incremental builds under the theme: pages that show other pages' reviews.

The home page's grid shows the newest reviews, and each review page links
to the review pages before and after it. Neither is in the page's own
source, so Sphinx would not rewrite them when another review is added,
changed or removed: the extension's :func:`sphinx_bookreview.freshness.track`
hands Sphinx the pages that show something else after reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.freshness import track

if TYPE_CHECKING:
    from collections.abc import Hashable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def shown(env: BuildEnvironment) -> dict[Hashable, object]:
    """What each page shows of other pages' reviews, by page."""
    views = BookDomain.of(env).views
    shows: dict[Hashable, object] = {
        docname: tuple((r.docname, r.id, r.title) if r else None for r in neighbours)
        for docname, neighbours in views.review_pages.items()
    }
    # The grid shows titles, authors, covers and ratings: any change counts.
    shows[env.config.root_doc] = (shows.get(env.config.root_doc), tuple(views.newest_first))
    return shows


def showing(env: BuildEnvironment, changed: set[Hashable]) -> set[str]:
    """The pages are the keys."""
    return {key for key in changed if isinstance(key, str)}


def setup_theme_freshness(app: Sphinx) -> None:
    track(app, "theme", shown, showing)
