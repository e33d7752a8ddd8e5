"""Days as the exports write them (``2023/01/15``) and as a spreadsheet rewrites them.

Opened and saved again in Excel or LibreOffice, ``2023/01/15`` becomes
``1/15/2023`` (US), ``15/01/2023`` (UK, Spain) or ``15.01.2023`` (Germany),
as the computer's locale says. Day or month first is decided per column over
the whole file: a first part above 12 (``15/01/2023``) means day first, a
second part above 12 means month first; a column whose dates are all dotted
and say neither is day first, as every locale that writes dots is. A column
that stays undecided gets one warning, and those of its dates that could be
either (``3/4/2023``) are left out: ``--date-order`` decides for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.model import InvalidValue, parse_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
ORDERS = (DAY_FIRST, MONTH_FIRST)
_READ_AS = {DAY_FIRST: "day/month/year", MONTH_FIRST: "month/day/year"}
_MONTHS = 12
#: ``YYYY/M/D`` (either separator, also ``-`` and ``.``), or ``A/B/YYYY`` with A and B to be decided.
_DAY = re.compile(
    r"(?<![0-9])(?:(?P<year>[0-9]{4})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
    r"|(?P<first>[0-9]{1,2})(?P<sep2>[/.-])(?P<second>[0-9]{1,2})(?P=sep2)(?P<year2>[0-9]{4}))(?![0-9])"
)


@dataclass(frozen=True)
class ColumnOrder:
    """What a column's dates say about their order; ``order`` is ``""`` while undecided."""

    order: str = ""
    #: How many dates could be read either way, and the first of them, for the warning.
    ambiguous: int = 0
    example: str = ""


def find_days(text: str) -> list[str]:
    """The dates in a cell, in order (StoryGraph's ``Dates Read`` holds ranges of them)."""
    return [match[0] for match in _DAY.finditer(text)]


def column_order(cells: Iterable[str]) -> ColumnOrder:
    """Day or month first, from every date of one column."""
    day_first = month_first = False
    dotted_only = True
    ambiguous: list[str] = []
    for cell in cells:
        for match in _DAY.finditer(cell):
            if match["first"] is None:
                continue
            first, second = int(match["first"]), int(match["second"])
            day_first, month_first = day_first or first > _MONTHS, month_first or second > _MONTHS
            dotted_only = dotted_only and match["sep2"] == "."
            if first != second and first <= _MONTHS and second <= _MONTHS:
                ambiguous.append(match[0])
    if day_first != month_first:
        return ColumnOrder(DAY_FIRST if day_first else MONTH_FIRST)
    if ambiguous and dotted_only and not day_first:
        return ColumnOrder(DAY_FIRST)
    return ColumnOrder("", len(ambiguous), ambiguous[0] if ambiguous else "")


class Dates:
    """Each date column's order, decided over the file before its rows are read."""

    def __init__(self, orders: Mapping[str, ColumnOrder], forced: str = "") -> None:
        self.orders = orders
        self.forced = forced

    def iso_day(self, column: str, text: str) -> str:
        """``2023/01/15``, ``1/15/2023`` or ``15.01.2023`` -> ``2023-01-15``; ``""`` if its column
        cannot tell (that column's one warning says so)."""
        match = _DAY.fullmatch(text.strip())
        if match is None:
            raise InvalidValue("date", f"invalid date {text!r}: expected a real day as YYYY/MM/DD")
        expected = "a real day as YYYY/MM/DD"
        if match["year"] is not None:
            year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        else:
            first, second, year = int(match["first"]), int(match["second"]), int(match["year2"])
            order = self.forced or self.orders.get(column, ColumnOrder()).order or _alone(first, second)
            if not order:
                return ""
            day, month = (first, second) if order == DAY_FIRST else (second, first)
            expected = f"a real day, read as {_READ_AS[order]}"
        try:
            return parse_date(f"{year:04}-{month:02}-{day:02}")
        except InvalidValue:
            raise InvalidValue("date", f"invalid date {text!r}: expected {expected}") from None


def _alone(first: int, second: int) -> str:
    """The order one date shows by itself (``13/1/2023``, or ``5/5/2023`` either way)."""
    if first > _MONTHS or first == second:
        return DAY_FIRST
    return MONTH_FIRST if second > _MONTHS else ""
