"""A reading in the card: both its days as a range, one of them named
("started …", "finished …") rather than a range with a dangling dash, in
every builder; in German and French too (``test_i18n.py``)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from projects import Build

#: Each review's reading rows, label and value, as the card shows them.
ROWS = {
    "finished-only": [("Read", "finished 2023-05-02")],
    "every-kind": [
        ("Status", "Abandoned"),
        ("Read", "dates unknown; finished 2019-05-10; 2020-01-02 \u2013 2020-01-20; started 2024-01-05 (Abandoned)"),
    ],
    "heard": [
        ("Format", "Audiobook"),
        ("Status", "Currently listening"),
        ("Listened", "finished 2023-05-02; started 2024-03-01 (Currently listening)"),
    ],
    "one-reading": [("Finished", "2023-05-02")],
}
#: Where each builder writes the page, and how to read its text back.
PAGES = {"text": "index.txt", "man": "readings.1", "latex": "readings.tex", "texinfo": "readings.texi"}
UNESCAPE = [(r"\sphinxhyphen{}", "-"), (r"\textendash{}", "\u2013"), (r"\-", "-")]


def test_html_rows(built: Build) -> None:
    app = built("readings")
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    for review, rows in ROWS.items():
        facts = soup.select_one(f"article.bookreview#{review} dl.bookreview-facts")
        pairs = [(dt.get_text(), dt.find_next_sibling("dd").get_text(" ", strip=True)) for dt in facts.select("dt")]
        assert pairs == [(f"{label}:", value) for label, value in rows], review


@pytest.mark.parametrize("buildername", PAGES)
def test_every_builder_shows_the_day_it_knows(built: Build, buildername: str) -> None:
    app = built("readings", buildername)
    assert app.warning.getvalue() == ""
    text = html.unescape((app.outdir / PAGES[buildername]).read_text(encoding="utf-8"))
    for escaped, char in UNESCAPE:
        text = text.replace(escaped, char)
    text = " ".join(text.split())
    for rows in ROWS.values():
        for _label, value in rows:
            assert value in text
    # No reading is a range open at one end.
    assert "\u2013 (" not in text and "\u2013;" not in text and "; \u2013" not in text
