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
from typing import TYPE_CHECKING

from docutils.nodes import make_id
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

FORMATS = ("hardcover", "paperback", "ebook", "audiobook")
STATUSES = ("read", "reading", "abandoned")

#: Options whose values are lists of people, separated by ``;``.
PEOPLE_OPTIONS = ("author", "editor", "translator", "illustrator")
#: Options that take a full ``YYYY-MM-DD`` date.
DAY_OPTIONS = ("date", "started", "finished")
#: Every option of the directive except the configurable quick-review keys.
OPTIONS = (
    "id", "subtitle", *PEOPLE_OPTIONS, "edition", "publisher", "published",
    "isbn", "pages", "format", "language", "series", "cover", "url", "rating",
    "reviewer", *DAY_OPTIONS, "status", "tags", "verdict", "disclosure",
)  # fmt: skip

_BCP47 = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_RATING = re.compile(r"(\d+(?:\.\d+)?)(?:\s*/\s*(\d+(?:\.\d+)?))?")
_SERIES = re.compile(r"(?P<name>.*?)\s*#\s*(?P<number>\d{1,9})")  # int() refuses thousands of digits


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
    edition: str = ""
    publisher: str = ""
    published: str = ""
    isbn: str = ""
    pages: int | None = None
    format: str = ""
    language: str = ""
    series: str = ""
    series_number: int | None = None
    cover: str = ""
    url: str = ""
    rating: float | None = None
    reviewer: str = ""
    date: str = ""
    started: str = ""
    finished: str = ""
    status: str = "read"
    tags: tuple[str, ...] = ()
    verdict: str = ""
    verdict_text: str = ""
    disclosure: str = ""
    answers: tuple[tuple[str, str], ...] = field(default=())
    #: The expressions of the ``.. only::`` blocks the review is written in,
    #: outermost first: builders whose tags satisfy them all show it.
    only: tuple[str, ...] = ()

    @property
    def isbn_digits(self) -> str:
        """The ISBN without hyphens, as URLs and schema.org write it."""
        return compact_isbn(self.isbn)

    @property
    def year(self) -> int | None:
        """The year it counts for in listings: of ``finished``, else ``date``."""
        day = self.finished or self.date
        return int(day[:4]) if day else None

    def as_dict(self) -> dict[str, object]:
        """The record as JSON-ready values (tuples become lists)."""
        # Not dataclasses.asdict: it deep-copies every value, and the catalog
        # calls this for every review on every build, a no-op one too.
        return {
            key: [list(v) for v in value] if key == "answers" else list(value) if isinstance(value, tuple) else value
            for key, value in ((f.name, getattr(self, f.name)) for f in dataclasses.fields(self))
        }

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


def split_names(text: str) -> tuple[str, ...]:
    """People are separated by ``;`` (names themselves hold commas)."""
    # Interned, like tags and ids: one object per name, so pickle stores
    # each once (environment.pickle at N = 1000: x1.48 of plain Sphinx's
    # with, x1.57 without; benchmarks/PROFILE.md).
    return tuple(unique(sys.intern(name.strip()) for name in text.split(";")))


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


def parse_series(text: str) -> tuple[str, int | None]:
    match = _SERIES.fullmatch(text.strip())
    return (match["name"], int(match["number"])) if match else (text.strip(), None)


# -- a whole review --------------------------------------------------------

#: How each option's text becomes a field value: ``parser(text, rating_scale)``.
_PARSERS: dict[str, Callable[[str, float], object]] = {
    "isbn": lambda text, _: parse_isbn(text),
    "published": lambda text, _: parse_date(text, partial=True),
    "date": lambda text, _: parse_date(text),
    "started": lambda text, _: parse_date(text),
    "finished": lambda text, _: parse_date(text),
    "pages": lambda text, _: parse_pages(text),
    "format": lambda text, _: parse_choice(text, FORMATS, "format"),
    "status": lambda text, _: parse_choice(text, STATUSES, "status"),
    "language": lambda text, _: parse_language(text),
    "url": lambda text, _: parse_url(text),
    "cover": lambda text, _: parse_url(text) if is_url(text) else text,
    "rating": parse_rating,
    "tags": lambda text, _: split_tags(text),
}


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
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for name, raw in options.items():
        text = str(raw or "").strip()
        if name not in OPTIONS and name not in quick_keys:
            problems.append(Problem("option", f"unknown option :{name}: (ignored)", name))
        elif text and name not in quick_keys:
            try:
                values.update(_fields(name, text, rating_scale))
            except InvalidValue as error:
                problems.append(Problem(error.subtype, str(error), name))
    # Interned: links to the review carry the same id, stored once by pickle.
    values["id"] = sys.intern(str(values.get("id") or review_id(title)))
    values.setdefault("reviewer", default_reviewer)
    if not values.get("cover") and values.get("isbn") and cover_url:
        values["cover"] = isbn_url(cover_url, str(values["isbn"]))
    answers = tuple((key, text) for key in quick_keys if (text := str(options.get(key) or "").strip()))
    return Review(title=title.strip(), answers=answers, **values), problems  # type: ignore[arg-type]


def _fields(name: str, text: str, scale: float) -> dict[str, object]:
    """The record fields that one option sets."""
    if name in PEOPLE_OPTIONS:
        return {name + "s": split_names(text)}
    if name == "series":
        series, series_number = parse_series(text)
        return {"series": series, "series_number": series_number}
    if name == "id" and make_id(text) != text:
        raise InvalidValue(
            "option", f"invalid id {text!r}: ids are lowercase letters, digits and hyphens, such as {make_id(text)!r}"
        )
    return {name: _PARSERS[name](text, scale) if name in _PARSERS else text}
