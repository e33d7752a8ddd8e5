project = "Empty Feed"
author = "Shelf Owner"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://empty.example.org/"
