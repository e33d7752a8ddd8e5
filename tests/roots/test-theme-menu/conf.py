project = "Menu"
html_theme = "bookreview"
