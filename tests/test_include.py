"""A review written in an included file (``.. include:: part.rst.inc``) is
rendered whole, JSON-LD too, by every HTML builder, and its warnings name
the included file and the line in it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import cover_copy
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from projects import Build
    from sphinx.testing.util import SphinxTestApp


#: Where each HTML builder writes the page holding the included reviews.
PAGES = {"html": "reviews.html", "dirhtml": "reviews/index.html", "singlehtml": "index.html"}
BASEURL = "https://reviews.example.org/"


def jsonld(app: SphinxTestApp, page: str) -> dict[str, dict[str, Any]]:
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    scripts = soup.select('article.bookreview script[type="application/ld+json"]')
    return {data["name"]: data for data in (json.loads(script.string or "") for script in scripts)}


@pytest.mark.parametrize("buildername", list(PAGES))
def test_an_included_review_has_its_card_and_jsonld(built: Build, buildername: str) -> None:
    app = built("include", buildername)
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / PAGES[buildername]).read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article", id="included")
    assert article is not None
    assert "Ida Include" in article.select_one(".bookreview-card").get_text()
    assert article.select_one(".bookreview-quick em").get_text() == "included"
    data = jsonld(app, PAGES[buildername])
    assert sorted(data) == ["The Included Book", "The Remote Book"]
    book = data["The Included Book"]["itemReviewed"]
    assert (book["isbn"], book["image"]) == ("9780306406157", BASEURL + cover_copy(app.outdir, "cover", 160, "png"))
    assert data["The Included Book"]["reviewRating"]["ratingValue"] == 4
    assert data["The Remote Book"]["itemReviewed"]["image"] == "https://covers.example.org/remote.jpg"


def test_a_listing_shows_the_included_review_cover(built: Build) -> None:
    """The listing shows the included review's cover: its copies for listings."""
    app = built("include", "html")
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    covers = {img["alt"]: img for img in soup.select("img.bookreview-cards-cover")}
    local = covers["Cover of The Included Book"]
    expected = (cover_copy(app.outdir, "cover", 160, "png"), "160", "240")
    assert (local["src"], local["width"], local["height"]) == expected
    assert local["srcset"] == f"{cover_copy(app.outdir, 'cover', 160, 'webp')} 160w"
    assert covers["Cover of The Remote Book"]["src"] == "https://covers.example.org/remote.jpg"


def test_the_record_says_where_the_review_is_written(built: Build) -> None:
    app = built("include", "html")
    (included, _remote) = app.env.get_domain("book").reviews_in("reviews")  # type: ignore[attr-defined]
    assert (included.docname, included.source, included.lineno) == (
        "reviews",
        str(app.srcdir / "parts" / "reviews.rst.inc"),
        1,
    )


def relative_location(app: SphinxTestApp, warning: str) -> str:
    """The warning with its file relative to the source directory (docutils
    names an included file relative to the working directory)."""
    location, _, message = warning.partition(": WARNING: ")
    path, _, line = location.rpartition(":")
    return f"{Path(os.path.abspath(path)).relative_to(app.srcdir)}:{line}: WARNING: {message}"  # noqa: PTH100


def test_warnings_name_the_included_file_and_its_line(built: Build) -> None:
    app = built("include-bad", "html")
    warnings = [relative_location(app, line) for line in strip_colors(app.warning.getvalue()).splitlines()]
    checksum = "the number's checksum or check digit is invalid"
    assert warnings == [
        f"parts/bad.rst.inc:5: WARNING: invalid ISBN '978-0-306-40615-8': {checksum} [bookreview.isbn]",
        "parts/bad.rst.inc:6: WARNING: unknown option :colour: (ignored) [bookreview.option]",
        "parts/bad.rst.inc:3: WARNING: Inline emphasis start-string without end-string. [docutils]",
        "parts/duplicate.rst.inc:5: WARNING: duplicate review id 'same': already used by 'Kept Book' in index; "
        "this review cannot be linked to [bookreview.duplicate]",
    ]
