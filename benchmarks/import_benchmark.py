"""How long a 5,000-row Goodreads import takes, and how much memory it peaks at.

Run: ``python benchmarks/import_benchmark.py [ROWS]``. The export is generated
(invented books, every tenth with an HTML review, a few equal titles) in a
temporary directory, imported twice into fresh directories: once timed, once
under tracemalloc for the peak of Python allocations (tracemalloc slows the
run, so it is not timed). The timed one goes into a Sphinx project whose
index globs the folder, so the toctree check after the import is timed too;
then the same export is imported again into that folder, where every file
is already there (each is read to know it is that book's).
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sphinx_bookreview.cli import main

HEADER = [
    "Book Id", "Title", "Author", "Author l-f", "Additional Authors", "ISBN", "ISBN13", "My Rating",
    "Average Rating", "Publisher", "Binding", "Number of Pages", "Year Published", "Original Publication Year",
    "Date Read", "Date Added", "Bookshelves", "Bookshelves with positions", "Exclusive Shelf", "My Review",
    "Spoiler", "Private Notes", "Read Count", "Owned Copies",
]  # fmt: skip
WORDS = ["lantern", "harbour", "salt", "cinder", "glass", "ferry", "orchard", "atlas", "engine", "winter"]
SHELVES = ["read"] * 8 + ["currently-reading", "to-read"]
BINDINGS = ["Hardcover", "Paperback", "Kindle Edition", "Audible Audio", ""]
REVIEW = (
    "A <b>fine</b> book.<br/><br/>Read it for the <i>quiet</i> parts, see <a href='https://example.org/'>notes</a>."
)


def export(rows: int, rng: random.Random) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for number in range(rows):
        writer.writerow(_row(number, rng))
    return out.getvalue()


def _row(number: int, rng: random.Random) -> list[str]:
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))).title()
    shelf = rng.choice(SHELVES)
    values = {
        "Book Id": str(number),
        "Title": f"{title} (The {rng.choice(WORDS).title()} Cycle, #{rng.randint(1, 9)})" if number % 7 == 0 else title,
        "Author": f"Author {number % 500}",
        "Additional Authors": f"Co Author {number % 31}" if number % 5 == 0 else "",
        "ISBN": '=""',
        "ISBN13": '="9780306406157"' if number % 3 == 0 else '=""',
        "My Rating": str(rng.randint(0, 5)),
        "Binding": rng.choice(BINDINGS),
        "Number of Pages": str(rng.randint(0, 900)),
        "Year Published": str(rng.randint(1950, 2024)),
        "Date Read": _day(rng) if shelf == "read" else "",
        "Date Added": "2009/01/01",
        "Bookshelves": ", ".join(rng.sample(WORDS, 2)),
        "Exclusive Shelf": shelf,
        "My Review": REVIEW if number % 10 == 0 else "",
    }
    return [values.get(column, "") for column in HEADER]


def _day(rng: random.Random) -> str:
    return f"20{rng.randint(10, 23)}/{rng.randint(1, 12):02}/{rng.randint(1, 28):02}"


def run_import(source: Path, target: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        status = main(["import", str(source), "--dir", str(target), "--shelf", "read", "--shelf", "currently-reading"])
    if status != 0:
        raise SystemExit(f"import failed with status {status}")


def benchmark(rows: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        source = root / "goodreads_library_export.csv"
        source.write_text(export(rows, random.Random(2024)), encoding="utf-8")
        site = root / "site"
        site.mkdir()
        (site / "conf.py").write_text('project = "Benchmark"\n', encoding="utf-8")
        (site / "index.rst").write_text("Books\n=====\n\n.. toctree::\n   :glob:\n\n   reviews/*\n", encoding="utf-8")
        start = time.perf_counter()
        run_import(source, site / "reviews")
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        run_import(source, site / "reviews")
        again = time.perf_counter() - start
        tracemalloc.start()
        run_import(source, root / "traced")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        written = sum(1 for _ in (site / "reviews").iterdir())
        size = source.stat().st_size
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{rows} rows ({size / 2**20:.1f} MiB CSV), {written} files written")
    print(f"time: {seconds:.2f} s ({rows / seconds:.0f} rows/s)")
    print(f"again into the same folder, every file already there: {again:.2f} s ({rows / again:.0f} rows/s)")
    print(f"peak memory: {peak / 2**20:.1f} MiB allocated by Python (tracemalloc), {maxrss:.0f} MiB max RSS")


if __name__ == "__main__":
    benchmark(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
