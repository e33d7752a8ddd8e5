"""The Sphinx project around a directory, read as text: never imported, never built.

Enough to tell whether a written file is reachable from the root document
through toctrees: ``conf.py`` is found upward from ``--dir`` and read (not
run) for ``root_doc``/``master_doc`` and a literal ``exclude_patterns``; the
toctree directives of rst and MyST sources are read for their entries, globs
matched as Sphinx matches them. A heuristic: a toctree made by an extension
or inside an ``include`` is not seen, which can only make the command
suggest an entry that is already there.
"""

from __future__ import annotations

import ast
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_bookreview.cli.naming import SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_RST_TOCTREE = re.compile(r"([ \t]*)\.\.[ \t]+toctree::[ \t]*")
#: ``..`` that starts no directive, target, footnote or substitution: a comment.
_RST_COMMENT = re.compile(r"([ \t]*)\.\.(?:[ \t]*|[ \t]+(?![^\s]+::|_|\[|\|).*)")
_MD_TOCTREE = re.compile(r"[ ]{0,3}(`{3,}|~{3,}|:{3,})[ \t]*\{toctree\}.*")
#: ``Title <target>``, as Sphinx reads a toctree entry.
_EXPLICIT_TITLE = re.compile(r"^(.+?)\s*<([^<]*?)>$")
_GLOB_CHARS = re.compile(r"[*?\[]")
_MYST_GLOB_OPTION = re.compile(r"glob\s*:\s*(true|yes)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Toctree:
    glob: bool
    entries: tuple[str, ...]


@dataclass
class Project:
    """A Sphinx source directory: where ``conf.py`` is, and the document every toctree starts from."""

    srcdir: Path
    root_doc: str = "index"
    exclude_patterns: tuple[str, ...] = ()
    _documents: set[str] | None = field(default=None, repr=False)

    @classmethod
    def around(cls, directory: Path) -> Project | None:
        """The project whose ``conf.py`` is in ``directory`` or above it, if any."""
        start = directory.resolve()
        for folder in (start, *start.parents):
            conf = folder / "conf.py"
            if conf.is_file():
                return cls(folder, *_read_conf(conf))
        return None

    def source(self, docname: str) -> Path | None:
        """The file of a document, in whichever markup it is written."""
        return next(
            (path for suffix in SUFFIXES.values() if (path := self.srcdir / (docname + suffix)).is_file()), None
        )

    def docname(self, path: Path) -> str | None:
        """``reviews/dune`` for ``<srcdir>/reviews/dune.rst``; ``None`` outside the project."""
        try:
            relative = path.resolve().relative_to(self.srcdir)
        except ValueError:
            return None
        return relative.with_suffix("").as_posix()

    def docnames(self, paths: Iterable[Path]) -> dict[str, Path]:
        """The docnames of the paths inside the project."""
        return {name: path for path in paths if (name := self.docname(path)) is not None}

    def documents(self) -> set[str]:
        """Every rst and Markdown document, as a glob in a toctree sees them (read on first use)."""
        if self._documents is None:
            # As Sphinx's Matcher: "**/x" also matches "x" at the top.
            patterns = [*self.exclude_patterns, *(item[3:] for item in self.exclude_patterns if item.startswith("**/"))]
            excluded = [re.compile(_translate_glob(pattern)) for pattern in patterns]
            self._documents = set()
            for folder, dirs, files in os.walk(self.srcdir):
                base = Path(folder).relative_to(self.srcdir)
                dirs[:] = [name for name in dirs if not _skipped((base / name).as_posix(), name, excluded)]
                for name in files:
                    path = (base / name).as_posix()
                    if Path(name).suffix in SUFFIXES.values() and not any(rule.fullmatch(path) for rule in excluded):
                        self._documents.add(path.rsplit(".", 1)[0])
        return self._documents

    def included(self, wanted: set[str]) -> set[str]:
        """Which of ``wanted`` a toctree includes, as Sphinx sees it: one of
        the root document's, or of an ``:orphan:`` page's (Sphinx warns
        about neither), or of the documents they list."""
        found = self.reachable(self.root_doc, wanted)
        for orphan in sorted(self.orphans()):
            if found == wanted:
                break
            found |= self.reachable(orphan, wanted - found)
        return found

    def orphans(self) -> set[str]:
        """The documents marked ``:orphan:`` (rst) or ``orphan: true`` (MyST front matter)."""
        return {name for name in self.documents() if (path := self.source(name)) and _is_orphan(path)}

    def reachable(self, start: str, wanted: set[str]) -> set[str]:
        """Which of ``wanted`` the toctrees of ``start`` and of the documents they list reach."""
        seen, todo = {start}, [start]
        while todo and not wanted <= seen:
            docname = todo.pop()
            for child in self._children(docname):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return wanted & seen

    def _children(self, docname: str) -> Iterator[str]:
        path = self.source(docname)
        if path is None:
            return
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return
        for toctree in toctrees(text, markdown=path.suffix == ".md"):
            for entry in toctree.entries:
                yield from self._targets(docname, entry, glob=toctree.glob)

    def _targets(self, docname: str, entry: str, *, glob: bool) -> Iterator[str]:
        explicit = _EXPLICIT_TITLE.match(entry)
        target = explicit[2] if explicit else entry
        if "://" in target or target == "self":
            return
        if glob and not explicit and _GLOB_CHARS.search(entry):
            pattern = re.compile(_translate_glob(join_docname(docname, entry)))
            yield from sorted(name for name in self.documents() if pattern.fullmatch(name) and name != docname)
            return
        for suffix in SUFFIXES.values():
            target = target.removesuffix(suffix)
        yield join_docname(docname, target)


_RST_ORPHAN = re.compile(r"\A(?:[ \t]*\n|\.\..*\n|:[^:\n]+:.*\n)*?:orphan:[ \t]*$", re.M)
_MD_ORPHAN = re.compile(r"\A---[ \t]*\n(?:.*\n)*?orphan:[ \t]*(?:true|yes)?[ \t]*\n(?:.*\n)*?---", re.I)


def _is_orphan(path: Path) -> bool:
    """Whether the document's metadata (its first field list, or MyST's front matter) says ``orphan``."""
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            head = file.read(4096)
    except OSError:
        return False
    return bool((_MD_ORPHAN if path.suffix == ".md" else _RST_ORPHAN).match(head))


def join_docname(base: str, target: str) -> str:
    """A toctree entry in document ``base`` as a docname (Sphinx's ``docname_join``)."""
    return posixpath.normpath(posixpath.join("/" + base, "..", target))[1:]


def toctrees(text: str, *, markdown: bool) -> Iterator[Toctree]:
    """The toctree directives of a source; a MyST one may also hold rst (``{eval-rst}``)."""
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        line, number = lines[number], number + 1
        if comment := _RST_COMMENT.fullmatch(line):  # its indented block is comment too
            number += len(_indented_block(lines[number:], _width(comment[1])))
        elif rst := _RST_TOCTREE.fullmatch(line):
            yield _toctree(_indented_block(lines[number:], _width(rst[1])))
        elif markdown and (md := _MD_TOCTREE.fullmatch(line)):
            yield _toctree(_fenced_block(lines[number:], md[1]))


def _width(indent: str) -> int:
    return len(indent.expandtabs())


def _indented_block(lines: list[str], indent: int) -> list[str]:
    """The lines indented deeper than ``indent`` (and blank ones) that follow, stripped."""
    block = []
    for line in lines:
        if line.strip() and _width(line) - _width(line.lstrip()) <= indent:
            break
        block.append(line.strip())
    while block and not block[-1]:  # trailing blank lines belong to what follows
        block.pop()
    return block


def _fenced_block(lines: list[str], fence: str) -> list[str]:
    closing = re.compile(rf"[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*")
    block = []
    for line in lines:
        if closing.fullmatch(line):
            break
        block.append(line.strip())
    return block


def _toctree(lines: list[str]) -> Toctree:
    """Options first (``:glob:`` lines, or MyST's ``---`` block), then one entry a line."""
    glob, start = False, 0
    if lines[:1] == ["---"] and "---" in lines[1:]:
        start = lines.index("---", 1) + 1
        glob = any(_MYST_GLOB_OPTION.fullmatch(line) for line in lines[1 : start - 1])
    while start < len(lines) and lines[start].startswith(":"):
        glob = glob or lines[start].startswith(":glob:")
        start += 1
    entries = tuple(line for line in lines[start:] if line and not _RST_COMMENT.fullmatch(line))
    return Toctree(glob, entries)


def _translate_glob(pattern: str) -> str:
    """A toctree glob as a regular expression: ``*`` and ``?`` stop at ``/``, ``**`` does not (as in Sphinx)."""
    out, index = "", 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*" and pattern[index : index + 1] == "*":
            out, index = out + ".*", index + 1
        elif char in "*?":
            out += "[^/]*" if char == "*" else "[^/]"
        elif char == "[" and "]" in pattern[index + 1 :]:
            end = pattern.index("]", index + 1)
            inside = pattern[index:end]
            out += "[" + ("^" + inside[1:] if inside.startswith("!") else inside).replace("\\", "\\\\") + "]"
            index = end + 1
        else:
            out += re.escape(char)
    return out


def _skipped(path: str, name: str, excluded: list[re.Pattern[str]]) -> bool:
    """Hidden folders (``.git``, ``.venv``), ``_build``, and what ``exclude_patterns`` excludes."""
    return name.startswith(".") or name == "_build" or any(rule.fullmatch(path) for rule in excluded)


def _read_conf(conf: Path) -> tuple[str, tuple[str, ...]]:
    """``root_doc`` (or the older ``master_doc``) and ``exclude_patterns``, where conf.py sets them literally."""
    try:
        tree = ast.parse(conf.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return "index", ()
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, RecursionError):  # not a literal: unknown here
                continue
    root = next((value for key in ("root_doc", "master_doc") if isinstance(value := values.get(key), str)), "index")
    patterns = values.get("exclude_patterns")
    kept = tuple(item for item in patterns if isinstance(item, str)) if isinstance(patterns, list | tuple) else ()
    return root, kept
