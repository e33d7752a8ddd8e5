project = "Included"
author = "Ida Include"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://reviews.example.org/"
