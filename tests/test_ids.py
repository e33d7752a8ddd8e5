"""The review's element carries the review's id, and no other element of
its page does: a heading equal to the review's title (what ``sphinx-bookreview
new`` and ``import`` write) gets another id, before or after the review, in
reStructuredText and MyST, in an included file too. Its second id is the
anchor that ``objects.inv`` and the search index give it,
``bookreview--<id>``; a duplicate on the page has neither."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from projects import sphinx_build, write_files

if TYPE_CHECKING:
    from pathlib import Path


PAGES = {
    "conf.py": 'project = "Ids"\nextensions = ["sphinx_bookreview", "myst_parser"]\n'
    'html_baseurl = "https://ids.example.org/"\nshow_warning_types = True\n',
    "index.rst": "Ids\n===\n\n.. toctree::\n\n   after\n   before\n   myst\n   included\n   twice\n",
    # The heading first, then its review; a label on the heading, and a
    # link to the heading by its name.
    "after.rst": ".. _after-label:\n\nDune\n====\n\n.. contents::\n\n.. bookreview:: Dune\n\n   Body.\n\n"
    "Notes\n-----\n\nSee `Dune`_ and :ref:`after-label`.\n",
    # The review first, then a section of the same name.
    "before.rst": "Before\n======\n\n.. bookreview:: Emma\n\nEmma\n----\n\nText.\n",
    "myst.md": "# Solaris\n\n```{bookreview} Solaris\n```\n",
    "included.rst": "Ubik\n====\n\n.. include:: part.rst.inc\n",
    "part.rst.inc": ".. bookreview:: Ubik\n",
    # Two reviews of one id on one page: the second is a duplicate.
    "twice.rst": "Twice\n=====\n\n.. bookreview:: Same\n\n.. bookreview:: Same\n",
}
EXPECTED = {
    "after": ("dune", ["after-label", "dune-1"]),  # sorted
    "before": ("emma", ["emma-1"]),
    "myst": ("solaris", ["solaris-1"]),
    "included": ("ubik", ["ubik-1"]),
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_files(tmp_path_factory.mktemp("ids"), PAGES)


def ids(html: str) -> list[str]:
    return [element["id"] for element in BeautifulSoup(html, "html.parser").find_all(id=True)]


@pytest.mark.parametrize("buildername", ["html", "singlehtml", "epub"])
def test_no_id_twice_on_a_page(source: Path, tmp_path: Path, buildername: str) -> None:
    app = sphinx_build(source, buildername, builddir=tmp_path)
    suffix = ".xhtml" if buildername == "epub" else ".html"
    for page in app.outdir.rglob(f"*{suffix}"):
        counts = Counter(ids(page.read_text(encoding="utf-8")))
        assert [i for i, n in counts.items() if n > 1] == [], page.name


def test_the_review_keeps_its_id_and_the_heading_gets_another(source: Path, tmp_path: Path) -> None:
    app = sphinx_build(source, "html", builddir=tmp_path)
    assert app.warning.getvalue().count("WARNING") == 1  # the duplicate, below
    for page, (review_id, section_ids) in EXPECTED.items():
        soup = BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article", id=review_id)
        assert article is not None, page
        # The search anchor: docutils writes an element's second id as an empty span, its first child.
        assert article.find(True)["id"] == f"bookreview--{review_id}", page
        (heading,) = [
            s for s in soup.find_all("section") if s.find(["h1", "h2"]).get_text().startswith(review_id.title())
        ]
        # Extra ids are spans at the start of the section.
        spans = [span["id"] for span in heading.find_all("span", id=True, recursive=False)]
        assert sorted([heading["id"], *spans]) == section_ids, page
    after = BeautifulSoup((app.outdir / "after.html").read_text(encoding="utf-8"), "html.parser")
    # The page's contents, the link by the heading's name and the label lead to the heading.
    assert [a["href"] for a in after.select("nav.contents a")] == ["#dune-1", "#notes"]
    assert [a["href"] for a in after.find(id="notes").find_all("a", class_="internal")] == ["#dune-1", "#after-label"]


def test_a_duplicate_on_one_page_gets_another_id(source: Path, tmp_path: Path) -> None:
    app = sphinx_build(source, "html", builddir=tmp_path)
    assert "twice.rst:6: WARNING: duplicate review id 'same'" in app.warning.getvalue()
    articles = BeautifulSoup((app.outdir / "twice.html").read_text(encoding="utf-8"), "html.parser").find_all("article")
    assert [article["id"] for article in articles] == ["same", "same-1"]
    assert [[span["id"] for span in article.find_all("span", id=True)] for article in articles] == [
        ["bookreview--same"],
        [],
    ]


def test_each_label_once_in_latex(source: Path, tmp_path: Path) -> None:
    app = sphinx_build(source, "latex", builddir=tmp_path)
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    labels = Counter(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert [label for label, n in labels.items() if n > 1] == []
    assert {"after:dune", "after:dune-1", "myst:solaris", "myst:solaris-1"} <= set(labels)
    assert {"after:bookreview--dune", "myst:bookreview--solaris"} <= set(labels)
    # The duplicate has no search anchor.
    assert [label for label in labels if label.startswith("twice:bookreview--")] == ["twice:bookreview--same"]
