"""The rating: its node, text and HTML forms, shared by the card, the
``:rating:`` role, listings and the theme.

The node holds its text form (``★★★★½ (4.5/5)``) as its child, so every
builder without a visitor of its own (text, man, texinfo, xml) shows that;
HTML and LaTeX draw stars (:mod:`sphinx_bookreview.render`). Every number
a reader sees is written with the decimal sign of the project's
``language`` ("4,5 sur 5"); structured data keeps ``4.5``.
"""

from __future__ import annotations

import functools
import html
import math

from sphinx.locale import get_translation

from sphinx_bookreview.model import number, round_to_step
from sphinx_bookreview.nodes import bookreview_rating

_ = get_translation("sphinx_bookreview")


@functools.cache
def decimal_sign(language: str | None) -> str:
    """The language's decimal sign, from CLDR (Babel): ``,`` in French and
    German; ``.`` for a language Babel does not know."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        return str(get_decimal_symbol(Locale.parse(language or "en", sep="_")))
    except (ValueError, UnknownLocaleError):
        return "."


def shown_number(value: float, language: str | None) -> str:
    """``4.5`` as readers of ``language`` write it: ``4,5`` in French."""
    return number(value).replace(".", decimal_sign(language))


def rating_node(value: float, scale: float, step: float, language: str | None) -> bookreview_rating:
    stars = round_to_step(value, step)
    node = bookreview_rating("", stars_text(stars, scale, language), classes=["bookreview-rating"])
    node.update_all_atts({"value": value, "scale": scale, "stars": stars})
    return node


def star_counts(stars: float, scale: float) -> tuple[int, int, int]:
    """How many full, half and empty stars draw ``stars`` out of ``scale``:
    a half for any part of a star."""
    full = math.floor(stars)
    half = 1 if stars > full else 0
    return full, half, max(0, math.ceil(scale) - full - half)


def stars_text(stars: float, scale: float, language: str | None) -> str:
    """``★★★★½ (4.5/5)``: full stars, a half for any part, empty ones after."""
    full, half, empty = star_counts(stars, scale)
    return f"{'★' * full}{'½' * half}{'☆' * empty} ({shown_number(stars, language)}/{shown_number(scale, language)})"


def spoken(value: float, scale: float, language: str | None) -> str:
    """``4.5 out of 5``, ``4,5 sur 5``: what a screen reader says."""
    return _("%(value)s out of %(scale)s") % {
        "value": shown_number(value, language), "scale": shown_number(scale, language)
    }  # fmt: skip


def rating_html(value: float, scale: float, step: float, language: str | None) -> str:
    """The rating in HTML, for the node and the theme's templates alike.

    The stars are one element whose fill width is the drawn share, so any
    scale works; screen readers get the exact value, not the stars.
    """
    fill = 100 * round_to_step(value, step) / scale
    return (
        f'<span class="bookreview-rating" role="img" aria-label="{html.escape(spoken(value, scale, language))}">'
        f'<span class="bookreview-stars" style="--bookreview-fill: {fill:.4g}%;'
        f' --bookreview-scale: {math.ceil(scale)};" aria-hidden="true"></span>'
        f'<span class="bookreview-rating-value" aria-hidden="true">{shown_number(value, language)}</span>'
        "</span>"
    )
