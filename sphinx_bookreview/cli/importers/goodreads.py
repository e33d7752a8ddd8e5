"""Goodreads' "Export Library" CSV (the 24- and the 31-column forms).

Quirks handled here: ISBNs are written as Excel formulas (``="0441172717"``)
so spreadsheets keep their leading zeros, in two columns either of which may
be the valid one (:mod:`.isbns`); ``My Rating`` 0 means not rated; the series
is part of the title (``Dune (Dune Chronicles, #1)``, :mod:`.titles`); the
review is HTML, with Goodreads' spoilers and links to books and authors
(:mod:`..markup`), and a ``Spoiler`` column that marks the whole review as
one; ``Read Count`` says how often the book was read, but only the last
``Date Read``; ``Additional Authors`` holds co-authors, translators,
illustrators and narrators alike, with no word on which is which, so
``--additional-authors`` says what they become.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_bookreview.cli.importers.fields import Importer, names, read_count, tags
from sphinx_bookreview.cli.importers.titles import split_title
from sphinx_bookreview.cli.markup import html_to_paragraphs
from sphinx_bookreview.cli.writer import Draft
from sphinx_bookreview.model import number, parse_date, parse_pages, parse_rating

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx_bookreview.cli.importers.fields import Fields

#: Goodreads' three built-in shelves: never tags, whichever one a book is on.
_EXCLUSIVE = {"read", "currently-reading", "to-read"}
#: Words in ``Binding`` -> format; the first that matches wins (``Audio CD`` before ``CD``).
_BINDINGS = (
    ("audio", "audiobook"),
    ("mp3", "audiobook"),
    ("kindle", "ebook"),
    ("ebook", "ebook"),
    ("e-book", "ebook"),
    ("nook", "ebook"),
    ("digital", "ebook"),
    ("paperback", "paperback"),
    ("hardcover", "hardcover"),
    ("hardback", "hardcover"),
    ("library binding", "hardcover"),
    ("leather", "hardcover"),
)


def convert(row: Mapping[str, str], status: str, fields: Fields) -> Draft:
    title = split_title(row["Title"])
    additional = row.get("Additional Authors", "")
    if fields.additional_authors == "contributor":
        fields.set("author", names(row.get("Author", "")))
        fields.set("contributor", names(additional))
    else:
        fields.set("author", names(row.get("Author", ""), additional))
    fields.set_isbn((row.get("ISBN13", ""), row.get("ISBN", "")))
    fields.set("rating", row.get("My Rating", ""), _rating)
    fields.set_status(status)
    fields.set_dates(("Date Read", row.get("Date Read", "")), ("Date Added", row.get("Date Added", "")))
    fields.set_earlier_readings((), read_count(row.get("Read Count", "")))
    fields.set("published", _year(row), lambda text: parse_date(text, partial=True))
    fields.set("original-published", _original_year(row), lambda text: parse_date(text, partial=True))
    fields.set("publisher", row.get("Publisher", ""))
    fields.set("pages", row.get("Number of Pages", ""), _pages)
    fields.set("format", binding_format(row.get("Binding", "")))
    fields.set("edition", title.edition)
    fields.set("language", title.language)
    fields.set_series(title.series)
    fields.set("tags", tags(row.get("Bookshelves", ""), _EXCLUSIVE | {row["Exclusive Shelf"].lower()}))
    spoiler = row.get("Spoiler", "").strip().lower() in ("true", "yes", "1")
    body = html_to_paragraphs(row.get("My Review", ""))
    return Draft(title.title, fields.items(), body, spoiler=spoiler, book_id=row.get("Book Id", "").strip())


def _rating(text: str) -> str:
    return "" if text == "0" else number(parse_rating(text, 5))


def _pages(text: str) -> str:
    return "" if text == "0" else str(parse_pages(text))


def _year(row: Mapping[str, str]) -> str:
    """The edition's year (it goes with the ISBN, publisher and pages), else the first edition's."""
    return row.get("Year Published", "").strip() or row.get("Original Publication Year", "").strip()


def _original_year(row: Mapping[str, str]) -> str:
    """The first edition's year, where the edition read is a later one."""
    original, edition = row.get("Original Publication Year", "").strip(), row.get("Year Published", "").strip()
    return original if edition and original != edition else ""


def binding_format(binding: str) -> str:
    words = binding.lower()
    return next((fmt for word, fmt in _BINDINGS if word in words), "")


IMPORTER = Importer(
    label="Goodreads",
    signature="Exclusive Shelf",
    required=("Title", "Exclusive Shelf"),
    shelf_column="Exclusive Shelf",
    date_columns=("Date Read", "Date Added"),
    convert=convert,
)
