"""The header's navigation: the site's top-level pages, as data.

The pages come from the root document's toctrees as Sphinx resolves them
for the page being written (``TocTree.get_toctree_for``, what the
``toctree()`` template function renders), read as nodes: a group per
caption, a link per page. The templates write the links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.adapters.toctree import TocTree

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Most top-level pages shown as links in the header; more go in a menu.
INLINE_PAGES = 5


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    #: The page being written, or the section it is in.
    current: bool


@dataclass(frozen=True)
class Group:
    """The pages of one toctree caption (``""`` before any caption)."""

    caption: str
    links: list[Link]


@dataclass(frozen=True)
class Navigation:
    """A few pages are links in the header (the captions left out: it is
    one list); more, or several captioned groups, go in a menu."""

    links: list[Link]
    menu: list[Group]


def site_navigation(app: Sphinx, pagename: str) -> Navigation:
    groups = toctree_groups(app, pagename)
    links = [link for group in groups for link in group.links]
    if len(links) <= INLINE_PAGES and sum(1 for group in groups if group.caption) <= 1:
        return Navigation(links=links, menu=[])
    return Navigation(links=[], menu=groups)


def root_toctrees(app: Sphinx, pagename: str) -> list[nodes.Element]:
    """The root document's toctrees resolved one level deep for
    ``pagename``, hidden ones too: a toctree of the landing page is the
    site's navigation, hidden or not.

    Each is resolved alone, marked visible, with the hidden toctrees of
    the pages it lists left out: Sphinx resolves every toctree those pages
    hold before pruning to one level (``get_toctree_for`` with
    ``includehidden``), and for a page holding a hidden toctree of 1,500
    reviews that made every page of the site cost as much as all of them
    (benchmarks/README.md, "Big imports").
    """
    adapter = TocTree(app.env)
    resolved = []
    for toctree in app.env.get_doctree(app.config.root_doc).findall(addnodes.toctree):
        visible = toctree.deepcopy()
        visible["hidden"] = False
        tree = adapter.resolve(pagename, app.builder, visible, maxdepth=1, titles_only=True, collapse=True)
        if tree is not None:
            resolved.append(tree)
    return resolved


def toctree_groups(app: Sphinx, pagename: str) -> list[Group]:
    """The root document's toctrees, one level deep: the pages under each
    caption, in order; the links are relative to ``pagename``."""
    groups: list[Group] = []
    # Each resolved toctree is a caption (a title), then the list of its pages.
    for child in (child for tree in root_toctrees(app, pagename) for child in tree.children):
        if isinstance(child, nodes.title):
            groups.append(Group(caption=child.astext(), links=[]))
        elif isinstance(child, nodes.bullet_list):
            if not groups:
                groups.append(Group(caption="", links=[]))
            groups[-1].links.extend(link(item) for item in child.children if isinstance(item, nodes.list_item))
    return groups


def link(item: nodes.list_item) -> Link:
    reference = next(item.findall(nodes.reference))
    return Link(title=reference.astext(), url=reference["refuri"], current="current" in item["classes"])
