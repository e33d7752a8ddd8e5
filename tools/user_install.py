"""A user's install, checked: a fresh virtual environment holding only the
built wheel (``pip install sphinx_bookreview-*.whl``, no extras), then what
a user does with it, each build ``-W`` (warnings are errors):

- the site in ``tests/roots/test-user-install`` (reviews in
  reStructuredText and MyST, a cover, roles, listings, statistics, a code
  block) under the ``bookreview`` theme and under alabaster, by every
  builder in :data:`BUILDERS`; the LaTeX output compiled to PDF; in German
  (the compiled catalogs are in the wheel);
- the command line: ``--version``, ``new`` and ``import`` of a small
  Goodreads export, then a build of what they wrote;
- this project's own documentation (``docs/``), by every builder in
  :data:`DOCS_BUILDERS`, and its PDF: it needs nothing beyond the package's
  declared dependencies (its theme is the package's, MyST-Parser a
  dependency), so it is built here, where nothing else is installed, and a
  module the docs import but the package does not declare fails the step.

Each PDF is compiled by ``latexmk`` with Sphinx's default engine, pdflatex
(when latexmk is installed), and its log read: a character the fonts lack
is dropped from the PDF with only a line there.

Every step runs even after one failed; the summary names the failures and
the exit status is 1 if there were any. ``.ci/run`` runs it; alone::

    python3 tools/user_install.py [--wheel dist/sphinx_bookreview-*.whl]

Without ``--wheel`` it builds one from this checkout (``pip wheel``).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "tests" / "roots" / "test-user-install"
DOCS = ROOT / "docs"
#: Each builder and a file its output must hold.
BUILDERS = {
    "html": "reviews/the-tin-sextant.html",
    "dirhtml": "reviews/the-tin-sextant/index.html",
    "singlehtml": "index.html",
    "epub": "AReadersShelf.epub",
    "latex": "areadersshelf.tex",
    "text": "reviews/the-tin-sextant.txt",
    "json": "reviews/the-tin-sextant.fjson",
    "pickle": "reviews/the-tin-sextant.fpickle",
}
THEMES = ("bookreview", "alabaster")
#: The docs' builders, each with a file its output must hold: the published
#: site, its other URL layouts, and a builder of each other family. Each
#: takes some 4 s, the PDF some 16 (latexmk: pdflatex three times); json
#: and pickle (html's pages, serialized), man and texinfo are left to the
#: test site above, to keep this stage short.
DOCS_BUILDERS = {
    "html": "guides/moving-in.html",
    "dirhtml": "guides/moving-in/index.html",
    "singlehtml": "index.html",
    "epub": "sphinx-bookreview.epub",
    "latex": "sphinx-bookreview.tex",
    "text": "guides/moving-in.txt",
}
#: A Goodreads "Export Library" file, in its 24-column form: two books read, one to read.
GOODREADS_HEADER = (
    "Book Id", "Title", "Author", "Author l-f", "Additional Authors", "ISBN", "ISBN13", "My Rating",
    "Average Rating", "Publisher", "Binding", "Number of Pages", "Year Published", "Original Publication Year",
    "Date Read", "Date Added", "Bookshelves", "Bookshelves with positions", "Exclusive Shelf", "My Review",
    "Spoiler", "Private Notes", "Read Count", "Owned Copies",
)  # fmt: skip
GOODREADS_ROWS = (
    {"Book Id": "2001", "Title": "Salt Roads (Coastal Walks, #2)", "Author": "Ines Harrow", "ISBN": '="0441172717"',
     "ISBN13": '="9780441172719"', "My Rating": "4", "Binding": "Paperback", "Date Read": "2021/03/14",
     "Date Added": "2021/01/02", "Bookshelves": "walking, sea-stories", "Exclusive Shelf": "read",
     "My Review": "Long walks.<br/><br/>Longer <i>tides</i>.", "Read Count": "1"},
    {"Book Id": "2002", "Title": "The Quiet Orchard", "Author": "Élodie Brûlé", "ISBN": '=""', "ISBN13": '=""',
     "My Rating": "0", "Binding": "Kindle Edition", "Date Added": "2021/01/02", "Exclusive Shelf": "read"},
    {"Book Id": "2003", "Title": "Unopened Letters", "Author": "Kit Ashdown", "ISBN": '=""', "ISBN13": '=""',
     "My Rating": "0", "Binding": "Hardcover", "Date Added": "2021/01/02", "Exclusive Shelf": "to-read"},
)  # fmt: skip


class Steps:
    """Runs the steps, prints one line each, remembers the failures."""

    def __init__(self, venv: Path) -> None:
        self.bin = venv / "bin"
        self.failed: list[str] = []

    def run(self, name: str, *command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        start = time.monotonic()
        try:  # TeX wraps its output's lines at a byte count, which can split a character: errors="replace"
            result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, errors="replace", check=False)
        except OSError as error:  # a program missing because an earlier step failed
            result = subprocess.CompletedProcess(command, 127, "", str(error))
        output = (result.stdout + result.stderr).strip()
        self.check(name, result.returncode == 0, output[-4000:], time.monotonic() - start)
        return result

    def check(self, name: str, ok: bool, detail: str = "", seconds: float | None = None) -> None:
        took = "" if seconds is None else f" ({seconds:.1f} s)"
        print(f"{'ok  ' if ok else 'FAIL'} {name}{took}", flush=True)
        if not ok:
            self.failed.append(name)
            print("\n".join(f"     | {line}" for line in detail.splitlines()), flush=True)

    def sphinx_build(self, name: str, source: Path, out: Path, builder: str, *options: str) -> Path:
        """As ``make BUILDER`` runs it: the doctrees beside the output, not in
        it (the epub builder would warn about them as files of the book)."""
        doctrees = out.with_name(f"{out.name}.doctrees")
        self.run(f"{name}: sphinx-build -W -b {builder}", self.bin / "sphinx-build", "-W", "--keep-going", "-q",
                 "-b", builder, "-d", doctrees, *options, source, out)  # fmt: skip
        return out


def install(steps: Steps, venv: Path, wheel: Path | None, work: Path) -> None:
    """The fresh environment, the wheel (built here unless given), and the
    wheel alone installed into it."""
    steps.run("python3 -m venv", sys.executable, "-m", "venv", venv)
    if wheel is None:
        steps.run("pip wheel (this checkout)", steps.bin / "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", ROOT)
        wheel = next((work / "dist").glob("sphinx_bookreview-*.whl"), work / "dist" / "no wheel was built")
    steps.run(f"pip install {wheel.name}", steps.bin / "pip", "install", "-q", wheel)
    steps.run("pip check", steps.bin / "pip", "check")
    show = "import sphinx, docutils; print('sphinx', sphinx.__version__, 'docutils', docutils.__version__)"
    versions = steps.run("versions", steps.bin / "python", "-c", show)
    print(f"     {versions.stdout.strip()}")
    # Sphinx requires alabaster (7.4 to 9.0 do): a user has it without asking.
    brought = subprocess.run([steps.bin / "python", "-c", "import alabaster"], capture_output=True, check=False)
    if brought.returncode != 0:
        print("     this Sphinx does not bring alabaster: installing it for the alabaster builds")
        steps.run("pip install alabaster", steps.bin / "pip", "install", "-q", "alabaster")


def cover_png(path: Path, width: int = 40, height: int = 60) -> None:
    """A small PNG in two colours (a cover), written with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\0" + (b"\x1f\x4e\x79" if y < height * 2 // 3 else b"\xd9\xa4\x41") * width for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    )


def build_site(steps: Steps, work: Path) -> None:
    """The test site by every builder under both themes, then a PDF and German."""
    site = work / "site"
    shutil.copytree(SITE, site)
    cover_png(site / "covers" / "the-tin-sextant.png")
    for theme in THEMES:
        for builder, expected in BUILDERS.items():
            out = steps.sphinx_build(theme, site, work / theme / builder, builder, f"-Dhtml_theme={theme}")
            steps.check(f"{theme}: {builder} wrote {expected}", (out / expected).is_file())
    compile_pdf(steps, work / THEMES[0] / "latex", BUILDERS["latex"])
    german = steps.sphinx_build("language=de", site, work / "de", "html", "-Dlanguage=de")
    page = german / "reviews" / "the-tin-sextant.html"
    steps.check("language=de: the card's labels in German", "Kurzrezension" in read(page))


def compile_pdf(steps: Steps, latex: Path, tex: str) -> None:
    """``tex`` in the LaTeX output ``latex`` compiled as Sphinx's Makefile
    does it, then its log read for characters missing from the fonts."""
    if not shutil.which("latexmk"):
        print("     latexmk is not installed: the PDF is not compiled (the .tex was checked)")
        return
    steps.run(f"latexmk -pdf {tex}", "latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex, cwd=latex)
    pdf, log = (latex / tex).with_suffix(".pdf"), (latex / tex).with_suffix(".log")
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    missing = sorted({line for line in text.splitlines() if "Missing character" in line})
    steps.check(f"latexmk wrote {pdf.name}, no character missing", pdf.is_file() and not missing, "\n".join(missing))


def use_cli(steps: Steps, work: Path) -> None:
    """``--version``, ``new`` in both markups and ``import``, then a new
    project (conf.py, index.rst with a glob toctree) that builds them."""
    project = work / "cli"
    project.mkdir()
    command = steps.bin / "sphinx-bookreview"
    version = steps.run("sphinx-bookreview --version", command, "--version")
    print(f"     {version.stdout.strip()}")
    steps.run("sphinx-bookreview new", command, "new", "The Tin Sextant", "--isbn", "0-306-40615-2", "--dir", "reviews",
              cwd=project)  # fmt: skip
    steps.run("sphinx-bookreview new --format md", command, "new", "Night Watch", "--format", "md", "--dir", "reviews",
              cwd=project)  # fmt: skip
    with (work / "goodreads_library_export.csv").open("w", newline="", encoding="utf-8") as export:
        write_goodreads(export)
    steps.run("sphinx-bookreview import", command, "import", work / "goodreads_library_export.csv", "--dir", "reviews",
              cwd=project)  # fmt: skip
    written = sorted(path.name for path in (project / "reviews").glob("*.*"))
    expected = ["night-watch.md", "salt-roads.rst", "the-quiet-orchard.rst", "the-tin-sextant.rst"]
    steps.check(f"the CLI wrote {expected}", written == expected, f"wrote {written}")
    (project / "conf.py").write_text(
        'project = "From the command line"\nextensions = ["sphinx_bookreview", "myst_parser"]\n'
        'exclude_patterns = ["_build"]\nhtml_baseurl = "https://shelf.example.org/"\n',
        encoding="utf-8",
    )
    (project / "index.rst").write_text(
        "Reviews\n=======\n\n.. toctree::\n   :glob:\n\n   reviews/*\n", encoding="utf-8"
    )
    steps.sphinx_build("what the CLI wrote", project, project / "_build" / "html", "html")


def build_docs(steps: Steps, work: Path) -> None:
    """``docs/`` from a copy (a build in the checkout would leave its
    output there), with the environment as the wheel alone made it."""
    docs = work / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build"))
    for builder, expected in DOCS_BUILDERS.items():
        out = steps.sphinx_build("docs", docs, work / "docs-output" / builder, builder)
        steps.check(f"docs: {builder} wrote {expected}", (out / expected).is_file())
    compile_pdf(steps, work / "docs-output" / "latex", DOCS_BUILDERS["latex"])


def write_goodreads(export: TextIO) -> None:
    writer = csv.DictWriter(export, GOODREADS_HEADER)
    writer.writeheader()
    writer.writerows(GOODREADS_ROWS)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="the wheel to install (default: build one from this checkout)")
    args = parser.parse_args()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bookreview-user-") as temporary:
        work = Path(temporary)
        steps = Steps(work / "venv")
        install(steps, work / "venv", args.wheel and args.wheel.resolve(), work)
        build_site(steps, work)
        use_cli(steps, work)
        build_docs(steps, work)
    took = f"{time.monotonic() - start:.0f} s"
    if steps.failed:
        print(f"user's install: {len(steps.failed)} failed ({took}): " + "; ".join(steps.failed))
        return 1
    print(f"user's install: every step passed ({took})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
