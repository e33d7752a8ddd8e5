project = "Config"
author = "Project Author"
extensions = ["sphinx_bookreview"]
show_warning_types = True
# Each test appends one setting below.
