"""The domain's index pages (reviews by author, by tag, by rating), written
again as they were when nothing they show has changed.

Sphinx renders every domain index on every build, as it renders its
general index, whether or not anything changed: at 1000 reviews those
three pages were the whole of what a no-op rebuild cost over plain
Sphinx's (``benchmarks/PROFILE.md`` § 14 and 15). Making the index return
no entries would keep Sphinx from writing the page, but also drop its
links from the pages that build does write; so the page is written, but
from a template that holds the text the last build wrote
(``bookreview-last-build.html``), when nothing it is made from can differ:

- the stored environment and every setting are as they were when the page
  was rendered (:func:`.stamps.sources_digest`: Sphinx stores the
  environment again whenever it reads or removes a document, and only then);
- the build writes no document's page: a changed template or theme makes
  Sphinx write every page, and so these from their templates too;
- the file holds what was rendered then (its digest is in its stamp).

Otherwise the theme's ``domainindex.html`` renders the page, as Sphinx
does. The stamps are kept with the catalog's and the feed's; a page
written again as it was keeps its stamp, so a no-op build writes none.
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.outputs.stamps import record, sources_digest, stamp_of

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

TEMPLATES = Path(__file__).parent / "templates"
#: The template that writes the text a page had as it is.
LAST_BUILD = "bookreview-last-build.html"


class IndexPages:
    """What this build did that decides whether an index page may be
    written as it was: whether it writes any document's page, and which
    index pages it rendered (stamped when the build ends)."""

    registry: weakref.WeakKeyDictionary[BuildEnvironment, IndexPages] = weakref.WeakKeyDictionary()

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.documents_written = False
        self.rendered: list[Path] = []

    @classmethod
    def of(cls, app: Sphinx) -> IndexPages:
        return cls.registry.setdefault(app.env, cls(app))

    @functools.cached_property
    def sources(self) -> str:
        return sources_digest(self.app)

    def stamp(self, content: bytes) -> list[object]:
        return [hashlib.sha256(content).hexdigest(), self.sources]


def add_templates_path(app: Sphinx, config: Config) -> None:
    """Our templates' folder, added before Sphinx compares this build's
    configuration with the stored one (as ``html_static_path`` is)."""
    templates = str(TEMPLATES)
    if templates not in config.templates_path:
        config.templates_path = [*config.templates_path, templates]  # the default list is shared


def new_build(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Another ``app.build()`` may reuse the environment: start afresh."""
    IndexPages.registry[env] = IndexPages(app)


def note_document_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A document's doctree is resolved to be written (in the main process,
    also under ``-j``)."""
    IndexPages.of(app).documents_written = True


def reuse_unchanged(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> str | None:
    """The template of the last build's text for an index page nothing
    of which can have changed; ``None`` (the theme's own) otherwise."""
    builder = app.builder
    if templatename != "domainindex.html" or not isinstance(builder, StandaloneHTMLBuilder):
        return None
    if "encoding" not in context:
        return None  # json, pickle: the context itself is written, no template rendered to text
    if pagename not in BookDomain.index_pages(builder):
        return None
    pages, path = IndexPages.of(app), Path(builder.get_outfilename(pagename))
    try:
        written = path.read_bytes() if not pages.documents_written else None
    except OSError:
        written = None
    if written is None or stamp_of(app, path) != pages.stamp(written):
        pages.rendered.append(path)
        return None
    context["bookreview_last_build"] = written.decode(context["encoding"])
    return LAST_BUILD


def stamp_rendered(app: Sphinx, exception: Exception | None) -> None:
    """Keep the stamp of each index page rendered by a build that succeeded."""
    pages = IndexPages.registry.get(app.env)
    if exception is None and pages is not None and pages.rendered:
        record(app, {path: pages.stamp(path.read_bytes()) for path in pages.rendered if path.is_file()})


def setup_index_pages(app: Sphinx) -> None:
    app.connect("config-inited", add_templates_path)
    app.connect("env-before-read-docs", new_build)
    app.connect("doctree-resolved", note_document_written)
    app.connect("html-page-context", reuse_unchanged)
    app.connect("build-finished", stamp_rendered)
