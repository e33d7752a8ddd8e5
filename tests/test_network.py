"""URLs, paths and the network, on the ``test-hostile`` root.

- Only http(s) URLs are emitted: every ``href`` and ``src`` of every page
  is http(s) or relative.
- A cover path cannot leave the source directory: a warning, and nothing
  copied to ``_images/`` even when the file exists.
- Nothing is fetched during a build, whatever the builder, with remote
  covers and an ISBN cover URL template: a socket guard (in this process;
  the builds are serial) fails and records every connection attempt and
  name lookup. A plain Sphinx remote image in an epub build trips it,
  which shows the guard sees Sphinx's downloads.
"""

from __future__ import annotations

import re
import shutil
import socket
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import cover_copy
from projects import sphinx_build
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

OUTSIDE = "it is outside the source directory"
HTTP_ONLY = "only absolute http and https URLs are allowed"
REFUSED = {
    "covers.rst:25": f"refused cover '../../covers/cover.png': {OUTSIDE}",
    "covers.rst:30": f"refused cover '/../../etc/passwd': {OUTSIDE}",
    "covers.rst:35": f"refused URL 'javascript:alert(1)': {HTTP_ONLY}",
    "covers.rst:36": f"refused URL 'JaVaScRiPt:alert(1)': {HTTP_ONLY}",
    "covers.rst:41": f"refused URL 'data:image/svg+xml,<svg onload=alert(1)>': {HTTP_ONLY}",
    "covers.rst:42": f"refused URL '//evil.example/book': {HTTP_ONLY}",
    "covers.rst:47": f"refused URL 'file:///etc/passwd': {HTTP_ONLY}",
    "covers.rst:48": f"refused URL 'vbscript:msgbox(1)': {HTTP_ONLY}",
    "myst.md:7": f"refused cover '../cover.png': {OUTSIDE}",
    "myst.md:8": f"refused URL 'javascript:alert(1)': {HTTP_ONLY}",
}
EXPECTED_WARNINGS = sorted(f"{where}: WARNING: {message} [bookreview.url]" for where, message in REFUSED.items())


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail, and record, every connection and name lookup from now on."""
    tried: list[str] = []

    def refuse(what: str) -> Callable[..., object]:
        def guard(*args: object, **kwargs: object) -> object:
            tried.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"no network in tests: {what}")

        return guard

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return tried


def hostile_build(
    rootdir: Path, tmp_path: Path, buildername: str, testroot: str = "hostile", **kwargs: Any
) -> SphinxTestApp:
    """A fresh build of a copy of the root at ``tmp_path/site/src``; a real
    ``cover.png`` waits at ``tmp_path/covers``, where ``../../covers``
    points from the source directory. ``kwargs`` go to the application."""
    srcdir = tmp_path / "site" / "src"
    shutil.copytree(rootdir / f"test-{testroot}", srcdir)
    (tmp_path / "covers").mkdir()
    shutil.copyfile(rootdir / "test-hostile" / "cover.png", tmp_path / "covers" / "cover.png")
    return sphinx_build(srcdir, buildername, **kwargs)


def warnings_of(app: SphinxTestApp) -> list[str]:
    return sorted(strip_colors(app.warning.getvalue()).replace(f"{app.srcdir}/", "").splitlines())


@pytest.mark.parametrize("buildername", ["html", "singlehtml", "epub", "latex", "texinfo", "text"])
def test_nothing_is_fetched(rootdir: Path, tmp_path: Path, attempts: list[str], buildername: str) -> None:
    app = hostile_build(rootdir, tmp_path, buildername)
    assert attempts == []
    assert warnings_of(app) == EXPECTED_WARNINGS


def test_the_guard_sees_sphinx_download_images(rootdir: Path, tmp_path: Path, attempts: list[str]) -> None:
    """The control: Sphinx's own remote image, in a builder that cannot
    link to it, is downloaded; the guard refuses and records it."""
    app = hostile_build(rootdir, tmp_path, "epub", testroot="hostile-remote-image")
    assert attempts
    assert "Could not fetch remote image: https://images.example.org/plain.png" in app.warning.getvalue()


def test_remote_covers_only_where_remote_images_show(rootdir: Path, tmp_path: Path, attempts: list[str]) -> None:
    """HTML shows remote covers by their URL; epub leaves them out (the
    structured data still names them: a URL, not a download)."""
    html = hostile_build(rootdir, tmp_path / "html", "html")
    page = (html.outdir / "covers.html").read_text(encoding="utf-8")
    assert 'src="https://covers.example.org/remote.jpg?x=&lt;1&gt;&amp;y=&quot;2&quot;"' in page
    assert 'src="https://covers.example.org/b/isbn/9780201835953-M.jpg"' in page
    epub = hostile_build(rootdir, tmp_path / "epub", "epub")
    book = BeautifulSoup((epub.outdir / "covers.xhtml").read_text(encoding="utf-8"), "html.parser")
    assert [img["src"] for img in book.find_all("img")] == [cover_copy(epub.outdir, "cover", 20, "png")]
    assert attempts == []


def browser_scheme(url: str) -> str:
    """The scheme a browser sees: leading and trailing C0 controls and
    spaces stripped, tabs and newlines removed anywhere."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return match[1].lower() if match else ("//" if url.startswith("//") else "")


#: The bookreview theme, given a hostile dark logo: refused (``javascript:``
#: was its ``src``); its favicon was ``data:,``.
THEMES = {
    "alabaster": {},
    "bookreview": {"html_theme": "bookreview", "html_theme_options": {"logo_dark": "javascript:alert(1)"}},
}


@pytest.mark.parametrize("theme", THEMES)
def test_only_http_urls(rootdir: Path, tmp_path: Path, theme: str) -> None:
    """Every href and src of every page: http(s), or relative to the site."""
    app = hostile_build(rootdir, tmp_path, "html", confoverrides=THEMES[theme])
    for path in app.outdir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(href=True) + soup.find_all(src=True):
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None:
                    assert browser_scheme(url) in ("", "http", "https"), f"{path.name}: {element}"


def test_covers_cannot_leave_the_source_directory(rootdir: Path, tmp_path: Path) -> None:
    """``../../covers/cover.png`` exists but is outside: refused, and the
    only image written is the local cover inside the source directory (its
    resized copies)."""
    app = hostile_build(rootdir, tmp_path, "html")
    assert warnings_of(app) == EXPECTED_WARNINGS
    assert sorted(p.name for p in (app.outdir / "_images").iterdir()) == ["covers"]
    assert {p.name.split("-")[0] for p in (app.outdir / "_images" / "covers").iterdir()} == {"cover"}
    page = BeautifulSoup((app.outdir / "covers.html").read_text(encoding="utf-8"), "html.parser")
    for review_id in ("traversal-cover", "absolute-cover", "script-cover", "data-cover", "file-cover"):
        article = page.find("article", id=review_id)
        assert article is not None
        assert article.find("img") is None
        assert article.find("a", href=re.compile("^(?!https?:|#|[a-z-]+\\.html)")) is None
