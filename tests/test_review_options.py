"""Issue 14's options given bad values: one located, typed warning each, at
the option's line, in reStructuredText and MyST; the review still built."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

    Build = Callable[..., SphinxTestApp]

NO_SERIES = ":series-url: is the home page of a :series:, and none is given; ignored"
BESIDE = "is ignored beside :reads:, which gives every reading: write the latest one as its last entry"
EXPECTED = [
    "bad.rst:5: WARNING: invalid series 'Saga #5-1': a range of numbers goes up, such as #5-6 [bookreview.option]",
    "bad.rst:6: WARNING: refused URL 'javascript:alert(1)': only absolute http and https URLs are allowed "
    "[bookreview.url]",
    "bad.rst:9: WARNING: invalid ASIN 'B1036WT4SA': expected B0 and eight letters or digits, such as B00ZVA3XL6, "
    "or an ISBN-10 [bookreview.option]",
    "bad.rst:10: WARNING: invalid date '2004-13': expected a real date as YYYY, YYYY-MM or YYYY-MM-DD "
    "[bookreview.date]",
    "bad.rst:14: WARNING: invalid reading '2024-02-01..2024-01-05': it ends before it starts [bookreview.date]",
    f"bad.rst:18: WARNING: :started: {BESIDE} [bookreview.option]",
    "bad.rst:23: WARNING: progress is for an unfinished book (status reading or abandoned); ignored for a book read "
    "[bookreview.option]",
    "bad.rst:27: WARNING: invalid progress '351/350': page 351 is beyond the book's 350 pages [bookreview.option]",
    "bad.rst:51: WARNING: progress 120/350 counts 350 pages, and :pages: says 300 [bookreview.option]",
    "bad.rst:55: WARNING: invalid reading: :finished: 2024-06-01 is before :started: 2024-06-20; both ignored "
    "[bookreview.date]",
    "myst.md:25: WARNING: invalid reading: :finished: 2024-06-01 is before :started: 2024-06-20; both ignored "
    "[bookreview.date]",
    "bad.rst:31: WARNING: a review cannot be a re-review of itself; :rereview-of: ignored [bookreview.option]",
    "bad.rst:32: WARNING: invalid narrator ';;': expected names separated by ';', such as 'Ann Lee; Bo Yu' "
    "[bookreview.option]",
    "bad.rst:42: WARNING: invalid series '#2': expected its name before the number, such as 'Saga #2' "
    "[bookreview.option]",
    f"bad.rst:43: WARNING: {NO_SERIES} [bookreview.option]",
    "bad.rst:44: WARNING: invalid tags ', ,': expected tags separated by ',', such as 'fiction, history' "
    "[bookreview.option]",
    "bad.rst:46: WARNING: the first publication 1988-05 is after this edition's 1978; :original-published: ignored "
    "[bookreview.date]",
    "myst.md:16: WARNING: invalid series '#2': expected its name before the number, such as 'Saga #2' "
    "[bookreview.option]",
    f"myst.md:17: WARNING: {NO_SERIES} [bookreview.option]",
    "myst.md:18: WARNING: invalid contributor ';': expected names separated by ';', such as 'Ann Lee; Bo Yu' "
    "[bookreview.option]",
    "myst.md:20: WARNING: the first publication 2001-09-01 is after this edition's 2001-04; :original-published: "
    "ignored [bookreview.date]",
    "bad.rst:37: WARNING: unknown option :colour: (ignored) [bookreview.option]",
    "bad.rst:36: WARNING: a bookreview-spoiler block needs content: the spoilers it hides [bookreview.option]",
    "bad.rst:39: WARNING: a bookreview-spoiler block needs content: the spoilers it hides [bookreview.option]",
    "myst.md:4: WARNING: invalid reading '2024-01-05': expected START..END, such as 2024-01-02..2024-02-10 "
    "[bookreview.option]",
    "myst.md:5: WARNING: invalid progress 'half': expected a percentage such as 38% or a page of the pages such as "
    "120/350 [bookreview.option]",
    "myst.md:6: WARNING: invalid ASIN 'nope': expected B0 and eight letters or digits, such as B00ZVA3XL6, "
    "or an ISBN-10 [bookreview.option]",
    "myst.md:10: WARNING: unknown option :colour: (ignored) [bookreview.option]",
]


@pytest.fixture(scope="module")
def app(built: Build) -> SphinxTestApp:
    return built("bad-readings", "html")


def test_each_bad_value_is_one_warning_at_its_line(app: SphinxTestApp) -> None:
    text = strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    assert sorted(text.splitlines()) == sorted(EXPECTED)


def test_the_reviews_are_still_built(app: SphinxTestApp) -> None:
    page = (app.outdir / "bad.html").read_text(encoding="utf-8")
    for title in ("Bad Series", "Bad Identifiers", "Bad Readings", "Readings Beside Days", "Bad Progress",
                  "Values That Say Nothing Or Contradict"):  # fmt: skip
        assert f"<strong>{title}</strong>" in page
    # A bad value is left out, what was valid is kept: the readings, not the days beside them.
    assert "Saga" not in page and "saga" not in page  # neither the bad series nor its home page
    assert "1978" in page and "1988" not in page  # the edition kept, the first publication after it left out
    assert "2019-01-01 \u2013 2019-02-01; started 2024-01-05" in page
    assert (app.outdir / "myst.html").is_file()
    assert "Hidden." in (app.outdir / "myst.html").read_text(encoding="utf-8")
