"""Imports of exports shaped like real readers' ones: lose nothing, abort on nothing.

Every export here is written by the test, row by row, with the columns of
the real files: the 24-column Goodreads export of today and the 31-column
one of before, the StoryGraph export with its ``Dates Read`` and ``Read
Count`` columns and the older one without them, and files re-saved by a
spreadsheet (UTF-8 byte-order mark, CRLF, Excel formulas evaluated, dates
in the locale's order, long numbers in scientific notation). Books and
people are invented; titles in Spanish, German and Japanese are as those
editions write them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from sphinx_bookreview.cli import main
from sphinx_bookreview.cli.naming import MAX_STEM

GOODREADS_24 = [
    "Book Id", "Title", "Author", "Author l-f", "Additional Authors", "ISBN", "ISBN13", "My Rating",
    "Average Rating", "Publisher", "Binding", "Number of Pages", "Year Published", "Original Publication Year",
    "Date Read", "Date Added", "Bookshelves", "Bookshelves with positions", "Exclusive Shelf", "My Review",
    "Spoiler", "Private Notes", "Read Count", "Owned Copies",
]  # fmt: skip
GOODREADS_31 = [
    *GOODREADS_24[:-1], "Recommended For", "Recommended By", "Owned Copies", "Original Purchase Date",
    "Original Purchase Location", "Condition", "Condition Description", "BCID",
]  # fmt: skip
#: The warnings' type and subtype at their end, on Sphinx 7.4 too (its
#: show_warning_types is off by default).
TYPED = ["-D", "show_warning_types=1"]
STORYGRAPH = [
    "Title", "Authors", "Contributors", "ISBN/UID", "Format", "Read Status", "Date Added", "Last Date Read",
    "Dates Read", "Read Count", "Moods", "Pace", "Character- or Plot-Driven?", "Strong Character Development?",
    "Loveable Characters?", "Diverse Characters?", "Flawed Characters?", "Star Rating", "Review",
    "Content Warnings", "Content Warning Description", "Tags", "Owned?",
]  # fmt: skip
#: Before re-reads were recorded: no ``Dates Read``, no ``Read Count``.
STORYGRAPH_OLD = [name for name in STORYGRAPH if name not in ("Dates Read", "Read Count")]


def goodreads(title: str, **values: str) -> dict[str, str]:
    """A Goodreads row as the export writes it; ``values`` by column name with ``_`` for spaces."""
    row = {
        "Book Id": str(abs(hash(title)) % 10**8),
        "Title": title,
        "Author": "Mara Quillfeather",
        "Author l-f": "Quillfeather, Mara",
        "ISBN": '=""',
        "ISBN13": '=""',
        "My Rating": "4",
        "Average Rating": "3.91",
        "Binding": "Paperback",
        "Date Added": "2023/01/02",
        "Exclusive Shelf": "read",
        "Spoiler": "false",
        "Read Count": "1",
        "Owned Copies": "0",
    }
    return row | {name.replace("_", " "): value for name, value in values.items()}


def storygraph(title: str, **values: str) -> dict[str, str]:
    row = {"Title": title, "Authors": "Ines Halloway", "Format": "paperback", "Read Status": "read"}
    row |= {"Date Added": "2023/01/02", "Star Rating": "4.0"}
    return row | {name.replace("_", " ").replace("ISBN UID", "ISBN/UID"): value for name, value in values.items()}


def export(path: Path, header: list[str], rows: list[dict[str, str]], *, excel: bool = False) -> Path:
    """The CSV file; ``excel`` as a spreadsheet saves it: byte-order mark and CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(header)
    for row in rows:
        assert set(row) <= set(header), set(row) - set(header)
        writer.writerow([row.get(column, "") for column in header])
    path.write_bytes(codecs.BOM_UTF8 * excel + out.getvalue().encode("utf-8"))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main(["import", *(str(arg) for arg in argv)])
    out, err = capsys.readouterr()
    return status, out, err


def option(path: Path, name: str) -> str:
    """An option's value in a written file (rst or MyST), ``""`` if not there."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith(f":{name}: "):
            return line.strip()[len(name) + 3 :].strip('"')
    return ""


# -- 1. ISBN from whichever Goodreads column is valid -------------------------------------


def test_isbn_from_whichever_column_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(
        tmp_path / "goodreads.csv",
        GOODREADS_24,
        [
            goodreads("Shop Barcode", ISBN13='="0785342510591"', ISBN='="0201510596"'),
            goodreads("Bad Ten", ISBN13='="9780306406157"', ISBN='="12345"'),
            goodreads("Both Bad", ISBN13='="0785342510591"', ISBN='="0306406153"'),
        ],
    )
    status, _, err = run(capsys, source, "--dir", tmp_path / "out")
    assert status == 0
    assert option(tmp_path / "out" / "shop-barcode.rst", "isbn") == "978-0-201-51059-1"
    assert option(tmp_path / "out" / "bad-ten.rst", "isbn") == "978-0-306-40615-7"
    assert option(tmp_path / "out" / "both-bad.rst", "isbn") == ""
    assert err == (
        f"warning: {source}, row 4 (Both Bad): invalid ISBN '0785342510591': one of the parts of the number are "
        "invalid or unknown; invalid ISBN '0306406153': the number's checksum or check digit is invalid; left out\n"
    )


# -- 2. spreadsheet damage ---------------------------------------------------------------


def test_isbns_a_spreadsheet_rewrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(
        tmp_path / "storygraph.csv",
        STORYGRAPH,
        [
            storygraph("Rounded Away", ISBN_UID="9.78031E+12"),
            storygraph("Lost Its Zero", ISBN_UID="306406152"),  # 0306406152 read as a number
            storygraph("Only On StoryGraph", ISBN_UID="b7e1c2d4-77aa-4c1e-9f00-3d2e1a0b9c8d"),
        ],
        excel=True,
    )
    status, _, err = run(capsys, source, "--dir", tmp_path / "out")
    assert status == 0
    assert err == (
        f"warning: {source}, row 2 (Rounded Away): ISBN '9.78031E+12' is in scientific notation "
        "(a spreadsheet saved it as a number): its last digits are lost; left out\n"
    )
    assert option(tmp_path / "out" / "rounded-away.rst", "isbn") == ""
    assert option(tmp_path / "out" / "lost-its-zero.rst", "isbn") == "978-0-306-40615-7"
    assert option(tmp_path / "out" / "only-on-storygraph.rst", "isbn") == ""


def test_excel_resaved_goodreads_export_month_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel (US) evaluated the ISBN formulas and wrote days as M/D/YYYY; one of them shows it."""
    source = export(
        tmp_path / "goodreads.csv",
        GOODREADS_31,
        [
            goodreads(
                "Ledger", ISBN13="9780201510591", ISBN="0201510596", Date_Read="1/15/2023", Date_Added="1/2/2023"
            ),
            goodreads("Orchard", ISBN13="9.78031E+12", ISBN="306406152", Date_Read="3/4/2023", Date_Added="2/1/2023"),
            goodreads("Winter", Date_Read="", Date_Added="12/24/2022", Exclusive_Shelf="currently-reading"),
        ],
        excel=True,
    )
    status, out, err = run(capsys, source, "--dir", tmp_path / "out", "--shelf", "read", "--shelf", "currently-reading")
    assert (status, err) == (0, "")
    assert out.startswith("3 rows: 3 created, 0 skipped, 0 failed")
    ledger, orchard, winter = (tmp_path / "out" / f"{name}.rst" for name in ("ledger", "orchard", "winter"))
    assert (option(ledger, "finished"), option(ledger, "isbn")) == ("2023-01-15", "978-0-201-51059-1")
    assert (option(orchard, "finished"), option(orchard, "isbn")) == ("2023-03-04", "978-0-306-40615-7")
    assert option(winter, "date") == "2022-12-24"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (["15/01/2023", "03/04/2023"], ["2023-01-15", "2023-04-03"]),  # UK, Spain: one first part > 12
        (["03.04.2023", "05.06.2023"], ["2023-04-03", "2023-06-05"]),  # Germany: dots are day first
        (["2023/04/03", "2023-06-05"], ["2023-04-03", "2023-06-05"]),  # the exports' own, and ISO
        (["4/3/2023", "6/25/2023"], ["2023-04-03", "2023-06-25"]),  # US: one second part > 12
    ],
)
def test_dates_decided_over_the_column(
    days: list[str], expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [goodreads(f"Book {n}", Date_Read=day) for n, day in enumerate(days)]
    status, _, err = run(capsys, export(tmp_path / "gr.csv", GOODREADS_24, rows, excel=True), "--dir", tmp_path)
    assert (status, err) == (0, "")
    assert [option(tmp_path / f"book-{n}.rst", "finished") for n in range(len(days))] == expected


def test_ambiguous_dates_get_one_warning_per_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        goodreads("Spring", Date_Read="3/4/2023", Date_Added="1/2/2023"),
        goodreads("Summer", Date_Read="5/6/2023", Date_Added="15/2/2023"),
        goodreads("Same Either Way", Date_Read="7/7/2023", Date_Added="1/3/2023"),
    ]
    source = export(tmp_path / "gr.csv", GOODREADS_24, rows, excel=True)
    status, _, err = run(capsys, source, "--dir", tmp_path / "out")
    assert status == 0
    assert err == (
        f"warning: {source}: column 'Date Read': 2 dates such as '3/4/2023' could be day/month or month/day, "
        "and no date in the column says which; left out (--date-order dmy or --date-order mdy reads them)\n"
    )
    spring = tmp_path / "out" / "spring.rst"
    assert (option(spring, "finished"), option(spring, "date")) == ("", "2023-02-01")  # Date Added is day first
    assert option(tmp_path / "out" / "same-either-way.rst", "finished") == "2023-07-07"
    status, _, err = run(capsys, source, "--dir", tmp_path / "mdy", "--date-order", "mdy")
    assert (status, err) == (0, "")
    assert option(tmp_path / "mdy" / "spring.rst", "finished") == "2023-03-04"
    assert option(tmp_path / "mdy" / "summer.rst", "date") == "2023-05-06"  # --date-order decides every column
    assert option(tmp_path / "mdy" / "summer.rst", "finished") == "2023-05-06"


def test_a_day_that_does_not_exist_in_the_order_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [goodreads("First", Date_Read="13/1/2023"), goodreads("Second", Date_Read="31/2/2023")]
    source = export(tmp_path / "gr.csv", GOODREADS_24, rows)
    assert run(capsys, source, "--dir", tmp_path)[2] == (
        f"warning: {source}, row 3 (Second): invalid date '31/2/2023': expected a real day, "
        "read as day/month/year; left out\n"
    )


@pytest.mark.parametrize("header", [STORYGRAPH, STORYGRAPH_OLD], ids=["new", "old"])
def test_storygraph_dates_a_spreadsheet_rewrote(
    header: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        storygraph("Reread", Dates_Read="6/1/2022-6/20/2022, 3/1/2023-3/14/2023", Last_Date_Read="3/14/2023"),
        storygraph("One Day", Dates_Read="2/2/2022", Last_Date_Read="2/2/2022", Date_Added="1/30/2022"),
    ]
    rows = [{name: value for name, value in row.items() if name in header} for row in rows]
    status, _, err = run(capsys, export(tmp_path / "sg.csv", header, rows, excel=True), "--dir", tmp_path)
    assert (status, err) == (0, "")
    reread = tmp_path / "reread.rst"
    if "Dates Read" in header:  # both readings (issue 14, item 9)
        assert option(reread, "reads") == "2022-06-01..2022-06-20; 2023-03-01..2023-03-14"
    else:
        assert (option(reread, "started"), option(reread, "finished")) == ("", "2023-03-14")
    assert option(tmp_path / "one-day.rst", "finished") == "2022-02-02"


# -- 5. series and editions from titles -------------------------------------------------------

SERIES_TITLES = {
    "Dune (Dune Chronicles, #1)": ("dune", "Dune", "Dune Chronicles #1", ""),
    "The Tin Sextant (Sextants, #0)": ("the-tin-sextant", "The Tin Sextant", "Sextants #0", ""),
    "Between Tides (Harbour Lights, #1.5)": ("between-tides", "Between Tides", "Harbour Lights #1.5", ""),
    "Harbour Lights Omnibus (Harbour Lights, #1-5)": ("harbour-lights-omnibus", None, "Harbour Lights #1-5", ""),
    "Los juegos del faro (El faro, nº 1)": ("los-juegos-del-faro", None, "El faro #1", ""),
    "La sombra del molino (Crónicas del molino, n.º 2) (Spanish Edition)": (
        "la-sombra-del-molino",
        "La sombra del molino",
        "Crónicas del molino #2",
        "es",
    ),
    "Cien noches de niebla (Edición española)": ("cien-noches-de-niebla", None, "", "es"),
    "Die Möwe von Sylt (Die Nordsee-Saga, Bd. 3)": (
        "die-mowe-von-sylt",
        "Die Möwe von Sylt",
        "Die Nordsee-Saga #3",
        "",
    ),
    "Der Leuchtturm (Küstenreihe Band 3) (German Edition)": (
        "der-leuchtturm",
        "Der Leuchtturm",
        "Küstenreihe #3",
        "de",
    ),
    "Le Phare (Les Gardiens, tome 3)": ("le-phare", "Le Phare", "Les Gardiens #3", ""),
    "Le Sel (Les Gardiens, t. 4)": ("le-sel", "Le Sel", "Les Gardiens #4", ""),
    "Il faro (I guardiani, vol. 2)": ("il-faro", "Il faro", "I guardiani #2", ""),
    "The Lamp (Keepers, Vol. 2)": ("the-lamp", "The Lamp", "Keepers #2", ""),
    "灯台守の夜 (灯台守, #2)": ("book-", "灯台守の夜", "灯台守 #2", ""),
}


@pytest.mark.parametrize("markup", ["rst", "md"])
def test_series_and_editions_from_titles(markup: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_title = "The Extraordinarily Long and Winding Account of a Lighthouse Keeper's " * 2 + "(Keepers, #9)"
    rows = [goodreads(title) for title in [*SERIES_TITLES, long_title, "Good Omens Again (Saga A, #1; Saga B, #3)"]]
    source = export(tmp_path / "gr.csv", GOODREADS_24, rows)
    status, _, err = run(capsys, source, "--dir", tmp_path, "--format", markup)
    assert status == 0
    assert err == (
        f"warning: {source}, row {len(rows) + 1} (Good Omens Again): also in the series 'Saga B #3': "
        "left out, a review names one series\n"
    )
    written = {path.stem: path for path in tmp_path.glob(f"*.{markup}")}
    for title, (stem, clean, series, language) in SERIES_TITLES.items():
        (path,) = [written[name] for name in written if name.startswith(stem)]
        first_line = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
        assert first_line == (clean or title.split(" (")[0]), title
        assert (option(path, "series"), option(path, "language")) == (series, language), title
    longest = max(written, key=len)
    assert len(longest) <= MAX_STEM
    assert longest == "the-extraordinarily-long-and-winding-account-of-a-lighthouse-keeper-s"  # cut at a word
    assert option(written[longest], "series") == "Keepers #9"


# -- 6. file names ------------------------------------------------------------------------------


def test_file_names_are_safe_and_never_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "site" / "reviews"
    target.mkdir(parents=True)
    (target / "About.rst").write_text("About this shelf\n================\n", encoding="utf-8")  # not a review
    (target / "atlas").mkdir()  # a folder: dirhtml would put both pages at atlas/index.html
    (target / "cover.jpg").write_bytes(b"")  # an image takes no page name
    titles = ["Search", "Index", "genindex", "Book-Author", "CON", "../../Escape", "..", "/etc/passwd", "About"]
    titles += ["Atlas", "Cover", "_static", "ABOUT"]
    source = export(tmp_path / "gr.csv", GOODREADS_24, [goodreads(title) for title in titles])
    status, out, err = run(capsys, source, "--dir", target)
    assert (status, err) == (0, "")
    assert out.startswith("13 rows: 13 created, 0 skipped, 0 failed")
    assert sorted(path.name for path in target.iterdir()) == [
        "About.rst",
        "about-2.rst",  # About.rst is a page, not this review (and "about" is "About" on macOS and Windows)
        "about-3.rst",  # ABOUT: another book of that title
        "atlas",
        "atlas-2.rst",
        "book-5ec1f7e7.rst",  # "..": no letters or digits
        "book-author-2.rst",
        "con-2.rst",
        "cover.jpg",
        "cover.rst",
        "escape.rst",
        "etc-passwd.rst",
        "genindex-2.rst",
        "index-2.rst",
        "search-2.rst",
        "static.rst",
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["gr.csv", "site"]
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == ["reviews"]
    # Importing again finds each book's own file, whatever its name became.
    status, out, _ = run(capsys, source, "--dir", target)
    assert out.startswith("13 rows: 0 created, 13 skipped (13 already there, --force overwrites)")


def test_names_are_unique_ignoring_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "Dune.md").write_text("# Dune\n\nMy notes on the film.\n", encoding="utf-8")
    source = export(
        tmp_path / "gr.csv", GOODREADS_24, [goodreads("Dune"), goodreads("DUNE", ISBN13='="9780306406157"')]
    )
    assert run(capsys, source, "--dir", tmp_path)[0] == 0
    assert sorted(path.name for path in tmp_path.glob("*.*")) == ["Dune.md", "dune-2.rst", "dune-3.rst", "gr.csv"]
    assert option(tmp_path / "dune-3.rst", "id") == "dune-2"  # the review ids are unique too


def test_a_book_already_there_in_another_case_keeps_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = export(tmp_path / "gr.csv", GOODREADS_24, [goodreads("Dune", My_Review="Sand.")])
    run(capsys, source, "--dir", tmp_path / "out")
    (tmp_path / "out" / "dune.rst").rename(tmp_path / "out" / "Dune.rst")
    status, out, _ = run(capsys, source, "--dir", tmp_path / "out", "--force")
    assert status == 0
    assert out.startswith("1 rows: 1 created (1 overwritten)")
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["Dune.rst"]


def test_a_field_over_the_csv_limit_fails_its_row_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = "A review that never ends.\n" * 6000  # 156,000 characters over many lines
    rows = [goodreads("Before"), goodreads("Endless", My_Review=huge), goodreads("After")]
    source = export(tmp_path / "gr.csv", GOODREADS_24, rows)
    status, out, err = run(capsys, source, "--dir", tmp_path / "out")
    assert status == 1
    assert err == (
        f"error: {source}, row 3: column 'My Review' holds 156,000 characters, more than the 131,072 "
        "a CSV field may hold (a quote left open?) (row skipped)\n"
    )
    assert out.startswith(f"3 rows: 2 created, 0 skipped, 1 failed; rst files in {tmp_path / 'out'}\n")
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["after.rst", "before.rst"]


def test_a_file_that_cannot_be_written_fails_its_row_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk refuses one file (full, or a name the file system will not take): that row fails, the rest go on."""
    write_text = Path.write_text

    def refuse(path: Path, *args: object, **kwargs: object) -> int:
        if path.name == "refused.rst":
            raise OSError(28, "No space left on device")
        return write_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", refuse)
    source = export(tmp_path / "gr.csv", GOODREADS_24, [goodreads("Refused"), goodreads("Written")])
    status, out, err = run(capsys, source, "--dir", tmp_path / "out")
    assert status == 1
    assert err == (
        f"error: {source}, row 2 (Refused): cannot write {tmp_path / 'out' / 'refused.rst'}: "
        "No space left on device (row skipped)\n"
    )
    assert out.startswith("2 rows: 1 created, 0 skipped, 1 failed")


# -- 7. the encoding hint, the same book twice ---------------------------------------------------------


def test_encoding_hint_names_another_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Japanese export saved as Shift JIS: neither UTF-8 nor cp1252 reads it, and the hint says so."""
    text = (tmp_path / "x.csv").name  # a name to keep the line short
    source = export(
        tmp_path / text,
        GOODREADS_24,
        [goodreads("灯台守の夜 (灯台守, #2)", Author="霧島 葵", My_Review="静かな夜、灯台の光。")],
    )
    source.write_bytes(source.read_bytes().decode("utf-8").encode("shift_jis"))
    status, _, err = run(capsys, source, "--dir", tmp_path / "out")
    assert (status, err.split("; ", 1)[1]) == (
        1,
        "export it again as UTF-8, or name its encoding with --encoding (e.g. --encoding shift_jis)\n",
    )
    status, _, err = run(capsys, source, "--dir", tmp_path / "out", "--encoding", "cp1252")
    assert err.startswith(f"sphinx-bookreview: error: {source}: not CP1252 text (byte 0x90 on line 2)")
    assert err.endswith("(e.g. --encoding shift_jis)\n")
    assert run(capsys, source, "--dir", tmp_path / "out", "--encoding", "shift_jis")[0] == 0
    (written,) = (tmp_path / "out").iterdir()
    assert written.read_text(encoding="utf-8").startswith("灯台守の夜\n")


def test_the_same_book_twice_in_one_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        goodreads("Dune", ISBN13='="9780306406157"'),
        goodreads("Emma", ISBN13='="9780201510591"'),
        goodreads("Dune (Dune Chronicles, #1)", ISBN='="0306406152"', Date_Read="2024/05/01"),
    ]
    source = export(tmp_path / "gr.csv", GOODREADS_24, rows)
    status, out, err = run(capsys, source, "--dir", tmp_path / "out")
    assert status == 0
    assert err == (
        f"warning: {source}, row 4 (Dune): the same book (ISBN 978-0-306-40615-7) as row 2 (Dune); both kept\n"
    )
    assert out.startswith("3 rows: 3 created")  # dune.rst and dune-2.rst: read twice, reviewed twice


def test_the_same_book_from_another_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = export(
        tmp_path / "gr.csv", GOODREADS_24, [goodreads("Dune (Dune Chronicles, #1)", ISBN13='="9780306406157"')]
    )
    assert run(capsys, first, "--dir", tmp_path / "out")[0] == 0
    rows = [
        storygraph("Dune", ISBN_UID="9780306406157"),  # same title and ISBN: the same file
        storygraph("Dune: Der Wüstenplanet", ISBN_UID="0306406152"),  # same ISBN, another title
    ]
    second = export(tmp_path / "sg.csv", STORYGRAPH, rows)
    status, out, err = run(capsys, second, "--dir", tmp_path / "out")
    assert status == 0
    assert err == (
        f"warning: {second}, row 3 (Dune: Der Wüstenplanet): the same book (ISBN 978-0-306-40615-7) as "
        f"{tmp_path / 'out' / 'dune.rst'}, a review already there; both kept\n"
    )
    assert out.startswith("2 rows: 1 created, 1 skipped (1 already there, --force overwrites)")


# -- 3. Goodreads' review markup: spoilers, links to books and authors ----------------------

#: A review as Goodreads exports it: its spoilers written out as the site shows them, and
#: the links its editor makes to a book ([b:...]) and an author ([a:...]).
LINKED_REVIEW = (
    "I loved the first half.<br /><br />(view spoiler)[The narrator was dead all along. (hide spoiler)]"
    "<br /><br />Compare [b:The Hollow Orchard|4821|The Hollow Orchard (Orchard Cycle, #2)|Mara Quillfeather|"
    "https://i.gr-assets.com/images/S/compressed.photo.goodreads.com/books/1.jpg|4711] and [b:A Book Not Here|999|"
    "A Book Not Here|Somebody Else|https://i.gr-assets.com/x.jpg|1]; more by [a:Mara Quillfeather|1234|"
    "Mara Quillfeather|https://i.gr-assets.com/a.jpg] and [a:Nobody Known|77|Nobody Known|https://x.example/a.jpg]."
    "<br /><br />And <spoiler>the <b>butler</b> did it</spoiler>, of course."
)


def goodreads_markup_rows() -> list[dict[str, str]]:
    return [
        goodreads("The Quiet Orchard (Orchard Cycle, #1)", My_Review=LINKED_REVIEW, Date_Read="2023/05/02"),
        goodreads("The Hollow Orchard (Orchard Cycle, #2)", **{"Book Id": "4821"}, Date_Read="2023/06/10"),
        goodreads("Salt Letters", My_Review="It ends with a wedding.<br/><br/>And a <i>funeral</i>.", Spoiler="true"),
    ]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("rst", [
            "   I loved the first half.",
            "   :spoiler:`The narrator was dead all along.`",
            "   Compare :book:`The Hollow Orchard <the-hollow-orchard>` and A Book Not Here; more by "
            ":book-author:`Mara Quillfeather` and Nobody Known.",
            "   And :spoiler:`the butler did it`, of course.",
        ]),
        ("md", [
            "I loved the first half.",
            "{spoiler}`The narrator was dead all along.`",
            "Compare {book}`The Hollow Orchard <the-hollow-orchard>` and A Book Not Here; more by "
            "{book-author}`Mara Quillfeather` and Nobody Known.",
            "And {spoiler}`the butler did it`, of course.",
        ]),
    ],
)  # fmt: skip
def test_goodreads_spoilers_and_links(
    markup: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = export(tmp_path / "goodreads.csv", GOODREADS_24, goodreads_markup_rows())
    assert run(capsys, source, "--dir", tmp_path, "--format", markup)[:3:2] == (0, "")
    text = (tmp_path / f"the-quiet-orchard.{markup}").read_text(encoding="utf-8")
    # The paragraphs after the heading and the directive's options.
    body = [paragraph.strip("\n") for paragraph in text.removesuffix("```\n").split("\n\n")[2:]]
    assert body == expected
    # The whole review marked as a spoiler (the Spoiler column) is a spoiler block.
    salt = (tmp_path / f"salt-letters.{markup}").read_text(encoding="utf-8")
    if markup == "rst":
        assert salt.endswith(
            "\n\n   .. bookreview-spoiler::\n\n      It ends with a wedding.\n\n      And a *funeral*.\n"
        )
    else:
        assert salt.startswith("# Salt Letters\n\n````{bookreview} Salt Letters\n")
        assert salt.endswith("\n\n```{bookreview-spoiler}\nIt ends with a wedding.\n\nAnd a *funeral*.\n```\n````\n")


# -- 4, 10. contributors keep their roles ---------------------------------------------------


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        ([], {"author": "Mara Quillfeather; Ada Lindqvist; Gideon Emery", "contributor": ""}),
        (["--additional-authors", "contributor"],
         {"author": "Mara Quillfeather", "contributor": "Ada Lindqvist; Gideon Emery"}),
    ],
)  # fmt: skip
def test_goodreads_additional_authors_mapping(
    mapping: list[str], expected: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Goodreads lists a translator or a narrator as an "additional author", with no role."""
    rows = [goodreads("Noches", Additional_Authors="Ada Lindqvist, Gideon Emery")]
    assert run(capsys, export(tmp_path / "gr.csv", GOODREADS_24, rows), "--dir", tmp_path, *mapping)[0] == 0
    assert {name: option(tmp_path / "noches.rst", name) for name in expected} == expected


def test_additional_authors_mapping_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = export(tmp_path / "gr.csv", GOODREADS_24, [goodreads("Noches")])
    status, _, err = run(capsys, source, "--additional-authors", "editor")
    assert status == 2
    assert "argument --additional-authors: unknown mapping 'editor': expected author or contributor" in err


def test_storygraph_contributors_keep_their_roles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    contributors = (
        "Gideon Emery (Narrator), Ken MacLeod (Foreword), Ada Lindqvist (Translator, Afterword), "
        "Theo Marsh (Contributor), Ivy Drawn (Illustrator), Cora Cover (Cover artist)"
    )
    rows = [storygraph("Noches", Contributors=contributors, Format="audio")]
    assert run(capsys, export(tmp_path / "sg.csv", STORYGRAPH, rows), "--dir", tmp_path)[:3:2] == (0, "")
    written = tmp_path / "noches.rst"
    assert {name: option(written, name) for name in ("narrator", "translator", "illustrator", "contributor")} == {
        "narrator": "Gideon Emery",
        "translator": "Ada Lindqvist",
        "illustrator": "Ivy Drawn",
        "contributor": "Ken MacLeod (Foreword); Ada Lindqvist (Afterword); Theo Marsh; Cora Cover (Cover artist)",
    }
    assert option(written, "format") == "audiobook"


@pytest.mark.parametrize(
    ("edition", "original", "expected"),
    [("2005", "1979", ("2005", "1979")), ("", "1979", ("1979", "")), ("1979", "1979", ("1979", ""))],
    ids=["later-edition", "only-the-first", "the-first"],
)
def test_goodreads_original_publication_beside_the_edition(
    edition: str, original: str, expected: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [goodreads("Hitchhiker", Year_Published=edition, Original_Publication_Year=original)]
    assert run(capsys, export(tmp_path / "gr.csv", GOODREADS_24, rows), "--dir", tmp_path)[0] == 0
    written = tmp_path / "hitchhiker.rst"
    assert (option(written, "published"), option(written, "original-published")) == expected


# -- 9. re-reads ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "reads", "finished"),
    [
        (goodreads("Twice", Read_Count="2", Date_Read="2023/05/02"), "..; ..2023-05-02", ""),
        (goodreads("Thrice", Read_Count="3"), "..; ..; ..", ""),
        (goodreads("Once", Read_Count="1", Date_Read="2023/05/02"), "", "2023-05-02"),
        (goodreads("Never Counted", Read_Count="0", Date_Read="2023/05/02"), "", "2023-05-02"),
    ],
    ids=["twice", "thrice-undated", "once", "zero"],
)
def test_goodreads_read_count(
    row: dict[str, str], reads: str, finished: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, export(tmp_path / "gr.csv", GOODREADS_24, [row]), "--dir", tmp_path)[:3:2] == (0, "")
    (written,) = tmp_path.glob("*.rst")
    assert (option(written, "reads"), option(written, "finished")) == (reads, finished)


@pytest.mark.parametrize(
    ("dates", "count", "reads"),
    [
        ("2022/06/01-2022/06/20, 2023/03/01-2023/03/14", "2", "2022-06-01..2022-06-20; 2023-03-01..2023-03-14"),
        ("2023/03/01-2023/03/14", "3", "..; ..; 2023-03-01..2023-03-14"),  # counted more than it lists
        ("2021/01/05, 2023/03/01-", "2", "..2021-01-05; 2023-03-01.."),  # a lone day; one still open
        ("2023/03/01-2023/03/14", "1", ""),
    ],
)
def test_storygraph_dates_read_are_readings(
    dates: str, count: str, reads: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [storygraph("Reread", Dates_Read=dates, Read_Count=count)]
    assert run(capsys, export(tmp_path / "sg.csv", STORYGRAPH, rows), "--dir", tmp_path)[:3:2] == (0, "")
    assert option(tmp_path / "reread.rst", "reads") == reads


@pytest.mark.parametrize(
    ("dates", "count", "reads", "days"),
    [
        # An earlier reading backwards: it stays a reading, without its days.
        ("2022/06/20-2022/06/01, 2023/03/01-2023/03/14", "2", "..; 2023-03-01..2023-03-14", ("", "")),
        # The last one backwards: read, days unknown, beside the earlier one.
        ("2021/01/01-2021/02/01, 2022/06/20-2022/06/01", "2", "2021-01-01..2021-02-01; ..", ("", "")),
        # The only one backwards: no days at all, rather than wrong ones.
        ("2022/06/20-2022/06/01", "1", "", ("", "")),
    ],
)
def test_readings_that_end_before_they_start_lose_their_days(
    dates: str, count: str, reads: str, days: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [storygraph("Muddled", Dates_Read=dates, Read_Count=count)]
    source = export(tmp_path / "sg.csv", STORYGRAPH, rows)
    status, _, err = run(capsys, source, "--dir", tmp_path)
    assert status == 0
    assert err == (
        f"warning: {source}, row 2 (Muddled): invalid reading '2022-06-20..2022-06-01': it ends before it starts; "
        "its days left out\n"
    )
    written = tmp_path / "muddled.rst"
    assert (option(written, "reads"), option(written, "started"), option(written, "finished")) == (reads, *days)


# -- every file written builds -W clean ---------------------------------------------------------------


def goodreads_rows(tag: str) -> list[dict[str, str]]:
    """The Goodreads rows above, their titles tagged: review ids are project-wide."""
    rows = [goodreads(title) for title in SERIES_TITLES]
    rows += [goodreads(title) for title in ["Search", "Index", "../../x", "CON", "The " + "Very " * 40 + "End"]]
    rows += [
        goodreads("Shop Barcode", ISBN13='="0785342510591"', ISBN='="0201510596"'),
        goodreads("Orchard", ISBN13="9.78031E+12", ISBN="306406152", Date_Read="3/4/2023", Date_Added="2/13/2023"),
        goodreads("Dune", ISBN13='="9780306406157"', Date_Read="15/01/2023"),
        *goodreads_markup_rows(),
        goodreads("Twice", Read_Count="2", Date_Read="5/2/2023", Additional_Authors="Ada Lindqvist"),
    ]
    # Book ids are the export's, so a link finds its book in the same export.
    return [row | {"Title": f"{tag} {row['Title']}"} for row in rows]


def storygraph_rows(tag: str, header: list[str]) -> list[dict[str, str]]:
    rows = [
        storygraph("Reread (Saga, #2)", Dates_Read="6/1/2022-6/20/2022, 3/1/2023-3/14/2023", ISBN_UID="9.78031E+12"),
        storygraph("Noches (Edición española)", Contributors="Ada Lindqvist (Translator)", Last_Date_Read="3/14/2023"),
        storygraph(
            "Ecos",
            Contributors="Gideon Emery (Narrator), Ken MacLeod (Foreword)",
            Format="audio",
            Dates_Read="1/5/2021-1/20/2021, 3/1/2023-",
            Read_Count="3",
            Read_Status="currently-reading",
        ),
    ]
    return [
        {name: value for name, value in row.items() if name in header} | {"Title": f"{tag} {row['Title']}"}
        for row in rows
    ]


def all_exports(folder: Path) -> list[tuple[Path, list[str]]]:
    """Every shape above in one project, with the options each needs."""
    folder.mkdir()
    return [
        (export(folder / "gr24.csv", GOODREADS_24, goodreads_rows("Today")), []),
        (export(folder / "gr31.csv", GOODREADS_31, goodreads_rows("Before"), excel=True), ["--date-order", "mdy"]),
        (export(folder / "sg.csv", STORYGRAPH, storygraph_rows("New", STORYGRAPH), excel=True), []),
        (export(folder / "sg-old.csv", STORYGRAPH_OLD, storygraph_rows("Old", STORYGRAPH_OLD)), []),
    ]


@pytest.mark.parametrize("markup", ["rst", "md"])
def test_every_written_review_builds_clean(markup: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["sphinx_bookreview", "myst_parser"]\nproject = "Shelf"\nhtml_baseurl = "https://shelf.example.org/"\n'
    )
    (source / "index.rst").write_text("Shelf\n=====\n", encoding="utf-8")
    for path, options in all_exports(tmp_path / "exports"):
        status = main(["import", str(path), "--dir", str(source / path.stem), "--format", markup, *options])
        assert status == 0, capsys.readouterr()
        assert main(["import", str(path), "--dir", str(source / path.stem), "--index", str(source / "index.rst")]) == 0
    capsys.readouterr()
    status = build_main(["-q", "-b", "html", *TYPED, str(source), str(tmp_path / "html")])
    # The exports share books on purpose (the import reports them: item 7);
    # in one project, two reviews of one ISBN are the one thing the build
    # warns about (item 13), and nothing else.
    warnings = capsys.readouterr().err.splitlines()
    assert status == 0
    assert warnings
    assert [
        line
        for line in warnings
        if not re.search(r"WARNING: review '.+' has the ISBN .+ \[bookreview\.duplicate\]$", line)
    ] == []
    assert len(list((tmp_path / "html" / "gr24").glob("*.html"))) == len(SERIES_TITLES) + 12
    # Goodreads' links became links to the book's review and the author's entry; spoilers, controls.
    linking = (tmp_path / "html" / "gr24" / "today-the-quiet-orchard.html").read_text(encoding="utf-8")
    assert 'href="today-the-hollow-orchard.html#today-the-hollow-orchard"' in linking
    assert 'href="../book-author.html#cap-Mara%C2%A0Quillfeather"' in linking
    assert linking.count('class="bookreview-spoiler-toggle"') == 2
