project = "Included, badly"
extensions = ["sphinx_bookreview"]
