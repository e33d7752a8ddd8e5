"""Spoilers: the ``:spoiler:`` role and the ``bookreview-spoiler`` directive.

Both make nodes (:mod:`sphinx_bookreview.nodes`) that HTML hides until the
reader reveals them, without JavaScript, and that every other builder
marks as spoilers (:mod:`sphinx_bookreview.render`). Summaries of a
review never show a spoiler: option text is masked with
:func:`~sphinx_bookreview.model.mask_spoilers`, parsed text drops the
nodes (:func:`without_spoilers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective, SphinxRole

from sphinx_bookreview.model import mask_spoilers
from sphinx_bookreview.nodes import bookreview_spoiler, bookreview_spoiler_block
from sphinx_bookreview.shared import colon, option_spec, parse_content, warn

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.application import Sphinx

_ = get_translation("sphinx_bookreview")


def spoiler_label() -> str:
    return _("Spoiler")


def masked(text: str) -> str:
    """Option text (a verdict, an answer) as summaries show it."""
    return mask_spoilers(text, str(_("[spoiler]")))


def without_spoilers(node: nodes.Element) -> nodes.Element:
    """A copy of ``node`` as summaries show it: an inline spoiler masked as
    :func:`masked` masks one, a block of spoilers left out."""
    copy = node.deepcopy()
    for block in list(copy.findall(bookreview_spoiler_block)):
        block.parent.remove(block)
    for spoiler in list(copy.findall(bookreview_spoiler)):
        spoiler.parent.replace(spoiler, nodes.Text(str(_("[spoiler]"))))
    return copy


def in_spoiler(node: nodes.Node) -> bool:
    """Whether ``node`` is part of a spoiler."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, bookreview_spoiler | bookreview_spoiler_block):
            return True
        parent = parent.parent
    return False


class SpoilerRole(SphinxRole):
    """``:spoiler:`text```: the text, hidden until revealed."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        node = bookreview_spoiler(self.rawtext, self.text, classes=["bookreview-spoiler"])
        # Numbered per document (as Sphinx numbers its own generated ids),
        # named after it: unique also when singlehtml joins the pages.
        serial = self.env.new_serialno("bookreview-spoiler")
        node["toggle-id"] = f"bookreview-spoiler-{nodes.make_id(self.env.docname)}-{serial}"
        self.set_source_info(node)
        return [node], []


class SpoilerDirective(SphinxDirective):
    """A block of spoilers; the optional argument says what it gives away,
    ``:class:`` adds classes as docutils' own directives do."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    # Unknown options too, each one warning (see shared.AnyOption).
    option_spec: ClassVar[dict[str, object]] = option_spec(["class"])  # type: ignore[assignment]

    def run(self) -> list[Node]:
        for name in self.options:
            if name != "class":
                warn(self, f"unknown option :{name}: (ignored)", "option", name)
        if not self.content:
            warn(self, "a bookreview-spoiler block needs content: the spoilers it hides", "option")
            return []
        label = spoiler_label()
        heading = f"{colon(label)} {self.arguments[0]}" if self.arguments else label
        title = nodes.title(heading, heading)
        self.set_source_info(title)
        classes = ["bookreview-spoiler-block", *directives.class_option(str(self.options.get("class") or ""))]
        block = bookreview_spoiler_block("", title, *parse_content(self), classes=classes)
        self.set_source_info(block)
        return [block]


def setup_spoilers(app: Sphinx) -> None:
    app.add_role("spoiler", SpoilerRole())
    app.add_directive("bookreview-spoiler", SpoilerDirective)
