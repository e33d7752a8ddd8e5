project = "Listing Shelf"
author = "Test Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
exclude_patterns = ["_build"]
copyright = "2026, Test Reader"
version = release = "1.0"
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
