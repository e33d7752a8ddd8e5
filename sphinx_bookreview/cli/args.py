"""Argument parsing shared by the commands, and the one-line error they all end with."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from sphinx_bookreview.cli.naming import SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


class Parser(argparse.ArgumentParser):
    """Usage errors as one line, exit status 2 (argparse prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


#: What ``add_subparsers`` returns; each command module adds its parser to it.
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"


def choice(what: str, choices: Sequence[str]) -> Callable[[str], str]:
    """An argparse ``type`` with our own wording (argparse's own changes between Python versions)."""

    def check(text: str) -> str:
        if text not in choices:
            raise argparse.ArgumentTypeError(f"unknown {what} {text!r}: expected {' or '.join(choices)}")
        return text

    return check


def add_output_arguments(parser: argparse.ArgumentParser, what: str) -> None:
    """``--format``, ``--dir``, ``--force`` and ``--index``, worded for ``what`` is written."""
    parser.add_argument("--format", dest="markup", type=choice("format", tuple(SUFFIXES)), default="rst",
                        metavar="{rst,md}", help="write reStructuredText (default) or MyST Markdown")  # fmt: skip
    parser.add_argument("--dir", type=Path, default=Path(), help=f"where to write {what} (default: here)")
    parser.add_argument("--force", action="store_true", help=f"overwrite {what} if already there")
    parser.add_argument("--index", type=Path, metavar="PAGE",
                        help=f"add {what} to a toctree at the end of this .rst or .md page, unless it lists them "
                        "already (without it, the command says what to add where when no toctree does)")  # fmt: skip
