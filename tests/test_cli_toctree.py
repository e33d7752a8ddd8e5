"""``--version``, and what ``new`` and ``import`` say or do so that the files they write are in a toctree.

The command reads the project as text and never runs Sphinx; the builds
here are the proof that what it prints, followed as written, gives a ``-W``
clean site.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

import sphinx_bookreview
from sphinx_bookreview.cli import main
from sphinx_bookreview.cli.project import Project, toctrees

DATA = Path(__file__).parent / "cli_data"
CONF = (
    'project = "Shelf"\nauthor = "Tess Reader"\nextensions = ["sphinx_bookreview", "myst_parser"]\n'
    'myst_enable_extensions = ["colon_fence"]\nhtml_baseurl = "https://shelf.example.org/"\n'
)
NOT_INCLUDED = 'so a -W build stops at "document isn\'t included in any toctree". '
#: What the commands add: a listing that shows the reviews, a hidden toctree that includes them.
RST_LISTING = ".. bookreview-list::\n\n.. toctree::\n   :hidden:\n   :glob:\n   :maxdepth: 1\n\n   {entry}"
MD_LISTING = "```{{bookreview-list}}\n```\n\n```{{toctree}}\n:hidden:\n:glob:\n:maxdepth: 1\n\n{entry}\n```"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def project(root: Path, index: str = "Shelf\n=====\n", name: str = "index.rst", conf: str = CONF) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(conf, encoding="utf-8")
    (root / name).write_text(index, encoding="utf-8")
    return root


def build(source: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = build_main(["-W", "-q", "-b", "html", str(source), str(out)])
    return status, capsys.readouterr().err


def follow(hint: str, root: Path) -> None:
    """Do what the hint says: append its block to the page it names."""
    first, _, block = hint.partition("\n\n")
    page = first.split("Add this to ", 1)[1].split(" (", 1)[0]
    with (root / page).open("a", encoding="utf-8") as out:
        out.write("\n" + block + "\n")


# -- --version -------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"sphinx-bookreview {sphinx_bookreview.__version__}\n", "")


def test_version_without_sphinx_loaded(tmp_path: Path) -> None:
    """The command line starts without importing Sphinx, ``--version`` and ``new`` included."""
    code = (
        "import sys; from sphinx_bookreview.cli import main; "
        "main(['--version']); main(['new', 'A Book', '--dir', 'out']); "
        "print(sorted(name for name in sys.modules if name == 'sphinx' or name.startswith('sphinx.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


# -- what to do next ---------------------------------------------------------------


@pytest.mark.parametrize("markup", ["rst", "md"])
def test_new_stub_builds_after_following_the_hint(
    markup: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first -W build of a new stub fails on "not included in any toctree"; the hint says how to fix it."""
    index = "index.md" if markup == "md" else "index.rst"
    root = project(tmp_path / "src", "# Shelf\n" if markup == "md" else "Shelf\n=====\n", index)
    reviews = root / "reviews"
    status, out, _ = run(capsys, "new", "The Tin Sextant", "--dir", reviews, "--format", markup)
    status_before, log = build(root, tmp_path / "before", capsys)
    assert status_before != 0 and "isn't included in any toctree" in log  # as the hint says (7.4 exits 2, 9 exits 1)
    block = (MD_LISTING if markup == "md" else RST_LISTING).format(entry="reviews/*")
    written = reviews / f"the-tin-sextant.{markup}"
    hint = (
        f"next: {written} is in no toctree, {NOT_INCLUDED}Add this to {root / index} "
        f"(next time, --index {root / index} does it for you):\n\n{block}\n"
    )
    assert (status, out) == (0, f"wrote {written}\n{hint}")
    follow(hint, Path("/"))
    assert build(root, tmp_path / "html", capsys) == (0, "")
    assert run(capsys, "new", "Harbour Lights", "--dir", reviews, "--format", markup)[1] == (
        f"wrote {reviews / f'harbour-lights.{markup}'}\n"  # the glob takes the next one in too
    )


@pytest.mark.parametrize(("markup", "index"), [("rst", "index.rst"), ("md", "index.md"), ("md", "index.rst")])
def test_index_option_adds_a_toctree(
    markup: str, index: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--index`` writes the toctree in the page's own markup, whatever ``--format`` the reviews have."""
    root = project(tmp_path / "src", "Shelf\n=====\n\nMy reading." if index.endswith("rst") else "# Shelf", index)
    status, out, _ = run(capsys, "new", "Dune", "--dir", root / "reviews", "--format", markup, "--index", root / index)
    assert (status, out) == (
        0,
        f"wrote {root / 'reviews' / f'dune.{markup}'}\nadded a toctree of reviews/* to {root / index}\n",
    )
    assert build(root, tmp_path / "html", capsys) == (0, "")
    text = (root / index).read_text(encoding="utf-8")
    if index.endswith(".md"):
        assert text == "# Shelf\n\n" + MD_LISTING.format(entry="reviews/*") + "\n"
    else:
        assert text == "Shelf\n=====\n\nMy reading.\n\n" + RST_LISTING.format(entry="reviews/*") + "\n"
    status, out, _ = run(capsys, "new", "Emma", "--dir", root / "reviews", "--format", markup, "--index", root / index)
    assert out.splitlines()[1] == f"{root / index} already lists {root / 'reviews' / f'emma.{markup}'}"
    assert (root / index).read_text(encoding="utf-8") == text


def test_import_hint_and_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "src")
    reviews = root / "books" / "reviews"
    status, out, _ = run(capsys, "import", DATA / "storygraph.csv", "--dir", reviews)
    assert status == 0
    assert out.splitlines()[1:] == [
        f"next: 3 review files are in no toctree, {NOT_INCLUDED}Add this to {root / 'index.rst'} "
        f"(or run the import again with --index {root / 'index.rst'}):",
        "",
        *RST_LISTING.format(entry="books/reviews/*").splitlines(),
    ]
    # Run again with --index: the files are already there, and still listed.
    status, out, _ = run(capsys, "import", DATA / "storygraph.csv", "--dir", reviews, "--index", root / "index.rst")
    assert out.splitlines()[1:] == [f"added a toctree of books/reviews/* to {root / 'index.rst'}"]
    assert build(root, tmp_path / "html", capsys) == (0, "")


def test_files_beside_the_root_document_are_listed_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A glob there would take in every page of the project's top folder."""
    root = project(tmp_path / "src")
    (root / "about.rst").write_text(":orphan:\n\nAbout\n=====\n", encoding="utf-8")
    out = run(capsys, "new", "Dune", "--dir", root)[1]
    assert out.endswith("\n\n.. bookreview-list::\n\n.. toctree::\n   :hidden:\n   :maxdepth: 1\n\n   dune\n")
    run(capsys, "new", "Emma", "--dir", root, "--index", root / "index.rst")
    # The page shows a listing now: one is enough.
    assert (
        (root / "index.rst")
        .read_text(encoding="utf-8")
        .endswith("Shelf\n=====\n\n.. bookreview-list::\n\n.. toctree::\n   :hidden:\n   :maxdepth: 1\n\n   emma\n")
    )
    follow(out.split("\n", 1)[1], root)
    assert build(root, tmp_path / "html", capsys) == (0, "")


def test_index_page_elsewhere_gets_a_relative_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "src", "Shelf\n=====\n\n.. toctree::\n\n   shelf/index\n")
    page = root / "shelf" / "index.rst"
    page.parent.mkdir()
    page.write_text("Books\n=====\n", encoding="utf-8")
    out = run(capsys, "new", "Dune", "--dir", root / "reviews", "--index", page)[1]
    assert out.splitlines() == [f"wrote {root / 'reviews' / 'dune.rst'}", f"added a toctree of ../reviews/* to {page}"]
    assert build(root, tmp_path / "html", capsys) == (0, "")


@pytest.mark.parametrize(
    ("name", "index"),
    [
        ("index.rst", "Shelf\n=====\n\n.. toctree::\n   :glob:\n\n   reviews/*\n"),
        ("index.rst", "Shelf\n=====\n\n.. toctree::\n   :hidden:\n\n   Dune <reviews/dune>\n"),
        ("index.rst", "Shelf\n=====\n\n.. only:: html\n\n   .. toctree::\n      :glob:\n\n      reviews/**\n"),
        ("index.rst", "Shelf\n=====\n\n.. toctree::\n\n   reading\n"),  # reading.rst lists them
        ("index.md", "# Shelf\n\n```{toctree}\n:glob:\nreviews/*\n```\n"),
        ("index.md", "# Shelf\n\n````{toctree}\n---\nglob:\nmaxdepth: 1\n---\nreviews/d*\n````\n"),
        ("index.md", "# Shelf\n\n:::{toctree}\n:glob:\n\nreviews/*\n:::\n"),
        ("index.md", "# Shelf\n\n```{eval-rst}\n.. toctree::\n   :glob:\n\n   reviews/*\n```\n"),
    ],
)
def test_no_hint_when_a_toctree_already_reaches_the_file(
    name: str, index: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "src", index, name)
    (root / "reading.rst").write_text("Reading\n=======\n\n.. toctree::\n   :glob:\n\n   reviews/*\n", encoding="utf-8")
    assert run(capsys, "new", "Dune", "--dir", root / "reviews")[1] == f"wrote {root / 'reviews' / 'dune.rst'}\n"
    if "reading" not in index:
        (root / "reading.rst").unlink()
    assert build(root, tmp_path / "html", capsys) == (0, "")


@pytest.mark.parametrize(
    "index",
    [
        "Shelf\n=====\n\n.. toctree::\n\n   reviews/*\n",  # a pattern without :glob: is a document name
        "Shelf\n=====\n\n.. toctree::\n   :glob:\n\n   other/*\n",
        "Shelf\n=====\n\n.. toctree::\n   :glob:\n\n   *\n",  # "*" stops at a folder
        "Shelf\n=====\n\n..\n   .. toctree::\n      :glob:\n\n      reviews/*\n",  # in a comment
    ],
)
def test_hint_when_no_toctree_reaches_the_file(index: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "src", index)
    (root / "other").mkdir()
    out = run(capsys, "new", "Dune", "--dir", root / "reviews")[1]
    assert out.startswith(
        f"wrote {root / 'reviews' / 'dune.rst'}\nnext: {root / 'reviews' / 'dune.rst'} is in no toctree"
    )


def test_root_doc_and_exclude_patterns_come_from_conf_py(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conf = CONF + 'root_doc = "start"\nexclude_patterns = ["drafts/**"]\n'
    root = project(tmp_path / "src", "Start\n=====\n\n.. toctree::\n   :glob:\n\n   **\n", "start.rst", conf)
    out = run(capsys, "new", "Dune", "--dir", root / "drafts")[1]
    assert f"Add this to {root / 'start.rst'} " in out  # the ** glob does not see excluded drafts
    assert run(capsys, "new", "Emma", "--dir", root / "reviews")[1] == f"wrote {root / 'reviews' / 'emma.rst'}\n"


def test_project_without_a_root_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "src")
    (root / "index.rst").unlink()
    out = run(capsys, "new", "Dune", "--dir", root / "reviews", "--format", "md")[1]
    assert out.split("\n", 1)[1] == (
        f"next: {root / 'reviews' / 'dune.md'} is in no toctree, {NOT_INCLUDED}The project has no root document "
        f"{root / 'index.md'} yet: write it, with a title and then this:\n\n"
        + MD_LISTING.format(entry="reviews/*")
        + "\n"
    )


def test_paths_are_shown_relative_to_the_current_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "new", "Dune", "--dir", "reviews")[1]
    assert out.splitlines()[1] == (
        f"next: reviews/dune.rst is in no toctree, {NOT_INCLUDED}Add this to index.rst "
        "(next time, --index index.rst does it for you):"
    )


@pytest.mark.parametrize(
    ("page", "message"),
    [("missing.rst", "--index {page}: no such file"), ("conf.py", "--index {page}: expected an .rst or .md page")],
)
def test_bad_index_page_is_an_error_before_anything_is_written(
    page: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "src")
    status, _, err = run(capsys, "new", "Dune", "--dir", root / "reviews", "--index", root / page)
    assert (status, err) == (1, f"sphinx-bookreview: error: {message.format(page=root / page)}\n")
    status, _, err = run(capsys, "import", DATA / "storygraph.csv", "--dir", root / "reviews", "--index", root / page)
    assert (status, err) == (1, f"sphinx-bookreview: error: {message.format(page=root / page)}\n")
    assert not (root / "reviews").exists()


def test_toctree_reader() -> None:
    text = (
        "Title\n=====\n\n.. toctree::\n   :maxdepth: 2\n   :glob:\n\n   a\n   Second <b>\n   https://example.org\n\n"
        "Not in it\n\n    .. toctree::\n\n       c\n"
    )
    assert [(tree.glob, tree.entries) for tree in toctrees(text, markdown=False)] == [
        (True, ("a", "Second <b>", "https://example.org")),
        (False, ("c",)),
    ]
    assert [tree.entries for tree in toctrees("```{toctree}\n```\n\n~~~{toctree}\nx\n~~~~\n", markdown=True)] == [
        (),
        ("x",),
    ]


def test_reachability_follows_nested_toctrees(tmp_path: Path) -> None:
    root = project(tmp_path, "Top\n===\n\n.. toctree::\n\n   part/index\n   self\n   /absolute\n")
    (root / "part").mkdir()
    (root / "part" / "index.md").write_text("# Part\n\n```{toctree}\n:glob:\n../deep/*\n```\n", encoding="utf-8")
    (root / "deep").mkdir()
    for name in ("one", "two"):
        (root / "deep" / f"{name}.rst").write_text(f"{name}\n===\n", encoding="utf-8")
    (root / "absolute.rst").write_text("Abs\n===\n\n.. toctree::\n\n   deep/two.rst\n", encoding="utf-8")
    found = Project.around(root / "deep")
    assert found is not None
    assert found.reachable("index", {"deep/one", "deep/two", "nowhere"}) == {"deep/one", "deep/two"}
    assert found.reachable("absolute", {"deep/one", "deep/two"}) == {"deep/two"}


# -- issue 14: the layout for big collections -----------------------------------------------


#: The home page that links to the shelf, and the shelf page out of every toctree, in each markup.
ORPHAN_SHELF = {
    "rst": ("Shelf\n=====\n\nMy :doc:`reviews`.\n", ":orphan:\n\nReviews\n=======\n", RST_LISTING),
    "md": ("# Shelf\n\nMy {doc}`reviews`.\n", "---\norphan: true\n---\n\n# Reviews\n", MD_LISTING),
}


@pytest.mark.parametrize("markup", ["rst", "md"])
def test_a_toctree_on_an_orphan_page_includes_the_reviews(
    markup: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The moving-in guide's layout for a big collection: the reviews on a page out of the root's
    toctree, marked orphan (``:orphan:``, or MyST's front matter; Sphinx warns about neither),
    which the home page links to."""
    index, shelf, listing = ORPHAN_SHELF[markup]
    root = project(tmp_path / "src", index, f"index.{markup}")
    page = root / f"reviews.{markup}"
    page.write_text(shelf, encoding="utf-8")
    status, out, _ = run(capsys, "import", DATA / "storygraph.csv", "--dir", root / "books", "--index", page)
    assert (status, out.splitlines()[1:]) == (0, [f"added a toctree of books/* to {page}"])
    assert page.read_text(encoding="utf-8") == shelf + "\n" + listing.format(entry="books/*") + "\n"
    # No hint: a toctree includes them, from a page Sphinx does not ask to be in one.
    assert run(capsys, "new", "Dune", "--dir", root / "books")[1] == f"wrote {root / 'books' / 'dune.rst'}\n"
    assert build(root, tmp_path / "html", capsys) == (0, "")
    books = sorted(path.name for path in (tmp_path / "html" / "books").glob("*.html"))
    assert books == sorted(f"{path.stem}.html" for path in (root / "books").iterdir())
    assert len(books) == 4  # the export's three books read, and Dune
    assert 'href="reviews.html"' in (tmp_path / "html" / "index.html").read_text(encoding="utf-8")


def test_a_big_import_on_a_page_in_the_navigation_is_told_the_cost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "src", "Shelf\n=====\n\n.. toctree::\n\n   reviews\n")
    (root / "reviews.rst").write_text("Reviews\n=======\n", encoding="utf-8")
    rows = "".join(f"Book {n},Ines Halloway,,,paperback,read,2023/01/02,,,,,,,,,,,4.0,,,,,\n" for n in range(120))
    export = tmp_path / "big.csv"
    export.write_text((DATA / "storygraph.csv").read_text(encoding="utf-8").splitlines()[0] + "\n" + rows)
    out = run(capsys, "import", export, "--dir", root / "books", "--index", root / "reviews.rst")[1]
    assert out.splitlines()[1:] == [
        f"added a toctree of books/* to {root / 'reviews.rst'}",
        "note: 120 reviews listed on a page in the site's navigation: themes that show the navigation (alabaster, "
        "furo...) list them on every page, and the build slows down with the square of their number; for a fast "
        "build, take the page out of the root document's toctree (mark it :orphan: and link it), as the moving-in "
        "guide shows",
    ]
