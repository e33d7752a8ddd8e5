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

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview import __version__
from sphinx_bookreview.config import conf_py

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

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
    reads or removes a document, and only then), every setting, and
    ``SOURCE_DATE_EPOCH``, which dates a feed without entries."""
    settings = sorted((option.name, stable_repr(option.value)) for option in app.config)
    environment = file_state(Path(app.doctreedir, "environment.pickle"))
    return digest((app.builder.name, environment, settings, os.environ.get("SOURCE_DATE_EPOCH")))


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
    stamp, state = stamp_of(app, path), file_state(path)
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
    record(app, {path: [data_digest, *(file_state(path) or []), sources]}, stamps)


def record(app: Sphinx, stamps_of: dict[Path, list[object]], stamps: dict[str, list[object]] | None = None) -> None:
    """Keep the stamp of each file just written (``stamps``: the stamps
    file as read already)."""
    stamps_file = Path(app.doctreedir, STAMPS)
    stamps = read_stamps(stamps_file) if stamps is None else stamps
    stamps.update((str(path.resolve()), value) for path, value in stamps_of.items())
    stamps_file.parent.mkdir(parents=True, exist_ok=True)
    stamps_file.write_text(json.dumps(stamps, indent=1, sort_keys=True), encoding="utf-8")


def stamp_of(app: Sphinx, path: Path) -> object:
    """The stamp kept for ``path``, if any."""
    return read_stamps(Path(app.doctreedir, STAMPS)).get(str(path.resolve()))


def output_file(app: Sphinx, builder: StandaloneHTMLBuilder, setting: str) -> Path | None:
    """The file the setting names in the output folder; ``None``, and a
    warning, where that is the page of a document, which Sphinx has just
    written (a setting cannot know the project's pages when it is checked)."""
    name = getattr(app.config, setting)
    path = Path(builder.outdir, name)
    if not name.endswith(builder.out_suffix):
        # Every page an HTML builder writes for a document ends in its
        # suffix; naming each of a thousand pages was a tenth of a no-op build.
        return path
    pages = {Path(builder.get_outfilename(docname)): docname for docname in sorted(builder.env.all_docs)}
    if path in pages:
        unwritten(app, setting, name, __("it is the page of %r") % pages[path])
        return None
    return path


@contextlib.contextmanager
def reported(app: Sphinx, setting: str) -> Iterator[None]:
    """Writing the file the setting names: a name the file system refuses
    (a folder of that name is there, a file where a folder must be, a path
    too long) is one warning, at the setting, and the file is not written."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        if error.filename:  # the part of the path at fault
            reason += f" ({os.path.relpath(error.filename, app.outdir)})"
        unwritten(app, setting, getattr(app.config, setting), reason)


def unwritten(app: Sphinx, setting: str, name: str, reason: str) -> None:
    logger.warning(
        __("cannot write %s = %r: %s; the file is not written"), setting, name, reason,
        type="bookreview", subtype="config", location=conf_py(app, setting),
    )  # fmt: skip
