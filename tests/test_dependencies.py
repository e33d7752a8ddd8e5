"""Every runtime dependency is declared: what the package imports, and the
Pygments styles it names, come from ``[project].dependencies``, never only
from a test extra. A user installs the wheel alone (``tools/user_install.py``
builds with exactly that); the test environment has far more, so without
these checks an undeclared import would pass every other test."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import entry_points, packages_distributions
from pathlib import Path
from typing import Any

from pygments.styles import STYLE_MAP

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "sphinx_bookreview"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def canonical(name: str) -> str:
    """A distribution's name as package indexes compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """The distributions a plain ``pip install`` of the package brings."""
    return {canonical(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0])
            for requirement in PYPROJECT["project"]["dependencies"]}  # fmt: skip


def trees() -> dict[str, ast.Module]:
    return {
        path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8")) for path in SOURCE.rglob("*.py")
    }


def imported_modules() -> dict[str, str]:
    """Each top-level module the package imports (absolute imports, also
    local and type-checking ones), with a file that imports it."""
    found: dict[str, str] = {}
    for name, tree in sorted(trees().items()):
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                found.setdefault(module.partition(".")[0], name)
    return found


def test_every_imported_module_is_declared() -> None:
    providers = packages_distributions()
    third_party = {
        module: where
        for module, where in imported_modules().items()
        if module not in sys.stdlib_module_names and module != "sphinx_bookreview"
    }
    # The scan sees the imports it is about (babel and markupsafe are
    # imported directly, though Sphinx requires them too).
    assert {"sphinx", "docutils", "stdnum", "feedgen", "babel", "markupsafe"} <= third_party.keys()
    undeclared = {
        module: where
        for module, where in third_party.items()
        if not {canonical(distribution) for distribution in providers.get(module, [])} & declared()
    }
    assert undeclared == {}, f"imported but not in [project].dependencies: {undeclared}"


def strings(value: Any) -> list[str]:
    """Every string in a parsed TOML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def named_strings() -> set[str]:
    """The string constants of the package's code and the values of its theme.toml."""
    code = {node.value for tree in trees().values() for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}  # fmt: skip
    theme = tomllib.loads((SOURCE / "theme" / "theme.toml").read_text(encoding="utf-8"))
    return code | set(strings(theme))


def test_every_pygments_style_named_is_declared() -> None:
    """Pygments' own styles come with Sphinx; a style from a plugin
    (``a11y-dark`` is accessible-pygments') must be a dependency."""
    plugins = {entry.name: entry.dist.name for entry in entry_points(group="pygments.styles") if entry.dist}
    named = {text for text in named_strings() if text in plugins or text in STYLE_MAP}
    # The theme's code colours are named in theme.toml.
    assert named & set(strings(tomllib.loads((SOURCE / "theme" / "theme.toml").read_text(encoding="utf-8"))))
    undeclared = {
        style: plugins[style] for style in named - STYLE_MAP.keys() if canonical(plugins[style]) not in declared()
    }
    assert undeclared == {}, f"Pygments styles from packages not in [project].dependencies: {undeclared}"
