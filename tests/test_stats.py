"""The ``bookreview-stats`` directive: books per year, pages per year and
the rating distribution of the books read, as accessible SVG in HTML and
tables in every other builder."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from projects import compiled_pdf, sphinx_build
from sphinx.util.console import strip_colors

from sphinx_bookreview.model import parse_review
from sphinx_bookreview.stats import per_year, rating_distribution, read_books

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp

    from sphinx_bookreview.stats import Bar

#: What the charts of test-stats show: only the four books with status
#: ``read`` count; a year comes from ``:finished:``, else ``:date:``; 4.4
#: is drawn (and counted) as 4.5 with the default step of 0.5.
CHARTS = {
    "Books per year": "2023: 2; 2024: 1; 2025: 0; 2026: 1",
    "Pages per year": "2023: 1372; 2024: 322; 2025: 0; 2026: 0",
    "Rating distribution": "0: 0; 0.5: 0; 1: 0; 1.5: 0; 2: 0; 2.5: 0; 3: 0; 3.5: 1; 4: 0; 4.5: 2; 5: 1",
}


def warnings(app: SphinxTestApp) -> list[str]:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def described(page: BeautifulSoup) -> dict[str, str]:
    """Each chart's accessible name: its ``<title>`` and ``<desc>``, as the
    SVG's ``aria-labelledby`` points to them."""
    names = {}
    for svg in page.select("figure.bookreview-chart > svg"):
        assert svg["role"] == "img"
        title, desc = (page.find(id=ref).get_text() for ref in svg["aria-labelledby"].split())
        names[title] = desc
    return names


@pytest.mark.parametrize("page", ["stats.html", "stats-myst.html"])
def test_html_charts_are_accessible_svg(built: Build, page: str) -> None:
    app = built("stats")
    assert warnings(app) == []
    html = soup(app, page)
    assert described(html) == CHARTS
    captions = [f.get_text() for f in html.select("figure.bookreview-chart > figcaption")]
    assert captions == list(CHARTS)
    # Colours come from the text colour and CSS custom properties, never
    # written into the SVG, so light and dark themes both read well.
    svg = str(html.select_one("figure.bookreview-chart svg"))
    assert 'fill="currentColor"' in svg and not re.search(r"#[0-9a-fA-F]{3,6}\b", svg)
    # Screen readers read the numbers; sighted readers see them as labels.
    bars = html.select_one("figure.bookreview-chart svg").select("rect.bookreview-chart-bar")
    assert [float(bar["height"]) for bar in bars] == [120, 60, 0, 60]
    labels = [t.get_text() for t in html.select_one("figure.bookreview-chart svg").select("text")]
    assert labels == ["2", "2023", "1", "2024", "0", "2025", "1", "2026"]


def test_html_charts_use_the_css_colours(built: Build) -> None:
    app = built("stats")
    css = (app.outdir / "_static" / "bookreview.min.css").read_text(encoding="utf-8")
    assert ".bookreview-chart-bar{fill:var(--bookreview-chart-bar-color)}" in css
    assert "bookreview.min.css" in str(soup(app, "stats.html").head)


def test_output_is_deterministic(rootdir: Path, tmp_path: Path) -> None:
    pages = []
    for run in ("first", "second"):
        srcdir = shutil.copytree(rootdir / "test-stats", tmp_path / run)
        app = sphinx_build(srcdir)
        pages.append((app.outdir / "stats.html").read_text(encoding="utf-8"))
    assert pages[0] == pages[1]


def test_ids_unique_on_one_page(built: Build) -> None:
    app = built("stats", "singlehtml")
    html = soup(app, "index.html")
    ids = [svg["aria-labelledby"] for svg in html.select("figure.bookreview-chart > svg")]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert all(html.find(id=ref) is not None for refs in ids for ref in refs.split())


def test_text_tables(built: Build) -> None:
    app = built("stats", "text")
    text = (app.outdir / "stats.txt").read_text(encoding="utf-8")
    assert "Books per year\n^^^^^^^^^^^^^^\n\n+--------------+----------+\n| Year         | Books    |" in text
    assert "| 2023         | 1372     |" in text
    assert "| 4.5          | 2        |" in text


OUTPUTS = {
    "dirhtml": "stats/index.html", "singlehtml": "index.html", "epub": "stats.xhtml", "latex": "statsshelf.tex",
    "text": "stats.txt", "man": "statsshelf.1", "texinfo": "statsshelf.texi", "xml": "stats.xml",
    "json": "stats.fjson",
}  # fmt: skip


@pytest.mark.parametrize("builder", [*OUTPUTS, "gettext"])
def test_every_builder(rootdir: Path, tmp_path: Path, builder: str) -> None:
    srcdir = shutil.copytree(rootdir / "test-stats", tmp_path / "stats")
    app = sphinx_build(srcdir, builder)
    assert warnings(app) == []
    if builder in OUTPUTS:
        assert "1372" in (app.outdir / OUTPUTS[builder]).read_text(encoding="utf-8")


@pytest.mark.latex
def test_pdf_compiles(built: Build, tmp_path: Path) -> None:
    assert compiled_pdf(built("stats", "latex").outdir, "statsshelf", tmp_path / "latex").stat().st_size > 0


def test_nothing_read_yet_and_unknown_option(built: Build) -> None:
    app = built("stats-empty")
    assert warnings(app) == [
        f"{app.srcdir / 'index.rst'}:9: WARNING: unknown option :years: (ignored) [bookreview.option]"
    ]
    html = soup(app, "index.html")
    assert html.select_one(".bookreview-stats-empty").get_text() == "No books read yet."
    assert html.select("figure") == []


NEW_REVIEW = """
.. bookreview:: A Short Book
   :pages: 100
   :rating: 1
   :date: 2025-03-03
"""


def test_incremental_build_follows_the_reviews(rootdir: Path, tmp_path: Path) -> None:
    """The stats page is rewritten when a review on another page changes."""
    srcdir = shutil.copytree(rootdir / "test-stats", tmp_path / "stats")
    sphinx_build(srcdir)
    reviews = srcdir / "reviews.rst"
    reviews.write_text(reviews.read_text(encoding="utf-8") + NEW_REVIEW, encoding="utf-8")
    later = time.time() + 10  # a modification time Sphinx cannot miss
    os.utime(reviews, (later, later))
    app = sphinx_build(srcdir)
    assert "reading sources... [100%] reviews" in strip_colors(app.status.getvalue())
    charts = described(soup(app, "stats.html"))
    assert charts["Books per year"] == "2023: 2; 2024: 1; 2025: 1; 2026: 1"
    assert charts["Pages per year"] == "2023: 1372; 2024: 322; 2025: 100; 2026: 0"
    assert charts["Rating distribution"].startswith("0: 0; 0.5: 0; 1: 1;")


def test_each_finished_reading_counts_in_its_year() -> None:
    """Issue 14, item 9: a book read again counts again, in the year each
    reading ended; its pages too; its rating once."""
    rows = {
        "Twice, years apart": {
            "reads": "2019-02-01..2019-03-01; 2024-01-05..2024-01-30",
            "pages": "300",
            "rating": "4",
        },
        "Read, now again": {"reads": "..2019-05-10; 2024-02-01..", "status": "reading", "pages": "100", "rating": "5"},
        "Given up": {"status": "abandoned", "pages": "999", "date": "2024-03-01", "rating": "1"},
        "Once": {"finished": "2021-04-01", "pages": "50"},
        "Twice in a year": {"reads": "2023-01-01..2023-01-10; 2023-06-01..2023-06-10", "pages": "10"},
        "Undated earlier reading": {"reads": "..; 2022-03-01..2022-03-05", "pages": "7"},
    }
    reviews = [parse_review(title, options)[0] for title, options in rows.items()]
    read = read_books(reviews)
    assert [r.title for r in read] == [title for title in rows if title != "Given up"]
    assert nonzero(per_year(read, None)) == {"2019": 2, "2021": 1, "2022": 1, "2023": 2, "2024": 1}
    assert nonzero(per_year(read, "pages")) == {"2019": 400, "2021": 50, "2022": 7, "2023": 20, "2024": 300}
    assert nonzero(rating_distribution(read, 5, 0.5, "en")) == {"4": 1, "5": 1}
    # Each step as the project's language writes it.
    assert [bar.label for bar in rating_distribution(read, 5, 0.5, "fr")][:4] == ["0", "0,5", "1", "1,5"]


def nonzero(bars: Iterable[Bar]) -> dict[str, int]:
    return {bar.label: bar.value for bar in bars if bar.value}


# -- the size of a chart follows the data, not the span -------------------------

SPAN_CONF = 'project = "Span"\nextensions = ["sphinx_bookreview"]\nbookreview_opengraph = False\n'
#: Books read in 0001 and 9999 (real dates), 1024 (a typo for 2024), 2022
#: and 2024: the run 2023 is short and drawn empty, the others are breaks.
SPAN_REVIEWS = {
    "First": ("0001-01-01", 1), "Typo": ("1024-05-01", 300), "Before": ("2022-05-01", 200),
    "Now": ("2024-05-01", 250), "Again": ("2024-06-01", 999_999_999), "Last": ("9999-12-31", 5),
}  # fmt: skip
SPAN_BOOKS = "0001: 1; 0002..1023: 0; 1024: 1; 1025..2021: 0; 2022: 1; 2023: 0; 2024: 2; 2025..9998: 0; 9999: 1"


def dashed(text: str) -> str:
    """``..`` as the en dash between a range's first and last (ruff flags the dash in source)."""
    return text.replace("..", "\u2013")


def span_project(path: Path, reviews: dict[str, tuple[str, object]], option: str = "pages") -> Path:
    path.mkdir()
    (path / "conf.py").write_text(SPAN_CONF, encoding="utf-8")
    text = "Span\n====\n\n.. bookreview-stats::\n\n"
    for title, (date, value) in reviews.items():
        text += f".. bookreview:: {title}\n   :date: {date}\n   :{option}: {value}\n\n"
    (path / "index.rst").write_text(text, encoding="utf-8")
    return path


def test_extreme_years_are_breaks(tmp_path: Path) -> None:
    """Dates 0001 and 9999 drew 9,999 bars (a 3.7 MB page, 81 s for the
    text builder), a typo of 1024 for 2024 a thousand: now a long run of
    empty years is one break, drawn as a broken axis with its first and
    last year below it, and the table says the same in one row."""
    srcdir = span_project(tmp_path / "span", SPAN_REVIEWS)
    html = sphinx_build(srcdir)
    assert warnings(html) == []
    assert (html.outdir / "index.html").stat().st_size < 40_000
    page = soup(html, "index.html")
    charts = described(page)
    assert charts["Books per year"] == dashed(SPAN_BOOKS)
    assert charts["Pages per year"].startswith(dashed("0001: 1; 0002..1023: 0; 1024: 300;"))
    svg = page.select_one("figure.bookreview-chart svg")
    assert len(svg.select("rect.bookreview-chart-bar")) == 6  # 0001, 1024, 2022, 2023, 2024, 9999
    assert len(svg.select("path.bookreview-chart-break")) == 3
    breaks = [[span.get_text() for span in text.select("tspan")] for text in svg.select("text") if text.tspan]
    assert breaks == [[dashed("0002.."), "1023"], [dashed("1025.."), "2021"], [dashed("2025.."), "9998"]]
    assert svg.select_one("path.bookreview-chart-axis")["d"].count("M") == 4  # broken three times
    text = sphinx_build(srcdir, "text")
    table = (text.outdir / "index.txt").read_text(encoding="utf-8").split("Pages per year")[0]
    assert dashed("| 1025..2021    | 0        |") in table
    assert table.count("\n| ") == 10  # the heading and nine rows


def test_long_labels_get_wide_slots(tmp_path: Path) -> None:
    """A huge page count is a long number above its bar: the slots widen,
    so no two labels overlap (a 12 px digit is about 7 px wide)."""
    app = sphinx_build(span_project(tmp_path / "span", SPAN_REVIEWS))
    pages = soup(app, "index.html").select("figure.bookreview-chart svg")[1]
    values = [text for text in pages.select("text") if "bookreview-chart-label" not in text.get("class", [])]
    assert "1000000249" in [text.get_text() for text in values]
    centres = [float(text["x"]) for text in values]
    slot = min(b - a for a, b in itertools.pairwise(centres))
    assert slot >= 7 * max(len(text.get_text()) for text in values)


@pytest.mark.parametrize(
    ("scale", "step", "ratings", "expected"),
    [
        # 1001 steps: the ends, the steps with books, breaks between.
        (
            100,
            0.1,
            ["73", "85", "85.07"],
            "0: 0; 0.1..72.9: 0; 73: 1; 73.1..84.9: 0; 85: 1; 85.1: 1; 85.2..99.9: 0; 100: 0",
        ),
        # 21 steps: drawn whole, as on the default scale.
        (10, 0.5, ["7"], "; ".join(f"{n / 2:g}: {int(n == 14)}" for n in range(21))),
    ],
    ids=["fine-scale", "whole-scale"],
)
def test_rating_chart_follows_the_ratings(
    tmp_path: Path, scale: int, step: float, ratings: list[str], expected: str
) -> None:
    """A fine rating scale drew a bar for each of up to 1001 steps."""
    reviews = {f"Book {n}": ("2024-01-01", rating) for n, rating in enumerate(ratings)}
    srcdir = span_project(tmp_path / "ratings", reviews, option="rating")
    overrides = {"bookreview_rating_scale": scale, "bookreview_rating_step": step}
    app = sphinx_build(srcdir, confoverrides=overrides)
    assert warnings(app) == []
    assert described(soup(app, "index.html"))["Rating distribution"] == dashed(expected)
