"""``python -m sphinx_bookreview``: the same as the ``sphinx-bookreview`` command."""

from __future__ import annotations

import sys

from sphinx_bookreview.cli import main

if __name__ == "__main__":
    sys.exit(main())
