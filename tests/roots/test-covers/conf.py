project = "Covers"
author = "Cora Cover"
extensions = ["sphinx_bookreview"]
latex_documents = [("index", "covers.tex", "Covers", "Cora Cover", "howto")]
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
