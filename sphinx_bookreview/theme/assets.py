"""Which files a page loads: small, deferred, and only where needed.

- Every script is deferred, so none blocks rendering (Sphinx adds its own
  without ``defer``); the search page gets its scripts the same way.
- Sphinx's ``doctools.js`` and ``sphinx_highlight.js`` (10 KB, a quarter of
  a page's budget) only highlight the words of a search on the page a result
  opens: our script loads them then, and only then. They stay on every page
  where another script may rely on them.
- The stylesheets, ours and the extension's, and our script are served
  minified (a third smaller); the readable sources are what the package
  ships and what this writes from. It comes after the
  extension's and before the project's: the card takes the theme's colours,
  and a project's ``:root`` properties override both.
- Code colours follow the theme's light/dark switch: Sphinx's own dark
  Pygments sheet follows only the system preference, so we write one that
  follows ``html[data-theme]`` too. Pages without code load neither sheet.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.highlighting import PygmentsBridge

from sphinx_bookreview.theme.context import option_bool, uses_theme

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
#: The stylesheet as written, and as served (added in :func:`add_theme_assets`).
STYLESHEET, SERVED_STYLESHEET = "bookreview-theme.css", "bookreview-theme.min.css"
#: The extension's card stylesheet, which the theme serves minified too.
EXTENSION_STATIC = Path(__file__).parent.parent / "static"
EXTENSION_STYLESHEET, SERVED_EXTENSION_STYLESHEET = "bookreview.css", "bookreview.min.css"
#: After the extension's stylesheet (500), so our colours for its card win;
#: before the project's ``html_css_files`` (800), so the project's win.
STYLESHEET_PRIORITY = 501
PYGMENTS_CSS = "_static/pygments.css"
DARK_CODE_CSS = "bookreview-code-dark.css"
DARK_CODE_STYLE = "a11y-dark"
THEME_SCRIPT, SERVED_THEME_SCRIPT = "bookreview-theme.js", "bookreview-theme.min.js"
#: Sphinx's scripts on every page; those in ON_DEMAND our script loads when needed.
SPHINX_SCRIPTS = {"_static/documentation_options.js", "_static/doctools.js", "_static/sphinx_highlight.js"}
ON_DEMAND = {"_static/doctools.js", "_static/sphinx_highlight.js"}
#: Scripts the search page needs beyond those on every page, in load order.
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js")


def dark_code_stylesheet() -> str:
    """Pygments' dark colours for an explicit dark choice, and for the
    system's dark preference unless light was chosen."""
    formatter = PygmentsBridge("html", DARK_CODE_STYLE).get_formatter()
    explicit = str(formatter.get_style_defs('html[data-theme="dark"] .highlight'))
    auto = str(formatter.get_style_defs('html:not([data-theme="light"]) .highlight'))
    return minified(f"{explicit}\n@media (prefers-color-scheme: dark) {{\n{auto}\n}}\n")


def minified(css: str) -> str:
    """Comments and optional spaces out, nothing else changed. Safe for
    our stylesheet: none of its strings holds a comment, brace or colon."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r" ?([{};,>]) ?", r"\1", css)
    return re.sub(r"([{;][-a-z]+): ", r"\1:", css).replace(";}", "}").strip() + "\n"


def minified_script(script: str) -> str:
    """Comments and indentation out, line breaks kept (so no statement
    runs into the next). Safe for our script: no string or template in it
    spans lines or holds ``//`` or ``/*``."""
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.DOTALL)
    lines = (line.strip() for line in script.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def add_theme_assets(app: Sphinx) -> None:
    """Write the files made from others: they are ready before any page
    is, so Sphinx can stamp their links with a checksum."""
    if app.builder.format != "html" or not uses_theme(app):
        return
    app.add_js_file(SERVED_THEME_SCRIPT, loading_method="defer")
    app.add_css_file(SERVED_STYLESHEET, priority=STYLESHEET_PRIORITY)
    static = Path(app.outdir, "_static")
    static.mkdir(parents=True, exist_ok=True)
    (static / DARK_CODE_CSS).write_text(dark_code_stylesheet(), encoding="utf-8")
    source = (STATIC / STYLESHEET).read_text(encoding="utf-8")
    (static / SERVED_STYLESHEET).write_text(minified(source), encoding="utf-8")
    script = (STATIC / THEME_SCRIPT).read_text(encoding="utf-8")
    (static / SERVED_THEME_SCRIPT).write_text(minified_script(script), encoding="utf-8")
    card_source = (EXTENSION_STATIC / EXTENSION_STYLESHEET).read_text(encoding="utf-8")
    (static / SERVED_EXTENSION_STYLESHEET).write_text(minified(card_source), encoding="utf-8")


def has_code(doctree: nodes.document | None) -> bool:
    return doctree is not None and next(doctree.findall(nodes.literal_block), None) is not None


def served(stylesheet: Any) -> Any:
    """The extension's stylesheet as we serve it, minified; others as they are."""
    if str(stylesheet.filename) != f"_static/{EXTENSION_STYLESHEET}":
        return stylesheet
    return type(stylesheet)(f"_static/{SERVED_EXTENSION_STYLESHEET}", priority=stylesheet.priority,
                            **stylesheet.attributes)  # fmt: skip


def deferred(script: Any) -> Any:
    """The same script with ``defer``, unless it is inline or already
    ``async``/``defer`` (order among deferred scripts is kept)."""
    attributes = script.attributes
    if not script.filename or "async" in attributes or "defer" in attributes:
        return script
    return type(script)(script.filename, priority=script.priority, **attributes, defer="defer")


def without_search_helpers(scripts: list[Any], context: dict[str, Any]) -> list[Any]:
    """The page's scripts less those only search highlighting needs, when
    nothing else may rely on them (another extension's script, Sphinx's
    translations, keyboard navigation)."""
    names = {str(script.filename) for script in scripts}
    if names - SPHINX_SCRIPTS - {f"_static/{SERVED_THEME_SCRIPT}"} or option_bool(context, "navigation_with_keys"):
        return scripts
    return [script for script in scripts if str(script.filename) not in ON_DEMAND]


def page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if not uses_theme(app):
        return
    if templatename == "search.html":
        for priority, script in enumerate(SEARCH_SCRIPTS, start=300):
            app.add_js_file(script, priority=priority, loading_method="defer")
    if has_code(doctree):
        app.add_css_file(DARK_CODE_CSS, priority=201)
    else:
        context["css_files"] = [css for css in context["css_files"] if str(css.filename) != PYGMENTS_CSS]
    context["css_files"] = [served(css) for css in context["css_files"]]
    scripts = context["script_files"]
    if templatename != "search.html":
        scripts = without_search_helpers(scripts, context)
    context["script_files"] = [deferred(script) for script in scripts]


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_theme_assets)
    # Last, so scripts other handlers add to the page are deferred too.
    app.connect("html-page-context", page_assets, priority=900)
