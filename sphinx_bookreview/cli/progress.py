"""A progress bar on the terminal for long imports, and nothing when piped."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from types import TracebackType

#: Imports shorter than this finish before a bar would be worth reading.
MIN_ROWS = 200
_WIDTH = 30


class Progress:
    """``[#####.....] 1200/5000 rows`` redrawn in place on ``stream``, if it is a terminal.

    Messages go through :meth:`print` so they land on their own line, not
    in the middle of the bar.
    """

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.shown = total >= MIN_ROWS and stream.isatty()
        self._drawn = -1

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._clear()

    def advance(self) -> None:
        self.done += 1
        filled = _WIDTH * self.done // max(self.total, 1)
        if self.shown and (filled != self._drawn or self.done == self.total):
            self._draw(filled)

    def print(self, message: str) -> None:
        self._clear()
        print(message, file=self.stream)
        if self.shown and self._drawn >= 0:
            self._draw(self._drawn)

    def _draw(self, filled: int) -> None:
        bar = "#" * filled + "." * (_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} rows")
        self.stream.flush()
        self._drawn = filled

    def _clear(self) -> None:
        if self.shown and self._drawn >= 0:
            self.stream.write("\r" + " " * (_WIDTH + 30) + "\r")
            self.stream.flush()
