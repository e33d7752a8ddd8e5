"""Shared fixtures: the test roots, one shared build of each (see
``projects.py`` for how every test project is made), and a local server."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.util.console import nocolor

import sphinx_bookreview

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp

# The loopback HTTP server is the one in tools/serve.py, shared with the
# gallery and benchmark scripts. tools/ is not in the wheel, but the tests
# always run from a checkout (CI too); only tools/ goes on the path, never
# the repository root, so sphinx_bookreview still comes from the wheel.
sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
from projects import Build, sphinx_build
from serve import serve as serving

# The tests read Sphinx's messages as text, from the apps they make and from
# the sphinx-build processes they start. A terminal or CI that sets
# FORCE_COLOR would colour the processes' (NO_COLOR wins over it in every
# Sphinx); the apps in this process colour theirs until something calls
# nocolor(), as sphinx-build's main() does, so a test's text depended on
# which tests ran before it.
os.environ["NO_COLOR"] = "1"
nocolor()

# CI installs the wheel and sets this: the tests must exercise the package
# as users get it, so a file left out of the wheel fails here.
if os.environ.get("BOOKREVIEW_TEST_INSTALLED") and Path(sphinx_bookreview.__file__).is_relative_to(
    Path(__file__).parent.parent / "sphinx_bookreview"
):
    raise RuntimeError(f"testing the source tree, not the installed wheel: {sphinx_bookreview.__file__}")


def cover_copy(outdir: Path, stem: str, width: int, suffix: str) -> str:
    """The path from the output root of a cover's resized copy
    (``_images/covers/<stem>-<width>w-<digest>.<suffix>``, see
    ``sphinx_bookreview.covers``), which must exist."""
    (found,) = (outdir / "_images" / "covers").glob(f"{stem}-{width}w-*.{suffix}")
    return found.relative_to(outdir).as_posix()


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def built(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """``built(testroot, buildername, **app_kwargs)``: the app after a full
    build of a fresh copy of ``tests/roots/test-<testroot>``, its warnings in
    ``app.warning``. Built once per arguments and shared by every test that
    asks, so a root's tests cost one build, not one each. The tests read
    it and never change it: a test that edits or rebuilds a project builds
    its own copy with ``projects.sphinx_build``."""
    apps: dict[str, SphinxTestApp] = {}

    def build(testroot: str, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
        key = repr((testroot, buildername, sorted(kwargs.items())))
        if key not in apps:
            srcdir = tmp_path_factory.mktemp(testroot)
            shutil.copytree(rootdir / f"test-{testroot}", srcdir, dirs_exist_ok=True)
            apps[key] = sphinx_build(srcdir, buildername, **kwargs)
        return apps[key]

    return build


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(directory)``: the URL (with a trailing slash) of
    ``directory`` served on 127.0.0.1. One server per directory, kept for
    the session and stopped at its end."""
    urls: dict[Path, str] = {}
    with contextlib.ExitStack() as servers:

        def url(directory: Path) -> str:
            if directory not in urls:
                urls[directory] = servers.enter_context(serving(directory))
            return urls[directory]

        yield url
