"""``sphinx-bookreview new``: a review stub that builds as written.

Only options with real values are set (today as ``:date:``, ``:status:
reading``, the ISBN if given); the others are listed in a source comment with
an example each, because a placeholder value would be an invalid one.
"""

from __future__ import annotations

import argparse
import datetime

from sphinx_bookreview.cli import toctree
from sphinx_bookreview.cli.args import Commands, add_output_arguments
from sphinx_bookreview.cli.errors import CliError
from sphinx_bookreview.cli.naming import Folder, Namer, normal_isbn
from sphinx_bookreview.cli.writer import Draft, id_option, render, write
from sphinx_bookreview.model import InvalidValue, parse_isbn

#: The options to fill in, each with an example value, in the order a reader meets them.
HINTS = (
    ("author", "First Author; Second Author"),
    ("rating", "4.5"),
    ("started", "2024-01-31"),
    ("finished", "2024-02-14"),
    ("published", "2019"),
    ("publisher", "A Publisher"),
    ("pages", "320"),
    ("format", "hardcover, paperback, ebook or audiobook"),
    ("tags", "a tag, another tag"),
    ("verdict", "One sentence for listings and feeds."),
    ("why-picked-up", "What made you start it."),
    ("why-finished", "What kept you reading."),
    ("give-to", "Who should read it."),
)


def add_parser(commands: Commands) -> None:
    parser = commands.add_parser(
        "new",
        help="write a review stub",
        description="Write a review file for TITLE with the common options ready to fill in.",
    )
    parser.add_argument("title", metavar="TITLE", help="the book's title (quote it if it has spaces)")
    parser.add_argument("--isbn", type=_isbn, help="ISBN-10 or ISBN-13, checked and written hyphenated")
    add_output_arguments(parser, "the file")
    parser.set_defaults(run=run)


def _isbn(text: str) -> str:
    try:
        return parse_isbn(text)
    except InvalidValue as error:
        # argparse shows this message as "argument --isbn: ..."
        raise argparse.ArgumentTypeError(str(error)) from None


def stub(title: str, review: str, isbn: str | None, today: datetime.date) -> Draft:
    options = (*id_option(title, review), *((("isbn", isbn),) if isbn else ()))
    options += (("date", today.isoformat()), ("status", "reading"))
    comment = (
        "Fill in what you know: move each line you need up into the options above,",
        "with your value. Then replace this comment with your review.",
        "",
        *(f":{name}: {example}" for name, example in HINTS),
    )
    return Draft(title, options, comment=comment)


def run(args: argparse.Namespace) -> int:
    title = " ".join(args.title.split())
    if not title:
        raise CliError("the title is empty")
    toctree.check_index(args.index)
    choice = Namer(Folder(args.dir)).name(title, normal_isbn(args.isbn or ""))
    path = choice.path(args.dir, args.markup)
    there = choice.there(args.dir, args.markup)
    if there and not args.force:
        raise CliError(f"{there} already exists; pass --force to overwrite it")
    draft = stub(title, choice.review, args.isbn, datetime.date.today())
    removed = write(path, render(draft, args.markup), choice.others(args.dir, args.markup))
    print(f"replaced {' and '.join(map(str, removed))} with {path}" if removed else f"wrote {path}")
    if args.index:
        print(toctree.add_to_index(args.index, [path], args.dir))
    hint = toctree.next_step([path], args.dir, args.markup, "next time, --index {page} does it for you")
    if hint:
        print(hint)
    return 0
