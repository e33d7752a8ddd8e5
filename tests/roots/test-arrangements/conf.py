project = "Arrangements"
author = "Arrangement Reader"
copyright = "2026, Arrangement Reader"
version = release = "1.0"
extensions = ["sphinx_bookreview", "myst_parser"]
html_baseurl = "https://shelf.example.org/"
exclude_patterns = ["_build"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
