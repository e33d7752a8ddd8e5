"""The ``bookreview`` theme's pages, read from the HTML it writes."""

from __future__ import annotations

import importlib
import importlib.metadata
import shutil
import sys
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_bookreview.theme.assets import minified

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path



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


def test_theme_alone_loads_the_extension(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"extensions": []})
    assert app.warning.getvalue() == ""
    page = soup(app, "reviews/pragmatic.html")
    assert page.select_one("article.bookreview#pragmatic .bookreview-card") is not None
    assert (app.outdir / "book-author.html").is_file()


def test_theme_alone_rereads_when_a_setting_changes(rootdir: Path, tmp_path: Path) -> None:
    """Loaded with the theme alone, the extension's settings are unknown
    when Sphinx compares the configuration with the stored one; the theme
    compares them itself, so changing one makes Sphinx read the pages again."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-theme", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('extensions = ["sphinx_bookreview"]', "extensions = []"))

    def rating_and_status() -> tuple[str, str]:
        app = SphinxTestApp("html", srcdir=srcdir, builddir=tmp_path / "build", status=StringIO(), warning=StringIO())
        try:
            app.build()
            assert app.warning.getvalue() == ""
        finally:
            app.cleanup()
        page = BeautifulSoup((app.outdir / "reviews/pragmatic.html").read_text(encoding="utf-8"), "html.parser")
        return page.select_one(".bookreview-rating")["aria-label"], app.status.getvalue()

    assert rating_and_status()[0].endswith("out of 5")
    conf.write_text(conf.read_text() + "bookreview_rating_scale = 10\n")
    rating, status = rating_and_status()
    assert rating.endswith("out of 10")
    assert "('bookreview_rating_scale')" in status
    assert "0 added, 0 changed, 0 removed" in rating_and_status()[1]


def test_theme_alone_checks_the_extension_s_settings(built: Callable[..., SphinxTestApp]) -> None:
    """Loaded with the theme, the extension still checks conf.py's values."""
    app = built("theme-config")
    warnings = app.warning.getvalue()
    assert "invalid bookreview_rating_scale = -3: expected a positive number; using the default 5" in warnings
    assert soup(app, "index.html").select_one(".bookreview-rating")["aria-label"] == "4 out of 5"


def test_only_our_stylesheets_and_deferred_scripts(site: SphinxTestApp) -> None:
    page = soup(site, "reviews/pragmatic.html")
    sheets = [link["href"].split("?")[0] for link in page.select('link[rel="stylesheet"]')]
    assert sheets == ["../_static/bookreview.min.css", "../_static/bookreview-theme.min.css"]
    scripts = page.select("script[src]")
    assert [s["src"].split("?")[0] for s in scripts] == [
        "../_static/documentation_options.js",
        "../_static/bookreview-theme.min.js",
    ]
    assert all(s.has_attr("defer") for s in scripts)
    inline = page.select("head script:not([src])")
    assert len(inline) == 1 and "dataset.theme" in inline[0].string
    first_stylesheet = page.select_one('link[rel="stylesheet"]')
    assert inline[0].sourceline < first_stylesheet.sourceline, "the theme is set before any style applies"


def test_project_stylesheets_come_after_ours(built: Callable[..., SphinxTestApp]) -> None:
    app = built("theme", confoverrides={"html_css_files": ["custom.css"]})
    sheets = [link["href"].split("?")[0] for link in soup(app, "index.html").select('link[rel="stylesheet"]')]
    assert sheets == ["_static/bookreview.min.css", "_static/bookreview-theme.min.css", "_static/custom.css"]


def test_search_page_gets_its_scripts_deferred(site: SphinxTestApp) -> None:
    page = soup(site, "search.html")
    scripts = [s["src"].split("?")[0] for s in page.select("script[src]")]
    for needed in ("_static/doctools.js", "_static/searchtools.js", "_static/language_data.js", "searchindex.js"):
        assert needed in scripts
    assert all(s.has_attr("defer") for s in page.select("script[src]"))
    assert page.select_one("#search-results") is not None
    assert page.select_one('[role="main"]') is not None


def test_code_colours_only_on_pages_with_code(site: SphinxTestApp) -> None:
    def sheets(name: str) -> list[str]:
        return [link["href"].split("?")[0] for link in soup(site, name).select('link[rel="stylesheet"]')]

    assert sheets("about.html") == [
        "_static/pygments.css", "_static/bookreview-code-dark.css",
        "_static/bookreview.min.css", "_static/bookreview-theme.min.css",
    ]  # fmt: skip
    dark = (site.outdir / "_static" / "bookreview-code-dark.css").read_text(encoding="utf-8")
    assert 'html[data-theme="dark"] .highlight' in dark
    assert "@media (prefers-color-scheme: dark)" in dark


def test_no_web_fonts_no_important(site: SphinxTestApp) -> None:
    css = (site.outdir / "_static" / "bookreview-theme.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "@import" not in css
    assert "!important" not in css


def test_stylesheet_is_served_minified(site: SphinxTestApp) -> None:
    source = (site.outdir / "_static" / "bookreview-theme.css").read_text(encoding="utf-8")
    served = (site.outdir / "_static" / "bookreview-theme.min.css").read_text(encoding="utf-8")
    assert served == minified(source)
    assert len(served) < 0.75 * len(source)
    assert "/*" not in served
    assert (served.count("{"), served.count("}")) == (source.count("{"), source.count("}"))


def test_minified_keeps_what_matters() -> None:
    css = '/* a comment */\n.a > .b,\n.c :is(h1, h2) {\n  content: " (" attr(href) ")";\n  width: calc(1rem + 2%);\n}\n'
    assert minified(css) == '.a>.b,.c :is(h1,h2){content:" (" attr(href) ")";width:calc(1rem + 2%)}\n'


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
    caption = soup(site, "index.html").select_one(".body p.caption")
    assert caption["role"] == "heading" and caption["aria-level"] == "2"


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


def test_no_favicon_request(site: SphinxTestApp) -> None:
    assert soup(site, "index.html").select_one('link[rel="icon"]')["href"] == "data:,"


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
        ("_static/logo.svg", "Logos", ["site-logo", "site-logo-light"]),
        ("_static/logo-dark.svg", "Logos", ["site-logo", "site-logo-dark"]),
    ]
    assert brand.select_one(".site-name") is None


# -- other builders -----------------------------------------------------------


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml"])
def test_other_html_builders(built: Callable[..., SphinxTestApp], buildername: str) -> None:
    app = built("theme", buildername)
    assert app.warning.getvalue() == ""
    home = soup(app, "index.html")
    links = [a["href"] for a in home.select(".recent-item a")]
    expected = {"dirhtml": "reviews/tidy/#tidy", "singlehtml": "#tidy"}[buildername]
    assert links[0] == expected


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


def build_theme_site(srcdir: Path, builddir: Path, freshenv: bool = False) -> Path:
    app = SphinxTestApp(
        "html", srcdir=srcdir, builddir=builddir, freshenv=freshenv, status=StringIO(), warning=StringIO()
    )
    try:
        app.build()
        assert app.warning.getvalue() == ""
    finally:
        app.cleanup()
    return app.outdir
