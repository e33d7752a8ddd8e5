"""Translating reviews with Sphinx's own workflow: the gettext builder
extracts each piece of the reviewer's text as a message of its own, and a
project's catalog (``locale/<language>/LC_MESSAGES/<document>.po`` and
``.mo``) translates exactly that text, in reStructuredText and MyST, with
the card's labels, separators and classes kept; listings, links,
structured data, feed and catalogue show the translation too, also after
an incremental or a ``-j`` build; docs/guides/translating.rst works as written.

The project is ``tests/roots/test-translation``; the tests write its
catalogs (compiled with Babel) and its cover.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from PIL import Image
from projects import sphinx_app, sphinx_build, write_files
from test_docs_snippets import GUIDE, commands, rst_blocks, run

from sphinx_bookreview.domain import BookDomain

if TYPE_CHECKING:
    from collections.abc import Callable

    from bs4 import Tag
    from sphinx.testing.util import SphinxTestApp

TRANSLATING = Path(__file__).parent.parent / "docs" / "guides" / "translating.rst"
#: The language of the translation: one our own catalogs do not cover, so
#: the card's labels are English; Babel, Docutils and MyST know it.
LANGUAGE = "es"
#: Each document's translations.
CATALOGS = {
    "pragmatic": {
        "The Pragmatic Programmer": "Le Programmeur pragmatique",
        "Your Journey to Mastery": "Votre voyage vers la maîtrise",
        "foreword": "préface",
        "Pragmatic Bookshelf": "Bibliothèque pragmatique",
        "20th anniversary edition": "édition du 20e anniversaire",
        "Paperback": "Broché",
        "Currently reading": "En cours de lecture",
        "Own copy.": "Mon exemplaire.",
        "Practical *advice*.": "Des conseils *pratiques*.",
        "A colleague recommended it.": "Un collègue me l\u2019a recommandé.",
        "Every programmer.": "Tout programmeur.",
        "Cover of The Pragmatic Programmer": "Couverture du Programmeur pragmatique",
    },
    "dune": {
        "Dune": "Dune, le roman",
        "The Novel": "Le roman",
        "Dune Chronicles": "Le Cycle de Dune",
        "Hardcover": "Relié",
        "A gift.": "Un cadeau.",
        "A *desert* epic.": "Une épopée du *désert*.",
        "Everybody talks about it.": "Tout le monde en parle.",
    },
}

#: What the gettext builder extracts from each review's document, in order.
MESSAGES = {
    "pragmatic": [
        "Pragmatic", "Cover of The Pragmatic Programmer", "The Pragmatic Programmer", "Your Journey to Mastery",
        "Authors", "Contributor", "foreword", "Series", "Pragmatic Bookshelf", "Edition", "20th anniversary edition",
        "Format", "Paperback", "Language", "Status", "Currently reading", "Reviewed by", "Review date",
        "Own copy.", "Practical *advice*.", "Quick Review", "Why I picked it up", "A colleague recommended it.",
        "I'd give it to", "Every programmer.", "The body of the review.",
    ],
    "dune": [
        "Dune", "The Novel", "Author", "Series", "Dune Chronicles", "Format", "Hardcover", "Reviewed by",
        "Review date", "A gift.", "A *desert* epic.", "Quick Review", "Why I picked it up",
        "Everybody talks about it.", "The body of the review, in *Markdown*.",
    ],
}  # fmt: skip


def write_catalog(srcdir: Path, language: str, docname: str, messages: dict[str, str]) -> None:
    """``docname``'s ``.po`` and, compiled by Babel, its ``.mo``."""
    catalog = Catalog(locale=None, fuzzy=False)
    for msgid, msgstr in messages.items():
        catalog.add(msgid, msgstr)
    folder = srcdir / "locale" / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{docname}.po").open("wb") as po:
        write_po(po, catalog)
    with (folder / f"{docname}.mo").open("wb") as mo:
        write_mo(mo, catalog)


def translation_project(rootdir: Path, srcdir: Path, language: str | None) -> Path:
    """A copy of the test root with its cover and, for ``language``, its catalogs."""
    shutil.copytree(rootdir / "test-translation", srcdir)
    Image.new("RGB", (60, 90), "teal").save(srcdir / "cover.png")
    for docname, messages in CATALOGS.items():
        if language:
            write_catalog(srcdir, language, docname, messages)
    return srcdir


@pytest.fixture(scope="module")
def translated(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """``translated(buildername, language)``: the root built once per
    arguments with its catalogs for ``language``, -W clean."""
    apps: dict[tuple[str, str | None], SphinxTestApp] = {}

    def build(buildername: str = "html", language: str | None = LANGUAGE) -> SphinxTestApp:
        if (buildername, language) not in apps:
            srcdir = translation_project(rootdir, tmp_path_factory.mktemp("translation") / "src", language)
            overrides = {"language": language} if language else {}
            app = sphinx_build(srcdir, buildername, confoverrides=overrides)
            assert app.warning.getvalue() == ""
            apps[buildername, language] = app
        return apps[buildername, language]

    return build


def page(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return page_in(app.outdir, docname)


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, selector
    return found


def facts(card: Tag) -> dict[str, str]:
    """Each row of the card's facts: its label, and its value as HTML."""
    return {
        dt.get_text().rstrip(":"): one(dd, "p").decode_contents()
        for dt, dd in zip(card.select(".bookreview-facts dt"), card.select(".bookreview-facts dd"), strict=True)
    }


# -- the messages ---------------------------------------------------------------


@pytest.mark.parametrize("docname", ["pragmatic", "dune"], ids=["rst", "myst"])
def test_each_text_is_a_message_of_its_own(translated: Callable[..., SphinxTestApp], docname: str) -> None:
    """The title, subtitle, series, edition, contributor's role, format,
    status, disclosure, verdict and answers each a message, without the
    label or separator beside it; the labels as Sphinx extracts them."""
    app = translated("gettext", None)
    with (app.outdir / f"{docname}.pot").open("rb") as pot:
        messages = [message for message in read_po(pot) if message.id]
    assert [message.id for message in messages] == MESSAGES[docname]
    # Each of the reviewer's texts points at the review's directive (the
    # cover's alt text is Sphinx's own message of an image, at no line).
    source = {"pragmatic": "pragmatic.rst", "dune": "dune.md"}[docname]
    line = {"pragmatic": 4, "dune": 3}[docname]
    for message in messages:
        if message.id in CATALOGS[docname] and not message.id.startswith("Cover of"):
            assert [(path.rpartition("/")[2], n) for path, n in message.locations][-1] == (source, line)


# -- the translated card ----------------------------------------------------------


def test_translated_card_keeps_its_labels_and_structure(translated: Callable[..., SphinxTestApp]) -> None:
    card = one(page(translated(), "pragmatic"), ".bookreview-card")
    assert str(one(card, ".bookreview-title")) == (
        '<p class="bookreview-title"><bdi><strong>Le Programmeur pragmatique</strong></bdi>: '
        '<bdi class="bookreview-subtitle">Votre voyage vers la maîtrise</bdi></p>'
    )
    assert str(one(card, ".bookreview-disclosure")) == (
        '<p class="bookreview-disclosure"><strong>Disclosure:</strong> <bdi>Mon exemplaire.</bdi></p>'
    )
    rows = facts(card)
    assert BeautifulSoup(rows.pop("Authors"), "html.parser").get_text() == "David Thomas, Andrew Hunt"
    assert rows == {
        "Contributor": "<bdi>Ron Jeffries (préface)</bdi>",  # the reader's text in its own direction
        "Series": "Book 1 of <bdi>Bibliothèque pragmatique</bdi>",
        "Edition": "<bdi>édition du 20e anniversaire</bdi>",
        "Format": "Broché",
        "Language": "inglés (en)",  # named by Babel in the project's language
        "Status": "En cours de lecture",
        "Reviewed by": "<bdi>Lea Reader</bdi>",
        "Review date": "2024-05-01",
    }
    # A local cover's alt text is a message of Sphinx's own.
    assert one(card, "img.bookreview-cover")["alt"] == "Couverture du Programmeur pragmatique"


def test_translated_verdict_and_quick_review(translated: Callable[..., SphinxTestApp]) -> None:
    review = one(page(translated(), "pragmatic"), "article.bookreview")
    assert (
        str(one(review, ".bookreview-verdict")) == '<p class="bookreview-verdict">Des conseils <em>pratiques</em>.</p>'
    )
    quick = one(review, ".bookreview-quick-answers")
    answers = [(dt.get_text(), one(dd, "p").decode_contents()) for dt, dd in zip(quick("dt"), quick("dd"), strict=True)]
    assert answers == [
        ("Why I picked it up", "Un collègue me l\u2019a recommandé."),
        ("I\u2019d give it to", "Tout programmeur."),
    ]


def test_translated_myst_card(translated: Callable[..., SphinxTestApp]) -> None:
    review = one(page(translated(), "dune"), "article.bookreview")
    assert str(one(review, ".bookreview-title")) == (
        '<p class="bookreview-title"><bdi><strong>Dune, le roman</strong></bdi>: '
        '<bdi class="bookreview-subtitle">Le roman</bdi></p>'
    )
    assert (
        facts(review)["Series"]
        == 'Book 1 of <bdi><a class="reference external" href="https://example.org/dune">Le Cycle de Dune</a></bdi>'
    )
    assert facts(review)["Format"] == "Relié"
    # A remote cover's alt text (no message) follows the translated title.
    assert one(review, "img.bookreview-cover")["alt"] == "Cover of Dune, le roman"
    assert str(one(review, ".bookreview-disclosure")) == (
        '<p class="bookreview-disclosure"><strong>Disclosure:</strong> <bdi>Un cadeau.</bdi></p>'
    )
    assert str(one(review, ".bookreview-verdict")) == '<p class="bookreview-verdict">Une épopée du <em>désert</em>.</p>'
    assert one(review, ".bookreview-quick-answers dd").get_text(strip=True) == "Tout le monde en parle."


def test_the_trial_project(tmp_path: Path) -> None:
    """The user trial's project, in a language (``xx``) that Babel does not
    know: the card keeps its bold title, subtitle and "Disclosure:" label,
    and names the book's language in English, as its labels are."""
    review = """\
.. bookreview:: The Pragmatic Programmer
   :subtitle: Your Journey to Mastery
   :language: en
   :disclosure: Own copy.
   :verdict: Practical advice.
"""
    srcdir = write_files(tmp_path, {
        "conf.py": 'extensions = ["sphinx_bookreview"]\nbookreview_opengraph = False\nlocale_dirs = ["locale/"]\n',
        "index.rst": f"Shelf\n=====\n\n.. bookreview-list::\n\n{review}",
    })  # fmt: skip
    translations = {"Own copy.": "Mon exemplaire.", "Practical advice.": "Des conseils pratiques."}
    write_catalog(srcdir, "xx", "index", {"The Pragmatic Programmer": "Le Programmeur pragmatique", **translations})
    sphinx_build_process(srcdir, tmp_path / "out", "xx")  # as the trial built it (Docutils warns in a test process)
    index = page_in(tmp_path / "out", "index")
    assert str(one(index, ".bookreview-title")) == (
        '<p class="bookreview-title"><bdi><strong>Le Programmeur pragmatique</strong></bdi>: '
        '<bdi class="bookreview-subtitle">Your Journey to Mastery</bdi></p>'
    )
    assert str(one(index, ".bookreview-disclosure")) == (
        '<p class="bookreview-disclosure"><strong>Disclosure:</strong> <bdi>Mon exemplaire.</bdi></p>'
    )
    assert facts(one(index, ".bookreview-card")) == {"Language": "English (en)"}
    item = one(index, ".bookreview-list-items li")
    assert (one(item, "a").get_text(), one(item, ".bookreview-list-verdict").get_text()) == (
        "Le Programmeur pragmatique", "Des conseils pratiques."
    )  # fmt: skip


def test_untranslated_build_is_unchanged(translated: Callable[..., SphinxTestApp]) -> None:
    """Without a catalog for the language, the card shows the source, and
    no translation placeholder is left in the doctree."""
    app = translated("html", None)
    card = one(page(app, "pragmatic"), ".bookreview-card")
    assert str(one(card, ".bookreview-title")) == (
        '<p class="bookreview-title"><bdi><strong>The Pragmatic Programmer</strong></bdi>: '
        '<bdi class="bookreview-subtitle">Your Journey to Mastery</bdi></p>'
    )
    assert facts(card)["Contributor"] == "<bdi>Ron Jeffries (foreword)</bdi>"
    doctree = app.env.get_doctree("pragmatic")
    assert not [node for node in doctree.findall() if "translatable" in getattr(node, "attributes", {})]


def test_text_builder(translated: Callable[..., SphinxTestApp]) -> None:
    text = (translated("text").outdir / "pragmatic.txt").read_text(encoding="utf-8")
    for shown in (
        "**Le Programmeur pragmatique**: Votre voyage vers la maîtrise",
        "Contributor:\n   Ron Jeffries (préface)",
        "Series:\n   Book 1 of Bibliothèque pragmatique",
        "**Disclosure:** Mon exemplaire.",
        "Des conseils *pratiques*.",
        "Why I picked it up\n   Un collègue me l\u2019a recommandé.",
    ):
        assert shown in text


@pytest.mark.latex
def test_latex_builder(translated: Callable[..., SphinxTestApp]) -> None:
    """In French, whose labels our own catalog translates."""
    tex = next(translated("latex", "fr").outdir.glob("*.tex")).read_text(encoding="utf-8")
    for shown in (
        r"\sphinxstylestrong{Le Programmeur pragmatique}: \DUrole{bookreview-subtitle}{Votre voyage vers la maîtrise}",
        "Ron Jeffries (préface)",
        "\\sphinxstylestrong{Transparence\u00a0:} Mon exemplaire.",  # a no-break space before the colon
        r"Des conseils \sphinxstyleemphasis{pratiques}.",
        r"\sphinxstylestrong{Dune, le roman}: \DUrole{bookreview-subtitle}{Le roman}",
    ):
        assert shown in tex


# -- what the records show --------------------------------------------------------


def test_listings_and_links_show_the_translation(translated: Callable[..., SphinxTestApp]) -> None:
    app = translated()
    index = page(app, "index")
    bullets = [
        (one(item, "a em").get_text(), one(item, ".bookreview-list-verdict").get_text())
        for item in index.select(".bookreview-list-items > li")
    ]
    assert bullets == [
        ("Le Programmeur pragmatique", "Des conseils pratiques."),
        ("Dune, le roman", "Une épopée du désert."),
    ]
    rows = [[cell.get_text() for cell in row.select("td")] for row in index.select(".bookreview-list-table tbody tr")]
    assert rows == [
        ["Le Programmeur pragmatique", "Book 1 of Bibliothèque pragmatique", "Des conseils pratiques."],
        ["Dune, le roman", "Book 1 of Le Cycle de Dune", "Une épopée du désert."],
    ]
    links = index.select("p a.reference.internal em")
    assert [link.get_text() for link in links if link.find_parent(class_="bookreview-list") is None] == [
        "Le Programmeur pragmatique",
        "Dune, le roman",
    ]
    authors = page(app, "book-author")
    assert "Le Programmeur pragmatique" in authors.get_text()


def test_structured_data_and_feeds_show_the_translation(translated: Callable[..., SphinxTestApp]) -> None:
    app = translated()
    pragmatic = page(app, "pragmatic")
    meta = {tag.get("name") or tag.get("property"): tag["content"] for tag in pragmatic.select("meta[content]")}
    assert (meta["description"], meta["og:title"]) == ("Des conseils pratiques.", "Le Programmeur pragmatique")
    data = json.loads(one(pragmatic, 'script[type="application/ld+json"]').get_text())
    book = data["itemReviewed"]
    assert (data["name"], data["reviewBody"], book["name"], book["alternativeHeadline"]) == (
        "Le Programmeur pragmatique", "Des conseils pratiques.", "Le Programmeur pragmatique",
        "Votre voyage vers la maîtrise",
    )  # fmt: skip
    assert (book["bookEdition"], book["isPartOf"]["name"]) == (
        "édition du 20e anniversaire",
        "Bibliothèque pragmatique",
    )
    feed = (app.outdir / "reviews.atom").read_text(encoding="utf-8")
    assert "<title>Le Programmeur pragmatique</title>" in feed
    assert "<summary>Une épopée du désert.</summary>" in feed
    catalog = {r["id"]: r for r in json.loads((app.outdir / "bookreviews.json").read_text(encoding="utf-8"))["reviews"]}
    entry: dict[str, Any] = catalog["pragmatic"]
    assert {key: entry[key] for key in ("title", "subtitle", "edition", "series", "disclosure", "verdict")} == {
        "title": "Le Programmeur pragmatique", "subtitle": "Votre voyage vers la maîtrise",
        "edition": "édition du 20e anniversaire", "series": "Bibliothèque pragmatique",
        "disclosure": "Mon exemplaire.", "verdict": "Des conseils pratiques.",
    }  # fmt: skip
    assert entry["verdict_text"] == "Des conseils pratiques."
    assert [a["answer"] for a in entry["answers"]] == ["Un collègue me l\u2019a recommandé.", "Tout programmeur."]
    assert entry["contributors"] == [{"name": "Ron Jeffries", "role": "préface"}]


def test_the_record_keeps_its_id_and_untranslated_text(translated: Callable[..., SphinxTestApp]) -> None:
    domain = BookDomain.of(translated().env)
    (dune,) = domain.records_in("dune")
    (pragmatic,) = domain.records_in("pragmatic")
    assert (dune.id, dune.title, pragmatic.id, pragmatic.title) == (
        "dune",
        "Dune, le roman",
        "pragmatic",
        "Le Programmeur pragmatique",
    )
    assert (pragmatic.authors, pragmatic.reviewer, pragmatic.publisher) == (
        ("David Thomas", "Andrew Hunt"),
        "Lea Reader",
        "",
    )


# -- incremental and parallel builds -----------------------------------------------


def sphinx_build_process(srcdir: Path, outdir: Path, language: str = LANGUAGE) -> str:
    """``sphinx-build -W -b html`` in a process of its own, as a user runs
    it (a process caches each ``.mo`` file it has read: Python's
    ``gettext``); its output."""
    command = [sys.executable, "-m", "sphinx", "-W", "-D", f"language={language}", "-b", "html", srcdir, outdir]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout


def test_a_changed_catalog_updates_the_card_and_the_pages_showing_it(rootdir: Path, tmp_path: Path) -> None:
    """Only the ``.po`` changes: Sphinx compiles it, reads again the
    document whose catalog changed (and only it), and rewrites the
    unchanged index page, whose listing and links show the new title, as
    a clean build does."""
    srcdir = translation_project(rootdir, tmp_path / "src", LANGUAGE)
    sphinx_build_process(srcdir, tmp_path / "out")
    po = srcdir / "locale" / LANGUAGE / "LC_MESSAGES" / "pragmatic.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Le Programmeur pragmatique", "Le Pragmatique"), "utf-8")
    output = sphinx_build_process(srcdir, tmp_path / "out")
    assert re.search(r"reading sources\.\.\. \[100%\] pragmatic\n", output), output
    card = one(page_in(tmp_path / "out", "pragmatic"), ".bookreview-title strong")
    assert str(card) == "<strong>Le Pragmatique</strong>"
    index = page_in(tmp_path / "out", "index")
    assert [em.get_text() for em in index.select(".bookreview-list-items a em")] == ["Le Pragmatique", "Dune, le roman"]
    shutil.rmtree(srcdir / "_build", ignore_errors=True)
    sphinx_build_process(srcdir, tmp_path / "fresh")
    for docname in ("index", "pragmatic", "dune"):
        assert page_in(tmp_path / "out", docname) == page_in(tmp_path / "fresh", docname), docname


def page_in(outdir: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


#: Enough documents that ``-j 2`` reads them in several worker processes.
PARALLEL_DOCS = 12


def test_parallel_build_equals_a_serial_build(tmp_path: Path) -> None:
    """Records translated in worker processes reach the listing as in a serial build."""
    conf = 'extensions = ["sphinx_bookreview"]\nhtml_baseurl = "https://x.example.org/"\nlocale_dirs = ["locale/"]\n'
    sources = {
        "conf.py": conf,
        "index.rst": "Shelf\n=====\n\n.. bookreview-list::\n   :sort: title\n\n.. toctree::\n   :glob:\n\n   book*\n",
    }
    for n in range(PARALLEL_DOCS):
        sources[f"book{n:02d}.rst"] = f"Book\n====\n\n.. bookreview:: Book {n:02d}\n   :verdict: Verdict {n:02d}.\n"
    srcdir = write_files(tmp_path / "src", sources)
    for n in range(PARALLEL_DOCS):
        write_catalog(
            srcdir,
            LANGUAGE,
            f"book{n:02d}",
            {f"Book {n:02d}": f"Libro {n:02d}", f"Verdict {n:02d}.": f"Veredicto {n:02d}."},
        )
    pages, merged = [], []
    for parallel in (2, 0):
        app = sphinx_app(
            srcdir, builddir=tmp_path / str(parallel), parallel=parallel, confoverrides={"language": LANGUAGE}
        )
        app.connect("env-merge-info", lambda _app, _env, docnames, _other: merged.append(len(docnames)))
        try:
            app.build()
        finally:
            app.cleanup()
        assert app.warning.getvalue() == ""
        pages.append((app.outdir / "index.html").read_text(encoding="utf-8"))
    assert len(merged) >= 2, "the documents were not read by several worker processes"
    assert pages[0] == pages[1]
    listed = BeautifulSoup(pages[0], "html.parser").select(".bookreview-list-items li")
    assert [item.get_text(" ", strip=True) for item in listed] == [
        f"Libro {n:02d} Veredicto {n:02d}." for n in range(PARALLEL_DOCS)
    ]


# -- the guide ----------------------------------------------------------------------


def translate(po: Path, excerpt: str) -> None:
    """What the reader does with the catalog: the translations of the
    guide's excerpt written after their messages."""
    with po.open("rb") as file:
        catalog = read_po(file)
    for message in read_po(io.BytesIO(excerpt.encode())):
        if message.id:
            catalog[message.id].string = message.string
    with po.open("wb") as file:
        write_po(file, catalog)


def test_the_translating_guide(tmp_path: Path) -> None:
    """docs/guides/translating.rst followed as written, on the project of
    the getting-started guide (its review in reStructuredText)."""
    for block in rst_blocks(GUIDE):
        if block.caption in ("conf.py", "index.rst", "reviews/the-pragmatic-programmer.rst"):
            write_files(tmp_path, {block.caption: block.text})
    for block in rst_blocks(TRANSLATING):
        if block.caption == "Add to the end of conf.py":
            with (tmp_path / "conf.py").open("a", encoding="utf-8") as conf:
                conf.write("\n" + block.text)
        elif block.language == "po":
            translate(tmp_path / block.caption.removesuffix(", in part"), block.text)
        for command in commands(block) if block.language == "console" else []:
            if command.startswith("python -m pip install"):
                assert importlib.metadata.version(command.split()[-1])  # installed with the test extra
            else:
                run(command.replace("sphinx-intl ", "python -m sphinx_intl ", 1), tmp_path)
    review = page_in(tmp_path / "_build" / "html" / "fr" / "reviews", "the-pragmatic-programmer")
    assert str(one(review, ".bookreview-title")) == (
        '<p class="bookreview-title"><bdi><strong>Le Programmeur pragmatique</strong></bdi>: '
        '<bdi class="bookreview-subtitle">Votre voyage vers la maîtrise</bdi></p>'
    )
    assert facts(review)["Édition"] == "<bdi>édition du 20e anniversaire</bdi>"  # the label from our own French catalog
    assert one(review, ".bookreview-verdict").get_text() == "Des conseils pratiques qui ont bien vieilli."
    assert one(review, ".bookreview-quick dd").decode_contents().strip() == (
        "<p>La recommandation <em>appuyée</em> d\u2019un collègue.</p>"
    )
    index = page_in(tmp_path / "_build" / "html" / "fr", "index")
    assert one(index, ".bookreview-list-items a em").get_text() == "Le Programmeur pragmatique"
