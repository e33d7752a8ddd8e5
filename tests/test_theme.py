"""The ``bookreview`` theme's pages, read from the HTML it writes."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from bs4 import BeautifulSoup
from projects import sphinx_build
from sphinx.util.console import strip_colors

import sphinx_bookreview
from sphinx_bookreview.theme.assets import DARK_CODE_CSS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="session", autouse=True)
def theme_entry_point(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """``html_theme = "bookreview"`` is found through the package's
    ``sphinx.html_themes`` entry point, which exists once the package is
    installed (as in CI). From a source checkout, the same entry point is
    declared in a temporary dist-info, so the tests use the same lookup."""
    if importlib.metadata.entry_points(group="sphinx.html_themes", name="bookreview"):
        yield
        return
    folder = tmp_path_factory.mktemp("entry-point")
    info = folder / "sphinx_bookreview_source-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sphinx-bookreview-source\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[sphinx.html_themes]\nbookreview = sphinx_bookreview.theme\n")
    sys.path.append(str(folder))
    importlib.invalidate_caches()
    yield
    sys.path.remove(str(folder))


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def site(built: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    app = built("theme")
    assert app.warning.getvalue() == ""
    return app


# -- the theme and the extension ------------------------------------------

NEEDS_EXTENSION = (
    'html_theme = "bookreview" needs the sphinx_bookreview extension: add it to the extensions in {conf}: '
)


def run_sphinx_build(cwd: Path, *arguments: str | Path) -> subprocess.CompletedProcess[str]:
    """``sphinx-build`` in a new process, with this test run's imports (the
    installed package, or the source tree and its theme entry point). Run
    in ``cwd``: ``python -m`` puts its folder first on the path, and the
    repository's would hide the installed package."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
    command = [sys.executable, "-m", "sphinx", *map(str, arguments)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=300, check=False)


@pytest.mark.parametrize("options", [[], ["-W"]])
@pytest.mark.parametrize(
    ("extensions", "line", "new_line"),
    [
        ('extensions = ["myst_parser"]\n', 4, 'extensions = ["myst_parser", "sphinx_bookreview"]'),
        ("", None, 'extensions = ["sphinx_bookreview"]'),
    ],
)
def test_theme_without_the_extension_stops_with_one_error(
    rootdir: Path, tmp_path: Path, options: list[str], extensions: str, line: int | None, new_line: str
) -> None:
    """Sphinx loads a theme after the environment and its domains are made:
    the theme cannot bring the extension in, so it says which line to add."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-theme", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('extensions = ["sphinx_bookreview"]\n', extensions), encoding="utf-8")
    result = run_sphinx_build(tmp_path, "-b", "html", "-q", *options, srcdir, tmp_path / "out")
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "Exception" not in output
    errors = [text for text in output.splitlines() if NEEDS_EXTENSION.format(conf=conf) in text]
    assert len(errors) == 1, output
    # Sphinx 9 names the warning type; Sphinx 7.4 only when asked.
    assert errors[0].partition(NEEDS_EXTENSION.format(conf=conf))[2].removesuffix(" [bookreview.theme]") == new_line
    # Located at conf.py's extensions line, where there is one.
    assert errors[0].startswith(f"{conf}:{line}:") if line else not errors[0].startswith(str(conf)), output
    assert not (tmp_path / "out" / "index.html").exists()


def test_theme_with_the_extension_builds_every_review(site: SphinxTestApp) -> None:
    page = soup(site, "reviews/pragmatic.html")
    assert page.select_one("article.bookreview#pragmatic .bookreview-card") is not None
    assert (site.outdir / "book-author.html").is_file()


# -- what a page loads ------------------------------------------------------------


def test_our_files_minified_and_our_script_deferred(site: SphinxTestApp) -> None:
    page = soup(site, "reviews/pragmatic.html")
    sheets = [link["href"].split("?")[0] for link in page.select('link[rel="stylesheet"]')]
    assert sheets == ["../_static/bookreview.min.css", "../_static/bookreview-theme.min.css"]
    scripts = {s["src"].split("?")[0]: s.has_attr("defer") for s in page.select("script[src]")}
    # Sphinx's scripts as Sphinx adds them; ours deferred.
    assert scripts == {
        "../_static/documentation_options.js": False,
        "../_static/doctools.js": False,
        "../_static/sphinx_highlight.js": False,
        "../_static/bookreview-theme.min.js": True,
    }
    inline = page.select("head script:not([src])")
    assert len(inline) == 1 and "dataset.theme" in inline[0].string
    first_stylesheet = page.select_one('link[rel="stylesheet"]')
    assert inline[0].sourceline < first_stylesheet.sourceline, "the theme is set before any style applies"


def test_served_files_are_the_sources_minified(site: SphinxTestApp) -> None:
    """The package ships its stylesheets and script minified (``hatch_build.py``
    makes them when the package is built, from ``static-src`` into
    ``static``); a site build copies them. In a source checkout,
    ``pip install -e .`` makes them anew after an edit."""
    package = Path(sphinx_bookreview.__file__).parent
    theme = package / "theme"
    served = {  # name: (where the package has it, its source minified)
        "bookreview-theme.min.css": (theme / "static", rcssmin.cssmin(read(theme, "bookreview-theme.css"))),
        "bookreview-theme.min.js": (theme / "static", rjsmin.jsmin(read(theme, "bookreview-theme.js"))),
        "bookreview.min.css": (package / "static", rcssmin.cssmin(read(package, "bookreview.css"))),
    }
    for name, (static, minified) in served.items():
        assert (static / name).read_text(encoding="utf-8") == minified, f"{name} is stale: pip install -e . again"
        assert (site.outdir / "_static" / name).read_text(encoding="utf-8") == minified
    css = served["bookreview-theme.min.css"][1]
    assert "/*" not in css and len(css) < 0.75 * len(read(theme, "bookreview-theme.css"))


def read(folder: Path, source: str) -> str:
    """A readable source of a served file, kept out of the static folder Sphinx copies."""
    return (folder / "static-src" / source).read_text(encoding="utf-8")


def test_a_site_gets_only_the_files_its_pages_load(site: SphinxTestApp) -> None:
    """Sphinx copies the theme's ``static`` folder, and the extension's,
    whole: neither holds the readable sources of the minified files."""
    ours = sorted(path.name for path in (site.outdir / "_static").iterdir() if path.name.startswith("bookreview"))
    assert ours == [
        "bookreview-code-dark.css", "bookreview-icon.svg", "bookreview-theme.min.css", "bookreview-theme.min.js",
        "bookreview.min.css",
    ]  # fmt: skip
    loaded = set()
    for page in ("index.html", "about.html"):  # about.html has code
        html = soup(site, page)
        links = [*html.select("link[href]"), *html.select("script[src]")]
        loaded |= {str(tag.get("href") or tag["src"]).split("?")[0].removeprefix("_static/") for tag in links}
    assert set(ours) <= loaded


def test_project_stylesheets_come_after_ours(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_css_files": ["custom.css"]})
    sheets = [link["href"].split("?")[0] for link in soup(app, "index.html").select('link[rel="stylesheet"]')]
    assert sheets == ["_static/bookreview.min.css", "_static/bookreview-theme.min.css", "_static/custom.css"]


def test_search_page_gets_its_scripts(site: SphinxTestApp) -> None:
    page = soup(site, "search.html")
    scripts = {s["src"].split("?")[0]: s.has_attr("defer") for s in page.select("script[src]")}
    assert scripts["_static/doctools.js"] is False
    for deferred in ("_static/searchtools.js", "_static/language_data.js", "searchindex.js"):
        assert scripts[deferred] is True
    assert page.select_one("#search-results") is not None
    assert page.select_one('[role="main"]') is not None


@pytest.mark.parametrize("language", ["de", "fr"])
def test_search_page_speaks_the_project_s_language(built: Callable[..., SphinxTestApp], language: str) -> None:
    """Sphinx's own catalog translates the search page's message: its msgid
    is Sphinx's, line break and all (a one-line msgid stayed English)."""
    page = soup(built("theme", confoverrides={"language": language}), "search.html")
    text = page.select_one("noscript").get_text(" ", strip=True)
    assert "JavaScript" in text and not text.startswith("Please activate")


def test_no_web_fonts_no_important(site: SphinxTestApp) -> None:
    css = (site.outdir / "_static" / "bookreview-theme.min.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "@import" not in css
    assert "!important" not in css


# -- code colours -----------------------------------------------------------------


def stylesheets(app: SphinxTestApp, page: str) -> list[str]:
    return [link["href"].split("?")[0] for link in soup(app, page).select('link[rel="stylesheet"]')]


def code_sheets(app: SphinxTestApp) -> tuple[str, str]:
    """Sphinx's Pygments sheet (light) and the theme's dark one."""
    static = app.outdir / "_static"
    return (static / "pygments.css").read_text(encoding="utf-8"), (static / DARK_CODE_CSS).read_text(encoding="utf-8")


def test_code_colours_only_on_pages_with_code(site: SphinxTestApp) -> None:
    assert stylesheets(site, "about.html") == [
        "_static/pygments.css", "_static/bookreview-code-dark.css",
        "_static/bookreview.min.css", "_static/bookreview-theme.min.css",
    ]  # fmt: skip
    assert "_static/pygments.css" not in stylesheets(site, "reviews/pragmatic.html")
    for page in ("genindex.html", "search.html", "book-author.html"):
        assert "_static/pygments.css" not in stylesheets(site, page)


def test_code_colours_on_pages_another_extension_makes(tmp_path: Path) -> None:
    """viewcode's highlighted modules have no doctree, only their HTML."""
    conf = (
        'extensions = ["sphinx_bookreview", "sphinx.ext.autodoc", "sphinx.ext.viewcode"]\nhtml_theme = "bookreview"\n'
    )
    (tmp_path / "conf.py").write_text(conf, encoding="utf-8")
    (tmp_path / "index.rst").write_text("API\n===\n\n.. autofunction:: sphinx_bookreview.model.parse_isbn\n")
    app = sphinx_build(tmp_path)
    assert app.warning.getvalue() == ""
    assert stylesheets(app, "_modules/sphinx_bookreview/model.html")[:2] == [
        "../../_static/pygments.css", "../../_static/bookreview-code-dark.css"
    ]  # fmt: skip
    assert "_static/pygments.css" not in stylesheets(app, "index.html")


def test_code_colours_by_default_a11y_light_and_dark(site: SphinxTestApp) -> None:
    light, dark = code_sheets(site)
    assert ".highlight .k { color: #8045E5 }" in light  # a11y-light
    for scope in ('html[data-theme="dark"]', 'html:not([data-theme="light"])'):
        assert f"{scope} .highlight .k {{ color: #DCC6E0 }}" in dark  # a11y-dark
        # Nothing of the light style shows through where the dark one sets nothing.
        assert f"{scope} .highlight * {{ color: inherit; background-color: transparent;" in dark
    # The second scope is the system's dark preference, unless light was chosen.
    assert dark.index("@media (prefers-color-scheme: dark)") < dark.index('html:not([data-theme="light"])')


def test_code_colours_follow_the_project_s_pygments_style(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"pygments_style": "friendly"})
    assert app.warning.getvalue() == ""
    light, dark = code_sheets(app)
    assert ".highlight .k { color: #007020; font-weight: bold }" in light  # friendly
    assert 'html[data-theme="dark"] .highlight .k { color: #DCC6E0 }' in dark


def test_code_colours_in_dark_from_the_theme_option(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_theme_options": {"pygments_dark_style": "monokai"}})
    assert app.warning.getvalue() == ""
    light, dark = code_sheets(app)
    assert ".highlight .k { color: #8045E5 }" in light
    assert 'html[data-theme="dark"] .highlight .k { color: #66D9EF }' in dark  # monokai
    assert 'html:not([data-theme="light"]) .highlight .k { color: #66D9EF }' in dark


def test_unknown_code_styles_are_warnings(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme-code-styles")
    conf = app.confdir / "conf.py"
    warnings = app.warning.getvalue()
    assert warnings.count("WARNING") == 2, warnings
    assert (
        f"{conf}:4: WARNING: while setting up extension sphinx_bookreview.theme: pygments_style: "
        "unknown Pygments style 'no-such-style'; using the theme's own [bookreview.config]"
    ) in warnings
    assert (
        f"{conf}:5: WARNING: theme option pygments_dark_style: unknown Pygments style 'nor-this-one'; "
        "using a11y-dark [bookreview.config]"
    ) in warnings
    light, dark = code_sheets(app)
    assert ".highlight .k { color: #8045E5 }" in light
    assert 'html[data-theme="dark"] .highlight .k { color: #DCC6E0 }' in dark


# -- every page -------------------------------------------------------------


def test_skip_link_main_and_navigation(site: SphinxTestApp) -> None:
    page = soup(site, "about.html")
    first = page.body.find(True)
    assert first.name == "a" and first["href"] == "#main" and first.get_text() == "Skip to content"
    assert page.select_one("main#main") is not None
    nav = page.select_one("header nav.site-nav")
    assert [a.get_text() for a in nav.select("a")] == ["Reviews", "About these notes", "Authors", "Tags", "Ratings"]
    assert [a["href"] for a in nav.select(".site-indices a")] == [
        "book-author.html",
        "book-tag.html",
        "book-rating.html",
    ]
    assert nav.select_one(".caption") is None
    assert page.select_one('header form[role="search"]')["action"] == "search.html"
    assert page.select_one("button.theme-toggle")["type"] == "button"


def test_many_pages_go_in_a_menu(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme-menu")
    assert app.warning.getvalue() == ""
    header = soup(app, "two.html").select_one("header")
    menu = header.select_one("details.site-menu")
    assert menu.summary.get_text() == "Contents"
    groups = [(c.get_text(), c["aria-level"]) for c in menu.select("nav p.caption")]
    assert groups == [("Guides", "2"), ("Reference", "2")]
    assert [a.get_text() for a in menu.select("nav a")] == [
        f"Page {n}" for n in ("one", "two", "three", "four", "five", "six")
    ]
    assert menu.select_one("li.current > a").get_text() == "Page two"
    assert header.select(".site-nav a") == []  # no reviews: no index links either


def test_toctree_caption_is_a_heading_with_a_level(site: SphinxTestApp) -> None:
    """Written as Sphinx writes a caption, with the level Sphinx leaves out."""
    wrapper = soup(site, "index.html").select_one(".body div.toctree-wrapper")
    caption = wrapper.find(True)
    assert (
        str(caption) == '<p aria-level="2" class="caption" role="heading"><span class="caption-text">Reviews</span></p>'
    )
    assert caption.find_next_sibling().name == "ul"


def test_toctree_caption_in_a_section_is_one_level_lower(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme-menu")
    captions = soup(app, "one.html").select(".body p.caption")
    assert [(c.get_text(), c["aria-level"]) for c in captions] == [("Elsewhere", "3")]
    assert soup(app, "two.html").select(".body p.caption") == []  # a hidden toctree writes nothing


def test_page_contents_and_pager(site: SphinxTestApp) -> None:
    page = soup(site, "about.html")
    toc = page.select_one("details.page-toc nav")
    assert [a.get_text() for a in toc.select("a")][1:] == ["How a review is written", "Where the ratings come from"]
    pager = page.select_one("nav.pager")
    assert [a.get_text(" ", strip=True) for a in pager.select("a")] == ["Previous Tidy First?"]


def test_footer_text_and_copyright(site: SphinxTestApp) -> None:
    footer = soup(site, "about.html").select_one("footer.site-footer")
    assert "Reviews are the author's own opinion." in footer.get_text()
    assert "© 2024, Ada Reader" in footer.get_text()


def test_title_names_the_site_once(site: SphinxTestApp) -> None:
    assert soup(site, "index.html").title.get_text() == "Reading Notes"
    assert soup(site, "about.html").title.get_text() == "About these notes — Reading Notes"


def test_the_theme_icon_when_the_project_has_none(site: SphinxTestApp) -> None:
    """Browsers ask for no /favicon.ico (a 404 in the console, a point off
    Lighthouse's best practices): every page names the theme's small SVG
    book, by a link within the site (not the ``data:,`` URL it used)."""
    assert soup(site, "index.html").select_one('link[rel="icon"]')["href"] == "_static/bookreview-icon.svg"
    assert soup(site, "reviews/tidy.html").select_one('link[rel="icon"]')["href"] == "../_static/bookreview-icon.svg"
    icon = site.outdir / "_static" / "bookreview-icon.svg"
    assert icon.stat().st_size < 512
    svg = BeautifulSoup(icon.read_text(encoding="utf-8"), "xml").svg
    assert svg["viewBox"] == "0 0 32 32"
    assert svg.find_all("path")  # a glyph, not an empty image


def test_the_project_favicon_wins(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme-logo", confoverrides={"html_favicon": "_static/logo.svg"})
    assert app.warning.getvalue() == ""
    assert [link["href"] for link in soup(app, "index.html").select('link[rel="icon"]')] == ["_static/logo.svg"]


# -- meta description, canonical link, meta tags of other extensions ------


def descriptions(app: SphinxTestApp, page: str) -> list[str]:
    return [m["content"] for m in soup(app, page).select('meta[name="description"]')]


def test_meta_description_on_every_page(site: SphinxTestApp) -> None:
    assert descriptions(site, "reviews/pragmatic.html") == [
        "Still the kindest book about the craft of programming, twenty years on."
    ]
    assert descriptions(site, "about.html") == [
        "This site collects short reviews written after finishing each book. Ratings are out of five; "
        "half stars mean \u201calmost\u201d."
    ]
    assert descriptions(site, "index.html")[0].startswith("Notes on the books I read")


def test_description_option_is_the_home_page_s(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_theme_options": {"description": "Short reviews of long books."}})
    assert descriptions(app, "index.html") == ["Short reviews of long books."]
    assert descriptions(app, "about.html")[0].startswith("This site collects")


def test_meta_directive_keeps_its_own_description(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme-meta")
    assert app.warning.getvalue() == ""
    assert descriptions(app, "index.html") == ["Set by the page itself."]
    assert soup(app, "index.html").select_one('meta[name="keywords"]')["content"] == "books"


def test_canonical_link_with_html_baseurl(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_baseurl": "https://example.org/notes/"})
    link = soup(app, "reviews/pragmatic.html").select_one('link[rel="canonical"]')
    assert link["href"] == "https://example.org/notes/reviews/pragmatic.html"


# -- home page --------------------------------------------------------------


def test_home_shows_the_newest_reviews(site: SphinxTestApp) -> None:
    items = soup(site, "index.html").select(".recent-reviews .recent-item")
    assert [i.select_one(".recent-title").get_text() for i in items] == [
        "Tidy First?", "The Pragmatic Programmer", "Structure and Interpretation of Computer Programs",
        "A Philosophy of Software Design", "The Mythical Man-Month",
    ]  # fmt: skip
    first = items[0]
    assert first.select_one("a")["href"] == "reviews/tidy.html#tidy"
    assert first.select_one(".recent-authors").get_text() == "Kent Beck"
    assert first.select_one(".bookreview-rating")["aria-label"] == "3 out of 5"
    cover = first.select_one("img.recent-cover")
    assert cover["src"] == "_images/tidy.svg"
    assert (cover["width"], cover["height"], cover["alt"]) == ("300", "450", "")
    assert [i.select_one("img")["loading"] for i in items] == ["eager"] * 4 + ["lazy"]


def test_home_without_covers_and_count(built: Callable[..., SphinxTestApp]) -> None:
    options = {"recent_reviews": 7, "show_covers": False}
    app = built("theme", confoverrides={"html_theme_options": options})
    items = soup(app, "index.html").select(".recent-item")
    assert len(items) == 6  # every review
    assert [i.select_one(".recent-cover-none").get_text() for i in items][:1] == ["Tidy First?"]
    assert soup(app, "index.html").select(".recent-item img") == []


def test_home_without_reviews(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_theme_options": {"recent_reviews": 0}})
    assert soup(app, "index.html").select_one(".recent-reviews") is None


def test_review_without_cover_has_a_placeholder(site: SphinxTestApp) -> None:
    app = site
    items = soup(app, "index.html").select(".recent-item")
    assert all(i.select_one("img, .recent-cover-none") is not None for i in items)


# -- review page -------------------------------------------------------------


def test_review_page_links_neighbours_and_indices(site: SphinxTestApp) -> None:
    page = soup(site, "reviews/pragmatic.html")
    assert page.body["class"] == ["bookreview-page-review"]
    pager = page.select_one("nav.pager-reviews")
    assert [(a["href"], a.select_one(".pager-title").get_text()) for a in pager.select("a")] == [
        ("sicp.html#sicp", "Structure and Interpretation of Computer Programs"),
        ("tidy.html#tidy", "Tidy First?"),
    ]
    browse = page.select_one("nav.browse")
    assert [a["href"] for a in browse.select("a")] == ["../book-author.html", "../book-tag.html", "../book-rating.html"]


@pytest.mark.parametrize(
    ("language", "label", "spoken"),
    [
        ("en", "Browse reviews:", "4.5 out of 5"),
        ("de", "Rezensionen durchsuchen:", "4,5 von 5"),
        ("fr", "Parcourir les critiques\u00a0:", "4,5 sur 5"),  # a no-break space before the colon
    ],
)
def test_labels_and_numbers_as_the_language_writes_them(
    built: Callable[..., SphinxTestApp], language: str, label: str, spoken: str
) -> None:
    app = built("theme", confoverrides={"language": language})
    assert app.warning.getvalue() == ""
    assert soup(app, "reviews/pragmatic.html").select_one("nav.browse .browse-label").get_text() == label
    ratings = [tag["aria-label"] for tag in soup(app, "index.html").select(".recent-grid .bookreview-rating")]
    assert spoken in ratings


def test_oldest_and_newest_reviews_have_one_neighbour(site: SphinxTestApp) -> None:
    oldest = soup(site, "reviews/systems.html").select("nav.pager-reviews a")
    newest = soup(site, "reviews/tidy.html").select("nav.pager-reviews a")
    assert [a["rel"] for a in oldest] == [["next"]]
    assert [a["rel"] for a in newest] == [["prev"]]


# -- options ------------------------------------------------------------------


def test_accent_colours(built: Callable[..., SphinxTestApp]) -> None:
    options = {"accent_color": "#0b6e4f", "accent_color_dark": "rgb(120 220 180)"}
    app = built("theme", confoverrides={"html_theme_options": options})
    assert app.warning.getvalue() == ""
    style = soup(app, "index.html").select_one("head style").get_text()
    assert style == (":root { --bookreview-theme-accent-color: #0b6e4f;"
                     " --bookreview-theme-accent-color-dark: rgb(120 220 180); }")  # fmt: skip


def test_accent_colour_that_is_not_a_colour(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_theme_options": {"accent_color": "red; } body { display: none"}})
    assert (
        "theme option accent_color: 'red; } body { display: none' is not a CSS colour; ignored"
        in app.warning.getvalue()
    )
    assert soup(app, "index.html").select_one("head style") is None


def test_logo_for_dark_mode(built: Callable[..., SphinxTestApp]) -> None:
    options = {"logo_dark": "logo-dark.svg", "hide_name": True}
    app = built("theme-logo", confoverrides={"html_theme_options": options})
    assert app.warning.getvalue() == ""
    brand = soup(app, "index.html").select_one(".site-brand")
    logos = [(img["src"], img["alt"], img["class"]) for img in brand.select("img")]
    assert logos == [
        ("_static/logo.svg", "Logos documentation", ["site-logo", "site-logo-light"]),
        ("_static/logo-dark.svg", "Logos documentation", ["site-logo", "site-logo-dark"]),
    ]
    assert brand.select_one(".site-name") is None


@pytest.mark.parametrize(
    ("titles", "name"),
    [
        ({}, "Logos documentation"),  # Sphinx's html_title: "<project> <release> documentation"
        ({"html_title": "Ann's Logos"}, "Ann's Logos"),
        ({"html_title": "Ann's Logos", "html_short_title": "Ann's"}, "Ann's"),
    ],
    ids=["default", "html_title", "html_short_title"],
)
def test_logo_alone_names_the_site_as_the_header_does(
    built: Callable[..., SphinxTestApp], titles: dict[str, str], name: str
) -> None:
    """With ``hide_name`` the logo's text is the name it hides (the
    site's title, not ``project``); beside the name it is decorative."""
    hidden = built("theme-logo", confoverrides={**titles, "html_theme_options": {"hide_name": True}})
    assert hidden.warning.getvalue() == ""
    brand = soup(hidden, "index.html").select_one(".site-brand")
    assert [img["alt"] for img in brand.select("img")] == [name]
    shown = soup(built("theme-logo", confoverrides=titles), "index.html").select_one(".site-brand")
    assert [img["alt"] for img in shown.select("img")] == [""]
    assert " ".join(shown.select_one(".site-name").get_text().split()) == name


@pytest.mark.parametrize("logo", ["https://cdn.example.org/dark.svg", "/logo-dark.svg"])
def test_logo_for_dark_mode_by_url_or_static_path(built: Callable[..., SphinxTestApp], logo: str) -> None:
    app = built("theme-logo", confoverrides={"html_theme_options": {"logo_dark": logo}})
    assert app.warning.getvalue() == ""
    dark = soup(app, "index.html").select_one(".site-logo-dark")["src"]
    assert dark == ("_static/logo-dark.svg" if logo.startswith("/") else logo)


@pytest.mark.parametrize(
    "logo",
    ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>",
     "//evil.example/dark.svg", "ftp://example.org/dark.svg", "../conf.py", "missing.svg", "logo\x00.svg"],
)  # fmt: skip
def test_logo_for_dark_mode_refused(rootdir: Path, tmp_path: Path,
                                    logo: str) -> None:  # fmt: skip
    """Not an http(s) URL nor a file of html_static_path: one located
    warning, and the light logo alone (``javascript:`` was written as the
    dark logo's ``src``)."""
    srcdir = shutil.copytree(rootdir / "test-theme-logo", tmp_path / "logo")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"html_theme_options = {{'logo_dark': {logo!r}}}\n")
    app = sphinx_build(srcdir)
    assert strip_colors(app.warning.getvalue()).splitlines() == [
        f"{conf}:6: WARNING: theme option logo_dark: {logo.strip()!r} is neither an http(s) URL nor a file in "
        "html_static_path; no dark logo [bookreview.config]"
    ]
    brand = soup(app, "index.html").select_one(".site-brand")
    assert [(img["src"], img["class"]) for img in brand.select("img")] == [("_static/logo.svg", ["site-logo"])]


# -- other builders -----------------------------------------------------------


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml"])
def test_other_html_builders(built: Callable[..., SphinxTestApp], buildername: str) -> None:
    app = built("theme", buildername)
    assert app.warning.getvalue() == ""
    home = soup(app, "index.html")
    links = [a["href"] for a in home.select(".recent-item a")]
    expected = {"dirhtml": "reviews/tidy/#tidy", "singlehtml": "#tidy"}[buildername]
    assert links[0] == expected


@pytest.mark.parametrize(("buildername", "page"), [("json", "index.fjson"), ("pickle", "index.fpickle")])
def test_json_and_pickle_builders(built: Callable[..., SphinxTestApp], buildername: str, page: str) -> None:
    """They make the theme but render no template: the page's context is
    written for another program, without the theme's values."""
    app = built("theme", buildername)
    assert app.warning.getvalue() == ""
    context = app.builder.implementation.loads((app.outdir / page).read_bytes())  # type: ignore[attr-defined]
    assert "Notes on the books I read" in context["body"]
    assert not any(key.startswith("bookreview_") for key in context)


def theme_views(outdir: Path) -> dict[str, list[str]]:
    """What the home grid and every review page's pager show."""
    pages = {"index.html": [a["href"] for a in html(outdir / "index.html").select(".recent-grid a")]}
    for page in sorted((outdir / "reviews").glob("*.html")):
        pages[f"reviews/{page.name}"] = [a["href"] for a in html(page).select("nav.pager-reviews a")]
    return pages


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


NEW_REVIEW = """New Book
========

.. bookreview:: A Book Between
   :author: Nina Newcomer
   :date: 2024-02-01

   Reviewed between Design and SICP.
"""


def test_incremental_builds_refresh_the_grid_and_the_pagers(rootdir: Path, tmp_path: Path) -> None:
    """Adding, editing and deleting a review rewrites the home grid and the
    neighbours' previous/next links, though their sources did not change."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-theme", srcdir)
    between = srcdir / "reviews" / "between.rst"
    steps = [
        lambda: between.write_text(NEW_REVIEW, encoding="utf-8"),  # added
        lambda: between.write_text(NEW_REVIEW.replace("2024-02-01", "2024-07-01"), encoding="utf-8"),  # now newest
        between.unlink,  # deleted
    ]
    incremental = build_theme_site(srcdir, tmp_path / "incremental")
    fresh = []
    for number, step in enumerate(steps):
        step()
        build_theme_site(srcdir, tmp_path / "incremental")
        fresh.append(build_theme_site(srcdir, tmp_path / f"fresh-{number}", freshenv=True))
        got, expected = theme_views(incremental), theme_views(fresh[-1])
        assert {page: got[page] for page in expected} == expected
    assert "between.html#a-book-between" in theme_views(fresh[0])["reviews/design.html"]
    assert "between.html" not in " ".join(theme_views(fresh[2])["index.html"])


def headers(outdir: Path) -> dict[str, list[tuple[str, str]]]:
    """The header's navigation on every page: each link's text and target."""
    return {
        str(page.relative_to(outdir)): [(a.get_text(), a["href"]) for a in html(page).select(".site-header nav a")]
        for page in sorted(outdir.rglob("*.html"))
    }


def edit(path: Path, text: str) -> None:
    """Write ``text``, stamped later than any build so far: Sphinx reads it again."""
    path.write_text(text, encoding="utf-8")
    later = time.time() + 10
    os.utime(path, (later, later))


def test_incremental_builds_refresh_every_header(rootdir: Path, tmp_path: Path) -> None:
    """The header lists the top-level pages on every page: adding one,
    retitling one, reordering or removing them rewrites every page, not
    only those whose own source or neighbours changed."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-theme", srcdir)
    index, about, colophon = srcdir / "index.rst", srcdir / "about.rst", srcdir / "colophon.rst"
    toctree = "   reviews/index\n   about\n"
    steps = [
        lambda: (colophon.write_text("Colophon\n========\n\nMade with Sphinx.\n", encoding="utf-8"),
                 edit(index, index.read_text(encoding="utf-8").replace(toctree, toctree + "   colophon\n"))),
        lambda: edit(about, about.read_text(encoding="utf-8").replace("About these notes", "About this site")),
        lambda: edit(index, index.read_text(encoding="utf-8").replace("about\n   colophon", "colophon\n   about")),
        lambda: (colophon.unlink(), edit(index, index.read_text(encoding="utf-8").replace("   colophon\n", ""))),
    ]  # fmt: skip
    incremental = build_theme_site(srcdir, tmp_path / "incremental")
    shown = []
    for number, step in enumerate(steps):
        step()
        build_theme_site(srcdir, tmp_path / "incremental")
        fresh = headers(build_theme_site(srcdir, tmp_path / f"fresh-{number}", freshenv=True))
        assert {page: headers(incremental)[page] for page in fresh} == fresh
        shown.append(fresh["reviews/tidy.html"])
    assert [[title for title, _url in links][:3] for links in shown] == [
        ["Reviews", "About these notes", "Colophon"],
        ["Reviews", "About this site", "Colophon"],
        ["Reviews", "Colophon", "About this site"],
        ["Reviews", "About this site", "Authors"],
    ]


def build_theme_site(srcdir: Path, builddir: Path, freshenv: bool = False) -> Path:
    app = sphinx_build(srcdir, builddir=builddir, freshenv=freshenv)
    assert app.warning.getvalue() == ""
    return app.outdir
