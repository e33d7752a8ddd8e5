project = "Logos"
extensions = ["sphinx_bookreview"]
html_theme = "bookreview"
html_logo = "_static/logo.svg"
html_static_path = ["_static"]
