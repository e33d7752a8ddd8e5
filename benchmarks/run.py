"""Build the three forms of a synthetic collection and compare them.

For each size N, the collection of :mod:`generate` is written as plain
Sphinx, ablog and sphinx-bookreview, then each form is measured, the forms
interleaved round by round (so a burst of load on the machine hits all
three alike):

- full build (``-b html`` into an empty output folder), with its peak
  memory (the largest resident set of the sphinx-build process, from
  ``wait4``) and the size of the stored environment (``environment.pickle``);
- no-op rebuild (nothing changed);
- rebuild after editing one review (a sentence and the rating), with the
  number of HTML pages it wrote;
- full build with ``-j 2``.

With ``--covers`` every review has a 1000x1500 JPEG cover (see
:mod:`generate`); plain Sphinx shows it with ``.. image::``, so the
baseline copies the same images.

Each build is a fresh ``python -m sphinx`` process. Medians of the rounds
and ratios against plain Sphinx are printed, and every measurement is
written to ``results.json`` in the work folder.

Usage: ``python benchmarks/run.py [--n 100 1000] [--big] [--repeat 3] [--covers]``;
``--append`` adds rounds to an earlier run's results, so a long series can
be measured in several sittings.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import generate  # the sibling module, found through the path set above

METRICS = ("full", "noop", "edit", "parallel", "memory", "env", "full-cpu", "noop-cpu", "edit-cpu")
LABELS = {
    "full": "full build (s)",
    "noop": "no-op rebuild (s)",
    "edit": "edit one review (s)",
    "parallel": "full build -j 2 (s)",
    "memory": "peak memory (MiB)",
    "env": "environment.pickle (MiB)",
    # CPU time is less disturbed than wall time by other work on the machine.
    "full-cpu": "full build, CPU (s)",
    "noop-cpu": "no-op rebuild, CPU (s)",
    "edit-cpu": "edit one review, CPU (s)",
}


@dataclass
class Build:
    """One sphinx-build run."""

    wall: float
    cpu: float
    maxrss_mib: float
    load: float  # the machine's 1-minute load average when it ended
    warnings: int


@dataclass
class Round:
    """One round of measurements of one form at one size."""

    full: Build
    noop: Build
    edit: Build
    parallel: Build | None  # None with --jobs 1
    env_mib: float
    edit_pages: int = 0  # HTML pages the edit's rebuild wrote


@dataclass
class Results:
    machine: dict[str, object]
    rounds: dict[str, dict[str, list[Round]]] = field(default_factory=dict)  # N -> kind -> rounds


def sphinx_build(src: Path, out: Path, jobs: int = 1) -> Build:
    """Run ``python -m sphinx -b html`` in a fresh process and measure it."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q"]
    command += ["-d", str(out / "doctrees"), str(src), str(out / "html")]
    if jobs > 1:
        command += ["-j", str(jobs)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=log)
        # wait4 gives this child's own rusage: its peak resident set (on
        # Linux, the largest of it and the workers it waited for) and CPU time.
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if process.returncode:
        raise SystemExit(f"sphinx-build failed ({process.returncode}) on {src}:\n{output[-3000:]}")
    return Build(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss_mib=usage.ru_maxrss / 1024,
        load=os.getloadavg()[0],
        warnings=output.count("WARNING"),
    )


def measure(src: Path, out: Path, entries: list[generate.Entry], jobs: int) -> Round:
    """Full build, no-op rebuild, one edit, then a full parallel build."""
    shutil.rmtree(out, ignore_errors=True)
    full = sphinx_build(src, out)
    env_mib = (out / "doctrees" / "environment.pickle").stat().st_size / 2**20
    noop = sphinx_build(src, out)
    edited = src / f"{entries[len(entries) // 2].docname}.rst"
    original = edited.read_text(encoding="utf-8")
    generate.edit_one(src, entries)
    before = page_times(out / "html")
    try:
        edit = sphinx_build(src, out)
    finally:
        edited.write_text(original, encoding="utf-8")
    edit_pages = sum(1 for page, mtime in page_times(out / "html").items() if before.get(page) != mtime)
    shutil.rmtree(out)
    parallel = sphinx_build(src, out, jobs=jobs) if jobs > 1 else None
    shutil.rmtree(out, ignore_errors=True)
    return Round(full, noop, edit, parallel, env_mib, edit_pages)


def page_times(html: Path) -> dict[Path, int]:
    """Each HTML page of the build and its modification time."""
    return {page: page.stat().st_mtime_ns for page in html.rglob("*.html")}


def value(round_: Round, metric: str) -> float:
    if metric == "memory":
        return round_.full.maxrss_mib
    if metric == "env":
        return round_.env_mib
    if metric.endswith("-cpu"):
        return getattr(round_, metric.removesuffix("-cpu")).cpu  # type: ignore[no-any-return]
    return getattr(round_, metric).wall  # type: ignore[no-any-return]


def median(rounds: list[Round], metric: str) -> float:
    values = [value(r, metric) for r in rounds if metric != "parallel" or r.parallel]
    return statistics.median(values) if values else math.nan


# -- report -------------------------------------------------------------------


def table(n: str, by_kind: dict[str, list[Round]]) -> str:
    """A reStructuredText simple table: medians, and ratios to plain."""
    by_kind = {kind: by_kind[kind] for kind in generate.KINDS if kind in by_kind}
    kinds = list(by_kind)
    rows = [["N = " + n, *(f"{k}" for k in kinds)]]
    measured_parallel = any(r.parallel for rounds in by_kind.values() for r in rounds)  # not with --jobs 1
    for metric in METRICS:
        if metric == "parallel" and not measured_parallel:
            continue
        row = [LABELS[metric]]
        base = median(by_kind["plain"], metric) if "plain" in by_kind else None
        for kind in kinds:
            got = median(by_kind[kind], metric)
            ratio = f" (x{got / base:.2f})" if base and kind != "plain" else ""
            row.append(f"{got:.{3 if metric == 'env' else 2}f}{ratio}")
        rows.append(row)
    rows.append(["edit / full build", *(f"{median(r, 'edit') / median(r, 'full'):.1%}" for r in by_kind.values())])
    rows.append(["pages the edit wrote", *(str(max(x.edit_pages for x in r)) for r in by_kind.values())])
    if measured_parallel:
        rows.append(["-j 2 speed-up", *(f"x{median(r, 'full') / median(r, 'parallel'):.2f}" for r in by_kind.values())])
    warnings = [max(r.full.warnings for r in rounds) for rounds in by_kind.values()]
    rows.append(["warnings", *(str(w) for w in warnings)])
    return simple_table(rows)


def simple_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    rule = "  ".join("=" * w for w in widths)
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join([rule, lines[0], rule, *lines[1:], rule])


def machine() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        lines = cpuinfo.read_text().splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        cpu = names[0] if names else cpu
    versions = {}
    for name in ("sphinx", "docutils", "ablog", "sphinx-bookreview"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "-"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
        "versions": versions,
    }


def load_summary(by_kind: dict[str, list[Round]]) -> str:
    builds = [b for rounds in by_kind.values() for r in rounds for b in (r.full, r.noop, r.edit, r.parallel) if b]
    loads = [b.load for b in builds]
    ratio = [r.full.cpu / r.full.wall for rounds in by_kind.values() for r in rounds]
    return (f"load average (1 min) during the builds: median {statistics.median(loads):.2f}, max {max(loads):.2f}; "
            f"CPU/wall of the serial full builds: median {statistics.median(ratio):.2f}")  # fmt: skip


# -- main ---------------------------------------------------------------------


def compile_bytecode() -> None:
    """Compile sphinx_bookreview's modules to bytecode, as pip does when
    it installs the wheel. From an editable checkout with
    ``PYTHONDONTWRITEBYTECODE`` set, every build compiled them afresh:
    about 0.1 s a build, which no user pays and which plain Sphinx,
    installed compiled, did not pay either (it was most of the no-op
    rebuild's difference at N = 200)."""
    spec = importlib.util.find_spec("sphinx_bookreview")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def check_ablog(kinds: list[str]) -> None:
    if "ablog" not in kinds:
        return
    try:
        importlib.metadata.version("ablog")
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(
            "ablog is not installed, and the comparison needs it: run\n"
            "    pip install 'sphinx-bookreview[bench]'   (or: pip install ablog)\n"
            "or leave it out with --kinds plain bookreview"
        ) from None


def size_key(n: int, covers: bool) -> str:
    return f"{n} with covers" if covers else str(n)


def run_size(n: int, kinds: list[str], repeat: int, args: argparse.Namespace, results: Results) -> None:
    """Measure ``repeat`` rounds at size ``n``, adding them to ``results``."""
    covers = args.workdir / "covers" if args.covers else None
    base = args.workdir / f"n{n}{'-covers' if covers else ''}"
    entries = {kind: generate.write(kind, n, base / kind / "src", covers) for kind in kinds}
    by_kind = results.rounds.setdefault(size_key(n, args.covers), {})
    for index in range(repeat):
        # Rotate the order each round, so no form always runs first.
        order = kinds[index % len(kinds) :] + kinds[: index % len(kinds)]
        for kind in order:
            started = time.perf_counter()
            measured = measure(base / kind / "src", base / kind / "out", entries[kind], args.jobs)
            by_kind.setdefault(kind, []).append(measured)
            print(f"  N={n} round {index + 1}/{repeat} {kind}: {time.perf_counter() - started:.1f} s", flush=True)
        # Saved after every round, so a long run that is stopped keeps what it measured.
        save(results, args.workdir)


def save(results: Results, workdir: Path) -> None:
    (workdir / "results.json").write_text(json.dumps(asdict(results), indent=1), encoding="utf-8")


def load(workdir: Path) -> Results:
    """The results of earlier runs, to add rounds to (``--append``)."""
    data = json.loads((workdir / "results.json").read_text(encoding="utf-8"))
    results = Results(machine=data["machine"])
    for n, by_kind in data["rounds"].items():
        results.rounds[n] = {kind: [round_from_json(r) for r in rounds] for kind, rounds in by_kind.items()}
    return results


def round_from_json(data: dict[str, Any]) -> Round:
    def build(key: str) -> Build | None:
        return Build(**data[key]) if data[key] else None

    full, noop, edit = (Build(**data[key]) for key in ("full", "noop", "edit"))
    return Round(full, noop, edit, build("parallel"), data["env_mib"], data.get("edit_pages", 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000], help="collection sizes (default: 100 1000)")
    parser.add_argument("--big", action="store_true", help="also N = 5000")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size; medians are reported (default: 3)")
    parser.add_argument("--kinds", nargs="+", choices=generate.KINDS, default=list(generate.KINDS),
                        help="forms to build (default: all three; ratios need plain)")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=2, help="-j of the parallel build; 1 skips it (default: 2)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bookreview-bench")
    parser.add_argument("--covers", action="store_true",
                        help="a 1000x1500 JPEG cover on every review (ablog left out: it has none)")  # fmt: skip
    parser.add_argument("--append", action="store_true",
                        help="add these rounds to the results.json of earlier runs in --workdir")  # fmt: skip
    args = parser.parse_args()
    if args.covers:
        args.kinds = [kind for kind in args.kinds if kind != "ablog"]
    check_ablog(args.kinds)
    compile_bytecode()
    sizes = [*args.n, *([5000] if args.big and 5000 not in args.n else [])]
    results = load(args.workdir) if args.append else Results(machine=machine())
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {results.machine}", flush=True)
    for n in sizes:
        run_size(n, args.kinds, args.repeat, args, results)
        key = size_key(n, args.covers)
        print(f"\n{table(key, results.rounds[key])}\n{load_summary(results.rounds[key])}\n", flush=True)
    print(f"every measurement: {args.workdir / 'results.json'}")


if __name__ == "__main__":
    main()
