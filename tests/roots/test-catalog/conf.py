project = "Catalog Shelf"
author = "Cat Reader"
copyright = "2026, Cat Reader"
version = release = "1.0"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://books.example.org/"
