"""Headings inside a review (and inside a spoiler block in it) are rubrics,
the same in reStructuredText and MyST: their text is kept, with its markup,
and what is under a heading stays in the review. docutils used to refuse a
title there ("Unexpected section title.") and drop its text; MyST has made
such a heading a rubric all along.

The root ``test-headings`` holds one review per markup, with nested headings.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from projects import compiled_pdf

from sphinx_bookreview.nodes import bookreview, bookreview_spoiler_block

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp

DOCNAMES = ("review_rst", "review_md")
#: The body of each review, one (node, text) per child, headings at any depth side by side.
BODY = [
    ("paragraph", "The catalogue is the book."),
    ("rubric", "Part one"),
    ("paragraph", "Why to refactor."),
    ("rubric", "The zeugma of names"),
    ("paragraph", "Renaming comes first."),
    ("rubric", "Part two"),
    ("paragraph", "The catalogue itself."),
    ("bookreview_spoiler_block", "Spoiler: The last chapter\n\nThe spoiled heading\n\nIt ends with tools."),
]


def build(built: Build, buildername: str, **kwargs: object) -> SphinxTestApp:
    app = built("headings", buildername, **kwargs)
    assert app.warning.getvalue() == ""  # -W clean
    return app


def body(app: SphinxTestApp, docname: str) -> nodes.Element:
    (review,) = app.env.get_doctree(docname).findall(bookreview)
    return review[-1]


@pytest.mark.parametrize("docname", DOCNAMES)
def test_headings_become_rubrics_in_the_review(built: Build, docname: str) -> None:
    app = build(built, "dummy")
    doctree = app.env.get_doctree(docname)
    content = body(app, docname)
    assert content["classes"] == ["bookreview-body"]
    assert [(child.tagname, child.astext()) for child in content.children] == BODY
    # The heading's markup is kept; nothing of the review became a section of the page.
    assert content[1].next_node(nodes.emphasis).astext() == "one"
    assert [section[0].astext() for section in doctree.findall(nodes.section)] == [doctree[0][0].astext()]
    spoiler = next(content.findall(bookreview_spoiler_block))
    assert [(child.tagname, child.astext()) for child in spoiler.children[1:]] == [
        ("rubric", "The spoiled heading"),
        ("paragraph", "It ends with tools."),
    ]
    # As linkable as the heading was: the rubric has its id and name.
    rubrics = list(content.findall(nodes.rubric))
    assert [(r["ids"], r["names"]) for r in rubrics] == [
        (["part-one"], ["part one"]),
        (["the-zeugma-of-names"], ["the zeugma of names"]),
        (["part-two"], ["part two"]),
        (["the-spoiled-heading"], ["the spoiled heading"]),
    ]


def test_rst_and_myst_give_the_same_body(built: Build) -> None:
    app = build(built, "dummy")
    rst, myst = (body(app, docname).deepcopy() for docname in DOCNAMES)
    for rubric in myst.findall(nodes.rubric):
        del rubric["level"]  # MyST notes its heading's level (## is 2), which no builder shows
    for content in (rst, myst):
        for node in content.findall(nodes.Element):
            node.source = node.line = None
    assert rst.pformat() == myst.pformat()


@pytest.mark.parametrize("docname", DOCNAMES)
def test_html(built: Build, docname: str) -> None:
    app = build(built, "html")
    soup = BeautifulSoup((app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    review = soup.select_one("article.bookreview .bookreview-body")
    assert review is not None
    # A <p> in Sphinx's HTML; any element here, as MyST's own docutils
    # parser, which other tests run in this process, makes docutils write
    # a rubric with a level as <h2> from then on.
    assert [(p["id"], p.decode_contents()) for p in review.select(".rubric")] == [
        ("part-one", "Part <em>one</em>"),
        ("the-zeugma-of-names", "The zeugma of names"),
        ("part-two", "Part two"),
        ("the-spoiled-heading", "The spoiled heading"),
    ]
    assert "Renaming comes first." in review.get_text()
    assert "It ends with tools." in review.get_text()


def test_a_link_to_a_heading_leads_to_its_rubric(built: Build) -> None:
    app = build(built, "html")
    soup = BeautifulSoup((app.outdir / "review_rst.html").read_text(encoding="utf-8"), "html.parser")
    (link,) = soup.select('a[href="#part-two"]')
    assert link.get_text() == "Part two"
    assert soup.select_one("#part-two")["class"] == ["rubric"]


def test_search_finds_the_rubric_text(built: Build) -> None:
    app = build(built, "html")
    script = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    pages = index["terms"]["zeugma"]
    docnames = [index["docnames"][page] for page in (pages if isinstance(pages, list) else [pages])]
    assert sorted(docnames) == sorted(DOCNAMES)


@pytest.mark.parametrize("docname", DOCNAMES)
def test_text(built: Build, docname: str) -> None:
    app = build(built, "text")
    text = (app.outdir / f"{docname}.txt").read_text(encoding="utf-8")
    shown = re.findall(r"-\[ (.+) \]-|^(Why to refactor\.|Renaming comes first\.|After the review\.)$", text, re.M)
    assert ["".join(match) for match in shown] == [
        "Part *one*",
        "Why to refactor.",
        "The zeugma of names",
        "Renaming comes first.",
        "Part two",
        "The spoiled heading",
        "After the review.",
    ]


@pytest.mark.latex
def test_latex_and_pdf(built: Build, tmp_path: Path) -> None:
    app = build(built, "latex")
    tex = (app.outdir / "headings.tex").read_text(encoding="utf-8")
    for docname in DOCNAMES:
        start = tex.index(f"{docname}:refactoring-")  # the review's label
        review = tex[start : tex.index("After the review.", start)]
        assert re.findall(r"\\subsubsection\*\{(.*)\}", review) == [
            r"Part \sphinxstyleemphasis{one}",
            "The zeugma of names",
            "Part two",
            "The spoiled heading",
        ]
    assert compiled_pdf(app.outdir, "headings", tmp_path / "latex").is_file()


@pytest.mark.parametrize("docname", DOCNAMES)
def test_gettext_extracts_the_headings(built: Build, docname: str) -> None:
    app = build(built, "gettext")
    catalog = (app.outdir / f"{docname}.pot").read_text(encoding="utf-8")
    # A rubric's message is its source text; MyST keeps none for its
    # rubrics, and Sphinx takes their text instead.
    first = "Part *one*" if docname == "review_rst" else "Part one"
    for heading in (first, "The zeugma of names", "Part two", "The spoiled heading"):
        assert f'msgid "{heading}"' in catalog


@pytest.mark.parametrize("docname", DOCNAMES)
def test_translated_headings(built: Build, docname: str) -> None:
    app = build(built, "html", confoverrides={"language": "de"})
    soup = BeautifulSoup((app.outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    rubrics = [p.decode_contents() for p in soup.select(".bookreview-body .rubric")]  # see test_html
    assert rubrics[:3] == ["Erster <em>Teil</em>", "Das Zeugma der Namen", "Part two"]
