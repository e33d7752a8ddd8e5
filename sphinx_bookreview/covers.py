"""Remote covers are left to builders that can show remote images.

Sphinx's ``ImageDownloader`` would fetch them for the others (epub,
latex, texinfo) during the build; a build fetches nothing from the network
unless a setting asks for it, so those builders show no remote cover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_bookreview.nodes import bookreview_cover

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


class DropRemoteCovers(SphinxPostTransform):
    # Before ImageDownloader (priority 100) looks at the images.
    default_priority = 90

    def run(self, **kwargs: Any) -> None:
        if self.builder_class().supported_remote_images:
            return
        for cover in list(self.document.findall(bookreview_cover)):
            if "://" in cover["uri"]:
                cover.parent.remove(cover)


    def builder_class(self) -> type[Builder]:
        # Sphinx 9 deprecates ``self.app`` in transforms for this attribute.
        return getattr(self.env, "_builder_cls", None) or type(self.app.builder)


def setup_covers(app: Sphinx) -> None:
    app.add_post_transform(DropRemoteCovers)
