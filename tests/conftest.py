"""Shared fixtures: Sphinx's own testing fixtures and our test roots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sphinx_bookreview

pytest_plugins = ["sphinx.testing.fixtures"]

# CI installs the wheel and sets this: the tests must exercise the package
# as users get it, so a file left out of the wheel fails here.
if os.environ.get("BOOKREVIEW_TEST_INSTALLED") and Path(sphinx_bookreview.__file__).is_relative_to(
    Path(__file__).parent.parent
):
    raise RuntimeError(f"testing the source tree, not the installed wheel: {sphinx_bookreview.__file__}")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"
