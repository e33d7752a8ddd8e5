project = "Duplicate Shelf"
extensions = ["sphinx_bookreview"]
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
