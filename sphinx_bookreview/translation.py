"""Translated reviews, by Sphinx's own workflow (the gettext builder, then
catalogs in ``locale_dirs``).

The card makes each piece of the reviewer's text a message of its own, in
a placeholder (:func:`sphinx_bookreview.card.message`) that Sphinx's
``Locale`` transform translates; :class:`MessagesInPlace` then puts each
placeholder's text in its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.transforms import SphinxTransform

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.nodes import bookreview

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx


def card_parts(root: bookreview) -> Iterator[nodes.Element]:
    """The review's card, verdict and quick review: the nodes the card
    builder made, not the review's body."""
    for part in root.children:
        if isinstance(part, nodes.Element) and "bookreview-body" not in part["classes"]:
            yield part


def is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, nodes.inline) and "translatable" in node


class MessagesInPlace(SphinxTransform):
    """The text of the card's messages in place of their placeholders
    (:func:`~sphinx_bookreview.card.message`), once Sphinx translated them.

    Sphinx unwraps its own placeholders at the end of reading
    (``RemoveTranslatableInline``, priority 999), and would unwrap ours,
    but it appends their text to the end of their parent: "Ron Jeffries
    ()foreword", or a series' name after "Book 2 of" where a language puts
    it first. The gettext builder keeps them, as Sphinx keeps its own: it
    extracts the messages when it writes.
    """

    # After Sphinx's Locale (20), which translates them.
    default_priority = 40

    def apply(self, **kwargs: object) -> None:
        if isinstance(BookDomain.of(self.env).builder, MessageCatalogBuilder):
            return
        for root in self.document.findall(bookreview):
            for part in card_parts(root):
                for placeholder in list(part.findall(is_placeholder)):
                    placeholder.parent.replace(placeholder, list(placeholder.children))


def setup_translation(app: Sphinx) -> None:
    app.add_transform(MessagesInPlace)
