project = "Menu"
extensions = ["sphinx_bookreview"]
html_theme = "bookreview"
