project = "Duplicate Shelf"
extensions = ["sphinx_bookreview"]
