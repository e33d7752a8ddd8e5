"""What the extension writes into LaTeX compiles with every engine a
Western project picks (``latex_engine``): pdflatex (Sphinx's default),
xelatex and lualatex, with the extension's labels in English, German and
French; no glyph is lost, and a rating in a heading gives the PDF's
bookmark its text form. The project uses every part that writes LaTeX:
the card with full, half and empty stars, reading dates, series and ISBN;
spoilers, inline and as a block; the ``:rating:`` role in a heading;
listings as a list, a table and cards; the statistics; the domain's index
pages. Its own text keeps to what pdflatex reads by default (accented
letters, curly quotes): a character beyond that is the project's to
declare (``latex_elements``), as in any Sphinx project.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from projects import compiled_pdf, sphinx_build, write_files

if TYPE_CHECKING:
    from pathlib import Path

PROJECT = {
    "conf.py": 'project = "Engines"\nextensions = ["sphinx_bookreview"]\nshow_warning_types = True\n',
    "index.rst": """\
Engines
=======

The best of the year :rating:`4.5`
----------------------------------

.. bookreview:: The Tin Sextant
   :id: sextant
   :subtitle: A “sea” story
   :author: Ines Harrow; Élodie Brûlé
   :isbn: 0-306-40615-2
   :series: Coastal Walks #2
   :pages: 320
   :rating: 4.5
   :reads: 2021-03-01..2021-03-14; 2024-01-05.. (abandoned)
   :date: 2024-03-01
   :tags: sea-stories
   :verdict: A quiet book about navigation.
   :give-to: Anyone who likes :spoiler:`a twist`.

   The body, and :spoiler:`the ending`. See :book:`night-watch`.

   .. bookreview-spoiler:: The ending

      The ship sinks.

.. bookreview:: Night Watch
   :id: night-watch
   :author: Kit Ashdown
   :rating: 3
   :started: 2023-01-01
   :finished: 2023-01-20
   :status: read
   :date: 2023-02-01
   :tags: sea-stories

As a list
---------

.. bookreview-list::
   :layout: list

As a table
----------

.. bookreview-list::
   :layout: table
   :columns: title, author, rating, date, series, progress, status

As cards
--------

.. bookreview-list::
   :layout: cards

In numbers
----------

.. bookreview-stats::
""",
}
#: Each engine once, with one of the languages the extension has labels in:
#: English, German (umlauts) and French (accents, apostrophes, and the
#: space babel puts before ``:`` ``;`` ``!`` ``?`` with pdflatex); the
#: default engine also in English. Some 25 s in all, lualatex the slowest.
CASES = [("pdflatex", "en"), ("pdflatex", "fr"), ("xelatex", "de"), ("lualatex", "fr")]


def bookmarks(out: Path) -> list[str]:
    """The PDF's bookmarks, as hyperref writes them to ``<name>.out``:
    UTF-16 with a byte-order mark, in octal escapes."""
    titles = re.findall(
        r"^\\BOOKMARK \[\d+\]\[-?\]\{[^}]*\}\{(.*)\}\{[^}]*\}% \d+$", out.read_text(encoding="ascii"), re.MULTILINE
    )
    raw = (re.sub(r"\\([0-7]{3})", lambda octal: chr(int(octal[1], 8)), title) for title in titles)
    return [text.encode("latin-1").decode("utf-16") for text in raw]


@pytest.mark.latex
@pytest.mark.parametrize(("engine", "language"), CASES)
def test_pdf_compiles_with_every_engine(engine: str, language: str, tmp_path: Path) -> None:
    srcdir = write_files(tmp_path / "src", PROJECT)
    app = sphinx_build(srcdir, "latex", confoverrides={"latex_engine": engine, "language": language})
    assert app.warning.getvalue() == ""
    pdf = compiled_pdf(app.outdir, "engines", tmp_path / "pdf", engine)
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    # A glyph the fonts lack leaves only this line in the log; a math star
    # in a bookmark, a warning there and a bookmark without it.
    assert "Missing character" not in log
    assert "Token not allowed in a PDF string" not in log
    rating = "4.5/5" if language == "en" else "4,5/5"  # the language's decimal sign
    assert f"The best of the year ★★★★½ ({rating})" in bookmarks(pdf.with_suffix(".out"))
    if shutil.which("pdftotext"):  # poppler-utils, which has pdffonts too
        text = " ".join(
            subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout.split()
        )
        assert f"½ ({rating})" in text
        assert "978-0-306-40615-7" in text
        assert "Élodie Brûlé" in text
        # The stars are amssymb's, drawn from its symbol font. (lualatex gives
        # that Type 1 font no Unicode map: pdftotext reads its stars as "F".)
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
        assert "+MSAM10 " in fonts
