"""ISBNs as the exports hold them, and as spreadsheets leave them.

Goodreads writes two columns, ``ISBN13`` and ``ISBN``, as Excel formulas
(``="0441172717"``) so that spreadsheets keep them as text; either may be
empty or hold something else (a shop's barcode), so the first valid one is
taken. A spreadsheet that read an ISBN as a number and saved it again wrote
it in scientific notation (``9.78053E+12``): its last digits are gone, and
no checksum can bring them back, so it is reported and left out. One that
dropped an ISBN-10's leading zero (``306406152``) left an old 9-digit SBN,
which is still read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_bookreview.model import InvalidValue, parse_isbn

if TYPE_CHECKING:
    from collections.abc import Iterable

_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+")
#: Meant as an ISBN, as opposed to a StoryGraph id (``a1b2c3d4-e5f6``).
_ISBN_LIKE = re.compile(r"[0-9Xx -]{9,17}")


def unformula(text: str) -> str:
    """``="0441172717"`` -> ``0441172717``."""
    text = text.strip()
    return text[2:-1] if text.startswith('="') and text.endswith('"') else text


def looks_like_isbn(text: str) -> bool:
    """Whether a cell is meant as an ISBN, whole or as a spreadsheet left it."""
    return bool(_ISBN_LIKE.fullmatch(text.strip()) or _SCIENTIFIC.fullmatch(text.strip()))


def first_isbn(cells: Iterable[str]) -> tuple[str, list[str]]:
    """The first valid ISBN of the cells, hyphenated; else ``""`` and why each one that is not empty is not."""
    problems = []
    for cell in cells:
        text = unformula(cell)
        if not text:
            continue
        if _SCIENTIFIC.fullmatch(text):
            problems.append(f"ISBN {text!r} is in scientific notation (a spreadsheet saved it as a number): "
                            "its last digits are lost")  # fmt: skip
            continue
        try:
            return parse_isbn(text), []
        except InvalidValue as error:
            problems.append(str(error))
    return "", problems
