"""Spoilers never reach a summary (issue 14, item 12): the meta and Open
Graph descriptions, the feed, the structured data, the catalog, listings
and index pages show ``[spoiler]`` where the review has one, and leave a
block of spoilers out."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import feedparser
import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

    Build = Callable[..., SphinxTestApp]

SECRETS = ("the doctor turns out to be dead", "The orchard was never there", "the narrator lies", "a wedding that ends")


@pytest.fixture(scope="module")
def app(built: Build) -> SphinxTestApp:
    app = built("spoilers", "html")
    assert app.warning.getvalue() == ""
    return app


def head(app: SphinxTestApp, page: str) -> dict[str, str]:
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    metas = {meta.get("name") or meta.get("property"): meta.get("content", "") for meta in soup.select("head meta")}
    (script,) = soup.select('script[type="application/ld+json"]')
    metas["reviewBody"] = json.loads(script.string).get("reviewBody", "")
    return metas


def test_descriptions_and_structured_data(app: SphinxTestApp) -> None:
    verdict = head(app, "verdict.html")
    masked = "Great until [spoiler], then better."
    assert (verdict["description"], verdict["og:description"], verdict["reviewBody"]) == (masked, masked, masked)
    # No verdict: the description comes from the body, its spoiler block left out.
    assert head(app, "body.html")["og:description"] == "I liked it, though [spoiler] from the start."
    assert head(app, "answer.html")["og:description"] == "Anyone who can bear [spoiler]."


def test_feed_catalog_listing_and_index_pages(app: SphinxTestApp) -> None:
    feed = feedparser.parse((app.outdir / "reviews.atom").read_bytes())
    assert {entry.title: entry.get("summary", "") for entry in feed.entries}["The Sixth Sense Companion"] == (
        "Great until [spoiler], then better."
    )
    catalog = (app.outdir / "bookreviews.json").read_text(encoding="utf-8")
    listing = (app.outdir / "index.html").read_text(encoding="utf-8")
    authors = (app.outdir / "book-author.html").read_text(encoding="utf-8")
    for output in (json.dumps(feed.entries), catalog, listing, authors):
        assert not [secret for secret in SECRETS if secret in output]
    assert "Great until [spoiler], then better." in listing
    assert "Great until [spoiler], then better." in authors
    review = {r["title"]: r for r in json.loads(catalog)["reviews"]}["The Sixth Sense Companion"]
    # As written (the markup kept, the spoiler masked) and as a reader sees it.
    assert (review["verdict"], review["verdict_text"]) == ("Great until [spoiler], then better.",) * 2


def test_the_review_page_keeps_them_hidden(app: SphinxTestApp) -> None:
    page = (app.outdir / "body.html").read_text(encoding="utf-8")
    assert re.search(r"<details[^>]*>\s*<summary[^>]*>Spoiler: The ending</summary>\s*<p>The orchard", page)
    assert '<span class="bookreview-spoiler-text">the narrator lies</span>' in page
