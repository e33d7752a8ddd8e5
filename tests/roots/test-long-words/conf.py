project = "Long Words"
author = "Test Reader"
copyright = "2026, Test Reader"
version = release = "1.0"
extensions = ["sphinx_bookreview"]
# The theme is set by the test, once per theme.
html_baseurl = "https://shelf.example.org/"
