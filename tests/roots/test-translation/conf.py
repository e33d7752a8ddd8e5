project = "Translated"
author = "Lea Reader"
extensions = ["myst_parser", "sphinx_bookreview"]
html_baseurl = "https://shelf.example.org/"
# tests/test_translation.py writes locale/<language>/LC_MESSAGES/<document>.po
# and .mo, and cover.png.
locale_dirs = ["locale/"]
