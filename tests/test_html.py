"""HTML output: the classes of SPEC section 2, the stylesheet, JSON-LD,
the meta description, and escaping of every field."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import cover_copy
from docutils.nodes import make_id

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp


SPECIAL_TITLE = '<b>Bold</b> & "Quoted" #$%&~_^\\{} Book'


def soup_of(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def words(element: Tag | None) -> str:
    assert element is not None
    return " ".join(element.get_text(" ").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def jsonld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


@pytest.fixture(scope="module")
def full(built: Build) -> SphinxTestApp:
    app = built("full", "html")
    assert app.warning.getvalue() == ""
    return app


@pytest.fixture(scope="module")
def review(full: SphinxTestApp) -> Tag:
    article = soup_of(full, "review.html").select_one("article.bookreview")
    assert article is not None
    return article


def test_root_carries_the_review_id(review: Tag) -> None:
    assert review["id"] == "fopnp"
    assert review["class"] == ["bookreview"]


def test_card_shows_every_fact(review: Tag) -> None:
    card = review.select_one("aside.bookreview-card")
    facts = {words(dt).rstrip(": "): words(dd) for dt, dd in zip(card.select("dt"), card.select("dd"), strict=True)}
    assert facts == {
        "Authors": "Brandon Rhodes , John Goerzen",
        "Editor": "Edith Editor",
        "Translators": "Theo Translator , Tess Translator",
        "Illustrator": "Ivy Illustrator",
        "Series": "Book 3 of Expert's Voice in Open Source",
        "Edition": "2nd",
        "Publisher": "Apress",
        "Published": "2010-12",
        "Pages": "368",
        "Format": "Paperback",
        "Language": "German (de)",
        "ISBN": "978-1-4302-3003-8",
        "Website": "example. org/ fopnp",  # words() puts a space where a line may break (<wbr/>)
        "Rating": "4.5",
        "Tags": "python , networking",
        "Started": "2024-01-10",
        "Finished": "2024-02-20",
        "Reviewed by": "Rita Reviewer",
        "Review date": "2024-03-01",
    }
    assert (
        words(card.select_one(".bookreview-title"))
        == "Foundations of Python Network Programming : The comprehensive guide"
    )
    assert words(card.select_one(".bookreview-disclosure")) == "Disclosure: A review copy from the publisher."
    website = card.select_one("a.bookreview-url")
    assert (website.get_text(), website["href"]) == ("example.org/fopnp", "https://example.org/fopnp")
    assert str(website).count("<wbr/>") == 2  # after "example." and "org/"


def test_cover_has_alt_size_and_loads_first(review: Tag, full: SphinxTestApp) -> None:
    """The card's cover is the page's likely largest picture: loaded at
    once, first (the file is 20 px wide: one WebP copy, not wider)."""
    cover = review.select_one(".bookreview-card img.bookreview-cover")
    webp = cover_copy(full.outdir, "cover", 20, "webp")
    assert cover.attrs | {"class": None} == {
        "src": cover_copy(full.outdir, "cover", 20, "png"), "srcset": f"{webp} 20w", "sizes": "176px",
        "alt": "Cover of Foundations of Python Network Programming", "width": "20", "height": "30",
        "loading": "eager", "fetchpriority": "high", "decoding": "async", "class": None,
    }  # fmt: skip


def test_isbn_hyphenated_and_linked(review: Tag) -> None:
    isbn = review.select_one(".bookreview-card .bookreview-isbn")
    assert words(isbn) == "978-1-4302-3003-8"
    assert isbn.a["href"] == "https://openlibrary.org/isbn/9781430230038"


def test_author_and_tag_links(review: Tag) -> None:
    links = [a["href"] for a in review.select(".bookreview-card a.reference.internal")]
    assert links == [
        "book-author.html#cap-Brandon%C2%A0Rhodes",
        "book-author.html#cap-John%C2%A0Goerzen",
        "book-tag.html#cap-python",
        "book-tag.html#cap-networking",
    ]


def test_rating_has_stars_and_spoken_text(review: Tag) -> None:
    rating = review.select_one(".bookreview-card .bookreview-rating")
    assert (rating["role"], rating["aria-label"]) == ("img", "4.5 out of 5")
    stars = rating.select_one(".bookreview-stars")
    assert stars["aria-hidden"] == "true"
    assert "--bookreview-fill: 90%" in stars["style"]


def test_quick_review_is_a_description_list(review: Tag) -> None:
    quick = review.select_one("section.bookreview-quick")
    assert words(quick.select_one(".rubric")) == "Quick Review"
    dl = quick.select_one("dl")
    assert [words(dt) for dt in dl.select("dt")] == ["Why I picked it up", "Why I finished it", "I'd give it to"]
    assert [words(dd) for dd in dl.select("dd")] == [
        "A colleague's recommendation .",
        "The chapter on select .",
        "Anyone who writes network code.",
    ]
    # Answers are parsed as inline markup.
    assert dl.select_one("dd em").get_text() == "recommendation"
    assert dl.select_one("dd code").get_text() == "select"


def test_quick_review_shows_only_answered_questions(full: SphinxTestApp) -> None:
    quick = soup_of(full, "second.html").select_one(".bookreview-quick dl")
    assert [words(dt) for dt in quick.select("dt")] == ["Why I picked it up"]


def test_verdict_and_body(review: Tag) -> None:
    assert words(review.select_one(".bookreview-verdict")) == "The best book on sockets in Python."
    body = review.select_one(".bookreview-body")
    assert body.select_one("p strong").get_text() == "fun"
    link = body.select_one("a.reference.internal")
    assert (link["href"], words(link)) == ("second.html#sicp", "the other book")


def test_stylesheet_for_html_builders_only(full: SphinxTestApp, built: Build) -> None:
    assert soup_of(full, "review.html").select('link[rel="stylesheet"][href^="_static/bookreview.min.css"]')
    assert [path.name for path in (full.outdir / "_static").glob("bookreview*")] == ["bookreview.min.css"]
    epub = built("full", "epub")
    assert "_static/bookreview.min.css" in (epub.outdir / "review.xhtml").read_text(encoding="utf-8")
    latex = built("full", "latex")
    assert not list(latex.outdir.rglob("bookreview*.css"))
    assert "bookreview.min.css" not in (latex.outdir / "full.tex").read_text(encoding="utf-8")
    assert not list(built("full", "text").outdir.rglob("*.css"))


def test_rebuild_reports_no_configuration_change(rootdir: Path, tmp_path: Path) -> None:
    """The stylesheet's folder is added before Sphinx compares this build's
    configuration with the stored one, so a rebuild says nothing changed.
    (``sphinx-build`` itself: the test application changes ``html_theme``.)"""
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(rootdir / "test-full"), str(tmp_path / "out")]
    command += ["-d", str(tmp_path / "doctrees")]
    subprocess.run(command, check=True, capture_output=True)
    status = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    assert "configuration has changed" not in status
    assert "0 added, 0 changed, 0 removed" in status


def test_jsonld_one_block_per_review_with_every_field(full: SphinxTestApp, review: Tag) -> None:
    assert len(review.select('script[type="application/ld+json"]')) == 1
    assert jsonld(soup_of(full, "review.html")) == [
        {
            "@context": "https://schema.org",
            "@type": "Review",
            "name": "Foundations of Python Network Programming",
            "author": {"@type": "Person", "name": "Rita Reviewer"},
            "datePublished": "2024-03-01",
            "reviewBody": "The best book on sockets in Python.",
            "reviewRating": {"@type": "Rating", "ratingValue": 4.5, "bestRating": 5, "worstRating": 0},
            "itemReviewed": {
                "@type": "Book",
                "name": "Foundations of Python Network Programming",
                "alternativeHeadline": "The comprehensive guide",
                "author": [{"@type": "Person", "name": "Brandon Rhodes"}, {"@type": "Person", "name": "John Goerzen"}],
                "editor": [{"@type": "Person", "name": "Edith Editor"}],
                "translator": [
                    {"@type": "Person", "name": "Theo Translator"},
                    {"@type": "Person", "name": "Tess Translator"},
                ],
                "illustrator": [{"@type": "Person", "name": "Ivy Illustrator"}],
                "isPartOf": {"@type": "BookSeries", "name": "Expert's Voice in Open Source"},
                "position": 3,
                "isbn": "9781430230038",
                "bookEdition": "2nd",
                "bookFormat": "https://schema.org/Paperback",
                "numberOfPages": 368,
                "publisher": {"@type": "Organization", "name": "Apress"},
                "datePublished": "2010-12",
                "inLanguage": "de",
                "image": cover_copy(full.outdir, "cover", 20, "png"),
                "url": "https://example.org/fopnp",
            },
        }
    ]


def test_jsonld_rescaled_rating_and_default_reviewer(full: SphinxTestApp) -> None:
    (data,) = jsonld(soup_of(full, "second.html"))
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": 4.0, "bestRating": 5, "worstRating": 0}
    assert data["author"] == {"@type": "Person", "name": "Project Author"}  # the project's author
    assert data["itemReviewed"]["bookFormat"] == "https://schema.org/Hardcover"


def test_jsonld_escapes_what_could_end_the_script(full: SphinxTestApp) -> None:
    page = (full.outdir / "special.html").read_text(encoding="utf-8")
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert not set("<>&") & set(raw)
    assert r"\u003cb\u003eBold\u003c/b\u003e \u0026 \"Quoted\"" in raw
    assert r"It ends \u003c/script\u003e\u003c!-- here" in raw
    data = json.loads(raw)
    assert data["name"] == data["itemReviewed"]["name"] == SPECIAL_TITLE
    assert data["reviewBody"] == 'It ends </script><!-- here & "there".'


def test_every_field_stays_text(full: SphinxTestApp) -> None:
    soup = soup_of(full, "special.html")
    article = soup.select_one("article.bookreview")
    assert article["id"] == make_id(SPECIAL_TITLE) == "b-bold-b-quoted-book"
    # No markup got through: the only elements are the ones we write.
    assert not article.select("b, i, em:not(.xref), br, x")
    assert [s["type"] for s in article.select("script")] == ["application/ld+json"]
    card = article.select_one(".bookreview-card")
    assert words(card.select_one(".bookreview-title")) == (
        '<b>Bold</b> & "Quoted" #$%&~_^\\{} Book : <i>not italic</i> & <script>alert(1)</script>'
    )
    facts = {words(dt).rstrip(": "): words(dd) for dt, dd in zip(card.select("dt"), card.select("dd"), strict=True)}
    assert facts["Author"] == 'Ann <b>Author</b> & "Co"'
    assert facts["Publisher"] == '<b>Pub</b> & "Sons" #$%&~_^\\{}'
    assert facts["Series"] == "Book 2 of <em>Series</em> & Co"
    assert facts["Edition"] == "1st <br>"
    assert facts["Tags"] == "c&d , <x>"
    assert words(card.select_one(".bookreview-disclosure")) == 'Disclosure: <i>Nothing</i> & "none".'
    assert words(article.select_one(".bookreview-quick dd")) == 'Because <b>it</b> & "that".'
    assert words(article.select_one(".bookreview-body")) == "Body text with <b>tags</b> & #$%&~_^{}."


def test_escaped_author_and_tag_anchors_exist(full: SphinxTestApp) -> None:
    card = soup_of(full, "special.html").select_one(".bookreview-card")
    for link in card.select('a[href*="book-"]'):
        page, _, fragment = link["href"].partition("#")
        assert soup_of(full, page).find(id=unquote(fragment)) is not None, link["href"]


def test_meta_description_from_the_verdict(full: SphinxTestApp) -> None:
    meta = soup_of(full, "review.html").select('meta[name="description"]')
    assert [m["content"] for m in meta] == ["The best book on sockets in Python."]
    meta = soup_of(full, "special.html").select('meta[name="description"]')
    assert [m["content"] for m in meta] == ['It ends </script><!-- here & "there".']


@pytest.fixture(scope="module")
def meta(built: Build) -> SphinxTestApp:
    app = built("meta", "html")
    assert app.warning.getvalue() == ""
    return app


@pytest.mark.parametrize(
    ("page", "expected"),
    [("one.html", ['Short & "sweet" <3.']), ("two.html", []), ("silent.html", []), ("index.html", [])],
)
def test_meta_description_only_on_a_page_with_one_review(meta: SphinxTestApp, page: str, expected: list[str]) -> None:
    soup = soup_of(meta, page)
    assert [m["content"] for m in soup.select('meta[name="description"]')] == expected


def test_meta_description_escaped(meta: SphinxTestApp) -> None:
    page = (meta.outdir / "one.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Short &amp; &quot;sweet&quot; &lt;3." />' in page


def test_two_reviews_two_jsonld_blocks(meta: SphinxTestApp) -> None:
    assert [data["name"] for data in jsonld(soup_of(meta, "two.html"))] == ["First Book", "Second Book"]
