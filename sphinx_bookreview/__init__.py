"""sphinx-bookreview: book reviews in Sphinx.

This module stays light: the command line imports the package without
loading Sphinx. ``setup()`` imports the extension when Sphinx asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    from sphinx_bookreview.extension import setup as setup_extension

    return setup_extension(app)
