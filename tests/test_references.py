"""Every role that reaches the ``book`` domain, with a missing, a removed
and a duplicate target, built by the builders that resolve links
differently: a located warning (ours, or Sphinx's own for what Sphinx
resolves), a link or plain text, never a traceback.

The roles: ``:book:``, ``:book-author:``, ``:book-tag:`` and their
``:book:...:`` names, ``:isbn:``, ``:any:`` (also as the default role),
``:ref:`` to the index pages, and intersphinx's ``:external:`` roles and
fallback, with an inventory written here.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build, write_files
from sphinx.util.console import strip_colors
from sphinx.util.inventory import InventoryFile

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


CONF = """\
project = "References"
author = "Ref Reader"
extensions = ["sphinx_bookreview", "sphinx.ext.intersphinx"]
show_warning_types = True
html_baseurl = "https://refs.example.org/"
intersphinx_mapping = {"other": ("https://other.example.org/", "other.inv")}
"""
INDEX = "References\n==========\n\n.. toctree::\n   :glob:\n\n   *\n"
KEPT = """\
Kept
====

.. bookreview:: Kept Book
   :author: Kept Author
   :tags: kept
"""
GONE = """\
Gone
====

.. bookreview:: Gone Book
   :id: gone
   :author: Gone Author
   :tags: gone-tag
   :isbn: 9780306406157
"""
#: Each link on its own line: the line numbers the warnings name.
LINKS = """\
Links
=====

:book:`gone`

:book:review:`gone`

:book-author:`Gone Author`

:book:author:`Gone Author`

:book-tag:`gone-tag`

:book:tag:`gone-tag`

:any:`gone`

:isbn:`9780306406157`

:book:`elsewhere`

:external:book:review:`elsewhere`

:external:book:review:`nowhere-at-all`

:ref:`book-author`
"""
#: The warnings of LINKS where nothing in the project is called "gone".
MISSING = [
    "links.rst:4: WARNING: unknown review id 'gone' [bookreview.ref]",
    "links.rst:6: WARNING: unknown review id 'gone' [bookreview.ref]",
    "links.rst:8: WARNING: unknown author 'Gone Author' [bookreview.ref]",
    "links.rst:10: WARNING: unknown author 'Gone Author' [bookreview.ref]",
    "links.rst:12: WARNING: unknown tag 'gone-tag' [bookreview.ref]",
    "links.rst:14: WARNING: unknown tag 'gone-tag' [bookreview.ref]",
    "links.rst:16: WARNING: 'any' reference target not found: gone [ref.any]",
]
BUILDERS = ["html", "singlehtml", "latex", "texinfo", "text"]


def inventory(path: Path) -> None:
    """Another project's ``objects.inv``, with one review: ``elsewhere``."""
    header = b"# Sphinx inventory version 2\n# Project: Other\n# Version: 1\n"
    header += b"# The remainder of this file is compressed using zlib.\n"
    entries = b"elsewhere book:review 1 elsewhere.html#$ Elsewhere Book\n"
    path.write_bytes(header + zlib.compress(entries))


def write_project(srcdir: Path, **pages: str) -> Path:
    (srcdir / "extra").mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    inventory(srcdir / "other.inv")
    pages = {"index": INDEX, "kept": KEPT, "links": LINKS, **pages}
    return write_files(srcdir, {f"{name}.rst": text for name, text in pages.items()})


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    lines = [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
    return sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1]) if line.count(":") > 1 else 0))


def links_page(app: SphinxTestApp) -> str:
    """The output that holds the links page, as text."""
    if app.builder.name in ("html", "singlehtml"):
        page = app.outdir / ("links.html" if app.builder.name == "html" else "index.html")
        return page.read_text(encoding="utf-8")
    return "\n".join(
        p.read_text(encoding="utf-8") for p in app.outdir.iterdir() if p.suffix in (".tex", ".texi", ".txt")
    )


def hrefs(app: SphinxTestApp) -> list[str]:
    """Where the links page's links lead, in HTML."""
    soup = BeautifulSoup(links_page(app), "html.parser")
    section = soup.find(id="links")
    assert section is not None
    return [a["href"] for a in section.find_all("a") if "headerlink" not in a.get("class", [])]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_missing_targets_warn_where_they_are_linked(tmp_path: Path, buildername: str) -> None:
    app = sphinx_build(write_project(tmp_path / "src"), buildername)
    # Intersphinx's own warning; its subtype differs between Sphinx versions.
    *ours, external = warnings_of(app)
    assert ours == MISSING
    assert external.startswith("links.rst:24: WARNING: external book:review reference target not found: nowhere-at-all")
    if buildername == "html":
        assert hrefs(app) == [
            "https://openlibrary.org/isbn/9780306406157",
            "https://other.example.org/elsewhere.html#elsewhere",
            "https://other.example.org/elsewhere.html#elsewhere",
            "book-author.html",
        ]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_a_removed_target_warns_after_an_incremental_build(tmp_path: Path, buildername: str) -> None:
    srcdir = write_project(tmp_path / "src", review=GONE)
    first = sphinx_build(srcdir, buildername)
    assert [w for w in warnings_of(first) if "nowhere-at-all" not in w] == []
    (srcdir / "review.rst").unlink()
    second = sphinx_build(srcdir, buildername)
    assert [w for w in warnings_of(second) if "nowhere-at-all" not in w] == MISSING
    if buildername == "html":
        assert "review.html" not in links_page(second)
        assert hrefs(second)[0] == "https://openlibrary.org/isbn/9780306406157"


@pytest.mark.parametrize("buildername", BUILDERS)
def test_a_duplicate_target_links_to_the_review_that_keeps_it(tmp_path: Path, buildername: str) -> None:
    label = "\n.. _gone:\n\nA label of the same name\n------------------------\n"
    app = sphinx_build(write_project(tmp_path / "src", first=GONE, second=GONE + label), buildername)
    # Sphinx's own warning, typed from Sphinx 8 on.
    assert [w.removesuffix(" [ref.any]") for w in warnings_of(app) if "nowhere-at-all" not in w] == [
        "links.rst:16: WARNING: more than one target found for 'any' cross-reference 'gone': "
        "could be :std:ref:`A label of the same name` or :book:review:`Gone Book`",
        "second.rst:4: WARNING: duplicate review id 'gone': already used by 'Gone Book' in first; "
        "this review cannot be linked to [bookreview.duplicate]",
    ]
    if buildername == "html":
        assert hrefs(app)[:2] == ["first.html#gone", "first.html#gone"]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_an_unknown_name_under_default_role_any_is_sphinx_s_warning(tmp_path: Path, buildername: str) -> None:
    """Once the extension is loaded too, an ``:any:`` link nothing resolves
    is Sphinx's own warning: the domain's handler leaves it alone."""
    srcdir = write_project(tmp_path / "src", links="Links\n=====\n\nA typo: `Kept Boook`.\n")
    (srcdir / "conf.py").write_text(CONF + 'default_role = "any"\n', encoding="utf-8")
    app = sphinx_build(srcdir, buildername)
    assert warnings_of(app) == ["links.rst:4: WARNING: 'any' reference target not found: Kept Boook [ref.any]"]


ORPHAN = """\
:orphan:

Orphan
======

.. bookreview:: Orphan Book
   :author: Otto Orphan
   :date: 2024-03-01
"""
LISTED = "Links\n=====\n\n:book:`orphan-book`\n\n.. bookreview-list::\n   :layout: table\n\n.. bookreview-list::\n"


@pytest.mark.parametrize("buildername", BUILDERS)
def test_a_review_on_a_page_the_output_has_not_is_text(tmp_path: Path, buildername: str) -> None:
    """LaTeX, Texinfo and singlehtml have no page for an ``:orphan:``
    document: links to its review, in listings too, are their text alone,
    as Sphinx shows any link it has no page for."""
    app = sphinx_build(write_project(tmp_path / "src", links=LISTED, **{"extra/orphan": ORPHAN}), buildername)
    assert warnings_of(app) == []
    if buildername in ("latex", "texinfo"):
        # The titles without links or index entries: the output has no such label.
        assert links_page(app).count("Orphan Book") == 3
        assert "orphan-book" not in links_page(app)
    elif buildername == "html":
        assert hrefs(app).count("extra/orphan.html#orphan-book") == 3
    elif buildername == "singlehtml":
        assert "orphan-book" not in " ".join(hrefs(app))
        catalog = json.loads((app.outdir / "bookreviews.json").read_text(encoding="utf-8"))
        assert [review["id"] for review in catalog["reviews"]] == ["kept-book"]
        assert "Orphan Book" not in (app.outdir / "reviews.atom").read_text(encoding="utf-8")


INDEX_LINKS = "Links\n=====\n\n:ref:`book-author`, :ref:`the tags <book-tag>`, :any:`book-rating`.\n"


def index_labels(app: SphinxTestApp) -> list[str]:
    with (app.outdir / "objects.inv").open("rb") as file:
        inventory = InventoryFile.load(file, "", lambda base, uri: uri)
    return sorted(name for name in inventory.get("std:label", {}) if name.startswith("book-"))


@pytest.mark.parametrize("buildername", ["html", "singlehtml", "latex"])
def test_links_to_index_pages_not_written_are_text(tmp_path: Path, buildername: str) -> None:
    """A project with no review yet: Sphinx labels the index pages all the
    same, and wrote no page for them."""
    srcdir = write_project(tmp_path / "src", kept="Kept\n====\n\nNo review yet.\n", links=INDEX_LINKS)
    app = sphinx_build(srcdir, buildername)
    assert warnings_of(app) == []
    output = links_page(app)
    if buildername == "latex":
        assert all(title in output for title in ("Reviews by author", "the tags", "Reviews by rating"))
        assert "book-author" not in output
    else:
        assert "Reviews by author, the tags, Reviews by rating." in " ".join(
            BeautifulSoup(output, "html.parser").get_text().split()
        )
    if buildername == "html":
        assert not (app.outdir / "book-author.html").exists()
        assert hrefs(app) == []
    if buildername != "latex":
        assert index_labels(app) == []


def test_links_to_index_pages_written_are_links(tmp_path: Path) -> None:
    app = sphinx_build(write_project(tmp_path / "src", links=INDEX_LINKS), "html")
    assert warnings_of(app) == []
    # No review is rated: no rating index.
    assert hrefs(app) == ["book-author.html", "book-tag.html"]
    assert index_labels(app) == ["book-author", "book-tag"]


def test_a_link_to_an_index_page_follows_it_when_it_goes(tmp_path: Path) -> None:
    srcdir = write_project(tmp_path / "src", links=INDEX_LINKS)
    sphinx_build(srcdir, "html")
    (srcdir / "kept.rst").write_text("Kept\n====\n\nNo review any more.\n", encoding="utf-8")
    app = sphinx_build(srcdir, "html")
    assert warnings_of(app) == []
    assert hrefs(app) == []
    assert index_labels(app) == []


@pytest.mark.parametrize("buildername", ["latex", "texinfo"])
def test_a_listing_links_to_a_review_on_the_root_page(tmp_path: Path, buildername: str) -> None:
    """LaTeX and Texinfo fill listings in the root's assembled doctree:
    a link from another page's listing to the root's review must name the
    root's document, not the listing's (an undefined reference in the PDF)."""
    root = INDEX + "\n.. bookreview:: Root Book\n   :date: 2024-01-01\n"
    listing = "Links\n=====\n\n.. bookreview-list::\n"
    app = sphinx_build(write_project(tmp_path / "src", index=root, links=listing), buildername)
    assert warnings_of(app) == []
    output = links_page(app)
    if buildername == "latex":
        assert output.count(r"\hyperref[\detokenize{index:root-book}]") == 1
    else:
        anchor = re.search(r"@anchor\{index root-book\}@anchor\{(\d+)\}", output)
        assert anchor is not None
        assert output.count(f"@ref{{{anchor[1]},,Root Book}}") == 1
