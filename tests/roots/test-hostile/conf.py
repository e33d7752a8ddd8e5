project = "Hostile"
author = 'Reviewer <script>alert("author")</script> & Co #$%&~_^\\{}'
extensions = ["myst_parser", "sphinx_bookreview"]
show_warning_types = True
copyright = "2024, Reviewers"  # epub requires it
version = "1.0"
html_baseurl = "https://reviews.example.org/"
# Remote covers by ISBN: builders that cannot show remote images must
# not fetch them (tests/test_network.py).
bookreview_cover_url = "https://covers.example.org/b/isbn/{isbn}-M.jpg"
bookreview_quick_review = [
    ("why-picked-up", "Why I picked it up"),
    ("mood", 'Best read <script>alert("q")</script> & "with" #$%&~_^\\{}'),
]
