"""Screenshots of the same review under every theme, for ``docs/themes.rst``.

Builds the sample project in ``tools/gallery/`` once per theme into a
temporary folder, serves the builds over HTTP on the loopback interface,
photographs the top of the review page in Debian's Chromium at 1280 px
(light, and dark for the themes that have a dark mode), and writes each
picture as a small palette PNG to ``docs/_static/themes/<theme>-<mode>.png``.

Run from anywhere, with the working tree's extension::

    python tools/theme_gallery.py

Needs Pillow, Playwright for Python and ``/usr/bin/chromium``, plus the
themes (the ``test`` extra installs them).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

# tools/serve.py: this script's folder is first on sys.path when it runs.
from serve import serve

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, FloatRect

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tools" / "gallery"
OUTPUT = ROOT / "docs" / "_static" / "themes"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTH = 1280

#: Each theme, and whether it has a dark mode that follows the system's
#: preference (which the browser emulates).
THEMES = {
    "alabaster": False,
    "furo": True,
    "pydata_sphinx_theme": True,
    "sphinx_rtd_theme": False,
    "sphinx_book_theme": True,
    "bookreview": True,
}

#: The page's y where the lower of the card and the quick review ends.
BOTTOM = """Math.max(...Array.from(
    document.querySelectorAll("article.bookreview > .bookreview-card, article.bookreview > .bookreview-quick"),
    (element) => element.getBoundingClientRect().bottom + window.scrollY,
))"""
#: Space kept below the review's parts, and beside the page's content when
#: the empty sides are cut off, so the picture does not end on an edge.
MARGIN = 24
BUDGET = 60 * 1024


def build(theme: str, outdir: Path) -> None:
    """One HTML build of the sample project; a warning fails it."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-D", f"html_theme={theme}"]
    if theme == "bookreview":
        # The theme's entry point exists only once the package is installed;
        # listed after the extension, it registers itself from the working tree too.
        command += ["-D", "extensions=sphinx_bookreview,sphinx_bookreview.theme"]
    subprocess.run([*command, str(SOURCE), str(outdir)], check=True, env=env)


def screenshot(browser: Browser, url: str, mode: str) -> Image.Image:
    """The page from its top to just below the card and the quick review,
    so both, and the card's stars, are in the picture."""
    page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
    try:
        page.emulate_media(color_scheme="dark" if mode == "dark" else "light")
        page.goto(url, wait_until="networkidle")
        page.wait_for_function("document.querySelector('img.bookreview-cover').complete")
        page.evaluate("document.fonts.ready")
        # Themes place the card above the quick review or beside it.
        bottom = page.evaluate(BOTTOM)
        clip: FloatRect = {"x": 0, "y": 0, "width": WIDTH, "height": bottom + MARGIN}
        png = page.screenshot(clip=clip, full_page=True, animations="disabled", caret="hide")
    finally:
        page.close()
    return Image.open(io.BytesIO(png))


def trim_sides(image: Image.Image) -> Image.Image:
    """Cut the empty sides of the page (a centred column's margins, an empty
    table of contents), so the docs can show the rest larger. A side is
    empty from its edge up to the first pixel that differs from its bottom
    corner, whatever the height."""
    rgb = image.convert("RGB")
    width, height = rgb.size

    def content(corner: tuple[int, int]) -> tuple[int, int, int, int]:
        background = Image.new("RGB", rgb.size, rgb.getpixel(corner))
        return ImageChops.difference(rgb, background).getbbox() or (0, 0, width, height)

    left = max(content((0, height - 1))[0] - MARGIN, 0)
    right = min(content((width - 1, height - 1))[2] + MARGIN, width)
    return rgb.crop((left, 0, right, height))


def optimise(image: Image.Image) -> bytes:
    """A palette PNG: screenshots are flat colour and text, which a palette
    without dithering keeps sharp in a fraction of the bytes. Maximum
    coverage keeps the few pixels of strong colour (the cover's red, the
    stars) that median cut would fold into their neighbours."""
    palette = image.convert("RGB").quantize(256, method=Image.Quantize.MAXCOVERAGE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def shots() -> Iterator[tuple[str, str]]:
    """Each theme and mode to photograph, in the docs' order."""
    for theme, dark in THEMES.items():
        yield theme, "light"
        if dark:
            yield theme, "dark"


def main() -> int:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    sizes: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="theme-gallery-") as temp:
        builds = Path(temp)
        for theme in THEMES:
            print(f"building {theme}", file=sys.stderr)
            build(theme, builds / theme)
        with serve(builds) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for theme, mode in shots():
                    path = OUTPUT / f"{theme}-{mode}.png"
                    path.write_bytes(optimise(trim_sides(screenshot(browser, f"{url}{theme}/index.html", mode))))
                    sizes.append((path.relative_to(ROOT).as_posix(), path.stat().st_size))
            finally:
                browser.close()
    width = max(len(name) for name, _ in sizes)
    for name, size in sizes:
        flag = "" if size <= BUDGET else "  over budget"
        print(f"{name:<{width}}  {size / 1024:6.1f} KB{flag}")
    return 0 if all(size <= BUDGET for _, size in sizes) else 1


if __name__ == "__main__":
    sys.exit(main())
