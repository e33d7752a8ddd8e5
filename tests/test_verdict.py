"""The verdict's inline markup: rendered in the card, and its plain text,
what a reader sees, wherever the verdict is text (``tests/roots/test-verdict``,
the same verdict in reStructuredText and MyST)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import feedparser
import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

PLAIN = "A book that is what it says, with code and a link."
WRITTEN = {
    "rst": "A book that *is* what it **says**, with ``code`` and\na `link <https://example.org/>`_.",
    "myst": "A book that *is* what it **says**, with `code` and a [link](https://example.org/).",
}
#: A markup error shows as written, after docutils' warning.
UNCLOSED = "An *unclosed emphasis."


@pytest.fixture(scope="module")
def site(built: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return built("verdict")


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def test_only_the_markup_error_warns(site: SphinxTestApp) -> None:
    warnings = strip_colors(site.warning.getvalue()).splitlines()
    assert warnings == [
        f"{site.srcdir / 'unclosed.rst'}:4: WARNING: Inline emphasis start-string without end-string. [docutils]"
    ]


@pytest.mark.parametrize("review", ["rst", "myst"])
def test_the_card_renders_the_markup(site: SphinxTestApp, review: str) -> None:
    verdict = page(site, f"{review}.html").select_one(f"article#{review} > .bookreview-verdict")
    assert verdict.em.get_text() == "is"
    assert verdict.strong.get_text() == "says"
    assert verdict.code.get_text() == "code"
    assert verdict.a["href"] == "https://example.org/"
    assert words(verdict.get_text()) == PLAIN


@pytest.mark.parametrize("review", ["rst", "myst"])
def test_page_descriptions_are_the_plain_text(site: SphinxTestApp, review: str) -> None:
    head = page(site, f"{review}.html").head
    assert head.select_one('meta[name="description"]')["content"] == PLAIN
    assert head.select_one('meta[property="og:description"]')["content"] == PLAIN
    data = json.loads(page(site, f"{review}.html").select_one('script[type="application/ld+json"]').string)
    assert data["reviewBody"] == PLAIN


def test_feed_summaries(site: SphinxTestApp) -> None:
    feed = feedparser.parse((site.outdir / "reviews.atom").read_bytes())
    assert not feed.bozo
    assert [entry.summary for entry in feed.entries] == [PLAIN, PLAIN, UNCLOSED]


def test_catalog_keeps_both(site: SphinxTestApp) -> None:
    reviews = {r["id"]: r for r in json.loads((site.outdir / "bookreviews.json").read_text("utf-8"))["reviews"]}
    assert {key: (r["verdict"], r["verdict_text"]) for key, r in reviews.items()} == {
        "rst": (WRITTEN["rst"], PLAIN),
        "myst": (WRITTEN["myst"], PLAIN),
        "unclosed": (UNCLOSED, UNCLOSED),
    }


def test_listings_and_indices_show_the_plain_text(site: SphinxTestApp) -> None:
    index = page(site, "index.html")
    expected = [PLAIN, PLAIN, UNCLOSED]  # newest first
    assert [p.get_text() for p in index.select(".bookreview-list-verdict")] == expected
    assert [p.get_text() for p in index.select(".bookreview-cards-verdict")] == expected
    rows = index.select(".bookreview-list-table tbody tr")
    assert [row.select("td")[1].get_text(strip=True) for row in rows] == expected
    descriptions = page(site, "book-author.html").select("table.indextable td em")
    assert [em.get_text() for em in descriptions] == [PLAIN, PLAIN]  # the one without an author is in no entry


def test_other_builders_render_the_markup(built: Callable[..., SphinxTestApp]) -> None:
    latex = built("verdict", "latex")
    tex = (latex.outdir / "verdicts.tex").read_text(encoding="utf-8")
    assert r"A book that \sphinxstyleemphasis{is} what it \sphinxstylestrong{says}" in tex
    text = built("verdict", "text")
    # The text builder's idiom for emphasis and strong text.
    assert 'A book that *is* what it **says**, with "code" and a link.' in (text.outdir / "rst.txt").read_text()
