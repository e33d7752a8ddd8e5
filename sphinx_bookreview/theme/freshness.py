"""Incremental builds under the theme: pages that show other pages' reviews.

The home page's grid shows the newest reviews, and each review page links
to the review pages before and after it. Neither is in the page's own
source, so Sphinx would not rewrite them when another review is added,
changed or removed: note what they show before reading, compare after, and
hand Sphinx the pages that show something else now (as the extension's
own :mod:`sphinx_bookreview.freshness` does for links and listings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.freshness import SNAPSHOT_PRIORITY

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def shown(env: BuildEnvironment) -> dict[str, object]:
    """What each page shows of other pages' reviews, by page."""
    domain = BookDomain.of(env)
    views: dict[str, object] = {
        docname: tuple((r.docname, r.id, r.title) if r else None for r in neighbours)
        for docname, neighbours in domain.review_pages.items()
    }
    # The grid shows titles, authors, covers and ratings: any change counts.
    views[env.config.root_doc] = (views.get(env.config.root_doc), tuple(domain.newest_first))
    return views


def snapshot(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    # Before Sphinx forgets the first document of this build, as in
    # sphinx_bookreview.freshness.snapshot.
    snapshots = BookDomain.of(env).snapshots
    if "theme" not in snapshots:
        snapshots["theme"] = shown(env)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = BookDomain.of(env).snapshots.pop("theme", None)
    if before is None:
        return []
    after = shown(env)
    return sorted(d for d in before.keys() | after.keys() if before.get(d) != after.get(d) and d in env.all_docs)


def setup_theme_freshness(app: Sphinx) -> None:
    app.connect("env-purge-doc", snapshot, priority=SNAPSHOT_PRIORITY)
    app.connect("env-updated", pages_to_rewrite)
