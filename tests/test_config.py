"""Every configuration value: a wrong type or value is one located
``bookreview.config`` warning, and the build goes on with the default."""

from __future__ import annotations

import importlib.util
import shutil
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from sphinx_bookreview.config import SETTINGS

if TYPE_CHECKING:
    from types import ModuleType

    from sphinx_bookreview.config import Setting

DEFAULTS = {setting.name: setting.default for setting in SETTINGS}
EXPECTED = {setting.name: setting.expected for setting in SETTINGS}
#: The line of conf.py that the test appends (the root's conf.py has 5).
LINE = 6

#: ``(setting, Python source of a bad value)``: each is refused.
BAD_VALUES = [
    ("bookreview_rating_scale", "'5'"),
    ("bookreview_rating_scale", "0"),
    ("bookreview_rating_scale", "-1"),
    ("bookreview_rating_scale", "True"),
    ("bookreview_rating_scale", "float('nan')"),
    ("bookreview_rating_scale", "float('inf')"),
    ("bookreview_rating_step", "0"),
    ("bookreview_rating_step", "'half'"),
    ("bookreview_rating_step", "None"),
    ("bookreview_rating_step", "float('nan')"),
    ("bookreview_rating_step", "-0.5"),
    ("bookreview_quick_review", "'why-picked-up'"),
    ("bookreview_quick_review", "{'mood': 'Best read with'}"),
    ("bookreview_quick_review", "[('mood',)]"),
    ("bookreview_quick_review", "[('mood', 42)]"),
    ("bookreview_quick_review", "[('isbn', 'Clashes with an option')]"),
    ("bookreview_quick_review", "[('mood', 'A'), ('mood', 'B')]"),
    ("bookreview_quick_review", "[('Bad Key', 'Question')]"),
    ("bookreview_default_reviewer", "42"),
    ("bookreview_default_reviewer", "['Me']"),
    ("bookreview_default_reviewer", "b'Me'"),
    ("bookreview_isbn_url", "None"),
    ("bookreview_isbn_url", "'javascript:alert({isbn})'"),
    ("bookreview_isbn_url", "'ftp://example.org/{isbn}'"),
    ("bookreview_isbn_url", "'https://example.org/{isbn}/{other}'"),
    ("bookreview_isbn_url", "'https://example.org/{0}'"),
    ("bookreview_isbn_url", "'https://example.org/{isbn.real}'"),
    ("bookreview_isbn_url", "'https://example.org/{isbn[a]}'"),
    ("bookreview_isbn_url", "'https://example.org/same-for-every-book'"),
    # A width made a URL of a terabyte: MemoryError crashed the build.
    ("bookreview_isbn_url", "'https://example.org/{isbn:>999999999999}'"),
    ("bookreview_isbn_url", "'https://example.org/{isbn!r}'"),
    ("bookreview_isbn_url", "'https://example.org/{isbn'"),
    ("bookreview_cover_url", "'covers/{isbn}.jpg'"),
    ("bookreview_cover_url", "b'https://example.org/{isbn}'"),
    ("bookreview_cover_url", "'https://example.org/{isbn:^5000000000}.jpg'"),
    ("bookreview_jsonld", "'yes'"),
    ("bookreview_jsonld", "1"),
    ("bookreview_catalog", "'/tmp/bookreviews.json'"),
    ("bookreview_catalog", "'../bookreviews.json'"),
    ("bookreview_catalog", "'data/../../bookreviews.json'"),
    ("bookreview_catalog", "None"),
    ("bookreview_feed", "'..\\\\reviews.atom'"),
    ("bookreview_feed", "False"),
    ("bookreview_opengraph", "'yes'"),
    ("bookreview_opengraph_image", "None"),
    ("bookreview_opengraph_image", "'share.svg'"),
    ("bookreview_opengraph_image", "'/srv/share.png'"),
    ("bookreview_opengraph_image", "'../share.png'"),
    ("bookreview_opengraph_image", "'javascript:alert(1)'"),
    ("bookreview_opengraph_image", "'ftp://example.org/share.png'"),
]


def test_every_setting_is_tested() -> None:
    assert {name for name, _value in BAD_VALUES} == set(DEFAULTS)


def build_with(rootdir: Path, tmp_path: Path, line: str, **kwargs: Any) -> SphinxTestApp:
    """A fresh build of ``test-config`` with ``line`` appended to conf.py;
    the ``dummy`` builder (reads every document, writes nothing) unless
    ``buildername`` says otherwise."""
    srcdir = tmp_path / "config"
    shutil.copytree(rootdir / "test-config", srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(line + "\n")
    app = SphinxTestApp(kwargs.pop("buildername", "dummy"), srcdir=srcdir, warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warnings_of(app: SphinxTestApp) -> list[str]:
    return strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "").splitlines()


@pytest.mark.parametrize(("name", "source"), BAD_VALUES)
def test_bad_value_warns_and_falls_back(rootdir: Path, tmp_path: Path, name: str, source: str) -> None:
    app = build_with(rootdir, tmp_path, f"{name} = {source}")
    value = eval(source)  # our own literal, as conf.py evaluated it
    assert warnings_of(app) == [
        f"conf.py:{LINE}: WARNING: invalid {name} = {value!r}: expected {EXPECTED[name]}; "
        f"using the default {DEFAULTS[name]!r} [bookreview.config]"
    ]
    assert getattr(app.config, name) == DEFAULTS[name]


def test_step_larger_than_scale(rootdir: Path, tmp_path: Path) -> None:
    app = build_with(rootdir, tmp_path, "bookreview_rating_step = 20  # larger than the scale below\n"
                                        "bookreview_rating_scale = 10")  # fmt: skip
    assert warnings_of(app) == [
        f"conf.py:{LINE}: WARNING: invalid bookreview_rating_step = 20: larger than bookreview_rating_scale; "
        "using 0.5 [bookreview.config]"
    ]
    assert (app.config.bookreview_rating_scale, app.config.bookreview_rating_step) == (10, 0.5)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        # Text and LaTeX draw every star: a scale of 10**12 ran out of memory.
        (
            "bookreview_rating_scale = 1e12",
            "invalid bookreview_rating_scale = 1000000000000.0: more than 100 stars; using the default 5",
        ),
        # The rating chart has a bar per step: this one never ended.
        (
            "bookreview_rating_step = 1e-300",
            "invalid bookreview_rating_step = 1e-300: more than 1000 steps to bookreview_rating_scale; using 0.5",
        ),
    ],
    ids=["scale", "step"],
)
def test_too_many_stars_or_steps(rootdir: Path, tmp_path: Path, lines: str, message: str) -> None:
    app = build_with(rootdir, tmp_path, lines)
    assert warnings_of(app) == [f"conf.py:{LINE}: WARNING: {message} [bookreview.config]"]
    assert (app.config.bookreview_rating_scale, app.config.bookreview_rating_step) == (5, 0.5)


def test_set_on_the_command_line_has_no_line(rootdir: Path, tmp_path: Path) -> None:
    app = build_with(rootdir, tmp_path, "", confoverrides={"bookreview_rating_scale": "-3"})
    assert warnings_of(app) == [
        "WARNING: invalid bookreview_rating_scale = -3: expected a positive number; "
        "using the default 5 [bookreview.config]"
    ]


def test_the_build_uses_the_default(rootdir: Path, tmp_path: Path) -> None:
    """After a bad scale the review is rated out of 5; after a bad ISBN URL
    the ISBN links to Open Library; after a bad quick review, the default
    questions are asked."""
    app = build_with(
        rootdir, tmp_path,
        "bookreview_rating_scale = 'ten'\nbookreview_isbn_url = 'javascript:{isbn}'\nbookreview_quick_review = 'x'\n"
        "bookreview_opengraph = False",
        buildername="html",
    )  # fmt: skip
    assert len(warnings_of(app)) == 3
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="4.3 out of 5"' in page
    assert 'href="https://openlibrary.org/isbn/9780306406157"' in page
    assert "<dt>Why I picked it up</dt>" in page


@pytest.mark.parametrize(
    "line",
    [
        "bookreview_rating_scale = 10.0",
        "bookreview_rating_scale = 100",
        "bookreview_rating_step = 0.005  # 1000 steps to 5",
        "bookreview_rating_step = 0.25",
        "bookreview_quick_review = [('mood', 'Best read with'), ('why-picked-up', 'Why')]",
        "bookreview_quick_review = (('why-picked-up', 'Why'),)",
        "bookreview_default_reviewer = 'Me'",
        "bookreview_isbn_url = ''",
        "bookreview_isbn_url = 'https://example.org/book/{isbn}?ref=me'",
        "bookreview_cover_url = 'https://covers.openlibrary.org/b/isbn/{isbn}-M.jpg'",
        "bookreview_jsonld = False",
        "bookreview_catalog = ''",
        "bookreview_feed = 'feeds/reviews.atom'",
        "bookreview_opengraph = False",
        "bookreview_opengraph_image = 'https://example.org/share.png'",
    ],
)
def test_good_values_are_kept(rootdir: Path, tmp_path: Path, line: str) -> None:
    app = build_with(rootdir, tmp_path, line)
    assert warnings_of(app) == []
    name, _, source = line.partition(" = ")
    assert getattr(app.config, name) == eval(source)  # our own literal


# -- the configuration page, generated from the table --------------------------


def settings_reference() -> ModuleType:
    """``docs/_ext/settings_reference.py``, the docs' own extension."""
    path = Path(__file__).parent.parent / "docs" / "_ext" / "settings_reference.py"
    spec = importlib.util.spec_from_file_location("settings_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_configuration_page_documents_every_setting() -> None:
    text = settings_reference().reference_rst()
    for setting in SETTINGS:
        assert setting.section and setting.description.strip()
        entry = f".. confval:: {setting.name}\n   :type: "
        assert text.count(entry) == 1, setting.name
        assert f"   :default: ``{setting.default!r}``\n" in text
        assert f"the warning is ``{setting.warning(setting.bad)}``." in text
    sections = [line for line, under in zip(text.splitlines(), text.splitlines()[1:], strict=False)
                if under and set(under) == {"-"}]  # fmt: skip
    assert sections == ["Ratings", "Quick review", "Reviewer", "Links and covers", "Generated output", "Sharing"]


@pytest.mark.parametrize("setting", SETTINGS, ids=[setting.name for setting in SETTINGS])
def test_the_documented_bad_value_gives_the_documented_warning(rootdir: Path, tmp_path: Path, setting: Setting) -> None:
    app = build_with(rootdir, tmp_path, f"{setting.name} = {setting.bad!r}")
    assert warnings_of(app) == [f"conf.py:{LINE}: WARNING: {setting.warning(setting.bad)} [bookreview.config]"]
