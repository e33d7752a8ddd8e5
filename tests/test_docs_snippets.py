"""The README, the installation page, the getting-started and moving-in
guides and the contributing page, tested as written: their files and
commands, taken from the code blocks, written and run in a fresh folder the
way a reader would, every build ``-W``.

How the pages mark what a reader does:

- a code block with a ``:caption:`` is a file, the caption its path; a
  caption ``Add to the end of PATH`` or ``PATH, anywhere in the text`` is
  lines to add to an existing file; two files whose paths differ only by
  ``.rst``/``.md`` are alternatives (the guide says to pick one), and each
  is built;
- a ``console`` block holds commands: its lines starting with ``$ `` (a
  trailing backslash continues one on the next line, as in a shell), each
  followed by what it prints (the README's blocks have no prompts: every
  line is a command).

Installing is checked, not run: each ``pip install`` or ``python -m build``
must name this checkout, the wheel built from it, or the package's name on
PyPI; CI builds the wheel from the checkout and installs it (``.ci/run``,
``tools/user_install.py``).
"""

from __future__ import annotations

import fnmatch
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel.messages.pofile import read_po
from markdown_it import MarkdownIt
from test_cli_exports import GOODREADS_24, export, goodreads

import sphinx_bookreview

if TYPE_CHECKING:
    from collections.abc import Iterator

    from markdown_it.token import Token

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "guides" / "getting-started.rst"
INSTALLATION = ROOT / "docs" / "installation.rst"
#: How the pages name the reader's clone of the repository.
CLONE = "path/to/sphinx-bookreview"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
APPEND = "Add to the end of "
ANYWHERE = ", anywhere in the text"
ALTERNATIVES = (".rst", ".md")


@dataclass(frozen=True)
class Block:
    language: str
    text: str
    section: str
    caption: str = ""


# -- reading the pages --------------------------------------------------------

RST_DIRECTIVE = re.compile(r"(?P<indent> *)\.\. code-block:: *(?P<language>\S*) *")
RST_OPTION = re.compile(r" +:(?P<name>[\w-]+):(?: +(?P<value>.*))?")
RST_UNDERLINE = re.compile(r"([=\-~^\"'`#*+])\1+")


def rst_blocks(path: Path) -> list[Block]:
    """The ``code-block`` directives of a reStructuredText page, in order,
    each with the title of the section it is in."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, section = [], ""
    for number, line in enumerate(lines):
        below = lines[number + 1] if number + 1 < len(lines) else ""
        if line.strip() and not line[0].isspace() and RST_UNDERLINE.fullmatch(below) and len(below) >= len(line):
            section = line
        if directive := RST_DIRECTIVE.fullmatch(line):
            blocks.append(rst_block(lines[number + 1 :], directive, section))
    return blocks


def rst_block(lines: list[str], directive: re.Match[str], section: str) -> Block:
    """The directive's options, then its content: the lines indented more than it."""
    options = {}
    while lines and (option := RST_OPTION.fullmatch(lines[0])):
        options[option["name"]] = option["value"] or ""
        lines = lines[1:]
    content = []
    for line in lines:
        if line.strip() and len(line) - len(line.lstrip()) <= len(directive["indent"]):
            break
        content.append(line)
    text = textwrap.dedent("\n".join(content)).strip("\n") + "\n"
    return Block(directive["language"], text, section, options.get("caption", ""))


def markdown_tokens(path: Path) -> Iterator[tuple[str, Token]]:
    """``(section title, token)`` for every token of a Markdown page."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    section = ""
    for number, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[number + 1].content
        yield section, token


def md_blocks(path: Path) -> list[Block]:
    return [Block((token.info.split() or [""])[0], token.content, section)
            for section, token in markdown_tokens(path) if token.type == "fence"]  # fmt: skip


def md_roles(path: Path, section: str) -> list[str]:
    """The role examples written as inline code in a section of a Markdown page."""
    spans = [child.content for title, token in markdown_tokens(path) if title == section
             for child in token.children or [] if child.type == "code_inline"]  # fmt: skip
    return [span for span in spans if re.fullmatch(r":[\w-]+:`[^`]+`", span)]


def myst_role(role: str) -> str:
    """``:book:`id``` as MyST writes it: ``{book}`id```."""
    return re.sub(r"^:([\w-]+):", r"{\1}", role)


def transcript(block: Block) -> list[tuple[str, list[str]]]:
    """A console block's commands, each with the lines it prints."""
    lines = [line for line in block.text.splitlines() if line.strip()]
    if not any(line.startswith("$ ") for line in lines):
        return [(line, []) for line in lines]
    steps: list[tuple[str, list[str]]] = []
    continued = False
    for line in lines:
        if continued:
            steps[-1] = (steps[-1][0].removesuffix("\\").rstrip() + " " + line.strip(), steps[-1][1])
        elif line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
        continued = line.endswith("\\")
    return steps


def commands(block: Block) -> list[str]:
    return [command for command, _output in transcript(block)]


def in_section(blocks: list[Block], section: str) -> list[Block]:
    found = [block for block in blocks if block.section == section]
    assert found, f"no code block in the section {section!r}"
    return found


# -- doing what they say ---------------------------------------------------------


def is_install(argv: list[str]) -> bool:
    return argv[1:3] in (["-m", "pip"], ["-m", "build"])


def assert_installable(argv: list[str]) -> None:
    """What a ``pip install`` or ``python -m build`` command names exists:
    this checkout, the wheel ``python -m build`` makes of it, or the
    package's name (once on PyPI; ``build`` is the build tool), with
    extras (``.[test]``) the package declares."""
    targets = [arg for arg in argv[3:] if not arg.startswith("-") and arg != "install"]
    assert targets, argv
    wheel = f"{PROJECT.replace('-', '_')}-{sphinx_bookreview.__version__}-py3-none-any.whl"
    for named in targets:
        target, extras = re.fullmatch(r"(.+?)(?:\[([\w,-]+)\])?", named).groups()  # type: ignore[union-attr]
        if extras:  # declared, or pip only warns and installs without them
            declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
            assert set(extras.split(",")) <= set(declared["optional-dependencies"]), f"{named}: no such extra"
        if "/" not in target and target != ".":
            assert target in {PROJECT, "build"}, f"{shlex.join(argv)}: installs {target!r}, not {PROJECT!r}"
            continue
        path = target.replace(CLONE, ".", 1)
        if "*" in path:
            assert fnmatch.fnmatch(f"./dist/{wheel}", path), f"{target} does not name the wheel {wheel}"
            assert argv[1:3] == ["-m", "pip"]
        else:
            pyproject = tomllib.loads((ROOT / path / "pyproject.toml").read_text(encoding="utf-8"))
            assert pyproject["project"]["name"] == PROJECT
            assert pyproject["build-system"]["build-backend"]


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A reader's command: ``python`` is this test's Python, the package's
    own command and ``pytest`` the ones installed beside it (not ``python
    -m pytest``, which would put the working directory, a checkout, ahead
    of the installed package), ``~`` the ``HOME`` folder.
    Asserts it succeeded without a warning."""
    argv = [str(Path(arg).expanduser()) if arg.startswith("~") else arg for arg in shlex.split(command)]
    if argv[0] in {"python", "python3"}:
        argv[0] = sys.executable
    elif argv[0] in {"sphinx-bookreview", "pytest"}:
        argv[0] = str(Path(sys.executable).with_name(argv[0]))
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, f"{command}\n{result.stderr}"
    return result


def do(block: Block, project: Path) -> None:
    """A file written or added to, or commands run (installing is checked)."""
    if block.caption.startswith(APPEND) or block.caption.endswith(ANYWHERE):
        path = block.caption.removeprefix(APPEND).removesuffix(ANYWHERE)
        with (project / path).open("a", encoding="utf-8") as file:
            file.write("\n" + block.text)
    elif block.caption:
        (project / block.caption).parent.mkdir(parents=True, exist_ok=True)
        (project / block.caption).write_text(block.text, encoding="utf-8")
    elif block.language == "console":
        for command in commands(block):
            argv = shlex.split(command)
            if argv[0] in {"python", "python3"} and is_install(argv):
                assert_installable(argv)
            else:
                run(command, project)


def quickstart(project: Path) -> None:
    """An existing project: what ``sphinx-quickstart`` writes, with an
    extension of its own (``sphinx.ext.todo``) that must stay loaded."""
    options = "-q -p 'My reading' -a 'Ada Reader' --ext-todo --no-makefile --no-batchfile"
    run(f"python -m sphinx.cmd.quickstart {options} {shlex.quote(str(project))}", project.parent)
    assert "extensions = [\n    'sphinx.ext.todo',\n]" in (project / "conf.py").read_text(encoding="utf-8")


#: A page only the project's own extension can read (``-W`` fails if
#: adding ours dropped it: "Unknown directive type").
TODO = {"rst": "Notes\n=====\n\n.. todo:: Read the sequel.\n", "md": "# Notes\n\n```{todo} Read the sequel.\n```\n"}


def assert_review_page(page: Path, title: str) -> None:
    html = page.read_text(encoding="utf-8")
    assert "bookreview-card" in html
    assert title in html


# -- the getting-started guide ------------------------------------------------------


def guide_steps(choice: str, existing: bool) -> list[Block]:
    """The guide's blocks a reader follows, in order: one of the
    alternative files (``choice`` is its suffix), and the lines to add to
    an existing project's file or the new project's own."""
    blocks = rst_blocks(GUIDE)
    files = [Path(block.caption.removeprefix(APPEND)) for block in blocks if block.caption]
    stems = [path.with_suffix("") for path in files if path.suffix in ALTERNATIVES]
    alternatives = {stem for stem in stems if stems.count(stem) > 1}
    steps = []
    for block in blocks:
        path = Path(block.caption.removeprefix(APPEND) or "console")
        if path.with_suffix("") in alternatives and path.suffix != choice:
            continue
        # A new project has its own conf.py; an existing one gets lines added to its own.
        if block.caption == ("conf.py" if existing else f"{APPEND}conf.py"):
            continue
        steps.append(block)
    assert alternatives, "the guide shows no file in both markups"
    return steps


@pytest.mark.parametrize("choice", ALTERNATIVES)
def test_guide_new_project(tmp_path: Path, choice: str) -> None:
    """An empty folder, the guide followed word for word: its files (the
    review in one markup), its commands, a clean build with the next review
    the command line writes."""
    for block in guide_steps(choice, existing=False):
        do(block, tmp_path)
    assert {path.name for path in tmp_path.iterdir()} >= {"conf.py", "index.rst", "reviews", "_build"}
    assert (tmp_path / "reviews" / f"the-pragmatic-programmer{choice}").is_file()
    html = tmp_path / "_build" / "html"
    assert_review_page(html / "reviews" / "the-pragmatic-programmer.html", "Practical advice that has aged well.")
    assert_review_page(html / "reviews" / "a-philosophy-of-software-design.html", "A Philosophy of Software Design")
    assert "The Pragmatic Programmer" in (html / "index.html").read_text(encoding="utf-8")


def test_guide_existing_project(tmp_path: Path) -> None:
    """A project from ``sphinx-quickstart``, the extension added as the
    guide says (to the extensions it has), then the guide's pages."""
    project = tmp_path / "existing"
    quickstart(project)
    (project / "reviews").mkdir()
    (project / "reviews" / "notes.rst").write_text(TODO["rst"], encoding="utf-8")
    for block in guide_steps(".rst", existing=True):
        do(block, project)
    assert "extensions +=" in (project / "conf.py").read_text(encoding="utf-8")
    assert_review_page(project / "_build" / "html" / "reviews" / "the-pragmatic-programmer.html", "Pragmatic")


@pytest.mark.parametrize("page", [GUIDE, INSTALLATION], ids=lambda page: page.name)
def test_install_commands_of_the_docs(page: Path) -> None:
    blocks = in_section(rst_blocks(page), "Install")
    argvs = [shlex.split(command) for block in blocks if block.language == "console" for command in commands(block)]
    assert all(is_install(argv) for argv in argvs), argvs
    for argv in argvs:
        assert_installable(argv)
    # From the checkout, from a wheel, and from PyPI once published.
    assert {argv[-1] for argv in argvs} >= {CLONE, PROJECT}
    assert any(argv[-1].endswith(".whl") for argv in argvs)


# -- the moving-in guide --------------------------------------------------------------

MOVING_IN = ROOT / "docs" / "guides" / "moving-in.rst"
#: Invented books in a Goodreads export as the guide describes it: read
#: (a series in the title, an ISBN, a review in Goodreads' HTML, a second
#: reading, more authors), reading now, given up, and not started.
EXPORT_ROWS = [
    goodreads("Salt Roads (Coastal Walks, #2)", Book_Id="5001", Additional_Authors="Pell Oakes",
              ISBN13='="9780000000422"', Number_of_Pages="312", Year_Published="2019",
              Original_Publication_Year="2017", Date_Read="2023/03/14", Bookshelves="walking, sea-stories",
              My_Review="Long walks.<br/><br/>Longer <i>tides</i>.", Read_Count="2"),
    goodreads("The Quiet Orchard", Book_Id="5002", My_Rating="0", Binding="Kindle Edition", Date_Read="2023/05/02",
              My_Review="Better than [b:Salt Roads|5001|Salt Roads (Coastal Walks, #2)|Ines Harrow|0|1]."),
    goodreads("Fog over Marram Bay", Book_Id="5003", My_Rating="5", Binding="Audible Audio",
              ISBN13='="9780000000439"', Date_Read="2024/01/20"),
    goodreads("A Lantern in the Dunes", Book_Id="5004", My_Rating="0", Exclusive_Shelf="currently-reading"),
    goodreads("The Long Ascent", Book_Id="5005", My_Rating="2", Exclusive_Shelf="did-not-finish"),
    goodreads("Unopened Letters", Book_Id="5006", My_Rating="0", Exclusive_Shelf="to-read"),
]  # fmt: skip
READ = ["salt-roads", "the-quiet-orchard", "fog-over-marram-bay"]
SHELVED = {"a-lantern-in-the-dunes": "reading", "the-long-ascent": "abandoned"}


def assert_shown(output: str, shown: list[str], numbers: list[int]) -> None:
    """The command printed what the guide shows, with this export's numbers."""
    numbered = iter(numbers)
    expected = [re.sub(r"\d+", lambda _: str(next(numbered)), line) for line in shown]
    assert output.splitlines() == expected
    assert next(numbered, None) is None, "more numbers than the guide shows"


def test_moving_in_guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader's Sphinx project (``sphinx-quickstart``, the README's
    ``conf.py`` lines), their Goodreads export in ``~/Downloads`` (and as
    ``export.csv`` beside the project, the name the later commands use),
    then the guide's blocks in order: its pages, its commands (what the
    first prints as the guide shows it), the lines ``--index`` adds, and a
    ``-W`` build of the result."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    downloads = tmp_path / "home" / "Downloads"
    downloads.mkdir(parents=True)
    project = tmp_path / "existing"
    quickstart(project)
    (conf,) = [block for block in in_section(md_blocks(README), "Install") if block.language == "python"]
    do(Block("python", conf.text, "", APPEND + "conf.py"), project)
    export(downloads / "goodreads_library_export.csv", GOODREADS_24, EXPORT_ROWS)
    export(project / "export.csv", GOODREADS_24, EXPORT_ROWS)
    blocks = rst_blocks(MOVING_IN)
    assert [block.caption for block in blocks if block.caption] == ["shelf.rst", f"index.rst{ANYWHERE}"]
    first_import = True
    for block in blocks:
        if block.language == "console":
            for command, shown in transcript(block):
                result = run(command, project)
                assert result.stderr == "", f"{command}\n{result.stderr}"
                if first_import:  # the guide shows what the first import prints
                    skipped = len(EXPORT_ROWS) - len(READ)
                    assert_shown(result.stdout, shown, [len(EXPORT_ROWS), len(READ), skipped, skipped, 0])
                    first_import = False
        elif block.caption:
            do(block, project)
        else:  # what --index adds to the end of the page
            assert (project / "shelf.rst").read_text(encoding="utf-8").endswith("\n" + block.text)
    assert not first_import, "the guide runs no command"
    run("python -m sphinx -W -b html . _build/html", project)
    assert_moved_in(project)


def assert_moved_in(project: Path) -> None:
    """Every book read, reading now or given up has its review page, in the
    shelf's listing, which the home page links to; the unread one has none."""
    reviews = sorted(path.stem for path in (project / "reviews").iterdir())
    assert reviews == sorted([*READ, *SHELVED])
    for stem, status in SHELVED.items():
        assert f":status: {status}" in (project / "reviews" / f"{stem}.rst").read_text(encoding="utf-8")
    html = project / "_build" / "html"
    assert 'href="shelf.html"' in (html / "index.html").read_text(encoding="utf-8")
    shelf = (html / "shelf.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'href="reviews/([\w-]+)\.html#', shelf)) == reviews
    assert_review_page(html / "reviews" / "salt-roads.html", "Longer <em>tides</em>.")


# -- the README ---------------------------------------------------------------------


def test_readme_install() -> None:
    blocks = in_section(md_blocks(README), "Install")
    argvs = [shlex.split(command) for block in blocks if block.language == "console" for command in commands(block)]
    assert argvs
    for argv in argvs:
        assert is_install(argv), argv
        assert_installable(argv)


@pytest.mark.parametrize("language", ["rst", "md"])
def test_readme_example(tmp_path: Path, language: str) -> None:
    """An existing project (``sphinx-quickstart``) with the README's
    ``conf.py`` lines added, the README's review in one markup, and its
    role examples: a clean build, the project's own extension kept."""
    project = tmp_path / "existing"
    quickstart(project)
    (conf,) = [block for block in in_section(md_blocks(README), "Install") if block.language == "python"]
    do(Block("python", conf.text, "", APPEND + "conf.py"), project)
    (review,) = [block for block in in_section(md_blocks(README), "A review") if block.language == language]
    roles = md_roles(README, "A review")
    assert len(roles) >= 3, roles
    if language == "rst":
        page = "Reviews\n=======\n\n" + review.text + "\n" + " ".join(roles) + "\n"
    else:
        page = "# Reviews\n\n" + review.text + "\n" + " ".join(myst_role(role) for role in roles) + "\n"
        (project / "index.rst").unlink()
    (project / f"index.{language}").write_text(page + "\n" + TODO[language].split("\n", 2)[2], encoding="utf-8")
    run("python -m sphinx -W -b html . _build/html", project)
    assert_review_page(
        project / "_build" / "html" / "index.html", "Right about nearly everything that involves people."
    )


def test_readme_setup_commands(tmp_path: Path) -> None:
    """Exactly two commands: the docs build (its install checked, its
    build run, into a temporary folder) and the whole suite."""
    first, second = (command for block in in_section(md_blocks(README), "Set up a development copy")
                     for command in commands(block))  # fmt: skip
    assert second == "bash .ci/run"
    assert (ROOT / ".ci" / "run").is_file()
    venv, *rest = (shlex.split(part) for part in first.split(" && "))
    assert venv == ["python3", "-m", "venv", ".venv"]
    assert all(argv[0] == ".venv/bin/python" for argv in rest), "every later step uses the new environment"
    install, build = rest
    assert_installable(install)
    assert build[1:] == ["-m", "sphinx", "-W", "-b", "html", "docs", "docs/_build/html"]
    run(shlex.join(["python", *build[1:-2], str(ROOT / "docs"), str(tmp_path / "html")]), tmp_path)
    assert (tmp_path / "html" / "installation.html").is_file()


# -- the contributing page ------------------------------------------------------------

CONTRIBUTING = ROOT / "docs" / "contributing.rst"
#: The commands the page's text names inline (``pip install -e .``).
INLINE_COMMANDS = sorted(
    set(re.findall(r"``((?:\.venv/bin/|python3? |pip |bash )[^`]+)``", CONTRIBUTING.read_text(encoding="utf-8")))
)


def test_contributing_setup_is_the_readmes() -> None:
    """The page's two commands are the README's, which
    :func:`test_readme_setup_commands` checks and runs."""
    (block,) = in_section(rst_blocks(CONTRIBUTING), "Setting up")
    readme = in_section(md_blocks(README), "Set up a development copy")
    assert commands(block) == [command for block in readme for command in commands(block)]
    # And the commands in its text are found, for the test below.
    assert len(INLINE_COMMANDS) >= 5, INLINE_COMMANDS


@pytest.mark.parametrize("command", INLINE_COMMANDS)
def test_contributing_inline_commands(command: str, tmp_path: Path) -> None:
    """Each command the page names, run where a test can (from the
    checkout, changing nothing in it), else checked."""
    argv = shlex.split(command)
    if Path(argv[0]).name == "pip":
        argv = ["python", "-m", *argv]
    if is_install(argv):
        assert_installable(argv)
    elif Path(argv[0]).name == "pytest":
        # Collected, not run: the suite runs this file anyway, and
        # running it again here would double its time.
        collect = ["pytest", "-p", "no:cacheprovider", "--collect-only", "-q", *argv[1:]]
        assert f"{argv[1]}::" in run(shlex.join(collect), ROOT).stdout
    elif argv[1:] == ["tools/update_catalogs.py"]:
        assert_catalogs_current(tmp_path)
    elif argv == ["bash", ".ci/run"]:
        # Not run: it is all of CI (apt-get, fresh environments from PyPI,
        # this suite twice; some 12 minutes). What the page says it runs
        # is checked instead.
        assert_ci_runs_what_the_page_says()
    else:
        pytest.fail(f"a command this test does not know yet: {command}")


def catalog_messages(path: Path) -> dict[object, tuple[object, bool]]:
    """Each message of a catalog (``.pot`` or ``.po``), with its translation."""
    with path.open("rb") as file:
        catalog = read_po(file)
    return {(message.context, message.id): (message.string, message.fuzzy) for message in catalog if message.id}


def assert_catalogs_current(tmp_path: Path) -> None:
    """``python tools/update_catalogs.py`` in a copy of the checkout's tool
    and package: it runs, and leaves every catalog's messages as they are
    (its file positions and date aside), so the catalogs are up to date."""
    (tmp_path / "tools").mkdir()
    shutil.copy(ROOT / "tools" / "update_catalogs.py", tmp_path / "tools")
    shutil.copytree(ROOT / "sphinx_bookreview", tmp_path / "sphinx_bookreview",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    run("python tools/update_catalogs.py", tmp_path)
    locale = Path("sphinx_bookreview", "locale")
    catalogs = [
        locale / "sphinx_bookreview.pot",
        *(path.relative_to(ROOT) for path in (ROOT / locale).glob("*/*/*.po")),
    ]
    assert len(catalogs) >= 3, catalogs
    for catalog in catalogs:
        assert catalog_messages(tmp_path / catalog) == catalog_messages(ROOT / catalog), catalog


def assert_ci_runs_what_the_page_says() -> None:
    """``ruff check``, ``ruff format --check``, ``mypy --strict``, a user's
    install, the suite on the newest Sphinx and on 7.4, the docs ``-W``."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in (r'ruff" check ', r'ruff" format --check ', r'mypy" sphinx_bookreview\n',
                 r"python3 tools/user_install\.py --wheel",
                 r'"\$VENV/bin/pytest" ', r'"sphinx==7\.4\.\*"', r'"\$OLD/bin/pytest" ',
                 r"-m sphinx -W .*-b html docs "):  # fmt: skip
        assert re.search(step, ci), f".ci/run has no {step}"
    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["strict"] is True


def test_contributing_names_files_that_exist() -> None:
    """Every path of the repository the page names (``tests/test_model.py``)."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    paths = set(re.findall(r"``((?:tests|tools|benchmarks|sphinx_bookreview|\.ci)/[\w./-]*)``", text))
    assert len(paths) >= 10, paths
    assert sorted(path for path in paths if not (ROOT / path).exists()) == []


def test_docs_list_in_the_readme() -> None:
    """Every page the README's documentation list links to exists."""
    links = re.findall(r"\]\((docs/[^)]+)\)", README.read_text(encoding="utf-8"))
    assert "docs/installation.rst" in links
    assert [link for link in links if not (ROOT / link).is_file()] == []
