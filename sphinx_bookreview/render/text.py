"""Text and manual pages: an inline spoiler marked in brackets,
``[Spoiler: ...]``, its colon as the project's language writes it (a
block of spoilers is an admonition, which both introduce with its title,
"Spoiler: …")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from sphinx_bookreview.shared import colon

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.text import TextTranslator

_ = get_translation("sphinx_bookreview")


def visit_spoiler(self: TextTranslator, node: nodes.Element) -> None:
    self.add_text(f"[{colon(_('Spoiler'))} ")


def depart_spoiler(self: TextTranslator, node: nodes.Element) -> None:
    self.add_text("]")


def visit_man_spoiler(self: ManualPageTranslator, node: nodes.Element) -> None:
    self.body.append(f"[{self.deunicode(colon(_('Spoiler')))} ")


def depart_man_spoiler(self: ManualPageTranslator, node: nodes.Element) -> None:
    self.body.append("]")
