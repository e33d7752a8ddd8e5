project = "Übersetzt"
author = "Lea Leserin"
extensions = ["sphinx_bookreview"]
