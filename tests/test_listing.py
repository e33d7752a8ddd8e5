"""The ``bookreview-list`` directive: every option and layout, rst and MyST,
with and without sphinx-design, every builder, ``-j 2`` and incremental
builds in which reviews are added, edited and removed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import cover_copy
from projects import compiled_pdf, sphinx_build, write_files

from sphinx_bookreview.domain import BookDomain

if TYPE_CHECKING:
    from pathlib import Path

    from bs4 import Tag
    from projects import Build
    from sphinx.testing.util import SphinxTestApp

#: Each section of options.rst and myst.md, and the review ids it lists, in order.
EXPECTED = {
    "Default": ["refactoring", "sicp", "mmm", "dune", "code-complete", "gravity"],
    "Sort title": ["code-complete", "dune", "gravity", "refactoring", "sicp", "mmm"],
    # Ties (dune and mmm are both 4.5) are broken by id in either direction.
    "Sort rating descending": ["sicp", "dune", "mmm", "code-complete", "gravity", "refactoring"],
    "Sort rating": ["gravity", "code-complete", "dune", "mmm", "sicp", "refactoring"],
    # By the first author's family name: Abelson, Brooks (Jr. left out), Fowler, Herbert, McConnell, Pynchon.
    "Sort author": ["sicp", "mmm", "refactoring", "dune", "code-complete", "gravity"],
    "Sort published": ["dune", "gravity", "mmm", "sicp", "code-complete", "refactoring"],
    # Reviews without the value come last, by id, whatever the direction.
    "Sort finished descending": ["sicp", "mmm", "code-complete", "dune", "gravity", "refactoring"],
    "Sort date": ["gravity", "code-complete", "dune", "mmm", "sicp", "refactoring"],
    "Tag": ["sicp", "mmm", "gravity"],
    "Any of two tags": ["mmm", "dune", "gravity"],
    "Author": ["sicp"],
    "Any of two authors": ["refactoring", "dune"],
    "Reviewer": ["mmm", "dune"],
    "Status": ["gravity"],
    "Two statuses": ["refactoring", "gravity"],
    "Minimum rating": ["sicp", "mmm", "dune"],
    "Minimum rating as a fraction": ["sicp", "mmm", "dune"],
    "Year of finishing": ["sicp"],
    "Year of the review date": ["refactoring", "mmm"],
    "Limit": ["refactoring", "sicp"],
    "Combined": ["code-complete", "refactoring"],
    "Nothing matches": [],
}


def warnings(app: SphinxTestApp) -> list[str]:
    """The warnings, one a line, without the terminal's colours."""
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def listed(section: Tag) -> list[str]:
    """The review ids a listing links to, in order (author and tag links
    point to index entries, whose anchors start with ``cap-``)."""
    fragments = [a["href"].partition("#")[2] for a in section.select(".bookreview-list a[href]")]
    return [f for f in fragments if f and not f.startswith("cap-")]


def sections(page: BeautifulSoup) -> dict[str, Tag]:
    return {s.find("h2").get_text().rstrip("¶#"): s for s in page.select("section section")}


@pytest.mark.parametrize("page", ["options.html", "myst.html"])
def test_every_option_filters_and_orders(built: Build, page: str) -> None:
    app = built("listing")
    assert warnings(app) == []
    found = {title: listed(section) for title, section in sections(soup(app, page)).items()}
    assert found == EXPECTED


def test_nothing_matches(built: Build) -> None:
    app = built("listing")
    empty = sections(soup(app, "options.html"))["Nothing matches"]
    assert empty.select_one(".bookreview-list-empty").get_text() == "No reviews to list."


def test_table_layout(built: Build) -> None:
    app = built("listing")
    page = sections(soup(app, "layouts.html"))
    table = page["Table"].select_one(".bookreview-list-table table")
    assert [th.get_text() for th in table.select("thead th")] == ["Title", "Author", "Rating", "Review date"]
    first = table.select("tbody tr")[0]
    cells = first.select("td")
    assert cells[0].select_one("a em").get_text() == "Structure and Interpretation of Computer Programs"
    assert cells[0].a["href"] == "reviews/sicp.html#sicp"
    assert [a["href"] for a in cells[1].select("a")] == [
        "book-author.html#cap-Harold%C2%A0Abelson",
        "book-author.html#cap-Gerald%C2%A0Jay%C2%A0Sussman",
        "book-author.html#cap-Julie%C2%A0Sussman",
    ]
    assert cells[2].select_one(".bookreview-rating")["aria-label"] == "5 out of 5"
    assert cells[3].get_text() == "2024-03-10"


def test_table_columns(built: Build) -> None:
    app = built("listing")
    table = sections(soup(app, "layouts.html"))["Table columns"].select_one("table")
    headers = [th.get_text() for th in table.select("thead th")]
    assert headers == ["Title", "Year", "Pages", "Status", "Tags", "Reviewed by", "Verdict", "Published", "Finished"]
    rows = [[td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert rows == [
        ["Code Complete", "2023", "960", "Read", "programming", "Test Reader", "", "2004", "2023-04-30"],
        ["Dune", "2023", "412", "Read", "fiction", "Alice", "Spice, sand and politics.", "1965", ""],
        ["Gravity's Rainbow", "2022", "", "Abandoned", "fiction, classics", "Test Reader", "", "1973", ""],
    ]
    assert table.select_one("tbody tr td:nth-of-type(5) a")["href"] == "book-tag.html#cap-programming"


def test_list_layout(built: Build) -> None:
    app = built("listing")
    items = sections(soup(app, "layouts.html"))["List"].select("ul.bookreview-list-items > li")
    assert [" ".join(li.get_text(" ").split()) for li in items] == [
        "Gravity's Rainbow — Thomas Pynchon 2",
        "Structure and Interpretation of Computer Programs — Harold Abelson , Gerald Jay Sussman , "
        "Julie Sussman 5 The wizard book.",
        "The Mythical Man-Month — Frederick P. Brooks Jr. 4.5 Still the book to hand a new manager.",
    ]
    assert items[2].select_one(".bookreview-list-verdict").get_text() == "Still the book to hand a new manager."


def test_cards_layout_own_css(built: Build) -> None:
    app = built("listing")
    page = soup(app, "layouts.html")
    cards = sections(page)["Cards"].select(".bookreview-cards > .bookreview-cards-item")
    assert [c.select_one(".bookreview-cards-title a")["href"] for c in cards] == [
        "reviews/dune.html#dune", "reviews/gravity.html#gravity",
    ]  # fmt: skip
    cover = cards[0].select_one("img.bookreview-cards-cover")
    dune = cover_copy(app.outdir, "dune", 4, "png")  # a picture 4 px wide: its copies are as wide
    # The page has no card of its own: its first listed cover loads first.
    assert (cover["src"], cover["alt"]) == (dune, "Cover of Dune")
    assert (cover["loading"], cover["fetchpriority"]) == ("eager", "high")
    assert cover["srcset"] == f"{cover_copy(app.outdir, 'dune', 4, 'webp')} 4w"
    assert cards[0].select_one(".bookreview-cards-authors").get_text() == "Frank Herbert"
    assert cards[0].select_one(".bookreview-rating")["aria-label"] == "4.5 out of 5"
    assert cards[0].select_one(".bookreview-cards-verdict").get_text() == "Spice, sand and politics."
    assert cards[1].select_one("img") is None
    # sphinx-design is never switched on behind the project's back.
    assert page.select('[class*="sd-"]') == []
    assert "sphinx-design" not in str(page.head)


def test_cards_layout_with_sphinx_design(built: Build) -> None:
    app = built("listing-design")
    assert warnings(app) == []
    page = soup(app, "index.html")
    assert "sphinx-design" in str(page.head)
    row = page.select_one(".bookreview-cards.sd-container-fluid > .sd-row")
    assert "sd-row-cols-1" in row["class"] and "sd-row-cols-lg-4" in row["class"]
    cards = row.select(".sd-col > .sd-card.bookreview-cards-item")
    assert [c.select_one(".sd-card-body .sd-card-title a")["href"] for c in cards] == ["#emma", "#dune"]
    assert cards[1].select_one("img.sd-card-img-top")["src"] == cover_copy(app.outdir, "dune", 4, "png")
    assert cards[1].select_one(".sd-card-text.bookreview-cards-verdict").get_text() == "Spice, sand and politics."


def test_bad_options_warn_and_fall_back(built: Build) -> None:
    app = built("listing-bad")
    source = app.srcdir / "index.rst"
    expected = [
        (13, "invalid sort key 'popularity': expected one of date, title, author, rating, published, finished, "
             "series, with '-' before it for descending order; using -date"),
        (14, "invalid layout 'carousel': expected one of list, table, cards; using list"),
        (15, "invalid status 'lost': expected some of read, reading, abandoned; listing every status"),
        (16, "invalid minimum rating 'lots': expected a rating from 0 to 5, such as 4 or 8/10; listing every rating"),
        (17, "invalid limit 'few': expected a positive whole number; listing every review"),
        (18, "invalid year 'recent': expected a year such as 2024; listing every year"),
        (19, "unknown option :colour: (ignored)"),
        (23, "invalid columns 'title, price': expected some of title, author, rating, date, published, finished, "
             "year, status, tags, reviewer, pages, verdict, series, progress; using title, author, rating, date"),
        (24, "invalid limit '0': expected a positive whole number; listing every review"),
    ]  # fmt: skip
    assert warnings(app) == [f"{source}:{line}: WARNING: {message} [bookreview.option]" for line, message in expected]
    page = soup(app, "index.html")
    first, second = page.select(".bookreview-list")
    assert "bookreview-list-list" in first["class"]
    assert listed(first) == ["newer", "older"]
    assert [th.get_text() for th in second.select("th")] == ["Title", "Author", "Rating", "Review date"]
    assert listed(second) == ["newer", "older"]


def test_only_plain_digits_are_numbers(built: Build) -> None:
    """Digits that Python's str.isdigit() or regex \\d accept but int()
    refuses or reads as another number, and numbers too long for int():
    each a warning, never a traceback, and the listing shows every review."""
    app = built("listing-numbers")
    source = app.srcdir / "index.rst"
    limit = "expected a positive whole number; listing every review"
    expected = [
        (13, f"invalid limit '²': {limit}"),
        (16, f"invalid limit '{'9' * 5000}': {limit}"),
        (19, f"invalid limit '-1': {limit}"),
        (22, f"invalid limit '1e3': {limit}"),
        # Fullwidth digits, which \d matches.
        (25, "invalid year '\uff12\uff10\uff12\uff14': expected a year such as 2024; listing every year"),
        (28, "invalid minimum rating '²': expected a rating from 0 to 5, such as 4 or 8/10; listing every rating"),
    ]
    assert warnings(app) == [f"{source}:{line}: WARNING: {message} [bookreview.option]" for line, message in expected]
    listings = soup(app, "index.html").select(".bookreview-list")
    assert [listed(listing) for listing in listings] == [["newer", "older"]] * len(expected)


# -- every builder ------------------------------------------------------------------


#: Each builder, the file it writes the listings to, and a verdict that a
#: listing (not the review's own page) puts there.
OUTPUTS = {
    "dirhtml": "layouts/index.html", "singlehtml": "index.html", "epub": "layouts.xhtml",
    "latex": "listingshelf.tex", "text": "layouts.txt", "man": "listingshelf.1", "texinfo": "listingshelf.texi",
    "xml": "layouts.xml", "json": "layouts.fjson",
}  # fmt: skip


@pytest.mark.parametrize("builder", [*OUTPUTS, "gettext"])
def test_every_builder(rootdir: Path, tmp_path: Path, builder: str) -> None:
    app = sphinx_build(copy_root(rootdir, tmp_path, "listing"), builder)
    assert warnings(app) == []
    if builder in OUTPUTS:
        output = (app.outdir / OUTPUTS[builder]).read_text(encoding="utf-8")
        # One book holds the review and many listings; a page, its listings.
        whole_book = builder in ("singlehtml", "latex", "man", "texinfo")
        assert output.count("The wizard book.") >= (3 if whole_book else 1)


@pytest.mark.parametrize("builder", ["latex", "texinfo"])
def test_listing_in_an_appendix(rootdir: Path, tmp_path: Path, builder: str) -> None:
    """An appendix joins the book outside every toctree; its listings are filled too."""
    srcdir = copy_root(rootdir, tmp_path, "listing")
    index, layouts = srcdir / "index.rst", srcdir / "layouts.rst"
    index.write_text(index.read_text().replace("   layouts\n", ""))
    layouts.write_text(":orphan:\n\n" + layouts.read_text())
    app = sphinx_build(srcdir, builder, confoverrides={f"{builder}_appendices": ["layouts"]})
    assert warnings(app) == []
    output = (app.outdir / OUTPUTS[builder]).read_text(encoding="utf-8")
    assert "Table columns" in output
    assert "Reviewed by" in output  # a column of that page's listing


def test_only_pages_that_can_hold_a_listing_are_searched(built: Build) -> None:
    """``doctree-resolved`` looks for placeholders in the pages holding one
    and the pages whose toctrees reach one, not in every review's page."""
    app = built("listing")
    domain = BookDomain.of(app.env)
    searched = {docname for docname in app.env.all_docs if domain.may_show_collection(app.builder, docname)}
    assert searched == {"index", "layouts", "myst", "options"}


def test_singlehtml_links_within_the_page(built: Build) -> None:
    app = built("listing", "singlehtml")
    page = soup(app, "index.html")
    table = page.select_one(".bookreview-list-table")
    assert [a["href"] for a in table.select("a")][:2] == ["#sicp", "#dune"]
    assert page.find(id="sicp") is not None
    # No author pages in a single page: the names are text.
    assert "Frank Herbert" in table.get_text()


def test_dirhtml_links(built: Build) -> None:
    app = built("listing", "dirhtml")
    table = soup(app, "layouts/index.html").select_one(".bookreview-list-table")
    assert table.select("a")[0]["href"] == "../reviews/sicp/#sicp"


def test_text_output(built: Build) -> None:
    app = built("listing", "text")
    text = (app.outdir / "layouts.txt").read_text(encoding="utf-8")
    assert "| *Dune*                         | Frank Herbert            | ★★★★½ (4.5/5) | 2023-11-11 |" in text
    assert "* *The Mythical Man-Month* — Frederick P. Brooks Jr. ★★★★½ (4.5/5)" in text


def test_latex_links_through_hyperref(built: Build) -> None:
    app = built("listing", "latex")
    tex = (app.outdir / "listingshelf.tex").read_text(encoding="utf-8")
    link = r"{\hyperref[\detokenize{reviews/dune:dune}]{\sphinxcrossref{\sphinxstyleemphasis{Dune}}}}"
    assert link in tex


def test_latex_column_widths(built: Build) -> None:
    """The columns of ratings and dates are as wide as their widest value
    (in em), the title and author share the rest of the line; every cell
    ragged right. Without a spec, Sphinx's tabulary squeezed the rating and
    the date below their width."""
    app = built("listing", "latex")
    tex = (app.outdir / "listingshelf.tex").read_text(encoding="utf-8")
    share = r"p{\dimexpr(\linewidth-12.39em-8\tabcolsep)*%d/54\relax}"
    # Sphinx 9 writes it in a tabular, 7.4 in a tabulary (with any spec).
    spec = "[t]{" + share % 30 + share % 24 + "p{7.71em}p{4.68em}}"
    assert r"\begin{tabular}" + spec in tex or r"\begin{tabulary}{\linewidth}" + spec in tex
    assert "\\sphinxAtStartPar\n\\raggedright\\arraybackslash 2023\\sphinxhyphen{}11\\sphinxhyphen{}11" in tex


def pdf_text(pdf: Path) -> tuple[str, str]:
    """The PDF's text as ``pdftotext -layout`` lays it out, and LaTeX's log."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (Debian's poppler-utils) is needed")
    layout = ["pdftotext", "-layout", str(pdf), "-"]
    text = subprocess.run(layout, capture_output=True, text=True, check=True).stdout
    return text, pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")


#: A rating as pdftotext reads the drawn stars (★ and ☆ both as ⋆), then its number.
RATING = r"[\u22c6\u00bd]+ \((\d+(?:\.\d)?)/(\d+)\)"
DATE = r"\d{4}-\d{2}-\d{2}"


@pytest.mark.latex
def test_pdf_table_keeps_ratings_and_dates_whole(built: Build, tmp_path: Path) -> None:
    """Each row's rating and date are whole on its first line: the rating
    was cut ("★★★★⋆ (4" and the rest ran into the date's column) and the
    dates broke after a hyphen."""
    app = built("listing", "latex")
    text, _log = pdf_text(compiled_pdf(app.outdir, "listingshelf", tmp_path / "latex"))
    table = re.split(r"^9\.1 Table$", text, flags=re.MULTILINE)[1].split("9.2 Table columns")[0]
    rows = [line for line in table.splitlines() if re.search(DATE, line)]
    assert [re.search(f"{RATING} +({DATE})$", row).groups() if "Refactoring" not in row else None for row in rows] == [
        ("5", "5", "2024-03-10"), ("4.5", "5", "2023-11-11"), ("4.5", "5", "2024-02-01"),
        ("3.5", "5", "2023-05-05"), ("2", "5", "2022-07-01"), None,
    ]  # fmt: skip
    assert not re.search(r"\d{4}-(\d{2}-?)?$|\(\d+(\.\d)?$", table, re.MULTILINE)  # no value cut at a line's end


LONG_CONF = """\
project = "Long Shelf"
extensions = ["sphinx_bookreview"]
bookreview_rating_scale = 10
bookreview_opengraph = False
"""


@pytest.mark.latex
def test_pdf_long_table_fits_the_page(tmp_path: Path) -> None:
    """35 reviews make a longtable (Sphinx's choice beyond 30 rows), whose
    default spec set every column on one line; out of ten stars, with seven
    columns, the ratings fold (five stars a line, then the number) so that
    the table fits the page: no overfull line, every value whole."""
    srcdir = tmp_path / "long"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(LONG_CONF, encoding="utf-8")
    index = "Long Shelf\n==========\n\n.. toctree::\n\n   listing\n   reviews\n"
    listing = "The listing\n===========\n\n.. bookreview-list::\n   :layout: table\n"
    listing += "   :columns: title, author, rating, date, published, finished, status\n"
    reviews = "The reviews\n===========\n\n"
    for n in range(35):
        reviews += (
            f".. bookreview:: A Rather Long Book Title Number {n}\n   :author: Author {n}; Second Writer\n"
            f"   :rating: {n % 21 / 2:g}\n   :date: 2024-01-{n % 28 + 1:02d}\n   :published: 1999-11\n"
            f"   :finished: 2023-12-{n % 28 + 1:02d}\n   :status: {('read', 'reading', 'abandoned')[n % 3]}\n\n"
        )
    for name, source in (("index", index), ("listing", listing), ("reviews", reviews)):
        (srcdir / f"{name}.rst").write_text(source, encoding="utf-8")
    app = sphinx_build(srcdir, "latex")
    assert warnings(app) == []
    assert r"\begin{longtable}" in (app.outdir / "longshelf.tex").read_text(encoding="utf-8")
    text, log = pdf_text(compiled_pdf(app.outdir, "longshelf", tmp_path / "latex"))
    text = re.split(r"^ *THE REVIEWS$", text, flags=re.MULTILINE)[0]  # the table, not the cards
    assert "Overfull \\hbox" not in log
    assert len(re.findall(rf"{DATE} +1999-11 +{DATE}", text)) == 35
    numbers = re.findall(r"\((\d+(?:\.\d)?)/10\)", text)
    assert sorted(map(float, numbers)) == sorted(n % 21 / 2 for n in range(35))


# -- parallel and incremental builds ---------------------------------------------------

PAGES = ["options.html", "myst.html", "layouts.html"]
NEW_REVIEW = """\
A New Book
==========

.. bookreview:: A New Book
   :id: new
   :author: Frank Herbert
   :rating: 5
   :date: 2025-01-01
   :tags: classics
   :verdict: Newly added.
"""


def copy_root(rootdir: Path, tmp_path: Path, name: str) -> Path:
    srcdir = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    return srcdir


def touch(path: Path) -> None:
    """A modification time Sphinx cannot miss, however fast the edit."""
    later = time.time() + 10
    os.utime(path, (later, later))


def listings(app: SphinxTestApp) -> dict[str, str]:
    return {page: str(soup(app, page).select_one("div.body")) for page in PAGES}


def test_parallel_equals_serial(rootdir: Path, tmp_path: Path) -> None:
    serial = sphinx_build(copy_root(rootdir, tmp_path / "serial", "listing"))
    parallel = sphinx_build(copy_root(rootdir, tmp_path / "parallel", "listing"), parallel=2)
    assert warnings(parallel) == []
    assert listings(parallel) == listings(serial)


def add_review(srcdir: Path) -> None:
    (srcdir / "reviews" / "new.rst").write_text(NEW_REVIEW, encoding="utf-8")


def edit_review(srcdir: Path) -> None:
    mmm = srcdir / "reviews" / "mmm.rst"
    text = mmm.read_text(encoding="utf-8").replace(":rating: 4.5", ":rating: 1")
    mmm.write_text(text.replace("bookreview:: The Mythical Man-Month", "bookreview:: The Mythical Man-Year"))
    touch(mmm)


def delete_review(srcdir: Path) -> None:
    (srcdir / "reviews" / "dune.rst").unlink()


def test_incremental_add_edit_delete(rootdir: Path, tmp_path: Path) -> None:
    """A ``-j 2`` build, then one after each edit, each in a new app on the
    same output and environment as separate ``sphinx-build`` runs would be;
    every listing must then be what a fresh build of the same sources gives."""
    srcdir = copy_root(rootdir, tmp_path, "listing")
    app = sphinx_build(srcdir, parallel=2)
    after: dict[str, tuple[dict[str, str], Path]] = {}
    for edit in (add_review, edit_review, delete_review):
        edit(srcdir)
        app = sphinx_build(srcdir, parallel=2)
        assert warnings(app) == []
        sources = shutil.copytree(srcdir, tmp_path / edit.__name__, ignore=shutil.ignore_patterns("_build"))
        after[edit.__name__] = listings(app), sources
    for got, sources in after.values():
        assert got == listings(sphinx_build(sources, freshenv=True))
    added, edited, deleted = (pages for pages, _sources in after.values())
    assert "reviews/new.html#new" in added["options.html"]
    assert "The Mythical Man-Year" in edited["layouts.html"]
    assert "The Mythical Man-Month" not in edited["layouts.html"] + edited["options.html"]
    assert all("reviews/dune.html" not in page for page in deleted.values())
    assert all("reviews/dune.html" in page for page in edited.values())


# -- issue 14: one series in reading order; re-reads in every year they were finished ----------


def test_series_in_reading_order(built: Build) -> None:
    app = built("listing-series")
    assert warnings(app) == []
    page = soup(app, "index.html")
    found = sections(page)
    reading_order = ["prequel", "archives", "concrete", "jennifer", "omnibus"]
    assert {title: listed(section) for title, section in found.items()} == {
        "Reading order": reading_order,
        # Series by name, each in its order; books in no series last, by id.
        "By series": ["dune", *reading_order, "emma"],
        "Backwards": reading_order[::-1],
        # The audiobook read in 2019 and again in 2024 is in both years.
        "Finished in 2019": ["archives", "prequel"],
        "Finished in 2024": ["archives"],
        # The latest reading's end; unfinished ones last.
        "Last finished first": ["archives", "emma", "concrete", "prequel", "dune", "jennifer", "omnibus"],
    }
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in found["Reading order"].select("tbody tr")
    ]
    assert rows == [
        ["Down on the Farm", "Book 0 of The Laundry Files", "Read", ""],
        ["The Atrocity Archives", "Book 1 of The Laundry Files", "Listened", ""],
        ["The Concrete Jungle", "Book 1.5 of The Laundry Files", "Read", ""],
        ["The Jennifer Morgue", "Book 2 of The Laundry Files", "Abandoned", "page 120 of 350 (34%)"],
        ["The Fuller Memorandum and more", "Books 3 to 4 of The Laundry Files", "Currently reading", "38%"],
    ]
    myst = soup(app, "myst.html")
    assert listed(myst) == reading_order
    assert [th.get_text() for th in myst.select("th")] == ["Title", "Series", "Progress"]


# -- one day for a review, everywhere --------------------------------------------------

DAYS_CONF = 'extensions = ["sphinx_bookreview"]\nhtml_theme = "bookreview"\nhtml_baseurl = "https://example.org/"\n'
DAYS = {
    "dated": ":date: 2024-01-01",
    "finished-only": ":finished: 2025-01-01",  # no :date:: dated by the day it was finished
    "older": ":date: 2023-01-01",
}


def test_a_review_without_a_date_is_dated_by_its_finish_everywhere(tmp_path: Path) -> None:
    """The feed dated a review without ``:date:`` by ``:finished:`` and put
    it first; the listing sorted it last and the theme's grid too."""
    reviews = "".join(f".. bookreview:: {name}\n   :id: {name}\n   {day}\n\n" for name, day in DAYS.items())
    index = f"Home\n====\n\n.. bookreview-list::\n\n{reviews}"
    app = sphinx_build(write_files(tmp_path, {"conf.py": DAYS_CONF, "index.rst": index}))
    assert app.warning.getvalue() == ""
    newest_first = ["finished-only", "dated", "older"]
    page = soup(app, "index.html")
    assert listed(page.select_one(".bookreview-list")) == newest_first
    assert [a["href"].rpartition("#")[2] for a in page.select(".recent-item a.recent-link")] == newest_first
    feed = (app.outdir / "reviews.atom").read_text(encoding="utf-8")
    assert [feed.index(f"#{name}</id>") for name in newest_first] == sorted(
        feed.index(f"#{name}</id>") for name in newest_first
    )
