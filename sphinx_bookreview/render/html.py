"""HTML: ``<article>`` with its JSON-LD, ``<aside>`` card, sized covers,
stars drawn with CSS, inline SVG bar charts.

Used by every HTML-format builder (html, dirhtml, singlehtml, epub, json,
pickle). Each visitor reads its node and the builder's own attributes:
``images`` and ``imgpath`` name a copied image as Sphinx's own image
visitor does.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.covers import image_url
from sphinx_bookreview.model import is_url
from sphinx_bookreview.outputs.jsonld import jsonld_script
from sphinx_bookreview.rating import rating_html

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("sphinx_bookreview")


def aria_label(label: str) -> dict[str, Any]:
    return {"aria-label": label}


def visit_bookreview(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "article"))


def depart_bookreview(self: HTML5Translator, node: nodes.Element) -> None:
    if "jsonld" in node:
        self.body.append(jsonld_script(node["jsonld"], jsonld_image(self, node.get("cover", ""))))
    self.body.append("</article>\n")


def jsonld_image(self: HTML5Translator, cover: str) -> str:
    """The cover's absolute URL where ``html_baseurl`` is set: a remote one
    as given, a local one the copy this page's card brought."""
    if not cover or is_url(cover):
        return cover
    name = self.builder.images.get(cover.lstrip("/"))
    return image_url(self.builder, name, imgpath=self.builder.imgpath, absolute=True) if name else ""


def visit_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "aside", **aria_label(_("About the book"))))


def depart_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


def visit_quick(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "section", **aria_label(_("Quick Review"))))


def depart_quick(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</section>\n")


def visit_cover(self: HTML5Translator, node: nodes.Element) -> None:
    """A local cover: the copy the builder writes (named as Sphinx's own
    image visitor finds it)."""
    name = self.builder.images.get(node["uri"])
    cover_img(self, node, image_url(self.builder, name, imgpath=self.builder.imgpath) if name else "")


def visit_cover_url(self: HTML5Translator, node: nodes.Element) -> None:
    """A remote cover, or a listing's link to the copy a review's page brings."""
    src = node["uri"] if "uri" in node else image_url(self.builder, node["image"], imgpath=self.builder.imgpath)
    cover_img(self, node, src)


def cover_img(self: HTML5Translator, node: nodes.Element, src: str) -> None:
    """``<img>`` with its intrinsic size (no layout shift) and lazy loading."""
    atts = {"src": src, "alt": node["alt"], "loading": "lazy", "decoding": "async"}
    if "intrinsic-width" in node:
        atts.update(width=str(node["intrinsic-width"]), height=str(node["intrinsic-height"]))
    self.body.append(self.emptytag(node, "img", "", **atts))
    raise nodes.SkipNode


# -- spoilers ----------------------------------------------------------------------


def reveals(self: HTML5Translator) -> bool:
    """Whether spoilers are hidden behind a control: not in an EPUB, whose
    readers may show neither the control nor ``<details>``; there they
    are marked, as other builders mark them."""
    return self.builder.name != "epub"


def visit_spoiler(self: HTML5Translator, node: nodes.Element) -> None:
    """A checkbox the reader ticks to show the text: it works without
    JavaScript, screen readers announce it ("Show spoiler, checkbox, not
    checked"), and the text stays out of the page's reading order (CSS
    ``display: none``) until it is ticked."""
    label = html.escape(_("Spoiler"))
    self.body.append(self.starttag(node, "span", ""))
    if not reveals(self):
        self.body.append(f'<strong class="bookreview-spoiler-label">{label}:</strong> ')
        return
    toggle, show = html.escape(node["toggle-id"]), html.escape(_("Show spoiler"))
    self.body.append(
        f'<input type="checkbox" class="bookreview-spoiler-toggle" id="{toggle}" aria-label="{show}" />'
        f'<label class="bookreview-spoiler-label" for="{toggle}" aria-hidden="true">{label}</label>'
        '<span class="bookreview-spoiler-text">'
    )


def depart_spoiler(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span></span>" if reveals(self) else "</span>")


def visit_spoiler_block(self: HTML5Translator, node: nodes.Element) -> None:
    """A native ``<details>``, its ``<summary>`` the block's title: a
    control browsers and screen readers know, with no script."""
    if not reveals(self):
        self.visit_admonition(node)
        return
    title, *content = node.children
    self.body.append(self.starttag(node, "details"))
    self.body.append('<summary class="bookreview-spoiler-summary">')
    for child in title.children:
        child.walkabout(self)
    self.body.append("</summary>\n")
    for child in content:
        child.walkabout(self)
    self.body.append("</details>\n")
    raise nodes.SkipNode


def depart_spoiler_block(self: HTML5Translator, node: nodes.Element) -> None:
    self.depart_admonition(node)  # reached only where the block is not revealed


def visit_rating(self: HTML5Translator, node: nodes.Element) -> None:
    # The node was drawn with the configured step (see rating_node's callers).
    self.body.append(rating_html(node["value"], node["scale"], self.config.bookreview_rating_step))
    raise nodes.SkipNode


# -- statistics: an inline SVG bar chart ----------------------------------------

PLOT_HEIGHT, TOP, BOTTOM, SLOT, BAR = 120, 18, 22, 44, 28
BASELINE = TOP + PLOT_HEIGHT


def visit_chart(self: HTML5Translator, node: nodes.Element) -> None:
    """The chart drawn instead of its table; screen readers read it as an
    image named by its title and its numbers."""
    self.body.append(self.starttag(node, "figure"))
    self.body.append(f'<figcaption class="bookreview-chart-title">{html.escape(node["title"])}</figcaption>\n')
    self.body.append(svg_chart(node) + "\n</figure>\n")
    raise nodes.SkipNode


def svg_chart(node: nodes.Element) -> str:
    labels, values, chart_id = node["labels"], node["values"], node["ids"][0]
    width, height = max(len(values), 2) * SLOT + 8, TOP + PLOT_HEIGHT + BOTTOM
    highest = max(values) or 1
    described = "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bookreview-chart-svg" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-size="12" fill="currentColor" text-anchor="middle">',
        f'<title id="{chart_id}-title">{html.escape(node["title"])}</title>',
        f'<desc id="{chart_id}-desc">{html.escape(described)}</desc>',
        *(bar(index, label, value, highest) for index, (label, value) in enumerate(zip(labels, values, strict=True))),
        f'<line class="bookreview-chart-axis" x1="0" y1="{BASELINE}" x2="{width}" y2="{BASELINE}" '
        'stroke="currentColor"/>',
        "</svg>",
    ])  # fmt: skip


def bar(index: int, label: str, value: int, highest: int) -> str:
    """The ``index``-th bar, scaled to the highest value, with its value
    above it and its label below the axis."""
    height = round(PLOT_HEIGHT * value / highest, 2)
    left, top = 4 + index * SLOT, BASELINE - height
    x, middle = left + (SLOT - BAR) / 2, left + SLOT / 2
    return "\n".join([
        f'<rect class="bookreview-chart-bar" x="{x:g}" y="{top:g}" width="{BAR}" height="{height:g}"/>',
        f'<text x="{middle:g}" y="{top - 4:g}">{value}</text>',
        f'<text class="bookreview-chart-label" x="{middle:g}" y="{BASELINE + 16}">{html.escape(label)}</text>',
    ])  # fmt: skip
