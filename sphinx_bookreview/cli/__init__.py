"""The ``sphinx-bookreview`` command: ``new`` and ``import``.

Uses only :mod:`sphinx_bookreview.model`, never Sphinx, so it starts fast and
works without a Sphinx project around it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sphinx_bookreview import __version__
from sphinx_bookreview.cli import importing, new
from sphinx_bookreview.cli.args import Parser
from sphinx_bookreview.cli.errors import CliError

if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "sphinx-bookreview"


def build_parser() -> Parser:
    parser = Parser(prog=PROG, description="Write book reviews for Sphinx: new stubs, or import a reading history.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    new.add_parser(commands)
    importing.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the exit status is returned, never raised (``--help`` included)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    try:
        return int(args.run(args))
    except CliError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug still gets one line, not a traceback
        print(f"{PROG}: internal error: {type(error).__name__}: {error} (please report it)", file=sys.stderr)
    return 1
