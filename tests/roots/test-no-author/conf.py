project = "Nobody's shelf"
extensions = ["sphinx_bookreview"]
html_domain_indices = ["py-modindex"]
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
