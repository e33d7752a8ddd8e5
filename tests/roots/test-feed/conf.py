project = "Feed Shelf"
author = "Shelf Owner"
copyright = "2026, Shelf Owner"
version = release = "1.0"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://feed.example.org/shelf"
