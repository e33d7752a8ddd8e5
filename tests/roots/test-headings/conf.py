project = "Headings"
author = "Hana Reader"
extensions = ["sphinx_bookreview", "myst_parser"]
html_baseurl = "https://shelf.example.org/"
# The German translation of the reviews' text (tests/test_review_headings.py).
locale_dirs = ["locale"]
