"""Two reviews of one ISBN (issue 14, item 13): a ``duplicate`` warning,
unless one says with ``:rereview-of:`` that it reviews the book again; the
card links to the earlier review, and an id no review has is a ``ref``
warning. Incremental builds keep the warning right."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

from projects import sphinx_build, write_files
from sphinx.util.console import strip_colors

from sphinx_bookreview.model import Review
from sphinx_bookreview.rereviews import unmarked_twins

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp


def warnings(app: SphinxTestApp) -> list[str]:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()


def twin_message(srcdir: Path) -> str:
    return (
        f"{srcdir / 'second.rst'}:4: WARNING: review 'dune-2024' has the ISBN 978-0-441-17271-9 of review "
        "'dune-2019' (first): if it reviews the book again, say so with :rereview-of: dune-2019; else correct "
        "the ISBN [bookreview.duplicate]"
    )


def test_the_second_review_of_a_book_is_warned_unless_it_says_so(built: Build) -> None:
    app = built("rereview")
    assert warnings(app) == [
        twin_message(app.srcdir),
        f"{app.srcdir / 'fourth.rst'}:6: WARNING: unknown review id 'emma-1999' [bookreview.ref]",
    ]
    third = (app.outdir / "third.html").read_text(encoding="utf-8")
    # The card names the earlier review by its title, linked.
    assert '<a class="reference internal" href="first.html#dune-2019"' in third
    assert re.search(r'Earlier review.*?<em class="xref book book-review">Dune</em>', third, re.DOTALL)


def test_saying_it_is_a_rereview_ends_the_warning(rootdir: Path, tmp_path: Path) -> None:
    srcdir = shutil.copytree(rootdir / "test-rereview", tmp_path / "rereview")
    assert twin_message(srcdir) in warnings(sphinx_build(srcdir))
    second = srcdir / "second.rst"
    second.write_text(second.read_text(encoding="utf-8") + "   :rereview-of: dune-2019\n", encoding="utf-8")
    app = sphinx_build(srcdir)
    assert "reading sources... [100%] second" in strip_colors(app.status.getvalue())
    # Nothing else is warned about again: the other pages are not rewritten.
    assert warnings(app) == []


def test_which_reviews_are_twins() -> None:
    old = Review(id="a", title="A", isbn="978-0-441-17271-9", date="2019-01-01")
    new = Review(id="b", title="B", isbn="978-0-441-17271-9", date="2024-01-01")
    marked = Review(id="c", title="C", isbn="978-0-441-17271-9", date="2025-01-01", rereview_of="a")
    other = Review(id="d", title="D", isbn="978-0-14-143958-7")
    no_isbn = [Review(id="e", title="E"), Review(id="f", title="E")]
    assert unmarked_twins([new, marked, old, other, *no_isbn]) == [(new, old)]
    # Whichever is written first, the older review is the book's review.
    assert unmarked_twins([old, new]) == unmarked_twins([new, old]) == [(new, old)]
    # A re-review of another book's review (or of a review without this
    # ISBN) does not make its ISBN's other reviews re-reviews.
    elsewhere = Review(id="g", title="G", isbn=other.isbn, date="2026-01-01", rereview_of="e")
    later = Review(id="h", title="H", isbn=other.isbn, date="2026-02-01")
    assert unmarked_twins([other, elsewhere, later]) == [(elsewhere, other), (later, other)]
    assert unmarked_twins([elsewhere, later]) == [(later, elsewhere)]
    # A review dated only by its finish is as new as that day.
    finished_only = Review(id="i", title="I", isbn=old.isbn, finished="2024-05-01")
    assert unmarked_twins([finished_only, old]) == [(finished_only, old)]
    # A re-review written before the review it names is still a re-review.
    assert unmarked_twins([Review(id="x", title="X", isbn=old.isbn, date="2000-01-01", rereview_of="a"), old]) == []


def test_an_unknown_earlier_review_is_warned_at_its_option_in_myst(tmp_path: Path) -> None:
    conf = 'extensions = ["myst_parser", "sphinx_bookreview"]\nbookreview_opengraph = False\n'
    review = "# Home\n\n```{bookreview} Again\n:id: again\n:rereview-of: nobody\n```\n"
    app = sphinx_build(write_files(tmp_path, {"conf.py": conf, "index.md": review}))
    assert warnings(app) == [f"{tmp_path / 'index.md'}:5: WARNING: unknown review id 'nobody' [bookreview.ref]"]


def test_the_isbn_role_links_to_a_newer_review_dated_by_its_finish(tmp_path: Path) -> None:
    """The newest review of an ISBN is by each review's day: :date:, else :finished:."""
    conf = 'extensions = ["sphinx_bookreview"]\nbookreview_opengraph = False\n'
    old = ".. bookreview:: Dune\n   :id: old\n   :isbn: 978-0-441-17271-9\n   :date: 2020-01-01\n\n"
    new = ".. bookreview:: Dune Again\n   :id: new\n   :isbn: 978-0-441-17271-9\n   :rereview-of: old\n"
    index = f"Home\n====\n\nMy review of :isbn:`978-0-441-17271-9`.\n\n{old}{new}   :finished: 2024-05-01\n"
    app = sphinx_build(write_files(tmp_path, {"conf.py": conf, "index.rst": index}))
    assert warnings(app) == []
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'My review of <a class="reference internal" href="#new"', html)
