project = "Meta"
html_theme = "bookreview"
