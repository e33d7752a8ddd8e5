"""Texinfo: the review's anchor where the review starts; an inline
spoiler marked in brackets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from sphinx_bookreview.shared import colon

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.writers.texinfo import TexinfoTranslator

_ = get_translation("sphinx_bookreview")


def visit_bookreview(self: TexinfoTranslator, node: nodes.Element) -> None:
    # Texinfo writes no anchor for a container's ids; it puts the ones that
    # are linked to at the end of the manual, so :book: links land there.
    for node_id in node["ids"]:
        self.add_anchor(node_id, node)
    self.visit_container(node)


def depart_bookreview(self: TexinfoTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


def visit_spoiler(self: TexinfoTranslator, node: nodes.Element) -> None:
    self.body.append(f"[{self.escape(colon(_('Spoiler')))} ")


def depart_spoiler(self: TexinfoTranslator, node: nodes.Element) -> None:
    self.body.append("]")
