"""Series and edition at the end of a title, in brackets, as Goodreads writes them.

``Dune (Dune Chronicles, #1)`` is the book *Dune*, number 1 of the series
*Dune Chronicles*. The number may be 0, a fraction (``#1.5``, a novella
between two books) or a range (``#1-5``, an omnibus), and other languages'
editions write it their own way (``nº 1``, ``n.º 1``, ``Bd. 3``, ``Band 3``,
``vol. 2``, ``tome 3``, ``t. 3``); a book in two series lists both,
separated by ``;``. Shops add the edition in brackets too: ``(Spanish
Edition)``, ``(Edición española)`` say the language, ``(Kindle Edition)``
is kept as the edition. What is left is the title, so that neither the page
title nor the file name carries the series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?(?:\s*[-\u2013]\s*[0-9]+(?:[.,][0-9]+)?)?"
#: ``#``, and the words for "number", "volume", "book" and "part" that editions use.
_MARKER = (
    r"\#|n\.?\s?[º°]\.?|no\.|nr\.|bd\.|band|vol\.|vol|volume|volumen|tome|tomo|t\.|book|libro|livre|buch|teil"
    r"|part|parte"
)
_ENTRY = re.compile(rf"(?P<name>.*?[^\s,;:])(?:\s*[,;:]\s*|\s+)(?:{_MARKER})\s*(?P<number>{_NUMBER})", re.I)
_LAST_BRACKETS = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*$")
_EDITION = re.compile(
    r"\b(edition|edición|edicion|ausgabe|édition|edizione|edição|edicao|editie|uitgave|izdanje)\b", re.I
)
#: Words of ``(Spanish Edition)`` and ``(Edición española)`` -> the ``:language:`` they say.
LANGUAGES = {
    **dict.fromkeys(("spanish", "español", "española", "espanol", "espanola", "castellano"), "es"),
    **dict.fromkeys(("german", "deutsch", "deutsche"), "de"),
    **dict.fromkeys(("french", "française", "francaise", "français"), "fr"),
    **dict.fromkeys(("english", "inglés", "englische"), "en"),
    **dict.fromkeys(("italian", "italiana"), "it"),
    **dict.fromkeys(("portuguese", "portuguesa"), "pt"),
    **dict.fromkeys(("dutch", "nederlandse"), "nl"),
    **dict.fromkeys(("catalan", "catalana"), "ca"),
    **dict.fromkeys(("croatian", "hrvatsko"), "hr"),
    "japanese": "ja",
    "polish": "pl",
    "russian": "ru",
    "swedish": "sv",
    "chinese": "zh",
    "korean": "ko",
}


@dataclass(frozen=True)
class TitleParts:
    title: str
    #: ``Name #N`` for each series named, the first being the one a review gets.
    series: tuple[str, ...] = ()
    edition: str = ""
    language: str = ""


def split_title(text: str) -> TitleParts:
    """``Dune (Dune Chronicles, #1) (Spanish Edition)`` -> *Dune*, ``Dune Chronicles #1``, ``es``."""
    title = " ".join(text.split())
    series: tuple[str, ...] = ()
    edition = ""
    while (match := _LAST_BRACKETS.search(title)) and match.start() > 0:
        inner = match["inner"].strip()
        if not series and (found := _series(inner)):
            series = found
        elif not edition and _EDITION.search(inner):
            edition = inner
        else:
            break
        title = title[: match.start()].rstrip()
    language = _language(edition)
    return TitleParts(title, series, "" if language else edition, language)


def _series(inner: str) -> tuple[str, ...]:
    """``Dune Chronicles, #1`` -> ``("Dune Chronicles #1",)``; empty unless every part is a series."""
    found = []
    for part in inner.split(";"):
        match = _ENTRY.fullmatch(part.strip())
        if not match:
            return ()
        found.append(f"{match['name']} #{_number(match['number'])}")
    return tuple(found)


def _number(text: str) -> str:
    """``1,5`` -> ``1.5``, an en dash -> ``-``, ``01`` -> ``1``."""
    plain = re.sub(r"\s+", "", text).replace(",", ".").replace("\u2013", "-")
    return re.sub(r"(?<![0-9.])0+(?=[0-9])", "", plain)


def _language(edition: str) -> str:
    """The language an edition says, if it says nothing else (``Spanish Edition``, not ``Kindle Edition``)."""
    words = [word for word in re.findall(r"\w+", edition.lower()) if not _EDITION.fullmatch(word)]
    return LANGUAGES.get(words[0], "") if len(words) == 1 else ""
