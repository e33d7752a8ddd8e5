"""What the directives share: option specs that take every option, located
warnings at the line of the option they are about, the base of the
collection directives; and a label's colon, as the project's language
writes it.

Every bad option is one located ``bookreview`` warning, never the docutils
error that drops the whole directive: so the specs accept unknown options,
and the directives report each.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import RSTState
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

_ = get_translation("sphinx_bookreview")
logger = logging.getLogger(__name__)


def colon(label: str) -> str:
    """``Spoiler:``: a label before what it introduces, its colon as the
    project's language writes it (French puts a no-break space before it:
    ``Divulgâcheur :``, never broken from the word)."""
    return _("%(label)s:") % {"label": label}


class AnyOption(dict[str, object]):
    """Accepts every option name, so docutils and MyST hand us unknown
    options instead of dropping the whole directive with an error."""

    def __missing__(self, key: str) -> object:
        return directives.unchanged


class EveryOption(AnyOption):
    """:class:`AnyOption` for a directive with no options of its own:
    docutils and MyST read options only where the spec is truthy, and would
    take them for content otherwise."""

    def __bool__(self) -> bool:
        return True


def option_spec(names: list[str] | tuple[str, ...]) -> AnyOption:
    """A spec of ``names``, each taken as text, that accepts any other name too."""
    return AnyOption((name, directives.unchanged) for name in names)


def option_line(directive: SphinxDirective, option: str | None) -> tuple[str | None, int]:
    """The file and line of ``:option:``, else of the directive itself.

    The file is the one the directive is written in, an included file too
    (``get_source_info``, not the document's name), as an absolute path:
    docutils names an included file relative to the working directory.
    The line is read from
    that file, not from ``block_text``: what MyST puts in ``block_text``
    differs between its versions. Options are the lines after the
    directive's up to the first blank line (or, in MyST's YAML form,
    ``option: value`` lines).
    """
    given, lineno = directive.get_source_info()
    # abspath, not resolve(): Sphinx's own paths keep their symlinks.
    source = os.path.abspath(given) if given else None  # noqa: PTH100
    if not option or not source or not Path(source).is_file():
        return source, lineno
    pattern = re.compile(rf"\s*:?{re.escape(option)}:(\s|$)")
    lines = Path(source).read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines[lineno:], start=lineno + 1):
        if not line.strip():
            break
        if pattern.match(line):
            return source, number
    return source, lineno


def warn(directive: SphinxDirective, message: str, subtype: str, option: str | None = None) -> None:
    """One ``bookreview.<subtype>`` warning at the line of ``:option:``."""
    source, line = option_line(directive, option)
    # "file:line" names the file itself; Sphinx reads a (docname, line)
    # pair as the document's own file, wrong for an included one.
    location = f"{source}:{line}" if source else (directive.env.docname, line)
    logger.warning(message, location=location, type="bookreview", subtype=subtype)


class CollectionDirective(SphinxDirective):
    """Base of the directives that show the whole collection (listing,
    statistics): no content, and every option accepted, then checked."""

    has_content = False
    option_spec: ClassVar[dict[str, object]] = EveryOption()  # type: ignore[assignment]

    def warn(self, option: str, message: str) -> None:
        warn(self, message, "option", option)


def parse_content(directive: SphinxDirective) -> list[nodes.Node]:
    """The directive's content, each heading in it a rubric with its text,
    the content under the heading after it (see :func:`headings_as_rubrics`).

    docutils' reStructuredText parser refuses a title inside a directive
    ("Unexpected section title.") and drops its text, where MyST makes a
    heading there a rubric itself. So reStructuredText content is parsed
    with titles allowed, as Sphinx's ``ifconfig`` parses its own, and its
    sections become rubrics too. MyST content is parsed as it is: with
    titles allowed, MyST would move its sections out of the directive, to
    the page's own sections.
    """
    holder = nodes.Element()
    holder += directive.parse_content_to_nodes(allow_section_headings=isinstance(directive.state, RSTState))
    headings_as_rubrics(holder, directive.state.document)
    return holder.children


def headings_as_rubrics(holder: nodes.Element, document: nodes.document) -> None:
    """Replace each section in ``holder``, at any depth, by a rubric of its
    title followed by the section's content, as MyST writes a heading
    inside a directive. The rubric takes the section's ids, names and
    classes, so a link to the heading still leads there."""
    # Outer sections first: a section's subsections then move up with its
    # content, and each is replaced in turn, so all end up side by side.
    for section in list(holder.findall(nodes.section)):
        title = cast("nodes.title", section[0])  # a section starts with its title
        rubric = nodes.rubric(title.rawsource, "", *title.children)
        rubric.update_basic_atts(section)  # ids, names, classes
        rubric.source, rubric.line = title.source, title.line  # for the gettext builder and messages
        for node_id in rubric["ids"]:
            document.ids[node_id] = rubric
        section.parent.replace(section, [rubric, *section.children[1:]])
