"""The ``bookreview-list`` directive: a listing of the project's reviews.

Read, then freeze, then render: the directive only checks its options and
leaves a placeholder holding the query; once every document is read, at
``doctree-resolved``, the placeholder is replaced by the reviews that match,
taken from the domain's records (prepared once per build), never from
another document's doctree. The domain notes every page with a placeholder
(:class:`bookreview_collection`), so it is rewritten whenever any review
is added, changed or removed (see :mod:`sphinx_bookreview.freshness`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.card import isolated, joined, own_text, progress_text, series_nodes, status_label, xref
from sphinx_bookreview.covers import copied_name, cover_node, cover_size
from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.model import (
    STATUSES,
    InvalidValue,
    author_order,
    is_url,
    number,
    parse_count,
    parse_rating,
    split_names,
    split_tags,
)
from sphinx_bookreview.nodes import bookreview_cover_url, bookreview_list
from sphinx_bookreview.rating import rating_node, shown_number
from sphinx_bookreview.render.latex import Column, rating_em, sized_table, table_colspec, text_em
from sphinx_bookreview.shared import CollectionDirective, option_spec

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx

    from sphinx_bookreview.model import Review

_ = get_translation("sphinx_bookreview")

#: How each ``:sort:`` key orders reviews; ``None`` means "no value" and
#: sorts last whichever the direction.
SORT_KEYS: dict[str, Callable[[Review], object]] = {
    "date": lambda r: r.day or None,  # :date:, else :finished:, as the feed and the theme date it
    "title": lambda r: r.title.casefold(),
    "author": lambda r: author_order(r.authors[0]) if r.authors else None,  # by family name
    "rating": lambda r: r.rating,
    "published": lambda r: r.published or None,
    "finished": lambda r: r.finished or None,
    # Series by name, each in reading order (books without a number last).
    "series": lambda r: (r.series.casefold(), r.series_number is None, r.series_number or 0) if r.series else None,
}
LAYOUTS = ("list", "table", "cards")
COLUMNS = ("title", "author", "rating", "date", "published", "finished", "year",
           "status", "tags", "reviewer", "pages", "verdict", "series", "progress")  # fmt: skip
DEFAULT_COLUMNS = ("title", "author", "rating", "date")
#: Columns' widths in characters: what the text builder uses, and Texinfo's
#: shares of the line (the rating's follows the scale: :meth:`ListingRenderer.width`).
#: HTML sizes columns to their content; LaTeX see :meth:`ListingRenderer.latex_colspec`.
COLUMN_WIDTHS = {"title": 30, "author": 24, "tags": 20, "reviewer": 16, "verdict": 30, "series": 24, "progress": 16}
#: Columns whose words must not break across lines: dates, numbers, the
#: rating, the status (a word or two).
UNBROKEN = ("rating", "date", "published", "finished", "year", "pages", "status")


@dataclass(frozen=True)
class Query:
    """The checked options of one listing: plain values, so picklable."""

    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    reviewer: str = ""
    series: str = ""
    statuses: tuple[str, ...] = ()
    min_rating: float | None = None
    year: int | None = None
    sort: str = "-date"
    limit: int | None = None
    layout: str = "list"
    columns: tuple[str, ...] = DEFAULT_COLUMNS

    # Cached, not fields: built once per query, not once per review (a
    # frozen dataclass still lets cached_property fill its __dict__).
    @cached_property
    def wanted_tags(self) -> frozenset[str]:
        return frozenset(t.casefold() for t in self.tags)

    @cached_property
    def wanted_authors(self) -> frozenset[str]:
        return frozenset(a.casefold() for a in self.authors)

    def matches(self, review: Review) -> bool:
        wanted_tags, wanted_authors = self.wanted_tags, self.wanted_authors
        return (
            (not wanted_tags or any(t.casefold() in wanted_tags for t in review.tags))
            and (not wanted_authors or any(a.casefold() in wanted_authors for a in review.authors))
            and (not self.reviewer or review.reviewer.casefold() == self.reviewer.casefold())
            and (not self.series or review.series.casefold() == self.series.casefold())
            and (not self.statuses or review.status in self.statuses)
            and (self.min_rating is None or (review.rating is not None and review.rating >= self.min_rating))
            and (self.year is None or self.year in review.years)
        )

    def select(self, reviews: Iterable[Review]) -> list[Review]:
        """The matching reviews in order, ties broken by id, then limited."""
        field = self.sort.removeprefix("-")
        key = SORT_KEYS[field]
        by_id = sorted((r for r in reviews if self.matches(r)), key=lambda r: r.id)
        # Sorting is stable, also in reverse, so ties keep the id order.
        present = sorted((r for r in by_id if key(r) is not None), key=key, reverse=self.sort.startswith("-"))  # type: ignore[arg-type]
        ordered = present + [r for r in by_id if key(r) is None]
        return ordered[: self.limit] if self.limit else ordered


# -- options ------------------------------------------------------------------


def parse_sort(text: str) -> str:
    if text.removeprefix("-") not in SORT_KEYS:
        keys = ", ".join(SORT_KEYS)
        raise InvalidValue(
            "option",
            f"invalid sort key {text!r}: expected one of {keys}, with '-' before it for descending order; using -date",
        )
    return text


def parse_layout(text: str) -> str:
    if text not in LAYOUTS:
        raise InvalidValue("option", f"invalid layout {text!r}: expected one of {', '.join(LAYOUTS)}; using list")
    return text


def parse_columns(text: str) -> tuple[str, ...]:
    columns = split_tags(text)
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown or not columns:
        raise InvalidValue(
            "option",
            f"invalid columns {text!r}: expected some of {', '.join(COLUMNS)}; using {', '.join(DEFAULT_COLUMNS)}",
        )
    return columns


def parse_statuses(text: str) -> tuple[str, ...]:
    statuses = split_tags(text.lower())
    if not statuses or any(s not in STATUSES for s in statuses):
        expected = ", ".join(STATUSES)
        raise InvalidValue("option", f"invalid status {text!r}: expected some of {expected}; listing every status")
    return statuses


def parse_min_rating(text: str, scale: float) -> float:
    try:
        return parse_rating(text, scale)
    except InvalidValue as error:
        raise InvalidValue(
            "option",
            f"invalid minimum rating {text!r}: expected a rating from 0 to {number(scale)}, "
            "such as 4 or 8/10; listing every rating",
        ) from error


def parse_year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text):  # \d would take other scripts' digits
        raise InvalidValue("option", f"invalid year {text!r}: expected a year such as 2024; listing every year")
    return int(text)


#: Each option: the :class:`Query` field it sets and how its text is read;
#: ``:min-rating:`` is read on the project's scale, so its parser is bound
#: when the directive runs (see :meth:`BookReviewListDirective.parsers`).
LIST_OPTIONS: dict[str, tuple[str, Callable[[str], object]]] = {
    "tags": ("tags", split_tags),
    "author": ("authors", split_names),
    "reviewer": ("reviewer", str),
    "series": ("series", str),
    "status": ("statuses", parse_statuses),
    "year": ("year", parse_year),
    "sort": ("sort", parse_sort),
    "limit": ("limit", partial(parse_count, what="limit", otherwise="listing every review")),
    "layout": ("layout", parse_layout),
    "columns": ("columns", parse_columns),
}


class BookReviewListDirective(CollectionDirective):
    option_spec: ClassVar[dict[str, object]] = option_spec([*LIST_OPTIONS, "min-rating"])

    def parsers(self) -> dict[str, tuple[str, Callable[[str], object]]]:
        scale = self.config.bookreview_rating_scale
        return {**LIST_OPTIONS, "min-rating": ("min_rating", partial(parse_min_rating, scale=scale))}

    def run(self) -> list[nodes.Node]:
        parsers = self.parsers()
        values: dict[str, object] = {}
        for name, raw in self.options.items():
            text = str(raw or "").strip()
            if name not in parsers:
                self.warn(name, f"unknown option :{name}: (ignored)")
                continue
            field, parse = parsers[name]
            try:
                values[field] = parse(text)
            except InvalidValue as error:
                self.warn(name, str(error))
        if values.get("series") and "sort" not in values:
            values["sort"] = "series"  # one series: in reading order unless :sort: says otherwise
        # Its document: LaTeX, Texinfo and singlehtml fill it in the root's
        # assembled doctree, and links are made from the page it is on.
        node = bookreview_list(query=Query(**values), refdoc=self.env.docname)  # type: ignore[arg-type]
        self.set_source_info(node)
        return [node]


# -- rendering ----------------------------------------------------------------


class Linker:
    """Links from a page to reviews and author and tag entries, made the
    way the domain resolves ``pending_xref`` nodes: at ``doctree-resolved``
    Sphinx's own resolution has already run."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app, self.docname = app, docname
        self.domain = BookDomain.of(app.env)

    def link(self, reftype: str, target: str, content: nodes.Element) -> nodes.Element:
        """``content`` linked to ``target``, or alone where this output has
        no page for it (singlehtml has no author pages; LaTeX none for a
        document in no toctree): see ``BookDomain.link``."""
        node = xref(reftype, target, content.astext())
        node["refdoc"] = self.docname
        found = self.domain.resolve_xref(self.app.env, self.docname, self.app.builder, reftype, target, node, content)
        return content if found is None else found

    # Each title, name and tag in its own writing direction (see card.isolated).
    def title(self, review: Review) -> nodes.Element:
        return isolated(self.link("review", review.id, nodes.emphasis(review.title, review.title)))

    def authors(self, review: Review) -> list[nodes.Node]:
        return joined(isolated(self.link("author", a, nodes.inline(a, a))) for a in review.authors)

    def tags(self, review: Review) -> list[nodes.Node]:
        return joined(isolated(self.link("tag", t, nodes.inline(t, t))) for t in review.tags)


class ListingRenderer:
    """Turns the selected reviews into the nodes of one layout."""

    #: The table cells that are more than their value as text.
    CELLS: ClassVar[dict[str, Callable[[ListingRenderer, Review], list[nodes.Node]]]] = {
        "title": lambda self, r: [self.links.title(r)],
        "author": lambda self, r: self.links.authors(r),
        "tags": lambda self, r: self.links.tags(r),
        "rating": lambda self, r: self.rating(r),
        "status": lambda self, r: [nodes.Text(status_label(r.status, r.format))],
        "series": lambda self, r: series_nodes(r) if r.series else [],
        "progress": lambda self, r: [nodes.Text(progress_text(r))] if r.progress else [],
        "verdict": lambda self, r: own_text(r.verdict_text),
        "reviewer": lambda self, r: own_text(r.reviewer),
    }

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app = app
        self.config = app.config
        self.links: Linker = Linker(app, docname)

    def render(self, query: Query) -> nodes.Element:
        reviews = query.select(self.links.domain.views.winners.values())
        wrapper = nodes.container(classes=["bookreview-list", f"bookreview-list-{query.layout}"])
        if not reviews:
            empty = _("No reviews to list.")
            wrapper += nodes.paragraph(empty, empty, classes=["bookreview-list-empty"])
        elif query.layout == "table":
            wrapper += self.table(reviews, query.columns)
        elif query.layout == "cards":
            wrapper += self.cards(reviews)
        else:
            wrapper += self.bullets(reviews)
        return wrapper

    def rating(self, review: Review) -> list[nodes.Node]:
        if review.rating is None:
            return []
        config = self.config
        return [
            rating_node(review.rating, config.bookreview_rating_scale, config.bookreview_rating_step, config.language)
        ]

    # -- list

    def bullets(self, reviews: list[Review]) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["bookreview-list-items"])
        for review in reviews:
            line = nodes.paragraph("", "", self.links.title(review))
            if review.authors:
                line += [nodes.Text(" — "), *self.links.authors(review)]
            if review.rating is not None:
                line += [nodes.Text(" "), *self.rating(review)]
            item = nodes.list_item("", line)
            if review.verdict_text:
                verdict = own_text(review.verdict_text)
                item += nodes.paragraph(review.verdict_text, "", *verdict, classes=["bookreview-list-verdict"])
            items += item
        return items

    # -- table

    def table(self, reviews: list[Review], columns: tuple[str, ...]) -> list[nodes.Node]:
        group = nodes.tgroup(cols=len(columns))
        group += [nodes.colspec(colwidth=self.width(c)) for c in columns]
        group += nodes.thead("", self.row([[nodes.Text(column_label(c))] for c in columns]))
        group += nodes.tbody("", *(self.row([self.cell(r, c) for c in columns]) for r in reviews))
        table = nodes.table("", group)
        if self.app.builder.format != "latex":
            return [table]
        return sized_table(table, self.latex_colspec(reviews, columns))

    def width(self, column: str) -> int:
        """The column's width in characters; the rating's fits its widest
        text form, stars and number (``★★★★½ (4.5/5)``), on the project's scale."""
        if column != "rating":
            return COLUMN_WIDTHS.get(column, 10)
        return self.stars + 1 + max(map(len, self.rating_numbers))

    @cached_property
    def stars(self) -> int:
        return math.ceil(float(self.config.bookreview_rating_scale))

    @cached_property
    def rating_numbers(self) -> list[str]:
        """Every number a rating shows after its stars: ``(4.5/5)``, one per step of the scale."""
        scale, step = self.config.bookreview_rating_scale, self.config.bookreview_rating_step
        shown = partial(shown_number, language=self.config.language)
        return [f"({shown(round(n * step, 6))}/{shown(scale)})" for n in range(int(scale / step + 1e-9) + 1)]

    def latex_colspec(self, reviews: list[Review], columns: tuple[str, ...]) -> str:
        """Unbroken columns as wide as their widest word (the rating: its
        widest form), heading included; the others share the line as the
        text builder's widths do, each at least as wide as its heading's words."""
        specs = []
        for column in columns:
            least = max(map(text_em, column_label(column).split()))
            if column == "rating":
                wide, folded = rating_em(self.stars, self.rating_numbers)
                specs.append(Column(self.width(column), least, max(wide, least), max(folded, least)))
            elif column in UNBROKEN:
                texts = [nodes.Element("", *self.cell(review, column)).astext() for review in reviews]
                widest = max([least, *(text_em(word) for text in texts for word in text.split())])
                specs.append(Column(self.width(column), least, widest, widest))
            else:
                specs.append(Column(self.width(column), least))
        return table_colspec(specs)

    @staticmethod
    def row(cells: list[list[nodes.Node]]) -> nodes.row:
        return nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in cells))

    def cell(self, review: Review, column: str) -> list[nodes.Node]:
        if column in self.CELLS:
            return self.CELLS[column](self, review)
        value = getattr(review, column)
        return [nodes.Text(str(value))] if value else []

    # -- cards

    def cards(self, reviews: list[Review]) -> nodes.container:
        if "sphinx_design" not in self.app.extensions:
            return nodes.container("", *(self.card(r) for r in reviews), classes=["bookreview-cards"])
        row = design_row(design_item(design_card(self.card(r))) for r in reviews)
        classes = ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4", "bookreview-cards"]
        return nodes.container("", row, classes=classes, is_div=True, design_component="grid-container")

    def card(self, review: Review) -> nodes.container:
        """Cover, title, authors, rating and verdict."""
        card = nodes.container(classes=["bookreview-cards-item"])
        cover = self.cover(review)
        if cover is not None:
            card += cover
        card += nodes.paragraph("", "", self.links.title(review), classes=["bookreview-cards-title"])
        if review.authors:
            card += nodes.paragraph("", "", *self.links.authors(review), classes=["bookreview-cards-authors"])
        if review.rating is not None:
            card += nodes.paragraph("", "", *self.rating(review), classes=["bookreview-cards-rating"])
        if review.verdict_text:
            verdict = own_text(review.verdict_text)
            card += nodes.paragraph(review.verdict_text, "", *verdict, classes=["bookreview-cards-verdict"])
        return card

    def cover(self, review: Review) -> bookreview_cover_url | None:
        """The cover, in HTML only (a grid of covers is an HTML idea): a
        remote one by its URL, a local one as the copy that the review's own
        page brings to the output, or its resized copies where the builder
        shows those. Builders that cannot show it drop it
        (:func:`sphinx_bookreview.covers.drop_unshowable_covers`)."""
        if not review.cover or self.app.builder.format != "html":
            return None
        atts: dict[str, Any] = {"alt": _("Cover of %s") % review.title, "classes": ["bookreview-cards-cover"]}
        if is_url(review.cover):
            return bookreview_cover_url(uri=review.cover, **atts)
        copies = cover_node(self.app.builder, review.cover, "listing", **atts)
        if copies is not None:
            return copies
        name = copied_name(self.app.env, review.cover)
        if name is None or not self.links.domain.in_output(self.app.builder, review.docname):
            return None  # no copy where the output has not the review's page
        cover = bookreview_cover_url(image=name, **atts)
        size = cover_size(self.app.env.srcdir, review.cover)
        if size:
            cover["intrinsic-width"], cover["intrinsic-height"] = size
        return cover


def design_card(card: nodes.container) -> nodes.container:
    """A plain card given sphinx-design's classes, whose CSS then draws it:
    the cover on top, the title and the rest of the text in the card's body."""
    card["classes"] += ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "sd-w-100"]
    card.update_all_atts({"is_div": True, "design_component": "card"})
    for cover in card.findall(bookreview_cover_url):
        cover["classes"].append("sd-card-img-top")
    title, *text = paragraphs = [child for child in card.children if isinstance(child, nodes.paragraph)]
    title["classes"] += ["sd-card-title", "sd-font-weight-bold"]
    for paragraph in text:
        paragraph["classes"].append("sd-card-text")
    for paragraph in paragraphs:
        card.remove(paragraph)
    card += nodes.container("", *paragraphs, classes=["sd-card-body"], is_div=True, design_component="card-body")
    return card


def design_row(items: Iterable[nodes.container]) -> nodes.container:
    """sphinx-design's grid row: one column on phones up to four on wide screens."""
    columns = ["sd-row-cols-1", "sd-row-cols-xs-1", "sd-row-cols-sm-2", "sd-row-cols-md-3", "sd-row-cols-lg-4"]
    return nodes.container("", *items, classes=["sd-row", *columns, "sd-g-3"], is_div=True, design_component="grid-row")


def design_item(card: nodes.container) -> nodes.container:
    return nodes.container("", card, classes=["sd-col", "sd-d-flex-row"], is_div=True, design_component="grid-item")


def column_label(column: str) -> str:
    return {
        "title": _("Title"), "author": _("Author"), "rating": _("Rating"), "date": _("Review date"),
        "published": _("Published"), "finished": _("Finished"), "year": _("Year"), "status": _("Status"),
        "tags": _("Tags"), "reviewer": _("Reviewed by"), "pages": _("Pages"), "verdict": _("Verdict"),
        "series": _("Series"), "progress": _("Progress"),
    }[column]  # fmt: skip


def fill_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace every placeholder by its listing, now that all is read."""
    if not BookDomain.of(app.env).may_show_collection(app.builder, docname):
        return
    for node in list(doctree.findall(bookreview_list)):
        listing = ListingRenderer(app, node.get("refdoc", docname)).render(node["query"])
        listing.source, listing.line = node.source, node.line
        node.replace_self(listing)


def setup_listing(app: Sphinx) -> None:
    app.add_directive("bookreview-list", BookReviewListDirective)
    app.connect("doctree-resolved", fill_listings)
