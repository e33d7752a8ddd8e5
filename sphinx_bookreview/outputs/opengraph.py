"""Open Graph and Twitter-card tags: what a shared link to a review shows.

Which pages: those holding a review, as written by ``html`` and
``dirhtml`` (a page per document). ``singlehtml``'s one page is the whole
project, not a review, and gets none; epub, json and pickle pages are not
shared as links and get none. A page with several reviews describes its
first. Open Graph URLs are absolute, so the tags need ``html_baseurl``; a
project with reviews and without it gets one ``bookreview.config`` warning.
``bookreview_opengraph = False`` turns all of it off.

What: ``og:type`` ``book`` with ``book:author`` (the author's entry on the
author index page, else the name), ``book:isbn`` (ISBN-13 digits),
``book:release_date`` (``:published:``, ISO 8601) and ``book:tag``;
``og:title``, ``og:url`` (the canonical URL), ``og:site_name``,
``og:locale``, ``og:description`` (the verdict's text, else the first quick-review
answer as plain text, else the body's first paragraph, at most 200
characters) and ``og:image`` with its size and alt text; ``twitter:card``
``summary_large_image`` with a cover, else ``summary``. The image is the
cover (a remote one as given, with no size: it is never fetched), unless
link previews cannot show its type (SVG): then ``bookreview_opengraph_image``,
copied to the same path in the output, or no image.

Good company with sphinxext-opengraph, which describes every page: our
``og:`` values become its documented per-page overrides (the page's
metadata fields, which a page's own fields still beat), set before its
handler runs, so the tags it writes carry them; then we write only the
tags nobody wrote yet (``book:``, ``twitter:card``). No tag appears twice.
With sphinx-sitemap, :func:`check_sitemap` warns when it would list review
or index pages under other URLs than their canonical ones.
"""

from __future__ import annotations

import filecmp
import functools
import html
import posixpath
import shutil
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.images import get_image_size

from sphinx_bookreview.card import plain_text
from sphinx_bookreview.config import SHARED_IMAGE_SUFFIXES, conf_py
from sphinx_bookreview.covers import cover_size, cover_src, image_url, shared_copy
from sphinx_bookreview.domain import AUTHOR_INDEX, BookDomain, index_anchor
from sphinx_bookreview.model import is_url
from sphinx_bookreview.nodes import bookreview, bookreview_quick
from sphinx_bookreview.outputs.feed import xml_text
from sphinx_bookreview.spoilers import in_spoiler

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from sphinx_bookreview.model import Review

_ = get_translation("sphinx_bookreview")
__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

#: Builders with a page per document, each a page to share.
SHARING_BUILDERS = ("html", "dirhtml")
#: X cuts ``twitter:description`` (read from ``og:description``) at 200.
DESCRIPTION_LENGTH = 200
#: sphinxext-opengraph's tag with a site-wide setting of its own (``ogp_site_name``).
SITE_WIDE = ("og:site_name",)

Tag = tuple[str, str]


class SharedImage(NamedTuple):
    url: str
    alt: str
    size: tuple[int, int] | None
    is_cover: bool  # the review's own cover, not the fallback image

    def tags(self) -> list[Tag]:
        size = [("og:image:width", str(self.size[0])), ("og:image:height", str(self.size[1]))] if self.size else []
        return [("og:image", self.url), *size, ("og:image:alt", self.alt)]


# -- what a review page says -------------------------------------------------


def sharing(app: Sphinx) -> bool:
    return app.builder.name in SHARING_BUILDERS and bool(app.config.bookreview_opengraph)


def page_tags(app: Sphinx, pagename: str, context: dict[str, Any], doctree: nodes.document | None) -> list[Tag]:
    """The tags of the page: none unless it holds a review and can be shared.

    With sphinxext-opengraph loaded, the page's own ``og:`` fields (and its
    ``ogp_site_name``) win over ours, as that extension documents; a page
    with its ``:ogp_disable:`` field gets no tags from either.
    """
    fields = context.get("meta") or {}
    reviews = BookDomain.of(app.env).reviews_in(pagename)
    if doctree is None or not reviews or not sharing(app) or not app.config.html_baseurl or "ogp_disable" in fields:
        return []
    tags = review_tags(app.builder, reviews[0], canonical_url(app.builder, pagename), doctree)
    if opengraph_extension(app.config):
        tags = [(key, value) for key, value in tags if not given_by_page(key, fields) and key not in SITE_WIDE]
    return tags


def canonical_url(builder: Builder, pagename: str) -> str:
    """The page's canonical URL, computed as Sphinx 9 computes the
    ``pageurl`` of ``<link rel="canonical">``. Not read from the context:
    Sphinx 7.4 gave dirhtml pages a ``page.html`` URL that does not exist
    (sphinx-doc/sphinx#9730)."""
    return absolute(builder, builder.get_target_uri(pagename))


def absolute(builder: Builder, uri: str) -> str:
    """``uri`` (relative to the output root) under ``html_baseurl``, joined as Sphinx joins it."""
    return posixpath.join(builder.config.html_baseurl, uri)


def review_tags(builder: Builder, review: Review, url: str, doctree: nodes.document) -> list[Tag]:
    config = builder.config
    image = shared_image(builder, review)
    tags = [
        ("og:type", "book"),
        ("og:title", review.title),
        ("og:url", url),
        ("og:site_name", config.project),
        ("og:locale", og_locale(config.language)),
        ("og:description", description(review, doctree)),
        *(image.tags() if image else []),
        *(("book:author", author_value(builder, name)) for name in review.authors),
        ("book:isbn", review.isbn_digits),
        ("book:release_date", review.published),
        *(("book:tag", tag) for tag in review.tags),
        ("twitter:card", "summary_large_image" if image and image.is_cover else "summary"),
    ]
    # Without the characters HTML and XML forbid: a parser drops or refuses them.
    return [(key, xml_text(value)) for key, value in tags if value]


def author_value(builder: Builder, author: str) -> str:
    """The author's entry on the author index page, where it is written, else the name."""
    domain = BookDomain.of(builder.env)
    page = f"{BookDomain.name}-{AUTHOR_INDEX}"
    if author not in domain.views.by_author or page not in BookDomain.index_pages(builder):
        return author
    return absolute(builder, f"{builder.get_target_uri(page)}#{index_anchor(author)}")


@functools.cache
def og_locale(language: str | None) -> str:
    """``language`` as Open Graph's ``language_TERRITORY``; a language
    without a territory gets its likely one from CLDR (``de`` → ``de_DE``)."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        locale = Locale.parse((language or "").split("@")[0].replace("-", "_"))
        if not locale.territory:
            key = f"{locale.language}_{locale.script}" if locale.script else locale.language
            likely = get_global("likely_subtags")
            locale = Locale.parse(likely.get(key) or likely.get(locale.language) or str(locale))
    except (ValueError, TypeError, UnknownLocaleError):  # no language, or one babel does not know
        return ""
    territory = locale.territory or ""
    return f"{locale.language}_{territory}" if territory.isalpha() else ""  # not "001", the world


# -- the description -------------------------------------------------------


def description(review: Review, doctree: nodes.document) -> str:
    text = review.verdict_text or parsed_text(doctree, review.id)
    return shortened(" ".join(text.split()))


def parsed_text(doctree: nodes.document, review_id: str) -> str:
    """The first quick-review answer as the page shows it, without its
    markup, else the first paragraph of the review's body."""
    root = next((node for node in doctree.findall(bookreview) if node.get("review-id") == review_id), None)
    if root is None:
        return ""
    answers = [answer for quick in root.findall(bookreview_quick) for answer in quick.findall(nodes.definition)]
    bodies = [
        part for part in root.children if isinstance(part, nodes.Element) and "bookreview-body" in part["classes"]
    ]
    paragraphs = [p for body in bodies for p in body.findall(nodes.paragraph) if not in_spoiler(p)]
    return next((text for node in [*answers, *paragraphs] if (text := plain_text(node))), "")


def shortened(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """At most ``limit`` characters, cut after a word where there is one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


# -- the image -------------------------------------------------------------


def shared_image(builder: Builder, review: Review) -> SharedImage | None:
    """The cover, where link previews can show it; else the fallback image."""
    cover, alt = review.cover, str(_("Cover of %s") % review.title)
    if cover and is_url(cover):
        return SharedImage(cover, alt, None, is_cover=True)
    shared = shared_copy(builder, cover) if cover else None
    if shared:  # a JPEG or PNG copy at most 1200 px wide, which every platform takes
        return SharedImage(image_url(builder, shared[0], absolute=True), alt, shared[1], is_cover=True)
    if cover and PurePosixPath(cover).suffix.lower() in SHARED_IMAGE_SUFFIXES:
        url = cover_src(builder, cover, absolute=True)
        if url:
            return SharedImage(url, alt, cover_size(builder.srcdir, cover), is_cover=True)
    return fallback_image(builder)


def fallback_image(builder: Builder) -> SharedImage | None:
    """``bookreview_opengraph_image``, described by the project's name (it is
    the site's image, not the book's)."""
    image, project = builder.config.bookreview_opengraph_image, builder.config.project
    if not image:
        return None
    if is_url(image):
        return SharedImage(image, project, None, is_cover=False)
    size = get_image_size(Path(builder.srcdir, image))
    return SharedImage(absolute(builder, urllib.parse.quote(image)), project, size, is_cover=False)


def copy_fallback_image(app: Sphinx, exception: Exception | None) -> None:
    """The fallback image, copied from the source directory to the same
    path in the output (unchanged files are left alone)."""
    image = app.config.bookreview_opengraph_image
    if exception is not None or not image or is_url(image) or not sharing(app) or not app.config.html_baseurl:
        return
    source, target = Path(app.srcdir, image), Path(app.outdir, image)
    if not target.is_file() or not filecmp.cmp(source, target, shallow=False):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


# -- writing the tags, alone or beside sphinxext-opengraph ----------------------


def opengraph_extension(config: Config) -> bool:
    """Whether sphinxext-opengraph (or a drop-in replacement) is loaded:
    the settings it registers say so."""
    return "ogp_site_url" in config


def given_by_page(key: str, fields: dict[str, Any]) -> bool:
    """Whether the page's own fields set the tag; its own ``og:image``
    makes our image's size and alt text wrong, so they go too."""
    return key in fields or ("og:image" in fields and key.startswith("og:image:"))


def hand_over_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Our ``og:`` values as sphinxext-opengraph's per-page overrides, on a
    copy of the page's metadata: Sphinx hands templates the environment's
    own dictionary, and that extension removes keys from it. Its tag writer
    escapes only ``"``, so ``&``, ``<`` and ``>`` are escaped here."""
    if not opengraph_extension(app.config):
        return
    tags = page_tags(app, pagename, context, doctree)
    overrides = {key: html.escape(value, quote=False) for key, value in tags if key.startswith("og:")}
    if overrides:
        context["meta"] = {**(context.get("meta") or {}), **overrides}


def write_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Every tag of the page that no other extension wrote already."""
    tags = page_tags(app, pagename, context, doctree)
    if tags:
        written = written_keys(context.get("metatags") or "")
        context["metatags"] = (context.get("metatags") or "") + "".join(
            meta_tag(key, value) for key, value in tags if key not in written
        )


def meta_tag(key: str, value: str) -> str:
    # Twitter's cards are named with ``name``, Open Graph's with ``property``.
    attribute = "name" if key.startswith("twitter:") else "property"
    return f'<meta {attribute}="{key}" content="{html.escape(value)}" />\n'


class MetaKeys(HTMLParser):
    """The ``property`` or ``name`` of every ``<meta>`` element fed to it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key:
            self.keys.add(key)


def written_keys(metatags: str) -> set[str]:
    parser = MetaKeys()
    parser.feed(metatags)
    parser.close()
    return parser.keys


# -- checks ----------------------------------------------------------------


def located(app: Sphinx, *names: str) -> str | None:
    """``conf.py:line`` of the first of ``names`` that conf.py sets."""
    return next((where for name in names if (where := conf_py(app, name))), None)


def check_image_file(app: Sphinx, config: Config) -> None:
    """A fallback image path must name a file in the source directory."""
    image = config.bookreview_opengraph_image
    if image and not is_url(image) and not Path(app.srcdir, image).is_file():
        logger.warning(
            __("invalid bookreview_opengraph_image = %r: no such file in the source directory; using the default ''"),
            image, type="bookreview", subtype="config", location=located(app, "bookreview_opengraph_image"),
        )  # fmt: skip
        config.bookreview_opengraph_image = ""


def check_base_url(app: Sphinx, builder: Builder) -> None:
    """One warning per build when review pages cannot get their tags."""
    config = app.config
    if builder.name not in SHARING_BUILDERS or not config.bookreview_opengraph or config.html_baseurl:
        return
    if BookDomain.of(app.env).views.all_reviews:
        logger.warning(
            __("review pages get no Open Graph tags: html_baseurl is not set, and link previews need absolute URLs; "
               "set html_baseurl to the site's address, or bookreview_opengraph = False"),
            type="bookreview", subtype="config",
            location=located(app, "html_baseurl", "bookreview_opengraph", "extensions"),
        )  # fmt: skip


def sitemap_url(app: Sphinx, builder: Builder, docname: str) -> str:
    """The URL sphinx-sitemap (2.x) lists a page under: its
    ``sitemap_url_scheme`` filled in as its ``create_sitemap`` does, with
    the link its ``add_html_link`` makes (``tests/test_opengraph.py`` pins
    both on a real sitemap)."""
    config = app.config
    if builder.name == "dirhtml":
        link = builder.get_target_uri(docname)
    else:
        link = docname + (".html" if config.html_file_suffix is None else config.html_file_suffix)
    lang, version = (f"{value}/" if value else "" for value in (config.language, config.version))
    scheme = str(config.sitemap_url_scheme)
    return str(config.site_url or config.html_baseurl) + scheme.format(lang=lang, version=version, link=link)


def check_sitemap(app: Sphinx, builder: Builder) -> None:
    """With sphinx-sitemap loaded, one warning when it would list a review
    or index page under another URL than its canonical one."""
    config = app.config
    if builder.name not in SHARING_BUILDERS or "sitemap_url_scheme" not in config or not config.html_baseurl:
        return
    # The index pages by name: which of them are written is known only later.
    indices = [f"{BookDomain.name}-{index.name}" for index in BookDomain.indices]
    try:
        urls = {
            page: sitemap_url(app, builder, page) for page in [*sorted(BookDomain.of(app.env).reviews_by_doc), *indices]
        }
    except (KeyError, IndexError, ValueError):  # a scheme with fields of its own: not ours to judge
        return
    wrong = [page for page, url in urls.items() if url != canonical_url(builder, page)]
    if wrong:
        logger.warning(
            __('sphinx-sitemap lists the page %s as %r, not under its canonical URL %r: with html_baseurl as the '
               'address of the site, set sitemap_url_scheme = "{link}"'),
            wrong[0], urls[wrong[0]], canonical_url(builder, wrong[0]), type="bookreview", subtype="config",
            location=located(app, "sitemap_url_scheme", "html_baseurl"),
        )  # fmt: skip


def setup_opengraph(app: Sphinx) -> None:
    # After the table's own checks (priority 400), before Sphinx's type check (800).
    app.connect("config-inited", check_image_file, priority=450)
    app.connect("write-started", check_base_url)
    app.connect("write-started", check_sitemap)
    # Before sphinxext-opengraph's handler (default priority 500), which reads
    # the overrides, and after it, to write only what it did not.
    app.connect("html-page-context", hand_over_tags, priority=450)
    app.connect("html-page-context", write_tags, priority=550)
    app.connect("build-finished", copy_fallback_image)
