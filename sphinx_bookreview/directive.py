"""The ``bookreview`` directive: option text in, record and nodes out."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_bookreview.card import CardBuilder
from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.model import OPTIONS, Problem, Review, is_url, parse_review

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation("sphinx_bookreview")
logger = logging.getLogger(__name__)


class AnyOption(dict[str, object]):
    """Accepts every option name, so docutils and MyST hand us unknown
    options instead of dropping the whole directive with an error; the
    model then reports each as one ``bookreview.option`` warning."""

    def __missing__(self, key: str) -> object:
        return directives.unchanged


class BookReviewDirective(SphinxDirective):
    # The title is checked by hand: a missing one must be a warning, not
    # the docutils error that drops the review.
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = AnyOption.fromkeys(OPTIONS, directives.unchanged)  # type: ignore[assignment]

    def run(self) -> list[nodes.Node]:
        title = self.arguments[0] if self.arguments else ""
        if not title.strip():
            self.report(Problem("option", "a review needs a title: the directive's argument"))
            title = _("Untitled review")
        review, problems = parse_review(
            title,
            self.options,
            quick_keys=tuple(key for key, _question in self.config.bookreview_quick_review),
            rating_scale=self.config.bookreview_rating_scale,
            default_reviewer=self.config.bookreview_default_reviewer or project_author(self.config),
            cover_url=self.config.bookreview_cover_url,
        )
        for problem in problems:
            self.report(problem)
        review = dataclasses.replace(review, docname=self.env.docname, lineno=self.lineno, cover=self.cover(review))
        self.domain.note_review(review)
        body = self.parse_content_to_nodes() if self.content else []
        where = (str(self.get_source_info()[0] or self.env.doc2path(self.env.docname)), self.lineno)
        root = CardBuilder(review, self.config, where, self.parse_inline).build(body)
        self.set_source_info(root)
        return [root]

    @property
    def domain(self) -> BookDomain:
        return BookDomain.of(self.env)

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
        logger.warning(
            problem.message,
            location=(self.env.docname, self.option_line(problem.option)),
            type="bookreview",
            subtype=problem.subtype,
        )

    def option_line(self, option: str | None) -> int:
        """The line of ``:option:`` in the source, else the directive's.

        Read from the source file, not ``block_text``: what MyST puts in
        ``block_text`` differs between its versions. Options are the lines
        after the directive's up to the first blank line (or, in MyST's
        YAML form, ``option: value`` lines).
        """
        source, lineno = self.get_source_info()
        if not option or not source or not Path(source).is_file():
            return self.lineno
        pattern = re.compile(rf"\s*:?{re.escape(option)}:(\s|$)")
        lines = Path(source).read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines[lineno:], start=lineno + 1):
            if not line.strip():
                break
            if pattern.match(line):
                return number
        return self.lineno


def project_author(config: Config) -> str:
    """The project's ``author``; when a project sets none, Sphinx fills in
    a placeholder ("unknown" in 7, "Author name not set" in 8 and later),
    which is nobody's name."""
    return "" if config.author in ("", "unknown", "Author name not set") else str(config.author)


def setup_directive(app: Sphinx) -> None:
    app.add_directive("bookreview", BookReviewDirective)
