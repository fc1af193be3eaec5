"""Markdown files with YAML front matter <-> Article."""

from __future__ import annotations

import difflib
import hashlib
import re
import threading
from contextlib import contextmanager
from html import unescape as html_unescape
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml
from markdown_it import MarkdownIt

from .decode import clean, decode
from .errors import BuildError, Problems, yaml_problem
from .i18n import code_for_name, language_tag
from .markdown import TooSlow, render as render_markdown
from .scan import files_below, is_article
from .slug import slugify
from .stories import index_terms

try:
    _SafeLoader, _Dumper = yaml.CSafeLoader, yaml.CSafeDumper
except AttributeError:  # PyYAML without libyaml
    _SafeLoader, _Dumper = yaml.SafeLoader, yaml.SafeDumper


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """safe_load, except that an impossible date like 2024-13-45 stays text, so the schema check can name it,
    and a key given twice is an error."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

FENCE = "---"
GENERATED_KEY = "generated_sha256"
KNOWN_KEYS = ("id", "title", "dek", "summary", "lang", "date", "date_from", "updated", "category", "tags", "authors", "image",
              "source_url", "source_name", "publish", "review", "slug", "story",
              "draft", "seed", "seed_sha256", "ingested_by", GENERATED_KEY)
ALIASES = {"section": "category", "categories": "category", "subtitle": "dek", "standfirst": "dek",
           "description": "summary", "byline": "authors", "keywords": "tags", "published": "date",
           "pubdate": "date", "modified": "updated", "lastmod": "updated", "url": "source_url", "source": "source_url",
           "language": "lang", "locale": "lang"}
"""Keys other generators and habits use, and ours that mean the same."""
WORDS_PER_MINUTE = 230
PUBLISH_MODES = ("full", "excerpt")
EXCERPT_WORDS = 80
"""An excerpt is the first paragraph, cut at a sentence past this many words."""
MAX_FILE_BYTES = 5_000_000
MAX_FRONT_MATTER = 65_536
MAX_FRONT_MATTER_NODES = 10_000
"""Front matter is small; these bound what a hostile file (an alias bomb, a 50 MB paste) can cost."""


@dataclass(frozen=True, eq=False)
class Article:
    """One article, as loaded from content/ and rendered to HTML. Compared and hashed by identity.

    Its body is kept apart from the rest (`card`): a read of `body_html`, or of what is made from the body or
    the whole file (`words`, `terms`, `version`: BODY_FIELDS), is heard by `bodies_read`, so that a build knows
    which outputs show an article's body (its page, the feeds carrying it) and which only its card (lists,
    with the reading time), and an edit of the body makes again only the former."""

    source: str
    """Path of its content file, relative to the project, for messages."""
    id: str
    """Its front matter's 'id' (ingestion writes one), or '': feeds then derive one from `path` (feeds.article_id)."""
    title: str
    date: datetime
    """Aware; midnight in the site zone for a date-only article."""
    has_time: bool
    """False when the dateline gave a day but no time."""
    category: str
    """The section, e.g. World."""
    slug: str
    body_html: str
    summary: str
    """One or two sentences for lists and feeds."""
    dek: str = ""
    """The standfirst under the headline."""
    updated: datetime | None = None
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    image_caption: str = ""
    image_credit: str = ""
    draft: bool = False
    words: int = 0
    seed: str = ""
    """The seed file it was converted from, if any (front matter 'seed')."""
    version: str = ""
    """A hash of the content file: what changes when anything in it does."""
    card: str = field(default="", init=False)
    """A hash of everything but the body and what is made from it (BODY_FIELDS), with the reading time: what changes when
    anything a list can show of it does. Made from the other fields."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Front-matter keys newsdigest does not know, kept for layouts."""
    review: dict[str, str] = field(default_factory=dict)
    """Close calls ingestion marked for a person to check ('title', 'date', 'body'), with the reason."""
    image_url: str = ""
    """The lead image, shown from where the page that had it keeps it."""
    image_width: int = 0
    image_height: int = 0
    source_url: str = ""
    """The page the article came from: credited on its page and in the feeds."""
    source_name: str = ""
    """The outlet that published it ('Reuters'), else the source's host."""
    excerpt: bool = False
    """Only its first paragraph is published (publish: excerpt), with the link to the original."""
    path: str = ""
    """Its file's path below the content folder ('council/report.md'): unique, so the id derived from it is too."""
    lang: str = ""
    """The language it is written in, a language tag ('de', 'pt-BR'); '' when its front matter gives none:
    then it is in the site's language."""
    notes: tuple[str, ...] = ()
    """Warnings about the file (an unknown front-matter key), repeated on every build until it changes."""
    story: str = ""
    """Front matter `story`: the id of the story it belongs to, 'none' to keep it out of any, or '' (its text decides)."""
    terms: tuple[str, bytes] = ("", b"\0")
    """What stories and related lists compare it by (stories.index_terms): the rarest words of its title, dek and
    lead, and their weights."""

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.__dict__["_words"] / WORDS_PER_MINUTE))   # part of the card: not heard

    def __post_init__(self) -> None:
        fields = self.__dict__
        for name in BODY_FIELDS:   # kept as _name: each read goes through __getattr__
            fields["_" + name] = fields.pop(name)
        card = repr([*(fields[k] for k in _CARD), self.reading_minutes])
        fields["card"] = hashlib.blake2b(card.encode("utf-8"), digest_size=12).hexdigest()

    def __getattr__(self, name: str) -> Any:
        """The BODY_FIELDS, kept as `_name`; `body_html` of an article the ledger kept is read from it when first
        asked for (`_body(source)`: ledger/): a build reads the bodies of the pages and feeds it makes again,
        not the archive's. Each read is heard by `bodies_read`."""
        fields = self.__dict__
        if name == "body_html" and "_body_html" not in fields and "_body" in fields:
            fields["_body_html"] = fields["_body"](self.source)
        if name not in BODY_FIELDS or "_" + name not in fields:
            raise AttributeError(f"'Article' object has no attribute {name!r}")
        body_shown(self)
        return fields["_" + name]


BODY_FIELDS = ("body_html", "words", "terms", "version")
"""An Article's fields that its card leaves out: the body and what is made from it (its length; `terms`, which
decide stories and related lists, compared by themselves: pipeline.unmoved) or from the whole file (`version`)."""
for _name in BODY_FIELDS[1:]:
    delattr(Article, _name)   # the field's default: reads go to __getattr__
_CARD = tuple(k for k in Article.__dataclass_fields__ if k not in (*BODY_FIELDS, "card"))
"""The fields an Article's card hashes, with its reading time."""
_listening = threading.local()


def body_shown(article: Article) -> None:
    """Tell `bodies_read` that the output being made shows the body of `article` (read once, kept elsewhere)."""
    heard = getattr(_listening, "sources", None)
    if heard is not None:
        heard.add(article.source)


def sources_line(sources: set[str] | frozenset[str]) -> str:
    """Articles' sources as the ledger keeps them (Records.bodies, Records.shows): each between newlines, so that
    one is found by looking for '\n<source>\n'; '' for none."""
    return "\n" + "\n".join(sorted(sources)) + "\n" if sources else ""


@contextmanager
def bodies_read() -> Iterator[set[str]]:
    """The sources of the articles whose BODY_FIELDS this thread reads inside the block (a set, filled as they
    are read): what an output shows of its articles beyond their cards."""
    before = getattr(_listening, "sources", None)
    _listening.sources = heard = set()
    try:
        yield heard
    finally:
        _listening.sources = before


# ---- writing (ingestion) ---------------------------------------------------------------------------------


def _represent_datetime(dumper: yaml.SafeDumper, value: datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


class _FrontMatterDumper(_Dumper):  # type: ignore[misc, valid-type]
    pass


_FrontMatterDumper.add_representer(datetime, _represent_datetime)


def dump_document(meta: dict[str, Any], body: str) -> str:
    """Front matter + body as the text of a content file, with a hash that tells later edits apart."""
    text = render_document(meta, body)
    return _with_hash_line(text, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


def _with_hash_line(text: str, digest: str) -> str:
    head, rest = text.split(f"\n{FENCE}\n", 1)
    return f"{head}\n{GENERATED_KEY}: {digest}\n{FENCE}\n{rest}"


def render_document(meta: dict[str, Any], body: str) -> str:
    head = yaml.dump(meta, Dumper=_FrontMatterDumper, sort_keys=False, allow_unicode=True, width=1000)
    return f"{FENCE}\n{head}{FENCE}\n\n{body}"


def edited_by_hand(text: str) -> bool:
    """True unless the file is byte for byte what ingestion wrote."""
    m = re.search(rf"^{GENERATED_KEY}: ([0-9a-f]{{16}})\n", text, re.M)
    if not m:
        return True
    original = text[:m.start()] + text[m.end():]
    return m[1] != hashlib.sha256(original.encode("utf-8")).hexdigest()[:16] or _with_hash_line(original, m[1]) != text


# ---- reading ---------------------------------------------------------------------------------------------


def split_document(text: str, where: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line where the body starts)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith(FENCE + "\n"):
        raise BuildError("no front matter: the file must start with a '---' line", where, 1)
    end = re.search(r"^---[ \t]*$", text[4:], re.M)
    if not end:
        raise BuildError("front matter is not closed: add a '---' line after it", where, 1)
    head = text[4:4 + end.start()]
    body = text[4 + end.end():].lstrip("\n")
    if len(head) > MAX_FRONT_MATTER:
        raise BuildError(f"front matter is larger than {MAX_FRONT_MATTER // 1024} KiB; is the closing '---' missing?", where, 1)
    try:
        meta = yaml.load(head, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        problem, line = yaml_problem(exc, head)
        raise BuildError(f"front matter: {problem}", where, line + 2 if line is not None else 2) from None
    if not isinstance(meta, dict):
        raise BuildError("front matter must be a mapping of keys to values", where, 2)
    if _too_many_nodes(meta, MAX_FRONT_MATTER_NODES):
        raise BuildError(f"front matter expands to more than {MAX_FRONT_MATTER_NODES:,} values (YAML aliases?)", where, 2)
    return meta, body, head.count("\n") + 3


def _too_many_nodes(value: Any, budget: int) -> bool:
    """Count values, aliases expanded, and stop as soon as the budget is spent (an alias bomb is exponential)."""
    stack = [value]
    while stack:
        budget -= 1
        if budget < 0:
            return True
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def load_articles(content_dir: Path, root: Path, zone: ZoneInfo, markdown: MarkdownIt, problems: Problems,
                  cached: dict[str, tuple[int, int, Article]], publish: str = "full", layout_keys: tuple[str, ...] = (),
                  language: str = "en", listing: list[tuple[str, int, int]] | None = None
                  ) -> tuple[list[Article], dict[str, tuple[int, int, Article]]]:
    """Load every content/**/*.md; a file whose size and mtime are as `cached` saw them is not read again.
    `listing`: the files below content/ as the build's scan found them (scan.files_below, hidden ones too).

    Return the articles and the new cache entries. A bad file is reported; if the last build had it, that
    version stays on the site (an unattended build does not take a live story down for a typo).
    """
    found, shown = [], shown_folder(content_dir, root)
    for name, mtime, size in _markdown_files(content_dir, listing):   # no Path made for a file not read
        hit = cached.get(where := shown + name)
        found.append((name, where, mtime, size, hit[2] if hit and hit[:2] == (mtime, size) else None))

    def load(item: tuple) -> Article | BuildError:
        name, where = item[0], item[1]
        try:
            return load_article((content_dir / name).read_bytes(), where, zone, markdown, publish, layout_keys, language,
                                name)
        except BuildError as err:
            return BuildError(str(err))   # pickles whole across processes

    from .parallel import parallel_map   # not for an edit of bodies alone (retouch.py)

    fresh = iter(parallel_map(load, [f for f in found if f[4] is None]))
    articles, seen = [], {}
    for _, where, mtime, size, article in found:
        result = article or next(fresh)
        if isinstance(result, BuildError):
            last = cached.get(where)
            problems.error(BuildError(f"{result}; the site keeps the version last built until this is fixed") if last
                           else result)
            if last:
                seen[where] = last
                articles.append(last[2])
            continue
        for note in result.notes:
            problems.warn(note)
        seen[where] = (mtime, size, result)
        articles.append(result)
    return articles, seen


def content_files(content_dir: Path, root: Path, listing: list[tuple[str, int, int]] | None = None
                  ) -> list[tuple[Path, str, int, int]]:
    """(path, path as messages and the ledger show it, mtime_ns, size) of every content/**/*.md; from `listing`
    (files_below(content_dir, hidden=True)) when given."""
    shown = shown_folder(content_dir, root)
    return [(content_dir / name, shown + name, mtime, size) for name, mtime, size in _markdown_files(content_dir, listing)]


def shown_folder(content_dir: Path, root: Path) -> str:
    """The content folder as messages and the ledger show it, with a trailing '/'."""
    return content_dir.relative_to(root).as_posix() + "/" if content_dir.is_relative_to(root) else f"{content_dir}/"


def _markdown_files(content_dir: Path, listing: list[tuple[str, int, int]] | None) -> list[tuple[str, int, int]]:
    """files_below(content_dir, ".md"), from `listing` (files_below(content_dir, hidden=True)) when given."""
    if listing is None:
        return files_below(content_dir, ".md")
    return [f for f in listing if is_article(f[0])]


def load_article(raw: bytes, where: str, zone: ZoneInfo, markdown: MarkdownIt, publish: str = "full",
                 layout_keys: tuple[str, ...] = (), language: str = "en", name: str = "") -> Article:
    """One content file -> Article; a BuildError names the file, the line and the key. `publish` ('full' or
    'excerpt') is the site's default; the front matter's 'publish' wins. A key newsdigest does not know
    and `layout_keys` does not declare is a note (a typo, most often). `language` is the site's: the
    article's unless its front matter's `lang` says otherwise (for the terms stories compare it by). `name`: the
    file's path below the content folder (default: the last part of `where`)."""
    text = decode(raw, where, what="an article", limit=MAX_FILE_BYTES, binary="not text: save it as UTF-8 text",
                  detect=False)[0]
    meta, body, _ = split_document(text, where)
    lines = _key_lines(text)

    def fail(key: str, message: str) -> BuildError:
        return BuildError(f"front matter: '{key}' {message}", where, lines.get(key, 2))

    title = _text(meta, "title", fail, required=True)
    when, has_time = _when(meta.get("date"), zone, fail)
    updated = _when(meta["updated"], zone, fail, key="updated")[0] if meta.get("updated") else None
    image = meta.get("image") or {}
    if not isinstance(image, dict):
        raise fail("image", "must be a mapping with 'caption' and 'credit'")
    slug = _text(meta, "slug", fail) or slugify(Path(where).stem)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise fail("slug", f"must be lowercase letters, digits and hyphens (got {slug!r})")
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        raise fail("draft", f"must be true or false (got {draft!r})")
    mode = meta.get("publish", publish)
    if mode not in PUBLISH_MODES:
        raise fail("publish", f"must be {' or '.join(PUBLISH_MODES)} (got {mode!r})")
    source_url = _text(meta, "source_url", fail)
    if source_url and not re.match(r"^https?://[^\s/]+", source_url):
        raise fail("source_url", f"must be an http or https address (got {source_url!r})")
    lang = _language(_text(meta, "lang", fail), fail)
    image_url = _text(image, "url", lambda k, m: fail("image", f"'{k}' {m}"))
    if image_url and not re.match(r"^https?://[^\s/]+", image_url):
        raise fail("image", f"'url' must be an http or https address (got {image_url!r})")
    try:
        html = render_markdown(markdown, excerpt_of(body) if mode == "excerpt" else body)
    except TooSlow as exc:
        raise BuildError(f"the Markdown body {exc} to render; is it malformed (thousands of '[' or '*')?", where) from None
    text = re.sub(r"<[^>]+>", " ", html)
    words = len(text.split())
    story = _text(meta, "story", fail).lower()
    if story and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", story):
        raise fail("story", f"must be none or a story's id from stories.json, e.g. 2025-06-18-night-trams (got {story!r})")
    return Article(
        source=where,
        id=_text(meta, "id", fail),
        title=title,
        date=when,
        has_time=has_time,
        category=_text(meta, "category", fail) or "News",
        slug=slug,
        body_html=html,
        summary=_text(meta, "summary", fail) or _text(meta, "dek", fail),
        dek=_text(meta, "dek", fail),
        updated=updated,
        tags=tuple(_text_list(meta, "tags", fail)),
        authors=tuple(_text_list(meta, "authors", fail)),
        image_caption=_text(image, "caption", lambda k, m: fail("image", f"'{k}' {m}")),
        image_credit=_text(image, "credit", lambda k, m: fail("image", f"'{k}' {m}")),
        draft=draft,
        words=words,
        seed=str(meta["seed"]).strip() if meta.get("seed") is not None else "",
        version=hashlib.blake2b(raw, digest_size=12).hexdigest(),
        extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS},
        notes=tuple(_unknown_key(str(k), where, lines.get(str(k), 2)) for k in meta
                    if k not in KNOWN_KEYS and k not in layout_keys and not str(k).startswith("x_")),
        review=review_marks(meta.get("review")),
        image_url=image_url,
        image_width=_size(image.get("width")),
        image_height=_size(image.get("height")),
        source_url=source_url,
        source_name=_text(meta, "source_name", fail) or (urlsplit(source_url).hostname or "").removeprefix("www."),
        excerpt=mode == "excerpt",
        story=story,
        terms=index_terms(title, _text(meta, "dek", fail), html_unescape(text), lang or language),
        lang=lang,
        path=name or PurePosixPath(where).name,
    )


def _language(value: str, fail) -> str:
    """The front matter's 'lang' as a normalized tag ('PT_br' -> 'pt-BR'), or '' when it has none."""
    if not value:
        return ""
    tag = language_tag(value)
    if not tag:
        named = code_for_name(value)
        hint = f"'{named}' for {value}" if named else "'de' for German, 'ar' for Arabic, 'pt-BR' for Brazilian Portuguese"
        raise fail("lang", f"is not a language code (got {value!r}): write its ISO 639-1 code, e.g. {hint}")
    return tag


def _unknown_key(key: str, where: str, line: int) -> str:
    meant = ALIASES.get(key.lower()) or next(iter(difflib.get_close_matches(key.lower(), USER_KEYS, n=1, cutoff=0.7)), "")
    guess = f"did you mean '{meant}'? " if meant else ""
    return (f"{where}:{line}: unknown front-matter key '{key}': {guess}newsdigest does not use it (layouts see it as "
            f"article.extra); if a layout reads it, list it under layout_keys in config.yaml or start it with x_")


USER_KEYS = ("id", "title", "dek", "summary", "lang", "date", "updated", "category", "tags", "authors", "image", "source_url",
             "source_name", "publish", "review", "slug", "draft", "seed", "story")


def _size(value: Any) -> int:
    return value if isinstance(value, int) and 0 < value < 100_000 else 0


def excerpt_of(body: str) -> str:
    """The first paragraph, cut at a sentence once it passes EXCERPT_WORDS words (at EXCERPT_WORDS words when
    one sentence runs longer), its hard line breaks (a verse's) spaces."""
    first = next((b.strip() for b in body.split("\n\n") if b.strip() and not b.lstrip().startswith(("#", "-", "*", ">", "|"))
                  and not re.match(r"\d+[.)]\s", b.lstrip())), "").replace("\\\n", " ")
    words = first.split()
    if len(words) <= EXCERPT_WORDS:
        return first + "\n"
    cut = " ".join(words[:EXCERPT_WORDS])
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "), cut.rfind("” "))
    if end > len(cut) // 3:
        return cut[:end + 1] + "\n"
    return cut.rstrip(",;:") + " …\n"


def review_marks(value: Any) -> dict[str, str]:
    """The front matter's 'review' as {field: reason}: a mapping as ingestion writes it, or a list of fields."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return {str(k): "" for k in value}
    return {str(value): ""} if value else {}


def _key_lines(text: str) -> dict[str, int]:
    """Line number of each top-level front-matter key, for messages."""
    lines = {}
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() == FENCE:
            break
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m:
            lines.setdefault(m[1], number)
    return lines


def _text(meta: dict, key: str, fail, required: bool = False) -> str:
    value = meta.get(key)
    if value is not None and not isinstance(value, str):
        raise fail(key, f"must be text (got {_yaml_repr(value)}); put it in quotes")
    value = clean(value or "").strip()   # what YAML escapes can make
    if not value and required:
        raise fail(key, "is missing")
    return value


def _text_list(meta: dict, key: str, fail) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, f"must be a list of text (got {_yaml_repr(value)})")
    return [clean(v).strip() for v in value if clean(v).strip()]


def _when(value: Any, zone: ZoneInfo, fail, key: str = "date") -> tuple[datetime, bool]:
    """A date, a datetime with or without offset, or ISO text -> (aware datetime, has_time)."""
    if value is None:
        raise fail(key, "is missing: add a line like 'date: 2025-06-18T11:10:00+05:30'")
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip()) if "T" in value or ":" in value else date.fromisoformat(value.strip())
        except ValueError:
            raise fail(key, f"is not a date (got {value!r}); write it like 2025-06-18T11:10:00+05:30") from None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return value.astimezone(timezone(value.utcoffset())), True
    if isinstance(value, date):
        local = datetime.combine(value, time(0), tzinfo=zone)
        return local.astimezone(timezone(local.utcoffset())), False
    raise fail(key, f"is not a date (got {_yaml_repr(value)}); write it like 2025-06-18T11:10:00+05:30")


def _yaml_repr(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return f"a date, {value.isoformat()}"
    return repr(value)
