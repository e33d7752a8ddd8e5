"""File names and review ids for the files the command line writes.

A name is the title made into a slug: ASCII letters, digits and hyphens, so
it can never leave ``--dir`` (``../../x`` becomes ``x``), at most
:data:`MAX_STEM` characters, lowercase, and unique in the directory
case-insensitively (macOS and Windows file systems see ``Dune.rst`` and
``dune.rst`` as one file). It is never a page name Sphinx or the extension
makes (``search``, ``genindex``, ``book-author``...), nor a name Windows
refuses, nor a document already there that is not this book's review: that
one gets ``-2``. A review file already there for the same book (same title,
and the same ISBN if both have one) keeps its name and its id, so importing
the same export again picks the same files.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.model import InvalidValue, compact_isbn, parse_isbn, review_id

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: The longest file name stem written; room is kept for a ``-2``-style suffix.
MAX_STEM = 80
_MAX_BASE = MAX_STEM - 8
#: The review files' suffixes (``--format`` value -> suffix).
SUFFIXES = {"rst": ".rst", "md": ".md"}
#: An entry with one of these suffixes, or a directory, takes its stem: Sphinx could read
#: it as a document, or (a directory) give ``x/index`` the output path of ``x`` in dirhtml.
_DOCUMENT_SUFFIXES = frozenset({".rst", ".md", ".txt", ".ipynb"})
#: Pages Sphinx, its HTML builders and the ``book`` domain's indices write, and
#: device names Windows refuses as file names (``con.rst`` included).
RESERVED = frozenset(
    {"index", "search", "searchindex", "genindex", "py-modindex", "modindex"}
    | {"book-author", "book-tag", "book-rating"}
    | {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))}
)
_TITLE_LINE = re.compile(r"^(?:\.\.[ \t]+bookreview::|[ ]{0,3}(?:`{3,}|~{3,}|:{3,})\{bookreview\})[ \t]*(.*)$", re.M)
_ID_LINE = re.compile(r"^[ \t]*:id:[ \t]*(\S+)[ \t]*$", re.M)
_ISBN_LINE = re.compile(r"^[ \t]*:isbn:[ \t]*(\S.*?)[ \t]*$", re.M)


def slug(title: str) -> str:
    """``Ĉielo, Ŝtono`` -> ``cielo-stono``, cut at a hyphen to at most ``_MAX_BASE`` characters.

    A title with no Latin letters or digits gets ``book-`` and a hash of it:
    stable from run to run, and unlike a bare ``book`` it differs between books.
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    found = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(found) > _MAX_BASE:
        cut = found[: _MAX_BASE + 1]
        found = (cut.rsplit("-", 1)[0] if "-" in cut[1:] else cut[:_MAX_BASE]).strip("-")
    return found or "book-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]


#: The pages of a split index (``html_split_index``): ``genindex-A``, ``genindex-all``.
_SPLIT_INDEX = re.compile(r"genindex-(?:[a-z]|all)")


def is_reserved(stem: str) -> bool:
    return stem in RESERVED or bool(_SPLIT_INDEX.fullmatch(stem))


def normal_isbn(text: str) -> str:
    """The ISBN as one key however it is written (ISBN-10 or 13, hyphens), ``""`` if none."""
    try:
        return compact_isbn(parse_isbn(text)) if text.strip() else ""
    except InvalidValue:
        return ""


@dataclass(frozen=True)
class Existing:
    """A review file already in the directory: what its ``bookreview`` directive says."""

    path: Path
    title: str
    review: str
    isbn: str

    def is_of(self, title: str, isbn: str) -> bool:
        """The same book: the same title, and not two different ISBNs."""
        return self.title == title and not (self.isbn and isbn and self.isbn != isbn)


def read_existing(path: Path) -> Existing | None:
    """The review in a source file, ``None`` for a file that holds none (or cannot be read)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    title = _TITLE_LINE.search(text)
    if not title:
        return None
    name = " ".join(title[1].split())
    found_id, found_isbn = _ID_LINE.search(text), _ISBN_LINE.search(text)
    review = found_id[1].strip("\"'") if found_id else review_id(name)
    return Existing(path, name, review, normal_isbn(found_isbn[1].strip("\"'")) if found_isbn else "")


class Folder:
    """What is already in the directory the files go to, read once before the first is written."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        #: Casefolded stem -> the entries that take it.
        self.taken: dict[str, list[Path]] = {}
        #: Casefolded stem -> the review files with that stem, in either markup.
        self.reviews: dict[str, list[Existing]] = {}
        for entry in _entries(directory):
            stem, _, _ = entry.name.partition(".")
            if entry.is_dir() or entry.suffix.lower() in _DOCUMENT_SUFFIXES:
                self.taken.setdefault(stem.casefold(), []).append(entry)
            # Regular files only: reading a named pipe would wait forever.
            if entry.suffix.lower() in SUFFIXES.values() and entry.is_file() and (review := read_existing(entry)):
                self.reviews.setdefault(stem.casefold(), []).append(review)

    def all_reviews(self) -> Iterator[Existing]:
        for reviews in self.reviews.values():
            yield from reviews

    def review_at(self, stem: str, title: str, isbn: str) -> list[Existing] | None:
        """The files at ``stem`` if every document there is this book's review, else ``None``."""
        reviews = self.reviews.get(stem, [])
        mine = [review for review in reviews if review.is_of(title, isbn)]
        if mine and len(mine) == len(self.taken.get(stem, ())):
            return mine
        return None


def _entries(directory: Path) -> list[Path]:
    try:
        return sorted(directory.iterdir())
    except OSError:  # not there yet (it is created when the first file is written), or unreadable
        return []


@dataclass(frozen=True)
class Choice:
    """Where a review goes: the file to write, and what is already there under its name."""

    stem: str
    review: str
    #: The review files of this same book already there, this markup first (empty: a new file).
    existing: tuple[Path, ...] = ()

    def path(self, directory: Path, markup: str) -> Path:
        """The file to write: the one already there in this markup keeps its exact name."""
        suffix = SUFFIXES[markup]
        same = [path for path in self.existing if path.suffix.lower() == suffix]
        return same[0] if same else directory / (self.stem + suffix)

    def there(self, directory: Path, markup: str) -> Path | None:
        """The file of this book already there, in this markup if it is, else in the other."""
        written = self.path(directory, markup)
        return written if written in self.existing else next(iter(self.existing), None)

    def others(self, directory: Path, markup: str) -> tuple[Path, ...]:
        """The files of this book in the other markup, which the written one replaces."""
        written = self.path(directory, markup)
        return tuple(path for path in self.existing if path != written)


class Namer:
    """Names and review ids for one run, in row order, so a re-run picks the same ones."""

    def __init__(self, folder: Folder) -> None:
        self.folder = folder
        self.stems: set[str] = set()
        #: Ids of reviews already in the directory, so a new file's default id clashes with none.
        self.ids: set[str] = {review.review for review in folder.all_reviews()}

    def name(self, title: str, isbn: str = "") -> Choice:
        """The stem and review id for a title: this book's file if it is there, else a free name.

        ``:id:`` is then written only where the directive's default (the
        title's slug) is taken: for equal titles.
        """
        base = slug(title)
        for stem in itertools.chain([base], (f"{base}-{number}" for number in itertools.count(2))):
            if stem in self.stems or is_reserved(stem):
                continue
            mine = self.folder.review_at(stem, title, isbn)
            if mine is None and stem in self.folder.taken:
                continue
            self.stems.add(stem)
            if mine:
                return Choice(stem, mine[0].review, tuple(review.path for review in mine))
            return Choice(stem, _unique(review_id(title), self.ids))
        raise AssertionError  # the stems never run out


def _unique(base: str, used: set[str]) -> str:
    name, number = base, 1
    while name in used:
        number += 1
        name = f"{base}-{number}"
    used.add(name)
    return name
