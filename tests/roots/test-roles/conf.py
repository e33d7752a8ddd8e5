project = "Roles"
extensions = ["myst_parser", "sphinx_bookreview"]
show_warning_types = True
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
