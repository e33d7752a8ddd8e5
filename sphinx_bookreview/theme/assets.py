"""Which files a page loads, and the colours of its code.

- The theme's stylesheet and script are served minified, as the
  extension's card stylesheet is under any theme. The minified copies are
  made when the package is built (``hatch_build.py``, with rcssmin and
  rjsmin) and ship in the theme's ``static`` folder, which Sphinx copies
  whole as it does any theme's: their readable sources are kept out of it
  (``static-src``), so a site gets only what its pages link. Ours comes
  after the extension's and before the project's: the card takes the
  theme's colours, and a project's ``:root`` properties override both.
- Our script is deferred; Sphinx's scripts stay as Sphinx adds them.
- Code colours: the light ones are Sphinx's ``pygments.css`` (the project's
  ``pygments_style``, else the theme's ``a11y-light``); the dark ones come
  from the theme option ``pygments_dark_style`` in a sheet of ours, because
  Sphinx's dark sheet follows only the system's preference and ours must
  follow the theme's switch (``html[data-theme]``) too. Pages without code
  load neither sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from pygments.util import ClassNotFound  # type: ignore[import-untyped]
from sphinx.highlighting import PygmentsBridge
from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview.config import conf_py
from sphinx_bookreview.theme.context import uses_theme

if TYPE_CHECKING:
    from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
    from sphinx.application import Sphinx

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

#: Served minified (made when the package is built, see ``hatch_build.py``).
SERVED_STYLESHEET = "bookreview-theme.min.css"
SERVED_THEME_SCRIPT = "bookreview-theme.min.js"
#: After the extension's stylesheet (500), so our colours for its card win;
#: before the project's ``html_css_files`` (800), so the project's win.
STYLESHEET_PRIORITY = 501
PYGMENTS_CSS = "_static/pygments.css"
#: Right after Sphinx's ``pygments.css`` (200), which it overrides in dark mode.
DARK_CODE_CSS, DARK_CODE_PRIORITY = "bookreview-code-dark.css", 201
#: Scripts the search page needs beyond those on every page, in load order.
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js")


def style_exists(name: str) -> bool:
    """Whether Sphinx knows the Pygments style (a name, or ``module.Class``)."""
    try:
        PygmentsBridge("html", name)
    except (ClassNotFound, ImportError, AttributeError):
        return False
    return True


def check_light_style(app: Sphinx) -> None:
    """An unknown ``pygments_style`` is a warning and the theme's default.
    Sphinx would stop with a traceback when it makes its highlighter, just
    after it loads the theme: this runs as the theme is loaded."""
    style = app.config.pygments_style
    if style is None or style_exists(style):
        return
    logger.warning(__("pygments_style: unknown Pygments style %r; using the theme's own"), style, type="bookreview",
                   subtype="config", location=conf_py(app, "pygments_style"))  # fmt: skip
    app.config.pygments_style = None


def dark_style(app: Sphinx) -> str:
    """The theme option ``pygments_dark_style``, if Pygments knows it, else the theme's."""
    default = str(app.builder.theme.get_options()["pygments_dark_style"])  # type: ignore[attr-defined]
    style = str(app.config.html_theme_options.get("pygments_dark_style") or default)
    if style_exists(style):
        return style
    logger.warning(__("theme option pygments_dark_style: unknown Pygments style %r; using %s"), style, default,
                   type="bookreview", subtype="config", location=conf_py(app, "html_theme_options"))  # fmt: skip
    return default


def style_rules(formatter: HtmlFormatter[str], scope: str) -> str:
    """A Pygments style's rules, every one of them inside ``scope``. They
    start from a blank slate (one reset), so no colour, weight or slant of
    the light style shows through where the dark one sets none."""
    prefix = f"{scope} .highlight"
    reset = f"{prefix} * {{ color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit }}"
    # Line numbers' colours; not Pygments' line height for ``pre``, which
    # the theme sets alike in light and dark.
    linenos = [f"{prefix} {rule}" for rule in formatter.get_linenos_style_defs() if "linenos" in rule]
    background = formatter.get_background_style_defs(prefix)
    return "\n".join([reset, *linenos, *background, *formatter.get_token_style_defs(prefix)])


def dark_code_stylesheet(style: str) -> str:
    """The dark colours for an explicit dark choice, and for the system's
    dark preference unless light was chosen."""
    formatter = PygmentsBridge("html", style).get_formatter()
    explicit = style_rules(formatter, 'html[data-theme="dark"]')
    auto = style_rules(formatter, 'html:not([data-theme="light"])')
    return f"{explicit}\n@media (prefers-color-scheme: dark) {{\n{auto}\n}}\n"


def add_theme_assets(app: Sphinx) -> None:
    """Our files, and the dark code colours written before any page is,
    so Sphinx can stamp their links with a checksum."""
    if not uses_theme(app):
        return
    app.add_js_file(SERVED_THEME_SCRIPT, loading_method="defer")
    app.add_css_file(SERVED_STYLESHEET, priority=STYLESHEET_PRIORITY)
    static = Path(app.outdir, "_static")
    static.mkdir(parents=True, exist_ok=True)
    (static / DARK_CODE_CSS).write_text(dark_code_stylesheet(dark_style(app)), encoding="utf-8")


def has_code(doctree: nodes.document | None, context: dict[str, Any]) -> bool:
    """Whether the page shows highlighted code. A page another extension
    makes has no doctree, only its HTML (viewcode's highlighted modules):
    Sphinx's highlighter marks each block of it ``class="highlight``."""
    if doctree is not None:
        return next(doctree.findall(nodes.literal_block), None) is not None
    return 'class="highlight' in str(context.get("body", ""))


def page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Per page: the search page's scripts, the code colours where there is
    code. ``css_files`` is the page's list of stylesheets, which a handler
    may change; on pages without code we leave out Pygments' sheet, found
    by ``filename``, the attribute Sphinx's own ``basic/layout.html`` reads
    of each."""
    if not uses_theme(app):
        return
    if templatename == "search.html":
        for priority, script in enumerate(SEARCH_SCRIPTS, start=300):
            app.add_js_file(script, priority=priority, loading_method="defer")
    if has_code(doctree, context):
        app.add_css_file(DARK_CODE_CSS, priority=DARK_CODE_PRIORITY)
    else:
        context["css_files"] = [css for css in context["css_files"] if str(css.filename) != PYGMENTS_CSS]


def setup_assets(app: Sphinx) -> None:
    check_light_style(app)
    app.connect("builder-inited", add_theme_assets)
    app.connect("html-page-context", page_assets)
