"""Build the files the package serves but the repository does not keep.

- The message catalogs, compiled (.po -> .mo): Sphinx reads only .mo files.
- The theme's stylesheet and script, and the extension's card stylesheet,
  minified (rcssmin, rjsmin) from their readable sources in a
  ``static-src`` folder into the ``static`` folder beside it. Sphinx copies
  a theme's ``static`` folder, and the extension's (in
  ``html_static_path``), whole into a site's ``_static``: holding only
  what pages link, they copy no unused source. A site build only copies.

Both are written in the source tree, so an editable install
(``pip install -e .``) finds them too; after editing a stylesheet or the
script, run that command again to make them anew.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "sphinx_bookreview"
THEME = Path(PACKAGE, "theme")
#: Each minified file a site is served, from its readable source.
MINIFIED = {
    THEME / "static" / "bookreview-theme.min.css": (THEME / "static-src" / "bookreview-theme.css", rcssmin.cssmin),
    THEME / "static" / "bookreview-theme.min.js": (THEME / "static-src" / "bookreview-theme.js", rjsmin.jsmin),
    Path(PACKAGE, "static", "bookreview.min.css"): (Path(PACKAGE, "static-src", "bookreview.css"), rcssmin.cssmin),
}


def compile_catalogs(root: Path) -> list[Path]:
    made = []
    for po in Path(root, PACKAGE, "locale").glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        with po.open("rb") as source, mo.open("wb") as target:
            write_mo(target, read_po(source))
        made.append(mo)
    return made


def minify_assets(root: Path) -> list[Path]:
    for target, (source, minify) in MINIFIED.items():
        Path(root, target).parent.mkdir(exist_ok=True)  # the extension's static folder holds only what is made here
        Path(root, target).write_text(minify(Path(root, source).read_text(encoding="utf-8")), encoding="utf-8")
    return [Path(root, target) for target in MINIFIED]


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        made = [*compile_catalogs(root), *minify_assets(root)]
        if version == "editable":
            return  # The install reads the source tree, where they now are.
        for path in made:
            # Ignored by git, so hatch would leave them out of the wheel.
            build_data["force_include"][str(path)] = str(path.relative_to(root))
