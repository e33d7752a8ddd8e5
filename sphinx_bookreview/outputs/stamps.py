"""Output files rewritten only when what they hold has changed.

The catalog and the feed are made from every review at the end of every
build; on a build that changed nothing, serialising them was most of what
the extension cost (``benchmarks/PROFILE.md``). Each file is written with
a digest of the data it is made from, kept in ``bookreview-outputs.json``
beside ``environment.pickle`` together with the file's size and
modification time. The next build leaves the file alone when the data's
digest is the same and the file is as it was written: neither deleted nor
edited since. A failed build records nothing, so the next one writes.

A build that changed nothing the data is made from does not even make the
data (:func:`up_to_date`): each stamp also holds a digest of what the data
came from, Sphinx's stored environment (rewritten by every build that
reads or removes a document) and the configuration; a no-op rebuild finds
both as they were. At 1000 reviews that was a tenth of the no-op build's
cost over plain Sphinx's.
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


def sources_digest(app: Sphinx) -> str:
    """A digest of what an output's data is made from: the builder, the
    stored environment's size and time (Sphinx writes it again whenever it
    reads or removes a document, and only then) and every setting."""
    settings = sorted((option.name, stable_repr(option.value)) for option in app.config)
    return digest((app.builder.name, file_state(Path(app.doctreedir, "environment.pickle")), settings))


def stable_repr(value: object) -> str:
    """``repr`` with sets and dicts in sorted order: a set's order changes
    with each process's hash seed (Sphinx's own ``c_extra_keywords`` is
    one). A value whose ``repr`` names a memory address (a function)
    differs anyway: such a project just makes the data each build."""
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(map(stable_repr, value))) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{stable_repr(k)}: {stable_repr(v)}" for k, v in value.items())) + "}"
    if isinstance(value, list | tuple):
        return type(value).__name__ + "(" + ", ".join(map(stable_repr, value)) + ")"
    return repr(value)


def up_to_date(app: Sphinx, path: Path) -> bool:
    """Whether ``path`` was written from the environment and settings this
    build has, and is untouched since: its data need not be made."""
    stamp = read_stamps(Path(app.doctreedir, STAMPS)).get(str(path.resolve()))
    state = file_state(path)
    return state is not None and isinstance(stamp, list) and stamp[1:] == [*state, sources_digest(app)]


def write_if_changed(app: Sphinx, path: Path, data: object, render: Callable[[], bytes]) -> None:
    """Write ``render()`` to ``path`` unless the file there was made from
    equal ``data`` and is untouched since."""
    stamps_file = Path(app.doctreedir, STAMPS)
    stamps, key, data_digest = read_stamps(stamps_file), str(path.resolve()), digest(data)
    state, sources = file_state(path), sources_digest(app)
    if state is not None and stamps.get(key) == [data_digest, *state, sources]:
        return
    if state is None or stamps.get(key, [])[:3] != [data_digest, *state]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render())
    stamps[key] = [data_digest, *(file_state(path) or []), sources]
    stamps_file.parent.mkdir(parents=True, exist_ok=True)
    stamps_file.write_text(json.dumps(stamps, indent=1, sort_keys=True), encoding="utf-8")
