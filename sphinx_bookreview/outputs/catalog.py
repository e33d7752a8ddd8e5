"""``bookreviews.json``: every review as data, with its JSON Schema beside it.

Written once per successful build by the builders whose output is a web
site: html, dirhtml and singlehtml (not epub, whose pages make a book, nor
json, whose pages are data for another site generator). The file is named
by ``bookreview_catalog`` (``""`` writes none), relative to the output
root; ``bookreviews.schema.json`` (draft 2020-12, shipped in this package)
is copied beside it and named by its ``$schema``.

Each review is its record (:meth:`~sphinx_bookreview.model.Review.as_dict`)
less what only the build uses (source document, file and line, the
``only`` blocks it is in), with:

- ``page_url``: the review's page and anchor relative to the output root,
  as the builder names pages (``reviews/mmm.html#mmm``, ``reviews/mmm/#mmm``,
  ``index.html#mmm``), and ``absolute_url`` when ``html_baseurl`` is set;
- ``cover``: a local cover as the URL of its copy in the output
  (``_images/...``): the JPEG or PNG copy that pages share, where covers
  are resized (``bookreview_cover_sizes``), else the original's;
- ``answers``: the quick review as ``{key, question, answer}`` objects, the
  answer as written in the source;
- ``verdict`` as written in the source, and ``verdict_text`` as a reader
  sees it (the plain text, its inline markup rendered); in a build with a
  translation, the answers and ``verdict`` are the translation's plain
  text too (:mod:`sphinx_bookreview.translation`);
- ``reads``: every reading as ``{started, finished, status}``, oldest first
  (one for a review without ``:reads:``); ``contributors`` as ``{name,
  role}``; ``progress`` as ``{percent}``, with ``page`` and ``pages`` when
  given so, or ``null``.

The summary fields, ``verdict``, ``verdict_text`` and each ``answer``,
never hold a spoiler: each ``:spoiler:`` role in them is replaced by
``[spoiler]`` (in the project's language).

``rating_scale`` says what the ratings are out of. Only the review that
keeps a duplicate id is listed. Keys are sorted and reviews sorted by id,
so a rebuild writes the same bytes; a build that changes none of them
leaves the file as it is (:mod:`.stamps`).
"""

from __future__ import annotations

import filecmp
import json
import posixpath
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_bookreview.card import question_label
from sphinx_bookreview.config import SCHEMA_NAME
from sphinx_bookreview.covers import cover_src, image_url, shared_copy
from sphinx_bookreview.domain import BookDomain, review_uri
from sphinx_bookreview.outputs.stamps import output_file, reported, up_to_date, write_if_changed
from sphinx_bookreview.spoilers import masked

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_bookreview.model import Review

SITE_BUILDERS = ("html", "dirhtml", "singlehtml")
SCHEMA = Path(__file__).with_name(SCHEMA_NAME)
#: 2 (issue 14): series numbers may be fractions, and the fields of re-reads,
#: contributors, editions and progress and ``verdict_text`` were added
#: (docs/guides/sharing.rst).
VERSION = 2
#: Record fields that say where the review was read from, not what it is.
INTERNAL = ("docname", "lineno", "source", "only")


def site_builder(app: Sphinx) -> StandaloneHTMLBuilder | None:
    """The builder, if its output is a web site."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder) and builder.name in SITE_BUILDERS:
        return builder
    return None


def review_url(builder: StandaloneHTMLBuilder, review: Review) -> str:
    """The review's page and anchor, relative to the output root."""
    return review_uri(builder, None, review)


def absolute_url(builder: StandaloneHTMLBuilder, url: str) -> str:
    """``url`` joined to ``html_baseurl`` the way Sphinx joins its canonical links."""
    return posixpath.join(builder.config.html_baseurl, url)


def catalog_entry(builder: StandaloneHTMLBuilder, review: Review) -> dict[str, Any]:
    entry = {key: value for key, value in review.as_dict().items() if key not in INTERNAL}
    questions = dict(builder.config.bookreview_quick_review)
    entry["answers"] = [
        {"key": key, "question": str(question_label(questions[key])), "answer": masked(answer)}
        for key, answer in review.answers
    ]
    entry["verdict"] = masked(review.verdict)
    entry["reads"] = [reading._asdict() for reading in review.readings]
    entry["contributors"] = [{"name": name, "role": role} for name, role in review.contributors]
    entry["progress"] = progress(review)
    shared = shared_copy(builder, review.cover)
    entry["cover"] = image_url(builder, shared[0]) if shared else cover_src(builder, review.cover)
    entry["page_url"] = page_url = review_url(builder, review)
    if builder.config.html_baseurl:
        entry["absolute_url"] = absolute_url(builder, page_url)
    return entry


def progress(review: Review) -> dict[str, float] | None:
    if not review.progress:
        return None
    found: dict[str, float] = {"percent": review.progress_percent or 0}
    if not review.progress.endswith("%"):
        page, pages = review.progress.split("/")
        found.update(page=int(page), pages=int(pages))
    return found


def catalog(builder: StandaloneHTMLBuilder, domain: BookDomain) -> dict[str, Any]:
    reviews = domain.published(builder)
    return {
        "$schema": SCHEMA.name,
        "version": VERSION,
        "rating_scale": builder.config.bookreview_rating_scale,
        "reviews": [catalog_entry(builder, review) for review in reviews],
    }


def write_catalog(app: Sphinx, exception: Exception | None) -> None:
    builder = site_builder(app)
    if exception is not None or builder is None or not app.config.bookreview_catalog:
        return
    path = output_file(app, builder, "bookreview_catalog")
    if path is None:
        return
    with reported(app, "bookreview_catalog"):
        if not up_to_date(app, path):
            data = catalog(builder, BookDomain.of(app.env))
            write_if_changed(app, path, data, lambda: catalog_json(data))
        copy_schema(path.with_name(SCHEMA.name))


def copy_schema(dest: Path) -> None:
    """The shipped schema beside the catalog, copied only when it differs,
    so a build that changes nothing writes no file."""
    if not (dest.is_file() and filecmp.cmp(SCHEMA, dest, shallow=False)):
        shutil.copyfile(SCHEMA, dest)


def catalog_json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def setup_catalog(app: Sphinx) -> None:
    app.connect("build-finished", write_catalog)
