"""Review files: a page title and a ``bookreview`` directive, in rst or MyST.

Titles, option values and body text come from other people's data, so
everything is normalised to what the markup can hold: option values on one
line, the heading escaped, MyST option values quoted where its YAML-like
parser would read them differently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.errors import CliError
from sphinx_bookreview.cli.markup import md_escape, md_paragraph, rst_block_text, rst_paragraph
from sphinx_bookreview.model import is_title_slug

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx_bookreview.cli.markup import Paragraph

_RST_INDENT = "   "
#: A plain YAML scalar starting like this, or holding `` #``, would be read as something else.
_MYST_NEEDS_QUOTES = re.compile(r"""^['"|>#&*!%@\[\]{}`,?-]| #|:$""")


@dataclass(frozen=True)
class Draft:
    """What a review file says, before it is written as rst or Markdown."""

    title: str
    options: tuple[tuple[str, str], ...] = ()
    body: tuple[Paragraph, ...] = ()
    #: Lines of a source comment opening the body, seen only by whoever edits the file.
    comment: tuple[str, ...] = ()
    #: The whole body is a spoiler: it goes in a ``bookreview-spoiler`` block.
    spoiler: bool = False
    #: The book's id in the service's own links (Goodreads' ``Book Id``), to link to its review.
    book_id: str = ""


def one_line(text: str) -> str:
    return " ".join(text.split())


def render(draft: Draft, markup: str) -> str:
    return render_md(draft) if markup == "md" else render_rst(draft)


def render_rst(draft: Draft) -> str:
    title = one_line(draft.title)
    heading = rst_block_text(title)
    lines = [heading, "=" * max(4, _columns(heading)), "", f".. bookreview:: {title}"]
    lines += [f"{_RST_INDENT}:{name}: {one_line(value)}" for name, value in draft.options]
    body: list[str] = []
    if draft.comment:
        body += ["..", *(_RST_INDENT + line if line else "" for line in draft.comment), ""]
    text: list[str] = []
    for paragraph in draft.body:
        text += [*rst_paragraph(paragraph), ""]
    if draft.spoiler and text:
        text = [".. bookreview-spoiler::", "", *(_RST_INDENT + line if line else "" for line in text)]
    body += text
    if body:
        lines += ["", *(_RST_INDENT + line if line else "" for line in body[:-1])]
    return "\n".join(lines) + "\n"


def render_md(draft: Draft) -> str:
    title = one_line(draft.title)
    # A backtick fence cannot have a backtick in its info string; a tilde fence can.
    # A fence holding the spoiler block's fence is longer than it.
    fence = ("~~~" if "`" in title else "```") + ("`" if draft.spoiler and "`" not in title else "")
    lines = ["# " + md_escape(title).replace("#", "\\#"), "", f"{fence}{{bookreview}} {title}"]
    lines += [f":{name}: {_myst_value(one_line(value))}" for name, value in draft.options]
    body: list[str] = []
    if draft.comment:
        body += [*("% " + line if line else "%" for line in draft.comment), ""]
    text: list[str] = []
    for paragraph in draft.body:
        text += [*md_paragraph(paragraph), ""]
    if draft.spoiler and text:
        text = ["```{bookreview-spoiler}", *text[:-1], "```", ""]
    body += text
    if body:
        lines += ["", *body[:-1]]
    return "\n".join([*lines, fence]) + "\n"


def _myst_value(value: str) -> str:
    if not _MYST_NEEDS_QUOTES.search(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _columns(text: str) -> int:
    """Width as docutils measures a title: wide East Asian characters count twice."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# -- files ----------------------------------------------------------------------


def id_option(title: str, review: str) -> tuple[tuple[str, str], ...]:
    """An explicit ``:id:`` unless the id is docutils' slug of the title,
    which a reader tells from the title: the second book of one title gets
    ``-2``, and the directive's own default for a title without one is
    ``book-2041`` or, for a title in another script, a digest
    (``book-9f4c311a``) nobody guesses, so the file says what links to it."""
    return () if is_title_slug(review, title) else (("id", review),)


def write(path: Path, text: str, others: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """Write the review file, then remove ``others``, its namesakes in the other markup,
    which would give Sphinx two documents with one id; returns those removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise CliError(f"cannot write {path}: {error.strerror or error}") from None
    removed = tuple(other for other in others if other.exists())
    for other in removed:
        try:
            other.unlink()
        except OSError as error:
            raise CliError(f"wrote {path} but cannot remove {other}: {error.strerror or error}") from None
    return removed
