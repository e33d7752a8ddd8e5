"""``sphinx-bookreview import``: one review file per book of a library export."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.args import add_output_arguments, choice
from sphinx_bookreview.cli.importers import IMPORTERS, Record, detect, encoding_name, parse_shelves, read_export
from sphinx_bookreview.cli.progress import Progress
from sphinx_bookreview.cli.writer import SUFFIXES, Draft, Namer, existing, id_option, render, review_path, write

if TYPE_CHECKING:
    import argparse

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


def run(args: argparse.Namespace) -> int:
    shelves = parse_shelves(args.shelf)
    header, records = read_export(args.file, args.encoding)
    job = Job(args.file, header, detect(header, args.file, args.source), shelves, args.dir, args.markup, args.force)
    tally, namer = Tally(), Namer()
    with Progress(len(records), sys.stderr) as progress:
        for record in records:
            import_row(job, record, tally, namer, progress)
            progress.advance()
    print(tally.summary(args.dir, args.markup))
    return 1 if tally.failed else 0


def import_row(job: Job, record: Record, tally: Tally, namer: Namer, progress: Progress) -> None:
    tally.rows += 1
    where = f"{job.path}, row {record.number}"
    problem = record.error or _shape_problem(job.header, record.fields)
    if problem:
        tally.failed += 1
        progress.print(f"error: {where}: {problem} (row skipped)")
        return
    row = dict(zip(job.header, record.fields, strict=True))
    status = job.shelves.get(row[job.importer.shelf_column].strip().lower())
    if status is None:
        tally.off_shelf += 1
        return
    notes: list[str] = []
    draft = job.importer.convert(row, status, notes)
    for note in notes:
        progress.print(f"warning: {where} ({draft.title}): {note}")
    _save(job, draft, *namer.name(draft.title), tally)


def _shape_problem(header: list[str], fields: list[str]) -> str:
    if len(fields) != len(header):
        return f"expected {len(header)} fields like the header, found {len(fields)}"
    if not fields[header.index("Title")].strip():
        return "no title"
    return ""


def _save(job: Job, draft: Draft, stem: str, review: str, tally: Tally) -> None:
    path = review_path(job.directory, stem, job.markup)
    there = existing(path)
    if there and not job.force:
        tally.existing += 1
        return
    draft = Draft(draft.title, id_option(draft.title, review) + draft.options, draft.body)
    removed = write(path, render(draft, job.markup))
    tally.created += 1
    tally.replaced += bool(removed)
    tally.overwritten += there == path and not removed
