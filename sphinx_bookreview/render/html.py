"""HTML structure of a review: ``<article>``, ``<aside>`` card, sized cover.

Used by every HTML-format builder (html, dirhtml, singlehtml, epub).
"""

from __future__ import annotations

import posixpath
import urllib.parse
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.images import get_image_size

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
        # The record keeps a local cover as "/path" from the source
        # directory; the builder knows the image by that path without "/".
        self.body.append(jsonld_script(review, self.config, cover_url(self, review.cover.removeprefix("/"))))
    self.body.append("</article>\n")


def image_path(self: HTML5Translator, source: str) -> str:
    return posixpath.join(self.builder.imgpath, urllib.parse.quote(self.builder.images.get(source, source)))


def cover_url(self: HTML5Translator, cover: str) -> str:
    """The cover's URL as a search engine reads it: absolute where
    ``html_baseurl`` is set, else relative to the page."""
    if cover not in self.builder.images:
        return cover  # a remote URL
    base = self.config.html_baseurl
    if not base:
        return image_path(self, cover)
    name = urllib.parse.quote(self.builder.images[cover])
    return urllib.parse.urljoin(str(base).rstrip("/") + "/", f"{self.builder.imagedir}/{name}")


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
    src = cover_url(self, source) if "://" in source else image_path(self, source)
    atts = {"src": src, "alt": node["alt"], "loading": "lazy", "decoding": "async"}
    size = None if "://" in source else get_image_size(self.builder.srcdir / source)
    if size:
        atts.update(width=str(size[0]), height=str(size[1]))
    self.body.append(self.emptytag(node, "img", "", **atts))
    raise nodes.SkipNode
