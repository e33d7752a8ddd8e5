"""Every doctree node of the extension, and what each carries.

A node carries what its visitors need, as plain values: a visitor (see
:mod:`sphinx_bookreview.render`) reads its node's attributes and never
looks a record up again, so a review in an included file, or one that
singlehtml, LaTeX or Texinfo moved into another document's doctree, is
rendered whole.

Each node subclasses a standard docutils node, so every translator without
a visitor of its own falls back to the parent's (Sphinx dispatches along the
class's MRO): a container, an image or an inline is something every builder
already renders in its own idiom. This module imports nothing of ours.
"""

from __future__ import annotations

from docutils import nodes


class bookreview(nodes.container):  # noqa: N801 - docutils names nodes in lowercase
    """One review: the card, the quick review and the body.

    ``review-id`` is the review's id; ``jsonld`` (when
    ``bookreview_jsonld`` is on) its schema.org data without the image, as
    JSON text; ``cover`` its cover as the record has it (a URL, or ``/path``
    from the source directory), for the data's ``image``.
    """


class bookreview_card(nodes.container):  # noqa: N801
    """The metadata card: cover, title, facts, rating, disclosure."""


class bookreview_quick(nodes.container):  # noqa: N801
    """The quick review: a rubric and a definition list of answers."""


class bookreview_cover(nodes.image):  # noqa: N801
    """A cover in the source directory: Sphinx collects and copies it like
    any image. ``intrinsic-width`` and ``intrinsic-height`` hold its size in
    pixels where the file says it (not ``width``: to Sphinx that is a
    display size, which would also wrap the image in a link)."""


class bookreview_cover_url(nodes.General, nodes.Element):  # noqa: N801
    """A cover shown by its URL alone, never fetched or copied: a remote
    cover (``uri``), or in a listing the copy of a review's local cover
    that the review's own page brings (``image``, its file name in the
    builder's image folder), or a local cover's resized copies (``image``
    the JPEG or PNG one, ``srcset`` the WebP ones and their widths,
    ``sizes``; ``loading`` and ``fetchpriority`` for the page's first
    cover; see :mod:`sphinx_bookreview.covers`). Not a docutils image,
    so no Sphinx image machinery downloads or copies it; builders that
    cannot show it drop it
    (:func:`sphinx_bookreview.covers.drop_unshowable_covers`)."""


class bookreview_rating(nodes.inline):  # noqa: N801
    """A rating ``value`` out of ``scale``, drawn as ``stars`` (``value``
    to the nearest step); its child is the text form, which builders
    without a visitor of their own show."""


class bookreview_isolate(nodes.inline):  # noqa: N801
    """Text of the book or its reader (a title, a name, a tag, a verdict)
    in whichever direction its script runs: HTML isolates it (``<bdi>``),
    so that an Arabic title keeps its place in a line of Latin text,
    numbers and stars; every other builder shows the inline it is."""


class bookreview_collection(nodes.container):  # noqa: N801
    """A placeholder for something drawn from the whole collection,
    filled once every document is read."""


class bookreview_list(bookreview_collection):  # noqa: N801
    """Where a listing goes; ``query`` holds its checked options, ``refdoc``
    the document it is written in."""


class bookreview_stats(bookreview_collection):  # noqa: N801
    """Where the statistics charts go."""


class bookreview_chart(nodes.container):  # noqa: N801
    """One chart: a captioned table of its numbers; ``title``, ``labels``,
    ``values`` and ``gaps`` (which rows are breaks) for the HTML bar chart."""


class bookreview_spoiler(nodes.inline):  # noqa: N801
    """An inline spoiler (the ``:spoiler:`` role): hidden in HTML until
    the reader reveals it with the control whose id is ``toggle-id``
    (unique in the project, as singlehtml puts every page on one), and
    marked as a spoiler by every other builder."""


class bookreview_spoiler_block(nodes.admonition):  # noqa: N801
    """A block of spoilers (the ``bookreview-spoiler`` directive): an
    admonition whose title says "Spoiler", which every builder but HTML
    shows as such (boxed in LaTeX); HTML hides it in a ``<details>``."""
