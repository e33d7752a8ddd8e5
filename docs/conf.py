"""Sphinx configuration of the sphinx-bookreview documentation.

The site is itself a review site written with the extension: every
review page under ``reviews/`` is a live example of the directive.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx_bookreview import __version__

# docs/_ext: this site's own extension, the settings reference generated
# from the extension's table (guides/configuration.rst).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-bookreview"
author = "The sphinx-bookreview developers"
copyright = "2026, The sphinx-bookreview developers"
release = __version__
version = ".".join(__version__.split(".")[:2])

# No sphinx_design: its stylesheet would add some 60 KB to every page, and
# the listing's cards have CSS of their own (the tests cover both).
extensions = [
    "sphinx_bookreview",
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "settings_reference",
    "package_map",
]

html_theme = "bookreview"
html_theme_options = {
    "recent_reviews": 4,
    "description": "Book reviews for Sphinx: a directive, a metadata card, "
    "a quick review, cross-links, listings, feeds and a reading-first theme.",
    "footer_text": "Text and reviews under the MIT licence.",
}
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_baseurl = "https://sphinx-bookreview.readthedocs.io/en/latest/"
html_title = "sphinx-bookreview"

exclude_patterns = ["_build"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

# MyST: ``:::`` fences as well as backticks, so a review can nest a fenced code block.
myst_enable_extensions = ["colon_fence"]

# The PDF, with Sphinx's default engine (pdflatex): LaTeX's UTF-8 input
# knows the letters, dashes, quotes and the multiplication sign, but not
# the characters below, which these pages show (a rating's text form, the
# data-flow diagram in contributing.rst, the benchmark limits); without
# them the PDF stops at "Unicode character ... not set up for use with
# LaTeX". pmboxdraw draws the box-drawing characters; BLACK STAR is the
# extension's own full star (amssymb's, which Sphinx loads); the diagram's
# two triangles keep to one column of its code block; LESS-THAN OR EQUAL
# TO is math's.
#: The letters of the examples in scripts pdflatex has no font for (a
#: Chinese title and name, a Russian title: ids docutils keeps nothing
#: of): the PDF names their code points.
OTHER_SCRIPTS = "三体刘慈欣Война и мир".replace(" ", "")
latex_elements = {
    "preamble": r"""
\usepackage{pmboxdraw}
\newcommand{\docsmonocolumn}[1]{\makebox[\fontcharwd\font`\x][c]{#1}}
\DeclareUnicodeCharacter{2605}{\ensuremath{\bigstar}}
\DeclareUnicodeCharacter{25BA}{\docsmonocolumn{\ensuremath{\blacktriangleright}}}
\DeclareUnicodeCharacter{25BC}{\docsmonocolumn{\ensuremath{\blacktriangledown}}}
\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}
\newcommand{\docscodepoint}[1]{\textsf{\small<U+#1>}}
"""
    + "".join(
        rf"\DeclareUnicodeCharacter{{{ord(c):04X}}}{{\docscodepoint{{{ord(c):04X}}}}}" + "\n"
        for c in sorted(set(OTHER_SCRIPTS))
    ),
}
