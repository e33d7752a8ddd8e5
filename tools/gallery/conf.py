"""The theme gallery's sample project: one review with every fact.

``tools/theme_gallery.py`` builds it once per theme, giving ``html_theme``
on the command line, and photographs the review.
"""

from __future__ import annotations

project = "Theme gallery"
author = "Sam Reader"
copyright = "2026, The sphinx-bookreview developers"

extensions = ["sphinx_bookreview"]
html_title = "Theme gallery"
