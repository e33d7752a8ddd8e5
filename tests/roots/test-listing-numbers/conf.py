project = "Listing Numbers"
author = "Test Reader"
extensions = ["sphinx_bookreview"]
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
