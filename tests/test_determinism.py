"""Builds are reproducible, byte for byte.

- Two clean builds of the same sources, in two folders, write the same
  bytes: every page, ``bookreviews.json``, ``reviews.atom``,
  ``objects.inv``, the search index and the copied images. Nothing is
  normalised: no build time, no folder path, no set order leaks out.
- A ``-j 2`` build of 60 documents writes the same bytes as a serial one.

Incremental builds are in ``test_parallel.py``, one test per kind of edit.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from projects import sphinx_build
from sphinx.util.parallel import parallel_available
from test_parallel import build, initial_sources, write

if TYPE_CHECKING:
    from pathlib import Path

#: Sphinx's own records of the build, not output: pickled environments and
#: doctrees (Python objects), and ``.buildinfo``'s hash of the settings.
NOT_OUTPUT = (".doctrees", ".buildinfo")


def output_bytes(outdir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and not path.relative_to(outdir).as_posix().startswith(NOT_OUTPUT)
    }


def assert_same_bytes(first: Path, second: Path) -> None:
    got, expected = output_bytes(first), output_bytes(second)
    assert got.keys() == expected.keys()
    different = [name for name in got if got[name] != expected[name]]
    assert not different, f"differ: {different}"


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_two_clean_builds_are_byte_identical(rootdir: Path, tmp_path: Path, buildername: str) -> None:
    """The hostile root (covers, MyST, listings, charts, feed, catalog,
    special characters) copied to two folders and built in each."""
    outdirs = []
    for folder in ("first", "second"):
        srcdir = tmp_path / folder / "src"
        shutil.copytree(rootdir / "test-hostile", srcdir)
        app = sphinx_build(srcdir, buildername)
        outdirs.append(app.outdir)
    for name in ("bookreviews.json", "reviews.atom", "objects.inv", "_images/covers"):
        assert (outdirs[0] / name).exists()
    assert_same_bytes(*outdirs)


@pytest.mark.skipif(not parallel_available, reason="Sphinx reads in parallel only where it can fork")
def test_parallel_equals_serial_on_60_documents(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write(srcdir, initial_sources(60))
    _app, merged, parallel_warnings = build(srcdir, tmp_path / "parallel", parallel=2)
    assert len(merged) >= 2, "the documents were not read by several worker processes"
    _app, _merged, serial_warnings = build(srcdir, tmp_path / "serial", parallel=0)
    assert parallel_warnings == serial_warnings == ""
    assert_same_bytes(tmp_path / "parallel" / "html", tmp_path / "serial" / "html")
