project = "Full"
author = "Project Author"
extensions = ["sphinx_bookreview"]
show_warning_types = True
version = "1.0"
copyright = "2024, Project Author"
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
