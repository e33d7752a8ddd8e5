"""Output files rewritten only when what they hold has changed.

The catalog and the feed are made from every review at the end of every
build; on a build that changed nothing, serialising them was most of what
the extension cost (``benchmarks/PROFILE.md``). Each file is written with
a digest of the data it is made from, kept in ``bookreview-outputs.json``
beside ``environment.pickle`` together with the file's size and
modification time. The next build leaves the file alone when the data's
digest is the same and the file is as it was written: neither deleted nor
edited since. A failed build records nothing, so the next one writes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_bookreview import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

STAMPS = "bookreview-outputs.json"


def digest(data: object) -> str:
    """A digest of ``data`` (built of containers, strings, numbers and
    dates, whose ``repr`` says all they hold) and of the package version
    that renders it. Not pickle: it records which equal strings are one
    object, and that differs between a build that read the reviews and one
    that loaded them."""
    return hashlib.sha256(repr((__version__, data)).encode()).hexdigest()


def file_state(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def read_stamps(path: Path) -> dict[str, list[object]]:
    try:
        stamps = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def write_if_changed(app: Sphinx, path: Path, data: object, render: Callable[[], bytes]) -> None:
    """Write ``render()`` to ``path`` unless the file there was made from
    equal ``data`` and is untouched since."""
    stamps_file = Path(app.doctreedir, STAMPS)
    stamps, key, data_digest = read_stamps(stamps_file), str(path.resolve()), digest(data)
    state = file_state(path)
    if state is not None and stamps.get(key) == [data_digest, *state]:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render())
    stamps[key] = [data_digest, *(file_state(path) or [])]
    stamps_file.parent.mkdir(parents=True, exist_ok=True)
    stamps_file.write_text(json.dumps(stamps, indent=1, sort_keys=True), encoding="utf-8")
