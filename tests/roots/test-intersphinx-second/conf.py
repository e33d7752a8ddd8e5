project = "Second Shelf"
extensions = ["sphinx_bookreview", "sphinx.ext.intersphinx"]
# intersphinx_mapping points at the first project's objects.inv, built by the test.
