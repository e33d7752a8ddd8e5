"""The roles ``:book:``, ``:book-author:``, ``:book-tag:``, ``:isbn:`` and
``:rating:``. The first four make ``pending_xref`` nodes that the ``book``
domain resolves once every document is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.ext import intersphinx
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from sphinx_bookreview.model import InvalidValue, parse_isbn, parse_rating
from sphinx_bookreview.rating import rating_node

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def xref_classes(reftype: str) -> list[str]:
    """The classes Sphinx's :class:`~sphinx.roles.XRefRole` gives the text
    of a ``book:<reftype>`` link (``xref book book-author``). In HTML the
    domain gives them to the links the card and listings make too, so
    every link to a review, author or tag is styled alike."""
    return ["xref", "book", f"book-{reftype}"]


class BookXRefRole(XRefRole):
    """A link into the ``book`` domain, e.g. ``:book:`the wizard book <sicp>```."""

    def __init__(self, reftype: str) -> None:
        # warn_dangling: an unresolved link reaches the domain's
        # warn-missing-reference handler, after intersphinx had its chance.
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)
        self.reftype = reftype

    def run(self) -> tuple[list[Node], list[system_message]]:
        self.name = f"book:{self.reftype}"  # route to the domain, whatever the role was called
        # A review's title is shown in italics, also when intersphinx
        # resolves the link and puts the other project's title in this node.
        implicit_title = self.reftype == "review" and not self.has_explicit_title
        self.innernodeclass = nodes.emphasis if implicit_title else nodes.inline
        return super().run()


class IsbnRole(BookXRefRole):
    """An ISBN, hyphenated; links to our review of it, else to the ISBN URL."""

    def __init__(self) -> None:
        super().__init__("isbn")

    def run(self) -> tuple[list[Node], list[system_message]]:
        try:
            isbn = parse_isbn(self.target)
        except InvalidValue as error:
            warn(self, error)
            return [nodes.Text(self.text)], []
        self.text = self.title = self.target = isbn
        return super().run()


class RatingRole(SphinxRole):
    """Inline stars with spoken text: ``:rating:`4.5``` or ``:rating:`8/10```."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        scale, step = self.config.bookreview_rating_scale, self.config.bookreview_rating_step
        try:
            return [rating_node(parse_rating(self.text, scale), scale, step, self.config.language)], []
        except InvalidValue as error:
            warn(self, error)
            return [nodes.Text(self.text)], []


def intersphinx_keeping_classes(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """A ``book`` link that intersphinx resolves, its text with the role's
    classes (:func:`xref_classes`). Intersphinx makes the text anew, with
    no classes, where it shows the other project's title of a review
    (``:book:`sicp```) or drops an inventory's name from the target
    (``:book-tag:`other:lisp```); so its own handler (public API) is asked
    here, before it would be, and the classes are put back."""
    if node.get("refdomain") != "book" or "sphinx.ext.intersphinx" not in app.extensions:
        return None
    found = intersphinx.missing_reference(app, env, node, contnode)
    for text in found.children if found is not None else ():
        if isinstance(text, nodes.Element) and not text["classes"]:
            text["classes"] = list(contnode["classes"])
    return found


def warn(role: SphinxRole, error: InvalidValue) -> None:
    logger.warning(str(error), location=role.get_location(), type="bookreview", subtype=error.subtype)


def setup_roles(app: Sphinx) -> None:
    app.add_role("book", BookXRefRole("review"))
    app.add_role("book-author", BookXRefRole("author"))
    app.add_role("book-tag", BookXRefRole("tag"))
    app.add_role("isbn", IsbnRole())
    app.add_role("rating", RatingRole())
    # Before intersphinx's own handler (500), which would answer first.
    app.connect("missing-reference", intersphinx_keeping_classes, priority=499)
