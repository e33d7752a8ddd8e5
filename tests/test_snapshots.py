"""Doctree snapshots of reviews written in reStructuredText and in MyST
(``tests/roots/test-snapshot``): each is compared with its stored copy in
``tests/test_snapshots/``, and the two forms must be the same review. The
second pair uses issue 14's options and spoilers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_bookreview.nodes import bookreview

if TYPE_CHECKING:
    from projects import Build
    from pytest_regressions.file_regression import FileRegressionFixture
    from sphinx.testing.util import SphinxTestApp


DOCNAMES = {"review_rst": "snapshot-rst", "review_md": "snapshot-md", "audio_rst": "audio-rst", "audio_md": "audio-md"}
PAIRS = [("review_rst", "review_md"), ("audio_rst", "audio_md")]


@pytest.fixture(scope="module")
def app(built: Build) -> SphinxTestApp:
    app = built("snapshot", "dummy")
    assert app.warning.getvalue() == ""
    return app


def doctree_text(app: SphinxTestApp, docname: str) -> str:
    """The doctree as read, the source directory made relative so the
    snapshot is the same on every machine."""
    text = app.env.get_doctree(docname).pformat().replace(str(app.srcdir), "<srcdir>")
    # docutils 0.22 writes boolean attributes as 1/0, earlier ones as True/False.
    return text.replace('="True"', '="1"').replace('="False"', '="0"')


@pytest.mark.parametrize("docname", list(DOCNAMES))
def test_doctree_snapshot(app: SphinxTestApp, file_regression: FileRegressionFixture, docname: str) -> None:
    file_regression.check(doctree_text(app, docname), basename=f"doctree_{docname}", extension=".xml")


def review_text(app: SphinxTestApp, docname: str) -> str:
    """The review's node alone, its id (the one difference) normalised."""
    (review,) = app.env.get_doctree(docname).findall(bookreview)
    # The spoiler's control is named after its document, the one other difference.
    return review.pformat().replace(DOCNAMES[docname], "<id>").replace(docname.replace("_", "-"), "<doc>")


@pytest.mark.parametrize("pair", PAIRS, ids=["review", "audio"])
def test_rst_and_myst_give_the_same_review(app: SphinxTestApp, pair: tuple[str, str]) -> None:
    rst, myst = (review_text(app, docname) for docname in pair)
    assert "bookreview_card" in rst
    assert "bookreview_quick" in rst
    assert rst == myst
