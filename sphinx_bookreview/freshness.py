"""Incremental builds: rewrite the pages that show other documents' reviews.

A ``:book:`` link shows the linked review's title; a listing shows many
reviews. When a review changes, the pages that show it must be written
again even though their own source did not change. Snapshot the records
before reading, compare after, and hand Sphinx the pages to rewrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_bookreview.domain import BookDomain

def domain_of(env: BuildEnvironment) -> BookDomain:
    return env.get_domain("book")  # type: ignore[return-value]


def snapshot(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """Taken at ``env-get-outdated``: later, at ``env-before-read-docs``,
    Sphinx has already forgotten the reviews of deleted documents, and the
    pages linking to them would keep their stale links."""
    domain_of(env).snapshot = dict(domain_of(env).winners)
    return []


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = domain_of(env)
    before, after = domain.snapshot, domain.winners
    changed = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}
    if not changed:
        return []
    # Only reviews' link titles are per id; author, tag and ISBN links and
    # listings depend on the whole collection.
    return sorted(
        docname for docname, links in domain.references.items()
        if any(reftype != "review" or target in changed for reftype, target in links)
    )  # fmt: skip


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-get-outdated", snapshot)
    app.connect("env-updated", pages_to_rewrite)
