"""Resized copies of raster covers, made with Pillow: what a source is,
which copies it gets, and making them once into a cache.

No Sphinx here: :mod:`sphinx_bookreview.covers` decides which copies a
page shows and when they are made. A copy is named by its source's
content digest and its width, so a changed cover gets new names (browsers
and the cache never see stale bytes under an old name) and an unchanged
one is never made twice: the cache folder (beside Sphinx's environment)
holds each copy ever made, keyed by digest, width and format.

Every copy is made the same way on every machine and in every process:
the encoders get fixed options and no metadata (no EXIF, no ICC profile,
no timestamps), so a ``-j`` build writes the bytes a serial one writes.
The picture is turned upright first (EXIF orientation), converted to sRGB
(ICC profiles, CMYK), and keeps its transparency in PNG and WebP; a GIF
gives its first frame.

A file is looked at (:func:`inspect`) before any page names its copies,
and most are made after the pages are written: so the look decodes the
picture, cheaply, or makes the copies every review's card shows at once
(the decoding they need anyway), and a file Pillow cannot decode (cut
short, corrupt behind a valid header) is found while its pages can still
show it as it is.

Pillow is imported where a picture is opened, not with this module: a
build that opens none (a no-op rebuild) does not pay for loading it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from PIL import Image, ImageCms

#: Bumped when a copy's bytes would change (encoder, options, filter): the
#: cache folder is named by it, so older copies are not reused.
PIPELINE = 1
#: Raster formats resized; anything else (SVG) is shown as it is.
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
#: WebP method 1: within 15 % of method 4's size at a third of its time.
WEBP_OPTIONS = {"method": 1, "exact": False}
#: The 1x copy at quality 75; the 2x one, seen at twice the density where
#: its artefacts are half as large, at 60: a fifth smaller (twelve covers
#: of the home page's grid 138 KB instead of 191 KB on a phone).
WEBP_QUALITY, WEBP_DENSE_QUALITY = 75, 60
JPEG_OPTIONS = {"quality": 85, "optimize": True, "progressive": False}
PNG_OPTIONS = {"optimize": False, "compress_level": 6}
#: Resized with Pillow's Hamming filter (:func:`make`): sharper than
#: bilinear for shrinking, and 40 % cheaper than bicubic here (the resizing
#: was a third of a copy's cost). With a ``reducing_gap`` of 1 a whole
#: factor (the 1x copy from the 2x one, a 2000 px PNG's halving) is a 2x2
#: box average first, as mipmaps are made.
REDUCING_GAP = 1.0
#: Widest copy shared with link previews (Open Graph recommends 1200).
SHARE_WIDTH = 1200
#: EXIF orientations that swap width and height.
TRANSPOSED = (5, 6, 7, 8)
#: The largest width and height each encoder takes (Pillow refuses more).
LIMITS = {"WEBP": 16383, "JPEG": 65500, "PNG": 2**31 - 1}


class UnreadableImage(Exception):
    """Pillow cannot read the file as a picture, or make a copy of it."""

    @classmethod
    def said(cls, error: Exception) -> UnreadableImage:
        """Pillow's words, without the full stop that ends some of them
        (a warning goes on after them)."""
        return cls(str(error).rstrip("."))


@dataclass(frozen=True)
class Source:
    """A raster cover as its copies need it: ``size`` upright, ``plain``
    when the file itself serves as a JPEG or PNG copy (no rotation, no
    colour conversion, not too wide)."""

    digest: str
    size: tuple[int, int]
    format: str
    alpha: bool
    plain: bool

    def height_at(self, width: int) -> int:
        return max(1, round(self.size[1] * width / self.size[0]))

    def widest(self, fmt: str) -> int:
        """The widest copy in ``fmt`` whose height its encoder takes."""
        return max(1, self.size[0] * LIMITS[fmt] // self.size[1])


@dataclass(frozen=True, order=True)
class Copy:
    """One copy: its width and height, format (``JPEG``, ``PNG``, ``WEBP``)
    and, for WebP, quality."""

    width: int
    height: int
    format: str
    quality: int = WEBP_QUALITY

    def name(self, stem: str, digest: str) -> str:
        """The file name: the source's name, the width (and quality, if
        not the usual) and the content digest."""
        suffix = ".webp" if self.format == "WEBP" else FORMATS[self.format]
        quality = f"-q{self.quality}" if self.quality != WEBP_QUALITY else ""
        return f"{stem}-{self.width}w{quality}-{digest[:10]}{suffix}"

    def cache_name(self, digest: str) -> str:
        return f"{digest}-{self.width}-{self.quality}.{self.format.lower()}"


def file_digest(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def inspect(path: Path, digest: str, *, decode: bool = True) -> Source:
    """What the file at ``path`` is, read from its header; then (``decode``)
    its first frame is decoded at the smallest scale Pillow offers (a JPEG
    at an eighth of its size) and turned upright, as its copies will be. A
    file whose data is broken behind a valid header (cut short, corrupt)
    is found here, while the pages that would name its copies are still
    to be written: the copies are made after them (:func:`make`), but for
    those made at once, whose making decodes it anyway."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            source = describe(image, digest)
            if decode:
                upright(image, (1, 1))
    except pillow_errors() as error:
        raise UnreadableImage.said(error) from error
    return source


def describe(image: Image.Image, digest: str) -> Source:
    """The source of an opened picture, from its header (no decoding)."""
    if image.format not in FORMATS:
        raise UnreadableImage(f"{image.format} is not resized")
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size[::-1] if orientation in TRANSPOSED else image.size
    if height > LIMITS["WEBP"] * width:
        raise UnreadableImage(f"{width}x{height} pixels: WebP takes no copy taller than {LIMITS['WEBP']}")
    alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    plain = (
        image.format in ("JPEG", "PNG") and orientation == 1 and image.mode in ("RGB", "RGBA", "L", "LA", "P")
        and is_srgb(image.info.get("icc_profile")) and width <= SHARE_WIDTH
    )  # fmt: skip
    return Source(digest, (width, height), image.format, alpha, plain)


def pillow_errors() -> tuple[type[Exception], ...]:
    """What Pillow raises for a file it cannot open, decode or encode as a
    picture: its data cut short or corrupt (``OSError``, ``SyntaxError``,
    ``EOFError``, ``ValueError``), too many pixels, a copy larger than its
    format allows (``ValueError``, ``OSError``)."""
    from PIL import Image

    return (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError)


def is_srgb(icc: bytes | None) -> bool:
    """Whether an embedded colour profile is sRGB (or there is none)."""
    if not icc:
        return True
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return "srgb" in ImageCms.getProfileDescription(profile).lower().replace(" ", "")
    except (OSError, ImageCms.PyCMSError):
        return False


# -- which copies ----------------------------------------------------------------


def responsive(source: Source, css_width: int) -> list[Copy]:
    """WebP at 1x and 2x of ``css_width``, never wider than the source
    (its own width then stands in for the larger), nor taller than WebP
    allows (a strip fifty times as tall as wide, at 352 px)."""
    widest = min(source.size[0], source.widest("WEBP"))
    widths = sorted({min(css_width, widest), min(2 * css_width, widest)})
    qualities = [WEBP_QUALITY, WEBP_DENSE_QUALITY][: len(widths)]
    return [Copy(w, source.height_at(w), "WEBP", quality) for w, quality in zip(widths, qualities, strict=True)]


def fallback_format(source: Source) -> str:
    """JPEG or PNG, whichever a reader without WebP takes for this picture."""
    return "PNG" if source.alpha or source.format in ("PNG", "GIF") else "JPEG"


def single(source: Source, widest: int) -> Copy:
    """One JPEG or PNG copy at most ``widest`` pixels wide: what link
    previews, search engines and e-book readers get."""
    fmt = fallback_format(source)
    width = min(widest, source.size[0], source.widest(fmt))
    return Copy(width, source.height_at(width), fmt)


def is_original(source: Source, copy: Copy) -> bool:
    """Whether the file itself is that copy: same format and size, and plain."""
    return source.plain and copy.format == source.format and copy.width == source.size[0]


# -- making them -----------------------------------------------------------------


def make(path: Path, source: Source, copies: Iterable[Copy], cache: Path) -> None:
    """Write each copy missing from the ``cache`` folder, all or none:
    :class:`UnreadableImage` if Pillow cannot make one of them."""
    wanted = sorted((c for c in copies if not (cache / c.cache_name(source.digest)).is_file()), reverse=True)
    if not wanted:
        return
    try:
        made = encoded(path, wanted)
    except pillow_errors() as error:
        raise UnreadableImage.said(error) from error
    cache.mkdir(parents=True, exist_ok=True)
    for copy, data in made:
        write_atomic(cache / copy.cache_name(source.digest), data)


def encoded(path: Path, copies: list[Copy]) -> list[tuple[Copy, bytes]]:
    """The bytes of each copy, largest first: one decoding of the file
    (JPEGs at the smallest scale that still covers the largest copy),
    each copy resized from the next larger one."""
    from PIL import Image

    with Image.open(path) as image:
        picture = upright(image, (copies[0].width, copies[0].height))
    made = []
    for copy in copies:
        if picture.size != (copy.width, copy.height):
            size = (copy.width, copy.height)
            picture = picture.resize(size, Image.Resampling.HAMMING, reducing_gap=REDUCING_GAP)
        made.append((copy, encode(picture, copy)))
    return made


def upright(image: Image.Image, largest: tuple[int, int]) -> Image.Image:
    """The first frame, decoded no larger than needed, turned upright, in
    sRGB, as RGB or RGBA."""
    from PIL import ImageOps

    orientation = image.getexif().get(0x0112, 1)
    if image.format == "JPEG":
        image.draft(None, largest[::-1] if orientation in TRANSPOSED else largest)
    icc = image.info.get("icc_profile")
    if orientation != 1:
        image = ImageOps.exif_transpose(image) or image
    alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if image.mode not in ("RGB", "RGBA", "L", "CMYK") or (image.mode == "L" and alpha):
        image = image.convert("RGBA" if alpha else "RGB")
    if icc and not is_srgb(icc):
        image = to_srgb(image, icc)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    image.load()
    image.info.clear()  # encoders fall back to it for ICC profiles and EXIF
    return image


def to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """``image`` converted from its embedded profile to sRGB."""
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, profile, srgb(), outputMode=mode)
    except (OSError, ImageCms.PyCMSError):
        return image.convert("RGBA" if image.mode == "RGBA" else "RGB")
    return converted or image


@functools.cache
def srgb() -> ImageCms.ImageCmsProfile:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def encode(picture: Image.Image, copy: Copy) -> bytes:
    out = io.BytesIO()
    fmt = copy.format
    if fmt == "WEBP":
        picture.save(out, "WEBP", quality=copy.quality, **WEBP_OPTIONS)
    elif fmt == "JPEG":
        picture.convert("RGB").save(out, "JPEG", **JPEG_OPTIONS)
    else:
        picture.save(out, "PNG", **PNG_OPTIONS)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file named for this process, so a reader
    (another process making the same copy) never sees half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def publish(origin: Path, target: Path) -> bool:
    """Copy ``origin`` to ``target`` unless it is there already (names hold
    the content's digest: same name and size, same bytes). ``True`` if written."""
    try:
        if target.stat().st_size == origin.stat().st_size:
            return False
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part")
    shutil.copyfile(origin, temporary)
    temporary.replace(target)
    return True
