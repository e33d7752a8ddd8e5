project = "Nobody's shelf"
extensions = ["sphinx_bookreview"]
html_domain_indices = ["py-modindex"]
