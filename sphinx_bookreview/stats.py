"""The ``bookreview-stats`` directive: charts of the collection.

Books per year, pages per year and the rating distribution, counting the
books read: each finished reading counts in its year (a book read again
counts again, its pages too), and each book read once or more in the
rating distribution. Like a listing, the directive leaves a
placeholder that is filled at ``doctree-resolved`` from the domain's
records. Each chart is a container holding a captioned table of its
numbers, which every builder renders in its own idiom; HTML draws it
instead as an inline SVG bar chart (:mod:`sphinx_bookreview.render.html`).
A chart's size follows the data, never the span of the years or of the
rating scale: a long run of empty years or steps is one break (:func:`bars`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.model import round_to_step
from sphinx_bookreview.nodes import bookreview_chart, bookreview_stats
from sphinx_bookreview.rating import shown_number
from sphinx_bookreview.shared import CollectionDirective

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinx_bookreview.model import Review

_ = get_translation("sphinx_bookreview")


#: Years (or rating steps) without books drawn as empty bars between two
#: that have some, up to this many in a row; a longer run is one break.
SHORT_GAP = 5
#: A rating scale of at most this many steps is drawn whole, 0 to the scale.
WHOLE_SCALE = 21
#: Between the first and last year (or step) of a break's label.
RANGE_DASH = "\u2013"


@dataclass(frozen=True)
class Bar:
    """One row of a chart; a ``gap`` is a break standing for the run of
    empty years or steps its label names (first and last, joined by
    :data:`RANGE_DASH`)."""

    label: str
    value: int
    gap: bool = False


@dataclass(frozen=True)
class Chart:
    title: str
    label_heading: str
    value_heading: str
    rows: tuple[Bar, ...]


def read_books(reviews: Iterable[Review]) -> list[Review]:
    """The books read to their end at least once."""
    return [r for r in reviews if any(reading.status == "read" for reading in r.readings)]


def bars(counts: Mapping[int, int], label: Callable[[int], str], keys: Iterable[int] = ()) -> tuple[Bar, ...]:
    """A bar per key of ``counts`` (and of ``keys``, shown even when
    empty), in order. Between two of them, the keys without books are
    empty bars across a short gap and one break across a longer one: the
    chart grows with the data, not with the span (a typo of 1024 for
    2024 is one break, not a thousand bars)."""
    shown = sorted({*counts, *keys})
    rows: list[Bar] = []
    for previous, key in zip([None, *shown], shown, strict=False):
        if previous is not None and key - previous - 1 > SHORT_GAP:
            rows.append(Bar(label(previous + 1) + RANGE_DASH + label(key - 1), 0, gap=True))
        elif previous is not None:
            rows += [Bar(label(empty), 0) for empty in range(previous + 1, key)]
        rows.append(Bar(label(key), counts.get(key, 0)))
    return tuple(rows)


def per_year(reviews: list[Review], weight: str | None) -> tuple[Bar, ...]:
    """Finished readings (or a field's sum) per year with books, a book
    read in two years counted in each; see :func:`bars`."""
    totals: Counter[int] = Counter()
    for review in reviews:
        for year in review.finished_years:
            totals[year] += (getattr(review, weight) or 0) if weight else 1
    return bars(totals, lambda year: f"{year:04d}")


def rating_distribution(reviews: list[Review], scale: float, step: float, language: str | None) -> tuple[Bar, ...]:
    """Books per rating as drawn in stars: every step from 0 to the scale
    on a scale of few steps; on a finer one the steps with books and the
    two ends (see :func:`bars`)."""
    counts = Counter(round(round_to_step(r.rating, step) / step) for r in reviews if r.rating is not None)
    if not counts:
        return ()
    last = int(scale / step + 1e-9)
    ends = range(last + 1) if last + 1 <= WHOLE_SCALE else (0, last)
    return bars(counts, lambda index: shown_number(round(index * step, 6), language), ends)


def charts(reviews: Iterable[Review], config: Config) -> list[Chart]:
    read = read_books(reviews)
    return [
        Chart(_("Books per year"), _("Year"), _("Books"), per_year(read, None)),
        Chart(_("Pages per year"), _("Year"), _("Pages"), per_year(read, "pages")),
        Chart(_("Rating distribution"), _("Rating"), _("Books"),
              rating_distribution(read, config.bookreview_rating_scale, config.bookreview_rating_step,
                                  config.language)),
    ]  # fmt: skip


class BookReviewStatsDirective(CollectionDirective):
    """Takes no options; any given is reported and ignored."""

    def run(self) -> list[nodes.Node]:
        for name in self.options:
            self.warn(name, f"unknown option :{name}: (ignored)")
        node = bookreview_stats()
        self.set_source_info(node)
        return [node]


# -- doctree ------------------------------------------------------------------


def chart_node(chart: Chart, chart_id: str) -> bookreview_chart:
    group = nodes.tgroup(cols=2)
    group += [nodes.colspec(colwidth=12), nodes.colspec(colwidth=8)]  # in characters, for the text builder
    group += nodes.thead("", table_row(chart.label_heading, chart.value_heading))
    group += nodes.tbody("", *(table_row(row.label, str(row.value)) for row in chart.rows))
    table = nodes.table("", nodes.title(chart.title, chart.title), group, classes=["bookreview-chart-table"])
    node = bookreview_chart("", table, ids=[chart_id], classes=["bookreview-chart"])
    rows = chart.rows
    node.update_all_atts({"title": chart.title, "labels": [row.label for row in rows],
                          "values": [row.value for row in rows], "gaps": [row.gap for row in rows]})  # fmt: skip
    return node


def table_row(*cells: str) -> nodes.row:
    return nodes.row("", *(nodes.entry("", nodes.paragraph(text, text)) for text in cells))


def stats_node(chart_list: list[Chart], first_id: int) -> nodes.container:
    wrapper = nodes.container(classes=["bookreview-stats"])
    drawn = [chart for chart in chart_list if chart.rows]
    if not drawn:
        wrapper += nodes.paragraph(_("No books read yet."), _("No books read yet."), classes=["bookreview-stats-empty"])
    for id_number, chart in enumerate(drawn, start=first_id):
        wrapper += chart_node(chart, f"bookreview-chart-{id_number}")
    return wrapper


def fill_stats(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain = BookDomain.of(app.env)
    if not domain.may_show_collection(app.builder, docname):
        return
    placeholders = list(doctree.findall(bookreview_stats))
    if not placeholders:
        return
    chart_list = charts(domain.views.winners.values(), app.config)
    # Ids numbered through the whole doctree: one page in singlehtml and
    # LaTeX holds every document.
    for index, node in enumerate(placeholders):
        filled = stats_node(chart_list, index * len(chart_list))
        filled.source, filled.line = node.source, node.line
        node.replace_self(filled)


def setup_stats(app: Sphinx) -> None:
    app.add_directive("bookreview-stats", BookReviewStatsDirective)
    app.connect("doctree-resolved", fill_stats)
