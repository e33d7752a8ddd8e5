"""Every page arrangement, built by every builder under the bookreview
theme and alabaster: ``-W`` clean, no traceback, valid pages.

The root ``test-arrangements`` puts reviews where real projects put them:
on the root page under a heading equal to the review's title, in an
included file, on an ``:orphan:`` page, inside ``.. only::``, in a table
cell, deep in nested sections, several on one page, in MyST; a page lists
them all (table and cards, with covers) and draws the statistics. Each
build is a real ``sphinx-build`` run, as a user makes it. HTML and XHTML
pages are then parsed: no id may appear twice on a page, and every link
within the site must lead to a file that exists and an anchor on it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import urllib.parse
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).parent / "roots" / "test-arrangements"
#: Builders whose output depends on the HTML theme.
THEMED = ("html", "dirhtml", "singlehtml", "json", "pickle")
OTHERS = ("epub", "latex", "text", "man", "texinfo", "xml", "gettext")
THEMES = ("bookreview", "alabaster")
CASES = [(builder, theme) for builder in THEMED for theme in THEMES] + [(builder, None) for builder in OTHERS]


def png(path: Path, rgb: tuple[int, int, int], width: int = 160, height: int = 240) -> None:
    """A plain-colour PNG cover, written here rather than kept in the repository."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("arrangements") / "src"
    shutil.copytree(ROOT, srcdir)
    png(srcdir / "covers" / "blue.png", (30, 60, 140))
    png(srcdir / "covers" / "red.png", (150, 30, 40), width=320, height=480)
    return srcdir


def sphinx_build(
    source: Path, out: Path, builder: str, theme: str | None, *more: str
) -> subprocess.CompletedProcess[str]:
    options = [*(["-D", f"html_theme={theme}"] if theme else []), *more]
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-T", *options,
               "-d", str(out) + "-doctrees", str(source), str(out)]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.suffix in (".html", ".xhtml") and "_static" not in p.parts)


def duplicate_ids(page: BeautifulSoup) -> list[str]:
    seen: set[str] = set()
    twice = []
    for element in page.find_all(id=True):
        if element["id"] in seen:
            twice.append(element["id"])
        seen.add(element["id"])
    return twice


def broken_links(path: Path, page: BeautifulSoup, parsed: dict[Path, BeautifulSoup], whole: bool) -> list[str]:
    """In-site links whose file or anchor does not exist: on the whole page
    (``whole``, our theme's pages), else in the page's main content, as
    another theme's own links are its own business."""
    scope = page if whole else page.select_one('[role="main"]') or page
    broken = []
    for element in scope.find_all(["a", "link", "img", "script"]):
        target = element.get("href") or element.get("src")
        if not target or urllib.parse.urlsplit(target).scheme or target.startswith(("//", "mailto:", "data:")):
            continue
        parts = urllib.parse.urlsplit(target)
        file = (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
        if file.is_dir():
            file /= "index.html"
        if not file.is_file():
            broken.append(f"{target} (no file)")
        elif parts.fragment and file.suffix in (".html", ".xhtml"):
            other = parsed.get(file) or BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            if other.find(id=urllib.parse.unquote(parts.fragment)) is None:
                broken.append(f"{target} (no anchor)")
    return broken


@pytest.mark.parametrize(("builder", "theme"), CASES, ids=[f"{b}-{t}" if t else b for b, t in CASES])
def test_every_arrangement_builds_clean(source: Path, tmp_path: Path, builder: str, theme: str | None) -> None:
    out = tmp_path / "out"
    result = sphinx_build(source, out, builder, theme)
    log = result.stdout + result.stderr
    assert "Traceback" not in log, log[-3000:]
    assert result.returncode == 0, log[-3000:]
    parsed = {path.resolve(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in pages(out)}
    problems = {}
    for path, page in parsed.items():
        found = [f"duplicate id {i!r}" for i in duplicate_ids(page)] + broken_links(
            path, page, parsed, whole=theme in (None, "bookreview")
        )
        if found:
            problems[str(path.relative_to(out.resolve()))] = found
    assert not problems, problems


@pytest.mark.latex
def test_the_pdf_compiles(source: Path, tmp_path: Path) -> None:
    if shutil.which("latexmk") is None:
        pytest.skip("no latexmk")
    out = tmp_path / "latex"
    assert sphinx_build(source, out, "latex", None).returncode == 0
    result = subprocess.run(["make", "-C", str(out), "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error"],
                            capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    log = next(out.glob("*.log")).read_text(encoding="latin-1")
    assert "multiply defined" not in log
    assert "undefined" not in log.lower().replace("undefined references", ""), "undefined references in the PDF"


@pytest.mark.parametrize("builder", ["texinfo"])
def test_the_info_manual_compiles(source: Path, tmp_path: Path, builder: str) -> None:
    if shutil.which("makeinfo") is None:
        pytest.skip("no makeinfo")
    out = tmp_path / builder
    assert sphinx_build(source, out, builder, None).returncode == 0
    texi = next(out.glob("*.texi"))
    result = subprocess.run(["makeinfo", "--no-split", str(texi), "-o", str(out / "out.info")],
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "warning" not in result.stderr, result.stderr[-3000:]


def test_a_parallel_build_writes_what_a_serial_one_does(source: Path, tmp_path: Path) -> None:
    """``-j 2`` (reading and writing in two processes) gives the same bytes."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for out, options in ((serial, ()), (parallel, ("-j", "2"))):
        result = sphinx_build(source, out, "html", "bookreview", *options)
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file() and p.name != ".buildinfo")
    assert files == sorted(
        p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file() and p.name != ".buildinfo"
    )
    assert [f for f in files if (serial / f).read_bytes() != (parallel / f).read_bytes()] == []
