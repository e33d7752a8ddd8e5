project = "First Shelf"
extensions = ["sphinx_bookreview"]
