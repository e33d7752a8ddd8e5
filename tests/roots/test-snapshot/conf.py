project = "Snapshot"
author = "Project Author"
extensions = ["myst_parser", "sphinx_bookreview"]
show_warning_types = True
