"""Labels come from our own message catalog, in the project's language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from projects import compiled_pdf, sphinx_build

if TYPE_CHECKING:
    from projects import Build
    from sphinx.testing.util import SphinxTestApp


def review_labels(app: SphinxTestApp) -> tuple[list[str], list[str], str]:
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    facts = [dt.get_text().rstrip(":") for dt in soup.select(".bookreview-facts dt")]
    questions = [dt.get_text() for dt in soup.select(".bookreview-quick dt")]
    rating = soup.select_one(".bookreview-rating")
    assert rating is not None
    return facts, questions, str(rating["aria-label"])


def test_german_labels(built: Build) -> None:
    app = built("i18n", confoverrides={"language": "de"})
    facts, questions, spoken = review_labels(app)
    assert facts[:4] == ["Autor", "Format", "Sprache", "ISBN"]
    assert questions == ["Warum ich es in die Hand nahm", "Warum ich es zu Ende las", "Ich würde es weitergeben an"]
    assert spoken == "4,5 von 5"
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Kurzrezension" in html
    assert "Offenlegung:" in html
    assert "Deutsch (de)" in html  # the book's language, named in the project's
    assert "Rezensionen nach Autor" in (app.outdir / "book-author.html").read_text(encoding="utf-8")
    assert not app.warning.getvalue()


def test_french_labels(built: Build) -> None:
    app = built("i18n", confoverrides={"language": "fr"})
    facts, questions, spoken = review_labels(app)
    assert facts[:4] == ["Auteur", "Format", "Langue", "ISBN"]
    assert questions == ["Pourquoi je l\u2019ai choisi", "Pourquoi je l\u2019ai terminé", "Je l\u2019offrirais à"]
    assert spoken == "4,5 sur 5"
    assert not app.warning.getvalue()


def test_english_is_the_source_language(built: Build) -> None:
    app = built("i18n", confoverrides={"language": "en"})
    facts, questions, spoken = review_labels(app)
    assert facts[:4] == ["Author", "Format", "Language", "ISBN"]
    assert questions == ["Why I picked it up", "Why I finished it", "I\u2019d give it to"]
    assert spoken == "4.5 out of 5"


def test_configured_questions_are_shown_as_written(built: Build) -> None:
    app = built(
        "i18n", confoverrides={"language": "de", "bookreview_quick_review": [("why-picked-up", "Warum dieses Buch?")]}
    )
    _facts, questions, _spoken = review_labels(app)
    assert questions == ["Warum dieses Buch?"]
    assert "unknown option :why-finished:" in app.warning.getvalue()


@pytest.mark.parametrize("language", ["de", "fr"])
def test_every_label_is_translated(language: str) -> None:
    """Every message the code marks for translation has a German and a
    French translation (``python tools/update_catalogs.py`` adds new ones)."""
    package = Path(__file__).resolve().parent.parent / "sphinx_bookreview"
    in_code = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            package, keywords={"_": None}, comment_tags=(), strip_comment_tags=True
        )
        if "/cli/" not in _file
    }
    with (package / "locale" / language / "LC_MESSAGES" / "sphinx_bookreview.po").open("rb") as po:
        translated = {message.id for message in read_po(po) if message.id and message.string and not message.fuzzy}
    assert in_code, "no messages found: the extraction is broken"
    assert sorted(in_code - translated) == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", {
            "Sprecher": "Rufus Beck", "Mitwirkende": "Anna Vorwort (Vorwort)", "Reihe": "Band 2 von Die Nordsee-Saga",
            "Erschienen": "2021 (Erstausgabe 2019)", "Status": "Abgebrochen", "Fortschritt": "38%",
            "Gehört": "beendet am 2019-05-10; 2020-01-02 \u2013 2020-01-20; begonnen am 2024-01-05 (Abgebrochen)",
        }),
        ("fr", {
            "Narrateur": "Rufus Beck", "Contributeur": "Anna Vorwort (Vorwort)",
            "Série": "Tome 2 de Die Nordsee-Saga", "Publication": "2021 (première publication 2019)",
            "Statut": "Abandonné", "Progression": "38%",
            "Écouté": "terminé le 2019-05-10; 2020-01-02 \u2013 2020-01-20; commencé le 2024-01-05 (Abandonné)",
        }),
    ],
)  # fmt: skip
def test_issue_14_labels(rootdir: Path, tmp_path: Path, language: str, expected: dict[str, str]) -> None:
    """The audiobook wording, series, editions, re-reads, progress and spoilers, translated."""
    srcdir = tmp_path / language
    shutil.copytree(rootdir / "test-i18n", srcdir)
    app = sphinx_build(srcdir, confoverrides={"language": language})
    assert not app.warning.getvalue()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    audiobook = soup.select(".bookreview-facts")[1]
    facts = {dt.get_text().rstrip(":"): dd.get_text(" ", strip=True) for dt, dd in zip(
        audiobook.select("dt"), audiobook.select("dd"), strict=True)}  # fmt: skip
    assert {label: facts.get(label) for label in expected} == expected
    toggle = soup.select_one(".bookreview-spoiler-toggle")
    assert toggle is not None
    spoiler, show = {"de": ("Spoiler", "Spoiler zeigen"), "fr": ("Divulgâcheur", "Afficher le divulgâcheur")}[language]
    assert (toggle["aria-label"], soup.select_one(".bookreview-spoiler-label").get_text()) == (show, spoiler)


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Rating: ★★★★½ (4.5/5)", "**Disclosure:** Ein Geschenk.", "[Spoiler: gewinnt der Leuchtturm]"]),
        ("de", ["Bewertung: ★★★★½ (4,5/5)", "**Offenlegung:** Ein Geschenk.", "[Spoiler: gewinnt der Leuchtturm]"]),
        ("fr", [
            "Note: ★★★★½ (4,5/5)", f"**Transparence{NBSP}:** Ein Geschenk.",
            f"[Divulgâcheur{NBSP}: gewinnt der Leuchtturm]",
        ]),
    ],
)  # fmt: skip
def test_numbers_and_colons_as_the_language_writes_them(built: Build, language: str, expected: list[str]) -> None:
    """A decimal comma in French and German; in French, a no-break space
    before a label's colon, so the colon never starts a line. (The field
    names' "Note:" is docutils' own text writer.)"""
    app = built("i18n", "text", confoverrides={"language": language})
    assert app.warning.getvalue() == ""
    text = re.sub("[ \n]+", " ", (app.outdir / "index.txt").read_text(encoding="utf-8"))  # not the no-break space
    for shown in expected:
        assert shown in text


@pytest.mark.parametrize(("language", "spoken", "shown"), [("de", "4,5 von 5", "4,5"), ("fr", "4,5 sur 5", "4,5")])
def test_rating_pages_write_the_decimal_comma(built: Build, language: str, spoken: str, shown: str) -> None:
    app = built("i18n", confoverrides={"language": language})
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    rating = page.select_one(".bookreview-rating")
    assert (rating["aria-label"], rating.select_one(".bookreview-rating-value").get_text()) == (spoken, shown)
    index = BeautifulSoup((app.outdir / "book-rating.html").read_text(encoding="utf-8"), "html.parser")
    # Index headings keep their words together (domain.escape_index_headings).
    assert spoken.replace(" ", NBSP) in [heading.get_text(strip=True) for heading in index.select("tr.cap td strong")]


@pytest.mark.latex
def test_french_pdf_compiles(built: Build, tmp_path: Path) -> None:
    """The no-break space and the decimal comma in LaTeX, under babel-french."""
    app = built("i18n", "latex", confoverrides={"language": "fr"})
    assert app.warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex"))
    text = tex.read_text(encoding="utf-8")
    assert f"Divulgâcheur{NBSP}:" in text and "(4,5/5)" in text
    assert compiled_pdf(app.outdir, tex.stem, tmp_path / "latex").stat().st_size > 0
