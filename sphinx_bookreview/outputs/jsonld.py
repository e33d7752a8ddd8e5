"""schema.org ``Review`` of a ``Book``, as one JSON-LD block per review.

The data is made when the review is read and carried by its node as JSON
text (:func:`review_jsonld`); the HTML visitor adds the cover's URL, known
only to the builder, and writes the block (:func:`jsonld_script`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

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


def people(names: Iterable[str]) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": name} for name in names]


def review_data(review: Review, rating_scale: float) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Review",
        "name": review.title,
        "itemReviewed": book_data(review),
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
        # What the page shows, not its markup; a summary, so never a spoiler.
        data["reviewBody"] = review.verdict_text
    return data


def book_data(review: Review) -> dict[str, Any]:
    """The ``Book``; an ``Audiobook`` too when listened to, so that its
    narrators can be its ``readBy`` (other narrators are contributors)."""
    audio = review.format == "audiobook"
    contributors = [*([] if audio else review.narrators), *(name for name, _role in review.contributors)]
    book: dict[str, Any] = {"@type": ["Book", "Audiobook"] if audio else "Book", "name": review.title}
    optional: dict[str, Any] = {
        "alternativeHeadline": review.subtitle,
        "author": people(review.authors),
        "editor": people(review.editors),
        "translator": people(review.translators),
        "illustrator": people(review.illustrators),
        "readBy": people(review.narrators) if audio else [],
        "contributor": people(contributors),
        "isbn": review.isbn_digits,
        "identifier": {"@type": "PropertyValue", "propertyID": "ASIN", "value": review.asin} if review.asin else None,
        "bookEdition": review.edition,
        "bookFormat": SCHEMA_FORMATS.get(review.format, ""),
        "numberOfPages": review.pages,
        "publisher": {"@type": "Organization", "name": review.publisher} if review.publisher else None,
        "datePublished": review.published,
        "inLanguage": review.language,
        "url": review.url,
        **series_data(review),
    }
    if review.original_published:
        # The reviewed edition's work, first published then.
        optional["exampleOfWork"] = {"@type": "Book", "name": review.title, "datePublished": review.original_published}
    book.update({key: value for key, value in optional.items() if value or value == 0})
    return book


def series_data(review: Review) -> dict[str, Any]:
    """``isPartOf`` its ``BookSeries`` and its ``position`` there: a whole
    number as such, ``1.5`` or a range ``1-5`` as text (schema.org's
    ``position`` is an Integer or a Text)."""
    if not review.series:
        return {}
    series = {"@type": "BookSeries", "name": review.series, **({"url": review.series_url} if review.series_url else {})}
    data: dict[str, Any] = {"isPartOf": series}
    if review.series_number is not None:
        whole = isinstance(review.series_number, int) and review.series_number_end is None
        data["position"] = review.series_number if whole else review.series_position
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
