project = "Included, badly"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://reviews.example.org/"
