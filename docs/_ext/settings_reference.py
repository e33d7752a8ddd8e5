"""The ``bookreview-settings`` directive of these docs: the reference of
every setting, generated from ``sphinx_bookreview.config.SETTINGS`` when
the docs are built, so that the code and the configuration page cannot
drift apart. Each setting is a ``confval`` (type and default from the
table), its description, and the warning a bad value gives, worded by the
same format as the extension's own.
"""

from __future__ import annotations

import inspect
import textwrap
from typing import TYPE_CHECKING

from sphinx.util.docutils import SphinxDirective

from sphinx_bookreview import config

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

    from sphinx_bookreview.config import Setting


def type_text(types: tuple[type, ...]) -> str:
    return " or ".join(f"``{'None' if kind is type(None) else kind.__name__}``" for kind in types)


def setting_rst(setting: Setting) -> list[str]:
    return [
        f".. confval:: {setting.name}",
        f"   :type: {type_text(setting.types)}",
        f"   :default: ``{setting.default!r}``",
        "",
        textwrap.indent(inspect.cleandoc(setting.description), "   "),
        "",
        f"   For a bad value such as ``{setting.bad!r}``, the warning is ``{setting.warning(setting.bad)}``.",
        "",
    ]


def reference_rst() -> str:
    """Every setting, under a heading per section, in the table's order."""
    sections: dict[str, list[str]] = {}
    for setting in config.SETTINGS:
        sections.setdefault(setting.section, []).extend(setting_rst(setting))
    return "\n".join(line for title, body in sections.items() for line in [title, "-" * len(title), "", *body])


class SettingsReference(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(config.__file__)  # rebuilt when the table changes
        return self.parse_text_to_nodes(reference_rst(), allow_section_headings=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("bookreview-settings", SettingsReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
