project = "Code styles"
extensions = ["sphinx_bookreview"]
html_theme = "bookreview"
pygments_style = "no-such-style"
html_theme_options = {"pygments_dark_style": "nor-this-one"}
show_warning_types = True  # Sphinx 7.4 names the warnings' types only when asked
