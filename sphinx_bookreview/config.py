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
    name: str
    default: Any
    types: tuple[type, ...]
    check: Callable[[Any], bool]
    expected: str  # what a valid value looks like, for the warning


SETTINGS = (
    Setting("bookreview_rating_scale", 5, (int, float), _positive_number, "a positive number"),
    Setting("bookreview_rating_step", 0.5, (int, float), _positive_number, "a positive number"),
    Setting("bookreview_quick_review", DEFAULT_QUICK_REVIEW, (list, tuple), _quick_review,
            "a list of (option key, question) pairs with unique lowercase keys that are not other options"),
    Setting("bookreview_default_reviewer", None, (str, type(None)), lambda v: v is None or isinstance(v, str),
            "a name or None"),
    Setting("bookreview_isbn_url", "https://openlibrary.org/isbn/{isbn}", (str,), _url_template,
            'an http(s) URL template with {isbn}, or ""'),
    Setting("bookreview_cover_url", "", (str,), _url_template, 'an http(s) URL template with {isbn}, or ""'),
    Setting("bookreview_jsonld", True, (bool,), lambda v: isinstance(v, bool), "True or False"),
    Setting("bookreview_catalog", "bookreviews.json", (str,), _file_name, 'a relative file name, or ""'),
    Setting("bookreview_feed", "reviews.atom", (str,), _file_name, 'a relative file name, or ""'),
    Setting("bookreview_opengraph", True, (bool,), lambda v: isinstance(v, bool), "True or False"),
    Setting("bookreview_opengraph_image", "", (str,), _shared_image,
            'an http(s) URL, or a path in the source directory to a PNG, JPEG, GIF or WebP image, or ""'),
)  # fmt: skip


def check_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid value by its default, with one warning."""
    for setting in SETTINGS:
        value = getattr(config, setting.name)
        if not setting.check(value):
            logger.warning(
                __("invalid %s = %r: expected %s; using the default %r"),
                setting.name, value, setting.expected, setting.default,
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
