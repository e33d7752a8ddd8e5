project = "Directive"
author = "Project Author"
extensions = ["sphinx_bookreview"]
show_warning_types = True
bookreview_rating_scale = 10
bookreview_rating_step = 1
bookreview_default_reviewer = "Default Reviewer"
bookreview_quick_review = [
    ("why-picked-up", "Why I picked it up"),
    ("mood", "Best read *with*"),
    ("give-to", "I'd give it to"),
]
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph
