"""HTML structure of a review: ``<article>``, ``<aside>`` card, sized cover.

Used by every HTML-format builder (html, dirhtml, singlehtml, epub).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.covers import cover_size, cover_src
from sphinx_bookreview.outputs.jsonld import jsonld_script

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("sphinx_bookreview")


def aria_label(label: str) -> dict[str, Any]:
    return {"aria-label": label}


def visit_bookreview(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "article"))


def depart_bookreview(self: HTML5Translator, node: nodes.Element) -> None:
    env = self.builder.env
    # The review's own document, which singlehtml's current one is not.
    docname = env.path2doc(node.source) if node.source else self.builder.current_docname
    reviews = env.get_domain("book").reviews_in(docname or self.builder.current_docname)  # type: ignore[attr-defined]
    review = next((r for r in reviews if r.id == node["review-id"]), None)
    if review is not None and self.config.bookreview_jsonld:
        image = cover_src(self.builder, review.cover, imgpath=self.builder.imgpath, absolute=True)
        self.body.append(jsonld_script(review, self.config, image))
    self.body.append("</article>\n")


def visit_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "aside", **aria_label(_("About the book"))))


def depart_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


def visit_quick(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "section", **aria_label(_("Quick Review"))))


def depart_quick(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</section>\n")


def visit_cover(self: HTML5Translator, node: nodes.Element) -> None:
    """``<img>`` with its intrinsic size (no layout shift) and lazy loading."""
    source = node["uri"]
    src = cover_src(self.builder, source, imgpath=self.builder.imgpath)
    atts = {"src": src, "alt": node["alt"], "loading": "lazy", "decoding": "async"}
    size = cover_size(self.builder.srcdir, source)
    if size:
        atts.update(width=str(size[0]), height=str(size[1]))
    self.body.append(self.emptytag(node, "img", "", **atts))
    raise nodes.SkipNode
