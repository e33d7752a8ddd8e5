"""schema.org ``Review`` of a ``Book``, as one JSON-LD block per review.

The data is made when the review is read and carried by its node as JSON
text (:func:`review_jsonld`); the HTML visitor adds the cover's URL, known
only to the builder, and writes the block (:func:`jsonld_script`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx_bookreview.model import Review

SCHEMA_FORMATS = {
    "hardcover": "https://schema.org/Hardcover",
    "paperback": "https://schema.org/Paperback",
    "ebook": "https://schema.org/EBook",
    "audiobook": "https://schema.org/AudiobookFormat",
}


def review_jsonld(review: Review, rating_scale: float) -> str:
    """The data as JSON text, less the book's ``image``."""
    return json.dumps(review_data(review, rating_scale), ensure_ascii=False, sort_keys=True)


def review_data(review: Review, rating_scale: float) -> dict[str, Any]:
    book: dict[str, Any] = {"@type": "Book", "name": review.title}
    optional: dict[str, Any] = {
        "alternativeHeadline": review.subtitle,
        "author": [{"@type": "Person", "name": name} for name in review.authors],
        "isbn": review.isbn_digits,
        "bookEdition": review.edition,
        "bookFormat": SCHEMA_FORMATS.get(review.format, ""),
        "numberOfPages": review.pages,
        "publisher": {"@type": "Organization", "name": review.publisher} if review.publisher else None,
        "datePublished": review.published,
        "inLanguage": review.language,
        "url": review.url,
    }
    book.update({key: value for key, value in optional.items() if value})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Review",
        "name": review.title,
        "itemReviewed": book,
    }
    if review.rating is not None:
        data["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": review.rating,
            "bestRating": rating_scale,
            "worstRating": 0,
        }
    if review.reviewer:
        data["author"] = {"@type": "Person", "name": review.reviewer}
    if review.date:
        data["datePublished"] = review.date
    if review.verdict_text:
        data["reviewBody"] = review.verdict_text  # what the page shows, not its markup
    return data


def jsonld_script(text: str, image: str = "") -> str:
    """The ``<script>`` element of :func:`review_jsonld`'s ``text``, with
    the book's ``image`` if any; ``<``, ``>`` and ``&`` are written as
    ``\\u`` escapes so no value can end the element or open a comment."""
    if image:
        data = json.loads(text)
        data["itemReviewed"]["image"] = image
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return f'<script type="application/ld+json">{text}</script>\n'
