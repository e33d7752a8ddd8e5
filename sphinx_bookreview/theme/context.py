"""What the theme's templates show, computed once per page in Python.

Every value is handed to the templates under a ``bookreview_`` name, so the
templates only print and loop. Reviews come from the ``book`` domain's
public views (``winners``, ``reviews_in``), never its stored data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinxcontrib.serializinghtml import SerializingHTMLBuilder

from sphinx_bookreview.config import conf_py
from sphinx_bookreview.covers import (
    COPIES_PRIORITY,
    cover_size,
    cover_src,
    image_url,
    listed_copies,
    load_first,
    shown_copies,
    srcset,
)
from sphinx_bookreview.domain import BookDomain, review_uri
from sphinx_bookreview.model import InvalidValue, is_url, parse_url
from sphinx_bookreview.rating import rating_html
from sphinx_bookreview.shared import colon
from sphinx_bookreview.theme.navigation import site_navigation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_bookreview.model import Review

    Context = dict[str, Any]

_ = get_translation("sphinx_bookreview")
__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

THEME_PATH = Path(__file__).parent
#: The theme's icon in its ``static`` folder: the favicon of projects without ``html_favicon``.
ICON = "bookreview-icon.svg"
#: The domain indices linked from every page, in this order.
INDICES = ("author", "tag", "rating")
#: Covers on the home page loaded at once (the first row on a wide screen).
EAGER_COVERS = 4
#: Longest meta description search engines show in full.
DESCRIPTION_LENGTH = 160
#: A colour a project may set for the accent: a name, hex or CSS function, nothing that ends a rule.
_CSS_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}|[A-Za-z]+|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([0-9.%,/ a-z-]*\)")


def uses_theme(app: Sphinx) -> bool:
    """Whether this builder writes pages from our theme's templates (or
    from those of a theme built on it). Not the JSON and pickle builders:
    they make the theme but write the page's context for another program."""
    theme = getattr(app.builder, "theme", None)
    if theme is None or isinstance(app.builder, SerializingHTMLBuilder):
        return False
    return str(THEME_PATH) in map(str, theme.get_theme_dirs())


# -- options ---------------------------------------------------------------


def option_int(app: Sphinx, context: Context, name: str, default: int) -> int:
    """A count: a whole number, 0 or more (``-1`` is not "all")."""
    text = str(context.get(f"theme_{name}", default)).strip()
    if text.isascii() and text.isdigit():
        return int(text)
    logger.warning(__("theme option %s must be a whole number of 0 or more; using %d"), name, default,
                   type="bookreview", subtype="config", once=True,
                   location=conf_py(app, "html_theme_options"))  # fmt: skip
    return default


def option_bool(app: Sphinx, context: Context, name: str, default: bool) -> bool:
    text = str(context.get(f"theme_{name}", default)).strip().lower()
    if text in ("true", "1", "yes", "on", "false", "0", "no", "off", ""):
        return text in ("true", "1", "yes", "on")
    logger.warning(__("theme option %s must be true or false; using %s"), name, str(default).lower(), type="bookreview",
                   subtype="config", once=True, location=conf_py(app, "html_theme_options"))  # fmt: skip
    return default


def option_text(context: Context, name: str) -> str:
    return str(context.get(f"theme_{name}") or "").strip()


def accent_colours(app: Sphinx, context: Context) -> list[tuple[str, str]]:
    """The project's accent colours that are valid, as ``(CSS property, value)``."""
    colours = []
    for option in ("accent_color", "accent_color_dark"):
        value = option_text(context, option)
        if not value:
            continue
        if not _CSS_COLOUR.fullmatch(value):
            logger.warning(__("theme option %s: %r is not a CSS colour; ignored"), option, value, type="bookreview",
                           subtype="config", once=True, location=conf_py(app, "html_theme_options"))  # fmt: skip
            continue
        colours.append((f"--bookreview-theme-{option.replace('_', '-')}", value))
    return colours


# -- links -----------------------------------------------------------------


def index_links(app: Sphinx, context: Context) -> list[dict[str, str]]:
    """The ``book`` domain's index pages this build writes, with their titles."""
    written = BookDomain.index_pages(app.builder)
    titles = {"author": _("Authors"), "tag": _("Tags"), "rating": _("Ratings")}
    return [{"title": titles[key], "url": context["pathto"](f"book-{key}")}
            for key in INDICES if f"book-{key}" in written]  # fmt: skip


# -- reviews ---------------------------------------------------------------


def stars(app: Sphinx, value: float) -> Markup:
    """The rating as the page's own ratings are drawn, ready to print:
    numbers and our translated label, escaped by :func:`rating_html`."""
    config = app.config
    return Markup(rating_html(value, config.bookreview_rating_scale, config.bookreview_rating_step, config.language))


def cover(app: Sphinx, context: Context, review: Review, eager: bool) -> dict[str, str] | None:
    """The cover's URL from this page and its size where it is known; its
    resized copies (``srcset``, ``sizes``) where the builder shows them."""
    imgpath = context["pathto"](app.builder.imagedir, resource=True)
    copies = shown_copies(app.builder, review.cover, "grid")
    if copies is not None:
        src = image_url(app.builder, copies.src, imgpath=imgpath)
        candidates, sizes, size = srcset(app.builder, copies.srcset, imgpath=imgpath), copies.sizes, copies.size
    else:
        src, candidates, sizes = cover_src(app.builder, review.cover, imgpath=imgpath), "", ""
        size = cover_size(app.env.srcdir, review.cover)  # type: ignore[assignment]
    if not src:
        return None
    width, height = (str(size[0]), str(size[1])) if size else ("", "")
    # The first row is in view at once: loading it lazily only delays it,
    # and one of its covers is the page's largest picture (LCP).
    return {"src": src, "srcset": candidates, "sizes": sizes, "alt": _("Cover of %s") % review.title,
            "width": width, "height": height, "loading": "eager" if eager else "lazy",
            "fetchpriority": "high" if eager else ""}  # fmt: skip


def grid_reviews(app: Sphinx, context: Context) -> list[Review]:
    """The reviews the home page's grid shows."""
    return BookDomain.of(app.env).newest_first[: option_int(app, context, "recent_reviews", 12)]


def recent_reviews(app: Sphinx, pagename: str, context: Context) -> list[dict[str, Any]]:
    """The newest reviews for the home page's grid."""
    with_covers = option_bool(app, context, "show_covers", default=True)
    return [
        {
            "title": review.title,
            "authors": review.authors,  # each in its own writing direction (<bdi>)
            "url": review_uri(app.builder, pagename, review),
            "cover": cover(app, context, review, n < EAGER_COVERS) if with_covers else None,
            "rating": stars(app, review.rating) if review.rating is not None else None,
        }
        for n, review in enumerate(grid_reviews(app, context))
    ]


def want_grid_covers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Ask for the grid's copies while the home page is resolved: in the
    main process, where the copies are made at the end of the build (under
    ``-j`` the page's context is made in a writing process)."""
    if docname != app.config.root_doc or not uses_theme(app):
        return
    # The theme's options as every page's context gets them: the HTML
    # builder's ``globalcontext``, made before any page is resolved. Sphinx
    # documents no other way to read them at this point;
    # tests/test_cover_copies.py makes the grid's copies under -j on
    # Sphinx 7.4 and the newest.
    context = getattr(app.builder, "globalcontext", {})
    if option_bool(app, context, "show_covers", default=True):
        for review in grid_reviews(app, context):
            shown_copies(app.builder, review.cover, "grid")
        # The grid's first row, above the page's text, loads first; a
        # listing below it waits for its turn.
        for listed in listed_copies(doctree):
            load_first(listed, first=False)


def review_neighbours(app: Sphinx, pagename: str) -> dict[str, dict[str, str] | None] | None:
    """The review pages before and after this one, oldest first."""
    pages = BookDomain.of(app.env).review_pages
    if pagename not in pages or app.builder.name == "singlehtml":
        return None

    def link(review: Review | None) -> dict[str, str] | None:
        return {"title": review.title, "url": review_uri(app.builder, pagename, review)} if review else None

    previous, following = pages[pagename]
    return {"prev": link(previous), "next": link(following)}


# -- meta description ------------------------------------------------------


def first_paragraph(doctree: nodes.document | None) -> str:
    for paragraph in doctree.findall(nodes.paragraph) if doctree else ():
        text = " ".join(paragraph.astext().split())
        if text:
            return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return ""


def description(app: Sphinx, pagename: str, context: Context, doctree: nodes.document | None) -> str:
    """A description for a page that has none (a review's verdict, or a
    ``meta`` directive, already gives one): the theme's ``description``
    on the home page, else the page's first paragraph, else the option."""
    if 'name="description"' in context.get("metatags", ""):
        return ""
    option = option_text(context, "description")
    home = pagename == app.config.root_doc
    return (option if home else "") or first_paragraph(doctree) or option or context.get("docstitle") or ""


# -- the handler -----------------------------------------------------------


def labels() -> dict[str, str]:
    """Every word the templates print, translated."""
    return {
        "skip": _("Skip to content"),
        "site": _("Site"),
        "menu": _("Contents"),
        "search": _("Search"),
        "theme": _("Colour theme"),
        "theme_auto": _("system"),
        "theme_light": _("light"),
        "theme_dark": _("dark"),
        "recent": _("Recent reviews"),
        "browse": _("Browse reviews"),
        "browse_label": colon(_("Browse reviews")),
        "reviews": _("Reviews"),
        "previous_review": _("Previous review"),
        "next_review": _("Next review"),
        "previous": _("Previous"),
        "next": _("Next"),
        "pages": _("Pages"),
        "contents": _("On this page"),
        "breadcrumbs": _("Breadcrumbs"),
        "home": _("Home"),
    }


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: Context, doctree: nodes.document | None
) -> None:
    if not uses_theme(app):
        return
    home = pagename == app.config.root_doc
    neighbours = review_neighbours(app, pagename) if doctree is not None else None
    kind = "home" if home else "review" if neighbours else "page"
    hide_name = option_bool(app, context, "hide_name", default=False)  # checked with or without a logo
    show_name = not (context.get("logo_url") and hide_name)
    navigation = site_navigation(app, pagename)
    context.update(
        bookreview_labels=labels(),
        bookreview_kind=kind,
        bookreview_title_suffix=title_suffix(context),
        bookreview_toc=context.get("toc", "") if kind == "page" and context.get("display_toc") else "",
        bookreview_description=description(app, pagename, context, doctree),
        bookreview_nav=navigation.links,
        bookreview_menu=navigation.menu,
        bookreview_indices=index_links(app, context),
        bookreview_recent=recent_reviews(app, pagename, context) if home else [],
        bookreview_neighbours=neighbours,
        bookreview_accent=accent_colours(app, context),
        bookreview_footer=option_text(context, "footer_text"),
        bookreview_logo_dark=logo_dark(app, context),
        bookreview_logo_alt="" if show_name else logo_alt(app, context),
        bookreview_show_name=show_name,
        bookreview_copyright=copyright_lines(app),
        # The theme's own icon where the project has none: browsers then ask
        # for no /favicon.ico, a 404 in the console of every site without one.
        bookreview_favicon=context.get("favicon_url") or context["pathto"](f"_static/{ICON}", resource=True),
    )


def logo_alt(app: Sphinx, context: Context) -> str:
    """The text of a logo shown without the site's name beside it (beside
    it, the logo is decorative): the name it stands for, as the header
    would show it (``html_short_title``, which is ``html_title`` unless
    set), as other themes name their logo by the site's title. Its runs of
    spaces as one, as the page shows them (Sphinx's default ``html_title``
    has two without a ``release``); ``project`` when the title is empty."""
    return " ".join(str(context.get("shorttitle") or "").split()) or app.config.project


def title_suffix(context: Context) -> str:
    """The site's name after the page's title, unless that is the same.
    Sphinx hands the title as HTML: its text is what ``striptags`` gives,
    the filter Sphinx's own templates put the title through."""
    site = context.get("docstitle") or ""
    page = Markup(context.get("title") or "").striptags()
    return "" if context.get("embedded") or page == site else site


def copyright_lines(app: Sphinx) -> list[str]:
    """``copyright`` as a list of lines (Sphinx accepts a string or a sequence)."""
    value = app.config.copyright
    return [value] if isinstance(value, str) else [str(line) for line in value]


def logo_dark(app: Sphinx, context: Context) -> str:
    """The URL of the logo for dark mode, if the project gives one: an
    http(s) URL as given, a file in ``html_static_path`` as it is copied
    to ``_static``; anything else is a warning and no dark logo."""
    logo = option_text(context, "logo_dark")
    if not logo:
        return ""
    if is_url(logo):
        try:
            return parse_url(logo)
        except InvalidValue:
            pass
    elif in_static_path(app, logo):
        return str(context["pathto"]("_static/" + logo.lstrip("/"), resource=True))
    logger.warning(__("theme option logo_dark: %r is neither an http(s) URL nor a file in html_static_path; "
                      "no dark logo"), logo, type="bookreview", subtype="config", once=True,
                   location=conf_py(app, "html_theme_options"))  # fmt: skip
    return ""


def in_static_path(app: Sphinx, name: str) -> bool:
    """Whether ``name`` is a file that ``html_static_path`` copies to
    ``_static``: inside one of its folders, or one of its files."""
    for entry in app.config.html_static_path:
        try:
            static = Path(app.confdir, entry).resolve()
            candidate = (static / name.lstrip("/")).resolve()
            if (static.is_file() and name == static.name) or (
                static.is_dir() and candidate.is_relative_to(static) and candidate.is_file()
            ):
                return True
        except (OSError, ValueError):  # a name too long for the system, or with a NUL
            continue
    return False


def setup_context(app: Sphinx) -> None:
    # After the extension's own handlers (default priority 500), so a
    # review's description is already in the meta tags.
    app.connect("html-page-context", page_context, priority=800)
    # After the covers' copies are in the doctree (priority 550).
    app.connect("doctree-resolved", want_grid_covers, priority=COPIES_PRIORITY + 10)
