"""The StoryGraph's "Export StoryGraph Library" CSV.

Quirks handled here: ratings in quarter stars (``3.75``); ``ISBN/UID`` holds
a StoryGraph id when the edition has no ISBN; a title may carry its series,
as Goodreads writes it, when the book came from a Goodreads import; ``Dates Read`` lists ranges
(``2023/03/01-2023/03/14, 2024/01/02-2024/01/09``), one per reading, the
last one being the read this review is about, and ``Read Count`` may count
more readings than it lists; ``Contributors`` gives each person's role,
those the directive has an option for (editor, translator, illustrator,
narrator) going there and the others to ``:contributor:`` with their role;
the review is plain text; content warnings are kept, visibly, at the top
of the review.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.importers.dates import find_days
from sphinx_bookreview.cli.importers.fields import Importer, names, read_count, tags
from sphinx_bookreview.cli.importers.isbns import looks_like_isbn
from sphinx_bookreview.cli.importers.titles import split_title
from sphinx_bookreview.cli.markup import label_paragraph, text_to_paragraphs
from sphinx_bookreview.cli.writer import Draft
from sphinx_bookreview.model import PEOPLE_OPTIONS, number, parse_rating

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx_bookreview.cli.importers.fields import Fields
    from sphinx_bookreview.cli.markup import Paragraph

_FORMATS = {"paperback": "paperback", "hardcover": "hardcover", "digital": "ebook", "audio": "audiobook"}
_CONTRIBUTOR = re.compile(r"([^,()]+?)\s*\(([^()]+)\)")
#: Roles a contributor may have; authors come from the ``Authors`` column.
_ROLES = frozenset(PEOPLE_OPTIONS) - {"author"}


def convert(row: Mapping[str, str], status: str, fields: Fields) -> Draft:
    title = split_title(row["Title"])
    fields.set("author", names(row.get("Authors", "")))
    for role, people in contributors(row.get("Contributors", "")).items():
        fields.set(role, people)
    isbn = row.get("ISBN/UID", "")
    fields.set_isbn([isbn] if looks_like_isbn(isbn) else [])
    fields.set("rating", row.get("Star Rating", ""), lambda text: number(parse_rating(text, 5)))
    fields.set_status(status)
    ranges = read_ranges(row.get("Dates Read", ""))
    started, finished = ranges[-1] if ranges else ("", "")
    last = row.get("Last Date Read", "").strip()
    finished_cell = ("Last Date Read", last) if last else ("Dates Read", finished)
    fields.set_dates(finished_cell, ("Date Added", row.get("Date Added", "")), ("Dates Read", started))
    earlier = [(("Dates Read", start), ("Dates Read", end)) for start, end in ranges[:-1]]
    fields.set_earlier_readings(earlier, max(read_count(row.get("Read Count", "")), len(ranges)))
    fields.set("format", _FORMATS.get(row.get("Format", "").strip().lower(), ""))
    fields.set("edition", title.edition)
    fields.set("language", title.language)
    fields.set_series(title.series)
    fields.set("tags", tags(row.get("Tags", "")))
    return Draft(title.title, fields.items(), _body(row))


def read_ranges(text: str) -> list[tuple[str, str]]:
    """Start and end of each range in ``Dates Read``, oldest first; an open
    range has no end, a lone day is an end."""
    found = []
    for part in (part.strip() for part in text.split(",") if part.strip()):
        days = find_days(part)
        if len(days) >= 2:
            found.append((days[0], days[-1]))
        elif days and part.endswith("-"):
            found.append((days[0], ""))
        else:
            found.append(("", days[0] if days else part))
    return found


def contributors(text: str) -> dict[str, str]:
    """``Ann Other (Translator), Bea Line (Foreword)`` -> ``;``-separated
    people by option: ``translator`` for the roles with an option, else
    ``contributor``, with the role (``Bea Line (Foreword)``)."""
    people: dict[str, list[str]] = {}
    for name, roles in _CONTRIBUTOR.findall(text):
        for role in (role.strip() for role in roles.split(",") if role.strip()):
            if (option := role.lower()) in _ROLES:
                people.setdefault(option, []).append(name.strip())
            else:
                shown = name.strip() if option == "contributor" else f"{name.strip()} ({role})"
                people.setdefault("contributor", []).append(shown)
    return {option: "; ".join(found) for option, found in people.items()}


def _body(row: Mapping[str, str]) -> tuple[Paragraph, ...]:
    warnings = [
        label_paragraph(label, text)
        for label, column in (("Content warnings:", "Content Warnings"), ("About them:", "Content Warning Description"))
        if (text := row.get(column, "").strip())
    ]
    return (*warnings, *text_to_paragraphs(row.get("Review", "")))


IMPORTER = Importer(
    label="StoryGraph",
    signature="Read Status",
    required=("Title", "Read Status"),
    shelf_column="Read Status",
    date_columns=("Date Added", "Last Date Read", "Dates Read"),
    convert=convert,
)
