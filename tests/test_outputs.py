"""What the catalog (``bookreviews.json``) and the feed (``reviews.atom``)
both promise: a rebuild writes the same bytes, an incremental build after
reviews are added, edited and deleted writes what a clean build writes, and
a parallel build what a serial one writes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from projects import sphinx_build
from sphinx.util.console import strip_colors
from test_catalog import IDS, by_id, read_catalog
from test_feed import BASE, read_feed

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    #: ``rebuild()``: an incremental build of the changed sources; its outdir.
    Rebuild = Callable[[], Path]


def change_catalog(src: Path, rebuild: Rebuild) -> None:
    (src / "reviews" / "new.rst").write_text("New\n===\n\n.. bookreview:: A New Book\n   :date: 2026-04-01\n")
    assert by_id(read_catalog(rebuild()))["a-new-book"]["page_url"] == "reviews/new.html#a-new-book"

    mmm = src / "reviews" / "mmm.rst"
    mmm.write_text(mmm.read_text().replace("One sentence about mmm.", "Edited."))
    assert by_id(read_catalog(rebuild()))["mmm"]["verdict"] == "Edited."

    (src / "reviews" / "cc.rst").unlink()
    assert sorted(by_id(read_catalog(rebuild()))) == sorted([*set(IDS) - {"cc"}, "a-new-book"])


def change_feed(src: Path, rebuild: Rebuild) -> None:
    (src / "reviews" / "later.rst").write_text("Later\n=====\n\n.. bookreview:: A Later Book\n   :date: 2026-04-01\n")
    feed = read_feed(rebuild())
    assert feed.entries[0].link == BASE + "reviews/later.html#a-later-book"
    assert feed.feed.updated == "2026-04-01T00:00:00+00:00"

    beta = src / "reviews" / "beta.rst"
    beta.write_text(beta.read_text().replace("2026-02-01", "2026-05-01").replace("Second of a tie.", "Reread."))
    assert [(entry.title, entry.get("summary")) for entry in read_feed(rebuild()).entries[:2]] == [
        ("Beta Book", "Reread."),
        ("A Later Book", None),
    ]

    (src / "reviews" / "newest.rst").unlink()
    assert "The Newest Book" not in [entry.title for entry in read_feed(rebuild()).entries]


@dataclass(frozen=True)
class Output:
    testroot: str
    filename: str
    #: Adds a review, edits one, deletes one, checking the output after each.
    change: Callable[[Path, Rebuild], None]


OUTPUTS = [
    pytest.param(Output("catalog", "bookreviews.json", change_catalog), id="catalog"),
    pytest.param(Output("feed", "reviews.atom", change_feed), id="feed"),
]


@pytest.fixture(params=OUTPUTS)
def output(request: pytest.FixtureRequest) -> Output:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def src(output: Output, tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / f"test-{output.testroot}", tmp_path / "src")
    return tmp_path / "src"


def test_rebuilds_are_byte_identical(output: Output, src: Path) -> None:
    written = sphinx_build(src).outdir / output.filename
    before = written.read_bytes()
    sphinx_build(src)  # nothing changed
    assert written.read_bytes() == before
    sphinx_build(src, freshenv=True)
    assert written.read_bytes() == before


def test_incremental_add_edit_delete(output: Output, src: Path, tmp_path: Path) -> None:
    sphinx_build(src)
    apps = []

    def rebuild() -> Path:
        apps.append(sphinx_build(src))
        return apps[-1].outdir

    output.change(src, rebuild)
    assert apps[-1].warning.getvalue() == ""

    clean = sphinx_build(src, builddir=tmp_path / "clean")
    assert (apps[-1].outdir / output.filename).read_bytes() == (clean.outdir / output.filename).read_bytes()


def test_parallel_equals_serial(output: Output, src: Path, tmp_path: Path) -> None:
    serial = sphinx_build(src, builddir=tmp_path / "serial")
    parallel = sphinx_build(src, builddir=tmp_path / "parallel", parallel=2)
    status = strip_colors(parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", status)  # in chunks
    assert parallel.warning.getvalue() == ""
    assert (parallel.outdir / output.filename).read_bytes() == (serial.outdir / output.filename).read_bytes()


def test_unchanged_file_is_left_alone(output: Output, src: Path) -> None:
    """A build that changes nothing the file says does not write it; one
    that finds it deleted or edited since writes it again."""
    written = sphinx_build(src).outdir / output.filename
    content, state = written.read_bytes(), written.stat().st_mtime_ns
    beside = sorted(written.parent.glob("*.schema.json"))  # the catalog's schema
    states = [path.stat().st_mtime_ns for path in beside]
    sphinx_build(src)
    assert written.stat().st_mtime_ns == state
    assert [path.stat().st_mtime_ns for path in beside] == states

    written.write_text("edited by hand")
    sphinx_build(src)
    assert written.read_bytes() == content

    written.unlink()
    sphinx_build(src)
    assert written.read_bytes() == content


def test_rewritten_when_the_base_url_changes(output: Output, src: Path) -> None:
    """``html_baseurl`` makes no document outdated, yet both files show it."""
    written = sphinx_build(src).outdir / output.filename
    assert b"moved.example.org" not in written.read_bytes()
    sphinx_build(src, confoverrides={"html_baseurl": "https://moved.example.org/"})
    assert b"https://moved.example.org/" in written.read_bytes()


def test_a_no_op_build_does_not_make_the_data(output: Output, src: Path) -> None:
    """A build that reads nothing and has the settings of the last one does
    not even make the file's data: its stamp, and so the stamps file, stay
    as they were. Each build is a process of its own, with its own hash
    seed, as ``sphinx-build`` runs are (a set among Sphinx's settings is
    ordered by it)."""
    out = src.parent / "out"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(out / "doctrees"), str(src), str(out)]
    stamps = out / "doctrees" / "bookreview-outputs.json"
    for seed in ("1", "2", "3"):
        subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        if seed == "2":
            written = stamps.read_bytes(), stamps.stat().st_mtime_ns
    assert (stamps.read_bytes(), stamps.stat().st_mtime_ns) == written
    assert output.filename in stamps.read_text(encoding="utf-8")
