project = "Config"
html_theme = "bookreview"
bookreview_rating_scale = -3
