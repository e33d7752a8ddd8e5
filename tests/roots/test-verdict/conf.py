project = "Verdicts"
author = "Test Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
exclude_patterns = ["_build"]
html_baseurl = "https://shelf.example.org/"
