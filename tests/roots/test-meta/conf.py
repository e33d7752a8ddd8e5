project = "Meta"
extensions = ["sphinx_bookreview"]
show_warning_types = True
