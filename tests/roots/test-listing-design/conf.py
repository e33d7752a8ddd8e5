project = "Design Listing"
author = "Test Reader"
extensions = ["sphinx_bookreview", "sphinx_design"]
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
