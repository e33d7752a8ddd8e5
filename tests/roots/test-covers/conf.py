project = "Covers"
author = "Cora Cover"
extensions = ["sphinx_bookreview"]
latex_documents = [("index", "covers.tex", "Covers", "Cora Cover", "howto")]
