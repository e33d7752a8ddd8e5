"""A small review site, built by tools/user_install.py on a user's install.

The cover (``covers/the-tin-sextant.png``) is written by that script; the
theme is chosen on its command line (``-D html_theme=...``).
"""

project = "A Reader's Shelf"
author = "Ada Reader"
copyright = "2026, Ada Reader"
version = release = "1.0"
extensions = ["sphinx_bookreview", "myst_parser"]
html_theme = "bookreview"
html_baseurl = "https://shelf.example.org/"
exclude_patterns = ["_build"]
