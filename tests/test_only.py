"""Reviews inside ``.. only::`` blocks: a builder that does not show the
block leaves the review out of its listings, indices, links, catalogue,
feed, ``objects.inv`` and the theme's grid, as Sphinx leaves out the
block; links to it are their text, with no warning (other builders show
it). Nested blocks, MyST and tags given with ``-t`` too."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from projects import sphinx_build, write_files
from sphinx.util.inventory import InventoryFile

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


PAGES = {
    "conf.py": 'project = "Only"\ncopyright = "2026, Reader"\nversion = "1"\n'
    'extensions = ["sphinx_bookreview", "myst_parser"]\n'
    'html_baseurl = "https://only.example.org/"\nshow_warning_types = True\n',
    "index.rst": "Only\n====\n\n.. toctree::\n\n   reviews\n   myst\n   links\n",
    "reviews.rst": """\
Reviews
=======

.. bookreview:: Everywhere
   :author: Eve
   :date: 2024-01-01

.. only:: html

   .. bookreview:: Html Book
      :author: Hal
      :tags: web
      :date: 2024-01-02

   .. only:: not epub

      .. bookreview:: Html Not Epub
         :date: 2024-01-03

.. only:: latex

   .. bookreview:: Latex Book
      :author: Lars
      :tags: print
      :date: 2024-01-04

.. only:: draft

   .. bookreview:: Draft Book
      :date: 2024-01-05
""",
    "myst.md": "# MyST\n\n````{only} latex\n```{bookreview} Latex Md\n:date: 2024-01-06\n```\n````\n",
    "links.rst": """\
Links
=====

:book:`latex-book`, :book:`html-book`, :any:`latex-book`, :book-author:`Lars`, :book-tag:`print`.

.. bookreview-list::
""",
}

#: The review ids each build shows, by builder and tags.
SHOWN = {
    ("html", ()): ["everywhere", "html-book", "html-not-epub"],
    ("epub", ()): ["everywhere", "html-book"],
    ("latex", ()): ["everywhere", "latex-book", "latex-md"],
    ("text", ()): ["everywhere"],
    ("html", ("draft",)): ["draft-book", "everywhere", "html-book", "html-not-epub"],
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_files(tmp_path_factory.mktemp("only"), PAGES)


def build(source: Path, tmp_path: Path, buildername: str, tags: tuple[str, ...]) -> SphinxTestApp:
    app = sphinx_build(source, buildername, builddir=tmp_path, tags=list(tags))
    assert app.warning.getvalue() == ""
    return app


@pytest.mark.parametrize(
    ("buildername", "tags"), list(SHOWN), ids=[f"{b}{'-' + '-'.join(t) if t else ''}" for b, t in SHOWN]
)
def test_only_the_reviews_the_builder_shows(
    source: Path, tmp_path: Path, buildername: str, tags: tuple[str, ...]
) -> None:
    app = build(source, tmp_path, buildername, tags)
    domain = app.env.get_domain("book")
    assert sorted(domain.views.winners) == SHOWN[buildername, tags]
    assert sorted(r.id for r in domain.reviews_in("reviews") + domain.reviews_in("myst")) == SHOWN[buildername, tags]
    assert sorted(author for author in domain.views.by_author) == sorted(
        {"everywhere": "Eve", "html-book": "Hal", "latex-book": "Lars"}[i]
        for i in SHOWN[buildername, tags]
        if i in ("everywhere", "html-book", "latex-book")
    )


def test_the_record_holds_the_blocks_outermost_first(source: Path, tmp_path: Path) -> None:
    app = build(source, tmp_path, "html", ())
    records = {r.id: r.only for r in app.env.get_domain("book").views.every_review}
    assert records == {
        "everywhere": (),
        "html-book": ("html",),
        "html-not-epub": ("html", "not epub"),
        "latex-book": ("latex",),
        "draft-book": ("draft",),
        "latex-md": ("latex",),
    }


def test_html_lists_links_and_publishes_only_what_it_shows(source: Path, tmp_path: Path) -> None:
    app = build(source, tmp_path, "html", ())
    links = (app.outdir / "links.html").read_text(encoding="utf-8")
    assert "#latex-book" not in links
    assert links.count("Latex Book") == 1  # the :book: link's text; not listed
    assert 'href="reviews.html#html-book"' in links
    assert "Lars" in links and "book-author.html#cap-Lars" not in links
    assert "Lars" not in (app.outdir / "book-author.html").read_text(encoding="utf-8")
    catalog = json.loads((app.outdir / "bookreviews.json").read_text(encoding="utf-8"))
    assert [review["id"] for review in catalog["reviews"]] == SHOWN["html", ()]
    assert "Latex" not in (app.outdir / "reviews.atom").read_text(encoding="utf-8")
    with (app.outdir / "objects.inv").open("rb") as file:
        inventory = InventoryFile.load(file, "", lambda base, uri: uri)
    assert sorted(inventory["book:review"]) == SHOWN["html", ()]


def test_latex_lists_what_it_shows(source: Path, tmp_path: Path) -> None:
    app = build(source, tmp_path, "latex", ())
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count("Html Book") == 1  # the :book: link's text; not listed
    assert r"\hyperref[\detokenize{reviews:latex-book}]" in tex


def test_the_theme_s_grid_shows_what_the_builder_shows(source: Path, tmp_path: Path) -> None:
    app = sphinx_build(source, "html", builddir=tmp_path, confoverrides={"html_theme": "bookreview"})
    assert app.warning.getvalue() == ""
    home = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Html Book" in home
    assert "Latex Book" not in home
