project = "Themes"
author = "Project Author"
copyright = "2024, Project Author"
extensions = ["sphinx_bookreview"]
# The theme is set by the test, once per theme.
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
