"""Refresh the message catalogs after labels change in the code.

    python tools/update_catalogs.py

Extracts every ``_()`` message of the package (console messages, ``__()``,
stay English) into ``sphinx_bookreview.pot`` and merges it into each
language's ``.po``; then translate the new empty entries.
``tests/test_i18n.py`` fails while any is missing. The ``.mo`` files are
compiled when the wheel is built (``hatch_build.py``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx_bookreview"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "sphinx_bookreview.pot"


def main() -> None:
    pybabel = CommandLineInterface()
    # From the repository's root, the package named relative to it: each
    # message's source reference (``#: sphinx_bookreview/card.py:65``) is
    # then the same in every checkout, not the path of the one that ran this.
    with contextlib.chdir(ROOT):
        pybabel.run([
            "pybabel", "extract", "--no-default-keywords", "--keyword=_", "--ignore-dirs=cli",
            "--project=sphinx-bookreview", "--copyright-holder=The sphinx-bookreview developers",
            f"--output-file={TEMPLATE}", PACKAGE.name,
        ])  # fmt: skip
    pybabel.run(
        ["pybabel", "update", f"--input-file={TEMPLATE}", f"--output-dir={LOCALE}", "--domain=sphinx_bookreview"]
    )


if __name__ == "__main__":
    main()
