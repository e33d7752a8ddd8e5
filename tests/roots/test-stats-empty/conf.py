project = "Empty Shelf"
author = "Test Reader"
extensions = ["sphinx_bookreview"]
