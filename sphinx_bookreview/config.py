"""The configuration values, declared once: defaults, types, checks and docs.

Sphinx only warns about a value of the wrong type and keeps it; we promise
a clear ``bookreview.config`` warning and the default instead, so every value
is checked here on ``config-inited`` before Sphinx's own type check runs.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview.model import OPTIONS, parse_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

DEFAULT_QUICK_REVIEW = [
    ("why-picked-up", "Why I picked it up"),
    ("why-finished", "Why I finished it"),
    ("give-to", "I'd give it to"),
]


def _positive_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < float("inf")


def _quick_review(value: Any) -> bool:
    """A list of ``(option key, question)`` pairs with fresh, valid keys."""
    if not isinstance(value, list | tuple):
        return False
    pairs = [p for p in value if isinstance(p, list | tuple) and len(p) == 2 and all(isinstance(s, str) for s in p)]
    keys = [key for key, _question in pairs]
    return (
        len(pairs) == len(value)
        and len(set(keys)) == len(keys)
        and all(re.fullmatch(r"[a-z][a-z0-9-]*", key) and key not in OPTIONS for key in keys)
    )


def _url_template(value: Any) -> bool:
    """``""``, or an http(s) URL with an ``{isbn}`` field and no other."""
    if value == "":
        return True
    if not isinstance(value, str):
        return False
    try:
        # Plain {isbn} fields only: a width such as {isbn:>999999999999}
        # would make the URL gigabytes long, or raise MemoryError.
        fields = [(name, spec, conversion) for _text, name, spec, conversion in string.Formatter().parse(value)]
        if any(field != ("isbn", "", None) for field in fields if field[0] is not None):
            return False
        # It must use the ISBN: a URL without it sends every book to one page.
        urls = {value.format(isbn=isbn) for isbn in ("9780306406157", "9781430230038")}
        return len(urls) == 2 and all(parse_url(url) for url in urls)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):  # what str.format raises
        return False


def _file_name(value: Any) -> bool:
    """A path inside the output directory, or ``""`` to skip the file."""
    if not isinstance(value, str) or "\\" in value:
        return False
    path = PurePosixPath(value)
    return value == "" or (not path.is_absolute() and ".." not in path.parts and path.name != "")


#: Where a cover is shown, and the CSS width in pixels it is shown at:
#: the card (11rem in the bookreview theme, 9rem elsewhere), the cards of
#: a listing (14rem high at most) and the theme's home grid (9.25rem columns).
DEFAULT_COVER_SIZES = {"card": 176, "listing": 160, "grid": 160}
#: Narrowest and widest CSS width of a cover place.
COVER_WIDTHS = (16, 1200)


def _cover_sizes(value: Any) -> bool:
    """``None``, or places mapped to CSS widths in whole pixels."""
    if value is None:
        return True
    low, high = COVER_WIDTHS
    return (
        isinstance(value, dict)
        and value.keys() <= DEFAULT_COVER_SIZES.keys()
        and all(isinstance(v, int) and not isinstance(v, bool) and low <= v <= high for v in value.values())
    )


#: The warning for a bad value; the configuration page shows it too.
INVALID = "invalid %s = %r: expected %s; using the default %r"


#: Image types link previews show: X documents JPG, PNG, WEBP and GIF, and no SVG.
SHARED_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def _shared_image(value: Any) -> bool:
    """``""``, an http(s) URL, or a relative path to a PNG, JPEG, GIF or WebP file."""
    if not isinstance(value, str):
        return False
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        try:
            return bool(parse_url(value))
        except ValueError:
            return False
    return _file_name(value) and (value == "" or PurePosixPath(value).suffix.lower() in SHARED_IMAGE_SUFFIXES)


@dataclass(frozen=True)
class Setting:
    """One configuration value: what Sphinx registers, how it is checked,
    and how the configuration page (``docs/guides/configuration.rst``)
    documents it, generated from this table."""

    name: str
    default: Any
    types: tuple[type, ...]
    check: Callable[[Any], bool]
    expected: str  # what a valid value looks like, for the warning
    section: str  # the heading it is documented under
    description: str  # reStructuredText: what it does, an example, what is refused
    bad: Any  # a value the page shows the warning for

    def warning(self, value: Any) -> str:
        """The warning for ``value``, as :func:`check_config` words it."""
        return INVALID % (self.name, value, self.expected, self.default)


SETTINGS = (
    Setting(
        "bookreview_rating_scale", 5, (int, float), _positive_number, "a positive number",
        section="Ratings", bad="five",
        description="""
            The best possible rating: the number of stars drawn, and the
            ``bestRating`` of the structured data (``worstRating`` is always 0).
            Ratings written as a fraction (``8/10``) are rescaled to it; a plain
            number must lie between 0 and the scale.

            .. code-block:: python

               bookreview_rating_scale = 10   # ten stars; ":rating: 7.5" is 7.5 out of 10

            Bad value: anything but a positive number (``"five"``, ``0``, ``-1``,
            ``True``). A scale above 100 is refused too (a card of a thousand
            stars helps nobody, and drawing a billion would exhaust memory):
            ``invalid bookreview_rating_scale = 1000: more than 100 stars;
            using the default 5``.
        """,
    ),
    Setting(
        "bookreview_rating_step", 0.5, (int, float), _positive_number, "a positive number",
        section="Ratings", bad="half",
        description="""
            The precision of the drawn stars: a rating is drawn to the nearest step
            (halves rounded up), while screen readers and structured data get the
            exact value. ``1`` draws whole stars only; ``0.25`` draws quarters.

            .. code-block:: python

               bookreview_rating_step = 1   # ":rating: 3.7" draws four stars, says "3.7 out of 5"

            Bad value: anything but a positive number; a step larger than the
            scale, which warns ``invalid bookreview_rating_step = 10: larger
            than bookreview_rating_scale; using 0.5``; or more than 1000 steps
            to the scale (the rating chart has a bar per step), which warns
            ``invalid bookreview_rating_step = 0.001: more than 1000 steps to
            bookreview_rating_scale; using 0.5``.
        """,
    ),
    Setting(
        "bookreview_quick_review", DEFAULT_QUICK_REVIEW, (list, tuple), _quick_review,
        "a list of (option key, question) pairs with unique lowercase keys that are not other options",
        section="Quick review", bad=[("rating", "Clashes with an option")],
        description="""
            The questions of the quick review, in the order they are shown: a
            list of ``(key, question)`` pairs. Each key becomes an option of
            :rst:dir:`bookreview`; each question is the label shown above its
            answer. The three default questions are translated into the
            project's ``language``; questions you write are shown as you wrote
            them. An empty list turns the quick review off.

            .. code-block:: python

               bookreview_quick_review = [
                   ("why-picked-up", "Why I picked it up"),
                   ("best-quote", "The line I remember"),
                   ("give-to", "I'd give it to"),
               ]

            .. code-block:: rst

               .. bookreview:: The Little Prince
                  :best-quote: *One sees clearly only with the heart.*

            A key you leave out is no longer an option: with the list above,
            ``:why-finished:`` is an unknown option (a ``bookreview.option``
            warning, and the answer is ignored).

            Bad value: not a list of pairs of strings, a key repeated, a key that is
            not lowercase letters, digits and hyphens, or a key that is already an
            option (``("rating", "...")``).
        """,
    ),
    Setting(
        "bookreview_default_reviewer", None, (str, type(None)), lambda v: v is None or isinstance(v, str),
        "a name or None",
        section="Reviewer", bad=3,
        description="""
            The reviewer of every review without a ``:reviewer:`` option. With
            ``None``, the project's ``author`` is the reviewer (this site's reviews
            say "The sphinx-bookreview developers" that way); with neither, reviews
            have no reviewer.

            .. code-block:: python

               bookreview_default_reviewer = "Ada Reader"

            Bad value: anything but a string or ``None``.
        """,
    ),
    Setting(
        "bookreview_isbn_url", "https://openlibrary.org/isbn/{isbn}", (str,), _url_template,
        'an http(s) URL template with {isbn}, or ""',
        section="Links and covers", bad="ftp://example.org/{isbn}",
        description="""
            Where an ISBN links to: in the card, and from the :rst:role:`isbn` role
            when the project has no review of that book. ``{isbn}`` is replaced by
            the ISBN-13 without hyphens. ``""`` shows ISBNs without a link.

            .. code-block:: python

               bookreview_isbn_url = "https://www.worldcat.org/isbn/{isbn}"
               bookreview_isbn_url = ""   # no links

            Bad value: not a string, not an absolute ``http(s)`` URL once
            ``{isbn}`` is filled in, a template without ``{isbn}`` (every book
            would link to one page), or a template with another ``{field}``.
        """,
    ),
    Setting(
        "bookreview_cover_url", "", (str,), _url_template, 'an http(s) URL template with {isbn}, or ""',
        section="Links and covers", bad="covers/{isbn}.jpg",
        description="""
            A cover for every review that has an ISBN and no ``:cover:``, made from
            this URL template like :confval:`bookreview_isbn_url`. ``""`` (the
            default) adds no covers. The images are not downloaded: HTML pages link
            to them, and builders that cannot show remote images (epub, LaTeX,
            Texinfo) leave them out.

            .. code-block:: python

               bookreview_cover_url = "https://covers.openlibrary.org/b/isbn/{isbn}-M.jpg"

            Bad value: as for :confval:`bookreview_isbn_url`.
        """,
    ),
    Setting(
        "bookreview_cover_sizes", DEFAULT_COVER_SIZES, (dict, type(None)), _cover_sizes,
        'None, or a dict of "card", "listing" and "grid" to CSS widths in pixels (16 to 1200)',
        section="Links and covers", bad={"card": "11rem"},
        description="""
            The resized copies of local covers that HTML pages show (JPEG,
            PNG, WebP and GIF files; SVG covers and remote ones are shown
            as they are). For each place a cover is shown, its CSS width in
            pixels: ``"card"`` (the review's card), ``"listing"`` (the cards
            of ``bookreview-list`` with ``:layout: cards``) and ``"grid"``
            (the home page of the ``bookreview`` theme); a place left out
            keeps its default. Each place gets WebP copies at 1x and 2x of
            its width (never wider than the file), in ``<img srcset>`` with
            ``sizes`` and the width and height of the 1x copy; the card's
            cover, the page's likely largest picture, loads at once with
            ``fetchpriority="high"``, the others lazily. One JPEG or PNG
            copy at most 1200 px wide (the file itself where it already is
            one) is the ``src`` for programs that read no ``srcset``, and
            the image of the Open Graph tags, the JSON-LD and the catalog.
            EPUB gets one JPEG or PNG copy at most 600 px wide; LaTeX and
            Texinfo the original. ``None`` turns resizing off: every
            builder shows the original file, as Sphinx copies it.

            .. code-block:: python

               bookreview_cover_sizes = {"card": 200}   # a theme with wider cards
               bookreview_cover_sizes = None            # the original files

            What it costs: the first build with a cover makes its copies,
            about 15 ms of CPU time for a 1000 by 1500 JPEG (decoding it at
            half size, one resizing, two WebP encodings), spread over the
            processes of ``-j``: at 1000 such covers, x1.6 of plain Sphinx's
            build in CPU time (see :doc:`/performance`). They are kept in
            ``bookreview-covers-1`` in the doctree folder, beside Sphinx's
            environment, by the file's content and the width: later builds
            copy them from there, and a no-op build opens no cover. On disk,
            about 20 KB per cover for the card's copies in the output and as
            much in the cache (the original's copy alone is the 300 KB Sphinx
            would write), 15 KB more where a listing or the grid shows it.
            The cache keeps copies of covers since changed or removed until
            the doctree folder is removed (``make clean``); the output of a
            clean build holds only the copies its pages show.

            Bad value: anything but ``None`` or such a dict (an unknown place,
            a width that is not a whole number from 16 to 1200).
        """,
    ),
    Setting(
        "bookreview_jsonld", True, (bool,), lambda v: isinstance(v, bool), "True or False",
        section="Generated output", bad="yes",
        description="""
            Whether each review's HTML carries a ``<script
            type="application/ld+json">`` with its schema.org ``Review`` of a
            ``Book``: title, authors, ISBN, edition, format, pages, publisher,
            publication date, language, cover, rating, reviewer and review date.
            Search engines read it to show the book and its rating. Cover URLs are
            absolute when ``html_baseurl`` is set.

            .. code-block:: python

               bookreview_jsonld = False

            Bad value: anything but ``True`` or ``False`` (``"yes"``, ``1``).
        """,
    ),
    Setting(
        "bookreview_catalog", "bookreviews.json", (str,), _file_name, 'a relative file name, or ""',
        section="Generated output", bad="/etc/reviews.json",
        description="""
            The file name, relative to the HTML output directory, of the catalogue
            of every review: ``{"$schema": "bookreviews.schema.json", "version": 1,
            "reviews": [...]}``, each review's fields and page URL, sorted by id,
            with its JSON schema written beside it. Written by the ``html``,
            ``dirhtml`` and ``singlehtml`` builders. ``""`` writes no catalogue.
            A build that changes nothing the catalogue says leaves the file as it
            is; so does the feed. (Each is written with a digest of its data, kept
            in ``bookreview-outputs.json`` beside Sphinx's ``environment.pickle``; a
            file deleted or edited since is written again.)

            .. code-block:: python

               bookreview_catalog = "data/reviews.json"

            Bad value: not a string, an absolute path, a path starting with ``..``
            or containing a backslash.
        """,
    ),
    Setting(
        "bookreview_feed", "reviews.atom", (str,), _file_name, 'a relative file name, or ""',
        section="Generated output", bad="../reviews.atom",
        description="""
            The file name of the Atom feed of reviews, newest first, written when
            ``html_baseurl`` is set (a feed needs absolute links). ``""`` writes no
            feed.

            .. code-block:: python

               html_baseurl = "https://example.org/reading/"
               bookreview_feed = "feed.xml"

            Bad value: as for :confval:`bookreview_catalog`.
        """,
    ),
    Setting(
        "bookreview_opengraph", True, (bool,), lambda v: isinstance(v, bool), "True or False",
        section="Sharing", bad="yes",
        description="""
            Whether review pages carry Open Graph and Twitter-card tags, which make
            the preview of a link shared on Mastodon, Bluesky, Slack, X and the
            rest: see :doc:`sharing`. They need ``html_baseurl``; without it, a
            project with reviews gets one warning, ``review pages get no Open Graph
            tags: html_baseurl is not set …``, which ``False`` turns off too.

            Bad value: anything but ``True`` or ``False``, as for
            :confval:`bookreview_jsonld`.
        """,
    ),
    Setting(
        "bookreview_opengraph_image", "", (str,), _shared_image,
        'an http(s) URL, or a path in the source directory to a PNG, JPEG, GIF or WebP image, or ""',
        section="Sharing", bad="share.svg",
        description="""
            The image shared for a review without a cover a preview can show (none,
            or an SVG one): a path in the source directory to a PNG, JPEG, GIF or
            WebP file, copied to the same path in the output, or an ``http(s)``
            URL. ``""`` shares no image for them.

            .. code-block:: python

               bookreview_opengraph_image = "_static/share.png"

            Bad value: not a string, an SVG or other file type, a path starting
            with ``/`` or ``..``, or a URL of another scheme. A path to no file
            warns ``invalid bookreview_opengraph_image = 'share.png': no such
            file in the source directory; using the default ''``.
        """,
    ),
)  # fmt: skip


def check_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid value by its default, with one warning."""
    for setting in SETTINGS:
        value = getattr(config, setting.name)
        if not setting.check(value):
            logger.warning(
                __(INVALID), setting.name, value, setting.expected, setting.default,
                type="bookreview", subtype="config", location=conf_py(app, setting.name),
            )  # fmt: skip
            setattr(config, setting.name, setting.default)
    check_rating(app, config)


#: Text and LaTeX draw every star, and the rating chart has a bar per step:
#: a scale of 10**12, or a step of 10**-300, ran out of memory or never ended.
MAX_SCALE = 100
MAX_STEPS = 1000


def check_rating(app: Sphinx, config: Config) -> None:
    """The scale and step together: few enough stars and steps to draw."""
    if config.bookreview_rating_scale > MAX_SCALE:
        logger.warning(
            __("invalid bookreview_rating_scale = %r: more than %d stars; using the default 5"),
            config.bookreview_rating_scale, MAX_SCALE, type="bookreview", subtype="config",
            location=conf_py(app, "bookreview_rating_scale"),
        )  # fmt: skip
        config.bookreview_rating_scale = 5
    step, scale = config.bookreview_rating_step, config.bookreview_rating_scale
    if step > scale:
        reason = __("larger than bookreview_rating_scale")
    elif scale / step > MAX_STEPS:
        reason = __("more than %d steps to bookreview_rating_scale") % MAX_STEPS
    else:
        return
    logger.warning(
        __("invalid bookreview_rating_step = %r: %s; using 0.5"), step, reason,
        type="bookreview", subtype="config", location=conf_py(app, "bookreview_rating_step"),
    )  # fmt: skip
    config.bookreview_rating_step = 0.5


def conf_py(app: Sphinx, name: str) -> str | None:
    """``conf.py:line`` where ``name`` is set, else no location (set with
    ``-D``). It must hold a colon: Sphinx takes a plain string for a
    document name, which it cannot resolve before the environment exists."""
    path = Path(app.confdir, "conf.py")
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    number = next((n for n, line in enumerate(lines, 1) if re.match(rf"{name}\b", line)), None)
    return f"{path}:{number}" if number else None


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, "env", types=setting.types)
    # Before Sphinx's own type check (priority 800), so it sees fixed values.
    app.connect("config-inited", check_config, priority=400)
