"""HTML and plain-text reviews to rst and MyST: structure, escaping, and a round trip through the real parsers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import docutils.core
import docutils.nodes
import pytest
from docutils.parsers.rst import roles
from myst_parser.parsers.docutils_ import Parser as MystParser

from sphinx_bookreview.cli.markup import (
    Span,
    html_to_paragraphs,
    md_paragraph,
    resolve_references,
    rst_paragraph,
    text_to_paragraphs,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils.nodes import Node


def rst(html: str) -> str:
    return "\n\n".join("\n".join(rst_paragraph(p)) for p in html_to_paragraphs(html))


def md(html: str) -> str:
    return "\n\n".join("\n".join(md_paragraph(p)) for p in html_to_paragraphs(html))


def test_paragraphs_and_line_breaks() -> None:
    paragraphs = html_to_paragraphs("One<br/>two<br /><br/>three<p>four</p>")
    assert paragraphs == (
        ((Span("One"),), (Span("two"),)),
        ((Span("three"),),),
        ((Span("four"),),),
    )


def test_styles_links_and_entities() -> None:
    html = 'A <b>bold</b>, <i>quiet</i> <a href="https://example.org/a_">link</a> &amp; &eacute;'
    assert rst(html) == "A **bold**, *quiet* `link <https://example.org/a%5F>`__ & é"
    assert md(html) == "A **bold**, *quiet* [link](<https://example.org/a_>) \\& é"


def test_markup_glued_to_words() -> None:
    html = "word<i>glued</i>on <b>Bold<i>and italic</i></b>x"
    assert rst(html) == "word\\ *glued*\\ on **Boldand italic**\\ x"
    assert md(html) == "word*glued*on **Boldand italic**x"


def test_only_http_links_are_kept() -> None:
    assert rst('<a href="javascript:alert(1)">bad</a> <a>none</a>') == "bad none"


def test_whitespace_is_collapsed_like_html() -> None:
    assert rst("  a \n  <i> b </i>  c  ") == "a *b* c"


def test_plain_text_keeps_its_lines() -> None:
    assert text_to_paragraphs("one\ntwo\n\n\nthree <b>not a tag</b>") == (
        ((Span("one"),), (Span("two"),)),
        ((Span("three <b>not a tag</b>"),),),
    )


def test_line_breaks_in_each_markup() -> None:
    (paragraph,) = html_to_paragraphs("first<br/>- second")
    assert rst_paragraph(paragraph) == ["| first", "| - second"]
    assert md_paragraph(paragraph) == ["first\\", "\\- second"]


@pytest.mark.parametrize(
    ("text", "expected_rst", "expected_md"),
    [
        (".. raw:: html", "\\.. raw:\\: html", "\\.. raw:: html"),
        ("- not a list", "\\- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list", "1\\. not a list"),
        ("A. Quill wrote it.", "A\\. Quill wrote it.", "A. Quill wrote it."),
        ("# not a heading", "\\# not a heading", "\\# not a heading"),
        ("% not a comment", "\\% not a comment", "\\% not a comment"),
        (":author: not an option", "\\:author: not an option", "\\:author: not an option"),
        ("Note::", "Note:\\:", "Note::"),
        ("snake_case and _x_ and *y* and `z` and |s|", None, None),
        ("```{note}", None, None),
        ("• bullet", "\\• bullet", "• bullet"),
    ],
)
def test_block_starts_are_escaped(text: str, expected_rst: str | None, expected_md: str | None) -> None:
    (paragraph,) = text_to_paragraphs(text)
    if expected_rst is not None:
        assert rst_paragraph(paragraph) == [expected_rst]
    if expected_md is not None:
        assert md_paragraph(paragraph) == [expected_md]


TRICKY = [
    ".. raw:: html",
    "- not a list",
    "1. not enumerated",
    "A. Quill",
    "Note::",
    "Footnote [1]_ and *stars* and `ticks` and |pipes| and snake_case_ and __init__",
    "trailing backslash \\",
    "```{note}",
    ":::{note}",
    "(label)=",
    "+++",
    "<div>raw</div> &copy; $x$",
    "==========",
    "\u2022 bullet",
    "星の図書館 — Ĉielo, Ŝtono",
]


def _text_of(doctree: docutils.nodes.document) -> tuple[str, list[str]]:
    problems = [node.astext() for node in doctree.findall(docutils.nodes.system_message)]
    return " ".join(doctree.astext().split()), problems


@pytest.mark.parametrize("text", TRICKY)
def test_rst_round_trip(text: str) -> None:
    """docutils reads the escaped text back as exactly the text, with no message."""
    source = "\n\n".join("\n".join(rst_paragraph(p)) for p in text_to_paragraphs(text))
    doctree = docutils.core.publish_doctree(source, settings_overrides={"report_level": 1, "halt_level": 5})
    assert _text_of(doctree) == (" ".join(text.split()), [])


@pytest.mark.parametrize("text", TRICKY)
def test_md_round_trip(text: str) -> None:
    source = "\n\n".join("\n".join(md_paragraph(p)) for p in text_to_paragraphs(text))
    doctree = docutils.core.publish_doctree(
        source, parser=MystParser(), settings_overrides={"report_level": 1, "halt_level": 5}
    )
    assert _text_of(doctree) == (" ".join(text.split()), [])


def test_rst_round_trip_of_styles() -> None:
    html = 'x<i>y</i>z <b>b</b>. <a href="https://example.org/">l&lt;ink</a>'
    doctree = docutils.core.publish_doctree(rst(html), settings_overrides={"report_level": 1, "halt_level": 5})
    assert _text_of(doctree) == ("xyz b. l<ink", [])
    assert [node.astext() for node in doctree.findall(docutils.nodes.emphasis)] == ["y"]
    assert [node["refuri"] for node in doctree.findall(docutils.nodes.reference)] == ["https://example.org/"]


# -- Goodreads' spoilers and links (issue 14, item 3) ----------------------------------------


@pytest.fixture
def review_roles() -> Iterator[None]:
    """Our roles as docutils sees them: each an inline node holding its text, classed by role name."""

    def role(name: str, rawtext: str, text: str, *args: object, **kwargs: object) -> tuple[list[Node], list[Node]]:
        return [docutils.nodes.inline(rawtext, text, classes=[name])], []

    for name in ("spoiler", "book", "book-author"):
        roles.register_local_role(name, role)  # type: ignore[arg-type]
    yield
    for name in ("spoiler", "book", "book-author"):
        roles._roles.pop(name, None)  # docutils has no public way to unregister a role


def test_goodreads_spoilers_become_spoiler_spans() -> None:
    html = "A<spoiler>b <i>c</i></spoiler>d (view spoiler)[e<br/>f (hide spoiler)] g"
    assert html_to_paragraphs(html) == (
        (
            (Span("A"), Span("b c", spoiler=True), Span("d "), Span("e", spoiler=True)),
            (Span("f ", spoiler=True), Span("g")),
        ),
    )


def test_goodreads_links_become_references() -> None:
    html = (
        "See [b:Dune|234225|Dune (Dune, #1)|Frank Herbert|https://x/y.jpg|3634639] by "
        "[a:Frank Herbert|58|Frank Herbert|https://x/a.jpg]."
    )
    (paragraph,) = html_to_paragraphs(html)
    assert paragraph == ((
        Span("See "), Span("Dune", role="book", target="234225"), Span(" by "),
        Span("Frank Herbert", role="book-author", target="Frank Herbert"), Span("."),
    ),)  # fmt: skip
    linked = resolve_references(
        (paragraph,), {("book", "234225"): "dune", ("book-author", "Frank Herbert"): "Frank Herbert"}
    )
    assert rst_paragraph(linked[0]) == ["See :book:`Dune <dune>` by :book-author:`Frank Herbert`."]
    assert md_paragraph(linked[0]) == ["See {book}`Dune <dune>` by {book-author}`Frank Herbert`."]
    # A book or author not in the import: the title or name as text.
    assert resolve_references((paragraph,), {}) == (
        (tuple(Span(t) for t in ("See ", "Dune", " by ", "Frank Herbert", ".")),),
    )


ROLE_TEXTS = ["a *star* and `ticks` and <angle> and \\ and |pipe|", "``double`` ticks", "`edge`"]


@pytest.mark.parametrize("text", ROLE_TEXTS)
@pytest.mark.usefixtures("review_roles")
def test_spoilers_and_links_round_trip(text: str) -> None:
    """Whatever their text holds, docutils and MyST read each role back as it was, glued to words or not."""
    spans = (Span("x"), Span(text, spoiler=True), Span("y "), Span(text, role="book", target="dune"), Span("."))
    for source, parser in ((rst_paragraph((spans,)), None), (md_paragraph((spans,)), MystParser())):
        overrides = {"report_level": 1, "halt_level": 5}
        doctree = docutils.core.publish_doctree("\n".join(source), parser=parser, settings_overrides=overrides)
        # MyST keeps the space that keeps a backtick off the fence (``{spoiler}`` `edge` ```).
        found = {node["classes"][0]: node.astext().strip() for node in doctree.findall(docutils.nodes.inline)}
        assert found == {"spoiler": text, "book": f"{text} <dune>"}, source
        assert _text_of(doctree)[1] == []
