"""Incremental builds under the theme: pages that show other pages.

The home page's grid shows the newest reviews, each review page links to
the review pages before and after it, and every page's header lists the
site's top-level pages (:mod:`.navigation`). None of it is in the page's
own source, so Sphinx would not rewrite a page when another review, or a
top-level page, is added, changed or removed: the extension's
:func:`sphinx_bookreview.freshness.track` hands Sphinx the pages that show
something else after reading; for the header, every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx import addnodes

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.freshness import track

if TYPE_CHECKING:
    from collections.abc import Hashable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


#: The key of the header's navigation, which every page shows.
NAVIGATION = ("navigation",)


def header_pages(env: BuildEnvironment) -> tuple[object, ...]:
    """What the header's navigation is made of: the root document's
    toctrees as the environment keeps them (their captions and entries,
    which :mod:`.navigation` resolves; ``tocs`` holds those inside a
    section), and every page they include with its title, in order.

    Not the resolved toctree, nor ``get_doctree``: before reading, Sphinx
    would warn about pages removed since, and would cache the stored root
    doctree for the rest of the build, stale once the root is read again.
    """
    root, titles = env.config.root_doc, env.titles
    toctrees = tuple(
        (toctree.get("caption"), tuple(toctree["entries"]))
        for toctree in env.tocs[root].findall(addnodes.toctree)
    ) if root in env.tocs else ()  # fmt: skip
    pages = tuple(
        (page, titles[page].astext() if page in titles else "") for page in env.toctree_includes.get(root, ())
    )
    return toctrees, pages


def shown(env: BuildEnvironment) -> dict[Hashable, object]:
    """What each page shows of other pages' reviews, by page, and what
    every page's header shows."""
    views = BookDomain.of(env).views
    shows: dict[Hashable, object] = {
        docname: tuple((r.docname, r.id, r.title) if r else None for r in neighbours)
        for docname, neighbours in views.review_pages.items()
    }
    # The grid shows titles, authors, covers and ratings: any change counts.
    shows[env.config.root_doc] = (shows.get(env.config.root_doc), tuple(views.newest_first))
    shows[NAVIGATION] = header_pages(env)
    return shows


def showing(env: BuildEnvironment, changed: set[Hashable]) -> set[str]:
    """The pages are the keys; a changed header, every page."""
    if NAVIGATION in changed:
        return set(env.all_docs)
    return {key for key in changed if isinstance(key, str)}


def setup_theme_freshness(app: Sphinx) -> None:
    track(app, "theme", shown, showing)
