"""The ``bookreview`` HTML theme: reading-first, light and dark, no downloads.

Registered through the ``sphinx.html_themes`` entry point, so
``html_theme = "bookreview"`` alone loads it, and it loads the extension.
Templates hold no logic: :mod:`.context` computes every value they show on
``html-page-context``; :mod:`.assets` decides which files a page loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.environment import CONFIG_CHANGED, CONFIG_OK

from sphinx_bookreview import __version__
from sphinx_bookreview.config import SETTINGS, check_config
from sphinx_bookreview.extension import add_static_path
from sphinx_bookreview.theme.assets import setup_assets
from sphinx_bookreview.theme.context import setup_context
from sphinx_bookreview.theme.freshness import setup_theme_freshness

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

THEME_NAME = "bookreview"
THEME_PATH = Path(__file__).parent


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_html_theme(THEME_NAME, str(THEME_PATH))
    # Loaded through ``html_theme`` alone, the theme comes with the builder:
    # after the configuration was read and the environment made.
    late = "sphinx_bookreview" not in app.extensions and getattr(app, "env", None) is not None
    app.setup_extension("sphinx_bookreview")
    if late:
        catch_up(app)
    app.connect("env-updated", remember_settings)
    setup_context(app)
    setup_theme_freshness(app)
    setup_assets(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def catch_up(app: Sphinx) -> None:
    """Do what the extension would have done at the steps already past:
    check its configuration values and add its static folder
    (``config-inited``), read again if its settings changed, and give the
    environment its ``book`` domain (made with the environment)."""
    check_config(app, app.config)
    add_static_path(app, app.config)
    env = app.env
    reread_if_settings_changed(app, env)
    if "book" in env.domains:
        return
    domain = next(d for d in app.registry.create_domains(env) if d.name == "book")
    if isinstance(env.domains, dict):  # Sphinx < 8.1 keeps a plain dict
        env.domains["book"] = domain
    else:
        env.domains = type(env.domains)(**dict(env.domains.items()), book=domain)  # type: ignore[arg-type]
    domain.setup()


def extension_settings(config: Config) -> dict[str, object]:
    return {setting.name: config[setting.name] for setting in SETTINGS}


def remember_settings(app: Sphinx, env: BuildEnvironment) -> None:
    """Store the extension's settings with the environment, for the next
    build to compare when the theme loads the extension late."""
    env.domaindata["book"]["settings"] = extension_settings(app.config)


def reread_if_settings_changed(app: Sphinx, env: BuildEnvironment) -> None:
    """Loaded late, the extension's settings were missing when Sphinx
    compared the configuration with the stored one, so a change to one of
    them would not make Sphinx read the documents again: compare them here,
    before reading, with those the last build stored."""
    stored = env.domaindata.get("book", {}).get("settings")
    if stored is None or env.config_status != CONFIG_OK:
        return
    changed = sorted(name for name, value in extension_settings(app.config).items() if stored.get(name) != value)
    if changed:
        env.config_status, env.config_status_extra = CONFIG_CHANGED, f" ({changed[0]!r})"
