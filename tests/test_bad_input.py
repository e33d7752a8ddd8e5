"""Bad input (SPEC section 7): one located, typed warning per problem, the
rest of the review still rendered, never a traceback."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup, Tag
from projects import sphinx_build
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp


CHECKSUM = "the number's checksum or check digit is invalid"
HTTP_ONLY = "only absolute http and https URLs are allowed"
FORMATS = "hardcover, paperback, ebook, audiobook"
ID_RULE = "ids are lowercase letters, digits and hyphens"

#: Every warning of the build of ``test-bad``: ``(file:line, message [type])``.
EXPECTED = [
    # One kind of bad value per review, each at its option's line.
    ("bad.rst:6", f"invalid ISBN '978-0-306-40615-8': {CHECKSUM} [bookreview.isbn]"),
    ("bad.rst:13", "invalid rating '6': must be between 0 and 5 [bookreview.rating]"),
    ("bad.rst:16", "invalid rating 'excellent': expected a number such as 4, 4.5, 4.5/5 or 8/10 [bookreview.rating]"),
    ("bad.rst:19", "invalid date '2024-13': expected a real date as YYYY, YYYY-MM or YYYY-MM-DD [bookreview.date]"),
    ("bad.rst:20", "invalid date '2024-02-30': expected a real date as YYYY-MM-DD [bookreview.date]"),
    ("bad.rst:21", "invalid date '2024': expected a real date as YYYY-MM-DD [bookreview.date]"),
    ("bad.rst:25", "invalid page count '0': expected a positive whole number [bookreview.option]"),
    ("bad.rst:28", f"invalid format 'scroll': expected one of {FORMATS} [bookreview.option]"),
    ("bad.rst:31", "invalid status 'finished': expected one of read, reading, abandoned [bookreview.option]"),
    ("bad.rst:34", "invalid language 'English': expected a BCP 47 code such as en or pt-BR [bookreview.option]"),
    ("bad.rst:37", f"invalid id 'Not An Id': {ID_RULE}, such as 'not-an-id' [bookreview.option]"),
    ("bad.rst:40", f"refused URL 'javascript:alert(1)': {HTTP_ONLY} [bookreview.url]"),
    ("bad.rst:43", f"refused URL 'ftp://example.org/book': {HTTP_ONLY} [bookreview.url]"),
    ("bad.rst:46", f"refused URL 'javascript:alert(1)': {HTTP_ONLY} [bookreview.url]"),
    ("bad.rst:49", "refused cover '../outside.png': it is outside the source directory [bookreview.url]"),
    ("bad.rst:52", "cover image not found: 'missing.png' [bookreview.url]"),
    ("bad.rst:56", "unknown option :colour: (ignored) [bookreview.option]"),
    ("bad.rst:57", "unknown option :give-it-to: (ignored) [bookreview.option]"),
    ("bad.rst:61", "a review needs a title: the directive's argument [bookreview.option]"),
    # Several problems in one review: one warning each, each at its line.
    ("bad.rst:71", "invalid ISBN '12345': the number has an invalid length [bookreview.isbn]"),
    ("bad.rst:72", "invalid rating '9/5': must be between 0 and 5 [bookreview.rating]"),
    ("bad.rst:73", "invalid date 'yesterday': expected a real date as YYYY, YYYY-MM or YYYY-MM-DD [bookreview.date]"),
    ("bad.rst:74", f"refused URL 'data:text/html,x': {HTTP_ONLY} [bookreview.url]"),
    ("bad.rst:78", "invalid page count '²': expected a positive whole number [bookreview.option]"),
    # MyST: the same warnings, at the option's line in the Markdown file.
    ("myst.md:5", "unknown option :colour: (ignored) [bookreview.option]"),
    ("myst.md:6", "invalid ISBN '123': the number has an invalid length [bookreview.isbn]"),
    ("myst.md:11", "a review needs a title: the directive's argument [bookreview.option]"),
    # Roles.
    ("roles.rst:4", "unknown review id 'no-such-review' [bookreview.ref]"),
    ("roles.rst:6", "unknown review id 'no-such-review-either' [bookreview.ref]"),
    ("roles.rst:8", f"invalid ISBN '978-0-306-40615-8': {CHECKSUM} [bookreview.isbn]"),
    ("roles.rst:10", "invalid rating '11': must be between 0 and 5 [bookreview.rating]"),
    ("roles.rst:12", "unknown author 'Nobody' [bookreview.ref]"),
    ("roles.rst:14", "unknown tag 'nothing' [bookreview.ref]"),
    ("myst.md:16", "unknown review id 'no-such-myst-review' [bookreview.ref]"),
    ("myst.md:18", f"invalid ISBN '0-306-40615-3': {CHECKSUM} [bookreview.isbn]"),
]


def warning_lines(app: SphinxTestApp) -> list[str]:
    text = strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    return text.splitlines()


@pytest.fixture(scope="module")
def bad(built: Build) -> SphinxTestApp:
    return built("bad", "html")


@pytest.mark.parametrize(("where", "message"), EXPECTED, ids=[where for where, _ in EXPECTED])
def test_warning(bad: SphinxTestApp, where: str, message: str) -> None:
    assert warning_lines(bad).count(f"{where}: WARNING: {message}") == 1


def test_no_other_warning(bad: SphinxTestApp) -> None:
    """Exactly one warning per problem: no docutils error for an unknown
    option, no second warning for the same value, no traceback."""
    assert sorted(warning_lines(bad)) == sorted(f"{where}: WARNING: {message}" for where, message in EXPECTED)


def review(app: SphinxTestApp, page: str, review_id: str) -> Tag:
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article", id=review_id)
    assert isinstance(article, Tag), f"no review {review_id!r} on {page}"
    return article


def text(element: Tag | None) -> str:
    assert element is not None
    return " ".join(element.get_text(" ").split())


def facts(article: Tag) -> dict[str, str]:
    card = article.select_one(".bookreview-card")
    return {text(dt).rstrip(": "): text(dd) for dt, dd in zip(card.select("dt"), card.select("dd"), strict=True)}


def test_rest_of_review_renders(bad: SphinxTestApp) -> None:
    article = review(bad, "bad.html", "bad-isbn")
    assert facts(article) == {"Author": "Ann Author", "Rating": "4", "Reviewed by": "Project Author"}
    assert text(article.select_one(".bookreview-body")) == "Body of bad ISBN."
    assert facts(review(bad, "bad.html", "bad-dates"))["Publisher"] == "Still Shown"
    assert facts(review(bad, "bad.html", "many-problems")) == {"Author": "Still Shown", "Reviewed by": "Project Author"}


def test_invalid_id_falls_back_to_the_title(bad: SphinxTestApp) -> None:
    assert text(review(bad, "bad.html", "bad-id").select_one(".bookreview-title")) == "Bad Id"


def test_refused_urls_are_not_linked(bad: SphinxTestApp) -> None:
    page = (bad.outdir / "bad.html").read_text(encoding="utf-8")
    assert "javascript:" not in page
    assert "ftp://" not in page
    assert "data:text/html" not in page
    for review_id in ("script-cover", "outside-cover", "missing-cover"):
        assert review(bad, "bad.html", review_id).select("img") == []
    assert not (bad.outdir / "_images").exists()


def test_unknown_option_keeps_the_review(bad: SphinxTestApp) -> None:
    article = review(bad, "bad.html", "unknown-option")
    assert facts(article) == {"Author": "Ann Author", "Reviewed by": "Project Author"}
    assert text(article.select_one(".bookreview-body")) == "Body of unknown option."
    assert "red" not in text(article)


def test_unknown_option_in_myst_keeps_the_review(bad: SphinxTestApp) -> None:
    article = review(bad, "myst.html", "myst-review")
    assert facts(article) == {"Author": "Mia Author", "Reviewed by": "Project Author"}
    assert text(article.select_one(".bookreview-body")) == "The body, in Markdown ."


def test_missing_title(bad: SphinxTestApp) -> None:
    article = review(bad, "bad.html", "untitled-review")
    assert text(article.select_one(".bookreview-title")) == "Untitled review"
    assert facts(article)["Author"] == "Nameless Author"
    assert text(review(bad, "myst.html", "nameless-myst").select_one(".bookreview-title")) == "Untitled review"


def test_empty_options_are_ignored(bad: SphinxTestApp) -> None:
    article = review(bad, "bad.html", "empty-options")
    assert facts(article) == {"Reviewed by": "Project Author"}
    assert article.select(".bookreview-quick") == []


def test_bad_roles_leave_their_text(bad: SphinxTestApp) -> None:
    page = BeautifulSoup((bad.outdir / "roles.html").read_text(encoding="utf-8"), "html.parser")
    paragraphs = [text(p) for p in page.select("section p")]
    assert paragraphs == [
        "Unknown review no-such-review .",
        "Unknown review with text some text .",
        "Invalid ISBN 978-0-306-40615-8.",
        "Bad rating 11.",
        "Unknown author Nobody .",
        "Unknown tag nothing .",
    ]
    assert page.select("section p a") == []


@pytest.mark.parametrize("buildername", ["latex", "text", "man", "texinfo"])
def test_other_builders_give_the_same_warnings(built: Build, buildername: str) -> None:
    """Every builder: the same warnings, no crash (a crash raises here)."""
    app = built("bad", buildername)
    expected = [f"{where}: WARNING: {message}" for where, message in EXPECTED]
    assert sorted(warning_lines(app)) == sorted(expected)


DUPLICATE = (
    "b.rst:6: WARNING: duplicate review id 'same': already used by 'Kept Book' in a; "
    "this review cannot be linked to [bookreview.duplicate]"
)


@pytest.mark.parametrize(
    "app_kwargs",
    [{}, {"tags": ["reverse"]}, {"parallel": 2}],
    ids=["serial", "reverse-read-order", "parallel"],
)
def test_duplicate_id_first_document_keeps_it(built: Build, app_kwargs: dict[str, object]) -> None:
    """Whatever the read order, the document whose name sorts first keeps
    the id; the other is warned, once, and nothing else is."""
    app = built("duplicate", "html", **app_kwargs)
    assert warning_lines(app) == [DUPLICATE]
    assert review(app, "a.html", "same") is not None
    assert text(review(app, "b.html", "same").select_one(".bookreview-title")) == "Warned Book"
    index = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = index.select_one("section p a")
    assert (link["href"], text(link)) == ("a.html#same", "Kept Book")


def test_duplicate_id_after_an_incremental_rebuild(rootdir: Path, tmp_path: Path) -> None:
    """Re-reading only "a" (so it is read after "b") changes nothing."""
    srcdir = tmp_path / "duplicate"
    shutil.copytree(rootdir / "test-duplicate", srcdir)
    first = sphinx_build(srcdir)
    assert warning_lines(first) == [DUPLICATE]
    source = srcdir / "a.rst"
    source.write_text(source.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    again = sphinx_build(srcdir)
    assert "reading sources... [100%] a" in strip_colors(again.status.getvalue())
    assert warning_lines(again) == [DUPLICATE]
    assert again.env.get_domain("book").views.winners["same"].docname == "a"
