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

from sphinx_bookreview.covers import image_url, srcset
from sphinx_bookreview.model import is_url
from sphinx_bookreview.outputs.jsonld import jsonld_script
from sphinx_bookreview.rating import rating_html
from sphinx_bookreview.shared import colon

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("sphinx_bookreview")


def aria_label(label: str) -> dict[str, Any]:
    return {"aria-label": label}


def visit_bookreview(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "article"))


def depart_bookreview(self: HTML5Translator, node: nodes.Element) -> None:
    if "jsonld" in node:
        self.body.append(jsonld_script(node["jsonld"], jsonld_image(self, node)))
    self.body.append("</article>\n")


def jsonld_image(self: HTML5Translator, node: nodes.Element) -> str:
    """The cover's absolute URL where ``html_baseurl`` is set: a remote one
    as given, a local one the shared copy (``cover-image``, see
    :func:`sphinx_bookreview.covers.show_copies`) or else the copy of the
    original this page's card brought."""
    cover = node.get("cover", "")
    if not cover or is_url(cover):
        return str(cover)
    name = node.get("cover-image") or self.builder.images.get(cover.lstrip("/"))
    return image_url(self.builder, name, imgpath=self.builder.imgpath, absolute=True) if name else ""


def visit_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "aside", **aria_label(_("About the book"))))


def depart_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


def visit_quick(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "section", **aria_label(_("Quick Review"))))


def depart_quick(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</section>\n")


def visit_isolate(self: HTML5Translator, node: nodes.Element) -> None:
    """``<bdi>``: the text's direction is its own (its first strong letter
    decides), and the text around it is laid out as if it were one
    neutral character. Without it, an Arabic title followed by the stars
    and the rating's number drew them before it."""
    self.body.append(self.starttag(node, "bdi", ""))


def depart_isolate(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</bdi>")


def visit_cover(self: HTML5Translator, node: nodes.Element) -> None:
    """A local cover: the copy the builder writes (named as Sphinx's own
    image visitor finds it)."""
    name = self.builder.images.get(node["uri"])
    cover_img(self, node, image_url(self.builder, name, imgpath=self.builder.imgpath) if name else "")


def visit_cover_url(self: HTML5Translator, node: nodes.Element) -> None:
    """A remote cover, a listing's link to the copy a review's page brings,
    or resized copies (``srcset``, see :mod:`sphinx_bookreview.covers`)."""
    src = node["uri"] if "uri" in node else image_url(self.builder, node["image"], imgpath=self.builder.imgpath)
    cover_img(self, node, src)


def cover_img(self: HTML5Translator, node: nodes.Element, src: str) -> None:
    """``<img>`` with its intrinsic size (no layout shift), lazy loading
    unless the node asks for eager, and the copies to choose from."""
    atts = {"src": src, "alt": node["alt"], "loading": node.get("loading", "lazy"), "decoding": "async"}
    if "fetchpriority" in node:
        atts["fetchpriority"] = node["fetchpriority"]
    if node.get("srcset"):
        atts.update(srcset=srcset(self.builder, node["srcset"], imgpath=self.builder.imgpath), sizes=node["sizes"])
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
    label = _("Spoiler")
    self.body.append(self.starttag(node, "span", ""))
    if not reveals(self):
        # In brackets, as text builders write it: a reader sees where it ends.
        self.body.append(f'[<strong class="bookreview-spoiler-label">{html.escape(colon(label))}</strong> ')
        return
    toggle, show = html.escape(node["toggle-id"]), html.escape(_("Show spoiler"))
    self.body.append(
        f'<input type="checkbox" class="bookreview-spoiler-toggle" id="{toggle}" aria-label="{show}" />'
        f'<label class="bookreview-spoiler-label" for="{toggle}" aria-hidden="true">{html.escape(label)}</label>'
        '<span class="bookreview-spoiler-text">'
    )


def depart_spoiler(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span></span>" if reveals(self) else "]</span>")


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
    self.body.append(
        rating_html(node["value"], node["scale"], self.config.bookreview_rating_step, self.config.language)
    )
    raise nodes.SkipNode


# -- statistics: an inline SVG bar chart ----------------------------------------

PLOT_HEIGHT, TOP, BOTTOM, BAR = 120, 18, 22, 28
BASELINE = TOP + PLOT_HEIGHT
#: A slot holds a bar and its labels: at least this wide, wider for long
#: labels (a 12 px digit is about 7 px wide), so that no two labels overlap.
MIN_SLOT, CHAR_WIDTH, SLOT_PADDING = 44, 7.5, 8
#: A break's label (a run's first and last) takes two lines below the axis.
LINE_HEIGHT = 14


def visit_chart(self: HTML5Translator, node: nodes.Element) -> None:
    """The chart drawn instead of its table; screen readers read it as an
    image named by its title and its numbers."""
    self.body.append(self.starttag(node, "figure"))
    self.body.append(f'<figcaption class="bookreview-chart-title">{html.escape(node["title"])}</figcaption>\n')
    self.body.append(svg_chart(node) + "\n</figure>\n")
    raise nodes.SkipNode


def label_lines(label: str, gap: bool) -> list[str]:
    """A break's range (its first and last joined by an en dash, see
    ``stats.bars``) on two lines, the dash ending the first; else the label."""
    if not gap:
        return [label]
    first, dash, last = label.partition("\u2013")
    return [first + dash, last] if dash else [label]


def slot_width(labels: list[str], values: list[int], gaps: list[bool]) -> float:
    texts = [str(value) for value in values]
    texts += [line for label, gap in zip(labels, gaps, strict=True) for line in label_lines(label, gap)]
    return max(MIN_SLOT, round(max(map(len, texts)) * CHAR_WIDTH) + SLOT_PADDING)


def svg_chart(node: nodes.Element) -> str:
    labels, values, chart_id = node["labels"], node["values"], node["ids"][0]
    gaps = node.get("gaps") or [False] * len(values)
    slot = slot_width(labels, values, gaps)
    width = max(len(values), 2) * slot + 8
    height = TOP + PLOT_HEIGHT + BOTTOM + (LINE_HEIGHT if any(gaps) else 0)
    highest = max(values) or 1
    described = "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
    slots = enumerate(zip(labels, values, gaps, strict=True))
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bookreview-chart-svg" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width:g} {height}" '
        f'width="{width:g}" height="{height}" font-size="12" fill="currentColor" text-anchor="middle">',
        f'<title id="{chart_id}-title">{html.escape(node["title"])}</title>',
        f'<desc id="{chart_id}-desc">{html.escape(described)}</desc>',
        *(drawn_break(index, label, slot) if gap else bar(index, label, value, highest, slot)
          for index, (label, value, gap) in slots),
        axis(width, [4 + index * slot + slot / 2 for index, gap in enumerate(gaps) if gap]),
        "</svg>",
    ])  # fmt: skip


def bar(index: int, label: str, value: int, highest: int, slot: float) -> str:
    """The ``index``-th bar, scaled to the highest value, with its value
    above it and its label below the axis."""
    height = round(PLOT_HEIGHT * value / highest, 2)
    left, top = 4 + index * slot, BASELINE - height
    x, middle = left + (slot - BAR) / 2, left + slot / 2
    return "\n".join([
        f'<rect class="bookreview-chart-bar" x="{x:g}" y="{top:g}" width="{BAR}" height="{height:g}"/>',
        f'<text x="{middle:g}" y="{top - 4:g}">{value}</text>',
        f'<text class="bookreview-chart-label" x="{middle:g}" y="{BASELINE + 16}">{html.escape(label)}</text>',
    ])  # fmt: skip


def drawn_break(index: int, label: str, slot: float) -> str:
    """A run of empty years or steps: two slashes across the broken axis,
    and the run's first and last below it."""
    middle = 4 + index * slot + slot / 2
    lines = "".join(
        f'<tspan x="{middle:g}" y="{BASELINE + 16 + n * LINE_HEIGHT}">{html.escape(line)}</tspan>'
        for n, line in enumerate(label_lines(label, gap=True))
    )
    return "\n".join([
        f'<path class="bookreview-chart-break" d="M{middle - 7:g} {BASELINE + 5}l5 -10M{middle + 2:g} {BASELINE + 5}'
        'l5 -10" fill="none" stroke="currentColor"/>',
        f'<text class="bookreview-chart-label">{lines}</text>',
    ])  # fmt: skip


def axis(width: float, breaks: list[float]) -> str:
    """The baseline, interrupted where a break is drawn."""
    path = f"M0 {BASELINE}" + "".join(f"H{middle - 4:g}M{middle + 4:g} {BASELINE}" for middle in breaks)
    return f'<path class="bookreview-chart-axis" d="{path}H{width:g}" fill="none" stroke="currentColor"/>'
