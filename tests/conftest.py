"""Shared fixtures: Sphinx's own testing fixtures and our test roots."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.testing.util import SphinxTestApp

import sphinx_bookreview

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

# The loopback HTTP server is the one in tools/serve.py, shared with the
# gallery and benchmark scripts. tools/ is not in the wheel, but the tests
# always run from a checkout (CI too); only tools/ goes on the path, never
# the repository root, so sphinx_bookreview still comes from the wheel.
sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
from serve import serve as serving

pytest_plugins = ["sphinx.testing.fixtures"]

# The tests read Sphinx's messages as text, from the apps they make and from
# the sphinx-build processes they start. A terminal or CI that sets
# FORCE_COLOR would colour both; NO_COLOR wins over it in every Sphinx.
os.environ["NO_COLOR"] = "1"

# CI installs the wheel and sets this: the tests must exercise the package
# as users get it, so a file left out of the wheel fails here.
if os.environ.get("BOOKREVIEW_TEST_INSTALLED") and Path(sphinx_bookreview.__file__).is_relative_to(
    Path(__file__).parent.parent / "sphinx_bookreview"
):
    raise RuntimeError(f"testing the source tree, not the installed wheel: {sphinx_bookreview.__file__}")


def _show_warning_types(init: Callable[..., None]) -> Callable[..., None]:
    """Sphinx 8 shows warning types (``[bookreview.isbn]``) by default,
    Sphinx 7.4 only when asked; the tests assert them on both."""

    def with_types(self: SphinxTestApp, *args: Any, confoverrides: dict[str, Any] | None = None, **kw: Any) -> None:
        init(self, *args, confoverrides={"show_warning_types": True, **(confoverrides or {})}, **kw)

    return with_types


SphinxTestApp.__init__ = _show_warning_types(SphinxTestApp.__init__)  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def built(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """``built(testroot, buildername, **app_kwargs)``: the app after a full
    build of a fresh copy of ``tests/roots/test-<testroot>``, its warnings in
    ``app.warning``. Built once per arguments and shared by every test that
    asks, so a root's tests cost one build, not one each."""
    apps: dict[str, SphinxTestApp] = {}

    def build(testroot: str, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
        key = repr((testroot, buildername, sorted(kwargs.items())))
        if key not in apps:
            srcdir = tmp_path_factory.mktemp(testroot)
            shutil.copytree(rootdir / f"test-{testroot}", srcdir, dirs_exist_ok=True)
            app = SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)
            try:
                app.build()
            finally:
                # Unregister its nodes, roles and directives now: they are
                # global, and the next app registers its own.
                app.cleanup()
            apps[key] = app
        return apps[key]

    return build


@pytest.fixture
def sphinx_build(make_app: Callable[..., SphinxTestApp]) -> Callable[..., SphinxTestApp]:
    """``sphinx_build(srcdir, buildername="html", **app_kwargs)``: one
    ``sphinx-build`` run: a new application, built, then its global
    registrations undone so that the next run starts clean."""

    def build(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        app.build()
        app.cleanup()
        return app

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
