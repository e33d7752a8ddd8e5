"""``bookreviews.json``: every review as data, valid against its schema."""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from conftest import cover_copy
from projects import sphinx_build, write_files

from sphinx_bookreview.outputs.catalog import SCHEMA

if TYPE_CHECKING:
    from pathlib import Path

    from projects import Build

FOPNP = {
    "absolute_url": "https://books.example.org/reviews/fopnp.html#fopnp",
    "answers": [
        {"answer": "A *colleague* asked.", "key": "why-picked-up", "question": "Why I picked it up"},
        {"answer": "Anyone writing servers.", "key": "give-to", "question": "I'd give it to"},
    ],
    "asin": "",
    "authors": ["Brandon Rhodes", "John Goerzen"],
    "contributors": [],
    "cover": None,  # the shared copy, named by its content's digest: filled in by the test
    "date": "2026-01-10",
    "disclosure": "A review copy.",
    "edition": "3rd",
    "editors": ["An Editor"],
    "finished": "2026-01-08",
    "format": "paperback",
    "id": "fopnp",
    "illustrators": ["An Illustrator"],
    "isbn": "978-1-4302-5854-4",
    "language": "en",
    "narrators": [],
    "original_published": "",
    "page_url": "reviews/fopnp.html#fopnp",
    "pages": 388,
    "progress": None,
    "published": "2014-10",
    "publisher": "Apress",
    "rating": 4.5,
    "reads": [{"finished": "2026-01-08", "started": "2025-12-01", "status": "read"}],
    "rereview_of": "",
    "reviewer": "Rev Iewer",
    "series": "Expert's Voice",
    "series_number": 12,
    "series_number_end": None,
    "series_url": "",
    "started": "2025-12-01",
    "status": "read",
    "subtitle": "The comprehensive guide",
    "tags": ["python", "networking"],
    "title": "Foundations of Python Network Programming",
    "translators": ["A Translator"],
    "url": "https://example.org/fopnp",
    "verdict": "Sockets explained right.",
    "verdict_text": "Sockets explained right.",
}
#: Issue 14's fields: people with roles, editions, a series range, re-reads,
#: progress, and spoilers masked in the summary fields.
LAUNDRY = {
    "answers": [
        {"answer": "The narrator; the ending has [spoiler] and is good.", "key": "why-picked-up",
         "question": "Why I picked it up"},
    ],
    "asin": "B0036WT4SA",
    "contributors": [{"name": "Ken MacLeod", "role": "Introduction"}, {"name": "Cover Artist", "role": "Cover art"}],
    "finished": "",
    "narrators": ["Gideon Emery"],
    "original_published": "2004",
    "progress": {"page": 120, "pages": 350, "percent": 34.29},
    "published": "2010-06",
    "reads": [
        {"finished": "2015-03-01", "started": "2015-02-01", "status": "read"},
        {"finished": "2019-05-10", "started": "", "status": "read"},
        {"finished": "", "started": "2026-01-05", "status": "abandoned"},
    ],
    "rereview_of": "fopnp",
    "series": "The Laundry Files",
    "series_number": 1.5,
    "series_number_end": 2,
    "series_url": "https://example.org/laundry",
    "started": "2026-01-05",
    "status": "abandoned",
    "verdict": "Spies and [spoiler] in one book.",
}  # fmt: skip
IDS = ["cc", "ddia", "fopnp", "laundry", "mmm", "refactoring", "sicp"]


def read_catalog(outdir: Path, name: str = "bookreviews.json") -> dict[str, Any]:
    """The catalog, checked against the schema its ``$schema`` names."""
    path = outdir / name
    data = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads((path.parent / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    return data  # type: ignore[no-any-return]


def plain(text: str) -> str:
    """Console output without the colours of a terminal."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {review["id"]: review for review in data["reviews"]}


def test_every_field_of_every_review(built: Build) -> None:
    app = built("catalog")
    data = read_catalog(app.outdir)
    assert app.warning.getvalue() == ""
    assert data["version"] == 2
    assert data["rating_scale"] == 5
    assert [review["id"] for review in data["reviews"]] == IDS
    cover = cover_copy(app.outdir, "cover", 2, "png")  # the picture is 2 px wide
    assert by_id(data)["fopnp"] == FOPNP | {"cover": cover}
    laundry = by_id(data)["laundry"]
    assert {key: laundry[key] for key in LAUNDRY} == LAUNDRY
    assert "secret" not in json.dumps(data)  # the body is never in the catalog
    assert by_id(data)["sicp"]["cover"] == "https://covers.example.org/sicp.jpg"
    assert (app.outdir / cover).is_file()


def test_sorted_keys_and_shipped_schema(built: Build) -> None:
    app = built("catalog")
    text = (app.outdir / "bookreviews.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert text.startswith('{\n  "$schema": "bookreviews.schema.json",\n')
    assert (app.outdir / "bookreviews.schema.json").read_bytes() == SCHEMA.read_bytes()


@pytest.mark.parametrize(
    ("builder", "page_url", "page"),
    [
        ("html", "reviews/fopnp.html#fopnp", "reviews/fopnp.html"),
        ("dirhtml", "reviews/fopnp/#fopnp", "reviews/fopnp/index.html"),
        ("singlehtml", "index.html#fopnp", "index.html"),
    ],
)
def test_page_url_as_the_builder_names_pages(
    tmp_path: Path, rootdir: Path, builder: str, page_url: str, page: str
) -> None:
    shutil.copytree(rootdir / "test-catalog", tmp_path / "src")
    app = sphinx_build(tmp_path / "src", builder)
    fopnp = by_id(read_catalog(app.outdir))["fopnp"]
    assert app.warning.getvalue() == ""
    assert fopnp["page_url"] == page_url
    assert fopnp["absolute_url"] == "https://books.example.org/" + page_url
    assert 'id="fopnp"' in (app.outdir / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("builder", ["epub", "json"])
def test_not_written_by_other_builders(tmp_path: Path, rootdir: Path, builder: str) -> None:
    shutil.copytree(rootdir / "test-catalog", tmp_path / "src")
    app = sphinx_build(tmp_path / "src", builder)
    assert app.warning.getvalue() == ""
    assert not (app.outdir / "bookreviews.json").exists()
    assert not (app.outdir / "bookreviews.schema.json").exists()


def test_empty_name_writes_no_catalog(built: Build) -> None:
    app = built("catalog", confoverrides={"bookreview_catalog": ""})
    assert app.warning.getvalue() == ""
    assert not (app.outdir / "bookreviews.json").exists()
    assert not (app.outdir / "bookreviews.schema.json").exists()


def test_schema_beside_a_catalog_in_a_folder(built: Build) -> None:
    app = built("catalog", confoverrides={"bookreview_catalog": "data/shelf.json"})
    assert [review["id"] for review in read_catalog(app.outdir, "data/shelf.json")["reviews"]] == IDS
    assert (app.outdir / "data" / "bookreviews.schema.json").is_file()
    assert not (app.outdir / "bookreviews.json").exists()


def test_no_absolute_urls_without_html_baseurl(built: Build) -> None:
    app = built("catalog", confoverrides={"html_baseurl": "", "bookreview_opengraph": False})
    reviews = read_catalog(app.outdir)["reviews"]
    assert app.warning.getvalue() == ""
    assert all("absolute_url" not in review for review in reviews)
    assert by_id({"reviews": reviews})["mmm"]["page_url"] == "reviews/mmm.html#mmm"


def test_only_the_winner_of_a_duplicate_id(built: Build) -> None:
    app = built("catalog-duplicate")
    reviews = by_id(read_catalog(app.outdir))
    assert sorted(reviews) == ["another-book", "same"]
    assert reviews["same"]["title"] == "The First Book"
    assert reviews["same"]["page_url"] == "a.html#same"
    assert plain(app.warning.getvalue()).splitlines() == [
        f"{app.srcdir / 'b.rst'}:4: WARNING: duplicate review id 'same': already used by 'The First Book' in a;"
        " this review cannot be linked to [bookreview.duplicate]"
    ]


@pytest.mark.parametrize("scheme", ["https", "HTTPS", "Http"])
def test_web_addresses_in_any_case_validate(tmp_path: Path, scheme: str) -> None:
    """The directive takes a URL's scheme in any case (as browsers do); the
    schema did for ``url`` only, and refused the same ``series_url``."""
    review = f".. bookreview:: Case\n   :url: {scheme}://example.org/book\n   :series: Saga\n   :series-url: {scheme}://example.org/s\n"
    conf = 'extensions = ["sphinx_bookreview"]\nhtml_baseurl = "https://example.org/"\n'
    app = sphinx_build(write_files(tmp_path, {"conf.py": conf, "index.rst": "Case\n====\n\n" + review}))
    assert app.warning.getvalue() == ""
    (entry,) = read_catalog(app.outdir)["reviews"]
    assert (entry["url"], entry["series_url"]) == (f"{scheme}://example.org/book", f"{scheme}://example.org/s")
