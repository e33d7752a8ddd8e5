"""The ``bookreview`` HTML theme: reading-first, light and dark, no downloads.

Registered through the ``sphinx.html_themes`` entry point, so Sphinx loads
this module when it makes the HTML builder for ``html_theme = "bookreview"``.
The theme shows what the ``sphinx_bookreview`` extension collects, and it
needs the extension listed in ``extensions``: Sphinx loads a theme after it
has checked the configuration and made the environment with its domains,
and offers no public way to add an extension's settings and domain then.
Without it the build stops with one error that says which line to add.

Templates hold no logic: :mod:`.context` computes every value they show on
``html-page-context``; :mod:`.assets` decides which files a page loads;
:mod:`.captions` gives the toctrees' captions a heading level.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview import __version__
from sphinx_bookreview.config import conf_py
from sphinx_bookreview.theme.assets import setup_assets
from sphinx_bookreview.theme.captions import setup_captions
from sphinx_bookreview.theme.context import setup_context
from sphinx_bookreview.theme.freshness import setup_theme_freshness

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

THEME_NAME = "bookreview"
THEME_PATH = Path(__file__).parent
EXTENSION = "sphinx_bookreview"
#: ``sphinx-build``'s exit status for a build that stopped on an error.
BUILD_ERROR_STATUS = 2


def setup(app: Sphinx) -> ExtensionMetadata:
    if EXTENSION not in app.extensions:
        stop_without_extension(app)
    app.add_html_theme(THEME_NAME, str(THEME_PATH))
    setup_context(app)
    setup_captions(app)
    setup_theme_freshness(app)
    setup_assets(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def extensions_line(app: Sphinx) -> str:
    """The project's ``extensions`` line with ours added, ready to paste."""
    names = [*app.config.extensions, EXTENSION]
    return "extensions = [" + ", ".join(f'"{name}"' for name in names) + "]"


def stop_without_extension(app: Sphinx) -> NoReturn:
    """Stop the build with one error that names conf.py and the line to add.

    Logged, then ``SystemExit``: an exception would reach ``sphinx-build``,
    which from Sphinx 8.1 prints any exception, ``SphinxError`` included,
    with a traceback and a request to report a bug to Sphinx; this is the
    project's configuration, not a bug. (Under ``-W`` on Sphinx 7.4 the
    error itself stops the build, as "Warning, treated as error".)
    """
    conf = Path(app.confdir or ".", "conf.py")
    logger.error(
        __('html_theme = "%s" needs the sphinx_bookreview extension: add it to the extensions in %s: %s'),
        app.config.html_theme,
        conf if conf.is_file() else __("the project's configuration"),
        extensions_line(app),
        location=conf_py(app, "extensions"),
        type="bookreview",
        subtype="theme",
    )
    raise SystemExit(BUILD_ERROR_STATUS)
