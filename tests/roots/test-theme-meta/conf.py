project = "Meta"
extensions = ["sphinx_bookreview"]
html_theme = "bookreview"
