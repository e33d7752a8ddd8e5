project = "Listing Numbers"
author = "Test Reader"
extensions = ["sphinx_bookreview"]
