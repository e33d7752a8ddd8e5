"""The doctree nodes of a review.

Each subclasses a standard docutils node, so every translator without a
visitor of its own falls back to the parent's (Sphinx dispatches along the
class's MRO): a container, a field list or an image is something every
builder already renders in its own idiom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class bookreview(nodes.container):  # noqa: N801 - docutils names nodes in lowercase
    """One review: the card, the quick review and the body."""


class bookreview_card(nodes.container):  # noqa: N801
    """The metadata card: cover, title, facts, rating, disclosure."""


class bookreview_quick(nodes.container):  # noqa: N801
    """The quick review: a rubric and a definition list of answers."""


class bookreview_cover(nodes.image):  # noqa: N801
    """The cover image; HTML adds its size and lazy loading."""


class bookreview_collection(nodes.container):  # noqa: N801
    """A placeholder for something drawn from the whole collection
    (a listing, the stats), filled once every document is read."""


#: The ``(reftype, target)`` the domain notes for a page that shows the
#: whole collection; any change to any review makes it stale.
COLLECTION_REFERENCE = ("listing", "")


def setup_nodes(app: Sphinx) -> None:
    from sphinx_bookreview.render import html, latex, texinfo

    app.add_node(
        bookreview,
        html=(html.visit_bookreview, html.depart_bookreview),
        latex=(latex.visit_bookreview, latex.depart_bookreview),
        texinfo=(texinfo.visit_bookreview, texinfo.depart_bookreview),
    )
    app.add_node(bookreview_card, html=(html.visit_card, html.depart_card))
    app.add_node(bookreview_quick, html=(html.visit_quick, html.depart_quick))
    app.add_node(bookreview_cover, html=(html.visit_cover, None), latex=(latex.visit_cover, latex.depart_cover))
