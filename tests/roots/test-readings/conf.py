project = "Readings"
extensions = ["sphinx_bookreview"]
bookreview_isbn_url = ""
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
