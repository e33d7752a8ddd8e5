"""The command line itself: entry points, help, exit codes, one-line errors, ``new``."""

from __future__ import annotations

import ast
import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_bookreview.cli import main
from sphinx_bookreview.model import review_id

ROOT = Path(__file__).parent.parent
TODAY = datetime.date.today().isoformat()


def no_project(directory: Path) -> str:
    return (
        f"next: no conf.py in {directory} or above it: put the review files in a Sphinx project "
        "(sphinx-quickstart makes one) and list them in a toctree of its root document\n"
    )


def run_module(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "sphinx_bookreview", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["import", "--help"]])
def test_help_for_every_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: sphinx-bookreview")
    assert "--format {rst,md}" in out or argv == ["--help"]


def test_top_level_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--help"])
    out = capsys.readouterr().out
    assert "new" in out
    assert "turn a Goodreads or StoryGraph library export into review files" in out


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = run_module("new", "The Tin Sextant", "--dir", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == f"wrote {Path('out', 'the-tin-sextant.rst')}\n" + no_project(Path("out"))
    assert (tmp_path / "out" / "the-tin-sextant.rst").is_file()


def test_failure_is_one_line_without_traceback(tmp_path: Path) -> None:
    result = run_module("import", "missing.csv", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "sphinx-bookreview: error: missing.csv: no such file\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "sphinx-bookreview: error: the following arguments are required: COMMAND (see sphinx-bookreview --help)"),
        (
            ["new", "A Book", "--format", "txt"],
            "sphinx-bookreview new: error: argument --format: unknown format 'txt': expected rst or md "
            "(see sphinx-bookreview new --help)",
        ),
        (
            ["import", "x.csv", "--from", "librarything"],
            "sphinx-bookreview import: error: argument --from: unknown export 'librarything': "
            "expected goodreads or storygraph (see sphinx-bookreview import --help)",
        ),
        (
            ["import", "x.csv", "--encoding", "klingon"],
            "sphinx-bookreview import: error: argument --encoding: unknown encoding 'klingon' "
            "(see sphinx-bookreview import --help)",
        ),
        (
            ["new", "A Book", "--isbn", "978-0-306-40615-8"],
            "sphinx-bookreview new: error: argument --isbn: invalid ISBN '978-0-306-40615-8': "
            "the number's checksum or check digit is invalid (see sphinx-bookreview new --help)",
        ),
    ],
)
def test_usage_errors_are_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err == message + "\n"


# -- new -----------------------------------------------------------------------

HINTS = """\
:author: First Author; Second Author
:rating: 4.5
:started: 2024-01-31
:finished: 2024-02-14
:published: 2019
:publisher: A Publisher
:pages: 320
:format: hardcover, paperback, ebook or audiobook
:tags: a tag, another tag
:verdict: One sentence for listings and feeds.
:why-picked-up: What made you start it.
:why-finished: What kept you reading.
:give-to: Who should read it.
"""


def test_new_rst_stub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "The Tin Sextant", "--isbn", "0-306-40615-2", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "the-tin-sextant.rst"
    assert capsys.readouterr().out == f"wrote {path}\n" + no_project(tmp_path)
    hints = "".join(f"      {line}\n" for line in HINTS.splitlines())
    assert path.read_text(encoding="utf-8") == (
        "The Tin Sextant\n"
        "===============\n"
        "\n"
        ".. bookreview:: The Tin Sextant\n"
        "   :isbn: 978-0-306-40615-7\n"
        f"   :date: {TODAY}\n"
        "   :status: reading\n"
        "\n"
        "   ..\n"
        "      Fill in what you know: move each line you need up into the options above,\n"
        "      with your value. Then replace this comment with your review.\n"
        "\n" + hints
    )


def test_new_md_stub(tmp_path: Path) -> None:
    assert main(["new", "The Tin Sextant", "--format", "md", "--dir", str(tmp_path)]) == 0
    hints = "".join(f"% {line}\n" for line in HINTS.splitlines())
    assert (tmp_path / "the-tin-sextant.md").read_text(encoding="utf-8") == (
        "# The Tin Sextant\n"
        "\n"
        "```{bookreview} The Tin Sextant\n"
        f":date: {TODAY}\n"
        ":status: reading\n"
        "\n"
        "% Fill in what you know: move each line you need up into the options above,\n"
        "% with your value. Then replace this comment with your review.\n"
        "%\n" + hints + "```\n"
    )


def test_new_title_without_a_docutils_id_gets_its_id_written(tmp_path: Path) -> None:
    """``make_id("2041")`` is empty: the file keeps the digits, and the
    directive's default id, ``book-2041``, is written, so the source shows
    what links to it; so is the digest id of a title in another script,
    which nobody could guess from the title."""
    assert main(["new", "2041", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "2041.rst").read_text(encoding="utf-8")
    assert ".. bookreview:: 2041\n   :id: book-2041\n   :date: " in text
    assert main(["new", "三体", "--dir", str(tmp_path), "--format", "md"]) == 0
    text = (tmp_path / "book-9f4c311a.md").read_text(encoding="utf-8")
    assert "```{bookreview} 三体\n:id: book-9f4c311a\n:date: " in text
    assert review_id("三体") == "book-9f4c311a"  # the directive's own default: the file says what it is


def test_new_title_with_a_docutils_id_gets_no_id_line(tmp_path: Path) -> None:
    """The id a reader tells from the title (docutils' slug of it) is not written."""
    assert main(["new", "Ça ira", "--dir", str(tmp_path)]) == 0
    assert ":id:" not in (tmp_path / "ca-ira.rst").read_text(encoding="utf-8")


def test_new_escapes_a_title_that_looks_like_markup(tmp_path: Path) -> None:
    assert main(["new", "* Asterisk Gardens", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "asterisk-gardens.rst").read_text(encoding="utf-8")
    assert text.startswith("\\* Asterisk Gardens\n===================\n\n.. bookreview:: * Asterisk Gardens\n")


def test_new_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "the-tin-sextant.md"
    mine = "# The Tin Sextant\n\n```{bookreview} The Tin Sextant\nMine.\n```\n"
    existing.write_text(mine, encoding="utf-8")
    assert main(["new", "The Tin Sextant", "--dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"sphinx-bookreview: error: {existing} already exists; pass --force to overwrite it\n"
    )
    assert existing.read_text(encoding="utf-8") == mine
    assert main(["new", "The Tin Sextant", "--format", "md", "--force", "--dir", str(tmp_path)]) == 0
    assert existing.read_text(encoding="utf-8").startswith(
        "# The Tin Sextant\n\n```{bookreview} The Tin Sextant\n:date:"
    )


def test_new_force_replaces_the_file_in_the_other_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sphinx would read ``x.md`` and ``x.rst`` as two documents with one id: a ``duplicate``."""
    assert main(["new", "The Tin Sextant", "--format", "md", "--dir", str(tmp_path)]) == 0
    md, rst = tmp_path / "the-tin-sextant.md", tmp_path / "the-tin-sextant.rst"
    assert capsys.readouterr().out == f"wrote {md}\n" + no_project(tmp_path)
    assert main(["new", "The Tin Sextant", "--dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"sphinx-bookreview: error: {md} already exists; pass --force to overwrite it\n"
    assert main(["new", "The Tin Sextant", "--force", "--dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"replaced {md} with {rst}\n" + no_project(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["the-tin-sextant.rst"]
    assert rst.read_text(encoding="utf-8").startswith("The Tin Sextant\n===============\n")


def test_new_empty_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "  ", "--dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "sphinx-bookreview: error: the title is empty\n"


def test_unwritable_directory_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert main(["new", "A Book", "--dir", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sphinx-bookreview: error: cannot write {blocker / 'sub' / 'a-book.rst'}: ")
    assert err.count("\n") == 1


def test_the_cli_imports_only_the_model_and_the_standard_library() -> None:
    """The command line must not depend on Sphinx, the directive or the domain."""
    allowed = set(sys.stdlib_module_names) | {"sphinx_bookreview"}
    for path in (ROOT / "sphinx_bookreview" / "cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"
                if name.startswith("sphinx_bookreview"):
                    # The package itself only for its version: its __init__ imports nothing of Sphinx.
                    assert name in {"sphinx_bookreview", "sphinx_bookreview.model"} or name.startswith(
                        "sphinx_bookreview.cli"
                    ), f"{path.name} imports {name}"
