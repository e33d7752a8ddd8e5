"""The rating: a node shared by the card and the ``:rating:`` role.

The node holds its text form ("★★★★½ (4.5/5)") as its child, so every
builder without a visitor of its own (text, man, texinfo, xml) shows that.
HTML draws the stars with CSS and gives screen readers the exact value;
LaTeX draws them with amssymb's ``\\bigstar`` (Sphinx loads amssymb).
"""

from __future__ import annotations

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


def stars_text(stars: float, scale: float) -> str:
    """``★★★★½ (4.5/5)``: full stars, a half for any part, empty ones after."""
    whole = math.floor(stars)
    part = "½" if stars > whole else ""
    empty = "☆" * (math.ceil(scale) - whole - len(part))
    return f"{'★' * whole}{part}{empty} ({number(stars)}/{number(scale)})"


def spoken(node: nodes.Element) -> str:
    return _("%(value)s out of %(scale)s") % {"value": number(node["value"]), "scale": number(node["scale"])}


def visit_rating_html(self: HTML5Translator, node: nodes.Element) -> None:
    # The stars are one element whose fill width is the drawn share, so
    # any scale works; screen readers get the exact value, not the stars.
    fill = 100 * node["stars"] / node["scale"]
    self.body.append(
        self.starttag(node, "span", "", role="img", **{"aria-label": spoken(node)})  # type: ignore[arg-type]
        + f'<span class="bookreview-stars" style="--bookreview-fill: {fill:.4g}%;'
        + f' --bookreview-scale: {math.ceil(node["scale"])};" aria-hidden="true"></span>'
        + f'<span class="bookreview-rating-value" aria-hidden="true">{number(node["value"])}</span>'
        + "</span>"
    )
    raise nodes.SkipNode


def visit_rating_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    stars, scale = node["stars"], node["scale"]
    whole = math.floor(stars)
    half = r"\textonehalf" if stars > whole else ""
    self.body.append(
        r"\mbox{" + r"$\bigstar$" * whole + half + r"$\star$" * (math.ceil(scale) - whole - (1 if half else 0))
        + rf"\ ({number(stars)}/{number(scale)})}}"
    )
    raise nodes.SkipNode


def setup_rating(app: Sphinx) -> None:
    app.add_node(bookreview_rating, html=(visit_rating_html, None), latex=(visit_rating_latex, None))
