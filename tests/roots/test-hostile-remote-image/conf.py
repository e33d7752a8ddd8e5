project = "Remote image"
show_warning_types = True
