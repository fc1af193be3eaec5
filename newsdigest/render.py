"""Digest -> {output path: bytes} for every HTML page, through the Jinja layouts. Writes nothing."""

from __future__ import annotations

import ast
import hashlib
import json
import posixpath
import re
import traceback
import unicodedata
from datetime import datetime
from pathlib import Path
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from markupsafe import Markup

from .config import Config
from .content import Article
from .digest import Digest, Group, front_days
from .errors import BuildError, Problems
from .feeds import article_id
from .i18n import Language, direction, primary
from .ledger.records import compiled_layout
from .nav import NavItem, header_sections
from .slug import slugify
from .stories import language_of

Pages = dict[str, bytes]


def make_environment(layouts: Path, digest: Digest, site_title: str = "", compiled: BytecodeCache | None = None) -> Environment:
    """The layouts' environment; every layout and macro sees url(article) and local(datetime) of this digest,
    outlet(article): who published it (its source's name, else `site_title`: the digest's own),
    article_id(article, site.url): its id in the feeds, language (the site's: .tag, .dir, .arrows), the filters
    article_lang and site_lang (Voices), the gettext calls of Jinja's i18n extension over the site's catalog
    (_("Archive"), _("By %(names)s")|format(names=…), ngettext(…)|format(num=…), {% trans %}), and the filters
    that write dates and numbers in its language.

    The extension's old-style calls, each translation looked up once: the new style wraps every call in
    two more context calls and a Markup formatting, a tenth of a cold build at 1,000 articles, and its
    calls' text is constant per build. A {% trans %} block still escapes its variables. `compiled`: where the
    compiled layouts are kept between builds (Compiled)."""
    env = Environment(loader=FileSystemLoader(layouts), autoescape=select_autoescape(default=True), auto_reload=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      extensions=["jinja2.ext.i18n", TranslatedWhenLoaded], bytecode_cache=compiled)
    language = digest.language
    gettext = lru_cache(maxsize=4096)(language.translations.gettext)
    env.install_gettext_callables(gettext=gettext, ngettext=lru_cache(maxsize=4096)(language.translations.ngettext),
                                  newstyle=False)
    env.globals["_"] = gettext   # not the extension's alias, which looks gettext up in the context on every call
    voice = Voices(language)
    env.globals.update(url=digest.url, local=digest.local, language=language, article_id=article_id,
                       outlet=lambda a: a.source_name or site_title)
    env.filters.update(longdate=language.long_date, longdatetime=language.long_date_time, date=language.date,
                       shortdate=language.short_date, month=language.month, clock=language.clock,
                       number=language.number, names=language.names, minutes_read=language.minutes_read,
                       stories=language.stories, article_lang=voice.article, site_lang=voice.site,
                       slug=slugify)
    return env


class Compiled(BytecodeCache):
    """Jinja's bytecode cache over the build ledger (`ledger`: its file, None when it is not trusted): layouts
    compiled by the last builds are not compiled again. `salt` (the language's version: layouts are compiled
    with their words translated) is part of each key. What this process compiles is kept in `made`, for the
    build to write with its records (ledger.Records.layouts)."""

    def __init__(self, ledger: Path | None, salt: str) -> None:
        self.ledger, self.salt, self.made = ledger, salt, {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.salt}|{name}|{filename}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        code = compiled_layout(self.ledger, bucket.key)
        if code:
            bucket.bytecode_from_string(code)   # (Jinja checks the layout's checksum and its own version)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.made[bucket.key] = bucket.bytecode_to_string()


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


def plan_pages(digest: Digest, config: Config, search: bool, problems: Problems | None = None) -> Iterator[Page]:
    """Every page of the site, each with exactly the data its layout shows; with `search`, a search page (it reads
    the bundles to merge from pagefind/bundles.json: search.listing). Every page's header names the sections
    nav.py picks (`sections`) and, when it leaves some out, links the Sections page (`more_sections`)."""
    nav, more = header_sections([(g.name, g.slug, len(g.articles)) for g in digest.sections], config.nav,
                                problems or Problems())
    header = {"sections": nav, "more_sections": more}
    for kind in PAGE_KINDS:
        for path, template, context in kind(digest, config):
            yield Page(path, template, {**header, "search": search, **context})
    if search:
        _ = digest.language.gettext
        yield Page("search/index.html", "search.html", {
            **header, "search": True, "base_path": urlsplit(config.site.url).path,
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
    yield "index.html", "index.html", {"days": front_days(days, digest.zone), "older": older, "title": None,
                                      "description": config.site.description}


def article_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    """Each article, with the section and tag pages it is filed under as those pages name themselves (tags
    that differ in case alone are one page, one search filter value, one name)."""
    section_name = {g.slug: g.name for g in digest.sections}
    tag_name = {g.slug: g.name for g in digest.tags}
    for a in digest.articles:
        newer, older = digest.neighbours(a)
        tags = tuple(dict.fromkeys(NavItem(tag_name[s], s) for s in map(slugify, a.tags)))
        yield digest.url(a) + "index.html", "article.html", {
            "article": a, "newer": newer, "older": older, "related": digest.related(a), "title": a.title,
            "story": digest.story_of[a.source], "description": a.summary or a.title,
            "section_page": NavItem(section_name[slugify(a.category)], slugify(a.category)), "tag_pages": tags}


def story_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    language = digest.language
    for story in digest.stories:
        if story.page:
            first, last = (digest.local(a.date).date() for a in (story.articles[0], story.articles[-1]))
            n = len(story.articles)
            yield f"story/{story.id}/index.html", "story.html", {
                "story": story, "title": story.headline,
                "description": language.ngettext("%(num)s article on this story, %(first)s.",
                                                 "%(num)s articles on this story, %(first)s.", n,
                                                 first=language.date(first)) if first == last else
                               language.ngettext("%(num)s article on this story, %(first)s to %(last)s.",
                                                 "%(num)s articles on this story, %(first)s to %(last)s.", n,
                                                 first=language.date(first), last=language.date(last))}


def day_pages(digest: Digest, config: Config) -> Iterator[tuple[str, str, dict]]:
    language = digest.language
    for i, day in enumerate(digest.days):
        yield f"{day.day:%Y/%m/%d}/index.html", "day.html", {
            "day": day, "title": language.long_date(day.day),
            "newer": digest.days[i - 1] if i > 0 else None,
            "older": digest.days[i + 1] if i + 1 < len(digest.days) else None,
            "description": language.ngettext("The digest for %(date)s: %(num)s story.",
                                              "The digest for %(date)s: %(num)s stories.", day.stories,
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
    front_page, article_pages, story_pages, day_pages, section_pages, tag_pages, archive_page, not_found_page,
]


def sitemap_and_robots(paths: Iterable[str], digest: Digest, config: Config) -> Pages:
    """sitemap.xml listing every HTML page, with lastmod; robots.txt pointing to it."""
    lastmod = (digest.updated or datetime(2000, 1, 1)).isoformat()
    article_dates = {digest.url(a) + "index.html": (a.updated or a.date).isoformat() for a in digest.articles}
    entries = []
    for path in sorted(p for p in paths if p.endswith("index.html")):
        loc = config.site.url + path[: -len("index.html")]
        entries.append(f"  <url><loc>{escape(loc, quote=False)}</loc><lastmod>{article_dates.get(path, lastmod)}</lastmod></url>")
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           + "\n".join(entries) + "\n</urlset>\n")
    robots = f"User-agent: *\nAllow: /\nSitemap: {config.site.url}sitemap.xml\n"
    return {"sitemap.xml": xml.encode("utf-8"), "robots.txt": robots.encode("utf-8")}


def stories_json(digest: Digest, config: Config, known: dict[str, tuple[str, str]], fingerprint: Callable[[object], str]
                 ) -> tuple[bytes, dict[str, tuple[str, str]]]:
    """site/stories.json: every story, the newest first, each on a line, with its articles oldest first: for other
    tools. `known`: the last build's line of each story, by id, with the fingerprint of the Story it was made
    from, kept when it is the same; returned for the next build."""
    site = config.site

    def article(a) -> dict:
        return {"url": site.url + digest.url(a), "title": a.title, "date": a.date.isoformat(),
                "outlet": a.source_name or site.title, "language": language_of(a, site.language),
                **({"source_url": a.source_url} if a.source_url else {})}

    lines: dict[str, tuple[str, str]] = {}
    for s in digest.stories:
        made_from = fingerprint(s)
        last_from, line = known.get(s.id) or ("", "")
        if last_from != made_from:
            articles = [article(a) for a in s.articles]
            line = json.dumps({"id": s.id, "headline": s.headline, "first": articles[0]["date"], "last": articles[-1]["date"],
                               "url": f"{site.url}story/{s.id}/" if s.page else None, "articles": articles},
                              ensure_ascii=False)
        lines[s.id] = (made_from, line)
    text = '{"version": 1, "stories": [\n' + ",\n".join(line for _, line in lines.values()) + "\n]}\n"
    return text.encode("utf-8"), lines


def static_files(layouts: Path) -> Pages:
    """Copy layouts/static/** as they are."""
    folder = layouts / "static"
    return {f"static/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.is_dir() else {}
