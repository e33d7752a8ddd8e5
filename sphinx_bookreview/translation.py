"""Translated reviews, by Sphinx's own workflow (the gettext builder, then
catalogs in ``locale_dirs``).

The card makes each piece of the reviewer's text a message of its own, in
a placeholder (:func:`sphinx_bookreview.card.message`) that Sphinx's
``Locale`` transform translates. Two transforms follow it:

- :class:`TranslatedRecords`: the directive made the review's record
  (:class:`~sphinx_bookreview.model.Review`) while it parsed the source,
  before the translation. Listings, ``:book:`` links, the domain's indices,
  the JSON-LD, the meta description, link previews, the feed, the
  catalogue and the theme show the record; this puts the translated text
  of the card back into it (and into the JSON-LD the review's node
  carries), so that all of them show the translation too. Each
  translation is found by the message it translated, which its node
  keeps as its ``rawsource``. The record takes a translation's plain
  text: the verdict's and the answers' markup is the source's, and a
  translation's is gone once Sphinx has parsed it.
- :class:`MessagesInPlace` puts each placeholder's text in its place.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.transforms import SphinxTransform

from sphinx_bookreview.card import cover_alt, plain_text
from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.nodes import bookreview, bookreview_cover, bookreview_cover_url
from sphinx_bookreview.outputs.jsonld import review_jsonld

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from sphinx.application import Sphinx

    from sphinx_bookreview.model import Review


def card_parts(root: bookreview) -> Iterator[nodes.Element]:
    """The review's card, verdict and quick review: the nodes the card
    builder made, not the review's body."""
    for part in root.children:
        if isinstance(part, nodes.Element) and "bookreview-body" not in part["classes"]:
            yield part


def translated_messages(root: bookreview) -> dict[str, nodes.Element]:
    """Each message of the card that Sphinx translated (the original
    text), to its node, which now holds the translation."""
    return {
        node.rawsource: node
        for part in card_parts(root)
        for node in part.findall(nodes.TextElement)
        if node.get("translated") and node.rawsource
    }


def translated(review: Review, messages: Mapping[str, nodes.Element]) -> Review:
    """The record with the translation of each of the reviewer's texts
    that has one, as plain text."""

    def text(original: str) -> str:
        node = messages.get(original)
        return original if node is None else plain_text(node)

    verdict = text(review.verdict)
    return dataclasses.replace(
        review,
        title=text(review.title), subtitle=text(review.subtitle), edition=text(review.edition),
        series=text(review.series), disclosure=text(review.disclosure),
        contributors=tuple((name, text(role)) for name, role in review.contributors),
        verdict=verdict, verdict_text=verdict if review.verdict in messages else review.verdict_text,
        answers=tuple((key, text(answer)) for key, answer in review.answers),
    )  # fmt: skip


class TranslatedRecords(SphinxTransform):
    """Each translated review's record, JSON-LD and cover's alt text
    made of the translated card (see the module's docstring)."""

    # After Sphinx's Locale (20), which translates the card; before
    # MessagesInPlace unwraps the card's placeholders, which carry the
    # original text each translation replaced.
    default_priority = 30

    def apply(self, **kwargs: object) -> None:
        domain = BookDomain.of(self.env)
        records = {(r.id, r.lineno): r for r in domain.records_in(self.env.docname)}
        for root in self.document.findall(bookreview):
            messages = translated_messages(root)
            record = records.get((root["review-id"], root.line or 0))
            if not messages or record is None:
                continue
            new = translated(record, messages)
            domain.replace_review(record, new)
            if "jsonld" in root:
                root["jsonld"] = review_jsonld(new, self.config.bookreview_rating_scale)
            renamed_cover(root, record.title, new.title)


def renamed_cover(root: bookreview, title: str, new_title: str) -> None:
    """The card's cover described by the translated title, unless the
    translation gave its alt text a translation of its own."""
    for cover in root.findall(lambda n: isinstance(n, bookreview_cover | bookreview_cover_url)):
        if isinstance(cover, nodes.Element) and cover.get("alt") == cover_alt(title):
            cover["alt"] = cover_alt(new_title)


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

    # After TranslatedRecords, which finds the translations by them.
    default_priority = 40

    def apply(self, **kwargs: object) -> None:
        if isinstance(BookDomain.of(self.env).builder, MessageCatalogBuilder):
            return
        for root in self.document.findall(bookreview):
            for part in card_parts(root):
                for placeholder in list(part.findall(is_placeholder)):
                    placeholder.parent.replace(placeholder, list(placeholder.children))


def setup_translation(app: Sphinx) -> None:
    app.add_transform(TranslatedRecords)
    app.add_transform(MessagesInPlace)
