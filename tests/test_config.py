"""Every configuration value: a wrong type or value is one located
``bookreview.config`` warning, and the build goes on with the default."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from projects import sphinx_build
from sphinx.util.console import strip_colors

from sphinx_bookreview.config import SETTINGS

if TYPE_CHECKING:
    from types import ModuleType

    from sphinx.testing.util import SphinxTestApp

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
    ("bookreview_cover_sizes", "{'card': '11rem'}"),
    ("bookreview_cover_sizes", "{'sidebar': 100}"),
    ("bookreview_cover_sizes", "{'card': 0}"),
    ("bookreview_cover_sizes", "{'card': True}"),
    ("bookreview_cover_sizes", "[176, 352]"),
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
    # Names a file cannot have, or that Sphinx writes itself.
    ("bookreview_catalog", "'_static'"),
    ("bookreview_catalog", "'_images'"),
    ("bookreview_catalog", "'objects.inv'"),
    ("bookreview_catalog", "'genindex.html'"),
    ("bookreview_catalog", "'a' * 300 + '.json'"),
    ("bookreview_catalog", "'data/' + 'b' * 256 + '/reviews.json'"),
    ("bookreview_catalog", "'reviews\\x00.json'"),
    ("bookreview_catalog", "'reviews\\n.json'"),
    ("bookreview_catalog", "'data/bookreviews.schema.json'"),
    ("bookreview_feed", "'searchindex.js'"),
    ("bookreview_feed", "'book-author.html'"),
    ("bookreview_feed", "'.buildinfo'"),
]


def test_every_setting_is_tested() -> None:
    assert {name for name, _value in BAD_VALUES} == set(DEFAULTS)


def build_with(rootdir: Path, tmp_path: Path, line: str, **kwargs: Any) -> SphinxTestApp:
    """A fresh build of ``test-config`` with ``line`` appended to conf.py;
    the ``dummy`` builder (reads every document, writes nothing) unless
    ``buildername`` says otherwise."""
    srcdir = tmp_path / "config"
    shutil.copytree(rootdir / "test-config", srcdir, dirs_exist_ok=True)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(line + "\n")
    return sphinx_build(srcdir, kwargs.pop("buildername", "dummy"), **kwargs)


def warnings_of(app: SphinxTestApp) -> list[str]:
    return strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "").splitlines()


def config_warnings_of(app: SphinxTestApp) -> list[str]:
    """The warnings about settings (a setting may make the root's review
    warn too: a scale too small for its rating)."""
    return [warning for warning in warnings_of(app) if warning.endswith("[bookreview.config]")]


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


# -- every setting, every way to give it ---------------------------------------

#: A value each setting keeps, as conf.py writes it.
GOOD = {
    "bookreview_rating_scale": 7.5,
    "bookreview_rating_step": 0.25,
    "bookreview_quick_review": [("mood", "Best read with"), ("why-picked-up", "Why")],
    "bookreview_default_reviewer": "Ada Reader",
    "bookreview_isbn_url": "https://example.org/book/{isbn}",
    "bookreview_cover_url": "https://covers.example.org/{isbn}.jpg",
    "bookreview_jsonld": False,
    "bookreview_catalog": "data/reviews.json",
    "bookreview_feed": "feeds/reviews.xml",
    "bookreview_opengraph": False,
    "bookreview_opengraph_image": "https://example.org/share.png",
    "bookreview_cover_sizes": {"card": 200, "grid": 180},
}
#: Each setting on the command line: text that gives the value above, and
#: text that is refused (None: every text is a valid value).
COMMAND_LINE = {
    "bookreview_rating_scale": ("7.5", "ten"),
    "bookreview_rating_step": ("0.25", "half"),
    "bookreview_quick_review": ("mood=Best read with, why-picked-up=Why", "mood"),
    "bookreview_default_reviewer": ("Ada Reader", None),
    "bookreview_isbn_url": ("https://example.org/book/{isbn}", "ftp://example.org/{isbn}"),
    "bookreview_cover_url": ("https://covers.example.org/{isbn}.jpg", "covers/{isbn}.jpg"),
    "bookreview_jsonld": ("no", "maybe"),
    "bookreview_catalog": ("data/reviews.json", "_static"),
    "bookreview_feed": ("feeds/reviews.xml", "../reviews.atom"),
    "bookreview_opengraph": ("off", "2"),
    "bookreview_opengraph_image": ("https://example.org/share.png", "share.svg"),
    "bookreview_cover_sizes": ("card=200, grid=180", "wide"),
}
#: Every setting, given in conf.py and on the command line, a value it
#: keeps and a value it refuses (on the command line, where text can be).
CASES = [
    (setting, way, given)
    for setting in SETTINGS
    for way in ("conf.py", "-D")
    for given in ("good", "bad")
    if not (way == "-D" and given == "bad" and COMMAND_LINE[setting.name][1] is None)
]


def test_every_setting_has_its_examples() -> None:
    assert set(GOOD) == set(COMMAND_LINE) == set(DEFAULTS)


@pytest.mark.parametrize(("setting", "way", "given"), CASES, ids=[f"{s.name}-{w}-{g}" for s, w, g in CASES])
def test_every_setting_every_way(rootdir: Path, tmp_path: Path, setting: Setting, way: str, given: str) -> None:
    """A value in conf.py or on the command line (what ``-D name=text``
    hands Sphinx: ``confoverrides`` of text) is used, or is one warning at
    the place it was given and the default. The conf.py example of a bad
    value is the one the configuration page documents."""
    good_text, bad_text = COMMAND_LINE[setting.name]
    if way == "conf.py":
        value = GOOD[setting.name] if given == "good" else setting.bad
        app = build_with(rootdir, tmp_path, f"{setting.name} = {value!r}")
        where = f"conf.py:{LINE}"
    else:
        text = good_text if given == "good" else bad_text
        app = build_with(rootdir, tmp_path, "", confoverrides={setting.name: text})
        value, where = (GOOD[setting.name] if given == "good" else text), "command line:-D"
    if given == "good":
        assert warnings_of(app) == []
        assert getattr(app.config, setting.name) == value
    else:
        assert warnings_of(app) == [f"{where}: WARNING: {setting.warning(value)} [bookreview.config]"]
        assert getattr(app.config, setting.name) == setting.default


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("bookreview_rating_scale", "10", 10),
        ("bookreview_rating_scale", " 10 ", 10),
        ("bookreview_rating_step", "1", 1),
        ("bookreview_quick_review", "", []),
        ("bookreview_jsonld", "0", False),
        ("bookreview_jsonld", "1", True),
        ("bookreview_jsonld", "TRUE", True),
        ("bookreview_jsonld", "false", False),
        ("bookreview_jsonld", "yes", True),
        ("bookreview_opengraph", "no", False),
        ("bookreview_catalog", "", ""),
        ("bookreview_default_reviewer", "", ""),
        ("bookreview_cover_sizes", "none", None),
        ("bookreview_cover_sizes", "", None),
        ("bookreview_cover_sizes", "listing=120", {"listing": 120}),
    ],
)
def test_command_line_text_is_read_as_its_setting_reads(
    rootdir: Path, tmp_path: Path, name: str, text: str, value: object
) -> None:
    app = build_with(rootdir, tmp_path, "", confoverrides={name: text})
    assert config_warnings_of(app) == []
    assert getattr(app.config, name) == value


@pytest.mark.parametrize(
    ("name", "text", "shown"),
    [
        ("bookreview_rating_scale", "", "''"),
        ("bookreview_rating_scale", "0", "0"),
        ("bookreview_rating_scale", "nan", "nan"),
        ("bookreview_rating_scale", "1e400", "inf"),
        ("bookreview_rating_step", "half", "'half'"),
        ("bookreview_jsonld", "", "''"),
        ("bookreview_quick_review", "Bad Key=Question", "[('Bad Key', 'Question')]"),
        ("bookreview_quick_review", "rating=Clashes", "[('rating', 'Clashes')]"),
        ("bookreview_catalog", "/etc/reviews.json", "'/etc/reviews.json'"),
        ("bookreview_feed", "objects.inv", "'objects.inv'"),
        ("bookreview_cover_sizes", "card=11rem", "{'card': '11rem'}"),
        ("bookreview_cover_sizes", "shelf=100", "{'shelf': 100}"),
    ],
)
def test_bad_command_line_text_warns_and_falls_back(
    rootdir: Path, tmp_path: Path, name: str, text: str, shown: str
) -> None:
    app = build_with(rootdir, tmp_path, "", confoverrides={name: text})
    assert warnings_of(app) == [
        f"command line:-D: WARNING: invalid {name} = {shown}: expected {EXPECTED[name]}; "
        f"using the default {DEFAULTS[name]!r} [bookreview.config]"
    ]
    assert getattr(app.config, name) == DEFAULTS[name]


@pytest.mark.parametrize(
    ("line", "overrides", "warnings", "scale_and_step"),
    [
        # The step is checked against the scale, wherever each is given.
        ("bookreview_rating_step = 20", {"bookreview_rating_scale": "10"},
         [f"conf.py:{LINE}: WARNING: invalid bookreview_rating_step = 20: larger than bookreview_rating_scale; "
          "using 0.5 [bookreview.config]"], (10, 0.5)),
        ("bookreview_rating_scale = 10", {"bookreview_rating_step": "20"},
         ["command line:-D: WARNING: invalid bookreview_rating_step = 20: larger than bookreview_rating_scale; "
          "using 0.5 [bookreview.config]"], (10, 0.5)),
        # The command line wins over conf.py, and its warning says so.
        ("bookreview_rating_scale = 10", {"bookreview_rating_scale": "-1"},
         ["command line:-D: WARNING: invalid bookreview_rating_scale = -1: expected a positive number; "
          "using the default 5 [bookreview.config]"], (5, 0.5)),
        # A scale under one star: the default step is the scale's own size.
        ("bookreview_rating_scale = 0.25", {}, [], (0.25, 0.25)),
        ("bookreview_rating_scale = 0.25\nbookreview_rating_step = 0.4", {},
         [f"conf.py:{LINE + 1}: WARNING: invalid bookreview_rating_step = 0.4: larger than "
          "bookreview_rating_scale; using 0.25 [bookreview.config]"], (0.25, 0.25)),
        ("bookreview_rating_scale = 200", {"bookreview_rating_step": "0.001"},
         [f"conf.py:{LINE}: WARNING: invalid bookreview_rating_scale = 200: more than 100 stars; "
          "using the default 5 [bookreview.config]",
          "command line:-D: WARNING: invalid bookreview_rating_step = 0.001: more than 1000 steps to "
          "bookreview_rating_scale; using 0.5 [bookreview.config]"], (5, 0.5)),
    ],
    ids=["step-in-conf", "step-on-command-line", "command-line-wins", "tiny-scale", "tiny-scale-step", "both"],
)  # fmt: skip
def test_scale_and_step_together(
    rootdir: Path,
    tmp_path: Path,
    line: str,
    overrides: dict[str, str],
    warnings: list[str],
    scale_and_step: tuple[float, float],
) -> None:
    app = build_with(rootdir, tmp_path, line, confoverrides=overrides)
    assert config_warnings_of(app) == warnings
    assert (app.config.bookreview_rating_scale, app.config.bookreview_rating_step) == scale_and_step


@pytest.mark.parametrize(
    ("lines", "warning", "feed"),
    [
        ("bookreview_feed = 'bookreviews.json'", "invalid bookreview_feed = 'bookreviews.json': the catalogue's "
         "file (bookreview_catalog); using 'reviews.atom'", "reviews.atom"),
        ("bookreview_catalog = 'reviews.atom'\nbookreview_feed = 'reviews.atom'", "invalid bookreview_feed = "
         "'reviews.atom': the catalogue's file (bookreview_catalog); using ''", ""),
    ],
    ids=["catalogue", "default-taken"],
)  # fmt: skip
def test_the_feed_is_not_the_catalogue(rootdir: Path, tmp_path: Path, lines: str, warning: str, feed: str) -> None:
    app = build_with(rootdir, tmp_path, lines)
    line = LINE + lines.count("\n")
    assert warnings_of(app) == [f"conf.py:{line}: WARNING: {warning} [bookreview.config]"]
    assert app.config.bookreview_feed == feed


@pytest.mark.parametrize(
    ("setting", "name", "reason"),
    [
        ("bookreview_catalog", "index.html", re.escape("it is the page of 'index'")),
        ("bookreview_feed", "index.html", re.escape("it is the page of 'index'")),
        ("bookreview_catalog", "index.html/reviews.json", re.escape("File exists (index.html)")),
        ("bookreview_feed", "taken/reviews.atom", re.escape("Is a directory (taken/reviews.atom)")),
        # Which part of the path the system names depends on where the output is.
        ("bookreview_catalog", "/".join(["d" * 200] * 25), r"File name too long \((d{200}/)*d{200}\)"),
    ],
    ids=["catalog-page", "feed-page", "under-a-page", "a-folder", "too-long"],
)
def test_a_file_name_the_build_cannot_use_is_one_warning(
    rootdir: Path, tmp_path: Path, setting: str, name: str, reason: str
) -> None:
    """Known only when the file is written: the project's pages, and what
    the file system says. The page is left as Sphinx wrote it."""
    html_extra = "html_extra_path = ['extra']\n" if name.startswith("taken/") else ""
    srcdir = tmp_path / "config"
    (srcdir / "extra" / "taken" / "reviews.atom").mkdir(parents=True)  # a folder where the file would go
    app = build_with(
        rootdir, tmp_path, f"{html_extra}html_baseurl = 'https://config.example.org/'\n{setting} = {name!r}",
        buildername="html",
    )  # fmt: skip
    line = LINE + 1 + bool(html_extra)
    (warning,) = warnings_of(app)
    start = f"conf.py:{line}: WARNING: cannot write {setting} = {name!r}: "
    assert re.fullmatch(re.escape(start) + reason + re.escape("; the file is not written [bookreview.config]"), warning)
    assert "<!DOCTYPE html>" in (app.outdir / "index.html").read_text(encoding="utf-8")


# -- conf.py as Python reads it -------------------------------------------------


def build_project(tmp_path: Path, conf: bytes, **kwargs: Any) -> SphinxTestApp:
    """A project of one page whose conf.py is ``conf``, as bytes."""
    srcdir = tmp_path / "project"
    srcdir.mkdir()
    (srcdir / "conf.py").write_bytes(conf)
    (srcdir / "index.rst").write_text("Project\n=======\n", encoding="utf-8")
    return sphinx_build(srcdir, kwargs.pop("buildername", "dummy"), **kwargs)


def test_a_latin_1_conf_py_is_read_as_python_reads_it(tmp_path: Path) -> None:
    conf = '# -*- coding: latin-1 -*-\nproject = "Café"\nextensions = ["sphinx_bookreview"]\n'
    app = build_project(tmp_path, (conf + "bookreview_rating_scale = 'five'\n").encode("latin-1"))
    assert app.config.project == "Café"
    assert warnings_of(app) == [
        "conf.py:4: WARNING: invalid bookreview_rating_scale = 'five': expected a positive number; "
        "using the default 5 [bookreview.config]"
    ]


def test_a_conf_py_gone_once_read_gives_no_location(tmp_path: Path) -> None:
    """The warning is still given, without the line it cannot read."""
    conf = b'import os\nextensions = ["sphinx_bookreview"]\nbookreview_jsonld = "yes"\nos.remove(__file__)\n'
    app = build_project(tmp_path, conf)
    assert warnings_of(app) == [
        "WARNING: invalid bookreview_jsonld = 'yes': expected True or False; using the default True [bookreview.config]"
    ]


# -- the theme's own options ---------------------------------------------------

#: ``(option, bad text, warning)``: each option of the bookreview theme that
#: has a shape (logo_dark is a URL, checked with the theme's links; the
#: text options take any text).
THEME_OPTIONS = [
    ("recent_reviews", "many", "theme option recent_reviews must be a whole number of 0 or more; using 12"),
    ("recent_reviews", "-1", "theme option recent_reviews must be a whole number of 0 or more; using 12"),
    ("recent_reviews", "2.5", "theme option recent_reviews must be a whole number of 0 or more; using 12"),
    ("show_covers", "maybe", "theme option show_covers must be true or false; using true"),
    ("hide_name", "2", "theme option hide_name must be true or false; using false"),
    ("accent_color", "url(x)", "theme option accent_color: 'url(x)' is not a CSS colour; ignored"),
    ("accent_color_dark", "red;}", "theme option accent_color_dark: 'red;}' is not a CSS colour; ignored"),
    ("pygments_dark_style", "nope", "theme option pygments_dark_style: unknown Pygments style 'nope'; using a11y-dark"),
]
#: How a theme option is given: conf.py's html_theme_options, ``-D
#: html_theme_options.name=text``, ``-A theme_name=text`` (what
#: ``sphinx-build`` hands Sphinx for each).
#: pygments_dark_style is read when the builder starts, from
#: html_theme_options only: ``-A`` does not set it.
THEME_CASES = [
    (*option, way) for option in THEME_OPTIONS for way in ("conf.py", "-D", "-A")
    if not (way == "-A" and option[0] == "pygments_dark_style")
]  # fmt: skip


@pytest.mark.parametrize(
    ("option", "text", "warning", "way"), THEME_CASES, ids=[f"{o}={t}-{w}" for o, t, _m, w in THEME_CASES]
)
def test_every_theme_option_every_way(tmp_path: Path, option: str, text: str, warning: str, way: str) -> None:
    conf = 'extensions = ["sphinx_bookreview"]\nhtml_theme = "bookreview"\n'
    overrides = {}
    if way == "conf.py":
        conf += f"html_theme_options = {{{option!r}: {text!r}}}\n"
    elif way == "-D":
        overrides[f"html_theme_options.{option}"] = text
    else:
        overrides[f"html_context.theme_{option}"] = text
    app = build_project(tmp_path, conf.encode(), buildername="html", confoverrides=overrides)
    where = "conf.py:3" if way == "conf.py" else "command line:-D/-A"
    assert warnings_of(app) == [f"{where}: WARNING: {warning} [bookreview.config]"]


# -- sphinx-build -D, as users type it -----------------------------------------


def sphinx_build_cli(rootdir: Path, tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    srcdir = tmp_path / "config"
    shutil.copytree(rootdir / "test-config", srcdir)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", *options, str(srcdir), str(tmp_path / "out")]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


GOOD_OPTIONS = ["-D", "bookreview_jsonld=yes", "-D", "bookreview_opengraph=no", "-D", "bookreview_rating_scale=7.5",
                "-D", "bookreview_rating_step=0.25", "-D", "bookreview_quick_review=why-picked-up=Why",
                "-D", "bookreview_catalog=data/reviews.json"]  # fmt: skip
BAD_OPTIONS = ["-D", "bookreview_jsonld=maybe", "-D", "bookreview_rating_step=half",
               "-D", "bookreview_catalog=index.html/x.json", "-D", "html_theme=bookreview",
               "-D", "html_theme_options.show_covers=maybe",
               "-D", "html_baseurl=https://config.example.org/"]  # fmt: skip


def test_sphinx_build_uses_what_d_gives(rootdir: Path, tmp_path: Path) -> None:
    result = sphinx_build_cli(rootdir, tmp_path, "-W", *GOOD_OPTIONS)
    assert (result.returncode, result.stderr) == (0, "")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="4.3 out of 7.5"' in page
    assert '"bestRating": 7.5' in page
    assert "og:title" not in page
    assert (tmp_path / "out" / "data" / "reviews.json").is_file()


@pytest.mark.parametrize("strict", [False, True], ids=["warn", "-W"])
def test_sphinx_build_warns_about_what_d_gives_and_goes_on(rootdir: Path, tmp_path: Path, strict: bool) -> None:
    result = sphinx_build_cli(rootdir, tmp_path, *(["-W", "--keep-going"] if strict else []), *BAD_OPTIONS)
    assert "Traceback" not in result.stderr
    assert result.returncode == (1 if strict else 0)
    warnings = [line for line in strip_colors(result.stderr).splitlines() if "WARNING" in line]
    assert warnings == [
        "command line:-D: WARNING: invalid bookreview_rating_step = 'half': expected a positive number; "
        "using the default 0.5 [bookreview.config]",
        "command line:-D: WARNING: invalid bookreview_jsonld = 'maybe': expected True or False; "
        "using the default True [bookreview.config]",
        "command line:-D/-A: WARNING: theme option show_covers must be true or false; using true [bookreview.config]",
        "command line:-D: WARNING: cannot write bookreview_catalog = 'index.html/x.json': File exists (index.html); "
        "the file is not written [bookreview.config]",
    ]
