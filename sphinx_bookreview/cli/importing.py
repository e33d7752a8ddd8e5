"""``sphinx-bookreview import``: one review file per book of a library export."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_bookreview.cli import toctree
from sphinx_bookreview.cli.args import add_output_arguments, choice
from sphinx_bookreview.cli.errors import CliError
from sphinx_bookreview.cli.importers import (
    FIELD_LIMIT,
    IMPORTERS,
    Record,
    date_orders,
    detect,
    encoding_name,
    order_warnings,
    parse_shelves,
    read_export,
)
from sphinx_bookreview.cli.importers.dates import ORDERS, Dates
from sphinx_bookreview.cli.importers.fields import ADDITIONAL_AUTHORS, Fields
from sphinx_bookreview.cli.markup import resolve_references
from sphinx_bookreview.cli.naming import SUFFIXES, Choice, Folder, Namer, normal_isbn
from sphinx_bookreview.cli.progress import Progress
from sphinx_bookreview.cli.writer import Draft, id_option, one_line, render, write
from sphinx_bookreview.model import split_names

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from sphinx_bookreview.cli.args import Commands
    from sphinx_bookreview.cli.importers.fields import Importer


def add_parser(commands: Commands) -> None:
    parser = commands.add_parser(
        "import",
        help="turn a Goodreads or StoryGraph library export into review files",
        description="Write one review file per book of a Goodreads or StoryGraph library export (CSV). "
        "Only books on the 'read' shelf are imported unless --shelf says otherwise; "
        "existing files are left alone unless --force is given.",
    )
    parser.add_argument("file", metavar="FILE.csv", type=Path, help="the exported CSV file")
    parser.add_argument(
        "--from",
        dest="source",
        type=choice("export", tuple(IMPORTERS)),
        metavar="{goodreads,storygraph}",
        help="the service (default: recognised from the header)",
    )
    add_output_arguments(parser, "the review files")
    parser.add_argument(
        "--shelf", action="append", metavar="NAME[=STATUS]",
        help="import this shelf (Goodreads 'Exclusive Shelf', StoryGraph 'Read Status'); repeatable; "
        "default: read. currently-reading and did-not-finish need no STATUS; others take "
        "=read, =reading or =abandoned",
    )  # fmt: skip
    parser.add_argument("--encoding", type=encoding_name, default="utf-8", help="the file's encoding (default: utf-8)")
    parser.add_argument(
        "--date-order", type=choice("date order", ORDERS), metavar="{dmy,mdy}",
        help="read dates a spreadsheet rewrote, such as 3/4/2023, day first (dmy) or month first (mdy); "
        "default: what the other dates of their column show",
    )  # fmt: skip
    parser.add_argument(
        "--additional-authors", type=choice("mapping", ADDITIONAL_AUTHORS), default="author",
        metavar="{author,contributor}",
        help="what Goodreads' 'Additional Authors' become: :author: (default) or :contributor: "
        "(the column mixes co-authors with translators, illustrators and narrators)",
    )  # fmt: skip
    parser.set_defaults(run=run)


@dataclass
class Tally:
    rows: int = 0
    created: int = 0
    overwritten: int = 0
    #: Files written in place of one in the other markup, which is removed.
    replaced: int = 0
    off_shelf: int = 0
    existing: int = 0
    failed: int = 0

    def summary(self, directory: Path, markup: str) -> str:
        skipped = self.off_shelf + self.existing
        other = next(name for name in SUFFIXES if name != markup)
        forced = [f"{self.overwritten} overwritten"] * bool(self.overwritten)
        forced += [f"{self.replaced} replaced {other} file{'s' * (self.replaced > 1)}"] * bool(self.replaced)
        reasons = [f"{self.off_shelf} not on the chosen shelves"] * bool(self.off_shelf)
        reasons += [f"{self.existing} already there, --force overwrites"] * bool(self.existing)
        return (
            f"{self.rows} rows: {self.created} created"
            + f" ({', '.join(forced)})" * bool(forced)
            + f", {skipped} skipped"
            + f" ({'; '.join(reasons)})" * bool(reasons)
            + f", {self.failed} failed; {markup} files in {directory}"
        )


@dataclass(frozen=True)
class Job:
    """What stays the same for every row of one import."""

    path: Path
    header: list[str]
    importer: Importer
    shelves: dict[str, str]
    directory: Path
    markup: str
    force: bool
    dates: Dates
    additional_authors: str = "author"


@dataclass(frozen=True)
class Prepared:
    """A row turned into its review file's text and name, not yet written."""

    where: str
    title: str
    draft: Draft
    choice: Choice


@dataclass
class State:
    """What one import has done so far."""

    namer: Namer
    progress: Progress
    tally: Tally = field(default_factory=Tally)
    #: The review files of this import, written or already there: for the toctree.
    files: list[Path] = field(default_factory=list)
    #: Compact ISBN -> where that book was first met: ``row 5 (Dune)``, or a review file already there.
    books: dict[str, str | Path] = field(default_factory=dict)

    def same_book(self, isbn: str, here: str, own: tuple[Path, ...]) -> list[str]:
        """A note when another row, or another review file already there, has this ISBN."""
        key = normal_isbn(isbn)
        if not key:
            return []
        first = self.books.setdefault(key, here)
        if first == here or first in own:  # this row, or this book's own file
            return []
        where = f"{first}, a review already there" if isinstance(first, Path) else first
        return [f"the same book (ISBN {isbn}) as {where}; both kept"]


def run(args: argparse.Namespace) -> int:
    shelves = parse_shelves(args.shelf)
    toctree.check_index(args.index)
    header, records = read_export(args.file, args.encoding)
    importer = detect(header, args.file, args.source)
    orders = date_orders(header, records, importer)
    _make_directory(args.dir)
    dates = Dates(orders, args.date_order or "")
    job = Job(args.file, header, importer, shelves, args.dir, args.markup, args.force, dates, args.additional_authors)
    folder = Folder(args.dir)
    for warning in [] if args.date_order else order_warnings(orders):
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    with Progress(len(records), sys.stderr) as progress:
        state = State(Namer(folder), progress)
        state.books.update((review.isbn, review.path) for review in folder.all_reviews() if review.isbn)
        prepared = [prepare_row(job, record, state) for record in records]
        targets = link_targets(row for row in prepared if row is not None)
        for row in prepared:
            if row is not None:
                save_row(job, row, state, targets)
            progress.advance()
    print(state.tally.summary(args.dir, args.markup))
    _list_in_toctree(args, state.files)
    return 1 if state.tally.failed else 0


def _make_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CliError(f"cannot create {directory}: {error.strerror or error}") from None


def prepare_row(job: Job, record: Record, state: State) -> Prepared | None:
    """The row's review and its name, its warnings printed; ``None`` for a
    row that is skipped (counted and reported here)."""
    state.tally.rows += 1
    where = f"{job.path}, row {record.number}"
    problem = record.error or _shape_problem(job.header, record.fields)
    if problem:
        state.tally.failed += 1
        state.progress.print(f"error: {where}: {problem} (row skipped)")
        return None
    row = dict(zip(job.header, record.fields, strict=True))
    status = job.shelves.get(row[job.importer.shelf_column].strip().lower())
    if status is None:
        state.tally.off_shelf += 1
        return None
    notes: list[str] = []
    draft = job.importer.convert(row, status, Fields(notes, job.dates, job.additional_authors))
    title, isbn = one_line(draft.title), dict(draft.options).get("isbn", "")
    choice = state.namer.name(title, normal_isbn(isbn))
    notes += state.same_book(isbn, f"row {record.number} ({title})", choice.existing)
    for note in notes:
        state.progress.print(f"warning: {where} ({title}): {note}")
    return Prepared(where, title, draft, choice)


def link_targets(rows: Iterable[Prepared]) -> dict[tuple[str, str], str]:
    """What the reviews' links to books and authors may point at: the
    review id of each book of the import by its id in the export, and each
    author of its books."""
    targets: dict[tuple[str, str], str] = {}
    for row in rows:
        if row.draft.book_id:
            targets[("book", row.draft.book_id)] = row.choice.review
        for author in split_names(dict(row.draft.options).get("author", "")):
            targets[("book-author", author)] = author
    return targets


def save_row(job: Job, row: Prepared, state: State, targets: dict[tuple[str, str], str]) -> None:
    draft = replace(row.draft, body=resolve_references(row.draft.body, targets))
    try:
        _save(job, draft, row.choice, state)
    except (CliError, OSError) as error:
        state.tally.failed += 1
        state.progress.print(f"error: {row.where} ({row.title}): {error} (row skipped)")


def _shape_problem(header: list[str], fields: list[str]) -> str:
    if len(fields) != len(header):
        return f"expected {len(header)} fields like the header, found {len(fields)}"
    for name, text in zip(header, fields, strict=True):
        if len(text) > FIELD_LIMIT:
            return (
                f"column {name!r} holds {len(text):,} characters, more than the {FIELD_LIMIT:,} "
                "a CSV field may hold (a quote left open?)"
            )
    if not fields[header.index("Title")].strip():
        return "no title"
    return ""


def _save(job: Job, draft: Draft, choice: Choice, state: State) -> None:
    path = choice.path(job.directory, job.markup)
    there = choice.there(job.directory, job.markup)
    if there and not job.force:
        state.tally.existing += 1
        state.files.append(there)
        return
    draft = replace(draft, options=id_option(draft.title, choice.review) + draft.options)
    removed = write(path, render(draft, job.markup), choice.others(job.directory, job.markup))
    state.files.append(path)
    state.tally.created += 1
    state.tally.replaced += bool(removed)
    state.tally.overwritten += there == path and not removed


def _list_in_toctree(args: argparse.Namespace, files: list[Path]) -> None:
    if not files:
        return
    if args.index:
        print(toctree.add_to_index(args.index, files, args.dir))
    hint = toctree.next_step(files, args.dir, args.markup, "or run the import again with --index {page}")
    if hint:
        print(hint)
