"""Compile the message catalogs (.po -> .mo) into the wheel.

The compiled catalogs are build output, so they are not committed; Sphinx
reads only .mo files at run time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        for po in Path(self.root, "sphinx_bookreview", "locale").glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source))
            build_data["force_include"][str(mo)] = str(mo.relative_to(self.root))
