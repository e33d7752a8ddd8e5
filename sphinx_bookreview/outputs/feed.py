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
date, and the Unix epoch for a feed without entries. The feed's id is its
own URL and an entry's id the review's URL, both stable across builds.
Each entry links to the review, is summarised by ``:verdict:``, is by its
reviewer and is filed under its tags.
"""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_bookreview.outputs.catalog import absolute_url, review_url, site_builder

if TYPE_CHECKING:
    from docutils import nodes
    from feedgen.feed import FeedGenerator
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinx_bookreview.domain import BookDomain
    from sphinx_bookreview.model import Review

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
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
    day = review.date or review.finished
    return datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.UTC) if day else None


def newest_first(domain: BookDomain) -> list[tuple[datetime.datetime, Review]]:
    dated = [(day, review) for review in domain.winners.values() if (day := entry_date(review))]
    by_id = sorted(dated, key=lambda item: item[1].id)
    return sorted(by_id, key=lambda item: item[0], reverse=True)  # stable: ties stay by id


def atom_feed(builder: StandaloneHTMLBuilder, url: str, domain: BookDomain) -> bytes:
    config = builder.config
    # Imported here: feedgen brings lxml and dateutil, about 20 ms added to the
    # start of every build, also of those that write no feed.
    from feedgen.feed import FeedGenerator

    entries = newest_first(domain)
    feed = FeedGenerator()
    feed.id(url)
    feed.title(xml_text(config.project))
    feed.updated(entries[0][0] if entries else EPOCH)
    feed.link(href=absolute_url(builder, ""), rel="alternate", type="text/html")  # the site's root
    feed.link(href=url, rel="self", type="application/atom+xml")
    feed.language(config.language)
    feed.generator("sphinx-bookreview")
    if config.author:
        feed.author(name=xml_text(config.author))
    for day, review in entries:
        add_entry(feed, builder, review, day)
    return feed.atom_str(pretty=True)  # type: ignore[no-any-return]


def add_entry(feed: FeedGenerator, builder: StandaloneHTMLBuilder, review: Review, day: datetime.datetime) -> None:
    link = absolute_url(builder, review_url(builder, review))
    entry = feed.add_entry(order="append")  # the default prepends
    entry.id(link)
    entry.title(xml_text(review.title))
    entry.link(href=link, rel="alternate", type="text/html")
    entry.published(day)
    entry.updated(day)
    if review.verdict:
        entry.summary(xml_text(review.verdict))
    if review.reviewer:
        entry.author(name=xml_text(review.reviewer))
    for tag in review.tags:
        entry.category(term=xml_text(tag))


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    builder, url = site_builder(app), feed_url(app)
    if exception is not None or builder is None or not url:
        return
    path = Path(builder.outdir, app.config.bookreview_feed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(atom_feed(builder, url, app.env.get_domain("book")))  # type: ignore[arg-type]


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
