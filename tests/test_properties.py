"""Property-based tests (hypothesis): hostile reviews in real builds.

Each example is one project of several generated reviews, in
reStructuredText and MyST, built with the html, text and latex builders
(one environment, so each review is read once). Titles and option values
hold markup of both languages, ``<script>`` and ``</script>``, quotes,
control and bidi characters, huge, negative and non-numbers, very long
strings, path traversal and non-http URLs. Whatever they hold, every
output stays valid and shows each field as written, output by output:

- terminal: the build raises nothing and prints no traceback; every
  warning has a file, a line and a ``bookreview.<subtype>`` type, except
  warnings from docutils or MyST about the markup of a review's BODY or of
  a quick-review answer or verdict (which allow inline markup): those are
  the user's own markup errors, allowed only at the lines where the test
  wrote generated body, answer or verdict text; no warning holds a raw
  control character;
- HTML: every page parses as HTML5 (html5lib) without a single parse
  error, and no id is used twice on a page; no field text becomes an
  element or attribute: each review's HTML has exactly the elements,
  attributes and classes of a twin review with the same facts written as
  plain values (the body, and the inline markup of the answers and the
  verdict, which are the user's markup, left out of the comparison); the
  card shows the title as written; outside bodies and answers, every
  ``href`` and ``src`` is http(s) or relative;
- JSON-LD: every block parses and gives back the field values as written,
  and the verdict as a reader sees it (``verdict_text``);
- the verdict's plain text is one string everywhere: the card's rendered
  verdict (where it holds no link, whose text the link's target decides),
  JSON-LD, the meta and Open Graph descriptions, the feed's summary and
  the catalogue's ``verdict_text``;
- Open Graph: each page's tags, read back by extruct, describe its first
  review with the values as written, and no value adds a ``<meta>``
  element or attribute;
- the catalogue validates against the schema shipped beside it and gives
  back each title and verdict as written (its spoilers masked);
- the Atom feed parses with feedparser without a ``bozo`` error, an entry
  per dated review with its title and summary;
- every SVG chart parses as XML.

Values as written means after the directive leaves out the characters no
output can hold (control characters but tab and line breaks, Unicode's
noncharacters). The LaTeX is built, not compiled: pdfLaTeX cannot typeset
most of the Unicode the generator draws from (a documented limit); the
fixed test at the end compiles a PDF of LaTeX's special characters.

The body is markup on purpose: a ``<script>`` line in a MyST body is raw
HTML that the author wrote, as in any Sphinx page, so bodies are checked
only for crashes and warnings. MyST reads options as a YAML subset, so
its option values are written as double-quoted scalars: a plain value
that is not valid YAML is MyST's own warning, before the directive runs.
Tabs are left out (docutils expands them by column) and so are line
breaks (they end an option).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import extruct
import feedparser
import html5lib
import jsonschema
import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from projects import compiled_pdf, sphinx_build
from sphinx.util.console import strip_colors

from sphinx_bookreview.directive import printable
from sphinx_bookreview.domain import index_anchor
from sphinx_bookreview.model import (
    FORMATS,
    OPTIONS,
    PEOPLE_OPTIONS,
    STATUSES,
    Review,
    is_url,
    mask_spoilers,
    parse_review,
)
from sphinx_bookreview.outputs.feed import xml_text
from sphinx_bookreview.outputs.opengraph import shortened

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"
QUICK = ("why-picked-up", "why-finished", "give-to")
SUBTYPES = ("isbn", "rating", "date", "duplicate", "ref", "url", "option", "config")
REVIEWER = "Project Author"
BASE_URL = "https://reviews.example.org/"
#: What ``str.splitlines`` (and so docutils) takes for a line break.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

CONF = f"""\
project = "Properties"
author = "{REVIEWER}"
extensions = ["myst_parser", "sphinx_bookreview"]
show_warning_types = True
html_baseurl = "https://reviews.example.org/"
# Raw HTML in a MyST body is the author's own HTML, passed through as
# rst's raw directive would: an unclosed <!-- in it hides the rest of the
# page. Turned off, it stays text and every page can be checked.
myst_disable_syntax = ["html_block", "html_inline"]
# The verdict's plain text is taken as it is written, before Sphinx's smart
# quotes: off, the card shows the same quotes and dashes, and the two compare.
smartquotes = False
"""

NASTY = [
    "<script>alert(1)</script>", "</script>", "</SCRIPT >", "<!--", "-->", "]]>", "<![CDATA[", '"', "'", "`",
    "&", "&amp;", "&lt;", "&#60;", '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", "<b>b</b>",
    "\u2028", "{{ x }}", "{% raw %}", "\x00", "\x01", "\x1b[31m", "\x7f", "\u202e", "\u2066", "\u200f",
    "\ufeff", "\u0301", "\U0001f4da", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
    "vbscript:x", "file:///etc/passwd", "//evil.example/x", "../../../../etc/passwd", "/etc/passwd", "..\\..\\x",
    "NaN", "nan", "inf", "-inf", "-1", "-0", "0", "1e308", "9" * 400, "9" * 5000, "#$%&~_^\\{}", "\\",
    "%s", "%(x)s", "{isbn}", "{0}", "*em*", "**strong**", "``lit``", "`x`_", ":book:`r0`", "{book}`r0`",
    ":spoiler:`r0`", "{spoiler}`r0`",
    "|sub|", "[1]_", "_`target`", "[x](javascript:alert(1))", "$x$", "lorem ipsum " * 800,
    # Not longer: Sphinx's text writer wraps a long word in quadratic time.
    "x" * 1000,
]  # fmt: skip
#: Values near the valid ones, per option: some pass, most are edge cases.
NEAR = {
    "isbn": ["978-0-306-40615-7", "0306406152", "978 1 4302 3003 8", "978-0-306-40615-8", "0-306-40615-X"],
    "rating": ["4.5", "8/10", "0", "5/5", "0/0", "4.5/0", "-1", "NaN", "inf", "1e3", "5.0000001", "2.25",
               "9" * 400, "9" * 400 + "/" + "9" * 401, "1" + "0" * 400 + "/1" + "0" * 400, "9" * 5000],
    "pages": ["1", "320", "9" * 30, "9" * 5000, "0", "-5", "3.5", "²", "١٢"],
    "published": ["1999", "2024-02", "2024-02-29", "0001", "9999-12-31", "2023-02-29", "-1999", "19999"],
    "date": ["2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "2024-1-1"],
    "format": [*FORMATS, "HARDCOVER", "scroll"],
    "status": [*STATUSES, "READING", "done"],
    "language": ["en", "pt-BR", "zh-Hant-TW", "x", "en-<script>", "qq-zz"],
    "series": ["Discworld #1", "Saga # 12", "#0", "<b>S</b> #" + "9" * 30, "A #" + "9" * 4400, "Saga #1.5",
               "Saga #1-5", "Saga #5-1", "Saga #" + "9" * 9 + "." + "9" * 9, "Saga #0.0-0"],
    "reads": ["2024-01-01..2024-02-01", "..; 2024-01-05.. (abandoned)", "2024-02-01..2024-01-01", "x..y",
              "2024-01-01", "..(read); ..", ".. (done)", "2023-02-29..", ";;"],
    "progress": ["38%", "120/350", "101%", "0/0", "9" * 20 + "%", "0%", "350/350", "½"],
    "asin": ["B0036WT4SA", "0306406152", "b00zva3xl6", "B1", "0306406153", "B0036WT4S<"],
    "contributor": ["Ann (Foreword); Bob", "(Role)", "Ann (", ";;", "<b>A</b> (<i>r</i>)"],
    "rereview-of": ["r0", "r1", "Not an id", "r-missing"],
    "cover": ["cover.png", "./cover.png", "sub/../cover.png", "/cover.png", "../cover.png", "../../etc/passwd",
              "/etc/passwd", "/../../etc/passwd", "https://example.org/c.png", "http://example.org/c.png?a=1&b=<2>",
              "javascript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd", "//evil.example/c.png",
              "C:\\c.png", "missing.png", "cover.png\x00", "\x01javascript:alert(1)"],
    "url": ["https://example.org/", 'http://example.org/?q=<script>&x="', "HTTPS://EXAMPLE.ORG", "https://",
            "javascript:alert(1)", " javascript:alert(1)", "\x01javascript:alert(1)", "https:///x",
            "ftp://example.org", "mailto:a@b", "data:,x", "//example.org", "https://exa mple.org",
            "https://example.org/\u202e", "https://example.org/\x00"],
    "tags": ["python, fiction", "a,,b", ",", "<script>, </script>", "#$%&~_^\\{}"],
    "author": ["Ann; Bob", ";;", "A, B; C", "<b>A</b>; </script>"],
}  # fmt: skip
for _option in ("started", "finished"):
    NEAR[_option] = NEAR["date"]
NEAR["original-published"] = NEAR["published"]
NEAR["series-url"] = NEAR["url"]
for _option in PEOPLE_OPTIONS[1:]:
    NEAR[_option] = NEAR["author"]

#: Body lines: benign markup of each language, plus generated text.
RST_BODY = ["*em* and **strong**", "``literal``", ":book:`r0`", "`a link <https://example.org>`_",
            "- item", "<script>alert(1)</script>", "</script>", ".. note:: A note."]  # fmt: skip
MD_BODY = ["*em* and **strong**", "`code`", "{book}`r0`", "[a link](https://example.org)", "- item",
           "<script>alert(1)</script>", "</script>", "> quoted"]  # fmt: skip

fragment = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(codec="utf-8", exclude_characters=LINE_BREAKS + "\t"), max_size=12),
)
hostile = st.lists(fragment, max_size=4).map("".join).map(lambda text: re.sub(f"[{LINE_BREAKS}\t]", " ", text))


def option_value(name: str) -> st.SearchStrategy[str]:
    values = st.one_of(st.sampled_from(NEAR[name]), hostile) if name in NEAR else hostile
    if name == "tags" or name in PEOPLE_OPTIONS:
        separator = ", " if name == "tags" else "; "
        return st.one_of(values, st.lists(values, max_size=3).map(separator.join))
    return values


OPTIONAL = sorted({*OPTIONS, *QUICK, "colour"} - {"id"})
options = st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=14).flatmap(
    lambda names: st.fixed_dictionaries({name: option_value(name) for name in names})
)
review = st.fixed_dictionaries({
    "title": hostile,
    "options": options,
    "markdown": st.booleans(),
    # Without the characters HTML forbids: Sphinx writes a page's own text as it is.
    "body": st.lists(st.one_of(st.sampled_from(RST_BODY + MD_BODY), hostile.map(printable)), max_size=4),
})  # fmt: skip


# -- writing the project ----------------------------------------------------


class Project:
    """The generated sources; remembers the lines of the user's markup
    (bodies, and the directive line where answers and verdicts are parsed).
    ``reviews`` holds each review as the directive reads it: its title and
    option values without the characters no output can hold."""

    def __init__(self, srcdir: Path, reviews: list[dict[str, Any]]) -> None:
        self.srcdir = srcdir
        self.reviews = reviews
        self.markup_lines: set[tuple[str, int]] = set()
        self.files = {"hostile-rst.rst": ["Hostile", "=======", ""], "hostile-md.md": ["# Hostile", ""]}

    def write(self) -> None:
        shutil.copyfile(ROOTS / "test-hostile" / "cover.png", self.srcdir / "cover.png")
        (self.srcdir / "conf.py").write_text(CONF, encoding="utf-8")
        (self.srcdir / "index.rst").write_text(INDEX, encoding="utf-8")
        for n, item in enumerate(self.reviews):
            if item["markdown"]:
                self.add_myst(n, item)
            else:
                self.add_rst(n, item)
        twins = ["Twins", "=====", ""] + [line for n, item in enumerate(self.reviews) for line in twin(n, item)]
        self.files["twins.rst"] = twins
        for name, lines in self.files.items():
            (self.srcdir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def add_rst(self, n: int, item: dict[str, Any]) -> None:
        item = without_nul(item)  # docutils' own escape character: it drops it
        self.reviews[n] = as_read(item)
        lines = self.files["hostile-rst.rst"]
        self.note_inline_markup("hostile-rst.rst", len(lines) + 1, item)
        lines += [f".. bookreview:: {item['title']}", f"   :id: r{n}"]
        lines += [f"   :{name}: {value}" for name, value in item["options"].items()]
        lines.append("")
        for text in item["body"]:
            self.markup_lines.add(("hostile-rst.rst", len(lines) + 1))
            lines += [f"   {text}", ""]

    def add_myst(self, n: int, item: dict[str, Any]) -> None:
        # CommonMark makes a NUL in the text U+FFFD; quoted option values keep it.
        item = without_nul(item, options=False)
        self.reviews[n] = as_read(item)
        lines = self.files["hostile-md.md"]
        self.note_inline_markup("hostile-md.md", len(lines) + 1, item)
        lines += [f"~~~~~~{{bookreview}} {item['title']}", f":id: r{n}"]
        lines += [f":{name}: {yaml_quoted(value)}" for name, value in item["options"].items()]
        lines.append("")
        for text in item["body"]:
            self.markup_lines.add(("hostile-md.md", len(lines) + 1))
            lines += [re.sub("~{3,}", "~~", text), ""]  # a line of tildes would end the directive
        lines += ["~~~~~~", ""]

    def note_inline_markup(self, name: str, lineno: int, item: dict[str, Any]) -> None:
        if any(key in item["options"] for key in (*QUICK, "verdict")):
            self.markup_lines.add((name, lineno))


INDEX = """\
Properties
==========

.. toctree::

   hostile-rst
   hostile-md
   twins

.. bookreview-list::
   :columns: title, author, rating, date, published, finished, year, status, tags, reviewer, pages, verdict,
      series, progress

.. bookreview-list::
   :layout: cards

.. bookreview-stats::
"""


def without_nul(item: dict[str, Any], *, options: bool = True) -> dict[str, Any]:
    def clean(text: str) -> str:
        return text.replace("\x00", "")

    options = {name: clean(value) if options else value for name, value in item["options"].items()}
    return item | {"title": clean(item["title"]), "options": options, "body": [clean(t) for t in item["body"]]}


def as_read(item: dict[str, Any]) -> dict[str, Any]:
    """The review as the directive reads it: what no output can hold left out."""
    return item | {"title": printable(item["title"]),
                   "options": {name: printable(value) for name, value in item["options"].items()}}  # fmt: skip


def yaml_quoted(value: str) -> str:
    """A double-quoted YAML scalar that MyST reads back as ``value``."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m[0]):02x}", escaped) + '"'


def parsed(n: int, item: dict[str, Any]) -> Review:
    """The record the directive makes of generated review ``n``, as the
    model parses it with the id the project gives it (the cover is checked
    below, as the directive does)."""
    title = item["title"] if item["title"].strip() else "Untitled review"
    options = {**item["options"], "id": f"r{n}"}
    record, _problems = parse_review(title, options, quick_keys=QUICK, default_reviewer=REVIEWER)
    return record


def local_cover_exists(cover: str) -> bool:
    """What the directive accepts as a local cover: a file in the source
    directory (every generated document sits at its top)."""
    if "\x00" in cover:
        return False
    return cover.removeprefix("/") in ("cover.png", "./cover.png", "sub/../cover.png")


def twin(n: int, item: dict[str, Any]) -> list[str]:
    """Review ``n`` with the same facts written as plain values."""
    r = parsed(n, item)
    plain = {
        "subtitle": "Plain subtitle" if r.subtitle else "",
        "author": "; ".join(f"Author {k}" for k in range(len(r.authors))),
        "editor": "; ".join(f"Editor {k}" for k in range(len(r.editors))),
        "translator": "; ".join(f"Translator {k}" for k in range(len(r.translators))),
        "illustrator": "; ".join(f"Illustrator {k}" for k in range(len(r.illustrators))),
        "edition": "Plain edition" if r.edition else "",
        "publisher": "Plain publisher" if r.publisher else "",
        "published": r.published, "isbn": r.isbn, "pages": str(r.pages or ""), "format": r.format,
        "language": r.language,
        "series": ("Plain series" if r.series else "") + (f" #{r.series_position}" if r.series_position else ""),
        "series-url": "https://example.org/series" if r.series_url else "",
        "narrator": "; ".join(f"Narrator {k}" for k in range(len(r.narrators))),
        "contributor": "; ".join(
            f"Contributor {k}" + (" (Plain role)" if role else "") for k, (_name, role) in enumerate(r.contributors)
        ),
        "original-published": r.original_published, "asin": r.asin, "progress": r.progress,
        "reads": "; ".join(f"{s}..{f}" + (f" ({status})" if status != "read" else "") for s, f, status in r.reads),
        "rereview-of": r.rereview_of,
        "cover": twin_cover(r.cover),
        "url": "https://example.org/plain" if r.url else "",
        "rating": f"{r.rating:.6f}" if r.rating is not None else "",
        "reviewer": "Plain reviewer", "date": r.date,
        "started": "" if r.reads else r.started, "finished": "" if r.reads else r.finished,
        "status": r.status, "tags": ", ".join(f"tag{k}" for k in range(len(r.tags))),
        "verdict": "Plain verdict." if r.verdict else "", "disclosure": "Plain disclosure." if r.disclosure else "",
    } | {key: "Plain answer." for key, _answer in r.answers}  # fmt: skip
    lines = [f".. bookreview:: Plain title {n}", f"   :id: t{n}"]
    return [*lines, *(f"   :{key}: {value}" for key, value in plain.items() if value), ""]


def twin_cover(cover: str) -> str:
    if not cover:
        return ""
    if is_url(cover):
        return "https://example.org/plain.png"
    return "cover.png" if local_cover_exists(cover) else ""


# -- building and checking ---------------------------------------------------


def build_all(srcdir: Path) -> Iterator[tuple[str, SphinxTestApp]]:
    """html, text and latex builds sharing one environment."""
    for buildername in ("html", "text", "latex"):
        app = sphinx_build(srcdir, buildername)
        yield buildername, app


def warning_records(app: SphinxTestApp) -> list[str]:
    """The warnings, one string each (docutils' can span several lines)."""
    records: list[str] = []
    # Sphinx colours each warning; a colour code in a value would be quoted.
    text = strip_colors(app.warning.getvalue())
    for line in text.splitlines():
        if line.startswith((str(app.srcdir), "WARNING:", "ERROR:", "CRITICAL:")) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    return records


def check_warning(project: Project, record: str) -> None:
    """Ours: located and typed. Others: only at the lines of user markup."""
    prefix = re.escape(str(project.srcdir))
    ours = re.fullmatch(rf"{prefix}/(\S+):(\d+): WARNING: ([^\n]*) \[bookreview\.(\w+)\]", record)
    if ours:
        name, _line, message, subtype = ours.groups()
        assert name in project.files, record
        assert subtype in SUBTYPES, record
        # Values are quoted with repr(): no raw control character reaches the console.
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", message), record
        return
    other = re.match(rf"{prefix}/(\S+):(\d+): (WARNING|ERROR): .*\[(docutils|myst\.[\w.]+)\]\Z", record, re.DOTALL)
    assert other, f"a warning without file, line and a bookreview subtype: {record!r}"
    assert (other[1], int(other[2])) in project.markup_lines, f"not about a body's markup: {record!r}"
    # Quoting the user's markup, docutils and MyST get only what the directive
    # keeps (and bodies without control characters): none reaches the console.
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", record), record


def outside_user_markup(article: Tag) -> Tag:
    """A copy of the review without its body (whether a body makes any
    node at all is up to its markup) and without the contents of the
    answers and the verdict (their inline markup is the user's)."""
    copy = BeautifulSoup(str(article), "html.parser").article
    assert copy is not None
    for body in copy.select(".bookreview-body"):
        body.decompose()
    for markup in copy.select(".bookreview-quick dd, .bookreview-verdict"):
        markup.clear()
    return copy


def shape(article: Tag) -> Counter[str]:
    """Every element with its attribute names, and every class, counted;
    not the ``<wbr>`` break points of a web address, whose number follows
    the address's own slashes and dots, nor ``fetchpriority``, which only
    the first cover of a page has (its likely largest picture)."""
    counted: Counter[str] = Counter()
    for element in outside_user_markup(article).find_all(lambda tag: tag.name != "wbr"):
        names = sorted(name for name in element.attrs if name != "fetchpriority")
        counted[f"<{element.name} {' '.join(names)}>"] += 1
        counted.update(f".{name}" for name in element.get("class", []))
    return counted


def json_shape(data: Any, path: str = "") -> set[str]:
    if isinstance(data, dict):
        return {p for key, value in data.items() for p in json_shape(value, f"{path}/{key}")}
    if isinstance(data, list):
        return {p for value in data for p in json_shape(value, f"{path}[]")}
    return {path}


def jsonld(article: Tag) -> dict[str, Any]:
    scripts = article.find_all("script", recursive=False)
    assert [script.get("type") for script in scripts] == ["application/ld+json"]
    data: dict[str, Any] = json.loads(scripts[0].string or "")
    return data


def title_of(item: dict[str, Any]) -> str:
    return item["title"].strip() or "Untitled review"


def check_jsonld(data: dict[str, Any], item: dict[str, Any], verdict_text: str) -> None:
    """The free-text fields come back exactly as written (stripped), the
    verdict as a reader sees it."""
    options = {key: value.strip() for key, value in item["options"].items()}
    assert data["name"] == data["itemReviewed"]["name"] == title_of(item), (data["name"], item["title"])
    book = data["itemReviewed"]
    for key, option in (("alternativeHeadline", "subtitle"), ("bookEdition", "edition")):
        assert book.get(key, "") == options.get(option, ""), option
    assert book.get("publisher", {}).get("name", "") == options.get("publisher", "")
    names = list(dict.fromkeys(n.strip() for n in options.get("author", "").split(";") if n.strip()))
    assert [person["name"] for person in book.get("author", [])] == names
    assert data.get("reviewBody", "") == verdict_text
    assert data["author"]["name"] == (options.get("reviewer") or REVIEWER)


def check_opengraph(path: Path, n: int, item: dict[str, Any], verdict_text: str) -> None:
    """The page's tags describe its first review: values as written, less
    what HTML forbids; URLs absolute; no tag or attribute added."""
    html = path.read_text(encoding="utf-8")
    found = [tuple(prop) for og in extruct.extract(html, syntaxes=["opengraph"], uniform=False)["opengraph"]
             for prop in og["properties"]]  # fmt: skip
    record = parsed(n, item)
    expected = [(key, xml_text(value)) for key, value in expected_tags(record, item, path.stem) if value]
    got = {key: value for key, value in found if key not in ("og:image", "og:image:width", "og:image:height",
                                                             "og:description")}  # fmt: skip
    assert [(k, v) for k, v in found if k in got] == expected, f"review r{n}"
    tags = dict(found)
    if verdict_text:
        assert tags["og:description"] == xml_text(shortened(" ".join(verdict_text.split()))), f"review r{n}"
    assert len(tags.get("og:description", "")) <= 200
    assert ("og:image" in tags) == ("og:image:alt" in tags)
    for key, value in found:
        if key in ("og:url", "og:image") or (key == "book:author" and value.startswith("http")):
            assert re.match(r"https?://", value) and safe_url(value), (key, value)
    head = BeautifulSoup(html, "html.parser").head
    assert head is not None
    metas = head.find_all("meta")
    assert all(sorted(meta.attrs) in (["charset"], ["content", "name"], ["content", "property"]) for meta in metas)
    assert len([meta for meta in metas if meta.get("property")]) == len(found)
    cards = [meta["content"] for meta in metas if meta.get("name") == "twitter:card"]
    assert cards == ["summary_large_image" if "og:image" in tags else "summary"]


def expected_tags(record: Review, item: dict[str, Any], page: str) -> list[tuple[str, str]]:
    """The tags of a review whose image, size and description are checked apart."""
    title = title_of(item)
    authors = [f"{BASE_URL}book-author.html#{index_anchor(name)}" for name in record.authors]
    return [
        ("og:type", "book"), ("og:title", title), ("og:url", f"{BASE_URL}{page}.html"),
        ("og:site_name", "Properties"), ("og:locale", "en_US"),
        ("og:image:alt", f"Cover of {title}" if record.cover and cover_shown(record.cover) else ""),
        *(("book:author", url) for url in authors), ("book:isbn", record.isbn_digits),
        ("book:release_date", record.published), *(("book:tag", tag) for tag in record.tags),
    ]  # fmt: skip


def cover_shown(cover: str) -> bool:
    """A cover the page shows: an http(s) URL, or the test's cover.png."""
    return bool(re.match(r"https?://", cover)) or local_cover_exists(cover)


def safe_url(url: str) -> bool:
    """http(s) or relative, as a browser reads it: leading and trailing C0
    controls and spaces stripped, tabs and newlines removed anywhere."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return (scheme is None and not url.startswith("//")) or scheme[1].lower() in ("http", "https")


# -- output by output ---------------------------------------------------------


def check_html5(path: Path) -> None:
    """The page is HTML5 without a parse error, no id used twice, and each
    of its SVG charts is well-formed XML."""
    source = path.read_bytes()
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    tree = parser.parse(source)
    assert parser.errors == [], f"{path.name}: {parser.errors[:3]}"
    ids = Counter(element.get("id") for element in tree.iter() if element.get("id") is not None)
    assert not [key for key, count in ids.items() if count > 1], f"{path.name}: ids used twice"
    for svg in re.findall(rb"<svg\b.*?</svg>", source, re.DOTALL):
        etree.fromstring(svg)


def check_card(article: Tag, item: dict[str, Any], verdict_text: str) -> None:
    """The title as written; the verdict's rendered text is its plain text
    (unless it holds a link: a link to a review shows that review's title;
    or a spoiler, which the page shows and the plain text masks)."""
    assert article.select_one(".bookreview-title strong").get_text() == title_of(item)
    verdict = article.select_one(".bookreview-verdict")
    if verdict is None:
        assert not verdict_text
    elif verdict.find("a") is None and verdict.select_one(".bookreview-spoiler") is None:
        assert " ".join(verdict.get_text().split()) == " ".join(verdict_text.split())


def check_catalog(outdir: Path, project: Project) -> dict[str, dict[str, Any]]:
    """Valid against its own shipped schema; titles and verdicts as written.
    The reviews by id."""
    data = json.loads((outdir / "bookreviews.json").read_text(encoding="utf-8"))
    schema = json.loads((outdir / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    reviews = {review["id"]: review for review in data["reviews"]}
    for n, item in enumerate(project.reviews):
        assert reviews[f"r{n}"]["title"] == title_of(item)
        verdict = item["options"].get("verdict", "").strip()
        assert reviews[f"r{n}"]["verdict"] == mask_spoilers(verdict, "[spoiler]")
    return reviews


def check_feed(outdir: Path, catalog: dict[str, dict[str, Any]]) -> None:
    """Parses without a bozo error; an entry per dated review, newest first,
    with its title and its verdict's text less what XML forbids."""
    feed = feedparser.parse((outdir / "reviews.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    dated = [review for review in catalog.values() if review["date"] or review["finished"]]
    dated.sort(key=lambda review: review["id"])
    dated.sort(key=lambda review: review["date"] or review["finished"], reverse=True)
    assert [entry.link for entry in feed.entries] == [review["absolute_url"] for review in dated]
    assert [entry.title for entry in feed.entries] == [xml_text(review["title"]) for review in dated]
    summaries = [entry.get("summary", "") for entry in feed.entries]
    assert summaries == [xml_text(review["verdict_text"]) for review in dated]


def check_descriptions(page: BeautifulSoup, reviews: list[dict[str, Any]]) -> None:
    """A page with one review is described by its verdict's text."""
    descriptions = [meta["content"] for meta in page.select('meta[name="description"]')]
    if len(reviews) == 1 and reviews[0]["verdict_text"]:
        assert descriptions == [reviews[0]["verdict_text"]]


def check_html(project: Project, outdir: Path) -> None:
    for path in outdir.rglob("*.html"):
        check_html5(path)
    catalog = check_catalog(outdir, project)
    check_feed(outdir, catalog)
    twins = BeautifulSoup((outdir / "twins.html").read_text(encoding="utf-8"), "html.parser")
    pages = {name: BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
             for name in ("hostile-rst", "hostile-md", "index")}  # fmt: skip
    for n, item in enumerate(project.reviews):
        page = pages["hostile-md" if item["markdown"] else "hostile-rst"]
        article, plain = page.find("article", id=f"r{n}"), twins.find("article", id=f"t{n}")
        assert isinstance(article, Tag), f"review r{n} is missing"
        assert isinstance(plain, Tag)
        got, expected = shape(article), shape(plain)
        assert got == expected, f"review r{n}: more {got - expected}, fewer {expected - got}"
        assert json_shape(jsonld(article)) == json_shape(jsonld(plain))
        check_jsonld(jsonld(article), item, catalog[f"r{n}"]["verdict_text"])
        check_card(article, item, catalog[f"r{n}"]["verdict_text"])
    for name in ("hostile-rst", "hostile-md"):
        on_page = [(n, item) for n, item in enumerate(project.reviews) if item["markdown"] == name.endswith("md")]
        check_descriptions(pages[name], [catalog[f"r{n}"] for n, _item in on_page])
        if on_page:
            n, item = on_page[0]
            check_opengraph(outdir / f"{name}.html", n, item, catalog[f"r{n}"]["verdict_text"])
    for page in pages.values():
        for element in page.find_all(["a", "img", "link", "script"]):
            if element.find_parent(class_=["bookreview-body", "bookreview-quick", "bookreview-verdict"]):
                continue
            for attribute in ("href", "src"):
                assert safe_url(element.get(attribute, "")), f"unsafe {attribute}: {element}"


@settings(
    # A few builds per example: a handful keeps the suite quick; set
    # BOOKREVIEW_PROPERTY_EXAMPLES to search longer.
    max_examples=int(os.environ.get("BOOKREVIEW_PROPERTY_EXAMPLES", "6")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(reviews=st.lists(review, min_size=1, max_size=8))
def test_hostile_reviews(reviews: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp), reviews)
        project.write()
        for buildername, app in build_all(project.srcdir):
            assert "Traceback" not in app.status.getvalue() + app.warning.getvalue()
            for record in warning_records(app):
                check_warning(project, record)
            if buildername == "html":
                check_html(project, app.outdir)


# -- what the properties found ----------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "field", "problem"),
    [
        # int() refuses more than 4,300 digits: a crash, not a warning.
        ("pages", "9" * 5000, ("pages", None), "invalid page count"),
        ("series", "Saga #" + "9" * 5000, ("series_number", None), None),
        # Beyond a float's range: infinity / infinity made a NaN rating,
        # and value * scale an infinite one; both crashed drawing stars.
        ("rating", "9" * 400 + "/" + "9" * 401, ("rating", None), "invalid rating"),
        ("rating", "1" + "0" * 308 + "/1" + "0" * 308, ("rating", 5.0), None),
    ],
    ids=["pages", "series", "rating-nan", "rating-overflow"],
)
def test_huge_numbers(option: str, value: str, field: tuple[str, object], problem: str | None) -> None:
    record, problems = parse_review("Title", {option: value})
    assert getattr(record, field[0]) == field[1]
    assert [p.message.partition(" '")[0] for p in problems] == ([problem] if problem else [])


def test_cover_names_the_system_refuses(tmp_path: Path) -> None:
    """A cover name too long for the file system is a cover not found: the
    operating system's error crashed the build. A NUL byte (which MyST's
    quoted values can hold) crashed it too; now the directive leaves it out,
    with every character no output can hold."""
    long_name = "x" * 300 + ".png"
    conf = 'extensions = ["myst_parser", "sphinx_bookreview"]\nshow_warning_types = True\n'
    (tmp_path / "conf.py").write_text(conf, encoding="utf-8")
    nul = '```{bookreview} Nul\n:cover: "a.png\\x00"\n```\n'
    reviews = f"```{{bookreview}} Long\n:cover: {long_name}\n```\n\n{nul}"
    (tmp_path / "index.md").write_text("# Covers\n\n" + reviews, encoding="utf-8")
    app = sphinx_build(tmp_path, "dummy")
    assert warning_records(app) == [
        f"{tmp_path}/index.md:4: WARNING: cover image not found: {long_name!r} [bookreview.url]",
        f"{tmp_path}/index.md:8: WARNING: cover image not found: 'a.png' [bookreview.url]",
    ]


def test_feed_with_characters_xml_forbids(tmp_path: Path) -> None:
    """Control characters in a title, verdict, reviewer or tag: lxml
    refused to write the feed, and the build failed at its end."""
    conf = 'extensions = ["sphinx_bookreview"]\nhtml_baseurl = "https://example.org/"\n'
    (tmp_path / "conf.py").write_text(conf, encoding="utf-8")
    review = ".. bookreview:: A\x01B\x1b[31mC\ufffe\n   :verdict: V\x08\n   :reviewer: R\x0e\n   :tags: t\x1f\n"
    (tmp_path / "index.rst").write_text("Feed\n====\n\n" + review + "   :date: 2024-01-01\n", encoding="utf-8")
    app = sphinx_build(tmp_path)
    feed = (app.outdir / "reviews.atom").read_text(encoding="utf-8")
    assert "<title>AB[31mC</title>" in feed
    assert "<summary>V</summary>" in feed
    assert "<name>R</name>" in feed
    assert '<category term="t"/>' in feed


# -- the PDF ---------------------------------------------------------------


@pytest.mark.latex
def test_pdf_compiles_with_latex_special_characters(rootdir: Path, tmp_path: Path) -> None:
    """A title ``#$%&~_^\\{}`` and every field full of LaTeX's special
    characters (and HTML's), in the card, a listing table and the stats:
    the PDF compiles and shows the title as text."""
    srcdir = tmp_path / "hostile"
    shutil.copytree(rootdir / "test-hostile", srcdir)
    pdf = compiled_pdf(sphinx_build(srcdir, "latex").outdir, "hostile", tmp_path / "pdf")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "#$%&~_^\\{}" in text
        assert "A rainy day </dd></dl><script>alert(1)</script>." in " ".join(text.split())
