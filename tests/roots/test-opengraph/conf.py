project = "Open Shelf"
author = "Project Author"
extensions = ["myst_parser", "sphinx_bookreview"]
show_warning_types = True
html_baseurl = "https://reviews.example.org/shelf/"
bookreview_opengraph_image = "images/share.png"
copyright = "2024, Project Author"  # and a version: the epub builder asks for both
version = "1.0"
