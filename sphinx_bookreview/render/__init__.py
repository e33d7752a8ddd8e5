"""The visitors of every node (:mod:`sphinx_bookreview.nodes`), one module
per builder family whose idiom differs from the parent node's; every other
translator falls back to the parent node's visitor.

Visitors read their node's attributes and the builder's own (``config``,
``imgpath``, ``images``), never the environment or another document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_bookreview import nodes
from sphinx_bookreview.render import html, latex, texinfo, text

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_nodes(app: Sphinx) -> None:
    """Register every node with its visitors."""
    app.add_node(
        nodes.bookreview,
        html=(html.visit_bookreview, html.depart_bookreview),
        latex=(latex.visit_bookreview, latex.depart_bookreview),
        texinfo=(texinfo.visit_bookreview, texinfo.depart_bookreview),
    )
    app.add_node(nodes.bookreview_card, html=(html.visit_card, html.depart_card))
    app.add_node(nodes.bookreview_quick, html=(html.visit_quick, html.depart_quick))
    app.add_node(nodes.bookreview_cover, html=(html.visit_cover, None), latex=(latex.visit_cover, latex.depart_cover))
    # Only HTML builders keep it (see covers.drop_unshowable_covers).
    app.add_node(nodes.bookreview_cover_url, html=(html.visit_cover_url, None))
    # Other builders show it as the inline it is.
    app.add_node(nodes.bookreview_isolate, html=(html.visit_isolate, html.depart_isolate))
    app.add_node(nodes.bookreview_rating, html=(html.visit_rating, None), latex=(latex.visit_rating, None))
    app.add_node(
        nodes.bookreview_spoiler,
        html=(html.visit_spoiler, html.depart_spoiler),
        latex=(latex.visit_spoiler, latex.depart_spoiler),
        text=(text.visit_spoiler, text.depart_spoiler),
        man=(text.visit_man_spoiler, text.depart_man_spoiler),
        texinfo=(texinfo.visit_spoiler, texinfo.depart_spoiler),
    )
    # Other builders show it as the admonition it is.
    app.add_node(nodes.bookreview_spoiler_block, html=(html.visit_spoiler_block, html.depart_spoiler_block))
    # Placeholders, replaced at doctree-resolved by what they stand for.
    app.add_node(nodes.bookreview_list)
    app.add_node(nodes.bookreview_stats)
    app.add_node(nodes.bookreview_chart, html=(html.visit_chart, None))
