"""Every builder Sphinx ships renders a review that uses every option and
every role with no warning, and shows the facts in its own idiom.

The root ``test-full`` is built once per builder (the ``built`` fixture).
"""

from __future__ import annotations

import html
import json
import pickle
import re
import shutil
import subprocess
import zipfile
from typing import TYPE_CHECKING

import pytest
from conftest import cover_copy
from lxml import etree
from projects import compiled_pdf

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp


TITLE = "Foundations of Python Network Programming"
#: What every output shows: title, authors, ISBN (hyphenated ISBN-13 from
#: the ISBN-10 given), the quick-review questions and answers, the body.
FACTS = (
    TITLE,
    "The comprehensive guide",
    "Brandon Rhodes",
    "John Goerzen",
    "978-1-4302-3003-8",
    "Apress",
    "Why I picked it up",
    "A colleague's",
    "recommendation",
    "Why I finished it",
    "select",
    "I'd give it to",
    "Anyone who writes network code.",
    "The best book on sockets in Python.",
    "A review copy from the publisher.",
    "The review body says that sockets are",
)
STARS = "★★★★½ (4.5/5)"


def plain(text: str) -> str:
    """Undo each output's escaping of apostrophes and hyphens, so one list
    of facts serves every builder."""
    for escaped, char in (("\u2019", "'"), (r"\(aq", "'"), (r"\-", "-"), (r"\sphinxhyphen{}", "-")):
        text = text.replace(escaped, char)
    return " ".join(html.unescape(text).split())


def assert_facts(text: str, *rating: str) -> None:
    shown = plain(text)
    missing = [fact for fact in (*FACTS, *rating) if fact not in shown]
    assert not missing, f"missing from the output: {missing}"


def assert_clean(app: SphinxTestApp) -> None:
    """The -W promise: zero warnings."""
    assert app.warning.getvalue() == ""


@pytest.fixture
def build(built: Build) -> Callable[[str], SphinxTestApp]:
    def build_full(buildername: str) -> SphinxTestApp:
        app = built("full", buildername)
        assert_clean(app)
        return app

    return build_full


def html_review(page: str) -> str:
    """The review's ``<article>`` of an HTML page, its search anchor (its
    element's second id, which docutils writes as an empty span) first."""
    match = re.search(
        r'<article class="bookreview" id="fopnp">\n<span id="bookreview--fopnp"></span>.*?</article>', page, re.DOTALL
    )
    assert match, "no review article with the id fopnp and its search anchor"
    return match[0]


def test_html(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("html")
    article = html_review((app.outdir / "review.html").read_text(encoding="utf-8"))
    assert_facts(article, 'aria-label="4.5 out of 5"')
    assert (app.outdir / "book-author.html").is_file()
    assert (app.outdir / "book-tag.html").is_file()
    assert (app.outdir / "book-rating.html").is_file()


def test_dirhtml(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("dirhtml")
    page = (app.outdir / "review" / "index.html").read_text(encoding="utf-8")
    assert_facts(html_review(page), 'aria-label="4.5 out of 5"')
    assert 'href="../book-author/#cap-Brandon%C2%A0Rhodes"' in page
    assert f'"image": "../{cover_copy(app.outdir, "cover", 20, "png")}"' in page


def test_singlehtml(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("singlehtml")
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert_facts(html_review(page), 'aria-label="4.5 out of 5"')
    # Links between documents point into the one page, as plain anchors.
    assert '<a class="reference internal" href="#fopnp"' in page
    assert 'href="#sicp"' in page
    # Every review keeps its structured data, not only the root document's.
    assert page.count('<script type="application/ld+json">') == page.count('<article class="bookreview"')
    # No index pages here: authors and tags are plain text, not dead links.
    assert 'href="book-author' not in page


def test_epub(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("epub")
    assert_facts(html_review((app.outdir / "review.xhtml").read_text(encoding="utf-8")), 'aria-label="4.5 out of 5"')
    with zipfile.ZipFile(app.outdir / "Full.epub") as epub:
        assert cover_copy(app.outdir, "cover", 20, "png") in epub.namelist()  # the one copy for e-books
        assert TITLE in epub.read("review.xhtml").decode()
        # The epub has the index pages, so authors link to their entries.
        assert "book-author.xhtml" in epub.namelist()
        assert 'href="book-author.xhtml#cap-Brandon%C2%A0Rhodes"' in epub.read("review.xhtml").decode()


def test_latex(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("latex")
    tex = (app.outdir / "full.tex").read_text(encoding="utf-8")
    # Stars in boxes of five, then the number: a narrow line breaks between them.
    assert_facts(tex, r"\mbox{$\bigstar$$\bigstar$$\bigstar$$\bigstar$\textonehalf}\ \mbox{(4.5/5)}")
    # The facts are a description list in LaTeX.
    assert r"\sphinxlineitem{Authors}" in tex
    assert r"\sphinxlineitem{Why I picked it up}" in tex
    assert r"\sphinxincludegraphics" in tex
    # The review's label, which :book: links and index entries point at.
    assert r"\phantomsection\label{\detokenize{review:fopnp}}" in tex
    assert tex.count(r"\label{\detokenize{review:bookreview--fopnp}}") == 1  # the search anchor's
    assert r"\hyperref[\detokenize{review:fopnp}]" in tex
    # Special characters are escaped, not LaTeX commands.
    assert r"\textless{}b\textgreater{}Bold\textless{}/b\textgreater{} \& “Quoted” \#\$\%\&\textasciitilde{}\_" in tex
    assert (app.outdir / "cover.png").is_file()


@pytest.mark.latex
def test_latex_pdf_compiles(build: Callable[[str], SphinxTestApp], tmp_path: Path) -> None:
    app = build("latex")
    pdf = compiled_pdf(app.outdir, "full", tmp_path / "latex")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert TITLE in " ".join(text.split())
        assert "978-1-4302-3003-8" in text
        # The title with every LaTeX special character comes out as text.
        assert "<b>Bold</b> & “Quoted” #$%&~_^\\{} Book" in text
    # Every link and index entry found its label.
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "undefined" not in log


def test_text(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("text")
    text = (app.outdir / "review.txt").read_text(encoding="utf-8")
    assert_facts(text, STARS)
    assert "Rating:\n   ★★★★½ (4.5/5)\n" in text
    assert "A rating: ★★★★½ (4.5/5)." in (app.outdir / "roles.txt").read_text(encoding="utf-8")


def test_man(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("man")
    assert_facts((app.outdir / "full.1").read_text(encoding="utf-8"), STARS)


def test_texinfo(build: Callable[[str], SphinxTestApp], tmp_path: Path) -> None:
    app = build("texinfo")
    texi = (app.outdir / "full.texi").read_text(encoding="utf-8")
    assert_facts(texi, STARS)
    # The review's anchor is where the review starts, before its card.
    assert texi.index("@anchor{review fopnp}") < texi.index("Brandon Rhodes")
    assert texi.count("@anchor{review bookreview--fopnp}") == 1  # the search anchor's
    if not shutil.which("makeinfo"):
        pytest.skip("makeinfo is not installed")
    # The Info file goes to this test's folder: the build is shared, and read only.
    info = tmp_path / "full.info"
    result = subprocess.run(
        ["makeinfo", "--no-split", "full.texi", "-o", str(info)],
        cwd=app.outdir, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert_facts(info.read_text(encoding="utf-8"), STARS)


def test_xml(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("xml")
    xml = (app.outdir / "review.xml").read_text(encoding="utf-8")
    assert_facts(xml, STARS)
    (review,) = etree.fromstring(xml.encode()).iter("bookreview")
    assert (review.get("classes"), review.get("review-id")) == ("bookreview", "fopnp")
    # The review's id first, then the anchor objects.inv and the search index give it.
    assert review.get("ids") == "fopnp bookreview--fopnp"
    # What the HTML visitor writes as JSON-LD, carried by the node.
    assert json.loads(review.get("jsonld"))["itemReviewed"]["isbn"] == "9781430230038"


def test_pseudoxml(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("pseudoxml")
    text = (app.outdir / "review.pseudoxml").read_text(encoding="utf-8")
    assert_facts(text, STARS)
    assert '<bookreview_quick classes="bookreview-quick">' in text


def test_gettext(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("gettext")
    pot = (app.outdir / "review.pot").read_text(encoding="utf-8")
    msgids = set(re.findall(r'^msgid "(.+)"$', pot, re.MULTILINE))
    review_text = {
        TITLE,
        "The best book on sockets in Python.",  # the verdict
        "A review copy from the publisher.",  # the disclosure
        "A colleague's *recommendation*.",  # quick-review answers, as written
        "The chapter on ``select``.",
        "Anyone who writes network code.",
        "The review body says that sockets are **fun**.",  # the body
        "It links to :book:`the other book <sicp>`.",
        # Labels: translatable with the rest of the page.
        "Quick Review",
        "Why I picked it up",
        "Why I finished it",
        "I'd give it to",
    }
    assert review_text <= msgids, review_text - msgids
    # The card's messages point at the directive's line, the body's at theirs.
    pot = pot.replace(str(app.srcdir), "../..")
    for text in (TITLE, "The best book on sockets in Python.", "A colleague's *recommendation*."):
        assert f'#: ../../review.rst:4\nmsgid "{text}"' in pot
    assert '#: ../../review.rst:34\nmsgid "The review body says' in pot


def test_json(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("json")
    page = json.loads((app.outdir / "review.fjson").read_text(encoding="utf-8"))
    assert_facts(html_review(page["body"]), 'aria-label="4.5 out of 5"')
    assert '<meta name="description" content="The best book on sockets in Python." />' in page["metatags"]


def test_pickle(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("pickle")
    with (app.outdir / "review.fpickle").open("rb") as file:
        page = pickle.load(file)
    assert_facts(html_review(page["body"]), 'aria-label="4.5 out of 5"')


# -- issue 14: an audiobook re-read, its series, and spoilers, in every builder ----------

#: The audiobook's facts as every builder shows them.
AUDIO_FACTS = (
    "Narrator",
    "Gideon Emery",
    "Ken MacLeod (Introduction)",
    "Book 1 of",
    "The Laundry Files",
    "2010-06 (first published 2004)",
    "B0036WT4SA",
    "Listened",
    "2015-02-01 \u2013 2015-03-01; started 2024-01-05 (Abandoned)",
    "page 120 of 350 (34%)",
    "Book 1.5 of",
    "Earlier review",
)
INLINE_SPOILER = "Then the basilisk turns up."


def assert_audio(text: str) -> None:
    shown = plain(text.replace(r"\textendash{}", "\u2013").replace(r"\%", "%"))
    missing = [fact for fact in AUDIO_FACTS if fact not in shown]
    assert not missing, f"missing from the output: {missing}"


@pytest.mark.parametrize(
    ("buildername", "page", "marked"),
    [
        ("text", "audio.txt", [f"[Spoiler: {INLINE_SPOILER}]", "Spoiler: The ending: Bob *saves* the world."]),
        ("man", "full.1", ["[Spoiler: Then the basilisk turns up.]", '.IP "Spoiler: The ending"']),
        ("texinfo", "full.texi", ["[Spoiler: Then the basilisk turns up.]", "@quotation Spoiler: The ending"]),
        ("latex", "full.tex", [
            r"\sphinxstylestrong{[Spoiler:} Then the basilisk turns up.\sphinxstylestrong{]}",
            r"\begin{sphinxadmonition}{note}{Spoiler: The ending}",
        ]),
    ],
)  # fmt: skip
def test_spoilers_are_marked_where_they_cannot_hide(
    build: Callable[[str], SphinxTestApp], buildername: str, page: str, marked: list[str]
) -> None:
    app = build(buildername)
    text = (app.outdir / page).read_text(encoding="utf-8")
    assert_audio(text)
    for mark in marked:
        assert mark in text


def test_html_hides_spoilers_behind_native_controls(build: Callable[[str], SphinxTestApp]) -> None:
    app = build("html")
    page = (app.outdir / "audio.html").read_text(encoding="utf-8")
    assert_audio(page)
    assert (
        '<span class="bookreview-spoiler"><input type="checkbox" class="bookreview-spoiler-toggle" '
        'id="bookreview-spoiler-audio-0" aria-label="Show spoiler" /><label class="bookreview-spoiler-label" '
        'for="bookreview-spoiler-audio-0" aria-hidden="true">Spoiler</label>'
        f'<span class="bookreview-spoiler-text">{INLINE_SPOILER}</span></span>'
    ) in page
    assert (
        '<details class="bookreview-spoiler-block">\n<summary class="bookreview-spoiler-summary">Spoiler: The ending'
        "</summary>\n<p>Bob <em>saves</em> the world.</p>\n</details>"
    ) in page


def test_singlehtml_spoiler_controls_stay_unique(build: Callable[[str], SphinxTestApp]) -> None:
    page = (build("singlehtml").outdir / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<input type="checkbox" class="bookreview-spoiler-toggle" id="([^"]+)"', page)
    assert len(ids) == 2
    assert len(set(ids)) == len(ids)


def test_epub_marks_spoilers(build: Callable[[str], SphinxTestApp]) -> None:
    """E-book readers may show neither the control nor ``<details>``."""
    page = (build("epub").outdir / "audio.xhtml").read_text(encoding="utf-8")
    assert_audio(page)
    assert f'[<strong class="bookreview-spoiler-label">Spoiler:</strong> {INLINE_SPOILER}]</span>' in page
    assert "<input" not in page
    assert "<details" not in page
    assert '<p class="admonition-title">Spoiler: The ending</p>' in page


def test_gettext_extracts_spoilers(build: Callable[[str], SphinxTestApp]) -> None:
    pot = (build("gettext").outdir / "audio.pot").read_text(encoding="utf-8")
    msgids = set(re.findall(r'^msgid "(.+)"$', pot, re.MULTILINE))
    assert {
        f"It starts as a spy novel. :spoiler:`{INLINE_SPOILER}`",
        "Spoiler: The ending",
        "Bob *saves* the world.",
        "Anyone who likes :spoiler:`basilisk guns`.",
    } <= msgids
