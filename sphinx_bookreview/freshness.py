"""Incremental builds: rewrite the pages that show other documents' reviews.

A ``:book:`` link shows the linked review's title; a listing shows many
reviews; the theme's home page shows the newest. When a review changes, the
pages that show it must be written again even though their own source did
not change. One mechanism does it for all (:func:`track`): note what is
shown before reading, compare after, and hand Sphinx the pages that show
something else now. This module tracks the extension's own links and
listings: a new rating rewrites the listings, not every page that links to
the book's author.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_bookreview.domain import COLLECTION_REFERENCE, BookDomain
from sphinx_bookreview.model import compact_isbn

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    #: What each key (a link target, a page …) shows, as comparable values.
    Shown = Callable[[BuildEnvironment], Mapping[Hashable, object]]
    #: The pages that show any of the changed keys.
    Showing = Callable[[BuildEnvironment, set[Hashable]], Iterable[str]]

#: Before Sphinx's collectors (priority 500) forget the purged document.
SNAPSHOT_PRIORITY = 100


def track(app: Sphinx, name: str, shown: Shown, showing: Showing) -> None:
    """Rewrite the pages that show something else after reading.

    The snapshot is taken when Sphinx first forgets a document in this
    build (``env-purge-doc``, before Sphinx's own collectors forget its
    titles and toctree), so it still holds the reviews of deleted
    documents; a build that reads and removes nothing takes none and
    compares nothing. After reading (``env-updated``), the keys whose value
    differs are handed to ``showing``, whose pages Sphinx then writes.
    """

    def snapshot(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        snapshots = BookDomain.of(env).snapshots
        if name not in snapshots:
            snapshots[name] = shown(env)

    def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
        before = BookDomain.of(env).snapshots.pop(name, None)
        if before is None:
            return []
        after = shown(env)
        changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
        return sorted(docname for docname in set(showing(env, changed)) if docname in env.all_docs)

    app.connect("env-purge-doc", snapshot, priority=SNAPSHOT_PRIORITY)
    app.connect("env-updated", pages_to_rewrite)


def shown(env: BuildEnvironment) -> dict[Hashable, object]:
    """What a link to each ``(reftype, target)`` shows: a review link its
    page and title, an author or tag link only that the entry exists, an
    ISBN link the review it leads to, a link to an index page that it has
    entries (Sphinx writes it then), a listing every record; and each
    page's neighbours (``("page", docname)``)."""
    views = BookDomain.of(env).views
    winners = views.winners
    shows: dict[Hashable, object] = {COLLECTION_REFERENCE: tuple(winners.values())}
    shows.update((("review", r.id), (r.docname, r.title)) for r in winners.values())
    shows.update((("author", author), True) for author in views.by_author)
    shows.update((("tag", tag), True) for tag in views.by_tag)
    shows.update((("isbn", isbn), (r.docname, r.id, r.title)) for isbn, r in views.by_isbn.items())
    shows.update((("index", f"{BookDomain.name}-{name}"), True) for name in views.index_names)
    shows.update((("page", docname), related) for docname, related in neighbours(env).items())
    return shows


def neighbours(env: BuildEnvironment) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each page's parent, previous and next page, and their titles.

    Every HTML page links to them, and Sphinx does not rewrite a page when
    only its neighbour was added, removed or renamed; adding a review would
    leave the previous one's "next" link stale.
    """
    titles = env.titles
    return {
        docname: tuple((r, titles[r].astext()) if r in titles else ("", "") for r in related)
        for docname, related in env.collect_relations().items()
    }


def view_key(link: tuple[str, str]) -> tuple[str, str]:
    """The key of :func:`shown` that says what ``link`` shows."""
    reftype, target = link
    if reftype == "isbn":
        return reftype, compact_isbn(target)  # as the domain keys ISBNs
    # A link of a type with no view of its own may show anything.
    return link if reftype in ("review", "author", "tag", "index") else COLLECTION_REFERENCE


def showing(env: BuildEnvironment, changed: set[Hashable]) -> set[str]:
    """The pages with a link to a changed target, and those whose
    neighbours changed."""
    domain = BookDomain.of(env)
    linking = domain.references.keys() | domain.reviews_by_doc.keys()
    stale = {docname for docname in linking if any(view_key(link) in changed for link in domain.links_of(docname))}
    stale.update(key[1] for key in changed if isinstance(key, tuple) and key[0] == "page")
    return stale


def setup_freshness(app: Sphinx) -> None:
    track(app, "links", shown, showing)
