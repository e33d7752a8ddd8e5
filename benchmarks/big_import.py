"""How long a big imported collection takes to build, per theme and layout.

The scenario of issue 14: a Goodreads export of N read books (default
1,500) turned into review files by ``sphinx-bookreview import``, then built
with ``sphinx-build -b html`` under alabaster (Sphinx's default theme),
furo and ``bookreview``, in each of the layouts below. Every build is a
fresh process into an empty folder; its wall-clock and CPU time, peak
memory and number of warnings are printed as a table and written to
``big-import.json`` in the work folder.

Layouts (``--layouts``):

``index``
    what ``import --index index.rst`` wrote before issue 14: a visible
    ``:glob:`` toctree of the reviews on the root page, with each theme's
    default sidebars;
``hidden``
    a page *Reviews* in the root page's toctree, showing a
    ``bookreview-list`` and listing the reviews in a hidden glob toctree;
    alabaster with ``sidebar_includehidden = False``;
``shelf``
    the layout the moving-in guide recommends: the *Reviews* page of
    ``hidden``, left out of the root page's toctree (``:orphan:``) and
    linked from it, so no theme lists the reviews in its navigation.

Usage: ``python benchmarks/big_import.py [--n 1500] [--themes ...] [--layouts ...] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate  # the sibling module, found through the path set above
import run  # ditto: one measured sphinx-build process
from import_benchmark import HEADER  # ditto: Goodreads' 24 columns

THEMES = ("alabaster", "furo", "bookreview")
LAYOUTS = ("index", "hidden", "shelf")
BINDINGS = ("Hardcover", "Paperback", "Kindle Edition", "Audible Audio", "Mass Market Paperback")


# -- the export ----------------------------------------------------------------


def export(n: int) -> str:
    """A Goodreads export of ``n`` read books: every fifth in a series, every
    third with an HTML review of a few paragraphs, a few read twice."""
    rng = random.Random(generate.SEED)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for entry in generate.make_entries(n):
        writer.writerow([row(entry, rng).get(column, "") for column in HEADER])
    return out.getvalue()


def row(entry: generate.Entry, rng: random.Random) -> dict[str, str]:
    read = datetime.date.fromisoformat(entry.date)
    title = entry.title
    if entry.number % 5 == 0:
        title += f" ({rng.choice(generate.NOUNS).title()} Cycle, #{rng.randint(1, 6)})"
    review = "<br/><br/>".join(entry.paragraphs[: rng.randint(1, 4)]) if entry.number % 3 == 0 else ""
    return {
        "Book Id": str(1000 + entry.number),
        "Title": title,
        "Author": entry.author,
        "ISBN13": f'="{entry.isbn.replace("-", "")}"',
        "ISBN": '=""',
        "My Rating": str(round(entry.rating)),
        "Publisher": entry.publisher,
        "Binding": BINDINGS[entry.number % len(BINDINGS)],
        "Number of Pages": str(entry.pages),
        "Year Published": entry.published,
        "Original Publication Year": entry.published,
        "Date Read": read.strftime("%Y/%m/%d"),
        "Date Added": (read - datetime.timedelta(days=30)).strftime("%Y/%m/%d"),
        "Bookshelves": ", ".join(entry.tags),
        "Exclusive Shelf": "read",
        "My Review": review,
        "Read Count": "2" if entry.number % 25 == 0 else "1",
    }


# -- the projects ----------------------------------------------------------------

CONF = """project = "Shelf"
author = "A. Reader"
extensions = ["sphinx_bookreview"]
html_baseurl = "https://shelf.example.org/"
html_theme = {theme!r}
html_theme_options = {options!r}
"""
ROOT = "Shelf\n=====\n\nWhat I read.\n"
REVIEWS_PAGE = "Reviews\n=======\n\nWhat I read, newest first.\n"


def write_project(src: Path, theme: str, layout: str, export_path: Path) -> None:
    """The project of one layout, its reviews imported by the command line."""
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    options = {"sidebar_includehidden": False} if theme == "alabaster" and layout != "index" else {}
    (src / "conf.py").write_text(CONF.format(theme=theme, options=options), encoding="utf-8")
    root = ROOT
    if layout == "hidden":
        root += "\n.. toctree::\n\n   reviews\n"
    elif layout == "shelf":
        root += "\nMy reviews are on :doc:`the shelf <reviews>`.\n"
    (src / "index.rst").write_text(root, encoding="utf-8")
    index = src / "index.rst"
    if layout != "index":
        index = src / "reviews.rst"
        index.write_text((":orphan:\n\n" if layout == "shelf" else "") + REVIEWS_PAGE, encoding="utf-8")
    command = [sys.executable, "-m", "sphinx_bookreview", "import", str(export_path), "--dir", str(src / "books")]
    command += ["--index", str(index)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    if layout == "index":  # the toctree the command wrote before issue 14
        index.write_text(ROOT + "\n.. toctree::\n   :glob:\n   :maxdepth: 1\n\n   books/*\n", encoding="utf-8")


# -- measuring -------------------------------------------------------------------


@dataclass
class Result:
    theme: str
    layout: str
    n: int
    builds: list[run.Build]

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(build, attribute) for build in self.builds)


def measure(args: argparse.Namespace) -> list[Result]:
    args.workdir.mkdir(parents=True, exist_ok=True)
    export_path = args.workdir / "goodreads_library_export.csv"
    export_path.write_text(export(args.n), encoding="utf-8")
    results = []
    for theme in args.themes:
        for layout in args.layouts:
            base = args.workdir / f"{theme}-{layout}"
            write_project(base / "src", theme, layout, export_path)
            builds = []
            for _round in range(args.repeat):
                shutil.rmtree(base / "out", ignore_errors=True)
                builds.append(run.sphinx_build(base / "src", base / "out"))
            results.append(Result(theme, layout, args.n, builds))
            print(f"  {theme} / {layout}: {results[-1].median('wall'):.1f} s", flush=True)
            save(results, args.workdir)
    return results


def save(results: list[Result], workdir: Path) -> None:
    data = {"machine": run.machine(), "results": [asdict(result) for result in results]}
    (workdir / "big-import.json").write_text(json.dumps(data, indent=1), encoding="utf-8")


def table(results: list[Result]) -> str:
    rows = [["theme", "layout", "full build (s)", "CPU (s)", "peak memory (MiB)", "warnings"]]
    for result in results:
        warnings = max(build.warnings for build in result.builds)
        rows.append([result.theme, result.layout, f"{result.median('wall'):.1f}", f"{result.median('cpu'):.1f}",
                     f"{result.median('maxrss_mib'):.0f}", str(warnings)])  # fmt: skip
    return run.simple_table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1500, help="books in the export (default: 1500)")
    parser.add_argument("--themes", nargs="+", choices=THEMES, default=list(THEMES))
    parser.add_argument("--layouts", nargs="+", choices=LAYOUTS, default=list(LAYOUTS))
    parser.add_argument("--repeat", type=int, default=1, help="builds of each; medians are reported (default: 1)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bookreview-big-import")
    args = parser.parse_args()
    results = measure(args)
    print(f"\nN = {args.n} imported reviews, {args.repeat} build(s) each\n{table(results)}")
    print(f"every measurement: {args.workdir / 'big-import.json'}")


if __name__ == "__main__":
    main()
