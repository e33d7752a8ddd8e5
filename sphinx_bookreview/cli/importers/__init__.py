"""Reading a library export: the file, its encoding, its header, and the fields of a row.

Columns are found by header name, never by position: Goodreads has shipped
24- and 31-column exports, and a spreadsheet may reorder them.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.errors import CliError
from sphinx_bookreview.cli.importers import goodreads, storygraph
from sphinx_bookreview.model import STATUSES

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
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
        raise CliError(
            f"{path}: not {encoding.removesuffix('-sig').upper()} text (byte 0x{byte:02x} on line {line}); "
            "export it again as UTF-8, or name its encoding with --encoding (e.g. --encoding cp1252)"
        ) from None


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
