"""The benchmark runner works end to end: a small collection in the plain
and sphinx-bookreview forms, every kind of build, the table of ratios.
(ablog is a benchmark-only dependency, so its form is left out here.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUNNER = Path(__file__).parent.parent / "benchmarks" / "run.py"


def test_runner_builds_both_forms_and_prints_ratios(tmp_path: Path) -> None:
    command = [sys.executable, str(RUNNER), "--n", "5", "--repeat", "1", "--kinds", "plain", "bookreview"]
    command += ["--workdir", str(tmp_path)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=600).stdout
    for label in ("full build (s)", "no-op rebuild (s)", "edit one review (s)", "full build -j 2 (s)",
                  "environment.pickle (MiB)", "-j 2 speed-up"):  # fmt: skip
        assert label in output
    rounds = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["rounds"]["5"]
    for kind in ("plain", "bookreview"):
        (only,) = rounds[kind]
        # Every build of the generated text is clean, or the comparison is not fair.
        assert [only[build]["warnings"] for build in ("full", "noop", "edit", "parallel")] == [0, 0, 0, 0], kind
        assert only["env_mib"] > 0


BIG_IMPORT = Path(__file__).parent.parent / "benchmarks" / "big_import.py"


def test_big_import_scenario_imports_and_builds_each_layout(tmp_path: Path) -> None:
    """The scenario of issue 14 end to end, small: the export imported by the
    command line into each layout, every build clean, the table printed."""
    command = [sys.executable, str(BIG_IMPORT), "--n", "8", "--themes", "bookreview"]
    command += ["--workdir", str(tmp_path)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=600).stdout
    assert "N = 8 imported reviews" in output
    results = json.loads((tmp_path / "big-import.json").read_text(encoding="utf-8"))["results"]
    assert [(r["theme"], r["layout"]) for r in results] == [
        ("bookreview", layout) for layout in ("index", "hidden", "shelf")
    ]
    assert all(build["warnings"] == 0 for r in results for build in r["builds"])
    # The layout the guide recommends is the one the command line writes: a listing and a hidden toctree.
    shelf = (tmp_path / "bookreview-shelf" / "src" / "reviews.rst").read_text(encoding="utf-8")
    assert shelf.startswith(":orphan:\n")
    assert shelf.endswith(
        ".. bookreview-list::\n\n.. toctree::\n   :hidden:\n   :glob:\n   :maxdepth: 1\n\n   books/*\n"
    )
    assert len(list((tmp_path / "bookreview-shelf" / "src" / "books").glob("*.rst"))) == 8
