"""Lighthouse scores and page weight of the bookreview theme beside furo and alabaster.

Builds each site once per theme, serves the builds on 127.0.0.1 and runs
Lighthouse 12.2.3 (installed from npm into a cache folder outside the repo
on first use) in Debian's Chromium on the home page and on a review page::

    python benchmarks/lighthouse.py                 # the test site, the docs, the covers site
    python benchmarks/lighthouse.py --site theme    # only the test site
    python benchmarks/lighthouse.py --site covers   # reviews with real-sized JPEG covers
    python benchmarks/lighthouse.py --runs 3        # the median of three runs of each page
    python benchmarks/lighthouse.py --theme bookreview  # only this theme
    python benchmarks/lighthouse.py --json out.json # the numbers, for the docs table

Prints one row per site, theme and page: performance, accessibility, best
practices, SEO, and the page weight with and without cover images (what
Chromium fetched, as Lighthouse counts it; http.server sends no compression).
Performance is measured on this machine with Lighthouse's simulated mobile
throttling, so a busy machine lowers it: take the median of a few runs.

The ``covers`` site is the benchmark's collection (:mod:`generate`) of
24 reviews, each with a generated 1000x1500 JPEG cover of about 300 KB,
its home page the 12 newest covers: the grid of the bookreview theme, a
``bookreview-list`` of cards limited to 12 under the others (each build
is tagged ``theme_<name>``, which ``.. only::`` reads). Like a real site
it has a favicon and a description of its home page, which the
bookreview theme would make up and furo and alabaster do not.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# tools/serve.py serves the builds; tools/ is a folder of scripts, not a package.
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402
from serve import serve  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "sphinx-bookreview" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THEMES = ("bookreview", "furo", "alabaster")
#: site name -> (source folder, review page), each page relative to the build.
SITES = {
    "theme": (REPO / "tests" / "roots" / "test-theme", "reviews/pragmatic.html"),
    "docs": (REPO / "docs", "reviews/sicp.html"),
    "covers": (Path("covers-src"), "reviews/book-00000.html"),  # made in the work folder
}
#: The covers site: reviews, and the covers on its home page.
COVERS_SITE, HOME_COVERS = 24, 12
SITE_DESCRIPTION = "Reviews of the books I read, newest first."


@dataclass(frozen=True)
class Result:
    site: str
    theme: str
    page: str
    scores: dict[str, int]
    kilobytes: float
    kilobytes_without_covers: float


def lighthouse() -> list[str]:
    """The Lighthouse command, installed into the cache on first use."""
    cli = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "-E",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)  # fmt: skip
    return ["node", str(cli)]


def build(source: Path, theme: str, out: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-D", f"html_theme={theme}",
               "-t", f"theme_{theme}", "-d", str(out.parent / f".doctrees-{theme}"), str(source), str(out)]  # fmt: skip
    subprocess.run(command, check=True)


def audit(command: list[str], url: str, report: Path) -> tuple[dict[str, int], float, float]:
    subprocess.run(
        [*command, url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=300,
    )  # fmt: skip
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    requests = data["audits"]["network-requests"]["details"]["items"]
    total = sum(item.get("transferSize", 0) for item in requests)
    covers = sum(item.get("transferSize", 0) for item in requests if "/_images/" in item["url"])
    return scores, total / 1024, (total - covers) / 1024


def median_audit(command: list[str], url: str, report: Path, runs: int) -> tuple[dict[str, int], float, float]:
    """Each score's and the weight's median over ``runs`` audits."""
    audits = [audit(command, url, report.with_suffix(f".{n}.json")) for n in range(runs)]
    scores = {name: round(statistics.median(a[0][name] for a in audits)) for name in CATEGORIES}
    return scores, statistics.median(a[1] for a in audits), statistics.median(a[2] for a in audits)


def covers_site(workdir: Path) -> Path:
    """The benchmark's collection with a 1000x1500 JPEG cover per review,
    its home page a listing of the newest reviews' cards."""
    source = workdir / "covers-src"
    generate.write("bookreview", COVERS_SITE, source, workdir / "covers-jpeg")
    cards = f"   .. bookreview-list::\n      :layout: cards\n      :limit: {HOME_COVERS}\n"
    listing = f".. only:: not theme_bookreview\n\n{cards}"
    index = source / "index.rst"
    text = index.read_text(encoding="utf-8").replace(".. bookreview-list::\n", listing)
    # What a real site has, and furo and alabaster do not make up: a
    # description of the home page (SEO) and a favicon (else the browser's
    # /favicon.ico request is a 404 in the console: best practices).
    index.write_text(f".. meta::\n   :description: {SITE_DESCRIPTION}\n\n{text}", encoding="utf-8")
    shutil.copyfile(REPO / "sphinx_bookreview" / "theme" / "static" / "bookreview-icon.svg", source / "favicon.svg")
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_favicon = "favicon.svg"\n')
    return source


def run(sites: list[str], themes: list[str], workdir: Path, runs: int) -> list[Result]:
    command = lighthouse()
    results = []
    for site in sites:
        source, review_page = SITES[site]
        if site == "covers":
            source = covers_site(workdir)
        for theme in themes:
            build(source, theme, workdir / site / theme)
        with serve(workdir / site) as base:
            for theme in themes:
                for page in ("index.html", review_page):
                    report = workdir / f"{site}-{theme}-{page.replace('/', '-')}.json"
                    scores, weight, without = median_audit(command, f"{base}{theme}/{page}", report, runs)
                    results.append(Result(site, theme, page, scores, round(weight, 1), round(without, 1)))
                    print(table_row(results[-1]), flush=True)
    return results


def table_row(result: Result) -> str:
    scores = " / ".join(f"{result.scores[name]:3d}" for name in CATEGORIES)
    return (f"{result.site:6} {result.theme:11} {result.page:24} {scores}   "
            f"{result.kilobytes:7.1f} KB  ({result.kilobytes_without_covers:.1f} KB without covers)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", choices=sorted(SITES), action="append", help="site to audit (default: all)")
    parser.add_argument("--theme", choices=THEMES, action="append", help="theme to audit (default: all)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--runs", type=int, default=1, help="audits of each page, the median reported (default: 1)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    if shutil.which("node") is None or not Path(CHROME).exists():
        sys.exit("needs node (Debian's nodejs/npm) and Chromium at " + CHROME)
    print("site   theme       page                     perf / a11y / best / seo    weight")
    with contextlib.ExitStack() as stack:
        workdir = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        results = run(args.site or list(SITES), args.theme or list(THEMES), workdir, max(1, args.runs))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
