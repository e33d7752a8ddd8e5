"""The ``bookreview`` directive: option text in, record and nodes out."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from sphinx_bookreview.card import CardBuilder
from sphinx_bookreview.covers import cover_size
from sphinx_bookreview.domain import BookDomain, search_anchor
from sphinx_bookreview.model import OPTIONS, Problem, Review, is_url, parse_review
from sphinx_bookreview.nodes import bookreview
from sphinx_bookreview.shared import option_line, option_spec, parse_content, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation("sphinx_bookreview")

#: What no output can hold: HTML and XML refuse control characters but tab
#: and line breaks (XML a form feed too), and Unicode's noncharacters; lxml
#: will not write them, LaTeX cannot typeset them.
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def printable(text: str) -> str:
    """``text`` without the characters no output can hold."""
    return UNPRINTABLE.sub("", text)


class BookReviewDirective(SphinxDirective):
    # The title is checked by hand: a missing one must be a warning, not
    # the docutils error that drops the review.
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    # Unknown options too: the model reports each as one warning.
    option_spec: ClassVar[dict[str, object]] = option_spec(OPTIONS)  # type: ignore[assignment]

    def run(self) -> list[nodes.Node]:
        # Left out once here, so that every output shows the same values.
        title = printable(self.arguments[0]) if self.arguments else ""
        if not title.strip():
            self.report(Problem("option", "a review needs a title: the directive's argument"))
            title = _("Untitled review")
        review, problems = parse_review(
            title,
            {name: printable(str(value or "")) for name, value in self.options.items()},
            quick_keys=tuple(key for key, _question in self.config.bookreview_quick_review),
            rating_scale=self.config.bookreview_rating_scale,
            default_reviewer=self.config.bookreview_default_reviewer or project_author(self.config),
            cover_url=self.config.bookreview_cover_url,
        )
        for problem in problems:
            self.report(problem)
        source, line = self.where()
        own = source == str(self.env.doc2path(self.env.docname))
        review = dataclasses.replace(
            review, docname=self.env.docname, lineno=line, source="" if own else source, cover=self.cover(review)
        )
        # parse_inline wants the line in docutils' input, which counts the
        # lines of included files too; messages then name the right file.
        inline = functools.partial(self.parse_inline, lineno=self.lineno)
        builder = CardBuilder(
            review, self.config, (source, line), inline, cover_size(self.env.srcdir, review.cover),
            rereview_where=option_line(self, "rereview-of") if review.rereview_of else None,
        )  # fmt: skip
        self.domain.note_review(builder.review)  # with the verdict's text, which the builder parsed
        body = parse_content(self) if self.content else []
        root = builder.build(body)
        self.set_source_info(root)
        return [root]

    @property
    def domain(self) -> BookDomain:
        return BookDomain.of(self.env)

    def where(self) -> tuple[str, int]:
        """The file the review is written in (an included one too, which
        docutils names relative to the working directory) and its line there."""
        source, line = self.get_source_info()
        # abspath, not resolve(): Sphinx's own paths keep their symlinks.
        return os.path.abspath(source or self.env.doc2path(self.env.docname)), line or self.lineno  # noqa: PTH100

    def cover(self, review: Review) -> str:
        """The cover as given, if it is a URL or a readable file inside
        the source directory; else ``""`` and a warning."""
        if not review.cover or is_url(review.cover):
            return review.cover
        not_found = Problem("url", f"cover image not found: {review.cover!r}", "cover")
        try:
            relative, absolute = self.env.relfn2path(review.cover, self.env.docname)
            path = Path(absolute).resolve()
            found = path.is_file()
        except (OSError, ValueError):  # a name too long for the system, or with a NUL
            self.report(not_found)
            return ""
        if not path.is_relative_to(Path(self.env.srcdir).resolve()):
            self.report(Problem("url", f"refused cover {review.cover!r}: it is outside the source directory", "cover"))
            return ""
        if not found:
            self.report(not_found)
            return ""
        return "/" + relative  # absolute to the source directory, as Sphinx's image paths are

    def report(self, problem: Problem) -> None:
        warn(self, problem.message, problem.subtype, problem.option)


def project_author(config: Config) -> str:
    """The project's ``author``; when a project sets none, Sphinx fills in
    a placeholder ("unknown" in 7, "Author name not set" in 8 and later),
    which is nobody's name."""
    return "" if config.author in ("", "unknown", "Author name not set") else str(config.author)


class ReviewIds(SphinxTransform):
    """Each review's element carries the review's id (SPEC §2), and no
    other element of the page does; then, as its second id, the anchor
    that ``objects.inv`` and the search index give the review
    (:func:`~sphinx_bookreview.domain.search_anchor`), which no other
    element can have.

    A page's heading is often the review's title, and then docutils gives
    the section the same id (before the review, or after it: a review
    registers no id while it is parsed). The section gets another one,
    ``<id>-1`` (its own names then lead to it), unique across the project
    as review ids are, where docutils' ``id1`` would repeat in every such
    document of a singlehtml page. A second review with the id in the
    same document, already a ``duplicate`` warning, is given one too.
    """

    # After docutils' PropagateTargets (260), which moves a label's id to
    # the element after it; before the transforms that resolve names to
    # ids (ExternalTargets, 640) and Sphinx's collectors, which run after
    # every transform.
    default_priority = 300

    def apply(self, **kwargs: object) -> None:
        claimed: set[str] = set()
        for root in list(self.document.findall(bookreview)):
            review_id = root["review-id"]
            if review_id in claimed:  # a duplicate: the first review in the page keeps it
                self.move_id(root, review_id)
                continue
            claimed.add(review_id)
            for other in list(self.document.findall(functools.partial(has_id, node_id=review_id))):
                if isinstance(other, nodes.Element) and not isinstance(other, bookreview):
                    self.move_id(other, review_id)
            anchor = search_anchor(review_id)
            root["ids"] = list(dict.fromkeys([review_id, anchor, *root["ids"]]))
            self.document.ids[review_id] = self.document.ids[anchor] = root

    def move_id(self, node: nodes.Element, old: str) -> None:
        """Give ``node`` a fresh id instead of ``old``; its names follow."""
        n = 1
        while f"{old}-{n}" in self.document.ids:
            n += 1
        new = f"{old}-{n}"
        node["ids"] = list(dict.fromkeys(new if i == old else i for i in node["ids"]))
        self.document.ids[new] = node
        for name in node["names"]:
            if self.document.nameids.get(name) == old:
                self.document.nameids[name] = new


def has_id(node: nodes.Node, node_id: str) -> bool:
    return isinstance(node, nodes.Element) and node_id in node["ids"]


def setup_directive(app: Sphinx) -> None:
    app.add_directive("bookreview", BookReviewDirective)
    app.add_transform(ReviewIds)
