"""``reviews.atom``: an Atom feed of the reviews.

Written once per successful build by the builders whose output is a web
site (html, dirhtml, singlehtml), when ``html_baseurl`` is set: a feed
reader needs absolute links. ``bookreview_feed`` names the file, relative
to the output root (``""`` writes none); every page's head links to it.

Entries are the reviews that keep their id, newest first by ``:date:``,
ties by id. A review without ``:date:`` is dated by ``:finished:`` (when
it was read is the next best "when"); one with neither is left out, since
Atom requires each entry's date and the clock would make every build
differ. For the same reason the feed's ``updated`` is its newest entry's
date; a feed without entries (a new site, or none of its reviews dated)
is dated by its sources (:func:`source_date`), so that a reader shows
when the site last changed, not 1970. The feed's id is its own URL and an
entry's id the review's URL, both stable across builds.
Each entry links to the review, is summarised by ``:verdict:`` (its plain
text: markup rendered, as a reader sees it, spoilers masked), is by its
reviewer and is filed under its tags. The feed is by the project's
``author`` (:func:`feed_author`). A build that changes nothing the
feed says leaves the file as it is (:mod:`.stamps`).
"""

from __future__ import annotations

import datetime
import html
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview.directive import project_author
from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.outputs.catalog import absolute_url, review_url, site_builder
from sphinx_bookreview.outputs.stamps import output_file, reported, up_to_date, write_if_changed

if TYPE_CHECKING:
    from docutils import nodes
    from feedgen.feed import FeedGenerator
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinx_bookreview.model import Review

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

#: Characters XML 1.0 forbids: lxml refuses to write them, failing the build.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def feed_url(app: Sphinx) -> str:
    """The feed's absolute URL, or ``""`` where no feed is written."""
    builder = site_builder(app)
    if builder is None or not app.config.html_baseurl or not app.config.bookreview_feed:
        return ""
    return absolute_url(builder, app.config.bookreview_feed)


def entry_date(review: Review) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(review.day).replace(tzinfo=datetime.UTC) if review.day else None


def newest_first(builder: StandaloneHTMLBuilder, domain: BookDomain) -> list[tuple[datetime.datetime, Review]]:
    dated = [(day, review) for review in domain.published(builder) if (day := entry_date(review))]
    by_id = sorted(dated, key=lambda item: item[1].id)
    return sorted(by_id, key=lambda item: item[0], reverse=True)  # stable: ties stay by id


def source_date(env: BuildEnvironment) -> datetime.datetime:
    """When the sources last changed: ``SOURCE_DATE_EPOCH``, the
    reproducible builds' convention, where the build sets it; else the
    newest modification time of the project's documents. Sphinx reads
    again a document modified since it read it, and the feed is then made
    anew (:mod:`.stamps`), so an incremental build dates the feed as a
    clean one does. Never the clock: the same sources write the same feed."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        # A value that is not a whole number never gets here: Sphinx stops
        # the build on it when it reads the configuration.
        try:
            return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
        except (ValueError, OverflowError, OSError):  # past the year 9999, or what the system's clock can hold
            logger.warning(__("SOURCE_DATE_EPOCH = %r is beyond the dates a feed can hold; the feed is dated by its "
                              "documents' modification times"), epoch, type="bookreview", subtype="config")  # fmt: skip
    newest = max((modified(Path(env.doc2path(docname))) for docname in env.found_docs), default=0)
    return datetime.datetime.fromtimestamp(newest, tz=datetime.UTC)


def modified(path: Path) -> int:
    """The file's modification time in whole seconds, as Atom writes times."""
    try:
        return int(path.stat().st_mtime)
    except OSError:
        return 0


class Entry(NamedTuple):
    link: str
    day: datetime.datetime
    title: str
    summary: str
    author: str
    tags: tuple[str, ...]


class Feed(NamedTuple):
    """Everything the feed says, as plain data: written only when it changes."""

    url: str
    title: str
    site: str
    language: str | None
    author: str
    updated: datetime.datetime
    entries: tuple[Entry, ...]


def feed_data(builder: StandaloneHTMLBuilder, url: str, domain: BookDomain) -> Feed:
    config = builder.config
    entries = tuple(
        Entry(absolute_url(builder, review_url(builder, review)), day, xml_text(review.title),
              xml_text(review.verdict_text), xml_text(review.reviewer), tuple(xml_text(tag) for tag in review.tags))
        for day, review in newest_first(builder, domain)
    )  # fmt: skip
    site, title = absolute_url(builder, ""), xml_text(config.project)  # the site's root, its name
    updated = entries[0].day if entries else source_date(builder.env)
    return Feed(url, title, site, config.language, feed_author(config, entries), updated, entries)


def feed_author(config: Config, entries: tuple[Entry, ...]) -> str:
    """The project's ``author``, not Sphinx's placeholder for a project
    without one. Atom needs an author for the feed unless every entry has
    its own (its reviewer): where none is set, the feed is the project's."""
    author = xml_text(project_author(config))
    if author or (entries and all(entry.author for entry in entries)):
        return author
    return xml_text(config.project)


def atom_feed(data: Feed) -> bytes:
    # Imported here: feedgen brings lxml and dateutil, about 20 ms added to the
    # start of every build, also of those that write no feed.
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(data.url)
    feed.title(data.title)
    feed.updated(data.updated)
    feed.link(href=data.site, rel="alternate", type="text/html")
    feed.link(href=data.url, rel="self", type="application/atom+xml")
    feed.language(data.language)
    feed.generator("sphinx-bookreview")
    if data.author:
        feed.author(name=data.author)
    for entry in data.entries:
        add_entry(feed, entry)
    return feed.atom_str(pretty=True)  # type: ignore[no-any-return]


def add_entry(feed: FeedGenerator, data: Entry) -> None:
    entry = feed.add_entry(order="append")  # the default prepends
    entry.id(data.link)
    entry.title(data.title)
    entry.link(href=data.link, rel="alternate", type="text/html")
    entry.published(data.day)
    entry.updated(data.day)
    if data.summary:
        entry.summary(data.summary)
    if data.author:
        entry.author(name=data.author)
    for tag in data.tags:
        entry.category(term=tag)


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    builder, url = site_builder(app), feed_url(app)
    if exception is not None or builder is None or not url:
        return
    path = output_file(app, builder, "bookreview_feed")
    if path is None or up_to_date(app, path):
        return
    data = feed_data(builder, url, BookDomain.of(app.env))
    with reported(app, "bookreview_feed"):
        write_if_changed(app, path, data, lambda: atom_feed(data))


def link_feed(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Let browsers and feed readers find the feed from any page."""
    url = feed_url(app)
    if url:
        title = html.escape(app.config.project)
        tag = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{html.escape(url)}" />\n'
        context["metatags"] = context.get("metatags", "") + tag


def setup_feed(app: Sphinx) -> None:
    app.connect("build-finished", write_feed)
    app.connect("html-page-context", link_feed)
