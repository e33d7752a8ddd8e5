"""Unit tests of the pure parsers in :mod:`sphinx_bookreview.model`."""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
from docutils.nodes import make_id

from sphinx_bookreview.extension import ENV_VERSION
from sphinx_bookreview.model import (
    InvalidValue,
    Problem,
    Reading,
    Review,
    is_url,
    mask_spoilers,
    number,
    parse_asin,
    parse_contributors,
    parse_count,
    parse_date,
    parse_isbn,
    parse_language,
    parse_pages,
    parse_progress,
    parse_rating,
    parse_reads,
    parse_review,
    parse_series,
    parse_url,
    review_id,
    round_to_step,
    split_names,
    split_tags,
)

QUICK = ("why-picked-up", "why-finished", "give-to")
ID_RULE = "ids are lowercase letters, digits and hyphens"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9780306406157", "978-0-306-40615-7"),
        ("978-0-306-40615-7", "978-0-306-40615-7"),
        ("978 0 306 40615 7", "978-0-306-40615-7"),
        ("0306406152", "978-0-306-40615-7"),  # ISBN-10 shown as ISBN-13
        ("0-306-40615-2", "978-0-306-40615-7"),
        ("080442957X", "978-0-8044-2957-3"),  # check digit X
        ("080442957x", "978-0-8044-2957-3"),
    ],
)
def test_isbn_valid(text: str, expected: str) -> None:
    assert parse_isbn(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9780306406158", "the number's checksum or check digit is invalid"),
        ("0306406153", "the number's checksum or check digit is invalid"),
        ("12345", "the number has an invalid length"),
        ("97803064061x7", "the number has an invalid format"),
        ("", "the number has an invalid format"),
    ],
)
def test_isbn_invalid(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_isbn(text)
    assert caught.value.subtype == "isbn"
    assert str(caught.value) == f"invalid ISBN {text!r}: {reason}"


@pytest.mark.parametrize("text", ["2024", "2024-02", "2024-02-29", " 1999-12-31 "])
def test_partial_dates(text: str) -> None:
    assert parse_date(text, partial=True) == text.strip()


@pytest.mark.parametrize(
    "text", ["2023-02-29", "2024-13", "24", "2024/02/01", "2024-2-1", "March 2024", "20240201", ""]
)
def test_partial_dates_invalid(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(text, partial=True)
    assert caught.value.subtype == "date"
    assert str(caught.value) == f"invalid date {text.strip()!r}: expected a real date as YYYY, YYYY-MM or YYYY-MM-DD"


def test_full_dates() -> None:
    assert parse_date("2024-02-29") == "2024-02-29"


@pytest.mark.parametrize("text", ["2024", "2024-02", "2024-02-30"])
def test_full_dates_invalid(text: str) -> None:
    with pytest.raises(InvalidValue, match=r"^invalid date '.*': expected a real date as YYYY-MM-DD$"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "scale", "expected"),
    [
        ("4", 5, 4.0),
        ("4.5", 5, 4.5),
        ("0", 5, 0.0),
        ("5", 5, 5.0),
        ("4.5/5", 5, 4.5),
        ("8/10", 5, 4.0),
        ("8 / 10", 5, 4.0),
        ("3/5", 10, 6.0),
        ("7", 10, 7.0),
        ("2/3", 5, 3.333333),  # rescaled exactly, not to the step
        ("4.3", 5, 4.3),
    ],
)
def test_rating(text: str, scale: float, expected: float) -> None:
    assert parse_rating(text, scale) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("6", "invalid rating '6': must be between 0 and 5"),
        ("11/10", "invalid rating '11/10': must be between 0 and 10"),
        ("4/0", "invalid rating '4/0': a rating out of 0 means nothing"),
        ("-1", "invalid rating '-1': expected a number such as 4, 4.5, 4.5/5 or 8/10"),
        ("four", "invalid rating 'four': expected a number such as 4, 4.5, 4.5/5 or 8/10"),
        ("4.5/5/5", "invalid rating '4.5/5/5': expected a number such as 4, 4.5, 4.5/5 or 8/10"),
    ],
)
def test_rating_invalid(text: str, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_rating(text, 5)
    assert (caught.value.subtype, str(caught.value)) == ("rating", message)


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [(4.3, 0.5, 4.5), (4.2, 0.5, 4.0), (4.25, 0.5, 4.5), (4.3, 1, 4), (4.5, 1, 5), (3.333333, 0.25, 3.25), (0, 0.5, 0)],
)
def test_round_to_step(value: float, step: float, expected: float) -> None:
    assert round_to_step(value, step) == expected


def test_number() -> None:
    assert [number(4.0), number(4.5), number(10), number(0.25)] == ["4", "4.5", "10", "0.25"]


@pytest.mark.parametrize("text", ["1", "368", " 12 "])
def test_pages(text: str) -> None:
    assert parse_pages(text) == int(text)


@pytest.mark.parametrize("text", ["0", "-3", "12.5", "many", "1e3", "\u0663", "\u00b2", "\uff11\uff12"])
def test_pages_invalid(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_pages(text)
    assert caught.value.subtype == "option"
    assert str(caught.value) == f"invalid page count {text!r}: expected a positive whole number"


def test_count_says_what_is_done_instead() -> None:
    assert parse_count("7", "limit", "listing every review") == 7
    with pytest.raises(InvalidValue) as caught:
        parse_count("0", "limit", "listing every review")
    assert str(caught.value) == "invalid limit '0': expected a positive whole number; listing every review"


@pytest.mark.parametrize("text", ["https://example.org/", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG"])
def test_url(text: str) -> None:
    assert parse_url(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "ftp://example.org/",
        "file:///etc/passwd",
        "//example.org/",
        "example.org",
        "https://",
        "https://exa mple.org/",
        "vbscript:msgbox",
    ],
)
def test_url_refused(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_url(text)
    assert caught.value.subtype == "url"
    assert str(caught.value) == f"refused URL {text!r}: only absolute http and https URLs are allowed"


@pytest.mark.parametrize(("text", "expected"), [("https://x.org/c.jpg", True), ("javascript:x", True),
                                                ("covers/c.jpg", False), ("C:\\covers\\c.jpg", False),
                                                ("../c.jpg", False)])  # fmt: skip
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_language() -> None:
    assert [parse_language(c) for c in ("en", "pt-BR", "zh-Hant-TW", "gsw")] == ["en", "pt-BR", "zh-Hant-TW", "gsw"]
    with pytest.raises(InvalidValue, match=r"^invalid language 'English': expected a BCP 47 code such as en or pt-BR$"):
        parse_language("English")


def test_names_and_tags() -> None:
    assert split_names("Rhodes, Brandon; John Goerzen;; Rhodes, Brandon ") == ("Rhodes, Brandon", "John Goerzen")
    assert split_tags("python, networking,,python , ") == ("python", "networking")


def test_series() -> None:
    assert parse_series("Discworld #3") == ("Discworld", 3, None)
    assert parse_series("Discworld#12") == ("Discworld", 12, None)
    assert parse_series("The Expanse") == ("The Expanse", None, None)


@pytest.mark.parametrize(
    ("text", "expected", "position"),
    [
        ("Sextants #0", ("Sextants", 0, None), "0"),
        ("Harbour Lights #1.5", ("Harbour Lights", 1.5, None), "1.5"),
        ("Harbour Lights #1-5", ("Harbour Lights", 1, 5), "1-5"),
        ("Harbour Lights # 1 \u2013 5", ("Harbour Lights", 1, 5), "1-5"),
        ("Laundry Files #2.5-3.5", ("Laundry Files", 2.5, 3.5), "2.5-3.5"),
        ("Laundry #02", ("Laundry", 2, None), "2"),
        ("Catch #22 and #3 more", ("Catch #22 and #3 more", None, None), ""),  # no number at the end: all name
        # Written back as written, not in six significant digits (123456, 1e+06).
        ("Chronicle #123456.5", ("Chronicle", 123456.5, None), "123456.5"),
        ("Chronicle #999999.999-1000000", ("Chronicle #999999.999-1000000", None, None), ""),  # 7 digits: a name
        ("Saga #999999999.999999999", ("Saga #999999999.999999999", None, None), ""),  # a float would round it
    ],
)
def test_series_numbers(text: str, expected: tuple[str, float | None, float | None], position: str) -> None:
    assert parse_series(text) == expected
    assert all(type(n) is int for n in expected[1:] if n is not None and n == int(n))  # 2, not 2.0
    name, first, last = expected
    assert (
        Review(id="x", title="X", series=name, series_number=first, series_number_end=last).series_position == position
    )


def test_series_range_goes_up() -> None:
    with pytest.raises(InvalidValue, match=r"^invalid series 'Saga #5-1': a range of numbers goes up, such as #5-6$"):
        parse_series("Saga #5-1")


def test_contributors_keep_their_roles() -> None:
    assert parse_contributors("Ken MacLeod (Introduction); Jane Doe ; Ann  (Cover   art);; Jane Doe") == (
        ("Ken MacLeod", "Introduction"), ("Jane Doe", ""), ("Ann", "Cover art"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B0036WT4SA", "B0036WT4SA"),
        (" b00zva3xl6 ", "B00ZVA3XL6"),
        ("0306406152", "0306406152"),
        ("080442957x", "080442957X"),
        ("0-306-40615-2", "0306406152"),  # an ISBN-10 as an ISBN is written
        ("0 306 40615 2", "0306406152"),
    ],
)
def test_asin(text: str, expected: str) -> None:
    assert parse_asin(text) == expected


@pytest.mark.parametrize(
    "text", ["B1036WT4SA", "B0036WT4S", "B0036WT4SAX", "0306406153", "9780306406157", "B0036-WT4S"]
)
def test_asin_invalid(text: str) -> None:
    expected = "expected B0 and eight letters or digits, such as B00ZVA3XL6, or an ISBN-10"
    with pytest.raises(InvalidValue, match=rf"^invalid ASIN {re.escape(repr(text))}: {expected}$"):
        parse_asin(text)


@pytest.mark.parametrize(
    ("text", "expected", "percent"),
    [("38%", "38%", 38.0), ("38.5 %", "38.5%", 38.5), ("0%", "0%", 0.0), ("100%", "100%", 100.0),
     ("120/350", "120/350", 34.29), (" 0120 / 350 ", "120/350", 34.29), ("350/350", "350/350", 100.0)],
)  # fmt: skip
def test_progress(text: str, expected: str, percent: float) -> None:
    assert parse_progress(text) == expected
    assert Review(id="x", title="X", progress=expected).progress_percent == percent


EXPECTED_PROGRESS = "expected a percentage such as 38% or a page of the pages such as 120/350"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("101%", "more than 100%"), ("351/350", "page 351 is beyond the book's 350 pages"),
        *((text, EXPECTED_PROGRESS) for text in ["38", "120/0", "-5%", "half", "1/2/3", "3,5%"]),
    ],
)  # fmt: skip
def test_progress_invalid(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=rf"^invalid progress {re.escape(repr(text))}: {re.escape(reason)}$"):
        parse_progress(text)


def test_reads() -> None:
    assert parse_reads("2015-02-01..2015-03-01; ..2019-05-10 ; 2024-01-05..;") == (
        Reading("2015-02-01", "2015-03-01"), Reading("", "2019-05-10"), Reading("2024-01-05", ""),
    )  # fmt: skip
    assert parse_reads("..; 2024-01-05.. (Abandoned)", "reading") == (
        Reading("", "", "read"),
        Reading("2024-01-05", "", "abandoned"),
    )
    assert parse_reads(".. ; 2024-01-05..", "reading")[-1] == Reading("2024-01-05", "", "reading")


@pytest.mark.parametrize(
    ("text", "subtype", "message"),
    [
        ("2024-01-05", "option", "invalid reading '2024-01-05': expected START..END, such as 2024-01-02..2024-02-10"),
        ("2024-02-01..2024-01-05", "date", "invalid reading '2024-02-01..2024-01-05': it ends before it starts"),
        ("2024-02-30..", "date", "invalid date '2024-02-30': expected a real date as YYYY-MM-DD"),
        ("2024..2025", "date", "invalid date '2024': expected a real date as YYYY-MM-DD"),
        ("..2024-01-05 (done)", "option", "invalid status 'done': expected one of read, reading, abandoned"),
    ],
)
def test_reads_invalid(text: str, subtype: str, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_reads(text)
    assert (caught.value.subtype, str(caught.value)) == (subtype, message)


def test_readings_and_their_years() -> None:
    once = Review(id="x", title="X", started="2023-12-20", finished="2024-01-03", date="2024-02-01")
    assert once.readings == (Reading("2023-12-20", "2024-01-03", "read"),)
    assert (once.finished_years, once.years) == ([2024], {2024})
    undated = Review(id="x", title="X", date="2022-05-01")
    assert (undated.finished_years, undated.years) == ([2022], {2022})
    abandoned = Review(id="x", title="X", status="abandoned", date="2022-05-01")
    assert (abandoned.finished_years, abandoned.years) == ([], {2022})
    reread, problems = parse_review(
        "X", {"reads": "2015-02-01..2015-03-01; ..; ..2019-05-10; 2019-12-30..2020-01-02", "date": "2020-02-01"}
    )
    assert problems == []
    # The undated second reading counts in no year; the last ends in 2020.
    assert (reread.finished_years, reread.years, reread.year) == ([2015, 2019, 2020], {2015, 2019, 2020}, 2020)
    rereading, _ = parse_review("X", {"reads": "..2019-05-10; 2024-01-05..", "status": "reading", "date": "2024-02-01"})
    assert (rereading.finished_years, rereading.years, rereading.status) == ([2019], {2019, 2024}, "reading")


def test_reads_give_the_latest_reading() -> None:
    review, problems = parse_review(
        "X",
        {"started": "2020-01-01", "reads": "2015-02-01..2015-03-01; 2024-01-05..", "status": "reading",
         "finished": "2020-02-01"},
    )  # fmt: skip
    assert (review.started, review.finished, review.status) == ("2024-01-05", "", "reading")
    assert review.reads == (Reading("2015-02-01", "2015-03-01"), Reading("2024-01-05", "", "reading"))
    assert problems == [
        Problem("option", ":started: is ignored beside :reads:, which gives every reading: "
                "write the latest one as its last entry", "started"),
        Problem("option", ":finished: is ignored beside :reads:, which gives every reading: "
                "write the latest one as its last entry", "finished"),
    ]  # fmt: skip


def test_the_last_reading_says_the_status() -> None:
    review, problems = parse_review("X", {"status": "read", "reads": "2024-01-05.. (abandoned)"})
    assert review.status == "abandoned"
    assert problems == [
        Problem("option", ":status: read and the last reading's status (abandoned) disagree; using abandoned", "status")
    ]
    review, problems = parse_review("X", {"reads": "2024-01-05.. (abandoned)"})
    assert (review.status, problems) == ("abandoned", [])


def test_a_bad_reads_option_leaves_the_one_period_form() -> None:
    review, problems = parse_review("X", {"reads": "soon", "started": "2024-01-01"})
    assert (review.reads, review.started) == ((), "2024-01-01")
    assert [p.option for p in problems] == ["reads"]


def test_progress_is_for_unfinished_books() -> None:
    review, problems = parse_review("X", {"progress": "38%"})
    assert review.progress == ""
    message = "progress is for an unfinished book (status reading or abandoned); ignored for a book read"
    assert problems == [Problem("option", message, "progress")]
    review, problems = parse_review("X", {"progress": "38%", "status": "abandoned"})
    assert (review.progress, problems) == ("38%", [])
    review, problems = parse_review("X", {"progress": "38%", "reads": "2024-01-01.. (reading)"})
    assert (review.progress, problems) == ("38%", [])


def test_rereview_of() -> None:
    review, problems = parse_review("X", {"id": "dune-2024", "rereview-of": "dune"})
    assert (review.rereview_of, problems) == ("dune", [])
    review, problems = parse_review("X", {"id": "dune", "rereview-of": "dune"})
    assert review.rereview_of == ""
    assert problems == [
        Problem("option", "a review cannot be a re-review of itself; :rereview-of: ignored", "rereview-of")
    ]
    _, problems = parse_review("X", {"rereview-of": "Dune 2019"})
    assert problems == [
        Problem("option", "invalid id 'Dune 2019': ids are lowercase letters, digits and hyphens, such as 'dune-2019'",
                "rereview-of")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The twist :spoiler:`Bruce is dead` stuns.", "The twist [spoiler] stuns."),
        ("Two: :spoiler:`a` and :spoiler:`b \\` c`.", "Two: [spoiler] and [spoiler]."),
        ("Suffix `the end`:spoiler: form.", "Suffix [spoiler] form."),
        ("MyST {spoiler}`Bruce` and {spoiler}``a ` b``.", "MyST [spoiler] and [spoiler]."),
        ("No spoiler, :book:`dune`.", "No spoiler, :book:`dune`."),
    ],
)
def test_spoilers_masked_in_option_text(text: str, expected: str) -> None:
    assert mask_spoilers(text, "[spoiler]") == expected


def test_review_id_is_docutils_make_id() -> None:
    assert review_id("The Pragmatic Programmer") == "the-pragmatic-programmer"
    assert review_id("C++: The Good Parts!") == "c-the-good-parts"
    assert review_id("Über Straße") == make_id("Über Straße")


def test_parse_review_every_option() -> None:
    options = {
        "id": "fopnp", "subtitle": "Sub", "author": "A One; B Two", "editor": "E", "translator": "T",
        "illustrator": "I", "edition": "2nd", "publisher": "Apress", "published": "2010-12",
        "isbn": "1430230037", "pages": "368", "format": "Paperback", "language": "en", "series": "S #2",
        "cover": "https://example.org/c.jpg", "url": "https://example.org", "rating": "9/10",
        "reviewer": "R", "date": "2024-03-01", "started": "2024-01-01", "finished": "2024-02-01",
        "status": "abandoned", "tags": "a, b", "verdict": "Good.", "disclosure": "Gift.",
        "why-picked-up": "Because *yes*.", "give-to": "You.", "narrator": "N One; N Two",
        "contributor": "C (Foreword)", "original-published": "1999", "asin": "B00ZVA3XL6", "series-url": "https://s.example",
        "progress": "38%", "rereview-of": "older",
    }  # fmt: skip
    review, problems = parse_review("Title", options, quick_keys=QUICK)
    assert problems == []
    assert review == Review(
        id="fopnp", title="Title", subtitle="Sub", authors=("A One", "B Two"), editors=("E",), translators=("T",),
        illustrators=("I",), narrators=("N One", "N Two"), contributors=(("C", "Foreword"),), edition="2nd",
        publisher="Apress", published="2010-12", original_published="1999", isbn="978-1-4302-3003-8",
        asin="B00ZVA3XL6", pages=368, format="paperback", language="en", series="S", series_number=2,
        series_url="https://s.example", cover="https://example.org/c.jpg", url="https://example.org", rating=4.5,
        reviewer="R", date="2024-03-01", started="2024-01-01", finished="2024-02-01", status="abandoned",
        progress="38%", tags=("a", "b"), verdict="Good.", disclosure="Gift.", rereview_of="older",
        answers=(("why-picked-up", "Because *yes*."), ("give-to", "You.")),
    )  # fmt: skip
    assert review.year == 2024
    assert pickle.loads(pickle.dumps(review)) == review
    assert review.as_dict()["answers"] == [["why-picked-up", "Because *yes*."], ["give-to", "You."]]


def test_parse_review_defaults() -> None:
    review, problems = parse_review("The Pragmatic Programmer", {}, default_reviewer="Me")
    assert problems == []
    assert (review.id, review.reviewer, review.status, review.rating, review.answers) == (
        "the-pragmatic-programmer", "Me", "read", None, ()
    )  # fmt: skip


def test_parse_review_answers_in_configured_order_only_answered() -> None:
    options = {"give-to": "You", "why-picked-up": "Chance", "why-finished": "  "}
    review, _problems = parse_review("T", options, quick_keys=QUICK)
    assert review.answers == (("why-picked-up", "Chance"), ("give-to", "You"))


def test_parse_review_keeps_what_is_valid() -> None:
    options = {"isbn": "123", "rating": "6", "published": "2024-13", "pages": "0", "url": "javascript:x",
               "format": "scroll", "status": "done", "id": "Not An Id", "colour": "red", "author": "A"}  # fmt: skip
    review, problems = parse_review("T", options, quick_keys=QUICK)
    assert review == Review(id="t", title="T", authors=("A",))
    assert problems == [
        Problem("isbn", "invalid ISBN '123': the number has an invalid length", "isbn"),
        Problem("rating", "invalid rating '6': must be between 0 and 5", "rating"),
        Problem("date", "invalid date '2024-13': expected a real date as YYYY, YYYY-MM or YYYY-MM-DD", "published"),
        Problem("option", "invalid page count '0': expected a positive whole number", "pages"),
        Problem("url", "refused URL 'javascript:x': only absolute http and https URLs are allowed", "url"),
        Problem("option", "invalid format 'scroll': expected one of hardcover, paperback, ebook, audiobook", "format"),
        Problem("option", "invalid status 'done': expected one of read, reading, abandoned", "status"),
        Problem("option", f"invalid id 'Not An Id': {ID_RULE}, such as 'not-an-id'", "id"),
        Problem("option", "unknown option :colour: (ignored)", "colour"),
    ]


def test_parse_review_rating_rescaled() -> None:
    assert parse_review("T", {"rating": "8/10"}, rating_scale=5)[0].rating == 4.0
    assert parse_review("T", {"rating": "4"}, rating_scale=10)[0].rating == 4.0


def test_parse_review_cover_by_isbn() -> None:
    template = "https://covers.example.org/b/isbn/{isbn}-M.jpg"
    review, _ = parse_review("T", {"isbn": "0-306-40615-2"}, cover_url=template)
    assert review.cover == "https://covers.example.org/b/isbn/9780306406157-M.jpg"
    review, _ = parse_review("T", {"isbn": "0-306-40615-2", "cover": "c.png"}, cover_url=template)
    assert review.cover == "c.png"


def test_parse_review_refuses_javascript_cover() -> None:
    review, problems = parse_review("T", {"cover": "javascript:alert(1)"})
    assert review.cover == ""
    assert problems == [
        Problem("url", "refused URL 'javascript:alert(1)': only absolute http and https URLs are allowed", "cover")
    ]


def test_parse_review_empty_values_are_ignored() -> None:
    review, problems = parse_review("T", {"isbn": "", "rating": None, "author": "  "})
    assert (review, problems) == (Review(id="t", title="T"), [])


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("1984", "book-1984"),
        ("日本語の本", "book-ccc766e5"),
        ("???", "book-a03b221c"),
        ("Code Complete", "code-complete"),
    ],
)
def test_every_title_gets_a_usable_id(title: str, expected: str) -> None:
    assert review_id(title) == expected


def test_a_rating_out_of_nothing_is_refused() -> None:
    with pytest.raises(InvalidValue, match=r"^invalid rating '0/0': a rating out of 0 means nothing$"):
        parse_rating("0/0", 5)


#: The fields of :class:`Review`, in order, with their defaults, as each
#: ``env_version`` of the extension stored them. Records pickle as their
#: non-default values under a bit mask of the fields (``Review.__reduce__``):
#: an environment stored with another layout would load wrong. Changing the
#: fields, their order or a default means a new entry here under a new
#: number, and that number as ``ENV_VERSION`` in ``extension.py``; never
#: edit an entry that is already here.
LAYOUTS = {
    2: [
        ("id", dataclasses.MISSING), ("title", dataclasses.MISSING), ("docname", ""), ("lineno", 0),
        ("source", ""), ("subtitle", ""), ("authors", ()), ("editors", ()), ("translators", ()),
        ("illustrators", ()), ("edition", ""), ("publisher", ""), ("published", ""), ("isbn", ""),
        ("pages", None), ("format", ""), ("language", ""), ("series", ""), ("series_number", None),
        ("cover", ""), ("url", ""), ("rating", None), ("reviewer", ""), ("date", ""), ("started", ""),
        ("finished", ""), ("status", "read"), ("tags", ()), ("verdict", ""), ("disclosure", ""), ("answers", ()),
    ],
    3: [
        ("id", dataclasses.MISSING), ("title", dataclasses.MISSING), ("docname", ""), ("lineno", 0),
        ("source", ""), ("subtitle", ""), ("authors", ()), ("editors", ()), ("translators", ()),
        ("illustrators", ()), ("edition", ""), ("publisher", ""), ("published", ""), ("isbn", ""),
        ("pages", None), ("format", ""), ("language", ""), ("series", ""), ("series_number", None),
        ("cover", ""), ("url", ""), ("rating", None), ("reviewer", ""), ("date", ""), ("started", ""),
        ("finished", ""), ("status", "read"), ("tags", ()), ("verdict", ""), ("verdict_text", ""),
        ("disclosure", ""), ("answers", ()),
    ],
    4: [
        ("id", dataclasses.MISSING), ("title", dataclasses.MISSING), ("docname", ""), ("lineno", 0),
        ("source", ""), ("subtitle", ""), ("authors", ()), ("editors", ()), ("translators", ()),
        ("illustrators", ()), ("edition", ""), ("publisher", ""), ("published", ""), ("isbn", ""),
        ("pages", None), ("format", ""), ("language", ""), ("series", ""), ("series_number", None),
        ("cover", ""), ("url", ""), ("rating", None), ("reviewer", ""), ("date", ""), ("started", ""),
        ("finished", ""), ("status", "read"), ("tags", ()), ("verdict", ""), ("verdict_text", ""),
        ("disclosure", ""), ("answers", ()),
        ("only", ()),
    ],
    5: [
        ("id", dataclasses.MISSING), ("title", dataclasses.MISSING), ("docname", ""), ("lineno", 0),
        ("source", ""), ("subtitle", ""), ("authors", ()), ("editors", ()), ("translators", ()),
        ("illustrators", ()), ("narrators", ()), ("contributors", ()), ("edition", ""), ("publisher", ""),
        ("published", ""), ("original_published", ""), ("isbn", ""), ("asin", ""), ("pages", None), ("format", ""),
        ("language", ""), ("series", ""), ("series_number", None), ("series_number_end", None), ("series_url", ""),
        ("cover", ""), ("url", ""), ("rating", None), ("reviewer", ""), ("date", ""), ("started", ""),
        ("finished", ""), ("reads", ()), ("status", "read"), ("progress", ""), ("tags", ()), ("verdict", ""),
        ("verdict_text", ""), ("disclosure", ""), ("rereview_of", ""), ("answers", ()),
        ("only", ()),
    ],
}  # fmt: skip


def test_a_changed_record_layout_bumps_the_env_version() -> None:
    assert max(LAYOUTS) == ENV_VERSION
    assert [(f.name, f.default) for f in dataclasses.fields(Review)] == LAYOUTS[ENV_VERSION]
    # A new number for a new layout, not for the same one again.
    assert len({repr(layout) for layout in LAYOUTS.values()}) == len(LAYOUTS)


#: Every field away from its default, "read" too.
EVERY_FIELD = Review(
    id="full", title="Full", docname="d", lineno=3, source="/src/part.rst.inc", subtitle="S", authors=("A",),
    editors=("E",), translators=("T",), illustrators=("I",), narrators=("N",), contributors=(("C", "Foreword"),),
    edition="2", publisher="P", published="2001", original_published="1990", isbn="978-0-306-40615-7",
    asin="B00ZVA3XL6", pages=9, format="ebook", language="en", series="Se", series_number=1.5,
    series_number_end=3, series_url="https://example.org/s", cover="/c.png", url="https://example.org", rating=0.0,
    reviewer="R", date="2024-01-01", started="2023-01-01", finished="2023-02-01",
    reads=(Reading("", "2020-01-01"), Reading("2023-01-01", "2023-02-01", "abandoned")), status="abandoned",
    progress="120/350", tags=("t",), verdict="*V*", verdict_text="V", disclosure="D", rereview_of="older",
    answers=(("give-to", "You"),), only=("html", "not epub"),
)  # fmt: skip


@pytest.mark.parametrize(
    "review",
    [Review(id="bare", title="Bare"), EVERY_FIELD, Review(id="zero", title="Zero", rating=0.0, status="read")],
    ids=["defaults", "every-field", "falsy-values"],
)
def test_records_survive_pickling(review: Review) -> None:
    assert pickle.loads(pickle.dumps(review)) == review
