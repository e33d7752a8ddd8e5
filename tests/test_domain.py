"""The ``book`` domain: plain picklable records, clear/merge, objects.inv."""

from __future__ import annotations

import copy
import pickle
import posixpath
import shutil
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build
from sphinx.util.inventory import InventoryFile

from sphinx_bookreview.model import Review

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from projects import Build
    from sphinx.testing.util import SphinxTestApp

    from sphinx_bookreview.domain import BookDomain


SPECIAL = "b-bold-b-quoted-book"


@pytest.fixture(scope="module")
def full(built: Build) -> SphinxTestApp:
    app = built("full", "html")
    assert app.warning.getvalue() == ""
    return app


def domain_of(app: SphinxTestApp) -> BookDomain:
    return app.env.get_domain("book")  # type: ignore[return-value]


def test_records_are_plain_values(full: SphinxTestApp) -> None:
    reviews = domain_of(full).reviews_by_doc
    assert sorted(reviews) == ["audio", "review", "second", "special"]
    for records in reviews.values():
        assert type(records) is list
        assert all(type(record) is Review for record in records)
    fopnp = reviews["review"][0]
    assert (fopnp.id, fopnp.docname, fopnp.lineno, fopnp.isbn) == ("fopnp", "review", 4, "978-1-4302-3003-8")
    assert fopnp.authors == ("Brandon Rhodes", "John Goerzen")
    assert fopnp.cover == "/cover.png"
    # The pages that link into the domain, for rewriting them when it changes.
    assert ("review", "fopnp") in domain_of(full).references["roles"]


def test_pickled_environment_round_trips(full: SphinxTestApp) -> None:
    """The environment Sphinx pickled to disk holds the same records."""
    with (full.doctreedir / "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    assert env.domaindata["book"] == full.env.domaindata["book"]
    again = pickle.loads(pickle.dumps(env.domaindata["book"]))
    assert again == full.env.domaindata["book"]


def test_clear_doc_and_merge_domaindata(rootdir: Path, tmp_path: Path) -> None:
    """On a build of its own: clearing and merging change the domain's data,
    which the shared build's readers must never see."""
    srcdir = tmp_path / "full"
    shutil.copytree(rootdir / "test-full", srcdir)
    app = sphinx_build(srcdir)
    assert app.warning.getvalue() == ""
    domain = domain_of(app)
    saved = copy.deepcopy(domain.data)
    assert "fopnp" in domain.views.winners
    domain.clear_doc("review")
    # The derived views follow at once.
    assert "fopnp" not in domain.views.winners
    assert "Brandon Rhodes" not in domain.views.by_author
    assert "9781430230038" not in domain.views.by_isbn
    assert "review" not in domain.references
    assert "roles" in domain.references
    # A parallel reader's data is merged for its own documents only.
    other = copy.deepcopy(saved)
    other["reviews"]["stray"] = other["reviews"]["second"]
    domain.merge_domaindata({"review"}, other)
    assert domain.data == saved
    assert domain.views.winners["fopnp"].docname == "review"
    assert [r.id for r in domain.views.by_author["Brandon Rhodes"]] == ["fopnp"]


def test_parallel_build_has_the_same_records(full: SphinxTestApp, built: Build) -> None:
    parallel = built("full", "html", parallel=2)
    assert parallel.warning.getvalue() == ""
    assert parallel.env.domaindata["book"] == full.env.domaindata["book"]
    for page in ("review.html", "roles.html", "book-author.html", "book-tag.html"):
        assert (parallel.outdir / page).read_text(encoding="utf-8") == (full.outdir / page).read_text(encoding="utf-8")


def inventory(app: SphinxTestApp) -> dict[str, dict[str, str]]:
    """``{type: {name: uri}}`` of objects.inv, as intersphinx reads it."""
    with (app.outdir / "objects.inv").open("rb") as file:
        data: dict[str, dict[str, Any]] = InventoryFile.load(file, "", posixpath.join)
    return {typ: {name: getattr(item, "uri", None) or item[2] for name, item in items.items()}
            for typ, items in data.items() if typ.startswith("book:")}  # fmt: skip


def test_objects_inv(full: SphinxTestApp) -> None:
    assert inventory(full) == {
        "book:review": {
            "atrocity": "audio.html#bookreview--atrocity",
            "atrocity-again": "audio.html#bookreview--atrocity-again",
            "fopnp": "review.html#bookreview--fopnp",
            "sicp": "second.html#bookreview--sicp",
            SPECIAL: f"special.html#bookreview--{SPECIAL}",
        },
        "book:author": {
            "Charles Stross": "book-author.html#cap-Charles%C2%A0Stross",
            "Brandon Rhodes": "book-author.html#cap-Brandon%C2%A0Rhodes",
            "John Goerzen": "book-author.html#cap-John%C2%A0Goerzen",
            "Harold Abelson": "book-author.html#cap-Harold%C2%A0Abelson",
            "Gerald Jay Sussman": "book-author.html#cap-Gerald%C2%A0Jay%C2%A0Sussman",
            'Ann <b>Author</b> & "Co"': "book-author.html#cap-Ann%C2%A0%3Cb%3EAuthor%3C%2Fb%3E%C2%A0%26%C2%A0%22Co%22",
        },
        "book:tag": {
            "python": "book-tag.html#cap-python",
            "networking": "book-tag.html#cap-networking",
            "lisp": "book-tag.html#cap-lisp",
            "c&d": "book-tag.html#cap-c%26d",
            "<x>": "book-tag.html#cap-%3Cx%3E",
        },
    }


def test_objects_inv_targets_exist(full: SphinxTestApp) -> None:
    """Every anchor objects.inv names is an id on its page."""
    for entries in inventory(full).values():
        for uri in entries.values():
            page, _, fragment = uri.partition("#")
            soup = BeautifulSoup((full.outdir / page).read_text(encoding="utf-8"), "html.parser")
            assert soup.find(id=unquote(fragment)) is not None, uri


def test_a_project_without_an_author_names_no_reviewer(built: Callable[..., SphinxTestApp]) -> None:
    """Sphinx's placeholder for a missing ``author`` is nobody's name."""
    app = built("no-author", "html")
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Reviewed by" not in html
    assert '"author": {"@type": "Person"' not in html
    assert app.warning.getvalue() == ""


def test_no_links_to_index_pages_the_project_turned_off(built: Callable[..., SphinxTestApp]) -> None:
    """``html_domain_indices`` without ours: authors and tags are text."""
    app = built("no-author", "html")
    assert not (app.outdir / "book-author.html").exists()
    assert 'href="book-' not in (app.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "epub", "json", "singlehtml"])
@pytest.mark.parametrize("chosen", [True, False, ["book-tag", "book-rating"], ["py-modindex"]], ids=repr)
def test_index_pages_are_those_sphinx_writes(built: Build, buildername: str, chosen: object) -> None:
    """``index_pages`` works out from public settings which of our index
    pages the builder writes: the same as the builder's own list (which
    singlehtml fills, then writes no page of)."""
    from sphinx_bookreview.domain import BookDomain

    app = built("full", buildername, confoverrides={"html_domain_indices": chosen})
    written = {name for name, *_rest in app.builder.domain_indices if name.startswith("book-")}  # type: ignore[attr-defined]
    assert BookDomain.index_pages(app.builder) == (set() if buildername == "singlehtml" else written)


def test_index_pages_only_with_entries(built: Build) -> None:
    """No rating index where no review is rated: Sphinx writes no empty index."""
    from sphinx_bookreview.domain import BookDomain

    app = built("duplicate", "html")
    assert {name for name, *_rest in app.builder.domain_indices} >= {"book-author", "book-tag"}  # type: ignore[attr-defined]
    assert BookDomain.index_pages(app.builder) == {"book-author", "book-tag"}


def test_index_headings_are_escaped_for_html_only(full: SphinxTestApp) -> None:
    """The index generates headings as written; the HTML page escapes
    them, as Sphinx's template does not."""
    from sphinx_bookreview.domain import AuthorIndex

    content, _collapse = AuthorIndex(domain_of(full)).generate()
    assert 'Ann <b>Author</b> & "Co"' in [heading for heading, _entries in content]
    page = (full.outdir / "book-author.html").read_text(encoding="utf-8")
    assert "<strong>Ann\u00a0&lt;b&gt;Author&lt;/b&gt;\u00a0&amp;\u00a0&quot;Co&quot;</strong>" in page
    assert "<b>Author</b>" not in page
