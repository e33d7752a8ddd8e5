"""Covers: where a cover's picture is found, its size, its URL, and which
builders show it.

A local cover is a :class:`~sphinx_bookreview.nodes.bookreview_cover`, an
image Sphinx collects and copies like any other. A remote cover is a
:class:`~sphinx_bookreview.nodes.bookreview_cover_url`, not an image to
Sphinx: its ``ImageDownloader`` would fetch it for builders without remote
images (epub, latex, texinfo) during the build, and a build fetches nothing
from the network unless a setting asks for it. A cover the builder cannot
show (a remote one without remote images; an SVG in LaTeX or Texinfo,
unless ``sphinx.ext.imgconverter`` turned it into a PNG first, as Sphinx
passes an image with an explicit extension through unchecked and the PDF
would not compile) leaves the doctree: the card shows its facts without
the picture.

Where a shown cover is seen from (:func:`cover_src`, :func:`image_url`) and
its size (:func:`cover_size`) are worked out here for the card, the
listings, the JSON-LD, the catalog and the theme alike.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.images import get_image_size, guess_mimetype

from sphinx_bookreview.model import is_url
from sphinx_bookreview.nodes import bookreview_cover, bookreview_cover_url

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: After the listings (default priority 500) have added their covers.
DROP_PRIORITY = 600


def copied_name(env: BuildEnvironment, cover: str) -> str | None:
    """The file name of a local cover's copy in the output's image folder
    (``None`` if Sphinx collected no such image).

    ``env.images`` is Sphinx's record of the images it collected from the
    doctrees (path from the source directory → documents and the unique
    file name every builder copies it under). Sphinx has no public way to
    ask for that name, and a listing or the theme shows a review's cover on
    pages whose doctrees do not hold it; ``tests/test_covers.py`` pins the
    record's shape on Sphinx 7.4 and the newest.
    """
    collected = env.images.get(cover.lstrip("/"))
    return collected[1] if collected else None


def image_url(builder: Builder, name: str, *, imgpath: str | None = None, absolute: bool = False) -> str:
    """The URL of the copied image ``name``: relative to the output root,
    or to the page being written when ``imgpath`` gives the image folder
    as seen from it; with ``absolute``, under ``html_baseurl`` where that
    is set, as a search engine reads it."""
    quoted = urllib.parse.quote(name)
    base = builder.config.html_baseurl if absolute else ""
    if base:
        return urllib.parse.urljoin(str(base).rstrip("/") + "/", f"{builder.imagedir}/{quoted}")
    return posixpath.join(builder.imagedir if imgpath is None else imgpath, quoted)


def cover_src(builder: Builder, cover: str, *, imgpath: str | None = None, absolute: bool = False) -> str:
    """The URL of a cover: a remote one as given; a local one (``/path``
    from the source directory) is the copy the builder writes (``""`` if
    the build has none). ``imgpath`` and ``absolute`` as for :func:`image_url`."""
    if not cover or is_url(cover):
        return cover
    name = copied_name(builder.env, cover)
    return image_url(builder, name, imgpath=imgpath, absolute=absolute) if name else ""


def cover_size(srcdir: str | Path, cover: str) -> tuple[int, int] | None:
    """A local cover's size in pixels, where its file says it."""
    if not cover or is_url(cover):
        return None
    return get_image_size(Path(srcdir, cover.lstrip("/")))


def shows(builder: Builder, cover: nodes.Element) -> bool:
    """Whether ``builder`` can show the cover node."""
    if isinstance(cover, bookreview_cover_url) and builder.format != "html":
        return False  # only the HTML visitor draws it
    if "uri" in cover and is_url(cover["uri"]):
        return builder.supported_remote_images
    # Builders without image types (text, man) show the alt text instead.
    path = cover.get("image") or cover["uri"]
    return not builder.supported_image_types or guess_mimetype(path) in builder.supported_image_types


def drop_unshowable_covers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Remove the covers this builder cannot show.

    At ``doctree-resolved``, where the builder is known (a transform has no
    public way to learn it): after Sphinx's image converters, before the
    builder picks the images to copy.
    """
    # One search per class: docutils searches by class fastest.
    covers: list[nodes.Element] = [*doctree.findall(bookreview_cover), *doctree.findall(bookreview_cover_url)]
    for cover in covers:
        if not shows(app.builder, cover):
            cover.parent.remove(cover)


def setup_covers(app: Sphinx) -> None:
    app.connect("doctree-resolved", drop_unshowable_covers, priority=DROP_PRIORITY)
