"""The Sphinx extension: ``setup()`` wires the capabilities together;
each lives in its own module with its own ``setup_*``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_bookreview import __version__
from sphinx_bookreview.config import setup_config
from sphinx_bookreview.covers import setup_covers
from sphinx_bookreview.directive import setup_directive
from sphinx_bookreview.domain import setup_domain
from sphinx_bookreview.freshness import setup_freshness
from sphinx_bookreview.listing import setup_listing
from sphinx_bookreview.outputs.catalog import setup_catalog
from sphinx_bookreview.outputs.feed import setup_feed
from sphinx_bookreview.outputs.index_pages import setup_index_pages
from sphinx_bookreview.outputs.meta import setup_meta
from sphinx_bookreview.outputs.opengraph import setup_opengraph
from sphinx_bookreview.render import setup_nodes
from sphinx_bookreview.rereviews import setup_rereviews
from sphinx_bookreview.roles import setup_roles
from sphinx_bookreview.spoilers import setup_spoilers
from sphinx_bookreview.stats import setup_stats
from sphinx_bookreview.translation import setup_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

HERE = Path(__file__).parent
#: The card's stylesheet as served, minified, under every theme.
STYLESHEET = "bookreview.min.css"
#: The version of what the extension stores in Sphinx's environment: the
#: ``book`` domain's data, and in it the fields of ``model.Review``, their
#: order and their defaults (records pickle by field position). Bump it by
#: hand with any change to them; Sphinx then reads every document afresh.
#: ``tests/test_model.py`` pins the fields next to this number.
ENV_VERSION = 5


def add_static_path(app: Sphinx, config: Config) -> None:
    """Our stylesheet's folder, added before Sphinx compares this build's
    configuration with the stored one: added later, the two would differ
    and every build would report "The configuration has changed". Sphinx
    copies the folder whole: it holds the minified stylesheet alone, made
    from ``static-src/bookreview.css`` when the package is built
    (``hatch_build.py``)."""
    static = str(HERE / "static")
    if static not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, static]  # the default list is shared


def add_stylesheet(app: Sphinx) -> None:
    """Our CSS, for HTML builders only (other builders have no use for it)."""
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_message_catalog("sphinx_bookreview", str(HERE / "locale"))
    setup_config(app)
    setup_domain(app)
    setup_nodes(app)
    setup_directive(app)
    setup_roles(app)
    setup_spoilers(app)
    setup_rereviews(app)
    setup_translation(app)
    setup_covers(app)
    setup_freshness(app)
    setup_meta(app)
    setup_listing(app)
    setup_stats(app)
    setup_catalog(app)
    setup_feed(app)
    setup_index_pages(app)
    setup_opengraph(app)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_stylesheet)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
