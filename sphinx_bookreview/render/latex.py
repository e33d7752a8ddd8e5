"""LaTeX: the review's label; the cover, centred on a line of its own above
the facts; stars drawn with amssymb's ``\\bigstar`` (Sphinx loads amssymb);
an inline spoiler marked in brackets (a block of spoilers is an admonition,
boxed as Sphinx boxes them); the column spec of listing tables
(:func:`table_colspec`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from sphinx_bookreview.rating import shown_number, star_counts, stars_text
from sphinx_bookreview.shared import colon

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.writers.latex import LaTeXTranslator

_ = get_translation("sphinx_bookreview")

#: Stars kept together on a line; a longer scale breaks between groups.
STAR_GROUP = 5


def visit_cover(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{center}")
    node["width"] = "30%"  # of the line: a cover, not a full-page plate
    self.visit_image(node)


def depart_cover(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_image(node)
    self.body.append("\\end{center}\n")


def visit_bookreview(self: LaTeXTranslator, node: nodes.Element) -> None:
    # LaTeX gives a container no \label, yet :book: links and the index
    # pages point at the review's id: without one they are dead in the PDF.
    self.body.append(self.hypertarget_to(node, anchor=True))
    self.visit_container(node)


def depart_bookreview(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


def visit_rating(self: LaTeXTranslator, node: nodes.Element) -> None:
    """The stars, then the number: each whole, with a line break allowed
    between them and every five stars, so a narrow table cell or a long
    scale wraps instead of running into the next column.

    In a heading, the PDF's bookmark gets the text form (``★★★★½
    (4.5/5)``): a bookmark is plain text, and hyperref would drop the
    math stars with a warning each. Every engine takes the characters
    there, pdflatex's too (Sphinx has hyperref write bookmarks in Unicode).
    """
    stars, scale = node["stars"], node["scale"]
    full, half, empty = star_counts(stars, scale)
    drawn = [r"$\bigstar$"] * full + [r"\textonehalf"] * half + [r"$\star$"] * empty
    groups = [drawn[n : n + STAR_GROUP] for n in range(0, len(drawn), STAR_GROUP)]
    boxes = r"\allowbreak".join(rf"\mbox{{{''.join(group)}}}" for group in groups)
    language = self.config.language
    typeset = rf"{boxes}\ \mbox{{({shown_number(stars, language)}/{shown_number(scale, language)})}}"
    self.body.append(rf"\texorpdfstring{{{typeset}}}{{{stars_text(stars, scale, language)}}}")
    raise nodes.SkipNode


def visit_spoiler(self: LaTeXTranslator, node: nodes.Element) -> None:
    # A printed page cannot hide it: the text is marked, in brackets.
    self.body.append(rf"\sphinxstylestrong{{[{self.encode(colon(_('Spoiler')))}}} ")


def depart_spoiler(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\sphinxstylestrong{]}")


# -- listing tables ---------------------------------------------------------

#: Widths in em of what the unbroken columns hold, in TeX's text fonts
#: (Times, Latin Modern): digits are half an em, punctuation less; other
#: characters, as a heading's letters in sans serif, a little more than half.
CHAR_EM = {**dict.fromkeys("0123456789", 0.5), "-": 0.34, "(": 0.34, ")": 0.34, "/": 0.28, ".": 0.25, " ": 0.25}
UPPER_EM, OTHER_EM = 0.72, 0.56
#: The widest star drawn (amssymb's ``\bigstar``).
STAR_EM = 0.95
#: Sphinx's text width at 10 pt on letter or A4 paper, in em; a column's
#: padding (``\tabcolsep`` on each side), in em at 10 pt.
LINE_EM, PADDING_EM = 47, 1.2
#: The share of a line the unbroken columns may take before the others
#: stop shrinking with them.
MOST_FIXED = 0.7
#: Starts a cell's paragraph ragged right, so a narrow column is not
#: stretched; ``\arraybackslash`` keeps ``\\`` the row's end. In the cell, not
#: in the column spec: Sphinx 9 wraps each cell in a ``varwidth``, which
#: sets paragraphs justified again.
RAGGED = r"\raggedright\arraybackslash "


def text_em(text: str) -> float:
    return sum(CHAR_EM.get(char, UPPER_EM if char.isupper() else OTHER_EM) for char in text)


def rating_em(stars: int, numbers: Iterable[str]) -> tuple[float, float]:
    """The widest rating :func:`visit_rating` draws, on one line (every
    star full, at most ten, a space, the widest of its ``numbers``) and
    folded (five stars a line, the number on a line of its own)."""
    widest = max(map(text_em, numbers))
    folded = max(min(stars, STAR_GROUP) * STAR_EM, widest)
    return min(stars, 2 * STAR_GROUP) * STAR_EM + CHAR_EM[" "] + widest, folded


@dataclass(frozen=True)
class Column:
    """A listing column's widths in em: one whose words must not break
    (dates, numbers, ratings) is as ``wide`` as its widest, or ``folded``
    where room is short; one with ``wide`` None shares what the others
    leave of the line by its ``weight``, but never gets less than ``least``
    (its heading's widest word)."""

    weight: int
    least: float
    wide: float | None = None
    folded: float | None = None


def table_colspec(columns: Sequence[Column]) -> str:
    """A ``tabularcolumns`` spec for the ``tabular`` and ``longtable`` that
    Sphinx writes: fixed widths in em, and shares of the rest of the line.
    Unbroken columns fold where they would take more than 70 % of a line;
    if they still do, the shared ones take 30 % anyway: the table then runs
    wide, but no column is squeezed to nothing or below.
    """
    widths = {n: column.wide for n, column in enumerate(columns) if column.wide is not None}
    if sum(widths.values()) + PADDING_EM * len(columns) > MOST_FIXED * LINE_EM:
        widths = {n: column.folded or 0.0 for n, column in enumerate(columns) if column.wide is not None}
    while True:  # a share narrower than its heading's word takes that word's width, while room lasts
        rest = LINE_EM - sum(widths.values()) - PADDING_EM * len(columns)
        shared = {n: column for n, column in enumerate(columns) if n not in widths}
        total = sum(column.weight for column in shared.values())
        narrow = {n: column.least for n, column in shared.items() if rest * column.weight / total < column.least}
        if not narrow or rest - sum(narrow.values()) < (1 - MOST_FIXED) * LINE_EM:
            break
        widths.update(narrow)
    line = rf"\linewidth-{sum(widths.values()):.2f}em-{2 * len(columns)}\tabcolsep"
    if rest < (1 - MOST_FIXED) * LINE_EM:
        line = rf"{1 - MOST_FIXED:g}\linewidth"
    return "".join(
        rf"p{{{widths[n]:.2f}em}}" if n in widths else rf"p{{\dimexpr({line})*{column.weight}/{total}\relax}}"
        for n, column in enumerate(columns)
    )


def sized_table(table: nodes.table, colspec: str) -> list[nodes.Node]:
    """``table`` after its column spec (the node the ``tabularcolumns``
    directive makes), its cells' paragraphs ragged right."""
    for paragraph in table.findall(nodes.paragraph):
        paragraph.insert(0, nodes.raw("", RAGGED, format="latex"))
    return [addnodes.tabular_col_spec(spec=colspec), table]
