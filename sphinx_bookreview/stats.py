"""The ``bookreview-stats`` directive: charts of the collection.

Books per year, pages per year and the rating distribution, counting the
books with status ``read``. Like a listing, the directive leaves a
placeholder that is filled at ``doctree-resolved`` from the domain's
records. Each chart is a container holding a captioned table of its
numbers, which every builder renders in its own idiom; HTML draws it
instead as an inline SVG bar chart that screen readers read as an image
named by its title and its numbers.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_bookreview.domain import BookDomain
from sphinx_bookreview.listing import CollectionDirective
from sphinx_bookreview.model import number, round_to_step
from sphinx_bookreview.nodes import bookreview_collection

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_bookreview.model import Review

_ = get_translation("sphinx_bookreview")


class bookreview_stats(bookreview_collection):  # noqa: N801 - docutils names nodes in lowercase
    """Where the charts go."""


class bookreview_chart(nodes.container):  # noqa: N801
    """One chart: a captioned table; ``labels`` and ``values`` for HTML."""


@dataclass(frozen=True)
class Chart:
    title: str
    label_heading: str
    value_heading: str
    rows: tuple[tuple[str, int], ...]


def read_books(reviews: Iterable[Review]) -> list[Review]:
    return [r for r in reviews if r.status == "read"]


def per_year(reviews: list[Review], weight: str | None) -> tuple[tuple[str, int], ...]:
    """Books (or a field's sum) per year, every year of the span shown,
    so that a year without books is a gap, not a missing bar."""
    totals: Counter[int] = Counter()
    for review in reviews:
        if review.year is not None:
            totals[review.year] += (getattr(review, weight) or 0) if weight else 1
    if not totals:
        return ()
    return tuple((str(year), totals[year]) for year in range(min(totals), max(totals) + 1))


def rating_distribution(reviews: list[Review], scale: float, step: float) -> tuple[tuple[str, int], ...]:
    """Books per rating as drawn in stars, every step from 0 to the scale."""
    counts = Counter(round(round_to_step(r.rating, step), 6) for r in reviews if r.rating is not None)
    if not counts:
        return ()
    steps = {round(i * step, 6) for i in range(int(scale / step + 1e-9) + 1)}
    return tuple((number(value), counts[value]) for value in sorted(steps | counts.keys()))


def charts(reviews: Iterable[Review], config: Config) -> list[Chart]:
    read = read_books(reviews)
    return [
        Chart(_("Books per year"), _("Year"), _("Books"), per_year(read, None)),
        Chart(_("Pages per year"), _("Year"), _("Pages"), per_year(read, "pages")),
        Chart(_("Rating distribution"), _("Rating"), _("Books"),
              rating_distribution(read, config.bookreview_rating_scale, config.bookreview_rating_step)),
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
    group += nodes.tbody("", *(table_row(label, str(value)) for label, value in chart.rows))
    table = nodes.table("", nodes.title(chart.title, chart.title), group, classes=["bookreview-chart-table"])
    node = bookreview_chart("", table, ids=[chart_id], classes=["bookreview-chart"])
    node.update_all_atts({"title": chart.title, "labels": [label for label, _v in chart.rows],
                          "values": [value for _l, value in chart.rows]})  # fmt: skip
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
    chart_list = charts(domain.winners.values(), app.config)
    # Ids numbered through the whole doctree: one page in singlehtml and
    # LaTeX holds every document.
    for index, node in enumerate(placeholders):
        filled = stats_node(chart_list, index * len(chart_list))
        filled.source, filled.line = node.source, node.line
        node.replace_self(filled)


# -- HTML: an inline SVG bar chart ----------------------------------------------

PLOT_HEIGHT, TOP, BOTTOM, SLOT, BAR = 120, 18, 22, 44, 28
BASELINE = TOP + PLOT_HEIGHT


def svg_chart(node: nodes.Element) -> str:
    labels, values, chart_id = node["labels"], node["values"], node["ids"][0]
    width, height = max(len(values), 2) * SLOT + 8, TOP + PLOT_HEIGHT + BOTTOM
    highest = max(values) or 1
    described = "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bookreview-chart-svg" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-size="12" fill="currentColor" text-anchor="middle">',
        f'<title id="{chart_id}-title">{html.escape(node["title"])}</title>',
        f'<desc id="{chart_id}-desc">{html.escape(described)}</desc>',
        *(bar(index, label, value, highest) for index, (label, value) in enumerate(zip(labels, values, strict=True))),
        f'<line class="bookreview-chart-axis" x1="0" y1="{BASELINE}" x2="{width}" y2="{BASELINE}" '
        'stroke="currentColor"/>',
        "</svg>",
    ])  # fmt: skip


def bar(index: int, label: str, value: int, highest: int) -> str:
    """The ``index``-th bar, scaled to the highest value, with its value
    above it and its label below the axis."""
    height = round(PLOT_HEIGHT * value / highest, 2)
    left, top = 4 + index * SLOT, BASELINE - height
    x, middle = left + (SLOT - BAR) / 2, left + SLOT / 2
    return "\n".join([
        f'<rect class="bookreview-chart-bar" x="{x:g}" y="{top:g}" width="{BAR}" height="{height:g}"/>',
        f'<text x="{middle:g}" y="{top - 4:g}">{value}</text>',
        f'<text class="bookreview-chart-label" x="{middle:g}" y="{BASELINE + 16}">{html.escape(label)}</text>',
    ])  # fmt: skip


def visit_chart_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "figure"))
    self.body.append(f'<figcaption class="bookreview-chart-title">{html.escape(node["title"])}</figcaption>\n')
    self.body.append(svg_chart(node) + "\n</figure>\n")
    raise nodes.SkipNode


def setup_stats(app: Sphinx) -> None:
    app.add_node(bookreview_stats)
    app.add_node(bookreview_chart, html=(visit_chart_html, None))
    app.add_directive("bookreview-stats", BookReviewStatsDirective)
    app.connect("doctree-resolved", fill_stats)
