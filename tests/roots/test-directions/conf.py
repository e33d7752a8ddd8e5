project = "Directions"
author = "Test Reader"
copyright = "2026, Test Reader"
version = release = "1.0"
extensions = ["sphinx_bookreview"]
# The theme is set by the test where it matters.
html_baseurl = "https://shelf.example.org/"
