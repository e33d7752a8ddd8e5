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

Resized copies (``bookreview_cover_sizes``, made by :mod:`.images`): HTML
pages show a local raster cover as ``<img srcset>`` of WebP copies at 1x
and 2x of the place's CSS width (card, listing cards, the theme's home
grid), with a JPEG or PNG copy no wider than 1200 px as ``src`` for
programs that read no ``srcset``; that copy is also the image shared with
link previews, search engines (JSON-LD) and the catalog. EPUB gets one
JPEG or PNG copy; other builders the original. A page asks for the copies
it shows while its doctree is resolved (in the main process, also under
``-j``), and they are made at the end of the build, once per source, in
``-j`` processes (see :class:`CoverCopies`). Each cover new or changed
since the last build is looked at before any page is written, its
picture decoded at a small scale (in ``-j`` processes too): a file
Pillow cannot decode is shown as it is by every page, after one warning,
and no page names a copy that cannot be made.
"""

from __future__ import annotations

import functools
import json
import os
import posixpath
import re
import urllib.parse
import weakref
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.images import get_image_size, guess_mimetype
from sphinx.util.parallel import ParallelTasks, make_chunks, parallel_available

from sphinx_bookreview import images
from sphinx_bookreview.config import DEFAULT_COVER_SIZES
from sphinx_bookreview.domain import BookDomain, review_location
from sphinx_bookreview.model import is_url
from sphinx_bookreview.nodes import bookreview, bookreview_cover, bookreview_cover_url

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    #: The copies of a source that one place shows.
    CopiesOf = Callable[[images.Source], list[images.Copy]]

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

#: After the listings (default priority 500) have added their covers.
DROP_PRIORITY = 600
#: The card's covers become their copies after the listings are filled and
#: before the unshowable ones are dropped.
COPIES_PRIORITY = 550
#: The covers are looked at after :func:`pages_showing_changed_covers` (at
#: the default priority) compared their files with the last build's.
LOOK_AHEAD_PRIORITY = 600
#: The copies' folder in the builder's image folder, and in the cache.
FOLDER = "covers"
CACHE = f"bookreview-covers-{images.PIPELINE}"
#: The one copy an e-book gets: sharp on a reader's screen, not a plate.
EPUB_WIDTH = 600
#: File names of the pictures that are resized.
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


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


def srcset(builder: Builder, candidates: Iterable[tuple[str, int]], *, imgpath: str) -> str:
    """A ``srcset`` of copies (name in the image folder, width) as seen from the page."""
    return ", ".join(f"{image_url(builder, name, imgpath=imgpath)} {width}w" for name, width in candidates)


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


# -- resized copies --------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """One cover as a page shows it: file names in the builder's image
    folder. ``srcset`` holds the WebP copies and their widths (empty for a
    single copy), ``src`` the JPEG or PNG copy, ``size`` the width and
    height of the smallest copy (the intrinsic size the page states)."""

    src: str
    srcset: tuple[tuple[str, int], ...]
    sizes: str
    size: tuple[int, int]


class CoverCopies:
    """The resized copies of one build: which sources there are (kept from
    build to build in ``sources.json`` in the cache folder, so an unchanged
    file is neither hashed nor opened again), which copies the pages
    written so far show, and making them at the end.

    One per environment, made when first asked (:meth:`of`); its requests
    come from the main process, where Sphinx resolves every doctree.
    """

    registry: weakref.WeakKeyDictionary[BuildEnvironment, CoverCopies] = weakref.WeakKeyDictionary()

    def __init__(self, env: BuildEnvironment) -> None:
        self.srcdir, self.cache = Path(env.srcdir), Path(env.doctreedir, CACHE)
        self.sizes: dict[str, int] | None = env.config.bookreview_cover_sizes
        self.known = self.load()
        self.changed_known = False
        self.wanted: dict[str, set[images.Copy]] = {}
        self.sources: dict[str, images.Source | None] = {}  # this build's, each file looked at once
        self.reading = False  # whether this build reads any document
        self.warned: set[str] = set()  # the covers this build said it shows as they are

    @classmethod
    def of(cls, env: BuildEnvironment) -> CoverCopies:
        if env not in cls.registry:
            cls.registry[env] = cls(env)
        return cls.registry[env]

    # -- what the sources are

    def load(self) -> dict[str, list[Any]]:
        try:
            known = json.loads((self.cache / "sources.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return known if isinstance(known, dict) else {}

    def save(self) -> None:
        if self.changed_known:
            self.cache.mkdir(parents=True, exist_ok=True)
            images.write_atomic(self.cache / "sources.json", json.dumps(self.known, sort_keys=True).encode())
            self.changed_known = False

    def stat(self, cover: str) -> list[int] | None:
        try:
            found = self.path(cover).stat()
        except OSError:
            return None
        return [found.st_size, found.st_mtime_ns]

    def path(self, cover: str) -> Path:
        return self.srcdir / cover.lstrip("/")

    def source(self, cover: str) -> images.Source | None:
        """The local raster cover's source, ``None`` for anything else."""
        if cover not in self.sources:
            self.sources[cover] = self.look_at(cover)
        return self.sources[cover]

    def look_at(self, cover: str) -> images.Source | None:
        if not is_local_picture(cover):
            return None
        entry = self.known.get(cover)
        if not self.reading and entry and len(entry) == 8:
            # A build that reads nothing found no cover changed: Sphinx
            # compared every cover's time with its page's (a cover is an
            # image of its page). The catalog of a no-op build names the
            # copies without a look at a thousand files.
            return images.Source(entry[2], (entry[3], entry[4]), entry[5], entry[6], entry[7])
        state = self.stat(cover)
        if state is None:
            return None
        if self.stale(cover, state):
            self.known[cover], self.changed_known = [*state, *inspected(self.path(cover))], True
        entry = self.known[cover]
        if entry[2] is None:
            return None  # not a picture Pillow reads and decodes: shown as it is
        digest, width, height, fmt, alpha, plain = entry[2:]
        return images.Source(digest, (width, height), fmt, alpha, plain)

    def stale(self, cover: str, state: list[int]) -> bool:
        """Whether the file is not (or no longer) the one its entry describes."""
        entry = self.known.get(cover)
        return entry is None or entry[:2] != state or len(entry) < 3

    def look_ahead(self, covers: Iterable[str], builder: Builder, processes: int) -> None:
        """Look at each local cover new or changed since the last build
        now, before any page is written, spread over ``processes``: a look
        makes the copies every card shows in this builder, or decodes the
        file (:func:`images.inspect`) where it shows none; the main process
        would otherwise do that alone, page after page, while it resolves
        them, and decode the file again to make the copies."""
        stale = [c for c in sorted(set(covers)) if is_local_picture(c) and self.stale(c, self.stat(c) or [])]
        kind, sizes = copies_kind(builder), self.sizes or {}
        css_width = EPUB_WIDTH if kind == "single" else sizes.get("card", DEFAULT_COVER_SIZES["card"])
        card = functools.partial(single_copy if kind == "single" else place_copies, css_width) if kind else None
        for cover, entry in spread(functools.partial(look_at_files, self.srcdir, self.cache, card), stale, processes):
            self.known[cover], self.changed_known = entry, True

    def unreadable(self, cover: str) -> str | None:
        """Why a cover named as a picture Pillow reads is not one, if it is not."""
        entry = self.known.get(cover) or []
        named = PurePosixPath(cover).suffix.lower() in RASTER_SUFFIXES
        return str(entry[3]) if named and len(entry) == 4 and entry[2] is None else None

    def changed_since_last_build(self, cover: str) -> bool:
        """Whether the file differs from when the last build saw it (a
        cover it never saw has not changed: no page shows it yet)."""
        entry, state = self.known.get(cover), self.stat(cover)
        if entry is None or entry[:2] == state:
            if entry is None and state is not None:
                self.known[cover], self.changed_known = state, True
            return False
        self.known[cover], self.changed_known = state or [], True
        return True

    # -- which copies a page shows

    def name(self, cover: str, source: images.Source, copy: images.Copy) -> str:
        stem = re.sub(r"[^\w.-]+", "-", PurePosixPath(cover).stem, flags=re.ASCII).strip("-.") or "cover"
        return f"{FOLDER}/{copy.name(stem, source.digest)}"

    def want(self, cover: str, copies: list[images.Copy]) -> None:
        self.wanted.setdefault(cover, set()).update(copies)

    def shown(self, cover: str, place: str) -> Shown | None:
        """The copies of ``cover`` shown at ``place`` in an HTML page."""
        source = self.source(cover) if self.sizes is not None else None  # None: originals; {}: the defaults
        if source is None or self.sizes is None:
            return None
        css_width = self.sizes.get(place, DEFAULT_COVER_SIZES[place])
        *responsive, fallback = place_copies(css_width, source)
        self.want(cover, [*responsive, fallback])
        return Shown(
            src=self.name(cover, source, fallback),
            srcset=tuple((self.name(cover, source, copy), copy.width) for copy in responsive),
            sizes=f"{css_width}px",
            size=(responsive[0].width, responsive[0].height),
        )

    def single(self, cover: str, widest: int, *, want: bool = True) -> tuple[str, tuple[int, int]] | None:
        """One JPEG or PNG copy at most ``widest`` pixels wide: its name and
        size; ``want``: to be made (else only named, as a page made it)."""
        source = self.source(cover) if self.sizes is not None else None
        if source is None:
            return None
        copy = images.single(source, widest)
        if want:
            self.want(cover, [copy])
        return self.name(cover, source, copy), (copy.width, copy.height)

    # -- making them

    def make(self, builder: Builder, processes: int) -> None:
        """Make the copies missing from the cache, spread over
        ``processes``, then copy each wanted one into the output where it
        is missing; the wanted list is then empty again."""
        for cover, reason in run_jobs(self.jobs(), self.cache, processes):
            self.failed(builder.env, cover, reason)
        folder = Path(builder.outdir, builder.imagedir)
        for cover, wanted in sorted(self.wanted.items()):
            if source := self.source(cover):
                for copy in sorted(wanted):
                    original = images.is_original(source, copy)
                    origin = self.path(cover) if original else self.cache / copy.cache_name(source.digest)
                    images.publish(origin, folder / self.name(cover, source, copy))
        self.wanted.clear()

    def jobs(self) -> list[Job]:
        """The covers some of whose wanted copies are not in the cache."""
        jobs: list[Job] = []
        for cover, wanted in sorted(self.wanted.items()):
            source = self.source(cover)
            made = [copy for copy in sorted(wanted) if source and not images.is_original(source, copy)]
            if source and any(not (self.cache / c.cache_name(source.digest)).is_file() for c in made):
                jobs.append((cover, str(self.path(cover)), source, made))
        return jobs

    def failed(self, env: BuildEnvironment, cover: str, reason: str) -> None:
        """Pillow could not make a cover's copies, though it decoded the
        file when it was first looked at (:func:`images.inspect`): the file
        was saved again during the build, or Pillow failed otherwise. None
        of them is published, and a warning at the review that shows it
        says that this build's pages lack its picture. The entry, made
        empty, matches no file: the next build that reads a document (a
        changed cover has Sphinx read its review again) looks at the file
        again and writes every page that shows it."""
        self.sources[cover] = None
        self.known[cover], self.changed_known = [], True
        shown_by = [r for r in BookDomain.of(env).views.winners.values() if r.cover == cover]
        first = min(shown_by, key=lambda r: (r.docname, r.lineno), default=None)
        message = __(
            "cover image %r cannot be resized: %s; the pages of this build lack its picture until the next build"
        )
        warn_cannot_resize(env, cover, message, reason, review_location(first) if first else None)


Job = tuple[str, str, images.Source, list[images.Copy]]  # cover, its file, source, copies


def make_copies(cache: Path, jobs: list[Job]) -> list[tuple[str, str]]:
    """Make each job's copies; the covers Pillow could not make them of,
    and why. Returned, not raised: in a ``-j`` worker process an
    exception would end the build."""
    failures = []
    for cover, path, source, copies in jobs:
        try:
            images.make(Path(path), source, copies, cache)
        except images.UnreadableImage as error:
            failures.append((cover, str(error)))
    return failures


def run_jobs(jobs: list[Job], cache: Path, processes: int) -> list[tuple[str, str]]:
    """Make the copies of each job over ``processes``; the failures."""
    return spread(functools.partial(make_copies, cache), jobs, processes)


def is_local_picture(cover: str) -> bool:
    """Whether ``cover`` is a local file that may have copies (not an SVG)."""
    return bool(cover) and not is_url(cover) and PurePosixPath(cover).suffix.lower() != ".svg"


def inspected(path: Path, cache: Path | None = None, copies: CopiesOf | None = None) -> list[Any]:
    """A source's entry in ``sources.json`` after the file's size and
    time: what :class:`images.Source` holds, or ``None`` and why not.
    With ``copies``, those copies are made into ``cache`` (decoding the
    file once for both) unless they are there from an earlier build."""
    try:
        found = images.inspect(path, images.file_digest(path), decode=copies is None)
        if copies is not None and cache is not None:
            images.make(path, found, [c for c in copies(found) if not images.is_original(found, c)], cache)
    except (images.UnreadableImage, OSError) as error:
        return [None, str(error)]
    return [found.digest, *found.size, found.format, found.alpha, found.plain]


def look_at_files(srcdir: Path, cache: Path, copies: CopiesOf | None, covers: list[str]) -> list[tuple[str, list[Any]]]:
    """Each cover's entry in ``sources.json`` (a file gone is left out),
    its ``copies`` made."""
    entries = []
    for cover in covers:
        path = srcdir / cover.lstrip("/")
        try:
            found = path.stat()
        except OSError:
            continue
        entries.append((cover, [found.st_size, found.st_mtime_ns, *inspected(path, cache, copies)]))
    return entries


def place_copies(css_width: int, source: images.Source) -> list[images.Copy]:
    """The copies a place ``css_width`` pixels wide shows in a web page:
    WebP at 1x and 2x, and last the JPEG or PNG copy for programs that
    read no ``srcset`` (also shared with link previews)."""
    return [*images.responsive(source, css_width), images.single(source, images.SHARE_WIDTH)]


def single_copy(widest: int, source: images.Source) -> list[images.Copy]:
    """The one JPEG or PNG copy an e-book shows."""
    return [images.single(source, widest)]


Item = TypeVar("Item")
Result = TypeVar("Result")


def spread(work: Callable[[list[Item]], list[Result]], items: list[Item], processes: int) -> list[Result]:
    """``work`` done on ``items`` in ``processes`` worker processes when
    there are more than one (Sphinx's own helpers, as for ``-j``
    writing); the results in the items' order, as a serial build has them."""
    if processes <= 1 or not parallel_available or len(items) < 2:
        return work(items)
    done: dict[int, list[Result]] = {}
    tasks = ParallelTasks(processes)
    for number, chunk in enumerate(make_chunks(items, processes)):  # type: ignore[arg-type]
        tasks.add_task(work, chunk, functools.partial(keep, done, number))
    tasks.join()
    return [result for number in sorted(done) for result in done[number]]


def keep(done: dict[int, list[Result]], number: int, _chunk: object, results: list[Result]) -> None:
    done[number] = results


# -- covers in doctrees ----------------------------------------------------------


def copies_kind(builder: Builder) -> str | None:
    """``"pictures"`` where pages show WebP copies (HTML), ``"single"``
    where one JPEG or PNG copy (EPUB, whose readers need not take WebP),
    ``None`` where the original is shown (other builders, or resizing off)."""
    if builder.format != "html" or builder.config.bookreview_cover_sizes is None:
        return None
    return "single" if builder.name == "epub" else "pictures"


def cover_node(
    builder: Builder, cover: str, place: str, *, eager: bool = False, **atts: Any
) -> bookreview_cover_url | None:
    """A local raster cover as its copies for ``place``, ``None`` where
    the original is to be shown. ``eager``: the page's likely largest
    picture (LCP), loaded at once and first."""
    shown = shown_copies(builder, cover, place)
    single = CoverCopies.of(builder.env).single(cover, EPUB_WIDTH) if copies_kind(builder) == "single" else None
    if shown:
        node = bookreview_cover_url(image=shown.src, srcset=list(shown.srcset), sizes=shown.sizes, **atts)
        size = shown.size
    elif single:
        node = bookreview_cover_url(image=single[0], **atts)
        size = single[1]
    else:
        return None
    node["intrinsic-width"], node["intrinsic-height"] = size
    if eager and shown:
        load_first(node)
    return node


def shown_copies(builder: Builder, cover: str, place: str) -> Shown | None:
    """The copies of a local raster cover an HTML page shows at ``place``."""
    if copies_kind(builder) != "pictures" or not cover or is_url(cover):
        return None
    return CoverCopies.of(builder.env).shown(cover, place)


def shared_copy(builder: Builder, cover: str) -> tuple[str, tuple[int, int]] | None:
    """The JPEG or PNG copy of a local raster cover that HTML pages share
    with link previews, search engines and the catalog (its name in the
    image folder, and its size); ``None`` when the original is shared.
    Named only: the review's card, the ``src`` of its cover, has it made."""
    if copies_kind(builder) != "pictures" or not cover or is_url(cover):
        return None
    return CoverCopies.of(builder.env).single(cover, images.SHARE_WIDTH, want=False)


def show_copies(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Each card's cover as its copies; the first on the page loaded at
    once. The review's JSON-LD then names the shared copy. Replaced before
    Sphinx picks the images to copy, so it copies no original either."""
    if copies_kind(app.builder) is None:
        return
    first = True
    for cover in list(doctree.findall(bookreview_cover)):
        path = "/" + cover["uri"].lstrip("/")  # Sphinx made it relative to the source directory
        copy = cover_node(app.builder, path, "card", eager=first, alt=cover["alt"], classes=cover["classes"])
        if copy is None:
            warn_unreadable(app, cover, path)
            continue
        first = False
        cover.replace_self(copy)
        root = copy.parent
        while root is not None and not isinstance(root, bookreview):
            root = root.parent
        shared = shared_copy(app.builder, path)
        if root is not None and shared:
            root["cover-image"] = shared[0]
    if first:
        load_first(next(listed_copies(doctree), None))


def load_first(cover: bookreview_cover_url | None, first: bool = True) -> None:
    """Have the browser load ``cover`` at once and before other pictures,
    or (``first`` false) when it comes into view."""
    if cover is not None:
        cover["loading"] = "eager" if first else "lazy"
        if first:
            cover["fetchpriority"] = "high"
        else:
            cover.attributes.pop("fetchpriority", None)


def listed_copies(doctree: nodes.document) -> Iterator[bookreview_cover_url]:
    """The covers of a page's listings shown by their copies, in page
    order. On a page without a card of its own, the first of them is the
    page's likely largest picture, and a lazy one is not even asked for
    until the layout puts it in view (the largest paint waits for it)."""
    return (node for node in doctree.findall(bookreview_cover_url) if node.get("srcset"))


def warn_unreadable(app: Sphinx, cover: nodes.Element, path: str) -> None:
    """A cover file that is not the picture its name says: shown as it is."""
    reason = CoverCopies.of(app.env).unreadable(path)
    while not cover.line and isinstance(cover.parent, nodes.Element):
        cover = cover.parent  # the review's line: the card's nodes carry none
    if reason is not None:
        message = __("cover image %r cannot be resized: %s; the file is shown as it is")
        warn_cannot_resize(app.env, path, message, reason, cover)


def warn_cannot_resize(
    env: BuildEnvironment, cover: str, message: str, reason: str, location: nodes.Node | tuple[str, int] | str | None
) -> None:
    """Why the cover is not resized, once a build: at the first review
    that shows it (its node, or its file and line)."""
    warned = CoverCopies.of(env).warned
    if cover not in warned:
        warned.add(cover)
        logger.warning(message, cover.lstrip("/"), reason, location=location, type="bookreview", subtype="url")


def note_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """A new build begins (another ``app.build()`` may reuse the
    environment): nothing of an earlier one is kept but what is on disk."""
    CoverCopies.registry.pop(env, None)
    if docnames:  # a build that reads nothing (a no-op one) does not load the list of sources
        CoverCopies.of(env).reading = True


def pages_showing_changed_covers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages that show a cover whose file changed since the last
    build: its width, height and copies' names may differ. Sphinx reads
    the review's own page again when the file changed (the cover is its
    image), not the listings' or the home page's, nor the review's when
    the file is the same but its copies could not be made
    (:meth:`CoverCopies.failed`); a build that read nothing skips this."""
    copies = CoverCopies.registry.get(env)
    if copies is None or not copies.reading:
        return []
    winners = BookDomain.of(env).views.winners.values()
    changed = [r for r in winners if r.cover and not is_url(r.cover) and copies.changed_since_last_build(r.cover)]
    if not changed:
        return []
    pages = {*BookDomain.of(env).views.collection_pages, env.config.root_doc, *(r.docname for r in changed)}
    return sorted(page for page in pages if page in env.all_docs)


def look_at_covers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Look at the covers new or changed since the last build before any
    page is written (:meth:`CoverCopies.look_ahead`), in builders that
    show copies; after :func:`pages_showing_changed_covers` compared the
    files with the last build's entries, which this renews. No page to
    write."""
    copies = CoverCopies.registry.get(env)
    if copies is not None and copies.reading and copies_kind(app.builder) is not None:
        copies.look_ahead((r.cover for r in BookDomain.of(env).views.all_reviews), app.builder, app.parallel)
    return []


def write_copies(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """Make the copies the written pages show and put them in the output.

    On ``html-collect-pages``: every page is written, and the builder has
    not finished yet (the epub builder packs its files when it finishes).
    No page of its own."""
    copies = CoverCopies.registry.get(app.env)
    if copies is not None:
        copies.make(app.builder, app.parallel)
    keep_the_cache_out_of_the_epub(app)
    return []


def keep_the_cache_out_of_the_epub(app: Sphinx) -> None:
    """The epub builder packs every file of its output folder, and the
    cache is in it when the doctrees are (``sphinx-build -b epub src out``
    keeps them in ``out/.doctrees``): each of its files is named in
    ``epub_exclude_files``, which the builder reads when it packs, by the
    path it compares (``os.path.relpath``)."""
    outdir, cache = Path(app.outdir), Path(app.env.doctreedir, CACHE)
    if app.builder.name != "epub" or not cache.is_relative_to(outdir) or not cache.is_dir():
        return
    cached = [os.path.relpath(path, outdir) for path in sorted(cache.rglob("*")) if path.is_file()]
    app.config.epub_exclude_files = [*app.config.epub_exclude_files, *cached]


def finish_copies(app: Sphinx, exception: Exception | None) -> None:
    """Make the copies left (the singlehtml builder emits no
    ``html-collect-pages``), then keep what the sources are for the next
    build, once this one succeeded."""
    copies = CoverCopies.registry.get(app.env)
    if exception is None and copies is not None:
        copies.make(app.builder, app.parallel)
        copies.save()


def shows(builder: Builder, cover: nodes.Element) -> bool:
    """Whether ``builder`` can show the cover node."""
    if isinstance(cover, bookreview_cover_url) and builder.format != "html":
        return False  # only the HTML visitor draws it
    if "uri" in cover and is_url(cover["uri"]):
        return builder.supported_remote_images
    # Builders without image types (text, man) show the alt text instead.
    path = cover.get("image") or cover["uri"]
    return not builder.supported_image_types or guess_mimetype(path) in image_types(builder)


def image_types(builder: Builder) -> list[str]:
    """The image types ``builder`` shows: its own list, and WebP in web
    pages. Every browser shows WebP, and Sphinx's HTML builders copy a
    WebP image named with its suffix like any other, but do not list it;
    a WebP cover shown as it is (resizing off, or a file Pillow cannot
    read) was left off the card, and its file out of the output that the
    listings and the theme's grid named."""
    web = builder.format == "html" and builder.name != "epub"
    return [*builder.supported_image_types, *(["image/webp"] if web else [])]


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
    app.connect("doctree-resolved", show_copies, priority=COPIES_PRIORITY)
    app.connect("doctree-resolved", drop_unshowable_covers, priority=DROP_PRIORITY)
    app.connect("env-before-read-docs", note_reading)
    app.connect("env-updated", pages_showing_changed_covers)
    app.connect("env-updated", look_at_covers, priority=LOOK_AHEAD_PRIORITY)
    app.connect("html-collect-pages", write_copies)
    app.connect("build-finished", finish_copies)
