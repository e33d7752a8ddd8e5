project = "Rereads"
author = "Ray Reader"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://shelf.example.org/"
