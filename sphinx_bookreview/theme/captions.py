"""Toctree captions as headings with a level, on the theme's pages.

Sphinx writes a toctree's caption as ``<p class="caption" role="heading">``
with no ``aria-level``, which screen readers cannot place among the page's
headings (axe: aria-required-attr). Sphinx resolves toctrees after every
post-transform has run, so no transform can reach the caption it makes:
ours takes the caption off the toctree and puts it before it as a node of
its own, which carries the level its place among the sections gives it and
is written exactly as Sphinx writes a caption, plus that level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_bookreview.theme.context import uses_theme

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: HTML has six levels of heading.
DEEPEST_LEVEL = 6


class toctree_caption(nodes.rubric):  # noqa: N801 - docutils names nodes in lower case
    """A toctree's caption; ``level`` is its heading level. A rubric, so a
    translator without a visitor for it still writes the text."""


class CaptionsWithLevels(SphinxPostTransform):
    """Each visible toctree's caption as a :class:`toctree_caption` before it."""

    default_priority = 900  # After everything else: it only moves a caption.
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for toctree in list(self.document.findall(addnodes.toctree)):
            caption = toctree.get("caption")
            # Hidden or empty toctrees write nothing, their caption neither.
            if not caption or toctree.get("hidden") or not toctree.get("entries"):
                continue
            heading = toctree_caption(caption, caption, level=min(section_depth(toctree) + 1, DEEPEST_LEVEL))
            toctree.parent.insert(toctree.parent.index(toctree), heading)
            del toctree["caption"]


def section_depth(node: nodes.Element) -> int:
    """How many sections hold ``node``: its heading is one level below theirs."""
    depth = 0
    while node.parent is not None:
        node = node.parent
        depth += isinstance(node, nodes.section)
    return depth


def visit_toctree_caption(translator: HTML5Translator, node: toctree_caption) -> None:
    level = {"aria-level": str(node["level"])}
    translator.body.append(translator.starttag(node, "p", "", False, CLASS="caption", ROLE="heading", **level))
    translator.body.append('<span class="caption-text">')


def depart_toctree_caption(translator: HTML5Translator, node: toctree_caption) -> None:
    translator.body.append("</span></p>\n")


def add_caption_levels(app: Sphinx) -> None:
    if uses_theme(app):
        app.add_post_transform(CaptionsWithLevels)


def setup_captions(app: Sphinx) -> None:
    app.add_node(toctree_caption, html=(visit_toctree_caption, depart_toctree_caption))
    app.connect("builder-inited", add_caption_levels)
