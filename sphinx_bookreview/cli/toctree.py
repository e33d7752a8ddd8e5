"""After ``new`` and ``import``: the written files listed in a toctree.

Sphinx warns "document isn't included in any toctree" for a document no
toctree lists, which stops a ``-W`` build. So after writing, the command
reads the project around ``--dir`` (:mod:`sphinx_bookreview.cli.project`)
and, when no toctree reaches every file from the root document or from an
``:orphan:`` page, prints what to add, in the root document's markup.
``--index PAGE`` adds it to PAGE instead, at its end.

What is added is the layout the moving-in guide recommends for a
collection of any size: a ``bookreview-list`` that shows the reviews
(unless the page has one already) and a *hidden* toctree that includes
them, listing ``--dir`` with a glob (``reviews/*``), or the files by name
when they are beside PAGE, where a glob would take in every page of the
folder. A visible toctree of a thousand reviews would be a thousand links
on the page and, through the themes' navigation, on every page: building
that is quadratic in the number of reviews. When PAGE is itself in the
site's navigation and the import is big, the command says so
(:func:`navigation_note`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.errors import CliError
from sphinx_bookreview.cli.naming import SUFFIXES
from sphinx_bookreview.cli.project import Project

if TYPE_CHECKING:
    from collections.abc import Sequence


def check_index(page: Path | None) -> None:
    """``--index PAGE`` must name an rst or Markdown page that is there, checked before anything is written."""
    if page is None:
        return
    if page.suffix not in SUFFIXES.values():
        raise CliError(f"--index {page}: expected an .rst or .md page")
    if not page.is_file():
        raise CliError(f"--index {page}: no such file")


def add_to_index(page: Path, files: Sequence[Path], directory: Path) -> str:
    """Append a toctree of ``files`` to ``page`` unless its toctrees already reach them; says what it did."""
    project = Project.around(page.parent) or Project(Path(os.path.commonpath([page.resolve(), directory.resolve()])))
    here, wanted = project.docname(page), set(project.docnames(files))
    if here is not None and len(wanted) == len(files) and project.reachable(here, wanted) == wanted:
        return f"{page} already lists {_these(files)}"
    entries = toctree_entries(page.parent, directory, files)
    text = _read(page)
    blank_line = "" if not text else "\n" if text.endswith("\n") else "\n\n"
    try:
        with page.open("a", encoding="utf-8", newline="\n") as out:
            out.write(blank_line + toctree_block(page.suffix, entries, listing=not has_listing(text)))
    except OSError as error:
        raise CliError(f"cannot add the toctree to {page}: {error.strerror or error}") from None
    note = navigation_note(project, here, len(files))
    return f"added a toctree of {', '.join(entries)} to {page}" + (f"\n{note}" if note else "")


#: From this many reviews on, a page of them in the site's navigation slows builds down noticeably.
BIG = 100


def navigation_note(project: Project, page: str | None, count: int) -> str:
    """For a big import listed on a page the root document's toctrees
    reach, what that costs and what to do instead; else ``""``."""
    if page is None or count < BIG or page not in project.reachable(project.root_doc, {page}):
        return ""
    return (
        f"note: {count} reviews listed on a page in the site's navigation: themes that show the navigation "
        "(alabaster, furo...) list them on every page, and the build slows down with the square of their number; "
        "for a fast build, take the page out of the root document's toctree (mark it :orphan: and link it), "
        "as the moving-in guide shows"
    )


def has_listing(text: str) -> bool:
    """Whether a page shows a ``bookreview-list`` already (rst or MyST)."""
    return re.search(r"(\.\.[ \t]+|\{)bookreview-list(::|\})", text) is not None


def next_step(files: Sequence[Path], directory: Path, markup: str, again: str) -> str | None:
    """What to do so that ``files`` are in a toctree, ``None`` if one already includes them.

    ``again`` says how ``--index`` would have done it, e.g. ``"next time, --index {page} does it for you"``.
    """
    project = Project.around(directory)
    if project is None:
        return (
            f"next: no conf.py in {directory} or above it: put the review files in a Sphinx project "
            "(sphinx-quickstart makes one) and list them in a toctree of its root document"
        )
    docnames = project.docnames(files)
    reached = project.included(set(docnames))
    missing = [path for name, path in docnames.items() if name not in reached]
    if not missing:
        return None
    root = project.source(project.root_doc)
    page = root or project.srcdir / (project.root_doc + SUFFIXES[markup])
    what = f"{missing[0]} is" if len(missing) == 1 else f"{len(missing)} review files are"
    listing = not has_listing(_read(root)) if root else True
    block = toctree_block(page.suffix, toctree_entries(page.parent, directory, missing), listing=listing).rstrip("\n")
    problem = f'next: {what} in no toctree, so a -W build stops at "document isn\'t included in any toctree". '
    if root is None:
        return (
            problem
            + f"The project has no root document {shown(page)} yet: write it, with a title and then this:\n\n{block}"
        )
    note = navigation_note(project, project.root_doc, len(missing))
    return (
        problem
        + f"Add this to {shown(page)} ({again.format(page=shown(page))}):\n\n{block}"
        + (f"\n\n{note}" if note else "")
    )


def toctree_entries(page_folder: Path, directory: Path, files: Sequence[Path]) -> list[str]:
    """``reviews/*`` for the files of a folder below the page (or ``../reviews/*``); their names beside it."""
    relative = Path(os.path.relpath(directory.resolve(), page_folder.resolve())).as_posix()
    if relative == ".":
        return [path.stem for path in files]
    return [f"{relative}/*"]


def toctree_block(suffix: str, entries: Sequence[str], *, listing: bool = False) -> str:
    """A hidden toctree of ``entries``, after a ``bookreview-list`` with ``listing``."""
    glob = any("*" in entry for entry in entries)
    if suffix == ".md":
        shown = "```{bookreview-list}\n```\n\n" * listing
        options = ":hidden:\n" + ":glob:\n" * glob + ":maxdepth: 1\n"
        return shown + "```{toctree}\n" + options + "\n" + "".join(f"{e}\n" for e in entries) + "```\n"
    shown = ".. bookreview-list::\n\n" * listing
    options = "   :hidden:\n" + "   :glob:\n" * glob + "   :maxdepth: 1\n"
    return shown + ".. toctree::\n" + options + "\n" + "".join(f"   {e}\n" for e in entries)


def shown(path: Path) -> Path:
    """A path as the user would type it: relative to the current directory when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except (ValueError, OSError):  # elsewhere, or the current directory is gone
        return path


def _these(files: Sequence[Path]) -> str:
    return str(files[0]) if len(files) == 1 else f"these {len(files)} files"


def _read(page: Path) -> str:
    try:
        return page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(f"cannot read {page}: {getattr(error, 'strerror', None) or error}") from None
