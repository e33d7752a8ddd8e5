"""The ``bookreview`` directive: default id, reviewer, configured quick
review and rating scale, partial dates, and the body as ordinary content."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from sphinx_bookreview.nodes import bookreview, bookreview_quick
from sphinx_bookreview.rating import bookreview_rating

if TYPE_CHECKING:
    from projects import Build
    from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def app(built: Build) -> SphinxTestApp:
    app = built("directive", "html")
    assert app.warning.getvalue() == ""
    return app


@pytest.fixture(scope="module")
def reviews(app: SphinxTestApp) -> list[bookreview]:
    return list(app.env.get_doctree("index").findall(bookreview))


def test_default_id_is_docutils_make_id_of_the_title(reviews: list[bookreview]) -> None:
    # Each id first, then the review's search anchor (see test_search.py).
    assert [review["ids"] for review in reviews] == [
        [review_id, f"bookreview--{review_id}"] for review_id in ("the-pragmatic-programmer", "rescaled", "given-up")
    ]
    assert [nodes.make_id(title) for title in ("The Pragmatic Programmer", "Rescaled", "Given Up")] == [
        review["review-id"] for review in reviews
    ]


def test_records(app: SphinxTestApp) -> None:
    records = app.env.get_domain("book").reviews_in("index")  # type: ignore[attr-defined]
    assert [(r.id, r.published, r.rating, r.reviewer, r.status) for r in records] == [
        ("the-pragmatic-programmer", "1999", 7.4, "Default Reviewer", "read"),
        ("rescaled", "1999-10", 8.0, "Rita Reviewer", "read"),
        ("given-up", "1999-10-20", None, "Default Reviewer", "abandoned"),
    ]
    assert records[0].answers == (("mood", "A pot of **tea**."), ("give-to", "New programmers."))


def test_reviewer_defaults_to_the_project_author(built: Build) -> None:
    app = built("directive", "html", confoverrides={"bookreview_default_reviewer": None})
    assert app.warning.getvalue() == ""
    records = app.env.get_domain("book").reviews_in("index")  # type: ignore[attr-defined]
    assert [r.reviewer for r in records] == ["Project Author", "Rita Reviewer", "Project Author"]


def test_configured_questions_are_options_shown_as_written(reviews: list[bookreview]) -> None:
    quick = next(reviews[0].findall(bookreview_quick))
    terms = [term.astext() for term in quick.findall(nodes.term)]
    # Only answered questions, in configured order, the question as written
    # (no markup parsing: it is a label, not content).
    assert terms == ["Best read *with*", "I\u2019d give it to"]  # smart quotes, as all text
    answer = quick.next_node(nodes.definition)
    assert answer.astext() == "A pot of tea."
    assert answer.next_node(nodes.strong).astext() == "tea"


def test_no_quick_review_without_answers(reviews: list[bookreview]) -> None:
    assert list(reviews[1].findall(bookreview_quick)) == []


def test_rating_on_the_configured_scale_and_step(reviews: list[bookreview]) -> None:
    first = next(reviews[0].findall(bookreview_rating))
    assert (first["value"], first["scale"], first["stars"], first.astext()) == (7.4, 10, 7, "★★★★★★★☆☆☆ (7/10)")
    second = next(reviews[1].findall(bookreview_rating))
    assert (second["value"], second.astext()) == (8.0, "★★★★★★★★☆☆ (8/10)")


def test_rating_html_spoken_and_jsonld_exact(app: SphinxTestApp) -> None:
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    rating = soup.select_one("#the-pragmatic-programmer .bookreview-rating")
    assert rating["aria-label"] == "7.4 out of 10"
    assert "--bookreview-fill: 70%" in rating.select_one(".bookreview-stars")["style"]
    scripts = soup.select('script[type="application/ld+json"]')
    assert '"reviewRating": {"@type": "Rating", "bestRating": 10, "ratingValue": 7.4, "worstRating": 0}' in (
        scripts[0].string
    )


def test_body_is_ordinary_content(reviews: list[bookreview]) -> None:
    body = reviews[0][-1]
    assert isinstance(body, nodes.container)
    assert "bookreview-body" in body["classes"]
    assert [type(child).__name__ for child in body.children] == ["paragraph", "bullet_list", "note", "literal_block"]


def test_status_and_format_labels(app: SphinxTestApp) -> None:
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = soup.select_one("#given-up .bookreview-card")
    facts = {dt.get_text().rstrip(":"): dd.get_text().strip() for dt, dd in zip(card("dt"), card("dd"), strict=True)}
    assert facts == {
        "Published": "1999-10-20",
        "Format": "Audiobook",
        "Status": "Abandoned",
        "Reviewed by": "Default Reviewer",
    }
