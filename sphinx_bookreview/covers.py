"""Covers are left to builders that can show them.

A remote cover: Sphinx's ``ImageDownloader`` would fetch it for builders
without remote images (epub, latex, texinfo) during the build, and a build
fetches nothing from the network unless a setting asks for it. A local
cover of a type the builder cannot show (an SVG in LaTeX or Texinfo, unless
``sphinx.ext.imgconverter`` turned it into a PNG first): Sphinx passes an
image with an explicit extension through unchecked, and the PDF would not
compile. Either way the card shows its facts without the picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.images import guess_mimetype

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


def setup_covers(app: Sphinx) -> None:
    app.add_post_transform(DropUnshowableCovers)
