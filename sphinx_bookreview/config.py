"""The configuration values, declared once: defaults, types, checks and docs.

Sphinx only warns about a value of the wrong type and keeps it; we promise
a clear ``bookreview.config`` warning and the default instead, so every value
is checked here on ``config-inited`` before Sphinx's own type check runs.

A value given on the command line (``-D name=text``) is text, which Sphinx
converts by the setting's default when the value is first read: ``yes``
for a boolean stopped the build with a ConfigError, and a float setting
could not be given at all. We read such text first, from the public
``Config.overrides``, each setting by its own reader (``from_text``), as
soon as the settings are added (:func:`read_command_line`): what it cannot
read is checked as given, so it is our warning too.
"""

from __future__ import annotations

import re
import string
import tokenize
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


#: The longest file or folder name most file systems take, in bytes.
NAME_MAX = 255
#: What Sphinx's HTML builders write in the output folder of any project,
#: and the schema written beside the catalogue: a file of ours there would
#: be overwritten, or fail to be written.
SPHINX_OUTPUTS = frozenset({
    "_static", "_images", "_sources", "_downloads", ".buildinfo", ".doctrees", "objects.inv", "searchindex.js",
    "genindex.html", "search.html", "py-modindex.html", "book-author.html", "book-tag.html", "book-rating.html",
})  # fmt: skip
SCHEMA_NAME = "bookreviews.schema.json"


def _output_name(value: Any) -> bool:
    """:func:`_file_name`, and a name a file can have: no control
    character, no part longer than file systems allow, none of the files
    and folders Sphinx writes, nor the catalogue's schema."""
    if not _file_name(value):
        return False
    if value == "":
        return True  # no file
    parts = PurePosixPath(value).parts
    return (
        not re.search(r"[\x00-\x1f\x7f]", value)
        and all(len(part.encode("utf-8", "surrogatepass")) <= NAME_MAX for part in parts)
        and value not in SPHINX_OUTPUTS
        and parts[-1] != SCHEMA_NAME
    )


# -- reading the command line (-D name=text) --------------------------------


def _number_text(text: str) -> int | float | str:
    """``10`` or ``7.5``; other text as given (then refused)."""
    for read in (int, float):
        try:
            return read(text)
        except ValueError:
            pass
    return text


#: How a boolean may be written on the command line.
BOOLEAN_TEXT = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _boolean_text(text: str) -> bool | str:
    return BOOLEAN_TEXT.get(text.strip().lower(), text)


def _pairs_text(text: str) -> list[tuple[str, str]] | str:
    """``key=question`` pairs separated by commas (``""`` for none); other
    text as given (then refused)."""
    if not text.strip():
        return []
    pairs = [item.partition("=") for item in text.split(",")]
    if not all(equals for _key, equals, _question in pairs):
        return text
    return [(key.strip(), question.strip()) for key, _equals, question in pairs]


def _cover_sizes_text(text: str) -> dict[str, int | float | str] | str | None:
    """``none`` (or nothing) for ``None``; ``place=width`` pairs separated
    by commas; other text as given (then refused)."""
    if text.strip().lower() in ("", "none"):
        return None
    pairs = _pairs_text(text)
    if isinstance(pairs, str):
        return text
    return {place: _number_text(width) for place, width in pairs}


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
    from_text: Callable[[str], Any] = str  # reads the text given with -D

    def warning(self, value: Any) -> str:
        """The warning for ``value``, as :func:`check_config` words it."""
        return INVALID % (self.name, value, self.expected, self.default)


FEED_DEFAULT = "reviews.atom"
DEFAULT_STEP = 0.5

SETTINGS = (
    Setting(
        "bookreview_rating_scale", 5, (int, float), _positive_number, "a positive number",
        section="Ratings", bad="five", from_text=_number_text,
        description="""
            The best possible rating: the number of stars drawn, and the
            ``bestRating`` of the structured data (``worstRating`` is always 0).
            Ratings written as a fraction (``8/10``) are rescaled to it; a plain
            number must lie between 0 and the scale.

            .. code-block:: python

               bookreview_rating_scale = 10   # ten stars; ":rating: 7.5" is 7.5 out of 10

            On the command line: ``-D bookreview_rating_scale=10``.

            Bad value: anything but a positive number (``"five"``, ``0``, ``-1``,
            ``True``). A scale above 100 is refused too (a card of a thousand
            stars helps nobody, and drawing a billion would exhaust memory):
            ``invalid bookreview_rating_scale = 1000: more than 100 stars;
            using the default 5``.
        """,
    ),
    Setting(
        "bookreview_rating_step", DEFAULT_STEP, (int, float), _positive_number, "a positive number",
        section="Ratings", bad="half", from_text=_number_text,
        description="""
            The precision of the drawn stars: a rating is drawn to the nearest step
            (halves rounded up), while screen readers and structured data get the
            exact value. ``1`` draws whole stars only; ``0.25`` draws quarters.

            .. code-block:: python

               bookreview_rating_step = 1   # ":rating: 3.7" draws four stars, says "3.7 out of 5"

            On the command line: ``-D bookreview_rating_step=0.25``.

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
        section="Quick review", bad=[("rating", "Clashes with an option")], from_text=_pairs_text,
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

            On the command line, ``key=question`` pairs separated by commas
            (``-D "bookreview_quick_review=mood=Best read with,give-to=Give it
            to"``), or nothing for none (``-D bookreview_quick_review=``).

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
        section="Links and covers", bad={"card": "11rem"}, from_text=_cover_sizes_text,
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
            builder shows the original file, as Sphinx copies it. A file
            Pillow cannot read or decode (not a picture, cut short, corrupt
            behind a valid header) is shown as it is, after a
            ``bookreview.url`` warning at the review (see
            :doc:`/guides/warnings`); a picture so tall that WebP cannot
            hold a copy at a place's width gets narrower copies.

            .. code-block:: python

               bookreview_cover_sizes = {"card": 200}   # a theme with wider cards
               bookreview_cover_sizes = None            # the original files

            On the command line: ``-D bookreview_cover_sizes=card=200,grid=180``,
            or ``-D bookreview_cover_sizes=none``.

            What it costs: the first build with a cover makes its copies,
            about 15 ms of CPU time for a 1000 by 1500 JPEG (decoding it at
            half size, one resizing, two WebP encodings); the card's copies
            are made before any page is written, so that a broken file is
            found while its pages can still show it as it is; all of it is
            spread over the processes of ``-j``: at 1000 such covers, x1.8
            of plain Sphinx's
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
        section="Generated output", bad="yes", from_text=_boolean_text,
        description="""
            Whether each review's HTML carries a ``<script
            type="application/ld+json">`` with its schema.org ``Review`` of a
            ``Book``: title, authors, ISBN, edition, format, pages, publisher,
            publication date, language, cover, rating, reviewer and review date.
            Search engines read it to show the book and its rating. Cover URLs are
            absolute when ``html_baseurl`` is set.

            .. code-block:: python

               bookreview_jsonld = False

            On the command line: ``-D bookreview_jsonld=0`` (or ``false``,
            ``no``, ``off``; ``1``, ``true``, ``yes``, ``on`` for ``True``).

            Bad value: anything but ``True`` or ``False`` (``"yes"``, ``1``).
        """,
    ),
    Setting(
        "bookreview_catalog", "bookreviews.json", (str,), _output_name,
        'a relative file name that Sphinx does not write, or ""',
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
            or containing a backslash or a control character, a file or folder
            name longer than 255 bytes, a file or folder that Sphinx writes
            (``_static``, ``objects.inv``, ``genindex.html`` …), or
            ``bookreviews.schema.json``. A name that turns out to be one of the
            project's pages (``index.html``), or that cannot be written (a
            folder of that name is there, say), is a warning at the end of the
            build, and the file is not written.
        """,
    ),
    Setting(
        "bookreview_feed", FEED_DEFAULT, (str,), _output_name,
        'a relative file name that Sphinx does not write, or ""',
        section="Generated output", bad="../reviews.atom",
        description="""
            The file name of the Atom feed of reviews, newest first, written when
            ``html_baseurl`` is set (a feed needs absolute links). ``""`` writes no
            feed. The feed is dated by its newest review; one without dated
            reviews (a new site) by ``SOURCE_DATE_EPOCH`` where the build sets it,
            else by the newest modification time of the project's documents.

            .. code-block:: python

               html_baseurl = "https://example.org/reading/"
               bookreview_feed = "feed.xml"

            Bad value: as for :confval:`bookreview_catalog`, and the
            catalogue's own name or its schema's.
        """,
    ),
    Setting(
        "bookreview_opengraph", True, (bool,), lambda v: isinstance(v, bool), "True or False",
        section="Sharing", bad="yes", from_text=_boolean_text,
        description="""
            Whether review pages carry Open Graph and Twitter-card tags, which make
            the preview of a link shared on Mastodon, Bluesky, Slack, X and the
            rest: see :doc:`sharing`. They need ``html_baseurl``; without it, a
            project with reviews gets one warning, ``review pages get no Open Graph
            tags: html_baseurl is not set …``, which ``False`` turns off too.

            Bad value: anything but ``True`` or ``False``, as for
            :confval:`bookreview_jsonld` (also on the command line).
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
    check_outputs(app, config)


def check_outputs(app: Sphinx, config: Config) -> None:
    """The feed and the catalogue in two files, not one."""
    catalog = config.bookreview_catalog and PurePosixPath(config.bookreview_catalog)
    if config.bookreview_feed and PurePosixPath(config.bookreview_feed) == catalog:
        fallback = "" if PurePosixPath(FEED_DEFAULT) == catalog else FEED_DEFAULT
        logger.warning(
            __("invalid bookreview_feed = %r: the catalogue's file (bookreview_catalog); using %r"),
            config.bookreview_feed, fallback, type="bookreview", subtype="config",
            location=conf_py(app, "bookreview_feed"),
        )  # fmt: skip
        config.bookreview_feed = fallback


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
    fallback = min(DEFAULT_STEP, scale)  # a scale under one star has a step of its own size
    if step == DEFAULT_STEP:  # not the project's choice, its scale's
        config.bookreview_rating_step = fallback
        return
    logger.warning(
        __("invalid bookreview_rating_step = %r: %s; using %r"), step, reason, fallback,
        type="bookreview", subtype="config", location=conf_py(app, "bookreview_rating_step"),
    )  # fmt: skip
    config.bookreview_rating_step = fallback


#: Where a value given with ``-D`` is set. Sphinx reads a location
#: without a colon as a document's name, which it cannot resolve before
#: the environment exists: "file:line" in form.
COMMAND_LINE = "command line:-D"


#: Where a theme option is set that conf.py does not set: with ``-D
#: html_theme_options.name=text``, or ``-A theme_name=text`` (templates,
#: and the theme's context, read options as ``theme_*`` values of the page
#: context, which ``-A`` sets). Sphinx merges both into its settings and
#: keeps no trace of where they came from.
THEME_OPTIONS_COMMAND_LINE = "command line:-D/-A"


def conf_py(app: Sphinx, name: str) -> str | None:
    """Where ``name`` is set: the command line, else ``conf.py:line``, else
    no location (code in conf.py that no line names, or ``-C``); theme
    options that conf.py does not set come from the command line. conf.py
    is read as Python reads it (its coding line, or UTF-8); one that cannot
    be read has no lines to show."""
    if name in app.config.overrides:
        return COMMAND_LINE
    path = Path(app.confdir or ".", "conf.py")
    try:
        with tokenize.open(path) as file:
            lines = file.read().splitlines()
    except (OSError, SyntaxError, UnicodeDecodeError):  # what tokenize.open and reading raise
        lines = []
    number = next((n for n, line in enumerate(lines, 1) if re.match(rf"{name}\b", line)), None)
    if number:
        return f"{path}:{number}"
    return THEME_OPTIONS_COMMAND_LINE if name == "html_theme_options" else None


def read_command_line(config: Config) -> None:
    """Each value given as text with ``-D``, read by its setting's reader
    and set, so that Sphinx never converts it: Sphinx 9 reads every value
    when it emits ``config-inited`` (to log the event), before any handler,
    and would warn about ``7.5`` for a number or stop on ``yes`` for a
    boolean. :func:`check_config` then checks it as any other value."""
    for setting in SETTINGS:
        given = config.overrides.get(setting.name)
        if isinstance(given, str):
            setattr(config, setting.name, setting.from_text(given))


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, "env", types=setting.types)
    read_command_line(app.config)
    # Before Sphinx's own type check (priority 800), so it sees fixed values.
    app.connect("config-inited", check_config, priority=400)
