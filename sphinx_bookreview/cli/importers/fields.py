"""Turning the text of an export's cells into option values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.importers.isbns import first_isbn
from sphinx_bookreview.model import InvalidValue, parse_reads

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping

    from sphinx_bookreview.cli.importers.dates import Dates
    from sphinx_bookreview.cli.writer import Draft

#: A cell as the importers read it: ``(column, text)``.
Cell = tuple[str, str]


#: ``--additional-authors``: what Goodreads' ``Additional Authors`` become.
ADDITIONAL_AUTHORS = ("author", "contributor")


class Fields:
    """Option values gathered from a row; a bad value is left out with a note saying why.

    ``dates`` and ``additional_authors`` are the import's: how its dates
    are read, and which option Goodreads' ``Additional Authors`` fill.
    """

    def __init__(self, notes: list[str], dates: Dates, additional_authors: str = "author") -> None:
        self.options: dict[str, str] = {}
        self.notes = notes
        self.dates = dates
        self.additional_authors = additional_authors

    def set(self, name: str, raw: str, parse: Callable[[str], str] | None = None) -> None:
        raw = raw.strip()
        if not raw:
            return
        try:
            value = parse(raw) if parse else raw
        except InvalidValue as error:
            self.notes.append(f"{error}; left out")
            return
        if value:
            self.options[name] = value

    def set_status(self, status: str) -> None:
        if status != "read":  # the directive's default
            self.set("status", status)

    def set_isbn(self, cells: Iterable[str]) -> None:
        """The first valid ISBN of the cells; a note only when none is."""
        isbn, problems = first_isbn(cells)
        if isbn:
            self.options["isbn"] = isbn
        elif problems:
            self.notes.append("; ".join(problems) + "; left out")

    def set_series(self, series: tuple[str, ...]) -> None:
        """The first series a title names; a review has one ``:series:``, so the others get a note."""
        if series:
            self.set("series", series[0])
        for other in series[1:]:
            self.notes.append(f"also in the series {other!r}: left out, a review names one series")

    def set_day(self, option: str, cell: Cell) -> None:
        column, text = cell
        self.set(option, text, lambda day: self.dates.iso_day(column, day))

    def set_dates(self, finished: Cell, added: Cell, started: Cell = ("", "")) -> None:
        """The days read, and ``:date:``. The exports have no date for the review
        itself: the day the book was finished is the nearest, else the day it was added."""
        self.set_day("started", started)
        self.set_day("finished", finished)
        if not self.valid_reading(f"{self.options.get('started', '')}..{self.options.get('finished', '')}"):
            del self.options["started"], self.options["finished"]  # only a day before the other is invalid
        if "finished" in self.options:
            self.options["date"] = self.options["finished"]
        else:
            self.set_day("date", added)

    def set_earlier_readings(self, earlier: Iterable[tuple[Cell, Cell]], count: int = 1) -> None:
        """``:reads:`` for a book read more than once: the ``earlier``
        readings' ``(started, finished)`` cells, as many undated ones before
        them as ``count`` (the times read) says, then the reading
        :meth:`set_dates` found, which the entries replace ``:started:`` and
        ``:finished:`` with."""
        entries = [self._reading(started, finished) for started, finished in earlier]
        entries = [".."] * (count - 1 - len(entries)) + [
            entry if self.valid_reading(entry) else ".." for entry in entries
        ]
        if not entries:
            return
        reads = "; ".join([*entries, f"{self.options.get('started', '')}..{self.options.get('finished', '')}"])
        # In the place of the one reading's days, before ``:date:``.
        options = list(self.options.items()) + [("finished", "")] * ("finished" not in self.options)
        self.options = {
            ("reads" if name == "finished" else name): (reads if name == "finished" else value)
            for name, value in options
            if name != "started"
        }

    def valid_reading(self, entry: str) -> bool:
        """Whether ``START..END`` can be a reading; a note when it cannot
        (it ends before it starts): the reading is kept, its days are not."""
        try:
            parse_reads(entry)
        except InvalidValue as error:
            self.notes.append(f"{error}; its days left out")
            return False
        return True

    def _reading(self, started: Cell, finished: Cell) -> str:
        days = []
        for column, text in (started, finished):
            try:
                days.append(self.dates.iso_day(column, text) if text.strip() else "")
            except InvalidValue as error:
                self.notes.append(f"{error}; left out")
                days.append("")
        return "..".join(days)

    def items(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.options.items())


def names(*texts: str) -> str:
    """Comma-separated names from the export -> the directive's ``;``-separated list."""
    found = [name.strip().replace(";", ",") for text in texts for name in text.split(",")]
    return "; ".join(dict.fromkeys(name for name in found if name))


def read_count(text: str) -> int:
    """``Read Count`` as a number of readings: one when empty, ``0``, not a
    number or beyond two digits (a slip: no one lists a hundred readings)."""
    count = text.strip()
    return max(1, int(count)) if count.isascii() and count.isdigit() and len(count) <= 2 else 1


def tags(text: str, exclude: Collection[str] = ()) -> str:
    found = (tag.strip() for tag in text.split(","))
    return ", ".join(dict.fromkeys(tag for tag in found if tag and tag.lower() not in exclude))


@dataclass(frozen=True)
class Importer:
    """How one service's export is read."""

    label: str
    #: A column only this service's export has, to recognise it by.
    signature: str
    required: tuple[str, ...]
    #: The column ``--shelf`` selects rows by.
    shelf_column: str
    #: Columns holding dates, whose order (day or month first) is decided over the whole file.
    date_columns: tuple[str, ...]
    #: ``convert(row, status, fields)``: the review file for a row; ``fields`` collects its
    #: option values and notes about values left out.
    convert: Callable[[Mapping[str, str], str, Fields], Draft]
