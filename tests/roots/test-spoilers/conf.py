project = "Spoilers"
author = "Sid Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
html_baseurl = "https://shelf.example.org/"
