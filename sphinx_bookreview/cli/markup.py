"""Review text from HTML (Goodreads) or plain text (StoryGraph) to rst or MyST.

The text is first read into a small model (paragraphs of lines of styled
spans) and then written out, so both markups get the same structure and every
character that could start markup is escaped exactly once. HTML is read with
:mod:`html.parser`: regular expressions cannot follow nesting or entities.

Goodreads' own markup is kept for what it means: ``<spoiler>`` (and the
``(view spoiler)[...(hide spoiler)]`` its exports also hold) becomes the
``:spoiler:`` role; ``[b:Title|id|...]`` and ``[a:Name|id|...]``, its
links to a book and an author, become references that the import resolves
(:func:`resolve_references`): a ``:book:`` or ``:book-author:`` link when
that book or author is in the import, else the title or name as text.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from sphinx_bookreview.model import InvalidValue, parse_url

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``href`` makes it a link, ``spoiler``
    a spoiler, and ``role`` with ``target`` a link of that role
    (``book``, ``book-author``) to ``target``, shown as ``text``."""

    text: str
    emphasis: bool = False
    strong: bool = False
    href: str = ""
    spoiler: bool = False
    role: str = ""
    target: str = ""

    @property
    def plain(self) -> bool:
        return not (self.emphasis or self.strong or self.href or self.spoiler or self.role)

    @property
    def style(self) -> tuple[bool, bool, str, bool, str, str]:
        return self.emphasis, self.strong, self.href, self.spoiler, self.role, self.target


Line = tuple[Span, ...]
#: One line is an ordinary paragraph; several are kept apart as line breaks.
Paragraph = tuple[Line, ...]

_BLOCK_TAGS = frozenset(
    {"p", "div", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "tr", "pre"}
)
_EMPHASIS_TAGS = frozenset({"i", "em", "cite", "u"})
_STRONG_TAGS = frozenset({"b", "strong"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
#: Characters that may start a block construct when they open a line; docutils also takes
#: three Unicode bullets, which CommonMark can't escape (a backslash there stays visible) nor needs to.
_MD_BLOCK_START = frozenset(string.punctuation)
_RST_BLOCK_START = _MD_BLOCK_START | {"\u2022", "\u2023", "\u2043"}
_RST_ENUMERATOR = re.compile(r"\A(\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)(?=[.)](\s|$))")
_MD_ENUMERATOR = re.compile(r"\A(\d+)(?=[.)](\s|$))")
#: ``_`` only makes markup next to a non-alphanumeric character (``name_``, ``_`target```).
_LONE_UNDERSCORE = r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
_RST_SPECIAL = re.compile(rf"[\\*`|]|{_LONE_UNDERSCORE}")
_MD_SPECIAL = re.compile(rf"[\\*`\[\]<>&~|$]|{_LONE_UNDERSCORE}")
#: What may stand right before an rst start-string and right after an end-string (docutils' inline markup rules).
_RST_BEFORE_MARKUP = frozenset("-:/'\"<([{")
_RST_AFTER_MARKUP = frozenset("-.,:;!?\\/'\")]}>")
_URL_UNSAFE = re.compile(r"[\s<>`\\\"]")
#: Goodreads' spoilers as its exports write them out, and its links to books and authors.
_VIEW_SPOILER = re.compile(r"\(view spoiler\)\[(.*?)\(hide spoiler\)\]", re.DOTALL)
_GOODREADS_LINK = re.compile(r"\[(?P<kind>[ab]):(?P<text>[^|\]]+)\|(?P<id>[^|\]]*)(?:\|[^\]]*)?\]")
#: Goodreads' link kinds -> the role of the link: ``[b:...]`` is keyed by book id, ``[a:...]`` by name.
GOODREADS_ROLES = {"b": "book", "a": "book-author"}


class _ReviewParser(HTMLParser):
    """Collects lines of spans; an empty line marks a paragraph break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[Span]] = [[]]
        self.emphasis = 0
        self.strong = 0
        self.spoiler = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.lines.append([])
        elif tag in _BLOCK_TAGS:
            self.lines += [[], []]
        elif tag in _EMPHASIS_TAGS:
            self.emphasis += 1
        elif tag in _STRONG_TAGS:
            self.strong += 1
        elif tag == "a":
            self.links.append(safe_url(dict(attrs).get("href") or ""))
        elif tag == "spoiler":
            self.spoiler += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.lines += [[], []]
        elif tag in _EMPHASIS_TAGS:
            self.emphasis = max(0, self.emphasis - 1)
        elif tag in _STRONG_TAGS:
            self.strong = max(0, self.strong - 1)
        elif tag == "a" and self.links:
            self.links.pop()
        elif tag == "spoiler":
            self.spoiler = max(0, self.spoiler - 1)

    def handle_data(self, data: str) -> None:
        text = _HTML_SPACE.sub(" ", data)
        if self.spoiler:  # a spoiler's text is plain: a role holds no other markup
            self.lines[-1].append(Span(text, spoiler=True))
            return
        # Neither markup nests styles: a link stays a link, bold wins over italics.
        href = self.links[-1] if self.links else ""
        strong = self.strong > 0 and not href
        emphasis = self.emphasis > 0 and not (strong or href)
        self.lines[-1] += [span if span.role else replace(span, emphasis=emphasis, strong=strong, href=href)
                           for span in goodreads_links(text)]  # fmt: skip


def goodreads_links(text: str) -> Iterator[Span]:
    """Text with Goodreads' ``[b:Title|id|...]`` and ``[a:Name|id|...]`` as
    reference spans (a book by its Goodreads id, an author by name)."""
    start = 0
    for match in _GOODREADS_LINK.finditer(text):
        yield Span(text[start : match.start()])
        shown = match["text"].strip()
        yield Span(shown, role=GOODREADS_ROLES[match["kind"]], target=match["id"] if match["kind"] == "b" else shown)
        start = match.end()
    yield Span(text[start:])


def html_to_paragraphs(html: str) -> tuple[Paragraph, ...]:
    """Paragraphs of a review written in HTML (``<br/>``, ``<i>``, ``<b>``,
    ``<a>``, ``<spoiler>``)."""
    parser = _ReviewParser()
    parser.feed(_VIEW_SPOILER.sub(r"<spoiler>\1</spoiler>", html))
    parser.close()
    return _paragraphs(parser.lines)


def resolve_references(
    paragraphs: tuple[Paragraph, ...], targets: Mapping[tuple[str, str], str]
) -> tuple[Paragraph, ...]:
    """Each reference span a link where ``targets`` has its ``(role,
    target)`` (a review's id, an author's name), else its text alone."""

    def resolved(span: Span) -> Span:
        if not span.role:
            return span
        found = targets.get((span.role, span.target))
        return replace(span, target=found) if found else Span(span.text)

    return tuple(tuple(tuple(resolved(span) for span in line) for line in paragraph) for paragraph in paragraphs)


def text_to_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of plain text: a blank line separates them, a newline breaks a line."""
    return _paragraphs([[Span(_HTML_SPACE.sub(" ", line))] for line in text.split("\n")])


def label_paragraph(label: str, text: str) -> Paragraph:
    """A one-line paragraph opening with a bold label, e.g. ``Content warnings:``."""
    return ((Span(label, strong=True), Span(" " + " ".join(text.split()))),)


def safe_url(href: str) -> str:
    """An http(s) link target with no character that could end the markup, else ``""``."""
    try:
        url = parse_url(href)
    except InvalidValue:
        return ""
    return _URL_UNSAFE.sub(lambda match: f"%{ord(match[0]):02X}", url)


def _paragraphs(lines: list[list[Span]]) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in map(_tidy, lines):
        if line:
            current.append(line)
        elif current:
            paragraphs.append(tuple(current))
            current = []
    if current:
        paragraphs.append(tuple(current))
    return tuple(paragraphs)


def _tidy(spans: list[Span]) -> Line:
    """Merge runs of one style, collapse spaces across tags, trim the line's ends."""
    merged: list[Span] = []
    for span in spans:
        text = span.text.lstrip(" ") if merged and merged[-1].text.endswith(" ") else span.text
        if merged and merged[-1].style == span.style:
            merged[-1] = replace(merged[-1], text=merged[-1].text + text)
        elif text:
            merged.append(replace(span, text=text))
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip(" "))
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip(" "))
    return tuple(span for span in merged if span.text)


def _split_space(text: str) -> tuple[str, str, str]:
    """Leading space, core, trailing space: markup must hug its text."""
    core = text.strip(" ")
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


# -- reStructuredText -------------------------------------------------------


def rst_escape(text: str) -> str:
    """Inline text with every markup character escaped; ``::`` would start a literal block."""
    return _RST_SPECIAL.sub(lambda match: "\\" + match[0], text).replace("::", ":\\:")


def rst_block_text(text: str) -> str:
    """Escaped text for the start of a block, where ``-``, ``..``, ``1.`` and the like mean structure."""
    return _rst_block_start(rst_escape(text))


def _rst_block_start(rendered: str) -> str:
    if rendered[:1] in _RST_BLOCK_START and rendered[:1] != "\\":
        return "\\" + rendered
    return _RST_ENUMERATOR.sub(lambda match: match[0] + "\\", rendered, count=1)


def rst_paragraph(paragraph: Paragraph) -> list[str]:
    """Source lines of one paragraph; several lines become a line block."""
    if len(paragraph) > 1:
        return ["| " + _rst_line(line) for line in paragraph]
    line = paragraph[0]
    rendered = _rst_line(line)
    return [_rst_block_start(rendered) if line[0].plain else rendered]


def _rst_line(line: Line) -> str:
    out = ""
    glued = False  # the last piece was markup, which must be followed by space or an escaped one
    for span in line:
        lead, core, trail = _split_space(span.text)
        if span.plain or not core:
            piece = rst_escape(span.text)
            out += ("\\ " if glued and not _may_follow_markup(piece[:1]) else "") + piece
            glued = False
            continue
        out += lead
        out += ("\\ " if out and not _may_precede_markup(out[-1]) else "") + _rst_markup(span, core) + trail
        glued = not trail
    return out


def _may_precede_markup(char: str) -> bool:
    return char.isspace() or char in _RST_BEFORE_MARKUP


def _may_follow_markup(char: str) -> bool:
    return char.isspace() or char in _RST_AFTER_MARKUP


def _rst_markup(span: Span, core: str) -> str:
    if span.spoiler:
        return f":spoiler:`{rst_escape(core)}`"
    if span.role:
        title = rst_escape(core).replace("<", "\\<")
        return f":{span.role}:`{title}`" if core == span.target else f":{span.role}:`{title} <{span.target}>`"
    if span.href:
        # Anonymous (``__``): two links with one text would clash as named targets.
        url = span.href[:-1] + "%5F" if span.href.endswith("_") else span.href
        text = rst_escape(core).replace("<", "\\<")
        return f"`{text} <{url}>`__"
    mark = "**" if span.strong else "*"
    return f"{mark}{rst_escape(core)}{mark}"


# -- MyST Markdown -----------------------------------------------------------


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(lambda match: "\\" + match[0], text)


def _md_block_start(rendered: str) -> str:
    """``#``, ``>``, ``-``, ``%`` (a MyST comment), ``:`` (an option) and ``1.`` mean structure at a line's start."""
    if rendered[:1] in _MD_BLOCK_START and rendered[:1] != "\\":
        return "\\" + rendered
    return _MD_ENUMERATOR.sub(lambda match: match[0] + "\\", rendered, count=1)


def md_paragraph(paragraph: Paragraph) -> list[str]:
    """Source lines of one paragraph; a trailing backslash keeps a line break."""
    lines = [_md_block_start(_md_line(line)) if line[0].plain else _md_line(line) for line in paragraph]
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def _md_line(line: Line) -> str:
    pieces = []
    for span in line:
        lead, core, trail = _split_space(span.text)
        if span.plain or not core:
            pieces.append(md_escape(span.text))
        else:
            pieces.append(lead + _md_markup(span, core) + trail)
    return "".join(pieces)


def _md_markup(span: Span, core: str) -> str:
    if span.spoiler:
        return md_role("spoiler", core)
    if span.role:
        return md_role(span.role, core if core == span.target else f"{core} <{span.target}>")
    if span.href:
        return f"[{md_escape(core)}](<{span.href}>)"
    mark = "**" if span.strong else "*"
    return f"{mark}{md_escape(core)}{mark}"


def md_role(role: str, content: str) -> str:
    """``{role}`content```: MyST reads a role's content as it is, like a
    code span, so a backtick in it takes a longer fence (and a space where
    it would touch the fence)."""
    fence = "`" * (max((len(run) for run in re.findall("`+", content)), default=0) + 1)
    padded = f" {content} " if content.startswith("`") or content.endswith("`") else content
    return f"{{{role}}}{fence}{padded}{fence}"
