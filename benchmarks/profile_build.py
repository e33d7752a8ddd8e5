"""Profile one build of a synthetic collection with cProfile.

Writes the collection of :mod:`generate`, optionally builds it once first
(so the profiled build is a no-op rebuild or the rebuild after one edit),
then runs that build in this process under cProfile. Prints the functions
with the most cumulative and own time, and the extension's own functions;
saves the profile for ``python -m pstats`` or snakeviz.

``--navigation`` keeps the default theme's global navigation in the
sidebar (the collections leave it out): with it, the build spends most of
its time resolving and rendering toctrees, quadratic in the number of
pages, and in the garbage collections their copies set off; comparing
``--kind plain`` with ``--kind bookreview`` then shows what the extension
adds to that (benchmarks/README.md, "Big imports").

Usage: ``python benchmarks/profile_build.py [--kind bookreview] [--n 1000] [--phase full|noop|edit] [--navigation]``.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import pickle
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

sys.path.insert(0, str(Path(__file__).parent))

import generate  # the sibling modules, found through the path set above
import run


def build_args(src: Path, out: Path, jobs: int) -> list[str]:
    return ["-b", "html", "-q", "-d", str(out / "doctrees"), str(src), str(out / "html"), "-j", str(jobs)]


def environment_sizes(out: Path) -> list[tuple[int, str]]:
    """The pickled size of each attribute of the stored environment, and
    of each domain's data: where the bytes of ``environment.pickle`` go."""
    with (out / "doctrees" / "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    # ``settings`` holds the environment itself.
    attributes = {k: v for k, v in vars(env).items() if k != "settings"}
    sizes = [(len(pickle.dumps(v, pickle.HIGHEST_PROTOCOL)), f"env.{k}") for k, v in attributes.items()]
    for name, data in getattr(env, "domaindata", {}).items():
        sizes.append((len(pickle.dumps(data, pickle.HIGHEST_PROTOCOL)), f"env.domaindata[{name!r}]"))
    return sorted(sizes, reverse=True)


@contextlib.contextmanager
def collections_timed() -> Iterator[dict[int, list[float]]]:
    """How many garbage collections of each generation ran, and their
    seconds: a full (generation 2) collection visits every live object, so
    a build that keeps more alive pays more for each one."""
    found: dict[int, list[float]] = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
    started = [0.0]

    def timed(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            found[info["generation"]][0] += 1
            found[info["generation"]][1] += time.perf_counter() - started[0]

    gc.callbacks.append(timed)
    try:
        yield found
    finally:
        gc.callbacks.remove(timed)


def report(profile: cProfile.Profile, top: int, focus: str) -> str:
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    stats = pstats.Stats(profile, stream=stream)
    stats.sort_stats("cumulative").print_stats(focus, top)
    return stream.getvalue()


def main() -> None:
    from sphinx.cmd.build import build_main

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=generate.KINDS, default="bookreview")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--phase", choices=("full", "noop", "edit"), default="full")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--focus", default="sphinx_bookreview", help="regex of the files of interest")
    parser.add_argument("--navigation", action="store_true", help="keep the global navigation in the sidebar")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bookreview-profile")
    args = parser.parse_args()
    run.compile_bytecode()
    src, out = args.workdir / args.kind / "src", args.workdir / args.kind / "out"
    entries = generate.write(args.kind, args.n, src, navigation=args.navigation)
    shutil.rmtree(out, ignore_errors=True)
    if args.phase != "full" and build_main(build_args(src, out, args.jobs)):
        raise SystemExit("the first build failed")
    if args.phase == "edit":
        generate.edit_one(src, entries)
    profile = cProfile.Profile()
    with collections_timed() as collections:
        status = profile.runcall(build_main, build_args(src, out, args.jobs))
    if status:
        raise SystemExit("the profiled build failed")
    path = args.workdir / f"{args.kind}-{args.n}-{args.phase}.prof"
    profile.dump_stats(path)
    print(report(profile, args.top, args.focus))
    for generation, (count, seconds) in collections.items():
        print(f"garbage collections of generation {generation}: {count:.0f}, {seconds:.1f} s")
    print("environment.pickle, by attribute (bytes):")
    for size, name in environment_sizes(out)[: args.top]:
        print(f"{size:>12,}  {name}")
    print(f"profile saved: {path}")


if __name__ == "__main__":
    main()
