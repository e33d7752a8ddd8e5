"""The review record and the parsers that turn option text into it.

Pure Python (docutils and python-stdnum only, never Sphinx), so the command
line and the tests use it directly. Every parser either returns a clean value
or raises :class:`InvalidValue` with a message that names the bad text; the
directive turns those into located warnings.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import math
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from docutils.nodes import make_id
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

FORMATS = ("hardcover", "paperback", "ebook", "audiobook")
STATUSES = ("read", "reading", "abandoned")

#: Options whose values are lists of people, separated by ``;``.
PEOPLE_OPTIONS = ("author", "editor", "translator", "illustrator", "narrator")
#: Options that take a full ``YYYY-MM-DD`` date.
DAY_OPTIONS = ("date", "started", "finished")
#: Every option of the directive except the configurable quick-review keys.
OPTIONS = (
    "id", "subtitle", *PEOPLE_OPTIONS, "contributor", "edition", "publisher", "published",
    "original-published", "isbn", "asin", "pages", "format", "language", "series", "series-url",
    "cover", "url", "rating", "reviewer", *DAY_OPTIONS, "reads", "status", "progress", "tags",
    "verdict", "disclosure", "rereview-of",
)  # fmt: skip

#: Words after a name that are not its family name ("Brooks Jr.",
#: "King, Jr."), compared without a full stop and ignoring case: the
#: generational suffixes of calibre's ``author_name_suffixes``.
NAME_SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})

_BCP47 = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_RATING = re.compile(r"(\d+(?:\.\d+)?)(?:\s*/\s*(\d+(?:\.\d+)?))?")
# At most 9 digits a part: int() refuses thousands of digits.
#: At most six digits and three decimals: a number of nine digits or fewer
#: is held exactly and written back as it was (:func:`series_text`).
_SERIES_NUMBER = r"\d{1,6}(?:\.\d{1,3})?"
_SERIES = re.compile(rf"(?P<name>.*?)\s*#\s*(?P<first>{_SERIES_NUMBER})(?:\s*[-\u2013]\s*(?P<last>{_SERIES_NUMBER}))?")
_CONTRIBUTOR = re.compile(r"(?P<name>.*?)\s*\((?P<role>[^()]*)\)")
_ASIN = re.compile(r"B0[0-9A-Z]{8}")
_PERCENT = re.compile(r"(?P<percent>\d{1,3}(?:\.\d{1,6})?)\s*%")
_PAGE_OF = re.compile(r"(?P<page>\d{1,9})\s*/\s*(?P<pages>\d{1,9})")
_READING = re.compile(r"(?P<started>[^.()]*)\.\.(?P<finished>[^.()]*?)\s*(?:\((?P<status>[^()]*)\))?")
#: A spoiler role in option text: rst ``:spoiler:`x``` (or ```x`:spoiler:``), MyST ``{spoiler}`x```.
_SPOILER_ROLE = re.compile(
    r":spoiler:`(?:[^`\\]|\\.)*`|`(?:[^`\\]|\\.)*`:spoiler:|\{spoiler\}(?P<ticks>`+).*?(?P=ticks)", re.DOTALL
)


class Reading(NamedTuple):
    """One reading of the book: its first and last day (``YYYY-MM-DD``,
    either ``""`` when not known) and how it ended (a status)."""

    started: str
    finished: str
    status: str = "read"


class InvalidValue(ValueError):
    """An option value that cannot be used; ``subtype`` names its kind."""

    def __init__(self, subtype: str, message: str) -> None:
        super().__init__(message)
        self.subtype = subtype


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a review, reported as one warning."""

    subtype: str
    message: str
    option: str | None = None  # the option it is about, to find its line


@dataclass(frozen=True)
class Review:
    """Everything known about one review, as plain picklable values.

    ``rating`` is already on the project's rating scale; dates are ISO
    strings (``published`` may be ``YYYY`` or ``YYYY-MM``); ``answers`` holds
    the quick-review answers as ``(key, source text)`` in configured order.
    ``verdict`` is the source text, inline markup included; ``verdict_text``
    what a reader sees of it (the markup rendered, its characters gone),
    filled in by the directive, which parses the markup, for the outputs
    that take plain text.
    ``lineno`` is the line in the file the review is written in: its
    document's own, or ``source`` (an included file's path).

    The extension's ``env_version`` must be bumped with any change to the
    fields, their order or their defaults (see :meth:`__reduce__`);
    ``tests/test_model.py`` pins them next to that number.
    """

    id: str
    title: str
    docname: str = ""
    lineno: int = 0
    source: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    translators: tuple[str, ...] = ()
    illustrators: tuple[str, ...] = ()
    narrators: tuple[str, ...] = ()
    #: ``(name, role)``; the role as written, ``""`` when not given.
    contributors: tuple[tuple[str, str], ...] = ()
    edition: str = ""
    publisher: str = ""
    published: str = ""
    original_published: str = ""
    isbn: str = ""
    asin: str = ""
    pages: int | None = None
    format: str = ""
    language: str = ""
    series: str = ""
    #: The book's number in the series (an ``int`` when whole, as 0 and 2
    #: are; a ``float`` for 1.5), and the last number of a range (``#1-5``).
    series_number: float | None = None
    series_number_end: float | None = None
    series_url: str = ""
    cover: str = ""
    url: str = ""
    rating: float | None = None
    reviewer: str = ""
    date: str = ""
    #: ``started``, ``finished`` and ``status`` are those of the latest
    #: reading; ``reads`` every reading, oldest first, when ``:reads:``
    #: gives them (else empty: see :attr:`readings`).
    started: str = ""
    finished: str = ""
    reads: tuple[Reading, ...] = ()
    status: str = "read"
    #: ``38%`` or ``120/350`` (page of pages), for an unfinished book.
    progress: str = ""
    tags: tuple[str, ...] = ()
    verdict: str = ""
    verdict_text: str = ""
    disclosure: str = ""
    rereview_of: str = ""
    answers: tuple[tuple[str, str], ...] = field(default=())
    #: The expressions of the ``.. only::`` blocks the review is written in,
    #: outermost first: builders whose tags satisfy them all show it.
    only: tuple[str, ...] = ()

    @property
    def isbn_digits(self) -> str:
        """The ISBN without hyphens, as URLs and schema.org write it."""
        return compact_isbn(self.isbn)

    @property
    def day(self) -> str:
        """The day the review is dated by, newest first in listings, the
        feed and the theme: ``:date:``, else ``:finished:``."""
        return self.date or self.finished

    @property
    def year(self) -> int | None:
        """The year it counts for in listings: of ``finished``, else ``date``."""
        day = self.finished or self.date
        return int(day[:4]) if day else None

    @property
    def readings(self) -> tuple[Reading, ...]:
        """Every reading, oldest first: those of ``:reads:``, else the one
        ``:started:``, ``:finished:`` and ``:status:`` describe."""
        return self.reads or (Reading(self.started, self.finished, self.status),)

    @property
    def finished_years(self) -> list[int]:
        """The year of each finished (``read``) reading, oldest first: of
        its last day; the latest reading without one counts in the year of
        ``date``, as :attr:`year` says. A book read twice in a year is there twice."""
        latest = len(self.readings) - 1
        days = [
            r.finished or (self.date if n == latest else "") for n, r in enumerate(self.readings) if r.status == "read"
        ]
        return [int(day[:4]) for day in days if day]

    @property
    def years(self) -> set[int]:
        """Every year the book belongs to in listings: :attr:`year` and the
        year each earlier reading was finished."""
        return {*self.finished_years, *([self.year] if self.year is not None else [])}

    @property
    def series_position(self) -> str:
        """The number in the series as people write it: ``2``, ``1.5``, ``1-5``."""
        if self.series_number is None:
            return ""
        last = f"-{series_text(self.series_number_end)}" if self.series_number_end is not None else ""
        return series_text(self.series_number) + last

    @property
    def progress_percent(self) -> float | None:
        """How far the book was read, in percent (``120/350`` is 34.29)."""
        if not self.progress:
            return None
        if self.progress.endswith("%"):
            return float(self.progress[:-1])
        page, pages = self.progress.split("/")
        return round(int(page) / int(pages) * 100, 2)

    def as_dict(self) -> dict[str, object]:
        """The record as JSON-ready values (tuples become lists)."""
        # Not dataclasses.asdict: it deep-copies every value, and the catalog
        # calls this for every review on every build, a no-op one too.
        return {key: json_ready(getattr(self, key)) for key in (f.name for f in dataclasses.fields(self))}

    def __reduce__(self) -> tuple[Callable[[int, tuple[object, ...]], Review], tuple[int, tuple[object, ...]]]:
        # Pickled as the values that differ from the defaults and a bit mask
        # of their fields: the records are most of what the extension adds
        # to environment.pickle, which Sphinx loads on every build, and most
        # fields of most reviews are empty. Plain dataclass pickling (every
        # field's name and value) made the benchmark's environment.pickle
        # x1.71 of plain Sphinx's at N = 1000 instead of x1.48
        # (benchmarks/PROFILE.md). Records stored by another layout of the
        # fields would load wrong: a change to the fields, their order or
        # their defaults bumps the extension's ``env_version`` (Sphinx then
        # reads every document afresh).
        fields = enumerate(dataclasses.fields(self))
        given = [(i, value) for i, f in fields if (value := getattr(self, f.name)) != f.default]
        return unpickle_review, (sum(1 << i for i, _value in given), tuple(value for _i, value in given))


def json_ready(value: object) -> object:
    """Tuples, also nested ones (``answers``, ``reads``), as lists."""
    return [json_ready(item) for item in value] if isinstance(value, tuple) else value


def unpickle_review(mask: int, values: tuple[object, ...]) -> Review:
    names = [f.name for i, f in enumerate(dataclasses.fields(Review)) if mask >> i & 1]
    return Review(**dict(zip(names, values, strict=True)))  # type: ignore[arg-type]


# -- parsers ---------------------------------------------------------------


def review_id(title: str) -> str:
    """The default id of a review: docutils' slug of its title.

    An id must start with a Latin letter, so a title such as "1984"
    becomes ``book-1984``, and one docutils keeps nothing of (``日本語の本``)
    ``book-`` and a short digest of the title: stable, and distinct for
    distinct titles.
    """
    slug = make_id(title) or make_id(f"book-{title}")
    if slug in ("", "book"):
        slug = "book-" + hashlib.sha256(title.encode()).hexdigest()[:8]
    return slug


def is_title_slug(review: str, title: str) -> bool:
    """Whether the id ``review`` is docutils' slug of ``title``: the one
    id a reader tells from the title (not ``book-1984``, a digest, or
    another review's ``-2``)."""
    return make_id(title) == review


def split_names(text: str) -> tuple[str, ...]:
    """People are separated by ``;`` (names themselves hold commas)."""
    # Interned, like tags and ids: one object per name, so pickle stores
    # each once (environment.pickle at N = 1000: x1.48 of plain Sphinx's
    # with, x1.57 without; benchmarks/PROFILE.md).
    return tuple(unique(sys.intern(name.strip()) for name in text.split(";")))


def family_name(name: str) -> str:
    """The family name an author is sorted by, as calibre guesses it:
    before the comma of a name written ``Le Guin, Ursula K.``, else the
    last word (``Robert C. Martin`` -> ``Martin``), a suffix such as
    ``Jr.`` left out either way; a name of one word (``Plato``, ``刘慈欣``)
    is its own."""
    parts = [part.strip() for part in name.split(",")]
    while len(parts) > 1 and is_name_suffix(parts[-1]):
        parts.pop()
    if len(parts) > 1:
        return parts[0]
    words = parts[0].split()
    while len(words) > 1 and is_name_suffix(words[-1]):
        words.pop()
    return words[-1] if words else name


def is_name_suffix(word: str) -> bool:
    return word.rstrip(".").casefold() in NAME_SUFFIXES


def author_order(name: str) -> tuple[str, str]:
    """How authors are ordered, in the author index and by ``:sort:
    author``: by family name (:func:`family_name`), then by the whole name
    as written, ignoring case."""
    return family_name(name).casefold(), name.casefold()


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(unique(sys.intern(tag.strip()) for tag in text.split(",")))


def unique(items: Iterable[str]) -> list[str]:
    """Non-empty items, first occurrence kept, order kept."""
    return list(dict.fromkeys(item for item in items if item))


def parse_isbn(text: str) -> str:
    """An ISBN-10 or ISBN-13, checksum validated, as hyphenated ISBN-13."""
    try:
        number = stdnum_isbn.validate(text)
    except ValidationError as error:
        raise InvalidValue("isbn", f"invalid ISBN {text!r}: {_reason(error)}") from None
    return stdnum_isbn.format(number, convert=True)


def compact_isbn(isbn: str) -> str:
    """An ISBN without its hyphens: one key for every way it is written."""
    return isbn.replace("-", "")


def isbn_url(template: str, isbn: str) -> str:
    """The URL a ``{isbn}`` template (``bookreview_isbn_url``,
    ``bookreview_cover_url``) gives for the book."""
    return template.format(isbn=compact_isbn(isbn))


def _reason(error: ValidationError) -> str:
    return str(error).rstrip(".").lower()


def parse_date(text: str, *, partial: bool = False) -> str:
    """A ``YYYY-MM-DD`` date; with ``partial``, ``YYYY`` and ``YYYY-MM`` too."""
    text = text.strip()
    shapes = ("%Y", "%Y-%m", "%Y-%m-%d") if partial else ("%Y-%m-%d",)
    for shape in shapes:
        if len(text) == len(datetime.date(2000, 1, 1).strftime(shape)):
            try:
                datetime.datetime.strptime(text, shape)
            except ValueError:
                break
            return text
    expected = "YYYY, YYYY-MM or YYYY-MM-DD" if partial else "YYYY-MM-DD"
    raise InvalidValue("date", f"invalid date {text!r}: expected a real date as {expected}")


def parse_rating(text: str, scale: float) -> float:
    """``4``, ``4.5``, ``4.5/5`` or ``8/10``, returned on ``scale``."""
    match = _RATING.fullmatch(text.strip())
    if not match:
        raise InvalidValue("rating", f"invalid rating {text!r}: expected a number such as 4, 4.5, 4.5/5 or 8/10")
    value, out_of = float(match[1]), float(match[2]) if match[2] else scale
    if not math.isfinite(out_of):  # digits beyond a float's range
        raise InvalidValue("rating", f"invalid rating {text!r}: expected a number such as 4, 4.5, 4.5/5 or 8/10")
    if out_of <= 0:
        raise InvalidValue("rating", f"invalid rating {text!r}: a rating out of {number(out_of)} means nothing")
    if value > out_of:
        raise InvalidValue("rating", f"invalid rating {text!r}: must be between 0 and {number(out_of)}")
    # The share first: value * scale can overflow to infinity for huge numbers.
    return round(value / out_of * scale, 6)


def round_to_step(value: float, step: float) -> float:
    """The rating as drawn in stars: to the nearest step, halves up."""
    return math.floor(value / step + 0.5) * step


def number(value: float) -> str:
    """A number as people write it: ``4``, ``4.5``, never ``4.0``."""
    return f"{value:g}"


def parse_count(text: str, what: str, otherwise: str = "") -> int:
    """A positive whole number such as a page count; ``otherwise`` says
    what the caller does instead, at the end of the message."""
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses;
    # at most 9, as int() refuses thousands of digits.
    if not re.fullmatch(r"[0-9]{1,9}", text.strip()) or int(text) < 1:
        instead = f"; {otherwise}" if otherwise else ""
        raise InvalidValue("option", f"invalid {what} {text!r}: expected a positive whole number{instead}")
    return int(text)


def parse_pages(text: str) -> int:
    return parse_count(text, "page count")


def parse_choice(text: str, choices: tuple[str, ...], what: str) -> str:
    value = text.strip().lower()
    if value not in choices:
        raise InvalidValue("option", f"invalid {what} {text!r}: expected one of {', '.join(choices)}")
    return value


def parse_language(text: str) -> str:
    if not _BCP47.fullmatch(text.strip()):
        raise InvalidValue("option", f"invalid language {text!r}: expected a BCP 47 code such as en or pt-BR")
    return text.strip()


def parse_url(text: str) -> str:
    """An absolute ``http(s)`` URL; ``javascript:`` and the like are refused."""
    url = text.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise InvalidValue("url", f"refused URL {text!r}: only absolute http and https URLs are allowed")
    return url


def is_url(text: str) -> bool:
    """Whether a cover is meant as a URL rather than a path (any scheme)."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text.strip())) and not re.match(r"[A-Za-z]:[\\/]", text)


def parse_series(text: str) -> tuple[str, float | None, float | None]:
    """``Name #N``: the name, the number (``0``, ``2``, ``1.5``) and the
    last number of a range (``#1-5``), else ``None``. Text without a number
    at its end is all name."""
    match = _SERIES.fullmatch(text.strip())
    if not match:
        return text.strip(), None, None
    if not match["name"].strip():
        raise InvalidValue("option", f"invalid series {text!r}: expected its name before the number, such as 'Saga #2'")
    first, last = series_number(match["first"]), series_number(match["last"]) if match["last"] else None
    if last is not None and last <= first:
        example = f"#{series_text(first)}-{series_text(first + 1)}"
        raise InvalidValue("option", f"invalid series {text!r}: a range of numbers goes up, such as {example}")
    return match["name"], first, last


def series_number(text: str) -> float:
    """``2`` as the whole number 2, ``1.5`` as a fraction."""
    value = float(text)
    return int(value) if value.is_integer() else value


def series_text(value: float) -> str:
    """A number in a series as written: ``2``, ``1.5``, ``123456.5``; not
    :func:`number`'s six significant digits, which round or turn to
    ``1e+06`` what a series may number."""
    return str(value) if isinstance(value, int) else repr(value)


def parse_contributors(text: str) -> tuple[tuple[str, str], ...]:
    """``Name (Role); Name``: people separated by ``;``, each with the role
    they had in brackets, or none."""
    found = []
    for name in split_names(text):
        match = _CONTRIBUTOR.fullmatch(name)
        who, role = (match["name"].strip(), " ".join(match["role"].split())) if match else (name, "")
        found.append((sys.intern(who or name), role))
    return tuple(dict.fromkeys(found))


def parse_asin(text: str) -> str:
    """An Amazon Standard Identification Number: ``B0`` and eight letters
    or digits, or for a printed book its ISBN-10 (checksum validated),
    which may be written with hyphens or spaces, as an ISBN may."""
    asin = "".join(text.split()).replace("-", "").upper()
    if _ASIN.fullmatch(asin):
        return asin
    if len(asin) == 10:  # an ISBN-10's length
        try:
            return stdnum_isbn.validate(asin)
        except ValidationError:
            pass
    raise InvalidValue(
        "option", f"invalid ASIN {text!r}: expected B0 and eight letters or digits, such as B00ZVA3XL6, or an ISBN-10"
    )


def parse_progress(text: str) -> str:
    """``38%`` or ``120/350`` (page 120 of 350), written back tidily."""
    compact = text.strip()
    if match := _PERCENT.fullmatch(compact):
        if float(match["percent"]) > 100:
            raise InvalidValue("option", f"invalid progress {text!r}: more than 100%")
        return f"{number(float(match['percent']))}%"
    if (match := _PAGE_OF.fullmatch(compact)) and int(match["pages"]) > 0:
        page, pages = int(match["page"]), int(match["pages"])
        if page > pages:
            raise InvalidValue("option", f"invalid progress {text!r}: page {page} is beyond the book's {pages} pages")
        return f"{page}/{pages}"
    raise InvalidValue(
        "option", f"invalid progress {text!r}: expected a percentage such as 38% or a page of the pages such as 120/350"
    )


def parse_reads(text: str, last_status: str = "read") -> tuple[Reading, ...]:
    """``START..END`` entries separated by ``;``, oldest first: either day
    may be left out, and a status may follow in brackets (default ``read``;
    for the last entry, ``last_status``)."""
    entries = [entry.strip() for entry in text.split(";") if entry.strip()]
    readings = []
    for n, entry in enumerate(entries):
        match = _READING.fullmatch(entry)
        if not match:
            raise InvalidValue(
                "option", f"invalid reading {entry!r}: expected START..END, such as 2024-01-02..2024-02-10"
            )
        started, finished = (parse_date(day) if day.strip() else "" for day in (match["started"], match["finished"]))
        if started and finished and finished < started:
            raise InvalidValue("date", f"invalid reading {entry!r}: it ends before it starts")
        default = last_status if n == len(entries) - 1 else "read"
        status = parse_choice(match["status"], STATUSES, "status") if match["status"] is not None else default
        readings.append(Reading(started, finished, status))
    return tuple(readings)


def mask_spoilers(text: str, mask: str) -> str:
    """Option text with each ``:spoiler:`` role (rst or MyST) replaced by
    ``mask``: what summaries (meta description, feed, structured data,
    catalog) say instead of a spoiler."""
    return _SPOILER_ROLE.sub(lambda _role: mask, text)  # a function: the mask is text, not a template


# -- a whole review --------------------------------------------------------

#: How each option's text becomes a field value: ``parser(text, rating_scale)``.
_PARSERS: dict[str, Callable[[str, float], object]] = {
    "isbn": lambda text, _: parse_isbn(text),
    "asin": lambda text, _: parse_asin(text),
    "published": lambda text, _: parse_date(text, partial=True),
    "original-published": lambda text, _: parse_date(text, partial=True),
    "date": lambda text, _: parse_date(text),
    "started": lambda text, _: parse_date(text),
    "finished": lambda text, _: parse_date(text),
    "pages": lambda text, _: parse_pages(text),
    "format": lambda text, _: parse_choice(text, FORMATS, "format"),
    "status": lambda text, _: parse_choice(text, STATUSES, "status"),
    "progress": lambda text, _: parse_progress(text),
    "language": lambda text, _: parse_language(text),
    "url": lambda text, _: parse_url(text),
    "series-url": lambda text, _: parse_url(text),
    "cover": lambda text, _: parse_url(text) if is_url(text) else text,
    "rating": parse_rating,
    "tags": lambda text, _: split_tags(text),
    "contributor": lambda text, _: parse_contributors(text),
    "id": lambda text, _: parse_id(text),
    "rereview-of": lambda text, _: parse_id(text),
}
#: Options read once the others are: what they mean depends on them.
_LATER = ("reads",)


def parse_review(
    title: str,
    options: Mapping[str, object],
    *,
    quick_keys: tuple[str, ...] = (),
    rating_scale: float = 5,
    default_reviewer: str = "",
    cover_url: str = "",
) -> tuple[Review, list[Problem]]:
    """Turn the directive's title and raw option text into a :class:`Review`.

    Invalid values are left out of the record and reported as problems;
    unknown options are reported and ignored. Docname and line are the
    caller's to fill in.
    """
    problems: list[Problem] = []
    values = _option_values(options, quick_keys, rating_scale, problems)
    # Interned: links to the review carry the same id, stored once by pickle.
    values["id"] = sys.intern(str(values.get("id") or review_id(title)))
    values.setdefault("reviewer", default_reviewer)
    if not values.get("cover") and values.get("isbn") and cover_url:
        values["cover"] = isbn_url(cover_url, str(values["isbn"]))
    _add_readings(values, str(options.get("reads") or "").strip(), problems)
    _check_together(values, problems)
    answers = tuple((key, text) for key in quick_keys if (text := str(options.get(key) or "").strip()))
    return Review(title=title.strip(), answers=answers, **values), problems  # type: ignore[arg-type]


def _option_values(
    options: Mapping[str, object], quick_keys: tuple[str, ...], scale: float, problems: list[Problem]
) -> dict[str, object]:
    """The fields the options set one by one; a bad value is a problem."""
    values: dict[str, object] = {}
    for name, raw in options.items():
        text = str(raw or "").strip()
        if name not in OPTIONS and name not in quick_keys:
            problems.append(Problem("option", f"unknown option :{name}: (ignored)", name))
        elif text and name not in quick_keys and name not in _LATER:
            try:
                values.update(_fields(name, text, scale))
            except InvalidValue as error:
                problems.append(Problem(error.subtype, str(error), name))
    return values


def _fields(name: str, text: str, scale: float) -> dict[str, object]:
    """The record fields that one option sets."""
    if name in PEOPLE_OPTIONS:
        fields: dict[str, object] = {name + "s": split_names(text)}
    elif name == "series":
        series, first, last = parse_series(text)
        fields = {"series": series, "series_number": first, "series_number_end": last}
    else:
        field_name = "contributors" if name == "contributor" else name.replace("-", "_")
        fields = {field_name: _PARSERS[name](text, scale) if name in _PARSERS else text}
    if () in fields.values():  # a list option of separators only, such as ";"
        what, separator, example = (
            ("tags", ",", "fiction, history") if name == "tags" else ("names", ";", "Ann Lee; Bo Yu")
        )
        raise InvalidValue(
            "option", f"invalid {name} {text!r}: expected {what} separated by {separator!r}, such as {example!r}"
        )
    return fields


def parse_id(text: str) -> str:
    if make_id(text) != text:
        raise InvalidValue(
            "option", f"invalid id {text!r}: ids are lowercase letters, digits and hyphens, such as {make_id(text)!r}"
        )
    return text


def _add_readings(values: dict[str, object], reads: str, problems: list[Problem]) -> None:
    """``:reads:``: every reading, the last one's days and status those of
    the review, so that what reads ``started``, ``finished`` and ``status``
    sees the latest reading."""
    if not reads:
        return
    status = str(values.get("status", "read"))
    try:
        readings = parse_reads(reads, status)
    except InvalidValue as error:
        problems.append(Problem(error.subtype, str(error), "reads"))
        return
    if not readings:
        return
    for option in ("started", "finished"):
        if values.pop(option, None):
            problems.append(Problem(
                "option", f":{option}: is ignored beside :reads:, which gives every reading: "
                "write the latest one as its last entry", option,
            ))  # fmt: skip
    latest = readings[-1]
    if latest.status != status and "status" in values:
        problems.append(Problem(
            "option", f":status: {status} and the last reading's status ({latest.status}) disagree; "
            f"using {latest.status}", "status",
        ))  # fmt: skip
    values.update(reads=readings, started=latest.started, finished=latest.finished, status=latest.status)


def _check_together(values: dict[str, object], problems: list[Problem]) -> None:
    """Values that are fine alone and wrong together: left out, reported."""
    if values.get("progress") and values.get("status", "read") == "read":
        del values["progress"]
        problems.append(Problem(
            "option", "progress is for an unfinished book (status reading or abandoned); ignored for a book read",
            "progress",
        ))  # fmt: skip
    _check_dates(values, problems)
    progress, pages = str(values.get("progress", "")), values.get("pages")
    if "/" in progress and pages and progress.partition("/")[2] != str(pages):
        problems.append(Problem(
            "option", f"progress {progress} counts {progress.partition('/')[2]} pages, and :pages: says {pages}",
            "progress",
        ))  # fmt: skip
    if values.get("series_url") and not values.get("series"):
        del values["series_url"]
        problems.append(
            Problem("option", ":series-url: is the home page of a :series:, and none is given; ignored", "series-url")
        )
    if values.get("rereview_of") == values["id"]:
        del values["rereview_of"]
        problems.append(
            Problem("option", "a review cannot be a re-review of itself; :rereview-of: ignored", "rereview-of")
        )


def _check_dates(values: dict[str, object], problems: list[Problem]) -> None:
    """Days in an impossible order: a reading that ends before it starts
    (both days left out), a first publication after the edition's."""
    started, finished = str(values.get("started", "")), str(values.get("finished", ""))
    if started and finished and finished < started and not values.get("reads"):
        del values["started"], values["finished"]
        problems.append(Problem(
            "date", f"invalid reading: :finished: {finished} is before :started: {started}; both ignored", "finished"
        ))  # fmt: skip
    original, edition = str(values.get("original_published", "")), str(values.get("published", ""))
    if original and edition and original[: len(edition)] > edition[: len(original)]:
        del values["original_published"]
        problems.append(Problem(
            "date", f"the first publication {original} is after this edition's {edition}; :original-published: ignored",
            "original-published",
        ))  # fmt: skip
