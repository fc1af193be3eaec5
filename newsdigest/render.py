"""Digest -> {output path: bytes} for every HTML page, through the Jinja layouts. Writes nothing."""

from __future__ import annotations

import ast
import json
import posixpath
import re
import traceback
import unicodedata
from datetime import datetime
from pathlib import Path
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, NamedTuple
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.ext import Extension
from markupsafe import Markup

from .config import Config
from .digest import Digest, Group
from .errors import BuildError
from .content import Article
from .i18n import Language, direction, primary
from .slug import slugify

Pages = dict[str, bytes]


def make_environment(layouts: Path, digest: Digest) -> Environment:
    """The layouts' environment; every layout and macro sees url(article) and local(datetime) of this digest,
    language (the site's: .tag, .dir, .arrows), the filters article_lang and site_lang (Voices), the gettext calls of Jinja's i18n extension over the site's catalog
    (_("Archive"), _("By %(names)s")|format(names=…), ngettext(…)|format(num=…), {% trans %}), and the
    filters that write dates and numbers in its language.

    The extension's old-style calls, each translation looked up once: the new style wraps every call in
    two more context calls and a Markup formatting, a tenth of a cold build at 1,000 articles, and its
    calls' text is constant per build. A {% trans %} block still escapes its variables."""
    env = Environment(loader=FileSystemLoader(layouts), autoescape=select_autoescape(default=True), auto_reload=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      extensions=["jinja2.ext.i18n", TranslatedWhenLoaded])
    language = digest.language
    gettext = lru_cache(maxsize=4096)(language.translations.gettext)
    env.install_gettext_callables(gettext=gettext, ngettext=lru_cache(maxsize=4096)(language.translations.ngettext),
                                  newstyle=False)
    env.globals["_"] = gettext   # not the extension's alias, which looks gettext up in the context on every call
    voice = Voices(language)
    env.globals.update(url=digest.url, local=digest.local, language=language)
    env.filters.update(longdate=language.long_date, longdatetime=language.long_date_time, date=language.date,
                       shortdate=language.short_date, month=language.month, clock=language.clock,
                       number=language.number, names=language.names, minutes_read=language.minutes_read,
                       stories=language.stories, article_lang=voice.article, site_lang=voice.site,
                       slug=slugify)
    return env


class TranslatedWhenLoaded(Extension):
    """Writes each {{ _("…") }} of a layout, a message alone, as its translation when the layout is loaded: the site's language is fixed for a build, and the words of the masthead and footer are on
    every page. Messages with values (_("…")|format(…), ngettext, {% trans %}) are translated as the page
    is made."""

    CONSTANT = re.compile(r'\{\{\s*_\(("(?:[^"\\\n]|\\.)*")\)\s*\}\}')

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        gettext = self.environment.globals["_"]
        return self.CONSTANT.sub(lambda m: "{{ " + json.dumps(gettext(ast.literal_eval(m[1])), ensure_ascii=False) + " }}",
                                 source)   # a constant, which Jinja escapes and writes into the compiled layout


class Voices:
    """The lang and dir attributes that keep an article's words in its language and the site's words in the
    site's: article(a) on the article's element (a story, a card), site(a) on the site's words inside it
    (its section, date and reading time, the credit line). Both are empty for an article in the site's
    language and direction. An article whose front matter gives no language is in the site's, and takes
    the direction its headline is written in (an Arabic story in a hand-written file reads right to left)."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.cache: dict[Article, tuple[Markup, Markup]] = {}

    def article(self, a: Article) -> Markup:
        return self._attributes(a)[0]

    def site(self, a: Article) -> Markup:
        return self._attributes(a)[1]

    def _attributes(self, a: Article) -> tuple[Markup, Markup]:
        found = self.cache.get(a)
        if found is None:
            site = self.language
            other_language = bool(a.lang) and primary(a.lang) != site.primary
            way = direction(a.lang) if a.lang else written_direction(f"{a.title} {a.dek}", site.dir)
            own = (f' lang="{a.lang}"' if other_language else "") + (f' dir="{way}"' if way != site.dir else "")
            ours = (f' lang="{site.tag}"' if other_language else "") + (f' dir="{site.dir}"' if way != site.dir else "")
            found = self.cache[a] = (Markup(own), Markup(ours))
        return found


def written_direction(text: str, default: str) -> str:
    """'rtl' or 'ltr' as the first letter of `text` that has a direction reads (the Unicode bidirectional
    algorithm's rule for dir="auto"), `default` when none does."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


@dataclass(frozen=True)
class Page:
    """One HTML page to make: where it goes, its layout, and what the layout is given."""

    path: str
    template: str
    context: dict


class NavItem(NamedTuple):
    name: str
    slug: str


def plan_pages(digest: Digest, config: Config, search: tuple[tuple[str, str], ...] | None) -> Iterator[Page]:
    """Every page of the site, each with exactly the data its layout shows; with `search` (the search
    bundles' folders, the primary first, each with its languages), a search page that merges them."""
    nav = tuple(NavItem(g.name, g.slug) for g in digest.sections)
    for kind in PAGE_KINDS:
        for path, template, context in kind(digest, config):
            yield Page(path, template, {"sections": nav, "search": bool(search), **context})
    if search:
        _ = digest.language.gettext
        yield Page("search/index.html", "search.html", {
            "sections": nav, "search": True, "bundles": tuple(folder for folder, codes in search),
            "bundle_languages": tuple(codes for folder, codes in search), "base_path": urlsplit(config.site.url).path,
            "title": _("Search"), "description": _("Search every story in %(site)s.", site=config.site.title)})


def render_page(env: Environment, page: Page, digest: Digest, config: Config) -> bytes:
    """Render one page; a broken layout is a BuildError naming the template and line."""
    base = posixpath.dirname(page.path)
    root = posixpath.relpath(".", base) + "/" if base else ""
    page_url = config.site.url + (page.path[: -len("index.html")] if page.path.endswith("index.html") else page.path)
    try:
        html = env.get_template(page.template).render(
            site=config.site, links=config.links, root=root, page_url=page_url, **page.context)
    except TemplateError as exc:
        raise _layout_error(exc, config.path("layouts"), page) from None
    if config.links.local:
        html = FOLDER_LINK.sub(lambda m: f'{m[1]}="{m[2]}index.html{m[3] or ""}"', html)
    return html.encode("utf-8")


FOLDER_LINK = re.compile(r'\b(href|action)="((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)(?:[^"#?]*/)?)([?#][^"]*)?"')
"""A relative link to a folder (or to the site's root, ""), for the file it stands for: a browser reading
files from disk shows a folder as a listing."""


def _layout_error(exc: TemplateError, layouts: Path, page: Page) -> BuildError:
    """Name the template file and line (from a syntax error, or from the innermost template frame), and the
    page being made, with its article's file: a layout may fail on one article's front matter alone."""
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not name:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
        name, line = (frames[-1].filename, frames[-1].lineno) if frames else (str(layouts), None)
    shown = Path(name).resolve()
    shown = f"layouts/{shown.relative_to(layouts).as_posix()}" if shown.is_relative_to(layouts) else name
    article = page.context.get("article")
    making = f" (making {page.path}" + (f", from {article.source})" if article is not None else ")")
    hint = ("; for a key only some articles have, write article.extra.get('key')"
            if "'dict object' has no attribute" in str(exc.message or exc) else "")
    return BuildError(f"layout error: {exc.message or exc}{making}{hint}", shown, line)


# ---- page kinds: each yields (output path, template, context) --------------------------------------------


def front_page(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    days = digest.days[: config.digest.front_page_days]
    older = digest.days[len(days)] if len(digest.days) > len(days) else None
    yield "index.html", "index.html", {"days": days, "older": older, "title": None,
                                      "description": config.site.description}


def article_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    for a in digest.articles:
        newer, older = digest.neighbours(a)
        yield digest.url(a) + "index.html", "article.html", {
            "article": a, "newer": newer, "older": older, "related": digest.related(a), "title": a.title,
            "description": a.summary or a.title}


def day_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    language = digest.language
    for i, day in enumerate(digest.days):
        yield f"{day.day:%Y/%m/%d}/index.html", "day.html", {
            "day": day, "title": language.long_date(day.day),
            "newer": digest.days[i - 1] if i > 0 else None,
            "older": digest.days[i + 1] if i + 1 < len(digest.days) else None,
            "description": language.ngettext("The digest for %(date)s: %(num)s story.",
                                              "The digest for %(date)s: %(num)s stories.", day.count,
                                              date=language.date(day.day))}


def section_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    _ = digest.language.gettext
    yield from _group_pages("section", _("Section"), digest.sections, config, digest.language, {
        "title": _("All sections"), "description": _("Every section of the digest, with counts.")})


def tag_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    _ = digest.language.gettext
    yield from _group_pages("tag", _("Tag"), digest.tags, config, digest.language, {
        "title": _("All tags"), "description": _("Every tag of the digest, with counts.")})


def _group_pages(kind: str, label: str, groups: tuple[Group, ...], config: Config, language: Language,
                 index: dict[str, str]) -> Iterator[tuple[str, str, dict]]:
    _ = language.gettext
    yield f"{kind}/index.html", "groups.html", {"kind": kind, "groups": groups, **index}
    size = config.digest.page_size
    for g in groups:
        # Older pages are numbered from the oldest and hold `size` stories each, so a new story changes the
        # group's first page alone (it holds the newest size to 2 x size - 1): old pages keep their addresses,
        # bytes and caches.
        numbered = max(0, len(g.articles) // size - 1)
        oldest_first = g.articles[::-1]
        common = {"kind": kind, "label": label,
                  "description": _("%(label)s %(name)s: older stories.", label=label, name=g.name)}
        yield f"{kind}/{g.slug}/index.html", "list.html", {
            **common, "group": g, "articles": g.articles[:len(g.articles) - numbered * size], "page": 0,
            "newer": None, "older": f"page/{numbered}/" if numbered else None, "title": g.name,
            "description": language.ngettext("%(label)s %(name)s: %(num)s story.", "%(label)s %(name)s: %(num)s stories.",
                                             len(g.articles), label=label, name=g.name)}
        for n in range(1, numbered + 1):
            yield f"{kind}/{g.slug}/page/{n}/index.html", "list.html", {
                **common, "group": NavItem(g.name, g.slug), "articles": oldest_first[(n - 1) * size:n * size][::-1],
                "page": n, "newer": f"page/{n + 1}/" if n < numbered else "", "older": f"page/{n - 1}/" if n > 1 else None,
                "title": _("%(name)s (page %(page)s)", name=g.name, page=language.number(n))}


def archive_page(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    _ = digest.language.gettext
    months: dict[str, list] = {}
    for day in digest.days:
        months.setdefault(digest.language.month(day.day), []).append(day)
    yield "archive/index.html", "archive.html", {"months": months, "title": _("Archive"),
                                                 "description": _("Every day of the digest.")}


def not_found_page(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    _ = digest.language.gettext
    yield "404.html", "404.html", {"title": _("Page not found"), "description": _("This page does not exist.")}


PAGE_KINDS: list[Callable[[Digest, Config], Iterator[tuple[str, str, dict]]]] = [
    front_page, article_pages, day_pages, section_pages, tag_pages, archive_page, not_found_page,
]


def sitemap_and_robots(paths: Iterable[str], digest: Digest, config: Config) -> Pages:
    """sitemap.xml listing every HTML page, with lastmod; robots.txt pointing to it."""
    lastmod = (digest.updated or datetime(2000, 1, 1)).isoformat()
    article_dates = {digest.url(a) + "index.html": (a.updated or a.date).isoformat() for a in digest.articles}
    entries = []
    for path in sorted(p for p in paths if p.endswith("index.html")):
        loc = config.site.url + path[: -len("index.html")]
        entries.append(f"  <url><loc>{escape(loc)}</loc><lastmod>{article_dates.get(path, lastmod)}</lastmod></url>")
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           + "\n".join(entries) + "\n</urlset>\n")
    robots = f"User-agent: *\nAllow: /\nSitemap: {config.site.url}sitemap.xml\n"
    return {"sitemap.xml": xml.encode("utf-8"), "robots.txt": robots.encode("utf-8")}


def static_files(layouts: Path) -> Pages:
    """Copy layouts/static/** as they are."""
    folder = layouts / "static"
    return {f"static/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.is_dir() else {}
