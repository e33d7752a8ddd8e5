"""``sphinx-bookreview import``: Goodreads (24 and 31 columns) and StoryGraph exports.

The exports in ``tests/cli_data`` are invented books by invented people.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from sphinx_bookreview.cli import main
from sphinx_bookreview.cli.progress import Progress

DATA = Path(__file__).parent / "cli_data"
ALL_SHELVES = ["--shelf", "read", "--shelf", "currently-reading", "--shelf", "did-not-finish"]
GR24 = DATA / "goodreads_24.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def files(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def no_project(directory: Path) -> str:
    """What an import into a folder outside any Sphinx project says after its summary."""
    return (
        f"next: no conf.py in {directory} or above it: put the review files in a Sphinx project "
        "(sphinx-quickstart makes one) and list them in a toctree of its root document\n"
    )


# -- Goodreads ---------------------------------------------------------------------


def test_goodreads_24_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "import", GR24, "--dir", tmp_path, *ALL_SHELVES)
    assert status == 1  # one malformed row
    assert out == (
        f"10 rows: 8 created, 1 skipped (1 not on the chosen shelves), 1 failed; rst files in {tmp_path}\n"
        + no_project(tmp_path)
    )
    assert err.splitlines() == [
        f"warning: {GR24}, row 7 (* Asterisk Gardens): invalid ISBN '12345': the number has an invalid length; "
        "left out",
        f"warning: {GR24}, row 7 (* Asterisk Gardens): invalid date '2023/13/40': expected a real day as YYYY/MM/DD; "
        "left out",
        f"error: {GR24}, row 11: expected 24 fields like the header, found 3 (row skipped)",
    ]
    assert files(tmp_path) == [
        "2041.rst",
        "asterisk-gardens.rst",
        "book-e8095bfe.rst",
        "fog-over-marram-bay.rst",
        "harbour-lights-2.rst",
        "harbour-lights.rst",
        "the-lantern-keeper.rst",
        "the-quiet-orchard-revisited.rst",
    ]


def test_goodreads_fields_and_html_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path)
    assert (tmp_path / "the-lantern-keeper.rst").read_text(encoding="utf-8") == (
        "The Lantern Keeper\n"
        "==================\n"
        "\n"
        ".. bookreview:: The Lantern Keeper\n"
        "   :author: Mara Quillfeather; Tobias Wren; Ilse Marrow\n"
        "   :isbn: 978-0-00-000001-9\n"
        "   :rating: 5\n"
        "   :finished: 2023-01-15\n"
        "   :date: 2023-01-15\n"
        "   :published: 2019\n"
        "   :original-published: 2018\n"
        "   :publisher: Gullwing Press\n"
        "   :pages: 412\n"
        "   :format: hardcover\n"
        "   :series: Harbour Lights #1\n"
        "   :tags: favourites, sea-stories\n"
        "\n"
        "   A **wonderful** book.\n"
        "\n"
        "   | The keeper's *quiet* nights, see `the author's notes <https://example.org/lantern>`__.\n"
        "   | Second line & more.\n"
    )


def test_goodreads_private_notes_are_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path)
    assert not any("secret note" in path.read_text(encoding="utf-8") for path in tmp_path.iterdir())


def test_goodreads_empty_fields_unrated_quotes_and_commas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path, "--format", "md")
    assert (tmp_path / "the-quiet-orchard-revisited.md").read_text(encoding="utf-8") == (
        '# The "Quiet" Orchard, Revisited\n'
        "\n"
        '```{bookreview} The "Quiet" Orchard, Revisited\n'
        ":author: Élodie Brûlé\n"
        ":date: 2023-02-02\n"
        ":format: ebook\n"
        "```\n"
    )


def test_goodreads_unicode_title_and_tags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path)
    text = (tmp_path / "book-e8095bfe.rst").read_text(encoding="utf-8")
    # The directive's default id for this title is the same book-<digest>,
    # written so that the source shows what links to it.
    assert text.startswith("星の図書館\n==========\n\n.. bookreview:: 星の図書館\n   :id: book-e8095bfe\n   :author: ")
    assert "   :isbn: 978-0-00-000002-6\n" in text  # from the ISBN-10 column, ISBN13 being empty
    assert "   :tags: translated, 日本\n" in text


def test_goodreads_equal_titles_get_their_own_files_and_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path)
    first = (tmp_path / "harbour-lights.rst").read_text(encoding="utf-8")
    second = (tmp_path / "harbour-lights-2.rst").read_text(encoding="utf-8")
    assert ".. bookreview:: Harbour Lights\n   :author: Tobias Wren\n" in first
    assert ".. bookreview:: Harbour Lights\n   :id: harbour-lights-2\n   :author: Ilse Marrow\n" in second
    assert "   :format: audiobook\n" in first  # Audible Audio
    assert "   :format: paperback\n" in second  # Mass Market Paperback
    assert "   :published: 1999\n" in second  # the edition's year, not the original's


def test_goodreads_review_that_looks_like_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path)
    text = (tmp_path / "harbour-lights.rst").read_text(encoding="utf-8")
    assert text.endswith(
        "   \\.. raw:\\: html\n\n   \\- not a list\n\n   1\\. not enumerated either\n\n   Note:\\:\n\n"
        "   A\\. Quill wrote it.\n"
    )


def test_goodreads_bad_values_are_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path)
    assert (tmp_path / "asterisk-gardens.rst").read_text(encoding="utf-8") == (
        "\\* Asterisk Gardens\n"
        "===================\n"
        "\n"
        ".. bookreview:: * Asterisk Gardens\n"
        "   :author: Pim Roe\n"
        "   :rating: 4\n"
        "   :date: 2023-06-01\n"
        "   :published: 2022\n"
        "   :pages: 24\n"
        "   :tags: picture-books\n"
        "\n"
        "   **Boldand italic**\\ word\\ *glued*\\ on. bad link\n"
    )


def test_goodreads_default_is_the_read_shelf_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "import", GR24, "--dir", tmp_path)
    assert status == 1
    assert out == (
        f"10 rows: 6 created, 3 skipped (3 not on the chosen shelves), 1 failed; rst files in {tmp_path}\n"
        + no_project(tmp_path)
    )
    assert "2041.rst" not in files(tmp_path)
    assert "fog-over-marram-bay.rst" not in files(tmp_path)


@pytest.mark.parametrize(
    ("shelf", "name", "status"),
    [
        ("currently-reading", "2041.rst", ":status: reading"),
        ("did-not-finish", "fog-over-marram-bay.rst", ":status: abandoned"),
        ("to-read=reading", "the-unopened-atlas.rst", ":status: reading"),
    ],
)
def test_goodreads_each_shelf(
    shelf: str, name: str, status: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", GR24, "--dir", tmp_path, "--shelf", shelf)
    (only,) = tmp_path.iterdir()
    assert only.name == name
    assert f"   {status}\n" in only.read_text(encoding="utf-8")


def test_shelf_without_a_known_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "import", GR24, "--dir", tmp_path, "--shelf", "to-read")
    assert status == 1
    assert err == (
        "sphinx-bookreview: error: --shelf to-read: say which status its books get, "
        "e.g. --shelf to-read=reading (one of read, reading, abandoned)\n"
    )


def test_goodreads_31_columns_in_another_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The 31-column export, its columns shuffled: matched by name, not by position."""
    status, out, _ = run(capsys, "import", DATA / "goodreads_31.csv", "--dir", tmp_path, *ALL_SHELVES)
    assert status == 0
    assert out == f"2 rows: 2 created, 0 skipped, 0 failed; rst files in {tmp_path}\n" + no_project(tmp_path)
    assert (tmp_path / "salt-and-cinder.rst").read_text(encoding="utf-8") == (
        "Salt and Cinder\n"
        "===============\n"
        "\n"
        ".. bookreview:: Salt and Cinder\n"
        "   :author: Rosa Fenwick\n"
        "   :isbn: 978-0-00-000005-7\n"
        "   :rating: 4\n"
        "   :finished: 2016-09-03\n"
        "   :date: 2016-09-03\n"
        "   :published: 2014\n"
        "   :original-published: 2012\n"
        "   :publisher: Tidewater\n"
        "   :pages: 350\n"
        "   :format: paperback\n"
        "   :tags: fantasy\n"
        "\n"
        "   Ash, *salt*, and a very long road.\n"
    )
    assert "   :status: reading\n   :date: 2017-01-05\n   :published: 2001\n   :format: audiobook\n" in (
        tmp_path / "the-glass-ferry.rst"
    ).read_text(encoding="utf-8")


# -- StoryGraph --------------------------------------------------------------------

SG = DATA / "storygraph.csv"


def test_storygraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "import", SG, "--dir", tmp_path, "--format", "md", *ALL_SHELVES)
    assert (status, err) == (0, "")
    assert out == (
        f"6 rows: 5 created, 1 skipped (1 not on the chosen shelves), 0 failed; md files in {tmp_path}\n"
        + no_project(tmp_path)
    )
    assert files(tmp_path) == [
        "a-long-winter-s-ledger.md",
        "cielo-stono.md",
        "quiet-engines-2.md",
        "quiet-engines.md",
        "the-cartographer-s-daughter.md",
    ]
    assert (tmp_path / "the-cartographer-s-daughter.md").read_text(encoding="utf-8") == (
        "# The Cartographer's Daughter\n"
        "\n"
        "```{bookreview} The Cartographer's Daughter\n"
        ":author: Ines Halloway; Bram Okonkwo-Ruiz\n"
        ":translator: Ada Lindqvist\n"
        ":illustrator: Theo Marsh\n"
        ":isbn: 978-0-00-000006-4\n"
        ":rating: 3.75\n"
        ":reads: 2022-06-01..2022-06-20; 2023-03-01..2023-03-14\n"
        ":date: 2023-03-14\n"
        ":format: hardcover\n"
        ":tags: maps, family\n"
        "\n"
        "**Content warnings:** Graphic: Death; Moderate: Grief, Shipwreck\n"
        "\n"
        "**About them:** A drowning in chapter 3.\n"
        "\n"
        "Maps, mostly.\n"
        "\n"
        "A second paragraph with \\*asterisks\\* and a # hash.\\\n"
        "And a line break.\n"
        "```\n"
    )


def test_storygraph_statuses_quarter_stars_and_uids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", SG, "--dir", tmp_path, *ALL_SHELVES)
    unicode_title = (tmp_path / "cielo-stono.rst").read_text(encoding="utf-8")
    assert ":isbn:" not in unicode_title  # a StoryGraph UID, not an ISBN
    assert "   :rating: 4.25\n   :started: 2023-04-10\n   :finished: 2023-04-30\n" in unicode_title
    reading = (tmp_path / "quiet-engines.rst").read_text(encoding="utf-8")
    assert "   :status: reading\n   :started: 2023-05-03\n   :date: 2023-05-01\n" in reading
    abandoned = (tmp_path / "a-long-winter-s-ledger.rst").read_text(encoding="utf-8")
    assert "   :rating: 1.5\n   :status: abandoned\n" in abandoned
    assert "   **Content warnings:** Minor: Animal death\n\n   Not for me.\n" in abandoned
    five = (tmp_path / "quiet-engines-2.rst").read_text(encoding="utf-8")
    assert "   :id: quiet-engines-2\n" in five
    assert "   :rating: 5\n" in five


# -- the file ------------------------------------------------------------------------


def test_detected_from_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "import", SG, "--dir", tmp_path, "--from", "goodreads")
    assert status == 1
    assert err == f"sphinx-bookreview: error: {SG}: not a Goodreads export: no 'Exclusive Shelf' column\n"


def test_unknown_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.csv"
    other.write_text("Name,Stars\nA Book,4\n", encoding="utf-8")
    status, _, err = run(capsys, "import", other, "--dir", tmp_path)
    assert status == 1
    assert err == (
        f"sphinx-bookreview: error: {other}: not a Goodreads or StoryGraph export "
        "(no 'Exclusive Shelf' or 'Read Status' column in its header)\n"
    )


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.csv"
    assert run(capsys, "import", missing) == (1, "", f"sphinx-bookreview: error: {missing}: no such file\n")


def test_directory_instead_of_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = f"sphinx-bookreview: error: {tmp_path}: is a directory, expected a CSV file\n"
    assert run(capsys, "import", tmp_path) == (1, "", expected)


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    expected = f"sphinx-bookreview: error: {empty}: empty file, expected a CSV export with a header row\n"
    assert run(capsys, "import", empty) == (1, "", expected)


def test_other_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes(GR24.read_text(encoding="utf-8").split("\n1003")[0].encode("cp1252"))
    status, _, err = run(capsys, "import", latin, "--dir", tmp_path / "out")
    assert status == 1
    assert err == (
        f"sphinx-bookreview: error: {latin}: not UTF-8 text (byte 0xc9 on line 3); export it again as UTF-8, "
        "or name its encoding with --encoding (e.g. --encoding cp1252)\n"
    )
    assert run(capsys, "import", latin, "--dir", tmp_path / "out", "--encoding", "cp1252")[0] == 0
    assert "Élodie Brûlé" in (tmp_path / "out" / "the-quiet-orchard-revisited.rst").read_text(encoding="utf-8")


def test_utf16_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_bytes(codecs.BOM_UTF16_LE + (DATA / "goodreads_31.csv").read_text(encoding="utf-8").encode("utf-16-le"))
    status, _, err = run(capsys, "import", wide, "--dir", tmp_path / "out")
    assert status == 1
    assert err == (
        f"sphinx-bookreview: error: {wide}: UTF-16 text (it starts with a UTF-16 byte-order mark); "
        "save it as UTF-8 CSV or pass --encoding utf-16\n"
    )
    assert run(capsys, "import", wide, "--dir", tmp_path / "out", "--encoding", "utf-16")[0] == 0
    assert (tmp_path / "out" / "salt-and-cinder.rst").exists()


def test_utf8_byte_order_mark_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel writes one; left in, it would hide the first column's name."""
    marked = tmp_path / "marked.csv"
    marked.write_bytes(codecs.BOM_UTF8 + SG.read_bytes())
    status, out, _ = run(capsys, "import", marked, "--dir", tmp_path / "out")
    assert status == 0
    assert out.startswith("6 rows: 3 created")


def test_malformed_rows_are_reported_and_the_rest_go_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (DATA / "goodreads_31.csv").read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.csv"
    bad_quote = '9,"Half "quoted" title,x'
    no_title = lines[1].replace("Salt and Cinder", "")
    broken.write_text("\n".join([lines[0], bad_quote, no_title, "", lines[1], "1,2,3"]) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "import", broken, "--dir", tmp_path / "out")
    assert status == 1
    assert err.splitlines() == [
        f"error: {broken}, row 2: unreadable CSV: ',' expected after '\"' (row skipped)",
        f"error: {broken}, row 3: no title (row skipped)",
        f"error: {broken}, row 5: expected 31 fields like the header, found 3 (row skipped)",
    ]
    assert out == f"4 rows: 1 created, 0 skipped, 3 failed; rst files in {tmp_path / 'out'}\n" + no_project(
        tmp_path / "out"
    )


def test_existing_files_are_kept_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", SG, "--dir", tmp_path)
    mine = tmp_path / "cielo-stono.rst"
    edited = mine.read_text(encoding="utf-8") + "\n   My own words.\n"
    mine.write_text(edited, encoding="utf-8")
    status, out, _ = run(capsys, "import", SG, "--dir", tmp_path)
    assert status == 0
    assert out == (
        f"6 rows: 0 created, 6 skipped (3 not on the chosen shelves; 3 already there, --force overwrites), "
        f"0 failed; rst files in {tmp_path}\n" + no_project(tmp_path)
    )
    assert mine.read_text(encoding="utf-8") == edited
    status, out, _ = run(capsys, "import", SG, "--dir", tmp_path, "--force")
    assert out.startswith("6 rows: 3 created (3 overwritten), 3 skipped")
    assert mine.read_text(encoding="utf-8").startswith("Ĉielo, Ŝtono\n")


def test_a_file_in_the_other_markup_counts_as_existing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sphinx would read both ``x.rst`` and ``x.md`` as one document."""
    run(capsys, "import", SG, "--dir", tmp_path)
    status, out, _ = run(capsys, "import", SG, "--dir", tmp_path, "--format", "md")
    assert status == 0
    assert "3 already there" in out
    assert not list(tmp_path.glob("*.md"))


def test_force_replaces_files_in_the_other_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", SG, "--dir", tmp_path)
    rst_files = files(tmp_path)
    only_md, both, _ = (tmp_path / name for name in rst_files)
    only_md.rename(only_md.with_suffix(".md"))  # overwritten
    # Both markups (say, converted by hand): the rst one is replaced.
    both.with_suffix(".md").write_text("# Quiet Engines\n\n```{bookreview} Quiet Engines\n```\n", encoding="utf-8")
    status, out, err = run(capsys, "import", SG, "--dir", tmp_path, "--format", "md", "--force")
    assert (status, err) == (0, "")
    assert out == (
        "6 rows: 3 created (1 overwritten, 2 replaced rst files), 3 skipped (3 not on the chosen shelves), "
        f"0 failed; md files in {tmp_path}\n" + no_project(tmp_path)
    )
    assert files(tmp_path) == sorted(name.replace(".rst", ".md") for name in rst_files)
    status, out, _ = run(capsys, "import", SG, "--dir", tmp_path, "--force")
    assert out.startswith("6 rows: 3 created (3 replaced md files), 3 skipped")
    assert files(tmp_path) == rst_files


def test_progress_bar_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with Progress(400, stream) as progress:
        for number in range(400):
            if number == 200:
                progress.print("warning: halfway")
            progress.advance()
    output = stream.getvalue()
    assert "\r[###############...............] 200/400 rows" in output
    assert "\r[##############################] 400/400 rows" in output
    assert "warning: halfway\n" in output
    assert output.endswith("\r" + " " * 60 + "\r")


def test_no_progress_bar_when_piped() -> None:
    stream = io.StringIO()
    with Progress(400, stream) as progress:
        for _ in range(400):
            progress.advance()
    assert stream.getvalue() == ""


def test_no_progress_bar_for_short_imports() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with Progress(10, stream) as progress:
        progress.advance()
    assert stream.getvalue() == ""
