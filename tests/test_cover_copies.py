"""Resized cover copies (``bookreview_cover_sizes``) with real pictures,
made here with Pillow: which copies are written, in which formats and
sizes; what the pages say of them; that a no-op build touches none; that
``-j 2`` writes the bytes a serial build writes; that a changed or removed
cover leaves no page stale; and that every builder takes them, ``-W`` clean.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw
from projects import sphinx_build
from sphinx.util.console import strip_colors
from sphinx.util.parallel import parallel_available
from test_theme import theme_entry_point  # noqa: F401 - a fixture: finds the theme from a source checkout

from sphinx_bookreview.config import SETTINGS
from sphinx_bookreview.covers import CACHE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.testing.util import SphinxTestApp

COVERS_FOLDER = Path("_images", "covers")
BASEURL = "https://shelf.example.org/"


# -- pictures ------------------------------------------------------------------


def photo(size: tuple[int, int], seed: int = 0, mode: str = "RGB") -> Image.Image:
    """A picture with texture, so that it compresses like a photograph."""
    noise = Image.effect_noise(size, 50 + seed).convert("L")
    flipped = noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    image = Image.merge("RGB", [noise, noise.rotate(90, expand=False), flipped])
    draw = ImageDraw.Draw(image)
    draw.rectangle([size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2], fill=(200, 30 + seed, 30))
    return image.convert(mode) if mode != "RGB" else image


def jpeg(size: tuple[int, int], seed: int = 0, **options: object) -> bytes:
    out = io.BytesIO()
    photo(size, seed).save(out, "JPEG", quality=85, **options)
    return out.getvalue()


def rotated_jpeg() -> bytes:
    """Stored 900 wide and 600 high, with EXIF orientation 6: upright it is 600 by 900."""
    exif = Image.Exif()
    exif[0x0112] = 6
    return jpeg((900, 600), exif=exif.tobytes())


def cmyk_jpeg() -> bytes:
    out = io.BytesIO()
    photo((500, 750), 3, "CMYK").save(out, "JPEG", quality=85)
    return out.getvalue()


def transparent_png() -> bytes:
    image = Image.new("RGBA", (400, 600), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([50, 50, 350, 550], fill=(20, 120, 220, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def two_frame_gif() -> bytes:
    """A red first frame and a blue second one."""
    frames = [Image.new("RGB", (300, 450), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return out.getvalue()


def webp_photo() -> bytes:
    out = io.BytesIO()
    photo((800, 1200), 5).save(out, "WEBP", quality=80)
    return out.getvalue()


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="90"><rect width="60" height="90"/></svg>'

#: Each review's id and its cover file (``None``: a remote cover).
COVERS = {
    "photo": ("photo.jpg", lambda: jpeg((1000, 1500))),
    "turned": ("turned.jpg", rotated_jpeg),
    "printed": ("printed.jpg", cmyk_jpeg),
    "clear": ("clear.png", transparent_png),
    "moving": ("moving.gif", two_frame_gif),
    "modern": ("modern.webp", webp_photo),
    "small": ("small.jpg", lambda: jpeg((120, 180), 7)),
    "drawn": ("drawn.svg", SVG.encode),
    "remote": (None, None),
}


def review_page(review_id: str, cover: str, day: int) -> str:
    return (
        f"{review_id.title()}\n{'=' * len(review_id)}\n\n.. bookreview:: The {review_id.title()} Book\n"
        f"   :id: {review_id}\n   :cover: {cover}\n   :author: Ann Author\n   :date: 2024-01-{day:02d}\n"
        f"   :rating: 4\n\n   A review.\n"
    )


def write_project(srcdir: Path, extra_conf: str = "") -> None:
    """A project with a review page per cover, a listing of cards and the
    bookreview theme's home grid."""
    (srcdir / "covers").mkdir(parents=True)
    names = []
    for day, (review_id, (name, make)) in enumerate(COVERS.items(), 1):
        if name is None:
            cover = "https://covers.example.org/remote.jpg"
        else:
            (srcdir / "covers" / name).write_bytes(make())
            cover = f"covers/{name}"
        (srcdir / f"{review_id}.rst").write_text(review_page(review_id, cover, day), encoding="utf-8")
        names.append(review_id)
    toctree = "\n".join(f"   {name}" for name in names)
    index = f"Home\n====\n\n.. toctree::\n\n{toctree}\n\nAll\n---\n\n.. bookreview-list::\n   :layout: cards\n"
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
    conf = (
        'project = "Shelf"\nauthor = "Ann Reader"\ncopyright = "2024"\nversion = "1"\n'
        'extensions = ["sphinx_bookreview"]\n'
        f'html_theme = "bookreview"\nhtml_baseurl = "{BASEURL}"\nbookreview_isbn_url = ""\n'
        'latex_documents = [("index", "shelf.tex", "Shelf", "Ann Reader", "howto")]\n'
    )
    (srcdir / "conf.py").write_text(conf + extra_conf, encoding="utf-8")


def build(srcdir: Path, buildername: str = "html", builddir: Path | None = None, **kwargs: Any) -> SphinxTestApp:
    return sphinx_build(srcdir, buildername, builddir=builddir or srcdir / "_build", **kwargs)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("copies") / "src"
    write_project(srcdir)
    return srcdir


@pytest.fixture(scope="module")
def html(project: Path) -> Iterator[SphinxTestApp]:
    yield build(project)


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def copies(outdir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((outdir / COVERS_FOLDER).iterdir())}


# -- what is written -------------------------------------------------------------


def test_the_build_is_clean(html: SphinxTestApp) -> None:
    assert html.warning.getvalue() == ""


def test_each_raster_cover_gets_webp_copies_at_1x_and_2x_and_one_jpeg_or_png(html: SphinxTestApp) -> None:
    written = {name: Image.open(io.BytesIO(data)) for name, data in copies(html.outdir).items()}
    shapes = {re.sub(r"-[0-9a-f]{10}\.", ".", name): (image.format, image.size) for name, image in written.items()}
    assert shapes == {
        # the card (176 px), the listing's cards and the grid (160 px), at 1x and 2x (the 2x at quality 60);
        # a JPEG of the file's own width
        "photo-176w.webp": ("WEBP", (176, 264)), "photo-352w-q60.webp": ("WEBP", (352, 528)),
        "photo-160w.webp": ("WEBP", (160, 240)), "photo-320w-q60.webp": ("WEBP", (320, 480)),
        "photo-1000w.jpg": ("JPEG", (1000, 1500)),
        # turned upright by its EXIF orientation
        "turned-176w.webp": ("WEBP", (176, 264)), "turned-352w-q60.webp": ("WEBP", (352, 528)),
        "turned-160w.webp": ("WEBP", (160, 240)), "turned-320w-q60.webp": ("WEBP", (320, 480)),
        "turned-600w.jpg": ("JPEG", (600, 900)),
        "printed-176w.webp": ("WEBP", (176, 264)), "printed-352w-q60.webp": ("WEBP", (352, 528)),
        "printed-160w.webp": ("WEBP", (160, 240)), "printed-320w-q60.webp": ("WEBP", (320, 480)),
        "printed-500w.jpg": ("JPEG", (500, 750)),
        # transparency kept: PNG stays PNG
        "clear-176w.webp": ("WEBP", (176, 264)), "clear-352w-q60.webp": ("WEBP", (352, 528)),
        "clear-160w.webp": ("WEBP", (160, 240)), "clear-320w-q60.webp": ("WEBP", (320, 480)),
        "clear-400w.png": ("PNG", (400, 600)),
        # a GIF's first frame; its still copy is a PNG
        "moving-176w.webp": ("WEBP", (176, 264)), "moving-300w-q60.webp": ("WEBP", (300, 450)),
        "moving-160w.webp": ("WEBP", (160, 240)),
        "moving-300w.png": ("PNG", (300, 450)),
        "modern-176w.webp": ("WEBP", (176, 264)), "modern-352w-q60.webp": ("WEBP", (352, 528)),
        "modern-160w.webp": ("WEBP", (160, 240)), "modern-320w-q60.webp": ("WEBP", (320, 480)),
        "modern-800w.jpg": ("JPEG", (800, 1200)),
        # never wider than the file
        "small-120w.webp": ("WEBP", (120, 180)), "small-120w.jpg": ("JPEG", (120, 180)),
    }  # fmt: skip


def test_colour_transparency_and_first_frame(html: SphinxTestApp) -> None:
    written = copies(html.outdir)

    def opened(prefix: str) -> Image.Image:
        (name,) = [name for name in written if name.startswith(prefix)]
        image = Image.open(io.BytesIO(written[name]))
        image.load()
        return image

    assert opened("printed-176w").mode == "RGB"  # CMYK converted
    assert opened("printed-500w").mode == "RGB"
    clear = opened("clear-176w").convert("RGBA")
    assert clear.getpixel((0, 0))[3] == 0  # the corner stays transparent
    assert clear.getpixel((88, 132))[3] == 255
    assert opened("clear-400w").mode == "RGBA"
    red, _green, blue = opened("moving-176w").convert("RGB").getpixel((88, 132))
    assert red > 200 and blue < 60  # the first frame, red
    for name, data in written.items():
        info = Image.open(io.BytesIO(data)).info
        assert "exif" not in info and "icc_profile" not in info, name  # no metadata


def test_svg_and_remote_covers_are_shown_as_they_are(html: SphinxTestApp) -> None:
    drawn = page(html, "drawn.html").select_one("img.bookreview-cover")
    assert drawn["src"] == "_images/drawn.svg" and "srcset" not in drawn.attrs
    remote = page(html, "remote.html").select_one("img.bookreview-cover")
    assert remote["src"] == "https://covers.example.org/remote.jpg" and "srcset" not in remote.attrs


def test_no_original_raster_file_is_copied(html: SphinxTestApp) -> None:
    """Pages show the copies: the originals are not written beside them."""
    assert sorted(path.name for path in (html.outdir / "_images").iterdir()) == ["covers", "drawn.svg"]


# -- what the pages say ------------------------------------------------------------


def candidates(img: dict[str, str]) -> list[tuple[str, int]]:
    return [(url, int(width.rstrip("w"))) for url, width in (c.split() for c in img["srcset"].split(", "))]


def every_img(app: SphinxTestApp) -> Iterator[tuple[Path, dict[str, str]]]:
    for path in sorted(app.outdir.rglob("*.html")):
        for img in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("img[srcset]"):
            yield path, img.attrs


def test_each_srcset_candidate_is_there_at_its_stated_width(html: SphinxTestApp) -> None:
    seen = 0
    for path, img in every_img(html):
        widths = []
        for url, width in candidates(img):
            with Image.open(path.parent / url) as image:
                assert image.format == "WEBP" and image.width == width, (path, url)
            widths.append(width)
        css = int(img["sizes"].removesuffix("px"))
        assert widths[0] == min(css, widths[-1]) and len(widths) <= 2
        with Image.open(path.parent / img["src"]) as fallback:
            assert fallback.format in ("JPEG", "PNG")  # for programs that read no srcset
        first = path.parent / candidates(img)[0][0]
        assert (int(img["width"]), int(img["height"])) == Image.open(first).size
        seen += 1
    assert seen == 7 * 3  # seven raster covers: card, listing card, home grid


def test_the_likely_largest_picture_loads_first(html: SphinxTestApp) -> None:
    card = page(html, "photo.html").select_one("img.bookreview-cover")
    assert (card["loading"], card["fetchpriority"]) == ("eager", "high")
    home = page(html, "index.html")
    grid = home.select("img.recent-cover")
    assert [img.get("fetchpriority") for img in grid[:4]] == ["high"] * 4
    assert {img["loading"] for img in grid[4:]} == {"lazy"}
    assert {img["loading"] for img in home.select("img.bookreview-cards-cover")} == {"lazy"}


def test_a_page_without_a_card_loads_its_first_listed_cover_first(tmp_path: Path) -> None:
    """Under another theme, a home page that is a listing of cards: its
    first resized cover is the likely largest picture."""
    write_project(tmp_path / "src", 'html_theme = "alabaster"\n')
    app = build(tmp_path / "src")
    listed = [img for img in page(app, "index.html").select("img.bookreview-cards-cover") if img.get("srcset")]
    assert (listed[0]["loading"], listed[0]["fetchpriority"]) == ("eager", "high")
    assert [(img["loading"], img.get("fetchpriority")) for img in listed[1:]] == [("lazy", None)] * (len(listed) - 1)
    card = page(app, "photo.html").select_one("img.bookreview-cover")
    assert (card["loading"], card["fetchpriority"]) == ("eager", "high")


def test_shared_image_jsonld_and_catalog_name_the_jpeg_copy(html: SphinxTestApp) -> None:
    photo_page = page(html, "turned.html")
    og = {tag["property"]: tag["content"] for tag in photo_page.select("meta[property^='og:image']")}
    url = og["og:image"]
    assert re.fullmatch(rf"{BASEURL}_images/covers/turned-600w-[0-9a-f]{{10}}\.jpg", url)
    assert (og["og:image:width"], og["og:image:height"]) == ("600", "900")
    jsonld = json.loads(photo_page.select_one("script[type='application/ld+json']").string)
    assert jsonld["itemReviewed"]["image"] == url
    catalog = json.loads((html.outdir / "bookreviews.json").read_text(encoding="utf-8"))
    assert {r["id"]: r["cover"] for r in catalog["reviews"]}["turned"] == url.removeprefix(BASEURL)


# -- cheap and correct rebuilds -------------------------------------------------------


def times(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_a_no_op_build_touches_no_copy(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    first = build(tmp_path / "src")
    before = {**times(first.outdir / COVERS_FOLDER), **times(first.doctreedir)}
    second = build(tmp_path / "src")
    assert {**times(second.outdir / COVERS_FOLDER), **times(second.doctreedir)} == before
    assert second.warning.getvalue() == ""


def test_copies_come_from_the_cache(tmp_path: Path) -> None:
    """A build into a new output folder with the same doctrees makes no copy again."""
    write_project(tmp_path / "src")
    first = build(tmp_path / "src")
    cache = first.doctreedir / "bookreview-covers-1"
    made = times(cache)
    shutil.rmtree(first.outdir)
    again = build(tmp_path / "src")
    assert times(cache) == made
    assert copies(again.outdir) == copies(first.outdir)


@pytest.mark.skipif(not parallel_available, reason="Sphinx writes in parallel only where it can fork")
def test_parallel_build_writes_the_bytes_of_a_serial_one(project: Path, tmp_path: Path) -> None:
    serial = build(project, builddir=tmp_path / "serial", parallel=0)
    parallel = build(project, builddir=tmp_path / "parallel", parallel=2)
    assert parallel.is_parallel_allowed("write")
    assert copies(parallel.outdir) == copies(serial.outdir)
    for html_page in serial.outdir.rglob("*.html"):
        assert html_page.read_bytes() == (parallel.outdir / html_page.relative_to(serial.outdir)).read_bytes()
    assert parallel.warning.getvalue() == ""


@pytest.mark.skipif(not parallel_available, reason="Sphinx writes in parallel only where it can fork")
def test_the_grid_copies_are_made_under_parallel_writing(tmp_path: Path) -> None:
    """The home page's context is made in a writing process under ``-j``:
    its copies are asked for in the main process, from the theme's options
    (``recent_reviews`` 5: the five newest reviews, whose raster covers
    wider than 150 px get a 150 px copy, a size only the grid shows)."""
    extra = 'bookreview_cover_sizes = {"grid": 150}\nhtml_theme_options = {"recent_reviews": 5}\n'
    write_project(tmp_path / "src", extra)
    app = build(tmp_path / "src", parallel=2)
    grid = {name.split("-")[0] for name in copies(app.outdir) if "-150w-" in name}
    assert grid == {"modern", "moving"}  # remote, drawn (SVG) and small (120 px) are the others
    assert app.warning.getvalue() == ""


def pages_showing(outdir: Path, stem: str) -> dict[str, str]:
    """Every page's lines that name a copy of ``stem``'s cover or its size."""
    found = {}
    for path in sorted(outdir.rglob("*.html")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if f"covers/{stem}-" in line]
        if lines:
            found[path.relative_to(outdir).as_posix()] = "\n".join(lines)
    return found


def test_a_cover_of_other_proportions_updates_every_page_that_shows_it(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_project(srcdir)
    build(srcdir)
    (srcdir / "covers" / "photo.jpg").write_bytes(jpeg((1000, 1000), 9))  # square now
    incremental = build(srcdir)
    fresh = build(srcdir, builddir=tmp_path / "fresh")
    shown = pages_showing(incremental.outdir, "photo")
    assert sorted(shown) == ["index.html", "photo.html"]  # the card; the listing and the grid
    assert shown == pages_showing(fresh.outdir, "photo")
    card = page(incremental, "photo.html").select_one("img.bookreview-cover")
    assert (card["width"], card["height"]) == ("176", "176")
    home = page(incremental, "index.html")
    for img in home.select("img.recent-cover[src*='photo-'], img.bookreview-cards-cover[src*='photo-']"):
        assert (img["width"], img["height"]) == ("160", "160")
    og = page(incremental, "photo.html").select_one("meta[property='og:image:height']")
    assert og["content"] == "1000"
    catalogue = (incremental.outdir / "bookreviews.json").read_bytes()
    assert catalogue == (fresh.outdir / "bookreviews.json").read_bytes()
    assert incremental.warning.getvalue() == ""


def test_a_removed_cover_leaves_no_copy_in_a_clean_build(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_project(srcdir)
    build(srcdir)
    text = (srcdir / "photo.rst").read_text(encoding="utf-8")
    (srcdir / "photo.rst").write_text(text.replace("   :cover: covers/photo.jpg\n", ""), encoding="utf-8")
    (srcdir / "covers" / "photo.jpg").unlink()
    incremental = build(srcdir)
    assert pages_showing(incremental.outdir, "photo") == {}
    clean = build(srcdir, builddir=tmp_path / "clean")
    assert not [name for name in copies(clean.outdir) if name.startswith("photo-")]
    assert "photo" not in (clean.outdir / "bookreviews.json").read_text(encoding="utf-8").split('"cover"')[0]


# -- settings and builders -----------------------------------------------------------


def test_none_shows_the_original_files(tmp_path: Path) -> None:
    write_project(tmp_path / "src", "bookreview_cover_sizes = None\n")
    app = build(tmp_path / "src")
    assert not (app.outdir / COVERS_FOLDER).exists()
    card = page(app, "photo.html").select_one("img.bookreview-cover")
    assert card["src"] == "_images/photo.jpg" and "srcset" not in card.attrs
    assert (card["width"], card["height"]) == ("1000", "1500")
    assert app.warning.getvalue() == ""


def test_other_sizes(tmp_path: Path) -> None:
    write_project(tmp_path / "src", 'bookreview_cover_sizes = {"card": 200}\n')
    app = build(tmp_path / "src")
    card = page(app, "photo.html").select_one("img.bookreview-cover")
    assert [width for _url, width in candidates(card)] == [200, 400] and card["sizes"] == "200px"
    grid = page(app, "index.html").select_one("img.recent-cover[src*='photo-']")
    assert [width for _url, width in candidates(grid)] == [160, 320]  # left out: the default


def test_an_empty_setting_keeps_every_default(tmp_path: Path) -> None:
    """``{}`` leaves every place out, so each keeps its default: it turned
    the copies off, as only ``None`` should."""
    write_project(tmp_path / "src", "bookreview_cover_sizes = {}\n")
    card = page(build(tmp_path / "src"), "photo.html").select_one("img.bookreview-cover")
    assert [width for _url, width in candidates(card)] == [176, 352] and card["sizes"] == "176px"


def test_a_bad_setting_is_a_warning_and_the_default(tmp_path: Path) -> None:
    write_project(tmp_path / "src", 'bookreview_cover_sizes = {"card": "11rem"}\n')
    app = build(tmp_path / "src")
    conf = tmp_path / "src" / "conf.py"
    line = conf.read_text(encoding="utf-8").splitlines().index('bookreview_cover_sizes = {"card": "11rem"}') + 1
    (setting,) = [s for s in SETTINGS if s.name == "bookreview_cover_sizes"]
    assert (
        strip_colors(app.warning.getvalue())
        .strip()
        .endswith(
            f"{conf}:{line}: WARNING: invalid bookreview_cover_sizes = {{'card': '11rem'}}: "
            f"expected {setting.expected}; using the default "
            "{'card': 176, 'listing': 160, 'grid': 160} [bookreview.config]"
        )
    )


def test_an_unreadable_cover_is_a_warning_and_shown_as_it_is(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    (tmp_path / "src" / "covers" / "photo.jpg").write_bytes(b"not a picture")
    app = build(tmp_path / "src")
    card = page(app, "photo.html").select_one("img.bookreview-cover")
    assert card["src"] == "_images/photo.jpg" and "srcset" not in card.attrs
    source = tmp_path / "src" / "photo.rst"
    assert strip_colors(app.warning.getvalue()).splitlines() == [
        f"{source}:4: WARNING: cover image 'covers/photo.jpg' cannot be resized: cannot identify image file "
        f"{str(tmp_path / 'src' / 'covers' / 'photo.jpg')!r}; the file is shown as it is [bookreview.url]"
    ]


BUILDERS = ["dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml", "gettext", "json", "pickle"]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_builder_takes_the_covers_without_a_warning(project: Path, tmp_path: Path, buildername: str) -> None:
    app = build(project, buildername, builddir=tmp_path, warningiserror=True)
    assert app.warning.getvalue() == ""
    if buildername in ("dirhtml", "singlehtml"):
        pages = list(app.outdir.rglob("*.html"))
        shown = [(page, img) for page in pages for img in BeautifulSoup(page.read_bytes(), "html.parser").select("img")]
        local = [(page, img["src"]) for page, img in shown if not img["src"].startswith("https:")]
        assert len(local) >= 7 and all((page.parent / src).is_file() for page, src in local)
    if buildername in ("json", "pickle"):
        assert len(copies(app.outdir)) == len(copies(build(project, builddir=tmp_path / "html").outdir))
    if buildername == "epub":
        written = {path.name: Image.open(path) for path in (app.outdir / COVERS_FOLDER).iterdir()}
        assert {image.format for image in written.values()} <= {"JPEG", "PNG"}  # no WebP in e-books
        assert max(image.width for image in written.values()) == 600
        assert any(name.startswith("photo-600w-") for name in written)
    if buildername == "latex":
        tex = (app.outdir / "shelf.tex").read_text(encoding="utf-8")
        assert "{{photo}.jpg}" in tex and "covers/" not in tex  # the original


def test_the_cache_stays_out_of_an_epub_whose_doctrees_are_in_its_output(project: Path, tmp_path: Path) -> None:
    """``sphinx-build -b epub src out`` keeps the doctrees, and the cache
    beside them, in ``out/.doctrees``; the builder packs every file of
    ``out`` that has a known media type: the cached JPEG and PNG copies
    went into the e-book beside the copies it shows."""
    out = tmp_path / "out"
    for _ in range(2):  # the second build finds the cache there already
        command = [sys.executable, "-m", "sphinx", "-b", "epub", "-q", str(project), str(out)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, result.stderr
        assert (out / ".doctrees" / CACHE).is_dir()
        assert "bookreview-covers" not in result.stderr
        packed = zipfile.ZipFile(out / "Shelf.epub").namelist()
        assert [name for name in packed if ".doctrees" in name] == []
        assert any(name.startswith(f"{COVERS_FOLDER.as_posix()}/photo-600w-") for name in packed), packed
