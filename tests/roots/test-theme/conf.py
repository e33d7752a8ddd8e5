project = "Reading Notes"
author = "Ada Reader"
copyright = "2024, Ada Reader"
extensions = ["sphinx_bookreview"]
html_theme = "bookreview"
html_title = "Reading Notes"
html_theme_options = {"footer_text": "Reviews are the author's own opinion.", "recent_reviews": 5}
bookreview_isbn_url = ""
