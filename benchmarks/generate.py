"""Synthetic review collections, one text written in three forms.

Each of N reviews has metadata (author, publisher, year, pages, ISBN,
rating, tags, review date, verdict), three quick-review answers, a few
paragraphs and links to three other reviews; an index page lists them all.
The forms differ only in markup:

``plain``
    plain Sphinx: a field list, a definition list, ``:ref:`` links and a
    hand-written bullet list on the index page;
``ablog``
    ablog: the same page under a ``post`` directive, ``postlist`` on the
    index page (ablog adds its archive pages and Atom feeds);
``bookreview``
    sphinx-bookreview: the ``bookreview`` directive, ``:book:`` links and
    ``bookreview-list`` on the index page (the extension adds its domain
    indices, ``bookreviews.json`` and ``reviews.atom``).

With ``--covers`` every review gets a cover: a 1000x1500 JPEG of 150 to
400 KB, shapes over texture at several scales so that it compresses like
a photograph, each one different. The ``plain`` form shows it with
``.. image::`` on the review's page, the ``bookreview`` form with
``:cover:``. The covers are written once into a folder of their own and
copied into each collection.

Everything is drawn from a seeded generator, so a collection of a given
size is byte-identical from one run to the next.

Usage: ``python benchmarks/generate.py KIND N DEST [--covers]``.
"""

from __future__ import annotations

import argparse
import datetime
import io
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

KINDS = ("plain", "ablog", "bookreview")
SEED = 20240501
BASEURL = "https://reviews.example.org/"


def words(text: str) -> list[str]:
    return text.split()


WORDS = words("""
a about after again against almost along already also always among an and
another answer any argument around as at away back because been before
begin being between both but by can chapter character city clear close
come could country course day death deep do does down during each early
end enough even ever every eye face fact family far father few find first
follow for form found friend from get give go good great ground grow hand
hard have head hear help here high history hold home house however idea
important in into it its just keep kind know land large last late lead
learn least leave less life light like line little live long look make
man many matter may mean mind moment more most mother move much must name
near need never new next night no not nothing now number of off often old
on once one only open or order other our out over own page part people
perhaps place plan play point power problem prose question quite rather
read reader real reason remember rest right road room run same say school
sea second see seem sense set several shape short should show side simple
since small so some something sometimes soon speak stand start state still
story strange strong such sure take talk tell than that the their then
there these thing think this those though thought through time to today
together too toward true turn under until up upon use very voice wait walk
want war water way well what when where which while whole why wide will
with within without word work world write year yet young
""")
ADJECTIVES = words("""quiet broken silver hidden distant burning patient restless golden
hollow northern endless secret gentle crooked wandering last bright""")
NOUNS = words("""garden river machine archive harbour kingdom letter orchard engine
lantern voyage library mountain compass island theorem winter""")
FIRST = words("""Ada Alan Barbara Claude Donald Edsger Frances Grace Hedy Ivan John
Katherine Leslie Margaret Niklaus Ole Peter Radia Shafi Tony Ursula Vint""")
LAST = words("""Abbott Brooks Chen Dahl Eriksen Fischer Garcia Hopper Iverson Jensen
Knuth Lamport Moreau Nakamura Okafor Perlis Quinn Ritchie Sato Tanaka""")
TAGS = words("""history science fiction essays biography poetry travel philosophy
mathematics programming economics art music nature politics memoir mystery
fantasy classics design language education health cooking sport religion
psychology architecture film law media children humour crime war adventure
ecology physics chemistry astronomy""")
PUBLISHERS = ["Harbour Press", "Northwind Books", "Lantern House", "Quarto & Sons", "Ferrule Editions"]


@dataclass(frozen=True)
class Entry:
    """One review's content, independent of markup."""

    number: int
    id: str
    title: str
    author: str
    publisher: str
    published: str
    pages: int
    isbn: str
    rating: float
    tags: tuple[str, ...]
    date: str
    verdict: str
    answers: tuple[str, str, str]
    paragraphs: tuple[str, ...]
    links: tuple[int, int, int]

    @property
    def docname(self) -> str:
        return f"reviews/{self.id}"

    @property
    def cover(self) -> str:
        """The cover's path from the source directory."""
        return f"/covers/{self.id}.jpg"


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def isbn13(rng: random.Random) -> str:
    digits = [9, 7, 8] + [rng.randrange(10) for _ in range(9)]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    text = "".join(map(str, [*digits, check]))
    return f"{text[:3]}-{text[3]}-{text[4:8]}-{text[8:12]}-{text[12]}"


def make_entries(n: int) -> list[Entry]:
    rng = random.Random(SEED)
    authors = [f"{f} {last}" for last in LAST for f in FIRST]
    rng.shuffle(authors)
    authors = authors[: max(1, n // 3)]
    start = datetime.date(2015, 1, 1)
    entries = []
    for i in range(n):
        links = tuple((i + step) % n for step in (1, 7, 31)) if n > 1 else (0, 0, 0)
        entries.append(Entry(
            number=i,
            id=f"book-{i:05d}",
            title=f"The {rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS).capitalize()} {i}",
            author=rng.choice(authors),
            publisher=rng.choice(PUBLISHERS),
            published=str(rng.randint(1950, 2023)),
            pages=rng.randint(90, 900),
            isbn=isbn13(rng),
            rating=rng.randint(2, 10) / 2,
            tags=tuple(sorted(rng.sample(TAGS, rng.randint(2, 3)))),
            date=(start + datetime.timedelta(days=rng.randrange(3650))).isoformat(),
            verdict=sentence(rng, 8, 14),
            answers=(sentence(rng, 6, 12), sentence(rng, 6, 12), sentence(rng, 4, 8)),
            paragraphs=tuple(" ".join(sentence(rng, 8, 18) for _ in range(rng.randint(4, 7))) for _ in range(4)),
            links=links,  # type: ignore[arg-type]
        ))  # fmt: skip
    return entries


# -- the three forms ---------------------------------------------------------


def heading(text: str) -> str:
    return f"{text}\n{'=' * len(text)}\n"


def indent(text: str, prefix: str = "   ") -> str:
    return "\n".join(prefix + line if line else "" for line in text.splitlines())


def body(entry: Entry, link: str) -> str:
    """The paragraphs, the three links woven into the second and third."""
    links = [link.format(id=f"book-{target:05d}") for target in entry.links]
    paragraphs = list(entry.paragraphs)
    paragraphs[1] += f" It reads well beside {links[0]} and {links[1]}."
    paragraphs[2] += f" Compare {links[2]}."
    return "\n\n".join(paragraphs) + "\n"


def facts(entry: Entry) -> str:
    """The metadata as a field list, for the forms without a directive."""
    rows = [("Author", entry.author), ("Publisher", entry.publisher), ("Published", entry.published),
            ("Pages", str(entry.pages)), ("ISBN", entry.isbn), ("Rating", f"{entry.rating:g}/5"),
            ("Tags", ", ".join(entry.tags)), ("Review date", entry.date), ("Verdict", entry.verdict)]  # fmt: skip
    return "\n".join(f":{name}: {value}" for name, value in rows) + "\n"


def quick(entry: Entry) -> str:
    questions = ("Why I picked it up", "Why I finished it", "I'd give it to")
    items = "\n".join(f"{q}\n   {a}" for q, a in zip(questions, entry.answers, strict=True))
    return f".. rubric:: Quick Review\n\n{items}\n"


def plain_page(entry: Entry, covers: bool = False) -> str:
    label = f".. _{entry.id}:\n"
    image = [f".. image:: {entry.cover}\n   :alt: Cover of {entry.title}\n"] if covers else []
    return "\n".join([label, heading(entry.title), *image, facts(entry), quick(entry), body(entry, ":ref:`{id}`")])


def ablog_page(entry: Entry, covers: bool = False) -> str:
    post = f".. post:: {entry.date}\n   :tags: {', '.join(entry.tags)}\n   :author: {entry.author}\n"
    return "\n".join([post, f".. _{entry.id}:\n", heading(entry.title), facts(entry), quick(entry),
                      body(entry, ":ref:`{id}`")])  # fmt: skip


def bookreview_page(entry: Entry, covers: bool = False) -> str:
    options = [("id", entry.id), *([("cover", entry.cover)] if covers else []), ("author", entry.author),
               ("publisher", entry.publisher),
               ("published", entry.published), ("pages", str(entry.pages)), ("isbn", entry.isbn),
               ("rating", f"{entry.rating:g}"), ("tags", ", ".join(entry.tags)), ("date", entry.date),
               ("verdict", entry.verdict), ("why-picked-up", entry.answers[0]),
               ("why-finished", entry.answers[1]), ("give-to", entry.answers[2])]  # fmt: skip
    directive = f".. bookreview:: {entry.title}\n" + "\n".join(f"   :{k}: {v}" for k, v in options)
    return "\n".join([heading(entry.title), directive + "\n", indent(body(entry, ":book:`{id}`")) + "\n"])


PAGES = {"plain": plain_page, "ablog": ablog_page, "bookreview": bookreview_page}

TOCTREE = ".. toctree::\n   :hidden:\n   :glob:\n\n   reviews/*\n"


def plain_listing(entries: list[Entry]) -> str:
    """What ``bookreview-list`` shows, written by hand: newest first."""
    lines = []
    for entry in sorted(entries, key=lambda e: (e.date, e.id), reverse=True):
        lines.append(f"* :ref:`{entry.id}` — {entry.author} — {entry.rating:g}/5\n\n  {entry.verdict}\n")
    return "\n".join(lines)


def index_page(kind: str, entries: list[Entry]) -> str:
    listing = {
        "plain": plain_listing(entries),
        "ablog": ".. postlist::\n",
        "bookreview": ".. bookreview-list::\n",
    }[kind]
    return "\n".join([heading("Book reviews"), TOCTREE, listing])


CONF = {
    "plain": "",
    "ablog": f"""
extensions = ["ablog"]
blog_path = "blog"
blog_title = "Book reviews"
blog_baseurl = "{BASEURL}"
post_date_format = "%Y-%m-%d"
""",
    "bookreview": f"""
extensions = ["sphinx_bookreview"]
html_baseurl = "{BASEURL}"
""",
}


#: Shared by the three forms.
COMMON = """project = "Book reviews"
author = "A. Reader"
language = "en"
exclude_patterns = ["_build"]
"""
#: The sidebars without the global navigation: it lists every page on every
#: page, which makes any Sphinx build of a large collection quadratic and
#: would drown what is being compared (``navigation=True`` keeps it, to
#: measure just that).
SIDEBARS = """html_sidebars = {"**": ["localtoc.html", "relations.html", "searchbox.html"]}
"""


def conf_py(kind: str, *, navigation: bool = False) -> str:
    return COMMON + ("" if navigation else SIDEBARS) + CONF[kind]


# -- covers -------------------------------------------------------------------

COVER_SIZE = (1000, 1500)


def texture(seed: int) -> bytes:
    """Grey texture at three scales, twice a cover's size, as raw pixels
    (Pillow is imported here: only ``--covers`` needs it)."""
    from PIL import Image

    width, height = 2 * COVER_SIZE[0], 2 * COVER_SIZE[1]
    layers = [
        Image.effect_noise((width // scale, height // scale), 60).resize((width, height), Image.Resampling.BICUBIC)
        for scale in (1, 3, 9)
    ]
    return Image.merge("RGB", layers).tobytes()


def cover_jpeg(number: int, grain: bytes) -> bytes:
    """A unique cover: coloured shapes (a title block, circles) blended
    with a window of the shared texture that starts at a place of its own."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(SEED + number)
    width, height = COVER_SIZE
    image = Image.new("RGB", COVER_SIZE, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(30, 300)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randrange(256) for _ in range(3)))
    for _ in range(20):
        x, y = rng.randrange(width), rng.randrange(height)
        box = [x, y, x + rng.randrange(20, 400), y + rng.randrange(5, 60)]
        draw.rectangle(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(1.5))
    full = Image.frombytes("RGB", (2 * width, 2 * height), grain)
    left, top = rng.randrange(width), rng.randrange(height)
    image = Image.blend(image, full.crop((left, top, left + width, top + height)), 0.2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def write_covers(entries: list[Entry], folder: Path) -> None:
    """Each entry's cover in ``folder``, made once and kept for later runs."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [entry for entry in entries if not (folder / Path(entry.cover).name).is_file()]
    grain = texture(SEED) if missing else b""
    for entry in missing:
        (folder / Path(entry.cover).name).write_bytes(cover_jpeg(entry.number, grain))


def write(kind: str, n: int, dest: Path, covers: Path | None = None, *, navigation: bool = False) -> list[Entry]:
    """Write the collection (replacing ``dest``); returns its entries. With
    ``covers``, a folder to keep the generated covers in, each review gets
    one; ``navigation`` keeps the sidebars' global navigation."""
    entries = make_entries(n)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "reviews").mkdir(parents=True)
    (dest / "conf.py").write_text(conf_py(kind, navigation=navigation), encoding="utf-8")
    (dest / "index.rst").write_text(index_page(kind, entries), encoding="utf-8")
    for entry in entries:
        (dest / f"{entry.docname}.rst").write_text(PAGES[kind](entry, covers is not None), encoding="utf-8")
    if covers is not None:
        write_covers(entries, covers)
        (dest / "covers").mkdir()
        for entry in entries:
            shutil.copyfile(covers / Path(entry.cover).name, dest / entry.cover.lstrip("/"))
    return entries


def edit_one(dest: Path, entries: list[Entry]) -> None:
    """The edit of the "edit one review" measurement, the same in every
    form: a sentence added to a paragraph and the rating changed."""
    entry = entries[len(entries) // 2]
    path = dest / f"{entry.docname}.rst"
    text = path.read_text(encoding="utf-8")
    first = entry.paragraphs[0]
    new_rating = 5.0 if entry.rating != 5.0 else 4.5
    text = text.replace(first, first + " On a second reading it held up.", 1)
    text = text.replace(f"Rating: {entry.rating:g}/5", f"Rating: {new_rating:g}/5", 1)
    text = text.replace(f":rating: {entry.rating:g}\n", f":rating: {new_rating:g}\n", 1)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--covers", action="store_true", help="a 1000x1500 JPEG cover for every review")
    args = parser.parse_args()
    write(args.kind, args.n, args.dest, args.dest.with_name(args.dest.name + "-covers") if args.covers else None)


if __name__ == "__main__":
    main()
