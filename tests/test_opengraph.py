"""Open Graph and Twitter-card tags on review pages, read back by real
parsers: extruct's Open Graph and JSON-LD extractors, BeautifulSoup for
``twitter:card`` (extruct reads ``property`` attributes only), and an XML
parser for sphinx-sitemap's ``sitemap.xml``.

The root ``test-opengraph`` has a page per case: a full review (``full``),
one described by its quick-review answer (``answer``, MyST), a page of two
reviews whose first has a remote cover and is described by its body
(``two``), an SVG cover (``vector``), a long verdict (``long``), hostile
text (``escape``), a page with its own ``:og:description:`` field
(``own``) and a page without a review (``index``).
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import xml.etree.ElementTree as ET
from io import StringIO
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import extruct
import pytest
import sphinx
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from sphinx_bookreview.outputs.opengraph import og_locale, shortened

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    Build = Callable[..., SphinxTestApp]

BASE = "https://reviews.example.org/shelf/"
TITLE = "Foundations of Python Network Programming"
REVIEW_PAGES = ("full", "answer", "two", "vector", "long", "escape", "own")
INDEX_PAGES = ("book-author", "book-tag", "book-rating")
SHARE_IMAGE = [("og:image", BASE + "images/share.png"), ("og:image:width", "1200"), ("og:image:height", "630"),
               ("og:image:alt", "Open Shelf")]  # fmt: skip


def common(page: str, title: str, description: str, url: str = "") -> list[tuple[str, str]]:
    return [
        ("og:type", "book"),
        ("og:title", title),
        ("og:url", url or f"{BASE}{page}.html"),
        ("og:site_name", "Open Shelf"),
        ("og:locale", "en_US"),
        ("og:description", description),
    ]


def author(name: str, index: str = "book-author.html") -> tuple[str, str]:
    return "book:author", f"{BASE}{index}#cap-" + name.replace(" ", "%C2%A0")


#: Every Open Graph property of each review page, in order.
EXPECTED = {
    "full": [
        *common("full", TITLE, "The best book on sockets & select in Python."),
        ("og:image", BASE + "_images/cover.png"), ("og:image:width", "600"), ("og:image:height", "900"),
        ("og:image:alt", f"Cover of {TITLE}"),
        author("Brandon Rhodes"), author("John Goerzen"),
        ("book:isbn", "9781430230038"), ("book:release_date", "2010-12"),
        ("book:tag", "python"), ("book:tag", "networking"),
    ],
    # The answer's markup parsed, then dropped: the emphasis and the :book: link are text.
    "answer": [
        *common("answer", "Structure and Interpretation of Computer Programs",
                f"A colleague\u2019s recommendation, after {TITLE}."),
        *SHARE_IMAGE,
        author("Harold Abelson"), author("Gerald Jay Sussman"), ("book:release_date", "1996"),
    ],
    # The first of two reviews; a remote cover as given, without a size.
    "two": [
        *common("two", "The Mythical Man-Month", "Adding people to a late project makes it later."),
        ("og:image", "https://covers.example.org/b/isbn/9780201835953-L.jpg?size=large&zoom=1"),
        ("og:image:alt", "Cover of The Mythical Man-Month"),
        ("book:author", f"{BASE}book-author.html#cap-Frederick%C2%A0P.%C2%A0Brooks%C2%A0Jr."),
        ("book:isbn", "9780201835953"),
    ],
    "vector": [*common("vector", "Drawn in Vectors", "Link previews cannot show an SVG cover."), *SHARE_IMAGE],
    "long": [
        *common("long", "The Long Verdict",
                "This verdict goes on and on, far longer than any link preview shows, so that it has to be cut after a "
                "word and end with an ellipsis, well before the two hundredth character that X shows of a\u2026"),
        *SHARE_IMAGE,
    ],
    "escape": [
        *common("escape", "Cats & Dogs <b>\"Quoted\"</b> &amp; 'Single'", "A & B < C > D \"E\" 'F' &lt;not a tag&gt;"),
        *SHARE_IMAGE,
        ("book:author", f"{BASE}book-author.html#cap-A%C2%A0%26%C2%A0B%C2%A0%3Cscript%3Ealert%281%29%3C%2Fscript%3E"),
        ("book:tag", "<i>tag</i>"), ("book:tag", '"quoted" & more'),
    ],
    "own": [
        *common("own", "A Book With Fields",
                "The verdict, which a page's own field beats beside sphinxext-opengraph."),
        *SHARE_IMAGE,
    ],
}  # fmt: skip
CARDS = {"full": "summary_large_image", "two": "summary_large_image"}


# -- reading a page back ------------------------------------------------------


def page_html(app: SphinxTestApp, page: str) -> str:
    path = app.outdir / (f"{page}/index.html" if app.builder.name == "dirhtml" and page != "index" else f"{page}.html")
    return path.read_text(encoding="utf-8")


def opengraph(html: str) -> list[tuple[str, str]]:
    """Every Open Graph property of the page, in order, repeats kept."""
    data = extruct.extract(html, syntaxes=["opengraph"], uniform=False)
    return [tuple(prop) for item in data["opengraph"] for prop in item["properties"]]  # type: ignore[misc]


def jsonld(html: str) -> list[dict[str, Any]]:
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]  # type: ignore[no-any-return]


def head_meta(html: str, name: str) -> list[str]:
    """The contents of ``<meta name=...>`` in the head."""
    head = BeautifulSoup(html, "html.parser").head
    assert head is not None
    return [str(meta["content"]) for meta in head.find_all("meta", attrs={"name": name})]


def canonical(html: str) -> str:
    link = BeautifulSoup(html, "html.parser").find("link", rel="canonical")
    assert link is not None
    return str(link["href"])


def warnings_of(app: SphinxTestApp) -> list[str]:
    return strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "").splitlines()


def assert_resolves(outdir: Path, url: str) -> None:
    """A URL under ``html_baseurl`` names a file of the build (and an
    element of it, for a fragment)."""
    assert url.startswith(BASE), url
    path, _, fragment = url.removeprefix(BASE).partition("#")
    target = outdir / unquote(path.split("?")[0])
    if path == "" or path.endswith("/"):
        target /= "index.html"
    assert target.is_file(), url
    if fragment:
        page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        assert page.find(id=unquote(fragment)) is not None, url


@pytest.fixture
def html_app(built: Build) -> SphinxTestApp:
    app = built("opengraph")
    assert app.warning.getvalue() == ""
    return app


# -- the tags ------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_every_property_read_back(html_app: SphinxTestApp, page: str) -> None:
    html = page_html(html_app, page)
    assert opengraph(html) == EXPECTED[page]
    assert head_meta(html, "twitter:card") == [CARDS.get(page, "summary")]


def test_the_json_ld_beside_them_agrees(html_app: SphinxTestApp) -> None:
    html = page_html(html_app, "full")
    tags = dict(opengraph(html))
    [review] = jsonld(html)
    book = review["itemReviewed"]
    assert (book["name"], book["isbn"], book["image"]) == (tags["og:title"], tags["book:isbn"], tags["og:image"])
    assert book["datePublished"] == tags["book:release_date"]
    assert review["reviewBody"] == tags["og:description"]


def test_no_tags_on_a_page_without_a_review(html_app: SphinxTestApp) -> None:
    html = page_html(html_app, "index")
    assert opengraph(html) == []
    assert head_meta(html, "twitter:card") == []


def test_og_url_is_the_canonical_url(html_app: SphinxTestApp) -> None:
    for page in REVIEW_PAGES:
        html = page_html(html_app, page)
        assert dict(opengraph(html))["og:url"] == canonical(html) == f"{BASE}{page}.html"


def test_every_url_is_absolute_and_resolves(html_app: SphinxTestApp) -> None:
    for page in REVIEW_PAGES:
        for key, value in opengraph(page_html(html_app, page)):
            if key in ("og:url", "og:image", "book:author") and value.startswith("https://covers.example.org/"):
                continue  # the remote cover, never fetched
            if key in ("og:url", "og:image") or (key == "book:author" and "://" in value):
                assert_resolves(html_app.outdir, value)
    # The fallback image is copied to its path in the output, unchanged.
    shared = html_app.srcdir / "images" / "share.png"
    assert (html_app.outdir / "images" / "share.png").read_bytes() == shared.read_bytes()


def test_dirhtml(built: Build) -> None:
    app = built("opengraph", "dirhtml")
    assert app.warning.getvalue() == ""
    html = page_html(app, "full")
    tags = opengraph(html)
    assert tags == [
        (key, {f"{BASE}full.html": f"{BASE}full/"}.get(value, value).replace("book-author.html", "book-author/"))
        for key, value in EXPECTED["full"]
    ]
    if sphinx.version_info >= (8,):
        assert canonical(html) == f"{BASE}full/"
    else:  # Sphinx 7.4 names a page that dirhtml does not write (sphinx-doc/sphinx#9730)
        assert canonical(html) == f"{BASE}full.html"
    for key, value in tags:
        if key in ("og:url", "og:image", "book:author"):
            assert_resolves(app.outdir, value)


def test_html_file_suffix(built: Build) -> None:
    app = built("opengraph", confoverrides={"html_file_suffix": ".htm"})
    html = (app.outdir / "full.htm").read_text(encoding="utf-8")
    tags = dict(opengraph(html))
    assert tags["og:url"] == canonical(html) == f"{BASE}full.htm"
    assert author("Brandon Rhodes", "book-author.htm") in opengraph(html)


def test_author_names_without_index_pages(built: Build) -> None:
    app = built("opengraph", confoverrides={"html_domain_indices": False})
    authors = [value for key, value in opengraph(page_html(app, "full")) if key == "book:author"]
    assert authors == ["Brandon Rhodes", "John Goerzen"]


def test_translated_alt_text_and_locale(built: Build) -> None:
    app = built("opengraph", confoverrides={"language": "de"})
    tags = dict(opengraph(page_html(app, "full")))
    assert (tags["og:locale"], tags["og:image:alt"]) == ("de_DE", f"Umschlag von {TITLE}")


@pytest.mark.parametrize(
    ("language", "locale"),
    [("en", "en_US"), ("de", "de_DE"), ("fr", "fr_FR"), ("pt_BR", "pt_BR"), ("zh_CN", "zh_CN"), ("zh_TW", "zh_TW"),
     ("ja", "ja_JP"), ("sr@latin", "sr_RS"), ("en-GB", "en_GB"), ("eo", ""), ("xx", ""), (None, "")],
)  # fmt: skip
def test_og_locale(language: str | None, locale: str) -> None:
    assert og_locale(language) == locale


def test_shortened() -> None:
    assert shortened("short") == "short"
    assert shortened("word " * 100) == ("word " * 39).strip() + "…"
    assert len(shortened("word " * 100)) <= 200
    assert shortened("x" * 300) == "x" * 199 + "…"  # one long word is cut inside it


# -- where there are none -------------------------------------------------------


@pytest.mark.parametrize("buildername", ["singlehtml", "epub", "json", "pickle", "text", "man", "texinfo", "xml",
                                         "latex", "gettext"])  # fmt: skip
def test_other_builders_clean_and_without_tags(built: Build, buildername: str) -> None:
    """singlehtml's one page is the whole project, not a review: no tags;
    epub, json and pickle pages are not shared as links."""
    app = built("opengraph", buildername)
    assert app.warning.getvalue() == ""
    for path in app.outdir.rglob("*"):
        if path.suffix in (".html", ".xhtml"):
            metatags = path.read_text(encoding="utf-8")
        elif path.suffix in (".fjson", ".fpickle"):
            page = json.loads(path.read_bytes()) if path.suffix == ".fjson" else pickle.loads(path.read_bytes())
            metatags = page.get("metatags", "")
        else:
            continue
        assert 'property="og:' not in metatags and "twitter:card" not in metatags, path


def test_without_html_baseurl_one_warning_and_no_tags(built: Build) -> None:
    """``html_baseurl`` emptied on the command line: the warning says so."""
    app = built("opengraph", confoverrides={"html_baseurl": ""})
    assert warnings_of(app) == [
        "command line:-D: WARNING: review pages get no Open Graph tags: html_baseurl is not set, and link previews "
        "need absolute URLs; set html_baseurl to the site's address, or bookreview_opengraph = False "
        "[bookreview.config]"
    ]
    assert opengraph(page_html(app, "full")) == []
    assert not (app.outdir / "images").exists()


def test_without_html_baseurl_located_where_the_extension_is_loaded(
    sphinx_build: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """conf.py without ``html_baseurl``: the warning points at the line
    that loads the extension, whose setting is on by default."""
    shutil.copytree(rootdir / "test-opengraph", tmp_path / "src")
    conf = tmp_path / "src" / "conf.py"
    conf.write_text(re.sub(r"html_baseurl = .*\n", "", conf.read_text(encoding="utf-8")), encoding="utf-8")
    app = sphinx_build(tmp_path / "src", "dirhtml")
    [warning] = warnings_of(app)
    assert warning.startswith("conf.py:3: WARNING: review pages get no Open Graph tags: html_baseurl is not set")


def test_turned_off(built: Build) -> None:
    for confoverrides in ({"bookreview_opengraph": False}, {"bookreview_opengraph": False, "html_baseurl": ""}):
        app = built("opengraph", confoverrides=confoverrides)
        assert app.warning.getvalue() == ""
        html = page_html(app, "full")
        assert opengraph(html) == []
        assert head_meta(html, "twitter:card") == []


def test_no_warning_without_reviews(sphinx_build: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_bookreview"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Home\n====\n\nNo reviews yet.\n", encoding="utf-8")
    app = sphinx_build(tmp_path)
    assert app.warning.getvalue() == ""


def test_fallback_image_not_found(sphinx_build: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path) -> None:
    shutil.copytree(rootdir / "test-opengraph", tmp_path / "src")
    (tmp_path / "src" / "images" / "share.png").unlink()
    app = sphinx_build(tmp_path / "src")
    assert warnings_of(app) == [
        "conf.py:6: WARNING: invalid bookreview_opengraph_image = 'images/share.png': no such file in the source "
        "directory; using the default '' [bookreview.config]"
    ]
    html = page_html(app, "vector")
    assert "og:image" not in dict(opengraph(html))
    assert head_meta(html, "twitter:card") == ["summary"]


def test_fallback_image_url(built: Build) -> None:
    app = built("opengraph", confoverrides={"bookreview_opengraph_image": "https://cdn.example.org/share.jpg"})
    tags = opengraph(page_html(app, "vector"))
    assert [(k, v) for k, v in tags if k.startswith("og:image")] == [
        ("og:image", "https://cdn.example.org/share.jpg"),
        ("og:image:alt", "Open Shelf"),
    ]
    assert not (app.outdir / "images").exists()


# -- good company -----------------------------------------------------------------


@pytest.mark.parametrize("order", ["before", "after"])
def test_with_sphinxext_opengraph_every_tag_once_and_ours(built: Build, order: str) -> None:
    """Loaded before or after us (which decides whose handlers run first at
    the same priority), sphinxext-opengraph writes our values, once."""
    ours = ["myst_parser", "sphinx_bookreview"]
    extensions = ["sphinxext.opengraph", *ours] if order == "before" else [*ours, "sphinxext.opengraph"]
    app = built("opengraph", confoverrides={"extensions": extensions, "ogp_social_cards": {"enable": False}})
    assert app.warning.getvalue() == ""
    for page in sorted(EXPECTED):
        html = page_html(app, page)
        tags = opengraph(html)
        expected = EXPECTED[page]
        if page == "own":  # the page's own field wins, as sphinxext-opengraph documents
            expected = [
                (k, "A description the page gives itself." if k == "og:description" else v) for k, v in expected
            ]
        assert sorted(tags) == sorted(expected), page
        single = [key for key, _value in tags if key not in ("book:author", "book:tag")]
        assert len(single) == len(set(single)), page
        assert head_meta(html, "twitter:card") == [CARDS.get(page, "summary")]
        assert len(head_meta(html, "description")) == 1, page
    assert head_meta(page_html(app, "full"), "description") == ["The best book on sockets & select in Python."]
    # Pages without a review are theirs alone.
    assert dict(opengraph(page_html(app, "index")))["og:type"] == "website"


def test_with_sphinxext_opengraph_a_page_can_turn_tags_off(
    sphinx_build: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    shutil.copytree(rootdir / "test-opengraph", tmp_path / "src")
    page = tmp_path / "src" / "full.rst"
    page.write_text(":ogp_disable:\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    app = sphinx_build(tmp_path / "src", confoverrides={"extensions": ["sphinxext.opengraph", "sphinx_bookreview",
                                                                       "myst_parser"]})  # fmt: skip
    html = page_html(app, "full")
    assert opengraph(html) == []
    assert head_meta(html, "twitter:card") == []


def sitemap_urls(app: SphinxTestApp) -> list[str]:
    tree = ET.parse(app.outdir / "sitemap.xml")
    return [loc.text or "" for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_with_sphinx_sitemap_canonical_urls(built: Build, buildername: str) -> None:
    extensions = ["myst_parser", "sphinx_bookreview", "sphinx_sitemap"]
    app = built("opengraph", buildername, confoverrides={"extensions": extensions, "sitemap_url_scheme": "{link}"})
    assert app.warning.getvalue() == ""
    listed = sitemap_urls(app)
    for page in (*REVIEW_PAGES, *INDEX_PAGES):
        html = page_html(app, page)
        url = dict(opengraph(html)).get("og:url") or f"{BASE}{page}{'/' if buildername == 'dirhtml' else '.html'}"
        assert url in listed, page
        if sphinx.version_info >= (8,) or buildername == "html":
            assert canonical(html) == url
        assert_resolves(app.outdir, url)


def test_with_sphinx_sitemap_default_scheme_warns(built: Build) -> None:
    """By default sphinx-sitemap puts ``language`` and ``version`` between
    ``html_baseurl`` and the page: the warning names the URL it lists,
    which the sitemap shows is the one it wrote."""
    extensions = ["myst_parser", "sphinx_bookreview", "sphinx_sitemap"]
    app = built("opengraph", confoverrides={"extensions": extensions, "version": "2.0"})
    listed = f"{BASE}en/2.0/answer.html"
    assert warnings_of(app) == [
        f"conf.py:5: WARNING: sphinx-sitemap lists the page answer as {listed!r}, not under its canonical URL "
        f"'{BASE}answer.html': with html_baseurl as the address of the site, set sitemap_url_scheme = \"{{link}}\" "
        "[bookreview.config]"
    ]
    assert listed in sitemap_urls(app)


def test_json_ld_and_tags_agree_on_every_page(html_app: SphinxTestApp) -> None:
    """The image of the structured data is the shared image wherever the
    cover is shown (the fallback image stands in only for previews)."""
    for page in REVIEW_PAGES:
        html = page_html(html_app, page)
        first = jsonld(html)[0]["itemReviewed"]
        tags = dict(opengraph(html))
        assert first["name"] == tags["og:title"], page
        if tags.get("og:image:alt", "").startswith("Cover of"):
            assert first["image"] == tags["og:image"], page


def test_escaped_in_the_source(html_app: SphinxTestApp) -> None:
    """No value opens an element or ends an attribute."""
    html = page_html(html_app, "escape")
    head = html[: html.index("</head>")]
    assert "<script>alert" not in head and "<b>" not in head and "<i>" not in head
    assert re.search(r'<meta property="og:title" content="Cats &amp; Dogs &lt;b&gt;&quot;Quoted&quot;', head)


def test_sphinxext_opengraph_escapes_our_values(built: Build) -> None:
    """Its tag writer escapes only ``"``; values it writes for us still read back exactly."""
    app = built("opengraph", confoverrides={"extensions": ["sphinxext.opengraph", "sphinx_bookreview", "myst_parser"]})
    html = page_html(app, "escape")
    assert sorted(opengraph(html)) == sorted(EXPECTED["escape"])
    head = html[: html.index("</head>")]
    assert "<b>" not in head and "<script>alert" not in head


def build_tags(srcdir: Path, **kwargs: Any) -> dict[str, list[tuple[str, str]]]:
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return {page: opengraph(page_html(app, page)) for page in REVIEW_PAGES}


def test_parallel_and_incremental_builds_equal_a_clean_one(rootdir: Path, tmp_path: Path) -> None:
    for name in ("serial", "parallel"):
        shutil.copytree(rootdir / "test-opengraph", tmp_path / name)
    serial = build_tags(tmp_path / "serial")
    assert build_tags(tmp_path / "parallel", parallel=2) == serial
    # A changed verdict changes that page's description, and no other tag.
    page = tmp_path / "parallel" / "full.rst"
    page.write_text(page.read_text(encoding="utf-8").replace("sockets & select", "sockets"), encoding="utf-8")
    changed = build_tags(tmp_path / "parallel", parallel=2)
    assert dict(changed["full"])["og:description"] == "The best book on sockets in Python."
    assert [tag for tag in changed["full"] if tag[0] != "og:description"] == [
        tag for tag in serial["full"] if tag[0] != "og:description"
    ]
    assert {p: t for p, t in changed.items() if p != "full"} == {p: t for p, t in serial.items() if p != "full"}
