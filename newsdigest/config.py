"""config.yaml -> a frozen, validated Config. Unknown or mistyped keys are errors naming the key."""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .errors import BuildError, yaml_problem
from .scan import bytes_hash


@dataclass(frozen=True)
class Person:
    """Who writes the digest, as feeds name them."""

    name: str
    email: str = ""
    url: str = ""


@dataclass(frozen=True)
class Site:
    """Who publishes the digest and where it lives."""

    title: str
    """Shown in every page header and as the feed title."""
    url: str
    """Absolute base URL (ends with /); feeds and canonical links are built on it."""
    description: str
    """One sentence for the front page and the feeds."""
    language: str = "en"
    """The language tag of the site's readers ('en', 'de', 'pt-BR', 'ar'): <html lang>, the feeds' language,
    the layouts' words (newsdigest/locales/, and paths.translations), CLDR's dates and numbers, and the
    direction of the pages (right to left for Arabic, Hebrew, Persian, Urdu, …)."""
    timezone: str = "UTC"
    """IANA zone for datelines that name no zone, and for hand-written dates without one."""
    author: Person | None = None
    """The feeds' author, for entries with no byline: a name, or {name, email, url}; the site's title when unset."""


@dataclass(frozen=True)
class Paths:
    """Folders, relative to config.yaml."""

    seeds: str = "seeds"
    content: str = "content"
    layouts: str = "layouts"
    output: str = "site"
    translations: str = "translations"
    """Your own catalogs, <language>.po: their messages add to or replace the shipped ones."""


@dataclass(frozen=True)
class DigestOptions:
    """How the front page and lists are cut."""

    front_page_days: int = 7
    """How many of the latest days the front page shows."""
    page_size: int = 20
    """Articles per page of a section or tag list."""


@dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped into stories (stories.py)."""

    window_hours: int = 72
    """Articles report the same event only if published at most this many hours apart (a story whose
    follow-ups link to each other may run longer)."""


@dataclass(frozen=True)
class FeedOptions:
    limit: int = 50
    """How many items, newest first, a feed carries."""


@dataclass(frozen=True)
class LinkOptions:
    """How links are written."""

    nofollow: bool = False
    """Add rel="nofollow" to links in article bodies that leave the site (rel="noopener" is always there)."""
    local: bool = False
    """Links between pages name the file (2025/06/18/x/index.html), so the site can be browsed from disk
    (file://); else they name the folder (2025/06/18/x/), as a web server expects. `build.py --local`."""


@dataclass(frozen=True)
class IngestOptions:
    """Extensions to the seed parser's rules, without code."""

    boilerplate: tuple[str, ...] = ()
    """Extra regular expressions; a seed line matching one in full is dropped."""
    timezones: dict[str, str] = field(default_factory=dict)
    """Extra zone abbreviations, e.g. {NPT: "+05:45"}."""
    sections: tuple[str, ...] = ()
    """Extra section names that breadcrumbs may use."""
    keep_duplicates: tuple[str, ...] = ()
    """Seed file names to publish even though their text nearly repeats another article's."""


@dataclass(frozen=True)
class Config:
    """Everything the build reads from config.yaml, validated."""

    root: Path
    """The folder holding config.yaml; every path is relative to it."""
    site: Site
    paths: Paths = field(default_factory=Paths)
    digest: DigestOptions = field(default_factory=DigestOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    feeds: FeedOptions = field(default_factory=FeedOptions)
    links: LinkOptions = field(default_factory=LinkOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    search: bool = True
    """Build the full-text search (Pagefind): a /search/ page and a search box in the header."""
    publish: str = "full"
    """'full', or 'excerpt': publish only each article's first paragraph with the link to the original
    (an article's front matter 'publish' wins)."""
    layout_keys: tuple[str, ...] = ()
    """Front-matter keys newsdigest does not use and the layouts read (article.extra.<key>): they pass
    without the warning an unknown key gets."""
    nav: tuple[str, ...] | None = None
    """The sections the header names, in this order (the others are on the Sections page); None: those with the
    most articles that fit one line on a phone (nav.py)."""
    source: str = field(default="", repr=False, compare=False)
    """scan.bytes_hash of the config file's bytes this was read from: the inputs' state hashes it (an edit of a
    comment makes the next build no no-op), the ledger's key does not (nor does it make that build a full one)."""

    def path(self, name: str) -> Path:
        """Return the absolute folder for 'seeds', 'content', 'layouts', 'output' or 'translations'."""
        return (self.root / getattr(self.paths, name)).resolve()

    def input_folders(self, named: bool = False) -> list[str]:
        """The folders a build reads (INPUT_FOLDERS), resolved (symbolic links followed); or, with `named`, as the
        config names them, for the next build's no-op check to follow their links again (one pointed elsewhere)."""
        return [str(self.root / getattr(self.paths, name)) if named else str(self.path(name)) for name in INPUT_FOLDERS]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.site.timezone)


INPUT_FOLDERS = ("seeds", "content", "layouts", "translations")
SECTIONS = {"site": Site, "paths": Paths, "digest": DigestOptions, "stories": StoryOptions, "feeds": FeedOptions,
            "links": LinkOptions, "ingest": IngestOptions}
OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
EMAIL = re.compile(r"^[^@\s()<>,;:\"\[\]]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def load_config(path: Path) -> Config:
    """Read and validate config.yaml; every problem is a BuildError naming the file and key."""
    try:
        raw = yaml.safe_load(text := (data := path.read_bytes()).decode("utf-8"))
    except FileNotFoundError:
        raise BuildError("config file not found here: run build.py in the project's folder or pass --config PATH",
                         path.absolute()) from None
    except IsADirectoryError:
        raise BuildError(f"a folder, not a config file: pass --config {path / 'config.yaml'}", path.absolute()) from None
    except yaml.YAMLError as exc:
        problem, line = yaml_problem(exc, text)
        raise BuildError(problem, path, line + 1 if line is not None else None) from None
    except UnicodeDecodeError:
        raise BuildError("not UTF-8 text", path) from None
    if not isinstance(raw, dict):
        raise BuildError("must be a mapping with at least a 'site' key", path)
    unknown = sorted(set(raw) - set(SECTIONS) - {"search", "publish", "layout_keys", "nav"})
    if unknown:
        raise BuildError(f"unknown key '{unknown[0]}' (known: {', '.join(SECTIONS)}, search, publish, layout_keys, nav)",
                         path)
    nav = raw.pop("nav", None)
    if nav is not None and not (isinstance(nav, list) and all(isinstance(n, str) and n.strip() for n in nav)):
        raise BuildError(f"'nav' must be a list of section names, e.g. [World, Business, Sport] (got {nav!r})", path)
    layout_keys = raw.pop("layout_keys", None) or []
    if not isinstance(layout_keys, list) or not all(isinstance(k, str) for k in layout_keys):
        raise BuildError(f"'layout_keys' must be a list of front-matter keys, e.g. [mood, sponsor] (got {layout_keys!r})", path)
    search = raw.pop("search", True)
    if not isinstance(search, bool):
        raise BuildError(f"'search' must be true or false (got {search!r})", path)
    publish = raw.pop("publish", "full")
    if publish not in ("full", "excerpt"):
        raise BuildError(f"'publish' must be full or excerpt (got {publish!r})", path)
    if "site" not in raw:
        raise BuildError("missing key 'site' (needs title, url, description)", path)
    parts = {name: _section(path, name, cls, raw.get(name) or {}) for name, cls in SECTIONS.items()}
    config = Config(root=path.resolve().parent, search=search, publish=publish, layout_keys=tuple(layout_keys),
                    nav=tuple(n.strip() for n in nav) if nav is not None else None, source=bytes_hash(data), **parts)
    _check_values(path, config)
    return config


def _section(path: Path, name: str, cls: type, raw: Any) -> Any:
    """Build one section's dataclass, checking keys and types."""
    if not isinstance(raw, dict):
        raise BuildError(f"'{name}' must be a mapping", path)
    known = {f.name: f for f in fields(cls)}
    for key in raw:
        if key not in known:
            raise BuildError(f"unknown key '{name}.{key}' (known: {', '.join(known)})", path)
    values = {}
    for key, f in known.items():
        if key not in raw:
            if f.default is MISSING and f.default_factory is MISSING:
                raise BuildError(f"missing key '{name}.{key}'", path)
            continue
        values[key] = _typed(path, f"{name}.{key}", f.type, raw[key])
    return cls(**values)


def _typed(path: Path, key: str, kind: str, value: Any) -> Any:
    """Check one value against its annotated type (str, int, tuple of str, dict of str)."""
    def bad(expected: str) -> BuildError:
        return BuildError(f"'{key}' must be {expected} (got {value!r})", path)

    if kind == "str":
        if not isinstance(value, str) or not value.strip():
            raise bad("non-empty text")
        return value.strip()
    if kind == "bool":
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise bad("a whole number of 1 or more")
        return value
    if kind == "tuple[str, ...]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of text")
        return tuple(value)
    if kind == "Person | None":
        person = {"name": value} if isinstance(value, str) else value
        if not isinstance(person, dict) or set(person) - {"name", "email", "url"} or "name" not in person:
            raise bad("a name, or a mapping with 'name' and optional 'email' and 'url'")
        return Person(**{k: _typed(path, f"{key}.{k}", "str", v) for k, v in person.items()})
    if kind == "dict[str, str]":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise bad("a mapping of text to text")
        return dict(value)
    raise AssertionError(kind)


def _check_values(path: Path, config: Config) -> None:
    url = urlsplit(config.site.url)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise BuildError(f"'site.url' must be an absolute http(s) URL (got {config.site.url!r})", path)
    if not config.site.url.endswith("/"):
        object.__setattr__(config.site, "url", config.site.url + "/")
    author = config.site.author or Person(config.site.title)
    object.__setattr__(config.site, "author", author)
    if author.email and not EMAIL.match(author.email):
        raise BuildError(f"'site.author.email' must be an e-mail address like news@example.org (got {author.email!r})", path)
    if author.url and not re.match(r"^https?://[^\s/]+", author.url):
        raise BuildError(f"'site.author.url' must be an absolute http(s) URL (got {author.url!r})", path)
    tag = _cldr_language(config.site.language)
    if not tag:
        raise BuildError(f"'site.language' is not a language code that Unicode's CLDR knows, like en, en-GB, de, ar or "
                         f"pt-BR (got {config.site.language!r})", path)
    object.__setattr__(config.site, "language", tag)
    try:
        ZoneInfo(config.site.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise BuildError(f"'site.timezone' is not an IANA time zone like Europe/London (got {config.site.timezone!r})", path) from None
    output = config.path("output")
    inputs = [config.path(name) for name in INPUT_FOLDERS] + [config.root]
    if any(folder == output or folder.is_relative_to(output) for folder in inputs):
        raise BuildError(f"'paths.output' must be a folder of its own, not one holding the project's inputs "
                         f"(got {config.paths.output!r})", path)
    for abbr, offset in config.ingest.timezones.items():
        if not OFFSET.match(offset):
            raise BuildError(f"'ingest.timezones.{abbr}' must be an offset like +05:45 (got {offset!r})", path)
    for pattern in config.ingest.boilerplate:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise BuildError(f"'ingest.boilerplate' pattern {pattern!r} is not a valid regular expression: {exc}", path) from None


def _cldr_language(text: str) -> str:
    """`text` as a normalized language tag when Babel has CLDR data for its language, else ''."""
    from babel.localedata import exists

    from .i18n import normalized_tag, primary

    tag = normalized_tag(text)
    return tag if tag and exists(primary(tag)) else ""
