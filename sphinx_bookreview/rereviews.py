"""Two reviews of one book: a ``duplicate`` warning, unless one of them
says, with ``:rereview-of:``, that it reviews the book again.

Reviews are the same book when they have one ISBN. In each such group,
ordered by their day (``:date:``, else ``:finished:``; then id), the first review that is not a re-review
of another review in the group is the book's review; every later one of
those is warned about, once per build, after every document is read (a review
added or removed anywhere can start or end the warning).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview.domain import BookDomain, review_location

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_bookreview.model import Review

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)


def unmarked_twins(reviews: Iterable[Review]) -> list[tuple[Review, Review]]:
    """``(review, first)`` for each review of a book that ``first``
    reviewed before, where neither says it is a re-review."""
    by_isbn: dict[str, list[Review]] = defaultdict(list)
    for review in sorted(reviews, key=lambda r: (r.day, r.id)):
        if review.isbn:
            by_isbn[review.isbn_digits].append(review)
    twins = []
    for group in by_isbn.values():
        # A re-review of a review of another book (or of one without this
        # ISBN) says nothing about this book's other reviews.
        ids = {review.id for review in group}
        unmarked = [review for review in group if review.rereview_of not in ids]
        twins += [(review, unmarked[0]) for review in unmarked[1:]]
    return sorted(twins, key=lambda pair: pair[0].id)


def check_same_book(app: Sphinx, env: BuildEnvironment) -> None:
    for review, first in unmarked_twins(BookDomain.of(env).views.winners.values()):
        logger.warning(
            __("review %r has the ISBN %s of review %r (%s): if it reviews the book again, say so with "
               ":rereview-of: %s; else correct the ISBN"),
            review.id, review.isbn, first.id, first.docname, first.id,
            location=review_location(review), type="bookreview", subtype="duplicate",
        )  # fmt: skip


def setup_rereviews(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_same_book)
