"""The one way the tests make and build a Sphinx project.

Every test application comes from :func:`sphinx_app`: its messages
captured in ``app.status`` and ``app.warning``, and warning types shown
(``[bookreview.isbn]``: Sphinx 8 shows them by default, Sphinx 7.4 only
when asked, and the tests assert them on both). :func:`sphinx_build` builds
one and undoes its global registrations (docutils' nodes, roles and
directives, ``sys.path``) so that the next application starts clean. The
``built`` fixture shares one build of a test root between the tests that
only read it; a test that edits or rebuilds a project makes its own.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from pathlib import Path

#: The type of the ``built`` fixture and of :func:`sphinx_build`.
Build = Callable[..., SphinxTestApp]


def write_files(srcdir: Path, files: dict[str, str]) -> Path:
    """A project written from text: ``files`` maps each path below
    ``srcdir`` (``conf.py``, ``reviews/a.rst``) to its text."""
    for name, text in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text, encoding="utf-8")
    return srcdir


def sphinx_app(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """A new application for the project in ``srcdir``, not built yet;
    ``kwargs`` go to :class:`~sphinx.testing.util.SphinxTestApp`. Whoever
    builds it calls ``app.cleanup()`` after."""
    confoverrides = {"show_warning_types": True, **kwargs.pop("confoverrides", {})}
    kwargs.setdefault("status", StringIO())
    kwargs.setdefault("warning", StringIO())
    return SphinxTestApp(buildername, srcdir=srcdir, confoverrides=confoverrides, **kwargs)


def sphinx_build(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """One build of the project in ``srcdir``, as ``sphinx-build`` would
    run it; the application is returned for its output and messages."""
    app = sphinx_app(srcdir, buildername, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


#: latexmk's option for each ``latex_engine`` (what Sphinx's Makefile passes).
LATEXMK_ENGINES = {"pdflatex": "-pdf", "xelatex": "-pdfxe", "lualatex": "-pdflua"}


def compiled_pdf(outdir: Path, name: str, workdir: Path, engine: str = "pdflatex") -> Path:
    """The PDF of a LaTeX build's ``<name>.tex``, compiled by ``latexmk`` with
    the build's ``engine`` in a copy of ``outdir`` at ``workdir`` (so a
    shared build is never changed), LaTeX's log beside it. Skips the test
    without latexmk or the engine."""
    for program in ("latexmk", engine):
        if not shutil.which(program):
            pytest.skip(f"{program} is not installed")
    shutil.copytree(outdir, workdir)
    # errors="replace": TeX wraps its output's lines at a byte count, which can split a character.
    result = subprocess.run(
        ["latexmk", LATEXMK_ENGINES[engine], "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=workdir, capture_output=True, text=True, errors="replace", timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    return workdir / f"{name}.pdf"
