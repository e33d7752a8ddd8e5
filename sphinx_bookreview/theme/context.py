"""What the theme's templates show, computed once per page in Python.

Every value is handed to the templates under a ``bookreview_`` name, so the
templates only print and loop. Reviews come from the ``book`` domain's
public views (``winners``, ``reviews_in``), never its stored data.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_bookreview.config import conf_py
from sphinx_bookreview.covers import cover_size, cover_src
from sphinx_bookreview.domain import BookDomain, review_uri
from sphinx_bookreview.model import is_url
from sphinx_bookreview.rating import rating_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_bookreview.model import Review

    Context = dict[str, Any]

_ = get_translation("sphinx_bookreview")
__ = get_translation("sphinx_bookreview", "console")
logger = logging.getLogger(__name__)

THEME_PATH = Path(__file__).parent
#: The domain indices linked from every page, in this order.
INDICES = ("author", "tag", "rating")
#: Covers on the home page loaded at once (the first row on a wide screen).
EAGER_COVERS = 4
#: Most top-level pages shown as links in the header; more go in a menu.
INLINE_PAGES = 5
#: Longest meta description search engines show in full.
DESCRIPTION_LENGTH = 160
#: A colour a project may set for the accent: a name, hex or CSS function, nothing that ends a rule.
_CAPTION = re.compile(r'<p class="caption" role="heading">.*?</p>', re.DOTALL)
_CAPTION_HEADING = '<p class="caption" role="heading">'
_CSS_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}|[A-Za-z]+|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([0-9.%,/ a-z-]*\)")


def uses_theme(app: Sphinx) -> bool:
    """Whether this builder renders with our theme (or a theme built on it)."""
    theme = getattr(app.builder, "theme", None)
    return theme is not None and str(THEME_PATH) in map(str, theme.get_theme_dirs())


# -- options ---------------------------------------------------------------


def option_int(app: Sphinx, context: Context, name: str, default: int) -> int:
    try:
        return max(0, int(str(context.get(f"theme_{name}", default)).strip()))
    except ValueError:
        logger.warning(__("theme option %s must be a whole number; using %d"), name, default, type="bookreview",
                       subtype="config", once=True, location=conf_py(app, "html_theme_options"))  # fmt: skip
        return default


def option_bool(context: Context, name: str) -> bool:
    return str(context.get(f"theme_{name}", "")).strip().lower() in ("true", "1", "yes", "on")


def option_text(context: Context, name: str) -> str:
    return str(context.get(f"theme_{name}") or "").strip()


def accent_style(app: Sphinx, context: Context) -> str:
    """An inline ``<style>`` with the project's accent colours, if valid."""
    rules = []
    for option in ("accent_color", "accent_color_dark"):
        value = option_text(context, option)
        if not value:
            continue
        if not _CSS_COLOUR.fullmatch(value):
            logger.warning(__("theme option %s: %r is not a CSS colour; ignored"), option, value, type="bookreview",
                           subtype="config", once=True, location=conf_py(app, "html_theme_options"))  # fmt: skip
            continue
        rules.append(f"--bookreview-theme-{option.replace('_', '-')}: {value};")
    return f"<style>:root {{ {' '.join(rules)} }}</style>" if rules else ""


# -- links -----------------------------------------------------------------


def index_links(app: Sphinx, context: Context) -> list[dict[str, str]]:
    """The ``book`` domain's index pages this build writes, with their titles."""
    written = BookDomain.index_pages(app.builder)
    titles = {"author": _("Authors"), "tag": _("Tags"), "rating": _("Ratings")}
    return [{"title": titles[key], "url": context["pathto"](f"book-{key}")}
            for key in INDICES if f"book-{key}" in written]  # fmt: skip


def site_navigation(context: Context) -> tuple[str, str]:
    """The top-level pages as ``(links, menu)``: a few pages are links in
    the header (the toctrees' captions dropped: it is one list); more, or
    several captioned groups, go in a menu, grouped under their captions."""
    toctree = context.get("toctree")
    if toctree is None:
        return "", ""
    pages = str(toctree(maxdepth=1, collapse=True, titles_only=True, includehidden=True) or "")
    if pages.count('class="toctree-l1') <= INLINE_PAGES and pages.count('class="caption"') <= 1:
        return _CAPTION.sub("", pages), ""
    return "", fix_caption_headings(pages)


def fix_caption_headings(body: str) -> str:
    """Sphinx writes a toctree's caption as ``role="heading"`` with no
    level, which screen readers cannot place (axe: aria-required-attr);
    it stands under the page's title, so it is a level-2 heading."""
    return body.replace(_CAPTION_HEADING, _CAPTION_HEADING[:-1] + ' aria-level="2">')


# -- reviews ---------------------------------------------------------------


def stars(app: Sphinx, value: float) -> Markup:
    """The rating as the page's own ratings are drawn, ready to print:
    numbers and our translated label, escaped by :func:`rating_html`."""
    return Markup(rating_html(value, app.config.bookreview_rating_scale, app.config.bookreview_rating_step))


def cover(app: Sphinx, context: Context, review: Review, loading: str) -> dict[str, str] | None:
    """The cover's URL from this page and its size where it is known."""
    src = cover_src(app.builder, review.cover, imgpath=context["pathto"](app.builder.imagedir, resource=True))
    if not src:
        return None
    size = cover_size(app.env.srcdir, review.cover)
    width, height = (str(size[0]), str(size[1])) if size else ("", "")
    return {"src": src, "alt": _("Cover of %s") % review.title, "width": width, "height": height, "loading": loading}


def recent_reviews(app: Sphinx, pagename: str, context: Context) -> list[dict[str, Any]]:
    """The newest reviews for the home page's grid."""
    count = option_int(app, context, "recent_reviews", 12)
    with_covers = option_bool(context, "show_covers")
    return [
        {
            "title": review.title,
            "authors": ", ".join(review.authors),
            "url": review_uri(app.builder, pagename, review),
            # The first row is in view at once: loading it lazily only delays it.
            "cover": cover(app, context, review, "eager" if n < EAGER_COVERS else "lazy") if with_covers else None,
            "rating": stars(app, review.rating) if review.rating is not None else None,
        }
        for n, review in enumerate(BookDomain.of(app.env).newest_first[:count])
    ]


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


def description_tag(app: Sphinx, pagename: str, context: Context, doctree: nodes.document | None) -> str:
    """A description for a page that has none (a review's verdict, or a
    ``meta`` directive, already gives one): the theme's ``description``
    on the home page, else the page's first paragraph, else the option."""
    if 'name="description"' in context.get("metatags", ""):
        return ""
    option = option_text(context, "description")
    home = pagename == app.config.root_doc
    text = (option if home else "") or first_paragraph(doctree) or option or context.get("docstitle") or ""
    return f'<meta name="description" content="{html.escape(text)}" />\n' if text else ""


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
    show_name = not (context.get("logo_url") and option_bool(context, "hide_name"))
    context["metatags"] = context.get("metatags", "") + description_tag(app, pagename, context, doctree)
    context["body"] = fix_caption_headings(context.get("body", ""))
    links, menu = site_navigation(context)
    context.update(
        bookreview_labels=labels(),
        bookreview_kind=kind,
        bookreview_title_suffix=title_suffix(context),
        bookreview_toc=context.get("toc", "") if kind == "page" and context.get("display_toc") else "",
        bookreview_nav=links,
        bookreview_menu=menu,
        bookreview_indices=index_links(app, context),
        bookreview_recent=recent_reviews(app, pagename, context) if home else [],
        bookreview_neighbours=neighbours,
        bookreview_accent_style=accent_style(app, context),
        bookreview_footer=option_text(context, "footer_text"),
        bookreview_logo_dark=logo_dark(context),
        # The logo is decorative when the name is written beside it.
        bookreview_logo_alt="" if show_name else app.config.project,
        bookreview_show_name=show_name,
        bookreview_copyright=copyright_lines(app),
        # An empty icon where the project has none: browsers then ask for
        # no /favicon.ico, a 404 in the console of every site without one.
        bookreview_favicon=context.get("favicon_url") or "data:,",
    )


def title_suffix(context: Context) -> str:
    """The site's name after the page's title, unless that is the same."""
    site = context.get("docstitle") or ""
    page = html.unescape(re.sub(r"<[^>]*>", "", context.get("title") or ""))
    return "" if context.get("embedded") or page == site else site


def copyright_lines(app: Sphinx) -> list[str]:
    """``copyright`` as a list of lines (Sphinx accepts a string or a sequence)."""
    value = app.config.copyright
    return [value] if isinstance(value, str) else [str(line) for line in value]


def logo_dark(context: Context) -> str:
    """The URL of the logo for dark mode, if the project gives one."""
    logo = option_text(context, "logo_dark")
    if not logo:
        return ""
    return logo if is_url(logo) else context["pathto"]("_static/" + logo.lstrip("/"), resource=True)


def setup_context(app: Sphinx) -> None:
    # After the extension's own handlers (default priority 500), so a
    # review's description is already in the meta tags.
    app.connect("html-page-context", page_context, priority=800)
