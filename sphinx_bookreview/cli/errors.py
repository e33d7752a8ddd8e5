"""The one exception the command line turns into a one-line message."""

from __future__ import annotations


class CliError(Exception):
    """A problem the user can fix; its text is printed as one line, exit status 1."""
