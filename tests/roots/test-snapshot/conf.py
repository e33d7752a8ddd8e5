project = "Snapshot"
author = "Project Author"
extensions = ["myst_parser", "sphinx_bookreview"]
show_warning_types = True
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
# Each review is here twice, once per markup, so its ISBN is too.
suppress_warnings = ["bookreview.duplicate"]
