"""Reading a library export: the file, its encoding, its header, and the fields of a row.

Columns are found by header name, never by position: Goodreads has shipped
24- and 31-column exports, and a spreadsheet may reorder them.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.errors import CliError
from sphinx_bookreview.cli.importers import goodreads, storygraph
from sphinx_bookreview.cli.importers.dates import ColumnOrder, column_order
from sphinx_bookreview.model import STATUSES

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence
    from pathlib import Path

    from sphinx_bookreview.cli.importers.fields import Importer

#: ``--from`` value -> the importer that reads that export.
IMPORTERS: dict[str, Importer] = {"goodreads": goodreads.IMPORTER, "storygraph": storygraph.IMPORTER}
#: Shelves (Goodreads) or read statuses (StoryGraph) whose status needs no ``=STATUS``.
KNOWN_SHELVES = {
    "read": "read",
    "currently-reading": "reading",
    "did-not-finish": "abandoned",
    "dnf": "abandoned",
    "abandoned": "abandoned",
}
#: The ``csv`` module's default longest field. Longer ones are read (so that the rows after
#: them are read right) and then refused, row by row: it is most likely a quote left open.
FIELD_LIMIT = 131_072
#: Encodings to suggest when the one given fails, in this order; the first that decodes the
#: file is named. Windows' Western and Central European code pages, and Japanese.
_SUGGESTED = ("utf-8", "cp1252", "shift_jis", "cp1250", "latin-1")
_OTHER_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


@dataclass(frozen=True)
class Record:
    """One row of the export: its number as a spreadsheet shows it (header = 1)."""

    number: int
    fields: list[str]
    error: str = ""


def read_export(path: Path, encoding: str) -> tuple[list[str], list[Record]]:
    """The header and the rows; the file must exist and decode."""
    text = decode(_read_bytes(path), path, encoding)
    with _long_fields():
        records = list(_records(text))
    if not records or not any(records[0].fields):
        raise CliError(f"{path}: empty file, expected a CSV export with a header row")
    header = [name.strip() for name in records[0].fields]
    return header, records[1:]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory, expected a CSV file") from None
    except OSError as error:
        raise CliError(f"{path}: cannot read: {error.strerror or error}") from None


def decode(data: bytes, path: Path, encoding: str) -> str:
    """Text of the export; a UTF-8 byte-order mark (Excel writes one) is dropped."""
    if codecs.lookup(encoding).name == "utf-8":
        for bom, name in _OTHER_BOMS.items():
            if data.startswith(bom):
                raise CliError(
                    f"{path}: {name} text (it starts with a {name} byte-order mark); "
                    f"save it as UTF-8 CSV or pass --encoding {name.lower()}"
                )
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        failed = encoding.removesuffix("-sig")
        raise CliError(
            f"{path}: not {failed.upper()} text (byte 0x{byte:02x} on line {line}); export it again as UTF-8, "
            f"or name its encoding with --encoding (e.g. --encoding {_suggestion(data, failed)})"
        ) from None


def _suggestion(data: bytes, failed: str) -> str:
    """An encoding other than the one that failed, that decodes the file (``latin-1`` decodes anything)."""
    for candidate in _SUGGESTED:
        if codecs.lookup(candidate).name != codecs.lookup(failed).name:
            with contextlib.suppress(UnicodeDecodeError):
                data.decode(candidate)
                return candidate
    return "latin-1"


@contextlib.contextmanager
def _long_fields() -> Iterator[None]:
    """Fields longer than the ``csv`` module's limit read whole: cut off, the rest of the
    field would be read as rows of their own. The limit is the process's, so it is restored."""
    previous = csv.field_size_limit(2**31 - 1)  # the largest a C long holds everywhere
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def encoding_name(text: str) -> str:
    """``--encoding`` check, so an unknown codec is a usage error rather than a crash later."""
    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r}") from None


def _records(text: str) -> Iterator[Record]:
    # strict: a stray quote is reported for its row instead of silently swallowing the rows after it
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        number += 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Record(number, [], f"unreadable CSV: {error}")
            continue
        if fields:
            yield Record(number, fields)
        else:
            number -= 1  # a blank line is no row in a spreadsheet either


def detect(header: Sequence[str], path: Path, source: str | None) -> Importer:
    """The importer ``--from`` names, else the one whose signature column is in the header."""
    if source is None:
        found = [importer for importer in IMPORTERS.values() if importer.signature in header]
        if not found:
            raise CliError(
                f"{path}: not a Goodreads or StoryGraph export (no {goodreads.IMPORTER.signature!r} "
                f"or {storygraph.IMPORTER.signature!r} column in its header)"
            )
        source = next(name for name, importer in IMPORTERS.items() if importer is found[0])
    importer = IMPORTERS[source]
    missing = [name for name in importer.required if name not in header]
    if missing:
        columns = ", ".join(repr(name) for name in missing)
        raise CliError(f"{path}: not a {importer.label} export: no {columns} column{'s' * (len(missing) > 1)}")
    return importer


def date_orders(header: Sequence[str], records: Sequence[Record], importer: Importer) -> dict[str, ColumnOrder]:
    """Day or month first for each date column of the export, from all its rows."""
    orders: dict[str, ColumnOrder] = {}
    for column in importer.date_columns:
        if column in header:
            index = header.index(column)
            orders[column] = column_order(record.fields[index] for record in records if len(record.fields) > index)
    return orders


def order_warnings(orders: Mapping[str, ColumnOrder]) -> list[str]:
    """One warning per date column whose dates could be read either way."""
    return [
        f"column {column!r}: {order.ambiguous} date{'s' * (order.ambiguous > 1)} such as {order.example!r} "
        "could be day/month or month/day, and no date in the column says which; left out "
        "(--date-order dmy or --date-order mdy reads them)"
        for column, order in orders.items()
        if order.ambiguous and not order.order
    ]


# -- shelves -----------------------------------------------------------------


def parse_shelves(values: Sequence[str] | None) -> dict[str, str]:
    """``--shelf NAME[=STATUS]`` values -> shelf name to the status its books get."""
    shelves: dict[str, str] = {}
    for value in values or ["read"]:
        name, _, status = (part.strip() for part in value.partition("="))
        status = status or KNOWN_SHELVES.get(name.lower(), "")
        if status not in STATUSES:
            raise CliError(
                f"--shelf {value}: say which status its books get, "
                f"e.g. --shelf {name}=reading (one of {', '.join(STATUSES)})"
            )
        shelves[name.lower()] = status
    return shelves
