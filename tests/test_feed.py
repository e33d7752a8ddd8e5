"""``reviews.atom``: the reviews as an Atom feed, for sites with ``html_baseurl``."""

from __future__ import annotations

import datetime
import os
import shutil
from typing import TYPE_CHECKING, Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build, write_files

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build


BASE = "https://feed.example.org/shelf/"
FEED_URL = BASE + "reviews.atom"


def read_feed(outdir: Path) -> Any:
    feed = feedparser.parse((outdir / "reviews.atom").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def feed_links(page: Path) -> list[dict[str, Any]]:
    """The feed links in a page's head."""
    head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
    return [link.attrs for link in head.find_all("link", type="application/atom+xml")]


def test_entries_newest_first(built: Build) -> None:
    app = built("feed")
    feed = read_feed(app.outdir)
    assert app.warning.getvalue() == ""
    # Ties by id; no :date: falls back to :finished:; neither is left out.
    assert [entry.id for entry in feed.entries] == [
        BASE + "reviews/newest.html#newest",
        BASE + "reviews/alpha.html#alpha",
        BASE + "reviews/beta.html#beta",
        BASE + "reviews/finished.html#finished-only",
    ]
    assert [entry.link for entry in feed.entries] == [entry.id for entry in feed.entries]
    assert [entry.updated for entry in feed.entries] == [
        "2026-03-10T00:00:00+00:00", "2026-02-01T00:00:00+00:00",
        "2026-02-01T00:00:00+00:00", "2026-01-20T00:00:00+00:00",
    ]  # fmt: skip


def test_feed_and_entry_fields(built: Build) -> None:
    app = built("feed")
    feed = read_feed(app.outdir)
    assert feed.feed.id == FEED_URL
    assert feed.feed.title == "Feed Shelf"
    assert feed.feed.author == "Shelf Owner"  # the project's author
    assert feed.feed.updated == "2026-03-10T00:00:00+00:00"  # the newest review's, not the clock's
    assert {(link.rel, link.href) for link in feed.feed.links} == {("self", FEED_URL), ("alternate", BASE)}
    newest = feed.entries[0]
    assert newest.title == "The Newest Book"
    assert (newest.summary_detail.type, newest.summary) == ("text/plain", "Read it <now> & twice.")
    assert newest.author == "Ann Reader"
    assert [tag.term for tag in newest.tags] == ["python", "essays"]
    assert newest.published == "2026-03-10T00:00:00+00:00"
    assert feed.entries[1].author == "Shelf Owner"  # the project's author, the default reviewer
    assert "summary" not in feed.entries[3]  # no verdict


def test_every_page_links_to_the_feed(built: Build) -> None:
    app = built("feed")
    expected = [{"rel": ["alternate"], "type": "application/atom+xml", "title": "Feed Shelf", "href": FEED_URL}]
    for page in ("index.html", "reviews/alpha.html", "genindex.html", "search.html", "book-tag.html"):
        assert feed_links(app.outdir / page) == expected, page


@pytest.mark.parametrize(
    ("builder", "link"),
    [("dirhtml", BASE + "reviews/alpha/#alpha"), ("singlehtml", BASE + "index.html#alpha")],
)
def test_links_as_the_builder_names_pages(tmp_path: Path, rootdir: Path, builder: str, link: str) -> None:
    shutil.copytree(rootdir / "test-feed", tmp_path / "src")
    app = sphinx_build(tmp_path / "src", builder)
    assert app.warning.getvalue() == ""
    assert read_feed(app.outdir).entries[1].link == link
    assert feed_links(app.outdir / "index.html")[0]["href"] == FEED_URL


@pytest.mark.parametrize(
    "confoverrides",
    [{"html_baseurl": "", "bookreview_opengraph": False}, {"bookreview_feed": ""}],
    ids=["no-baseurl", "no-feed"],
)
def test_no_feed(tmp_path: Path, rootdir: Path, confoverrides: dict[str, str]) -> None:
    shutil.copytree(rootdir / "test-feed", tmp_path / "src")
    app = sphinx_build(tmp_path / "src", confoverrides=confoverrides)
    assert app.warning.getvalue() == ""
    assert not (app.outdir / "reviews.atom").exists()
    assert feed_links(app.outdir / "index.html") == []


def test_not_written_by_epub(tmp_path: Path, rootdir: Path) -> None:
    shutil.copytree(rootdir / "test-feed", tmp_path / "src")
    app = sphinx_build(tmp_path / "src", "epub")
    assert app.warning.getvalue() == ""
    assert not (app.outdir / "reviews.atom").exists()
    assert "application/atom+xml" not in (app.outdir / "index.xhtml").read_text(encoding="utf-8")


def test_named_feed(built: Build) -> None:
    app = built("feed", confoverrides={"bookreview_feed": "feeds/all.xml"})
    feed = feedparser.parse((app.outdir / "feeds" / "all.xml").read_bytes())
    assert feed.bozo == 0
    assert {(link.rel, link.href) for link in feed.feed.links} >= {("self", BASE + "feeds/all.xml")}
    assert feed_links(app.outdir / "index.html")[0]["href"] == BASE + "feeds/all.xml"


def empty_feed_project(tmp_path: Path, rootdir: Path) -> Path:
    """A feed with no entry (its one review is undated) and two documents,
    modified on 2025-03-04 and 2025-05-06 at 07:08:09 UTC."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-feed-empty", srcdir)
    write_files(srcdir, {"about.rst": ":orphan:\n\nAbout\n=====\n"})
    for name, day in (("index.rst", "2025-03-04"), ("about.rst", "2025-05-06")):
        moment = datetime.datetime.fromisoformat(f"{day}T07:08:09.5+00:00").timestamp()
        os.utime(srcdir / name, (moment, moment))
    return srcdir


def test_empty_feed_is_dated_by_its_newest_document(
    tmp_path: Path, rootdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not 1970, nor the build's time: when the sources last changed."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    app = sphinx_build(empty_feed_project(tmp_path, rootdir))
    feed = read_feed(app.outdir)
    assert app.warning.getvalue() == ""
    assert feed.entries == []
    assert feed.feed.updated == "2025-05-06T07:08:09+00:00"


def test_source_date_epoch_dates_an_empty_feed(tmp_path: Path, rootdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reproducible builds' date wins; a rebuild with another one and
    no other change writes the feed again, as a clean build would."""
    srcdir = empty_feed_project(tmp_path, rootdir)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    app = sphinx_build(srcdir)
    assert app.warning.getvalue() == ""
    assert read_feed(app.outdir).feed.updated == "2026-01-01T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    app = sphinx_build(srcdir)
    assert read_feed(app.outdir).feed.updated == "2026-01-02T00:00:00+00:00"


def test_source_date_epoch_beyond_a_feed_s_dates(
    tmp_path: Path, rootdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sphinx takes it (its year, 33658, is a copyright year); a feed's date cannot."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000000")
    app = sphinx_build(empty_feed_project(tmp_path, rootdir))
    assert app.warning.getvalue().splitlines() == [
        "WARNING: SOURCE_DATE_EPOCH = '1000000000000' is beyond the dates a feed can hold; the feed is dated by its "
        "documents' modification times [bookreview.config]"
    ]
    assert read_feed(app.outdir).feed.updated == "2025-05-06T07:08:09+00:00"


def test_dated_entries_date_the_feed_whatever_source_date_epoch(
    tmp_path: Path, rootdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(rootdir / "test-feed", tmp_path / "src")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    app = sphinx_build(tmp_path / "src")
    assert read_feed(app.outdir).feed.updated == "2026-03-10T00:00:00+00:00"


def authors(feed: Any) -> tuple[str | None, list[str | None]]:
    """The feed's author and each entry's, checked against Atom's rule
    (RFC 4287, 4.1.1): a feed has an author unless each of its entries has one."""
    feed_author, entry_authors = feed.feed.get("author"), [entry.get("author") for entry in feed.entries]
    assert feed_author or (entry_authors and all(entry_authors)), "Atom requires an author"
    return feed_author, entry_authors


def without_author(tmp_path: Path, rootdir: Path, root: str, **settings: str) -> Path:
    """A copy of a test root whose conf.py sets no ``author``: Sphinx gives
    it its placeholder, "Author name not set" (7.4 and 9 alike)."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / f"test-{root}", srcdir)
    conf = srcdir / "conf.py"
    lines = [line for line in conf.read_text(encoding="utf-8").splitlines() if not line.startswith("author")]
    conf.write_text("\n".join([*lines, *(f"{name} = {value!r}" for name, value in settings.items())]) + "\n")
    return srcdir


def test_no_author_anywhere_the_feed_is_the_project_s(tmp_path: Path, rootdir: Path) -> None:
    app = sphinx_build(without_author(tmp_path, rootdir, "feed"))
    assert app.config.author == "Author name not set"
    assert app.warning.getvalue() == ""
    assert authors(read_feed(app.outdir)) == ("Feed Shelf", ["Ann Reader", None, None, None])
    assert b"Author name not set" not in (app.outdir / "reviews.atom").read_bytes()


def test_no_author_every_entry_by_its_reviewer(tmp_path: Path, rootdir: Path) -> None:
    """Each entry has its author: the feed needs none, and names nobody."""
    app = sphinx_build(without_author(tmp_path, rootdir, "feed", bookreview_default_reviewer="Bo Reader"))
    assert app.warning.getvalue() == ""
    assert authors(read_feed(app.outdir)) == (None, ["Ann Reader", "Bo Reader", "Bo Reader", "Bo Reader"])
    assert b"Author name not set" not in (app.outdir / "reviews.atom").read_bytes()


def test_no_author_and_no_entry(tmp_path: Path, rootdir: Path) -> None:
    app = sphinx_build(without_author(tmp_path, rootdir, "feed-empty"))
    assert app.warning.getvalue() == ""
    assert authors(read_feed(app.outdir)) == ("Empty Feed", [])
