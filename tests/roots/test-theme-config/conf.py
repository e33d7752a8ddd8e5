project = "Config"
html_theme = "bookreview"
bookreview_rating_scale = -3
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
