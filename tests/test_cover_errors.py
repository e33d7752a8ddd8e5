"""Cover files whose header is valid but whose picture Pillow cannot make
copies of: data cut short or corrupt behind the header, a GIF's broken
frame, too many pixels. Each is one warning at the review that shows it,
never a traceback; every page shows the file as it is and names no file
the output lacks, in a serial build and under ``-j 2`` alike; a fixed
file gets its copies back in the next build.

The pictures are made here with Pillow from seeded data, so each kind of
damage is the same in every run.
"""

from __future__ import annotations

import io
import json
import random
import struct
import subprocess
import sys
import zlib
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw
from sphinx.util.console import strip_colors
from sphinx.util.parallel import parallel_available
from test_cover_copies import BASEURL, build, candidates, page, review_page
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


# -- pictures ------------------------------------------------------------------


def picture(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """Coarse seeded noise blown up, with a red block: the same in every run."""
    width, height = size
    rng = random.Random(seed)
    coarse = Image.frombytes("RGB", (width // 8, height // 8), rng.randbytes((width // 8) * (height // 8) * 3))
    image = coarse.resize(size, Image.Resampling.BICUBIC)
    ImageDraw.Draw(image).rectangle([width // 4, height // 4, width // 2, height // 2], fill=(200, 30, 30))
    return image


def encoded(image: Image.Image, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def good_jpeg(seed: int = 0) -> bytes:
    return encoded(picture((1000, 1500), seed), "JPEG", quality=85)


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def scrambled_after(data: bytes, start: int) -> bytes:
    """``data`` with every byte from ``start`` on replaced by seeded noise."""
    return data[:start] + random.Random(1).randbytes(len(data) - start)


def corrupt_jpeg() -> bytes:
    """A whole header (through the start of the scan), then noise."""
    data = good_jpeg()
    scan = data.index(b"\xff\xda")
    return scrambled_after(data, scan + 2 + int.from_bytes(data[scan + 2 : scan + 4], "big"))


def broken_gif() -> bytes:
    """A GIF's header, colour table and frame descriptor, then noise for the frame's data."""
    data = encoded(picture((300, 450)).convert("P"), "GIF")
    frame = 13 + 3 * 2 ** ((data[10] & 7) + 1)  # after the header and the global colour table
    while data[frame] == 0x21:  # an extension block, then its sub-blocks up to an empty one
        frame += 2
        while data[frame]:
            frame += data[frame] + 1
        frame += 1
    return scrambled_after(data, frame + 11)  # the descriptor (10 bytes) and the LZW code size


def png_bomb() -> bytes:
    """A PNG whose header says 20000 by 20000 pixels: more than Pillow opens."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


#: Each kind of damage: the cover's file, its bytes, and the start of
#: what Pillow says of it (the rest, a count of bytes, is the codec's).
BROKEN: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "truncated-jpeg": ("truncated.jpg", lambda: half(good_jpeg()), "image file is truncated ("),
    "corrupt-jpeg": ("corrupt.jpg", corrupt_jpeg, "broken data stream when reading image file"),
    "truncated-png": ("truncated.png", lambda: half(encoded(picture((400, 600)), "PNG")), "image file is truncated"),
    "broken-gif": ("broken.gif", broken_gif, "broken data stream when reading image file"),
    "truncated-webp": ("truncated.webp", lambda: half(encoded(picture((400, 600)), "WEBP")), "could not create"),
    "bomb": ("bomb.png", png_bomb, "Image size (400000000 pixels) exceeds limit of 178956970 pixels"),
}


def pillow_says(path: Path) -> str:
    """Why Pillow cannot decode the file, as the warning gives it (without
    the full stop that ends some of Pillow's messages)."""
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, Image.DecompressionBombError) as error:
        return str(error).rstrip(".")
    raise AssertionError(f"{path} decodes")


# -- the project ---------------------------------------------------------------


def write_project(srcdir: Path, covers: dict[str, tuple[str, bytes]], extra_conf: str = "") -> None:
    """A review page per cover (review id → file name, bytes), a listing
    of cards and the bookreview theme's home grid: three places that show
    each cover."""
    (srcdir / "covers").mkdir(parents=True, exist_ok=True)
    for day, (review_id, (name, data)) in enumerate(sorted(covers.items()), 1):
        (srcdir / "covers" / name).write_bytes(data)
        (srcdir / f"{review_id}.rst").write_text(review_page(review_id, f"covers/{name}", day), encoding="utf-8")
    toctree = "".join(f"   {review_id}\n" for review_id in sorted(covers))
    index = f"Home\n====\n\n.. toctree::\n\n{toctree}\nAll\n---\n\n.. bookreview-list::\n   :layout: cards\n"
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
    conf = (
        'project = "Shelf"\nextensions = ["sphinx_bookreview"]\nhtml_theme = "bookreview"\n'
        f'html_baseurl = "{BASEURL}"\nbookreview_isbn_url = ""\n'
    )
    (srcdir / "conf.py").write_text(conf + extra_conf, encoding="utf-8")


def every_kind() -> dict[str, tuple[str, bytes]]:
    """A good cover, and one review per kind of damage (its id is the kind)."""
    return {"good": ("good.jpg", good_jpeg(3))} | {kind: (name, make()) for kind, (name, make, _) in BROKEN.items()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("broken") / "src"
    write_project(srcdir, every_kind())
    return srcdir


JOBS = [0, *([2] if parallel_available else [])]
#: A test's ``jobs`` parameter: a serial build, and one with ``-j 2``.
with_jobs = pytest.mark.parametrize("jobs", JOBS, ids=lambda jobs: f"j{jobs}" if jobs else "serial")


@pytest.fixture(scope="module")
def builds(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, SphinxTestApp]:
    """The project built serially and, where Sphinx can fork, with ``-j 2``."""
    apps = {jobs: build(project, builddir=tmp_path_factory.mktemp(f"out-{jobs}"), parallel=jobs) for jobs in JOBS}
    assert all(app.is_parallel_allowed("write") for jobs, app in apps.items() if jobs)
    return apps


def warning_lines(app: SphinxTestApp) -> list[str]:
    return strip_colors(app.warning.getvalue()).splitlines()


SHOWN_AS_IT_IS = "the file is shown as it is"


def expected_warning(srcdir: Path, review_id: str, name: str, outcome: str = SHOWN_AS_IT_IS) -> str:
    reason = pillow_says(srcdir / "covers" / name)
    return (
        f"{srcdir / f'{review_id}.rst'}:4: WARNING: cover image 'covers/{name}' cannot be resized: {reason}; "
        f"{outcome} [bookreview.url]"
    )


# -- what the pages name exists ------------------------------------------------


def named_files(app: SphinxTestApp) -> Iterator[tuple[Path, str]]:
    """Each local file a page names for a picture (``src``, ``srcset``,
    ``og:image``) and the catalog's covers: the page, the URL from it."""
    for path in sorted(app.outdir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("img"):
            yield path, img["src"]
            if img.get("srcset"):
                yield from ((path, url) for url, _width in candidates(img))
        for meta in soup.select("meta[property='og:image']"):
            yield app.outdir / "index.html", meta["content"].removeprefix(BASEURL)
    catalog = json.loads((app.outdir / "bookreviews.json").read_text(encoding="utf-8"))
    yield from ((app.outdir / "index.html", review["cover"]) for review in catalog["reviews"])


def missing_files(app: SphinxTestApp) -> list[tuple[str, str]]:
    named = [(page, url) for page, url in named_files(app) if not url.startswith(("https:", "http:"))]
    assert named
    return [(page.name, url) for page, url in named if not (page.parent / url).is_file()]


# -- one warning, the file as it is ---------------------------------------------


@with_jobs
def test_each_broken_cover_is_one_warning_at_its_review(builds: dict[int, SphinxTestApp], jobs: int) -> None:
    """One warning per file, at the review's line, though the card, the
    listing and the grid all show it; in page order, under ``-j`` too."""
    html = builds[jobs]
    assert warning_lines(html) == [expected_warning(html.srcdir, kind, BROKEN[kind][0]) for kind in sorted(BROKEN)]


@pytest.mark.parametrize("kind", BROKEN)
def test_pillow_gives_the_reason(project: Path, kind: str) -> None:
    name, _make, words = BROKEN[kind]
    assert pillow_says(project / "covers" / name).startswith(words)


@with_jobs
@pytest.mark.parametrize("kind", BROKEN)
def test_every_place_shows_the_file_as_it_is(builds: dict[int, SphinxTestApp], jobs: int, kind: str) -> None:
    html, name = builds[jobs], BROKEN[kind][0]
    card = page(html, f"{kind}.html").select_one("img.bookreview-cover")
    assert card["src"] == f"_images/{name}" and "srcset" not in card.attrs
    home = page(html, "index.html")
    for place in ("img.bookreview-cards-cover", "img.recent-cover"):
        (shown,) = [img for img in home.select(place) if name in img["src"]]
        assert shown["src"] == f"_images/{name}" and "srcset" not in shown.attrs
    og = page(html, f"{kind}.html").select_one("meta[property='og:image']")
    assert og["content"] == f"{BASEURL}_images/{name}"
    assert (html.outdir / "_images" / name).read_bytes() == (html.srcdir / "covers" / name).read_bytes()
    assert not [path for path in (html.outdir / "_images" / "covers").iterdir() if path.name.startswith(kind)]


@with_jobs
@pytest.mark.parametrize("kind", BROKEN)
def test_the_rest_of_the_review_renders(builds: dict[int, SphinxTestApp], jobs: int, kind: str) -> None:
    html = builds[jobs]
    card = page(html, f"{kind}.html").select_one(".bookreview-card")
    assert "Ann Author" in card.get_text() and card.select_one(".bookreview-rating") is not None
    assert "A review." in page(html, f"{kind}.html").get_text()


@with_jobs
def test_every_file_a_page_names_is_in_the_output(builds: dict[int, SphinxTestApp], jobs: int) -> None:
    html = builds[jobs]
    assert missing_files(html) == []
    good = page(html, "good.html").select_one("img.bookreview-cover")
    assert [width for _url, width in candidates(good)] == [176, 352]  # the good cover keeps its copies


@pytest.mark.skipif(not parallel_available, reason="Sphinx writes in parallel only where it can fork")
def test_parallel_output_equals_serial(builds: dict[int, SphinxTestApp]) -> None:
    serial, parallel = builds[0].outdir, builds[2].outdir
    files = sorted(path.relative_to(serial) for path in serial.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(parallel) for path in parallel.rglob("*") if path.is_file())
    assert [str(path) for path in files if (serial / path).read_bytes() != (parallel / path).read_bytes()] == []


def test_w_makes_it_an_error(tmp_path: Path) -> None:
    """Sphinx 7.4 stops at the first warning under ``-W``, Sphinx 8 and
    later at the end of the build: either way, that warning, no traceback."""
    srcdir = tmp_path / "src"
    name, make, _words = BROKEN["truncated-jpeg"]
    write_project(srcdir, {"good": ("good.jpg", good_jpeg(3)), "truncated-jpeg": (name, make())})
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(srcdir), str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = expected_warning(srcdir, "truncated-jpeg", name).split(" WARNING: ")[1].removesuffix(" [bookreview.url]")
    assert f"{srcdir / 'truncated-jpeg.rst'}:4:" in result.stderr and message in result.stderr


#: A project extension that notes which covers are looked at once Sphinx
#: has read every document, before it writes a page.
NOTE_LOOKED_AT = """
from pathlib import Path
from sphinx_bookreview.covers import CACHE, CoverCopies

def note(app, env):
    known = CoverCopies.of(env).known
    app.looked_at = {cover: entry[2] is not None for cover, entry in known.items() if len(entry) > 2}
    app.cached = sorted(path.name.split("-")[1] for path in Path(env.doctreedir, CACHE).glob("*.webp"))
    return []

def setup(app):
    app.connect("env-updated", note, priority=900)
"""


@with_jobs
def test_every_cover_is_looked_at_before_a_page_is_written(tmp_path: Path, jobs: int) -> None:
    """Looking at a cover decodes it: done for all of them at once, over
    the processes of ``-j``, not by the main process page after page; the
    look makes the copies every card shows, decoding the file once for both."""
    srcdir = tmp_path / "src"
    write_project(srcdir, every_kind(), NOTE_LOOKED_AT)
    app = build(srcdir, parallel=jobs)
    readable = {"/covers/good.jpg": True} | {f"/covers/{name}": False for name, _make, _words in BROKEN.values()}
    assert app.looked_at == readable  # type: ignore[attr-defined]
    assert app.cached == ["176", "352"]  # type: ignore[attr-defined]  # the good cover's card, before any page
    assert len(warning_lines(app)) == len(BROKEN)


# -- fixed, and broken late ------------------------------------------------------


def test_a_fixed_file_gets_its_copies_in_the_next_build(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_project(srcdir, {"fixed": ("cover.jpg", half(good_jpeg())), "other": ("other.jpg", good_jpeg(4))})
    assert len(warning_lines(build(srcdir))) == 1
    (srcdir / "covers" / "cover.jpg").write_bytes(good_jpeg(5))
    incremental = build(srcdir)
    assert warning_lines(incremental) == []
    card = page(incremental, "fixed.html").select_one("img.bookreview-cover")
    assert [width for _url, width in candidates(card)] == [176, 352]
    home = page(incremental, "index.html")
    for place in ("img.bookreview-cards-cover", "img.recent-cover"):
        (shown,) = [img for img in home.select(place) if "cover-" in img["src"]]
        assert [width for _url, width in candidates(shown)] == [160, 320]
    assert missing_files(incremental) == []
    fresh = build(srcdir, builddir=tmp_path / "fresh")
    for name in ("fixed.html", "index.html", "bookreviews.json"):
        assert (incremental.outdir / name).read_bytes() == (fresh.outdir / name).read_bytes(), name


#: A project extension that spoils the cover after the pages are written
#: and before its copies are made, as a file saved during the build would.
SPOIL = """
from pathlib import Path

def spoil(app):
    cover = Path(app.srcdir, "covers", "late.jpg")
    cover.write_bytes(cover.read_bytes()[:2000])
    return []

def setup(app):
    app.connect("html-collect-pages", spoil, priority=100)
"""


@with_jobs
def test_a_cover_that_breaks_before_its_copies_are_made(tmp_path: Path, jobs: int) -> None:
    """Found only when the copies are made, after the pages: a warning at
    the review, found through the domain's records, saying so, and no copy
    of it published; the next build shows the file as it is, at every
    place (Sphinx reads the review again: its cover changed)."""
    srcdir = tmp_path / "src"
    covers = {
        "late": ("late.jpg", good_jpeg(6)),
        "other": ("other.jpg", good_jpeg(7)),
        "third": ("third.jpg", good_jpeg(8)),
    }
    write_project(srcdir, covers, SPOIL)
    first = build(srcdir, parallel=jobs)
    outcome = "the pages of this build lack its picture until the next build"
    assert warning_lines(first) == [expected_warning(srcdir, "late", "late.jpg", outcome)]
    assert not [path for path in (first.outdir / "_images" / "covers").iterdir() if path.name.startswith("late-")]
    assert [path.name.split("-")[0] for path in (first.outdir / "_images" / "covers").iterdir()].count("other") == 5
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text(encoding="utf-8").replace(SPOIL, ""))
    second = build(srcdir, parallel=jobs)
    assert warning_lines(second) == [expected_warning(srcdir, "late", "late.jpg")]
    assert missing_files(second) == []
    assert page(second, "late.html").select_one("img.bookreview-cover")["src"] == "_images/late.jpg"


# -- an encoder's limit ------------------------------------------------------------


def test_a_strip_too_tall_for_webp_gets_narrower_copies(tmp_path: Path) -> None:
    """WebP takes no picture taller than 16383 px: a 400 by 20000 strip's
    2x card copy, 352 px wide, would be 17600 px tall. It is 327 px wide."""
    strip = encoded(Image.new("RGB", (400, 20000), (20, 90, 160)), "PNG")
    srcdir = tmp_path / "src"
    write_project(srcdir, {"strip": ("strip.png", strip)})
    app = build(srcdir)
    assert warning_lines(app) == []
    card = page(app, "strip.html").select_one("img.bookreview-cover")
    assert [width for _url, width in candidates(card)] == [176, 327]
    for url, width in candidates(card):
        with Image.open(app.outdir / url) as copy:
            assert copy.size == (width, round(20000 * width / 400)) and copy.height <= 16383
    assert missing_files(app) == []
