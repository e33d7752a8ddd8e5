project = "Duplicate"
extensions = ["sphinx_bookreview"]
show_warning_types = True
bookreview_opengraph = False  # no html_baseurl: link previews are tested in test-opengraph


def read_in_reverse(app, env, docnames):
    """Read the documents in reverse order, so "b" is read before "a"."""
    docnames.reverse()


def setup(app):
    if tags.has("reverse"):  # noqa: F821 - Sphinx puts `tags` in conf.py's namespace
        app.connect("env-before-read-docs", read_in_reverse)
