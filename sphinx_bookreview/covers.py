"""Covers are left to builders that can show them.

A remote cover: Sphinx's ``ImageDownloader`` would fetch it for builders
without remote images (epub, latex, texinfo) during the build, and a build
fetches nothing from the network unless a setting asks for it. A local
cover of a type the builder cannot show (an SVG in LaTeX or Texinfo, unless
``sphinx.ext.imgconverter`` turned it into a PNG first): Sphinx passes an
image with an explicit extension through unchecked, and the PDF would not
compile. Either way the card shows its facts without the picture.

Where a shown cover is seen from (:func:`cover_src`) and its size
(:func:`cover_size`) are worked out here for the card, the JSON-LD, the
catalog and the theme alike.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.images import get_image_size, guess_mimetype

from sphinx_bookreview.model import is_url
from sphinx_bookreview.nodes import bookreview_cover

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


class DropUnshowableCovers(SphinxPostTransform):
    # After ImageConverter (priority 10) has converted what it can, before
    # ImageDownloader (priority 100) would fetch remote images.
    default_priority = 90

    def run(self, **kwargs: Any) -> None:
        builder = self.builder_class()
        for cover in list(self.document.findall(bookreview_cover)):
            if not shows(builder, cover["uri"]):
                cover.parent.remove(cover)

    def builder_class(self) -> type[Builder]:
        # Sphinx 9 deprecates ``self.app`` in transforms for this attribute.
        return getattr(self.env, "_builder_cls", None) or type(self.app.builder)


def shows(builder: type[Builder], uri: str) -> bool:
    if is_url(uri):
        return builder.supported_remote_images
    # Builders without image types (text, man) show the alt text instead.
    return not builder.supported_image_types or guess_mimetype(uri) in builder.supported_image_types


def cover_src(builder: Builder, cover: str, *, imgpath: str | None = None, absolute: bool = False) -> str:
    """The URL of a cover: a remote one as given; a local one (``/path``
    from the source directory) is the copy the builder writes, under the
    name Sphinx gives it in ``env.images`` (``""`` if the build has none).

    The copy's URL is relative to the output root, or to the page being
    written when ``imgpath`` gives the image directory as seen from it;
    with ``absolute``, under ``html_baseurl`` where that is set, as a
    search engine reads it.
    """
    if not cover or is_url(cover):
        return cover
    copied = builder.env.images.get(cover.lstrip("/"))
    if copied is None:
        return ""
    name = urllib.parse.quote(copied[1])
    base = builder.config.html_baseurl if absolute else ""
    if base:
        return urllib.parse.urljoin(str(base).rstrip("/") + "/", f"{builder.imagedir}/{name}")
    return posixpath.join(builder.imagedir if imgpath is None else imgpath, name)


def cover_size(srcdir: str | Path, cover: str) -> tuple[int, int] | None:
    """A local cover's size in pixels, where its file says it."""
    if not cover or is_url(cover):
        return None
    return get_image_size(Path(srcdir, cover.lstrip("/")))


def setup_covers(app: Sphinx) -> None:
    app.add_post_transform(DropUnshowableCovers)
