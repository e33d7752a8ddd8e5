project = "Design Listing"
author = "Test Reader"
extensions = ["sphinx_bookreview", "sphinx_design"]
