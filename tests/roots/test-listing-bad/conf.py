project = "Bad Listing"
author = "Test Reader"
extensions = ["sphinx_bookreview"]
