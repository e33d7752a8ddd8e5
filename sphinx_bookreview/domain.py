"""The ``book`` domain: every review's record, cross-references, indices.

State is plain data in ``self.data`` keyed by document, so ``clear_doc``
and ``merge_domaindata`` are a few lines each and ``-j`` and incremental
builds stay right. What spans documents (which review owns an id, the
newest review of an ISBN, the books of an author) is derived from the
records by one :class:`Views` object, built when first asked and dropped
whole whenever the records change; nothing derived is stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import html
import re
import sys
import urllib.parse
from collections import defaultdict
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.errors import NoUri
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_bookreview.model import author_order, compact_isbn, isbn_url, round_to_step
from sphinx_bookreview.nodes import bookreview, bookreview_collection
from sphinx_bookreview.rating import spoken
from sphinx_bookreview.roles import BookXRefRole, xref_classes

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Set

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_bookreview.model import Review

_ = get_translation("sphinx_bookreview")
__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

#: Index names; their pages are ``book-author.html`` and so on.
AUTHOR_INDEX, TAG_INDEX, RATING_INDEX = "author", "tag", "rating"
#: Builders that add documents to an assembled doctree beyond its toctrees.
APPENDING_BUILDERS = frozenset({"latex", "texinfo"})
#: The ``(reftype, target)`` the domain notes for a page that shows the
#: whole collection (a listing, the stats); any change to any review makes
#: it stale.
COLLECTION_REFERENCE = ("listing", "")
#: The object types, each a kind of link target.
TYPES = ("review", "author", "tag")


def index_anchor(key: str) -> str:
    """The anchor of a group on a domain index page.

    Sphinx's ``domainindex.html`` gives each group the id ``cap-<heading>``;
    our headings are authors and tags, so their names become the anchor,
    with no-break spaces (an HTML id may hold no ASCII space) and
    percent-encoded, so it is a valid URL fragment and ``objects.inv``
    field that browsers decode back to the id.
    """
    return "cap-" + urllib.parse.quote(unspaced(key), safe="")


def search_anchor(review_id: str) -> str:
    """The review's anchor in ``objects.inv`` and Sphinx's search index:
    the second id of the review's element (see
    :class:`sphinx_bookreview.directive.ReviewIds`).

    Not the review id itself, nor ``review-<id>``: Sphinx's search index
    stores those two as "the object's name" (an empty anchor, or ``-``),
    and its ``searchtools.js`` then rebuilds the anchor from the name it
    shows, the review's title, linking to ``#The Mythical Man-Month``,
    which no page has. The double hyphen keeps it clear of every other
    id: docutils and Sphinx make ids from names by turning each run of
    other characters into one hyphen, so neither a heading's or label's
    id nor a review id (which must be such an id) can hold two in a row.
    """
    return f"bookreview--{review_id}"


def unspaced(text: str) -> str:
    return re.sub(r"\s", "\u00a0", text)


def one_page_uri(uri: str, anchor: str, page: str = "") -> str:
    """``uri`` (to ``anchor``) as a link that works in singlehtml, where a
    document's URI is already an anchor (``#document-x``): Sphinx 9 no
    longer trims the ``#document-x#id`` it makes there to ``#id``, and
    browsers cannot follow it. ``page`` is the one page's URL, for a link
    from outside it."""
    return f"{page}#{anchor}" if uri.startswith("#document-") else uri


def refnode(
    builder: Builder, fromdocname: str, todocname: str, anchor: str, child: nodes.Node, title: str
) -> nodes.reference:
    """``make_refnode`` that also works in singlehtml (see :func:`one_page_uri`).

    Raises :class:`~sphinx.errors.NoUri` where the output has no page for
    ``todocname``, as ``make_refnode`` does for LaTeX and Texinfo (a
    document in no toctree), also for singlehtml's one page, which holds
    only the documents its toctrees reach. Sphinx's resolver then shows
    the link's text alone; our other callers do the same.
    """
    if not BookDomain.of(builder.env).in_output(builder, todocname):
        raise NoUri(todocname, None)
    node = make_refnode(builder, fromdocname, todocname, anchor, child, title)
    if "refuri" in node:
        node["refuri"] = one_page_uri(node["refuri"], anchor)
    return node


def review_uri(builder: Builder, fromdocname: str | None, review: Review) -> str:
    """The URI of a review's anchor from ``fromdocname``'s page, or with
    ``None`` from the output root (where singlehtml's one page is the root
    document's).

    Only HTML builders call it, for reviews in their output: they raise no
    :class:`~sphinx.errors.NoUri` (only LaTeX and Texinfo do).
    """
    if fromdocname is None:
        uri = builder.get_target_uri(review.docname)
        page = builder.config.root_doc + getattr(builder, "out_suffix", "")  # only HTML builders have one
    else:
        uri = builder.get_relative_uri(fromdocname, review.docname)
        page = ""
    return one_page_uri(f"{uri}#{review.id}", review.id, page)


class Views:
    """What the records say once put together, of the reviews this build's
    builder shows (``.. only::``): each view is built from the stored
    records when first asked, and the domain drops this whole object
    whenever they change (:meth:`BookDomain.forget_derived`). A new view is
    one more cached property here, and can never go stale."""

    def __init__(
        self, reviews_by_doc: dict[str, list[Review]], references: dict[str, set[tuple[str, str]]],
        shown: Callable[[Review], bool],
    ) -> None:  # fmt: skip
        self.reviews_by_doc = reviews_by_doc
        self.references = references
        #: Whether the builder shows a review (see BookDomain.shows).
        self.shown = shown

    @functools.cached_property
    def collection_pages(self) -> frozenset[str]:
        """The documents holding a listing or statistics placeholder."""
        return frozenset(d for d, links in self.references.items() if COLLECTION_REFERENCE in links)

    @functools.cached_property
    def every_review(self) -> list[Review]:
        """Every record, by document, the ones this builder leaves out too."""
        return [r for docname in sorted(self.reviews_by_doc) for r in self.reviews_by_doc[docname]]

    @functools.cached_property
    def all_reviews(self) -> list[Review]:
        """Every review this builder shows: every view below is made of these."""
        return [r for r in self.every_review if self.shown(r)]

    @functools.cached_property
    def left_out(self) -> dict[tuple[str, str], str]:
        """The links that lead nowhere only because this builder leaves
        their reviews out (``.. only::``), to their ids, authors and tags,
        with the title a link shows."""
        hidden = [r for r in self.every_review if not self.shown(r)]
        links = {("review", r.id): r.title for r in hidden}
        links.update((("author", a), a) for r in hidden for a in r.authors)
        links.update((("tag", t), t) for r in hidden for t in r.tags)
        found: dict[str, Mapping[str, object]] = {"review": self.winners, "author": self.by_author, "tag": self.by_tag}
        return {link: title for link, title in links.items() if link[1] not in found[link[0]]}

    @functools.cached_property
    def winners(self) -> dict[str, Review]:
        """Each id's review: the first by document name (then position),
        whatever order the documents were read in."""
        owners: dict[str, Review] = {}
        for review in self.all_reviews:
            owners.setdefault(review.id, review)
        return dict(sorted(owners.items()))

    @functools.cached_property
    def losers(self) -> list[Review]:
        return [r for r in self.all_reviews if self.winners[r.id] is not r]

    @functools.cached_property
    def by_isbn(self) -> dict[str, Review]:
        """The newest review of each ISBN (by its day, ties by id)."""
        newest: dict[str, Review] = {}
        for review in sorted(self.winners.values(), key=lambda r: (r.day, r.id)):
            if review.isbn:
                newest[review.isbn_digits] = review
        return newest

    @functools.cached_property
    def by_author(self) -> dict[str, list[Review]]:
        """The reviews of each author, authors by family name (see
        :func:`~sphinx_bookreview.model.author_order`)."""
        return self._grouped(lambda review: review.authors, author_order)

    @functools.cached_property
    def by_tag(self) -> dict[str, list[Review]]:
        return self._grouped(lambda review: review.tags, str.casefold)

    def _grouped(
        self, keys: Callable[[Review], tuple[str, ...]], order: Callable[[str], object]
    ) -> dict[str, list[Review]]:
        groups: dict[str, list[Review]] = defaultdict(list)
        for review in sorted(self.winners.values(), key=lambda r: (r.title.casefold(), r.id)):
            for key in keys(review):
                groups[key].append(review)
        return dict(sorted(groups.items(), key=lambda item: (order(item[0]), item[0])))

    @functools.cached_property
    def rated(self) -> list[Review]:
        """The reviews with a rating, best first, then by title and id."""
        rated = [r for r in self.winners.values() if r.rating is not None]
        return sorted(rated, key=lambda r: (-(r.rating or 0), r.title.casefold(), r.id))

    @functools.cached_property
    def newest_first(self) -> list[Review]:
        """Every review, newest first by its day (``:date:``, else
        ``:finished:``), ties by id."""
        return sorted(sorted(self.winners.values(), key=lambda r: r.id), key=lambda r: r.day, reverse=True)

    @functools.cached_property
    def review_pages(self) -> dict[str, tuple[Review | None, Review | None]]:
        """Each page holding reviews, oldest first, with the first review of
        the page before and after it: the theme's previous/next links."""
        firsts: dict[str, Review] = {}
        for review in reversed(self.newest_first):
            firsts.setdefault(review.docname, review)
        order = list(firsts.values())
        return {
            review.docname: (order[n - 1] if n else None, order[n + 1] if n + 1 < len(order) else None)
            for n, review in enumerate(order)
        }

    @functools.cached_property
    def index_names(self) -> frozenset[str]:
        """The names of the domain indices that have entries (Sphinx writes
        no page for an empty one)."""
        entries = {AUTHOR_INDEX: self.by_author, TAG_INDEX: self.by_tag, RATING_INDEX: self.rated}
        return frozenset(name for name, found in entries.items() if found)


class BookDomain(Domain):
    name = "book"
    label = "Book reviews"
    object_types: ClassVar[dict[str, ObjType]] = {
        "review": ObjType("review", "review", "book"),
        "author": ObjType("author", "author", "book-author"),
        "tag": ObjType("tag", "tag", "book-tag"),
    }
    roles: ClassVar[dict[str, Any]] = {
        "review": BookXRefRole("review"),
        "author": BookXRefRole("author"),
        "tag": BookXRefRole("tag"),
    }
    # What is stored changes shape only with the extension's env_version
    # (extension.py), which makes Sphinx read everything afresh.
    initial_data: ClassVar[dict[str, Any]] = {
        "reviews": {},  # docname -> list of Review records, in document order
        "references": {},  # docname -> set of (reftype, target) it links to
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._views: Views | None = None
        self._one_page: frozenset[str] | None = None
        #: This build's builder: which reviews it shows depends on its tags.
        self.builder: Builder | None = None
        #: What pages showed of other documents' reviews before this build
        #: read anything, by whoever shows it (see :mod:`.freshness`).
        self.snapshots: dict[str, Mapping[Hashable, object]] = {}

    @classmethod
    def of(cls, env: BuildEnvironment) -> BookDomain:
        """The environment's ``book`` domain, typed."""
        return env.get_domain(cls.name)  # type: ignore[return-value]

    # -- stored state ----------------------------------------------------

    @property
    def reviews_by_doc(self) -> dict[str, list[Review]]:
        return self.data["reviews"]  # type: ignore[no-any-return]

    @property
    def references(self) -> dict[str, set[tuple[str, str]]]:
        return self.data["references"]  # type: ignore[no-any-return]

    def note_review(self, review: Review) -> None:
        self.reviews_by_doc.setdefault(review.docname, []).append(review)
        self.forget_derived()

    def replace_review(self, old: Review, new: Review) -> None:
        """Put ``new`` in the place of the record ``old`` (translated, see
        :mod:`sphinx_bookreview.translation`)."""
        records = self.reviews_by_doc[old.docname]
        records[next(n for n, record in enumerate(records) if record is old)] = new
        self.forget_derived()

    def clear_doc(self, docname: str) -> None:
        self.reviews_by_doc.pop(docname, None)
        self.references.pop(docname, None)
        self.forget_derived()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("reviews", "references"):
            self.data[key].update((d, v) for d, v in otherdata[key].items() if d in docnames)
        self.forget_derived()

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        self.note_conditions(docname, document)
        self.note_links(docname, document)

    def note_conditions(self, docname: str, document: nodes.document) -> None:
        """Note in each record the expressions of the ``.. only::`` blocks
        around the review, outermost first. Known only now: a block's nodes
        join the document when the block ends (also in MyST, whose
        directives see no parent node)."""
        found = {}
        for node in document.findall(bookreview):
            conditions = [a["expr"] for a in ancestors(node) if isinstance(a, addnodes.only)]
            if conditions:
                found[node["review-id"], node.line] = tuple(reversed(conditions))
        if found:
            self.reviews_by_doc[docname] = [
                dataclasses.replace(r, only=found.get((r.id, r.lineno), ())) for r in self.records_in(docname)
            ]
            self.forget_derived()

    def note_links(self, docname: str, document: nodes.document) -> None:
        """Remember what the document links to, so that it is rewritten
        when those reviews change (see :mod:`sphinx_bookreview.freshness`)."""
        # Targets interned: many pages link to one review, and pickle then
        # stores its id once in environment.pickle.
        links, labels = set(), index_labels()
        for node in document.findall(addnodes.pending_xref):
            if node.get("refdomain") == "book":
                links.add((node["reftype"], sys.intern(node["reftarget"])))
            elif node.get("reftarget") in labels:  # :ref: or :any: to an index page, written or not
                links.add(("index", node["reftarget"]))
        if next(document.findall(bookreview_collection), None) is not None:
            links.add(COLLECTION_REFERENCE)  # listings and stats show every review
        links -= self.implied_links(docname)
        if links:
            self.references[docname] = links
            self.forget_derived()

    def implied_links(self, docname: str) -> set[tuple[str, str]]:
        """The links of the document's own cards to their authors and tags:
        the records say them, so they are not stored twice."""
        own = self.records_in(docname)
        return {("author", a) for r in own for a in r.authors} | {("tag", t) for r in own for t in r.tags}

    def links_of(self, docname: str) -> set[tuple[str, str]]:
        """Every ``(reftype, target)`` the document links to."""
        return self.references.get(docname, set()) | self.implied_links(docname)

    def records_in(self, docname: str) -> list[Review]:
        """The document's records, in document order."""
        return self.reviews_by_doc.get(docname, [])

    def reviews_in(self, docname: str) -> list[Review]:
        """The document's reviews that this build's builder shows."""
        return [r for r in self.records_in(docname) if self.shows(r)]

    def shows(self, review: Review) -> bool:
        """Whether this build's builder shows the review: its tags satisfy
        the expression of every ``.. only::`` block around it. Listings,
        indices, links, the catalogue, the feed and the theme leave out
        the others, whose card Sphinx drops when it writes."""
        return all(self.condition(expression) for expression in review.only)

    def condition(self, expression: str) -> bool:
        if self.builder is None:
            return True
        try:
            return self.builder.tags.eval_condition(expression)
        except Exception:  # what Sphinx catches here: it keeps the block, and warns
            return True

    def use_builder(self, builder: Builder) -> None:
        self.builder = builder
        self.forget_derived()

    # -- derived ---------------------------------------------------------

    @property
    def views(self) -> Views:
        """The views of the records as they are now."""
        if self._views is None:
            self._views = Views(self.reviews_by_doc, self.references, self.shows)
        return self._views

    def forget_derived(self) -> None:
        self._views = None
        self._one_page = None

    # The theme's names for two views.
    @property
    def newest_first(self) -> list[Review]:
        """Every review, newest first, that has a page in this output."""
        builder = self.builder
        return [r for r in self.views.newest_first if builder is None or self.in_output(builder, r.docname)]

    @property
    def review_pages(self) -> dict[str, tuple[Review | None, Review | None]]:
        return self.views.review_pages

    def in_output(self, builder: Builder, docname: str) -> bool:
        """Whether the builder's output has a page, or a part of its one
        page, for ``docname``. singlehtml's page holds the documents that
        its toctrees reach from the root document, no ``:orphan:`` one."""
        if builder.name != "singlehtml":
            return True
        if self._one_page is None:
            self._one_page = frozenset(self.toctree_reach(self.env.config.root_doc))
        return docname in self._one_page

    def published(self, builder: Builder) -> list[Review]:
        """The reviews with their id and a page in the builder's output, by
        id: what the catalogue and the feed list."""
        return [r for r in self.views.winners.values() if self.in_output(builder, r.docname)]

    def toctree_reach(self, docname: str) -> Iterator[str]:
        """``docname`` and every document its toctrees include, at any depth."""
        includes, seen, todo = self.env.toctree_includes, set(), [docname]
        while todo:
            doc = todo.pop()
            if doc not in seen:
                seen.add(doc)
                todo.extend(includes.get(doc, ()))
                yield doc

    def may_show_collection(self, builder: Builder, docname: str) -> bool:
        """Whether the doctree resolved for ``docname`` can hold a listing or
        statistics placeholder, so that the handlers filling them search
        only those doctrees, not every page's.

        It can when the document holds one, or one of the documents that
        builders assembling a single doctree (singlehtml, LaTeX, Texinfo,
        man) inline through its toctrees does. LaTeX and Texinfo also append
        appendices, found in no toctree; they resolve one doctree per output
        file, so theirs are always searched.
        """
        holders = self.views.collection_pages
        if not holders:
            return False
        if builder.name in APPENDING_BUILDERS:
            return True
        return any(doc in holders for doc in self.toctree_reach(docname))

    # -- checks, objects and links --------------------------------------------

    def check_consistency(self) -> None:
        for review in self.views.losers:
            owner = self.views.winners[review.id]
            logger.warning(
                __("duplicate review id %r: already used by %r in %s; this review cannot be linked to"),
                review.id, owner.title, owner.docname,
                location=review_location(review), type="bookreview", subtype="duplicate",
            )  # fmt: skip

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for review in self.views.winners.values():
            yield review.id, review.title, "review", review.docname, search_anchor(review.id), 1
        # Authors and tags live on their index pages: none where none is written.
        pages = self.index_pages(self.builder) if self.builder else {f"{self.name}-{n}" for n in self.views.index_names}
        if f"{self.name}-{AUTHOR_INDEX}" in pages:
            for author in self.views.by_author:
                yield author, author, "author", f"{self.name}-{AUTHOR_INDEX}", index_anchor(author), 1
        if f"{self.name}-{TAG_INDEX}" in pages:
            for tag in self.views.by_tag:
                yield tag, tag, "tag", f"{self.name}-{TAG_INDEX}", index_anchor(tag), 1

    def resolve_xref(  # type: ignore[override]
        self, env: BuildEnvironment, fromdocname: str, builder: Builder,
        typ: str, target: str, node: pending_xref, contnode: nodes.Element,
    ) -> nodes.Element | None:  # fmt: skip
        # Sphinx 9 narrows the return type to ``reference``; any element
        # works, and a plain text node is what a link without a page is.
        if typ == "isbn":
            return self.resolve_isbn(env, fromdocname, builder, target, contnode)
        found = self.find(typ, target)
        title = found[2] if found else self.views.left_out.get((typ, target))
        if title is None:
            return None  # intersphinx may know it; else warn_missing_reference
        if builder.format == "html" and not contnode["classes"]:
            # The links the card and listings make get the classes the
            # roles' links have from Sphinx (xref book book-author), in
            # HTML only: Sphinx's text writer stars the text of any xref.
            contnode["classes"] = xref_classes(typ)
        if typ == "review" and not node.get("refexplicit"):
            contnode = nodes.emphasis(title, title, classes=contnode["classes"])
        # A review this builder leaves out is its text, with no warning.
        return self.link(builder, fromdocname, found, contnode) if found else contnode

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder,
        target: str, node: pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:  # fmt: skip
        results = []
        for typ in TYPES:
            found = self.find(typ, target)
            if found or (typ, target) in self.views.left_out:
                # A text node where there is no page: see resolve_xref.
                shown = self.link(builder, fromdocname, found, contnode) if found else contnode
                results.append((f"book:{typ}", cast("nodes.reference", shown)))
        return results

    def link(
        self, builder: Builder, fromdocname: str, found: tuple[str, str, str], contnode: nodes.Element
    ) -> nodes.Element:
        """``contnode`` linked to what :meth:`find` found, or alone where
        the output has no page for it: no index page (singlehtml, or
        ``html_domain_indices``), or no page for the review's document
        (:class:`~sphinx.errors.NoUri`: see :func:`refnode`), as Sphinx's
        resolver shows a link without a page."""
        docname, anchor, title = found
        if docname.startswith(f"{self.name}-") and docname not in self.index_pages(builder):
            return contnode
        try:
            return refnode(builder, fromdocname, docname, anchor, contnode, title)
        except NoUri:
            return contnode

    def find(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """``(docname, anchor, title)`` of a review, author or tag entry."""
        views = self.views
        if typ == "review" and target in views.winners:
            review = views.winners[target]
            return review.docname, review.id, review.title
        groups = {"author": (views.by_author, AUTHOR_INDEX), "tag": (views.by_tag, TAG_INDEX)}
        if typ in groups and target in groups[typ][0]:
            return f"{self.name}-{groups[typ][1]}", index_anchor(target), target
        return None

    def resolve_isbn(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, isbn: str, contnode: nodes.Element
    ) -> nodes.Element:
        """This project's newest review of the book, else (also where the
        output has no page for it) the ISBN URL."""
        review = self.views.by_isbn.get(compact_isbn(isbn))
        if review:
            with contextlib.suppress(NoUri):
                return refnode(builder, fromdocname, review.docname, review.id, contnode, review.title)
        template = env.config.bookreview_isbn_url
        if template:
            return nodes.reference("", "", contnode, refuri=isbn_url(template, isbn), internal=False)
        return contnode

    @staticmethod
    def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
        """Our own located, typed warning for a link nothing resolved, not
        even intersphinx. ``quiet`` links (see ``card.xref``) stay silent.
        Others are Sphinx's to warn about; an ``:any:`` link has no domain."""
        if domain is None or domain.name != BookDomain.name:
            return None
        if not node.get("quiet"):
            what = {"review": "review id", "author": "author", "tag": "tag"}.get(node["reftype"], node["reftype"])
            hint = cast("BookDomain", domain).title_hint(node["reftarget"]) if node["reftype"] == "review" else ""
            logger.warning(
                __("unknown %s %r%s"), what, node["reftarget"], hint, location=node, type="bookreview", subtype="ref"
            )
        return True

    def title_hint(self, target: str) -> str:
        """For a review link to a review's title, not its id, the id: a
        title docutils makes no id of (``三体``) gets one nobody can guess
        (``book-`` and a digest, see :func:`~sphinx_bookreview.model.review_id`)."""
        ids = [review.id for review in self.views.winners.values() if review.title == target]
        if len(ids) > 1:
            return __(" (the reviews titled %r have the ids %s)") % (target, ", ".join(map(repr, ids)))
        return __(" (the review titled %r has the id %r)") % (target, ids[0]) if ids else ""

    @staticmethod
    def index_pages(builder: Builder) -> set[str]:
        """The domain index pages this builder writes (``book-author`` …).

        HTML builders with a page per document write each index with
        entries that ``html_domain_indices`` chooses (singlehtml writes
        none); ``tests/test_domain.py`` checks this against the builder's
        own list on Sphinx 7.4 and the newest.
        """
        chosen = builder.config.html_domain_indices
        if not isinstance(builder, StandaloneHTMLBuilder) or builder.name == "singlehtml" or not chosen:
            return set()
        domain = BookDomain.of(builder.env)
        written = {f"{domain.name}-{name}" for name in domain.views.index_names}
        return written if chosen is True else written & set(chosen)


def index_labels() -> dict[str, str]:
    """The labels Sphinx gives the domain's index pages (``book-author``
    …), with their titles."""
    return {f"{BookDomain.name}-{index.name}": str(index.localname) for index in BookDomain.indices}


def drop_unwritten_index_labels(app: Sphinx, env: BuildEnvironment) -> None:
    """Sphinx labels every domain index for ``:ref:`` (``Domain.setup``,
    on every build), whether or not the builder writes a page for it: in
    a project with no review yet, under singlehtml or LaTeX, or when
    ``html_domain_indices`` leaves ours out, ``:ref:`book-author``` led to
    a page never written, and ``objects.inv`` listed it. After reading,
    the labels of the pages this build does not write are dropped (the
    standard domain's own ``clear_doc`` for the index's page name): links
    to them are then their text (:func:`index_label_text`)."""
    standard = env.get_domain("std")
    written = BookDomain.index_pages(app.builder)
    for label in index_labels():
        if label not in written:
            standard.clear_doc(label)


def index_label_text(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """A ``:ref:`` (or ``:any:``) link to an index page this build does
    not write: its text (the index's title unless the link gives one),
    with no warning, as Sphinx shows a link to a document LaTeX has not."""
    title = index_labels().get(node["reftarget"])
    if title is None or node["reftype"] not in ("ref", "any") or node.get("refdomain", "") not in ("std", ""):
        return None
    return contnode if node.get("refexplicit") else nodes.inline(title, title, classes=contnode["classes"])


def ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def note_builder(app: Sphinx) -> None:
    BookDomain.of(app.env).use_builder(app.builder)


def review_location(review: Review) -> str | tuple[str, int]:
    """Where the review is written: its included file, else its document."""
    return f"{review.source}:{review.lineno}" if review.source else (review.docname, review.lineno)


# -- indices ---------------------------------------------------------------


class Translated:
    """A class attribute translated each time it is read, as a plain
    ``str``: Sphinx reads index names at write time, when the project's
    language is set, and the JSON builder cannot serialise lazy strings."""

    def __init__(self, message: Callable[[], str]) -> None:
        self.message = message

    def __get__(self, instance: object, owner: type) -> str:
        return str(self.message())


class GroupIndex(Index):
    """Reviews grouped under a heading per author or tag, each heading's
    anchor the one :func:`index_anchor` links to."""

    #: The domain's view that groups the reviews (``by_author``, ``by_tag``;
    #: see :class:`Views`).
    grouping: ClassVar[str]

    @property
    def views(self) -> Views:
        return cast("BookDomain", self.domain).views

    def groups(self) -> dict[str, list[Review]]:
        return getattr(self.views, self.grouping)  # type: ignore[no-any-return]

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        content = []
        for key, reviews in self.groups().items():
            entries = [self.entry(review) for review in reviews if docnames is None or review.docname in docnames]
            if entries:
                content.append((key, entries))  # HTML escapes it: see escape_index_headings
        return content, False

    @staticmethod
    def entry(review: Review) -> IndexEntry:
        year = review.published[:4]
        return IndexEntry(review.title, 0, review.docname, review.id, year, "", review.verdict_text)


class AuthorIndex(GroupIndex):
    name, grouping = AUTHOR_INDEX, "by_author"
    localname = Translated(lambda: _("Reviews by author"))
    shortname = Translated(lambda: _("authors"))


class TagIndex(GroupIndex):
    name, grouping = TAG_INDEX, "by_tag"
    localname = Translated(lambda: _("Reviews by tag"))
    shortname = Translated(lambda: _("tags"))


class RatingIndex(GroupIndex):
    name = RATING_INDEX
    localname = Translated(lambda: _("Reviews by rating"))
    shortname = Translated(lambda: _("ratings"))

    def groups(self) -> dict[str, list[Review]]:
        config = self.domain.env.config
        scale, step = config.bookreview_rating_scale, config.bookreview_rating_step
        groups: dict[str, list[Review]] = defaultdict(list)
        for review in self.views.rated:
            groups[spoken(round_to_step(review.rating or 0, step), scale, config.language)].append(review)
        return groups


def escape_index_headings(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """HTML-escape the headings of our index pages: Sphinx's
    ``domainindex.html`` writes each heading unescaped, also as the group's
    id (see :func:`index_anchor`, hence the no-break spaces). LaTeX and
    Texinfo escape index headings themselves."""
    if templatename == "domainindex.html" and pagename.startswith(f"{BookDomain.name}-") and "content" in context:
        context["content"] = [(html.escape(unspaced(heading)), entries) for heading, entries in context["content"]]


BookDomain.indices = [AuthorIndex, TagIndex, RatingIndex]


def setup_domain(app: Sphinx) -> None:
    app.add_domain(BookDomain)
    app.connect("builder-inited", note_builder)
    app.connect("warn-missing-reference", BookDomain.warn_missing_reference)
    app.connect("env-updated", drop_unwritten_index_labels)
    # Before intersphinx (500): the label names this project's index.
    app.connect("missing-reference", index_label_text, priority=400)
    app.connect("html-page-context", escape_index_headings)
