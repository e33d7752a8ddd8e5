"""The ``bookreview-package-map`` directive of these docs: every module of
``sphinx_bookreview``, in the package's own order, with its docstring and a
link into its source. Generated when the docs are built, so a new module
appears on the Contributing page by itself and a module's description is
the one its code carries.

Each module's docstring comes from autodoc (``automodule``, which also makes
``:mod:`` links to it work); its source link is viewcode's, which writes a
highlighted page for a module once one of its objects is documented. The
object shown is where to start reading: the module's ``setup_*`` function
(how it is wired into Sphinx) or else its first public class or function.
"""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.docutils import SphinxDirective

import sphinx_bookreview

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

PACKAGE = Path(sphinx_bookreview.__file__).parent


def modules() -> list[tuple[str, Path]]:
    """Every module but ``__main__`` (importing it would run the command),
    as (dotted name, file), packages before their modules."""
    found = [("sphinx_bookreview", PACKAGE / "__init__.py")]
    for info in pkgutil.walk_packages([str(PACKAGE)], "sphinx_bookreview."):
        relative = Path(*info.name.split(".")[1:])
        path = PACKAGE / relative / "__init__.py" if info.ispkg else (PACKAGE / relative).with_suffix(".py")
        if not info.name.endswith("__main__"):
            found.append((info.name, path))
    return found


def entry_point(path: Path) -> tuple[str, str] | None:
    """(autodoc directive, name) of where to start reading the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    public = [
        node for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_")
    ]
    setups = [node for node in public if node.name.startswith("setup")]
    chosen = (setups or public or [None])[0]
    if chosen is None:
        return None
    return ("autoclass" if isinstance(chosen, ast.ClassDef) else "autofunction"), chosen.name


def module_rst(name: str, path: Path) -> list[str]:
    lines = [f".. automodule:: {name}", ""]
    entry = entry_point(path)
    if entry:
        directive, obj = entry
        lines += [f".. {directive}:: {name}.{obj}", "   :no-index:", ""]
    return lines


class PackageMap(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rst: list[str] = []
        for name, path in modules():
            self.env.note_dependency(str(path))  # rebuilt when a module changes
            title = name.removeprefix("sphinx_bookreview.") if name != "sphinx_bookreview" else name
            rst += [title, "~" * len(title), "", *module_rst(name, path)]
        return self.parse_text_to_nodes("\n".join(rst), allow_section_headings=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("bookreview-package-map", PackageMap)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
