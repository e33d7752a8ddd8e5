project = "Search"
author = "Ada Reader"
extensions = ["sphinx_bookreview"]
# The theme is set by the tests that look at it (alabaster, Sphinx's default, otherwise).
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
