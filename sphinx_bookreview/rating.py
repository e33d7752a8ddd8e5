"""The rating: a node shared by the card and the ``:rating:`` role.

The node holds its text form ("★★★★½ (4.5/5)") as its child, so every
builder without a visitor of its own (text, man, texinfo, xml) shows that.
HTML draws the stars with CSS and gives screen readers the exact value;
LaTeX draws them with amssymb's ``\\bigstar`` (Sphinx loads amssymb).
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.model import number, round_to_step

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

_ = get_translation("sphinx_bookreview")


class bookreview_rating(nodes.inline):  # noqa: N801 - docutils names nodes in lowercase
    """A rating ``value`` out of ``scale``, drawn to the nearest ``step``."""


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


def visit_rating_html(self: HTML5Translator, node: nodes.Element) -> None:
    # The node was drawn with the configured step (see rating_node's callers).
    self.body.append(rating_html(node["value"], node["scale"], self.config.bookreview_rating_step))
    raise nodes.SkipNode


def visit_rating_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    stars, scale = node["stars"], node["scale"]
    full, half, empty = star_counts(stars, scale)
    drawn = r"$\bigstar$" * full + r"\textonehalf" * half + r"$\star$" * empty
    self.body.append(rf"\mbox{{{drawn}\ ({number(stars)}/{number(scale)})}}")
    raise nodes.SkipNode


def setup_rating(app: Sphinx) -> None:
    app.add_node(bookreview_rating, html=(visit_rating_html, None), latex=(visit_rating_latex, None))
