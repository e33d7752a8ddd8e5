"""The rating: its node, text and HTML forms, shared by the card, the
``:rating:`` role, listings and the theme.

The node holds its text form (``★★★★½ (4.5/5)``) as its child, so every
builder without a visitor of its own (text, man, texinfo, xml) shows that;
HTML and LaTeX draw stars (:mod:`sphinx_bookreview.render`).
"""

from __future__ import annotations

import html
import math

from sphinx.locale import get_translation

from sphinx_bookreview.model import number, round_to_step
from sphinx_bookreview.nodes import bookreview_rating

_ = get_translation("sphinx_bookreview")


def rating_node(value: float, scale: float, step: float) -> bookreview_rating:
    stars = round_to_step(value, step)
    node = bookreview_rating("", stars_text(stars, scale), classes=["bookreview-rating"])
    node.update_all_atts({"value": value, "scale": scale, "stars": stars})
    return node


def star_counts(stars: float, scale: float) -> tuple[int, int, int]:
    """How many full, half and empty stars draw ``stars`` out of ``scale``:
    a half for any part of a star."""
    full = math.floor(stars)
    half = 1 if stars > full else 0
    return full, half, max(0, math.ceil(scale) - full - half)


def stars_text(stars: float, scale: float) -> str:
    """``★★★★½ (4.5/5)``: full stars, a half for any part, empty ones after."""
    full, half, empty = star_counts(stars, scale)
    return f"{'★' * full}{'½' * half}{'☆' * empty} ({number(stars)}/{number(scale)})"


def spoken(value: float, scale: float) -> str:
    return _("%(value)s out of %(scale)s") % {"value": number(value), "scale": number(scale)}


def rating_html(value: float, scale: float, step: float) -> str:
    """The rating in HTML, for the node and the theme's templates alike.

    The stars are one element whose fill width is the drawn share, so any
    scale works; screen readers get the exact value, not the stars.
    """
    fill = 100 * round_to_step(value, step) / scale
    return (
        f'<span class="bookreview-rating" role="img" aria-label="{html.escape(spoken(value, scale))}">'
        f'<span class="bookreview-stars" style="--bookreview-fill: {fill:.4g}%;'
        f' --bookreview-scale: {math.ceil(scale)};" aria-hidden="true"></span>'
        f'<span class="bookreview-rating-value" aria-hidden="true">{number(value)}</span>'
        "</span>"
    )
