project = "Series"
author = "Sam Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
html_baseurl = "https://shelf.example.org/"
