"""Incremental builds: rewrite the pages that show other documents' reviews.

A ``:book:`` link shows the linked review's title; a listing shows many
reviews. When a review changes, the pages that show it must be written
again even though their own source did not change. Note what every link
target shows before reading, compare after, and hand Sphinx the pages
whose links show something else now: a new rating rewrites the listings,
not every page that links to the book's author.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.model import compact_isbn
from sphinx_bookreview.nodes import COLLECTION_REFERENCE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Before Sphinx's collectors (priority 500) forget the purged document.
SNAPSHOT_PRIORITY = 100


def shown(domain: BookDomain) -> dict[tuple[str, str], object]:
    """What a link to each ``(reftype, target)`` shows: a review link its
    page and title, an author or tag link only that the entry exists, an
    ISBN link the review it leads to, a listing every record."""
    winners = domain.winners
    views: dict[tuple[str, str], object] = {COLLECTION_REFERENCE: tuple(winners.values())}
    views.update((("review", r.id), (r.docname, r.title)) for r in winners.values())
    views.update((("author", author), True) for author in domain.by_author)
    views.update((("tag", tag), True) for tag in domain.by_tag)
    views.update((("isbn", isbn), (r.docname, r.id, r.title)) for isbn, r in domain.by_isbn.items())
    views.update((("page", docname), related) for docname, related in neighbours(domain.env).items())
    return views


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
    return link if reftype in ("review", "author", "tag") else COLLECTION_REFERENCE


def snapshot(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """Taken when Sphinx first forgets a document in this build
    (``env-purge-doc``, run before Sphinx's own collectors forget its titles
    and toctree), so it still holds the reviews of deleted documents. A
    build that reads and removes nothing takes none and compares nothing."""
    domain = BookDomain.of(env)
    if "links" not in domain.snapshots:
        domain.snapshots["links"] = shown(domain)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = BookDomain.of(env)
    before = domain.snapshots.pop("links", None)
    if before is None:
        return []
    after = shown(domain)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    linking = domain.references.keys() | domain.reviews_by_doc.keys()
    stale = {docname for docname in linking if any(view_key(link) in changed for link in domain.links_of(docname))}
    stale.update(docname for reftype, docname in changed if reftype == "page" and docname in env.all_docs)
    return sorted(stale)


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-purge-doc", snapshot, priority=SNAPSHOT_PRIORITY)
    app.connect("env-updated", pages_to_rewrite)
