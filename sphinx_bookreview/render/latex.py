"""LaTeX: the review's label; the cover, centred on a line of its own above
the facts; stars drawn with amssymb's ``\\bigstar`` (Sphinx loads amssymb);
an inline spoiler marked in brackets (a block of spoilers is an admonition,
boxed as Sphinx boxes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.model import number
from sphinx_bookreview.rating import star_counts

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

_ = get_translation("sphinx_bookreview")


def visit_cover(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{center}")
    node["width"] = "30%"  # of the line: a cover, not a full-page plate
    self.visit_image(node)


def depart_cover(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_image(node)
    self.body.append("\\end{center}\n")


def visit_bookreview(self: LaTeXTranslator, node: nodes.Element) -> None:
    # LaTeX gives a container no \label, yet :book: links and the index
    # pages point at the review's id: without one they are dead in the PDF.
    self.body.append(self.hypertarget_to(node, anchor=True))
    self.visit_container(node)


def depart_bookreview(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


def visit_rating(self: LaTeXTranslator, node: nodes.Element) -> None:
    stars, scale = node["stars"], node["scale"]
    full, half, empty = star_counts(stars, scale)
    drawn = r"$\bigstar$" * full + r"\textonehalf" * half + r"$\star$" * empty
    self.body.append(rf"\mbox{{{drawn}\ ({number(stars)}/{number(scale)})}}")
    raise nodes.SkipNode


def visit_spoiler(self: LaTeXTranslator, node: nodes.Element) -> None:
    # A printed page cannot hide it: the text is marked, in brackets.
    self.body.append(rf"\sphinxstylestrong{{[{self.encode(_('Spoiler'))}:}} ")


def depart_spoiler(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\sphinxstylestrong{]}")
