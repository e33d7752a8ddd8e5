"""The domain's index pages are written as they were by a build that
changed nothing they show, and rendered afresh by any other: an edited
review, a setting, a page written by hand, a build that writes every page.

Which of the two happened is seen in the pages: the project's own
``domainindex.html`` shows a mark that a handler of ``html-page-context``
reads from ``mark.txt`` at each rendering, so a page written as it was
still shows the mark of the build that rendered it."""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest
import sphinx
from projects import sphinx_app, write_files

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

INDEX_PAGES = ("book-author", "book-rating", "book-tag")
MARKED = {
    "conf.py": """\
from pathlib import Path

templates_path = ["_templates"]


def setup(app):
    def mark(app, pagename, templatename, context, doctree):
        context["build_mark"] = Path(app.srcdir, "mark.txt").read_text()

    app.connect("html-page-context", mark, priority=600)
""",
    "_templates/domainindex.html": """\
{% extends "!domainindex.html" %}
{% block body %}<p class="mark">{{ build_mark }}</p>{{ super() }}{% endblock %}
""",
}

#: Sphinx 7.4 ends a build that reads and writes no document before it
#: writes any other page (Sphinx 8 writes the indices, the search page …).
WRITES_ON_A_NO_OP = pytest.mark.skipif(sphinx.version_info < (8,), reason="Sphinx 7.4 writes no page then")


@pytest.fixture
def src(tmp_path: Path, rootdir: Path) -> Path:
    """The catalog's shelf, with the mark in its index pages."""
    src = shutil.copytree(rootdir / "test-catalog", tmp_path / "src")
    conf = (src / "conf.py").read_text(encoding="utf-8")
    write_files(src, {**MARKED, "conf.py": conf + MARKED["conf.py"], "mark.txt": "1"})
    return src


def pages(app: SphinxTestApp) -> dict[str, str]:
    suffix = {"dirhtml": "/index.html", "epub": ".xhtml"}.get(app.builder.name, ".html")
    return {name: (app.outdir / f"{name}{suffix}").read_text(encoding="utf-8") for name in INDEX_PAGES}


def marks(app: SphinxTestApp) -> set[str]:
    return {re.search(r'<p class="mark[^"]*">(\w+)</p>', text)[1] for text in pages(app).values()}  # type: ignore[index]


def build(src: Path, mark: str, *, force_all: bool = False, **kwargs: object) -> SphinxTestApp:
    """A build with the ``mark``; ``force_all``: writing every page, as
    ``sphinx-build -a`` does."""
    (src / "mark.txt").write_text(mark)
    app = sphinx_app(src, **kwargs)
    try:
        app.build(force_all=force_all)
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return app


@pytest.mark.parametrize("builder", ["html", "dirhtml", "epub"])
@pytest.mark.parametrize("parallel", [0, 2])
def test_a_no_op_build_writes_them_as_they_were(src: Path, builder: str, parallel: int) -> None:
    first = build(src, "first", buildername=builder)
    assert marks(first) == {"first"}
    before, stamps = pages(first), first.doctreedir / "bookreview-outputs.json"
    stamped = stamps.read_bytes(), stamps.stat().st_mtime_ns

    again = build(src, "again", buildername=builder, parallel=parallel)
    assert pages(again) == before
    assert (stamps.read_bytes(), stamps.stat().st_mtime_ns) == stamped  # nothing to record


def test_an_edited_review_renders_them_as_a_clean_build_does(src: Path, tmp_path: Path) -> None:
    build(src, "first")
    mmm = src / "reviews" / "mmm.rst"
    mmm.write_text(mmm.read_text().replace(":rating: 4", ":rating: 2"))
    edited = build(src, "edited")
    assert marks(edited) == {"edited"}
    assert pages(edited) == pages(build(src, "edited", builddir=tmp_path / "clean"))
    assert marks(build(src, "no-op")) == {"edited"}


@pytest.mark.parametrize(
    ("change", "kwargs"),
    [
        pytest.param("setting", {"confoverrides": {"html_title": "Another title"}}, id="a-setting"),
        pytest.param("every page", {"force_all": True}, id="every-page-written"),
        pytest.param("template", {}, id="a-changed-template"),
        pytest.param("by hand", {}, id="a-page-edited-by-hand", marks=WRITES_ON_A_NO_OP),
        pytest.param("deleted", {}, id="a-page-deleted", marks=WRITES_ON_A_NO_OP),
    ],
)
def test_anything_else_renders_them(src: Path, change: str, kwargs: dict[str, object]) -> None:
    first = build(src, "first")
    if change == "template":
        template = src / "_templates" / "domainindex.html"
        template.write_text(template.read_text().replace('class="mark"', 'class="mark changed"'))
    if change == "by hand":
        (first.outdir / "book-tag.html").write_text("edited by hand")
    if change == "deleted":
        (first.outdir / "book-tag.html").unlink()
    rendered = build(src, "second", **kwargs)
    if change in ("by hand", "deleted"):  # that page only
        assert {name: "second" in text for name, text in pages(rendered).items()} == {
            "book-author": False, "book-rating": False, "book-tag": True,
        }  # fmt: skip
    else:
        assert marks(rendered) == {"second"}


@WRITES_ON_A_NO_OP
def test_builders_without_templates_write_the_context_of_each_build(src: Path) -> None:
    """The json and pickle builders write each page's context: nothing of
    the last build's text goes into it."""
    build(src, "first", buildername="json")
    again = build(src, "again", buildername="json")
    context = json.loads((again.outdir / "book-tag.fjson").read_text(encoding="utf-8"))
    assert context["build_mark"] == "again"
    assert "bookreview_last_build" not in context
    assert "Foundations of Python Network Programming" in str(context["content"])
