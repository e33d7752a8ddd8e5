"""``-j`` and incremental builds give what a clean serial build gives.

Modelled on sphinxcontrib-bibtex's ``test_parallel.py``: a generated
project with enough documents that Sphinx really reads them in several
worker processes. It is built once with ``-j 2`` and compared with a serial
build; then each kind of edit (add, edit, change an id, move, delete,
rename an author or a tag, take another review's id) is its own test: the
edit, an incremental ``-j 2`` rebuild of the first build, and the whole
output tree compared with a fresh serial build of the same sources. Each
edit changes what *other*, unchanged documents show (a ``:book:`` link's
text, an author's or tag's entry, a link that now has no target).
"""

from __future__ import annotations

import re
import shutil
import zlib
from typing import TYPE_CHECKING

import pytest
import sphinx
from bs4 import BeautifulSoup
from projects import sphinx_app
from sphinx.util.parallel import parallel_available
from stdnum import ean

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.skipif(not parallel_available, reason="Sphinx reads in parallel only where it can fork")

#: Enough documents that ``make_chunks`` gives -j 2 several chunks.
DOCS = 32
AUTHORS = ["Ada Lovelace", "Brandon Rhodes", "Chinua Achebe", "Dorothy Sayers", "Émile Zola"]
TAGS = ["python", "networking", "fiction", "history", "classics", "essays"]

CONF = """\
extensions = ["sphinx_bookreview"]
project = "Parallel"
author = "Test Reviewer"
html_baseurl = "https://reviews.example.org/"
"""


def isbn(n: int) -> str:
    digits = f"978030640{n:03d}"
    return digits + ean.calc_check_digit(digits)


def review(n: int, docs: int = DOCS) -> str:
    """A review whose options vary with ``n``."""
    options = {
        "id": f"r{n:02d}",
        "author": "; ".join(AUTHORS[(n + k) % len(AUTHORS)] for k in range(1 + n % 2)),
        "tags": ", ".join(TAGS[(n + k) % len(TAGS)] for k in range(1 + n % 3)),
        "isbn": isbn(n),
        "rating": ["4.5", "3", "8/10", "5", "2.5"][n % 5] if n % 7 else None,
        "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "published": str(1950 + n),
        "status": "reading" if n % 9 == 4 else None,
        "verdict": f"Verdict on book {n}.",
        "why-picked-up": f"It came after :book:`r{(n + docs - 1) % docs:02d}`." if n % 4 == 0 else None,
    }
    lines = [f".. bookreview:: Book {n:02d}", *(f"   :{k}: {v}" for k, v in options.items() if v)]
    return "\n".join([*lines, "", f"   Body of review {n}.", ""])


def page(n: int, docs: int = DOCS) -> str:
    """A page with review ``n`` and links to other reviews, an author, a
    tag and an ISBN; every fifth page holds a second review."""
    nxt, far = (n + 1) % docs, (n + 11) % docs
    text = [f"Page {n:02d}", "=" * 7, "", review(n, docs)]
    if n % 5 == 0:
        text.append(review(n + 100, docs))
    text += [
        f"See :book:`r{nxt:02d}`, :book:`the far one <r{far:02d}>`, :book-author:`{AUTHORS[n % len(AUTHORS)]}`,",
        f":book-tag:`{TAGS[n % len(TAGS)]}` and :isbn:`{isbn(far)}`.",
        "",
    ]
    return "\n".join(text)


def links_page(docs: int = DOCS) -> str:
    """A page with no review that links to every review: it is never edited,
    yet its link texts must follow the reviews."""
    ids = [f"r{n:02d}" for n in range(docs)] + [f"r{n:02d}" for n in range(100, 100 + docs, 5)]
    items = [f"* :book:`{i}`" for i in ids]
    items += [f"* :book-author:`{a}`" for a in AUTHORS] + [f"* :book-tag:`{t}`" for t in TAGS]
    return "\n".join(["Links", "=====", "", *items, ""])


def initial_sources(docs: int = DOCS) -> dict[str, str]:
    sources = {"conf.py": CONF, "links.rst": links_page(docs)}
    sources["index.rst"] = "Reviews\n=======\n\n.. toctree::\n   :glob:\n\n   links\n   pages/*\n"
    sources |= {f"pages/p{n:02d}.rst": page(n, docs) for n in range(docs)}
    return sources


def write(srcdir: Path, sources: dict[str, str]) -> None:
    """Make ``srcdir`` hold exactly ``sources``, touching only what changed."""
    for path in srcdir.rglob("*.rst"):
        if path.relative_to(srcdir).as_posix() not in sources:
            path.unlink()
    for name, text in sources.items():
        path = srcdir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def build(srcdir: Path, builddir: Path, *, parallel: int) -> tuple[SphinxTestApp, list[int], str]:
    """Build; return the app, the sizes of the chunks merged from worker
    processes (none in a serial read) and the warnings."""
    app = sphinx_app(srcdir, builddir=builddir, parallel=parallel)
    merged: list[int] = []
    app.connect("env-merge-info", lambda _app, _env, docnames, _other: merged.append(len(docnames)))
    try:
        app.build()
    finally:
        app.cleanup()
    return app, merged, app.warning.getvalue()


# -- comparing output trees --------------------------------------------------

COMPARED = ("*.html", "objects.inv", "*.json", "*.atom")


def output_files(outdir: Path) -> dict[str, str]:
    """What a reader sees, by path: HTML, the decoded inventory, the catalog
    and feed. Sphinx's own assets and copied sources are left out."""
    files = {}
    for pattern in COMPARED:
        for path in outdir.rglob(pattern):
            relative = path.relative_to(outdir).as_posix()
            if not relative.startswith(("_static/", "_sources/")):
                files[relative] = normalised(path)
    return files


def normalised(path: Path) -> str:
    if path.name == "objects.inv":
        data = path.read_bytes()
        header, _, body = data.partition(b"zlib.\n")
        return header.decode() + zlib.decompress(body).decode()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html" and sphinx.version_info < (8,):
        # Sphinx 7 does not rewrite unchanged pages when a page is deleted,
        # so their sidebar toctree (Sphinx's, not ours) still lists it.
        page = BeautifulSoup(text, "html.parser")
        for sidebar in page.select("div.sphinxsidebar"):
            sidebar.decompose()
        text = str(page)
    return text


def assert_same_output(incremental: Path, fresh: Path) -> None:
    got, expected = output_files(incremental), output_files(fresh)
    # Sphinx leaves the pages of deleted documents in the output folder;
    # every page the fresh build writes must be the same.
    assert expected.keys() <= got.keys(), sorted(expected.keys() - got.keys())
    different = [name for name in sorted(expected) if got[name] != expected[name]]
    assert not different, f"differs from a clean serial build: {different}"


# -- the edits ----------------------------------------------------------------


def add_page(sources: dict[str, str]) -> None:
    """A new page with a review by an author and with a tag others have."""
    review = ".. bookreview:: Newcomer\n   :id: r-new\n   :author: Ada Lovelace\n   :tags: python\n"
    sources["pages/p99.rst"] = f"Page 99\n=======\n\n{review}   :date: 2025-01-01\n"


def add_review(sources: dict[str, str]) -> None:
    """A second review on a page that had one, by a new author."""
    sources["pages/p07.rst"] += "\n.. bookreview:: Added Seven\n   :id: r07-added\n   :author: Zadie Smith\n"


def edit_review(sources: dict[str, str]) -> None:
    """A new title and rating: the links page shows the title."""
    sources["pages/p05.rst"] = (
        sources["pages/p05.rst"].replace("bookreview:: Book 05", "bookreview:: Renamed Five")
        .replace(":rating: 4.5", ":rating: 1")
    )  # fmt: skip


def change_id(sources: dict[str, str]) -> None:
    sources["pages/p06.rst"] = sources["pages/p06.rst"].replace(":id: r06", ":id: r06-new")


def move_review(sources: dict[str, str]) -> None:
    """Move review 10 and the page's second review, 110, to page 11."""
    moved = review(10) + "\n" + review(110)
    sources["pages/p10.rst"] = sources["pages/p10.rst"].replace(moved, "")
    sources["pages/p11.rst"] += "\n" + moved


def delete_page(sources: dict[str, str]) -> None:
    """Delete a page with its review: Sphinx reads no document for this."""
    del sources["pages/p12.rst"]


def delete_review(sources: dict[str, str]) -> None:
    """Delete a review from a page that stays."""
    sources["pages/p13.rst"] = sources["pages/p13.rst"].replace(review(13), "")


def rename_author(sources: dict[str, str]) -> None:
    for name, text in sources.items():
        if name.startswith("pages/"):
            sources[name] = re.sub(r"(:author: .*)Chinua Achebe", r"\1Chinua A. Achebe", text)


def rename_tag(sources: dict[str, str]) -> None:
    for name, text in sources.items():
        if name.startswith("pages/"):
            sources[name] = re.sub(r"(:tags: .*)history", r"\1historiography", text)


def duplicate_id(sources: dict[str, str]) -> None:
    """An earlier page takes review 20's id: it owns it from now on."""
    sources["pages/p02.rst"] += "\n.. bookreview:: Usurper\n   :id: r20\n   :author: Ada Lovelace\n"


STEPS = [add_page, add_review, edit_review, change_id, move_review, delete_page, delete_review, rename_author,
         rename_tag, duplicate_id]  # fmt: skip


# -- the tests ------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int], str]:
    """The project and its ``-j 2`` build in ``work/``, a pristine copy of
    both in ``saved/``; the chunks merged from workers and the warnings."""
    base = tmp_path_factory.mktemp("parallel")
    write(base / "work" / "src", initial_sources())
    _app, merged, warnings = build(base / "work" / "src", base / "work" / "parallel", parallel=2)
    shutil.copytree(base / "work", base / "saved")  # copy2: the times Sphinx compares are kept
    return base, merged, warnings


def test_parallel_build_equals_a_serial_build(first_build: tuple[Path, list[int], str]) -> None:
    base, merged, warnings = first_build
    assert len(merged) >= 2, "the documents were not read by several worker processes"
    assert sum(merged) == DOCS + 2
    assert warnings == ""
    app, serial_merged, warnings = build(base / "saved" / "src", base / "serial", parallel=0)
    assert app.is_parallel_allowed("read")
    assert serial_merged == []
    assert warnings == ""
    assert_same_output(base / "saved" / "parallel" / "html", base / "serial" / "html")


@pytest.mark.parametrize("step", STEPS, ids=[step.__name__ for step in STEPS])
def test_incremental_build_equals_a_clean_build(
    first_build: tuple[Path, list[int], str], step: Callable[[dict[str, str]], None]
) -> None:
    """One edit after the first build: an incremental ``-j 2`` rebuild in
    the same folders (Sphinx keeps absolute paths) equals a fresh serial one."""
    base = first_build[0]
    work = base / "work"
    shutil.rmtree(work)
    shutil.copytree(base / "saved", work)
    sources = initial_sources()
    step(sources)
    write(work / "src", sources)
    _app, _merged, incremental_warnings = build(work / "src", work / "parallel", parallel=2)
    fresh = base / f"fresh-{step.__name__}"
    _app, _merged, fresh_warnings = build(work / "src", fresh, parallel=0)
    assert_same_output(work / "parallel" / "html", fresh / "html")
    check_step(step, work / "parallel" / "html", incremental_warnings, fresh_warnings)
    shutil.rmtree(fresh)


def check_step(step: object, outdir: Path, incremental_warnings: str, fresh_warnings: str) -> None:
    """What each step must visibly change, beyond equality with a clean build
    (which would also hold if neither build noticed the change)."""
    links = (outdir / "links.html").read_text(encoding="utf-8")
    if step in (add_page, add_review, edit_review, move_review):
        assert fresh_warnings == incremental_warnings == ""
    if step is add_page:
        assert 'id="r-new"' in (outdir / "pages" / "p99.html").read_text(encoding="utf-8")
        assert '"id": "r-new"' in (outdir / "bookreviews.json").read_text(encoding="utf-8")
        assert "Newcomer" in (outdir / "book-author.html").read_text(encoding="utf-8")
    if step is add_review:
        assert "Zadie\u00a0Smith" in (outdir / "book-author.html").read_text(encoding="utf-8")
    if step is edit_review:
        assert "Renamed Five" in links
    if step is change_id:
        # The unchanged page that links to the old id is rewritten, not
        # read again, and its link now warns.
        assert "unknown review id 'r06'" in incremental_warnings
        assert "links.rst" in incremental_warnings
        assert "unknown review id 'r06'" in fresh_warnings
    if step is move_review:
        assert 'href="pages/p11.html#r10"' in links
        assert 'href="pages/p11.html#r110"' in links
    if step is delete_page:
        assert re.search(r"links\.rst:\d+: WARNING: unknown review id 'r12'", incremental_warnings)
    if step is delete_review:
        assert re.search(r"links\.rst:\d+: WARNING: unknown review id 'r13'", incremental_warnings)
    if step is duplicate_id:
        assert 'href="pages/p02.html#r20"' in links
        assert re.search(r"p20\.rst:\d+: WARNING: duplicate review id 'r20'", incremental_warnings)
    if step is rename_author:
        index = (outdir / "book-author.html").read_text(encoding="utf-8")
        assert "Chinua\u00a0A.\u00a0Achebe" in index  # no-break spaces: the heading is also an id
    if step is rename_tag:
        assert "historiography" in (outdir / "book-tag.html").read_text(encoding="utf-8")
