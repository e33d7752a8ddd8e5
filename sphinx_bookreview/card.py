"""From a :class:`Review` record to the doctree of the review.

Facts become a field list (a description list in LaTeX, ``:Field:`` lines
in text), quick-review answers a definition list (``<dl>`` in HTML). Text
that comes from the reviewer carries its source and line, so the gettext
builder extracts it, each piece as a message of its own (:func:`message`):
a translation replaces that text and keeps the labels, separators and
classes around it. Labels come from our own message catalog.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from sphinx_bookreview.model import is_url, isbn_url, series_text
from sphinx_bookreview.nodes import (
    bookreview,
    bookreview_card,
    bookreview_cover,
    bookreview_cover_url,
    bookreview_isolate,
    bookreview_quick,
)
from sphinx_bookreview.outputs.jsonld import review_jsonld
from sphinx_bookreview.rating import rating_node
from sphinx_bookreview.spoilers import without_spoilers

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.config import Config

    from sphinx_bookreview.model import Reading, Review

    #: ``SphinxDirective.parse_inline`` at the review's line: nodes and
    #: messages of inline markup.
    InlineParser = Callable[[str], tuple[list[nodes.Node], list[nodes.system_message]]]

_ = get_translation("sphinx_bookreview")

#: What HTML collapses into one space (not every Unicode space: a no-break space stays).
HTML_SPACE = re.compile("[ \t\n\f\r]+")


def format_label(fmt: str) -> str:
    return {
        "hardcover": _("Hardcover"), "paperback": _("Paperback"),
        "ebook": _("Ebook"), "audiobook": _("Audiobook"),
    }[fmt]  # fmt: skip


def status_label(status: str, fmt: str = "") -> str:
    """The status in words: an audiobook is listened to, not read."""
    if fmt == "audiobook":
        return {"read": _("Listened"), "reading": _("Currently listening"), "abandoned": _("Abandoned")}[status]
    return {"read": _("Read"), "reading": _("Currently reading"), "abandoned": _("Abandoned")}[status]


def date_labels(fmt: str) -> tuple[str, str]:
    """The labels of the first and last day of a reading (or listening)."""
    if fmt == "audiobook":
        return _("Started listening"), _("Finished listening")
    return _("Started"), _("Finished")


def reading_text(reading: Reading, fmt: str) -> str:
    """``2024-01-02 - 2024-02-10`` (an en dash); a reading of which one day
    is known says which ("started 2024-01-02", "finished 2024-02-10"), not
    a range with a dangling dash; then the status, if not finished."""
    if reading.started and reading.finished:
        days = f"{reading.started} \u2013 {reading.finished}"
    elif reading.started or reading.finished:
        days = _("started %s") % reading.started if reading.started else _("finished %s") % reading.finished
    else:
        days = _("dates unknown")
    return days if reading.status == "read" else f"{days} ({status_label(reading.status, fmt)})"


def series_nodes(review: Review, name: nodes.Node | None = None) -> list[nodes.Node]:
    """ "Book 2 of The Laundry Files", the series' name (``name``, else its
    text) linked to ``:series-url:``."""
    if name is None:
        name = nodes.Text(review.series)
    if review.series_url:
        name = nodes.reference("", "", name, refuri=review.series_url)
    name = isolated(name)
    if review.series_number is None:
        return [name]
    first, last = series_text(review.series_number), series_text(review.series_number_end or 0)
    template = (
        _("Book %(number)s of %(series)s")
        if review.series_number_end is None
        else _("Books %(number)s to %(last)s of %(series)s")
    )
    before, _marker, after = (template % {"number": first, "last": last, "series": "\0"}).partition("\0")
    return [*text(before), name, *text(after)]


def progress_text(review: Review) -> str:
    """``38%``, or ``page 120 of 350 (34%)``."""
    if review.progress.endswith("%"):
        return review.progress
    page, pages = review.progress.split("/")
    return (
        _("page %(page)s of %(pages)s") % {"page": page, "pages": pages} + f" ({round(review.progress_percent or 0)}%)"
    )


def published_text(review: Review) -> str:
    """The edition's date, and the first edition's beside it where they differ."""
    if not review.published:
        return review.original_published
    if review.original_published and review.original_published != review.published:
        return f"{review.published} " + _("(first published %s)") % review.original_published
    return review.published


def cover_alt(title: str) -> str:
    return _("Cover of %s") % title


def question_label(question: str) -> str:
    """A default question translated; one the project wrote, as written."""
    translated = {
        "Why I picked it up": _("Why I picked it up"),
        "Why I finished it": _("Why I finished it"),
        "I'd give it to": _("I'd give it to"),
    }
    return translated.get(question, question)


def xref(reftype: str, target: str, text: str) -> addnodes.pending_xref:
    """A link the ``book`` domain resolves once every document is read.

    ``quiet``: the card's own author and tag links go unresolved only when
    the review lost its id to another, already a ``duplicate`` warning.
    """
    return addnodes.pending_xref(
        "", nodes.inline(text, text), refdomain="book", reftype=reftype, reftarget=target, refexplicit=True,
        quiet=True,
    )  # fmt: skip


def joined(items: Iterable[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for item in items:
        out += [nodes.Text(separator), item] if out else [item]
    return out


def text(value: str) -> list[nodes.Node]:
    return [nodes.Text(value)] if value else []


def isolated(*children: nodes.Node) -> bookreview_isolate:
    """``children`` in their own writing direction: text a reader or a book
    brings, never our labels (see :class:`~sphinx_bookreview.nodes.bookreview_isolate`)."""
    return bookreview_isolate("", "", *children)


def own_text(value: str) -> list[nodes.Node]:
    """A reader's or a book's text, in its own direction."""
    return [isolated(nodes.Text(value))] if value else []


def names(values: Iterable[str]) -> list[nodes.Node]:
    """Names separated by commas, each in its own direction."""
    return joined(isolated(nodes.Text(value)) for value in values)


def plural(items: tuple[object, ...], one: str, many: str) -> str:
    return many if len(items) > 1 else one


def source_text(
    node_class: type[nodes.TextElement], content: str, where: tuple[str, int], **atts: object
) -> nodes.TextElement:
    """A text node the gettext builder extracts: it knows its source."""
    node = node_class(content, content, **atts)
    node.source, node.line = where
    return node


def message(content: str, where: tuple[str, int]) -> nodes.inline:
    """``content`` as a message of its own: the gettext builder extracts
    it, and a translation (read as markup, as Sphinx reads every
    translation) replaces exactly this text, not the label, separator or
    element around it.

    Sphinx's own placeholder for such text (its ``versionadded`` label
    uses one): an inline with ``translatable`` set. After translating,
    :class:`~sphinx_bookreview.translation.MessagesInPlace` puts its
    children in its place.
    """
    node = nodes.inline(content, content, translatable=True)
    node.source, node.line = where
    return node


def plain_text(node: nodes.Element) -> str:
    """What a reader sees of ``node`` in a summary: its text, not raw
    markup, error messages or spoilers (masked), its runs of white space
    one space as a browser shows them."""
    copy = without_spoilers(node)
    for hidden in list(copy.findall(lambda n: isinstance(n, nodes.raw | nodes.system_message))):
        hidden.parent.remove(hidden)
    return HTML_SPACE.sub(" ", copy.astext()).strip(" ")


class CardBuilder:
    """Builds the nodes of one review; holds what every part needs.

    ``where`` is the file and line the review is written in (and
    ``rereview_where`` its ``:rereview-of:`` option's); ``cover_size`` the
    local cover's size in pixels, where its file says it. The verdict's
    inline markup is parsed here, once: :attr:`review` is the record with
    its ``verdict_text``, for the domain.
    """

    def __init__(
        self, review: Review, config: Config, where: tuple[str, int], parse_inline: InlineParser,
        cover_size: tuple[int, int] | None = None, rereview_where: tuple[str | None, int] | None = None,
    ) -> None:  # fmt: skip
        self.config = config
        self.where = where
        self.rereview_where = rereview_where or where
        self.parse_inline = parse_inline
        self.cover_size = cover_size
        self.verdict = self.inline_paragraph(review.verdict, classes=["bookreview-verdict"])
        self.review = dataclasses.replace(review, verdict_text=self.verdict_text(review.verdict))

    def inline_paragraph(self, text: str, **atts: object) -> list[nodes.Node]:
        """``text`` with its inline markup, as a paragraph the gettext
        builder extracts as written; then the markup's error messages,
        blocks that HTML cannot hold inside a paragraph (where
        ``keep_warnings`` shows them)."""
        paragraph = source_text(nodes.paragraph, "", self.where, **atts)
        paragraph.rawsource = text
        parsed, messages = self.parse_inline(text) if text else ([], [])
        if parsed:
            paragraph += isolated(*parsed)
        return [paragraph, *messages]

    def verdict_text(self, verdict: str) -> str:
        """The verdict's plain text; the very string as written when it has
        no markup, so that pickle stores it once in the environment."""
        text = plain_text(cast("nodes.Element", self.verdict[0]))
        return verdict if text == verdict else text

    def build(self, body: list[nodes.Node]) -> bookreview:
        review = self.review
        root = bookreview(ids=[review.id], classes=["bookreview"])
        root["review-id"] = review.id
        if self.config.bookreview_jsonld:
            # What the HTML visitor writes as JSON-LD, carried by the node:
            # it needs no record then, also for a review in an included file.
            root["jsonld"] = review_jsonld(review, self.config.bookreview_rating_scale)
            if review.cover:
                root["cover"] = review.cover
        root += self.card()
        if review.verdict:
            root += self.verdict
        if review.answers:
            root += self.quick()
        if body:
            root += nodes.container("", *body, classes=["bookreview-body"])
        return root

    def card(self) -> bookreview_card:
        review = self.review
        card = bookreview_card(classes=["bookreview-card"])
        if review.cover:
            card += self.cover()
        heading = nodes.paragraph(classes=["bookreview-title"])
        heading += isolated(nodes.strong("", "", message(review.title, self.where)))
        if review.subtitle:
            subtitle = bookreview_isolate("", "", message(review.subtitle, self.where), classes=["bookreview-subtitle"])
            heading += [nodes.Text(": "), subtitle]
        card += heading
        facts = nodes.field_list(classes=["bookreview-facts"])
        for label, value in self.facts():
            body = nodes.field_body("", nodes.paragraph("", "", *value))
            facts += nodes.field("", nodes.field_name(label, label), body)
        card += facts
        if review.disclosure:
            label = _("Disclosure:")
            note = nodes.paragraph(classes=["bookreview-disclosure"])
            note += [nodes.strong(label, label), nodes.Text(" "), isolated(message(review.disclosure, self.where))]
            card += note
        return card

    def cover(self) -> bookreview_cover | bookreview_cover_url:
        """A local cover as an image Sphinx collects and copies; a remote
        one as its URL alone (see :mod:`sphinx_bookreview.covers`)."""
        atts: dict[str, Any] = {"alt": cover_alt(self.review.title), "classes": ["bookreview-cover"]}
        if is_url(self.review.cover):
            return bookreview_cover_url(uri=self.review.cover, **atts)
        # No width here: HTML sizes it with CSS, and a width would make
        # Sphinx wrap it in a link to the full-size file.
        cover = bookreview_cover(uri=self.review.cover, **atts)
        if self.cover_size:
            cover["intrinsic-width"], cover["intrinsic-height"] = self.cover_size
        return cover

    def facts(self) -> list[tuple[str, list[nodes.Node]]]:
        """``(label, value nodes)`` for every fact the review gives."""
        r = self.review
        scale, step = self.config.bookreview_rating_scale, self.config.bookreview_rating_step
        language = self.config.language
        rows: list[tuple[str, list[nodes.Node] | None]] = [
            *self.people(),
            (_("Series"), series_nodes(r, message(r.series, self.where)) if r.series else None),
            (_("Edition"), [isolated(*self.message_value(r.edition))] if r.edition else None),
            (_("Publisher"), own_text(r.publisher)),
            (_("Published") if r.published else _("First published"), text(published_text(r))),
            (_("Pages"), text(str(r.pages or ""))),
            (_("Format"), self.message_value(format_label(r.format) if r.format else "")),
            (_("Language"), text(language_name(r.language, language) if r.language else "")),
            (_("ISBN"), [self.isbn()] if r.isbn else None),
            (_("ASIN"), text(r.asin)),
            (_("Website"), [website(r.url)] if r.url else None),
            (_("Rating"), [rating_node(r.rating, scale, step, language)] if r.rating is not None else None),
            (_("Status"), self.message_value(status_label(r.status, r.format)) if r.status != "read" else None),
            (_("Progress"), text(progress_text(r)) if r.progress else None),
            (_("Tags"), joined(isolated(xref("tag", t, t)) for t in r.tags)),
            *self.reading_dates(),
            (_("Earlier review"), [isolated(self.earlier_review())] if r.rereview_of else None),
            (_("Reviewed by"), own_text(r.reviewer)),
            (_("Review date"), text(r.date)),
        ]
        return [(label, value) for label, value in rows if value]

    def people(self) -> list[tuple[str, list[nodes.Node] | None]]:
        """Authors (linked to their entries) and the other people of the book."""
        r = self.review
        return [
            (plural(r.authors, _("Author"), _("Authors")), joined(isolated(xref("author", a, a)) for a in r.authors)),
            (plural(r.editors, _("Editor"), _("Editors")), names(r.editors)),
            (plural(r.translators, _("Translator"), _("Translators")), names(r.translators)),
            (plural(r.illustrators, _("Illustrator"), _("Illustrators")), names(r.illustrators)),
            (plural(r.narrators, _("Narrator"), _("Narrators")), names(r.narrators)),
            (plural(r.contributors, _("Contributor"), _("Contributors")), self.contributors()),
        ]

    def contributors(self) -> list[nodes.Node]:
        """``Ken MacLeod (Introduction)``: each role a message; names stay as written."""
        shown: list[nodes.Node] = []
        for name, role in self.review.contributors:
            shown += [nodes.Text(", ")] if shown else []
            if role:
                shown.append(isolated(nodes.Text(f"{name} ("), message(role, self.where), nodes.Text(")")))
            else:
                shown.append(isolated(nodes.Text(name)))
        return shown

    def message_value(self, value: str) -> list[nodes.Node]:
        """A fact's value as a message of its own, if it has one. Also the
        format's and status's words: the package's catalogs translate them
        (as the row's labels) for German and French; a project in another
        language translates them in its own catalog, with the labels, which
        Sphinx extracts as it extracts every field name."""
        return [message(value, self.where)] if value else []

    def reading_dates(self) -> list[tuple[str, list[nodes.Node] | None]]:
        """*Started* and *Finished*, or with ``:reads:`` one row of every
        reading ("Listened" for an audiobook)."""
        r = self.review
        if r.reads:
            label = status_label("read", r.format)
            return [(label, text("; ".join(reading_text(reading, r.format) for reading in r.reads)))]
        started, finished = date_labels(r.format)
        return [(started, text(r.started)), (finished, text(r.finished))]

    def earlier_review(self) -> addnodes.pending_xref:
        """A link to the review this one re-reviews, titled by the domain;
        an id no review has is the domain's ``ref`` warning, at the option."""
        target = self.review.rereview_of
        link = addnodes.pending_xref(
            "", nodes.inline(target, target), refdomain="book", reftype="review", reftarget=target,
            refexplicit=False, refwarn=True,
        )  # fmt: skip
        link.source, link.line = self.rereview_where
        return link

    def isbn(self) -> nodes.inline:
        isbn = self.review.isbn
        template = self.config.bookreview_isbn_url
        shown: nodes.Node = nodes.Text(isbn)
        if template:
            shown = nodes.reference(isbn, isbn, refuri=isbn_url(template, isbn))
        return nodes.inline("", "", shown, classes=["bookreview-isbn"])

    def quick(self) -> bookreview_quick:
        questions = dict(self.config.bookreview_quick_review)
        answers = nodes.definition_list(classes=["bookreview-quick-answers"])
        for key, text in self.review.answers:
            answer = nodes.definition("", *self.inline_paragraph(text))
            answers += nodes.definition_list_item(
                "", source_text(nodes.term, question_label(questions[key]), self.where), answer
            )
        title = _("Quick Review")
        return bookreview_quick("", nodes.rubric(title, title), answers, classes=["bookreview-quick"])


def website(url: str) -> nodes.reference:
    """A link to ``url`` that shows it as a reader needs it: without its
    scheme, and with a line break allowed after each ``/``, ``.`` and ``-``
    (in HTML and LaTeX), so a long address wraps between its parts, not
    inside a word. ``<wbr/>``, not a zero-width space: copying the text
    copies no hidden character; self-closed, as epub's XHTML needs."""
    shown = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    link = nodes.reference("", "", refuri=url, classes=["bookreview-url"])
    for n, part in enumerate(re.findall(r"[^/.-]*[/.-]|[^/.-]+$", shown)):
        if n:
            link += [nodes.raw("", "<wbr/>", format="html"), nodes.raw("", r"\allowbreak{}", format="latex")]
        link += nodes.Text(part)
    return link


def language_name(code: str, ui_language: str | None) -> str:
    """``German (de)`` in the project's language (in English, as our labels
    are then, where Babel does not know that language), or the code if
    Babel does not know the book's."""
    from babel import Locale, UnknownLocaleError

    try:
        shown_in = Locale.parse(ui_language or "en", sep="_")
    except (ValueError, UnknownLocaleError):
        shown_in = Locale("en")
    try:
        name = Locale.parse(code, sep="-").get_display_name(shown_in)
    except (ValueError, UnknownLocaleError):
        return code
    return f"{name} ({code})" if name else code
