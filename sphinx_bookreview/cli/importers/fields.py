"""Turning the text of an export's cells into option values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.model import InvalidValue, parse_date

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

    from sphinx_bookreview.cli.writer import Draft

#: A day as both exports write it (``2023/01/05``), or as a spreadsheet may rewrite it (``2023-1-5``).
DAY = re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})")


class Fields:
    """Option values gathered from a row; a bad value is left out with a note saying why."""

    def __init__(self, notes: list[str]) -> None:
        self.options: dict[str, str] = {}
        self.notes = notes

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

    def set_dates(self, finished: str, added: str, started: str = "") -> None:
        """The days read, and ``:date:``. The exports have no date for the review
        itself: the day the book was finished is the nearest, else the day it was added."""
        self.set("started", started, iso_day)
        self.set("finished", finished, iso_day)
        self.set("date", self.options.get("finished") or added, iso_day)

    def items(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.options.items())


def iso_day(text: str) -> str:
    """``2023/01/05`` (both exports) or ``2023-1-5`` -> ``2023-01-05``, checked to be a real day."""
    match = DAY.fullmatch(text.strip())
    year, month, day = (int(part) for part in match.groups()) if match else (0, 0, 0)
    try:
        return parse_date(f"{year:04}-{month:02}-{day:02}")
    except InvalidValue:
        raise InvalidValue("date", f"invalid date {text!r}: expected a real day as YYYY/MM/DD") from None


def names(*texts: str) -> str:
    """Comma-separated names from the export -> the directive's ``;``-separated list."""
    found = [name.strip().replace(";", ",") for text in texts for name in text.split(",")]
    return "; ".join(dict.fromkeys(name for name in found if name))


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
    #: ``convert(row, status, notes)``: the review file for a row, notes for values left out.
    convert: Callable[[Mapping[str, str], str, list[str]], Draft]
