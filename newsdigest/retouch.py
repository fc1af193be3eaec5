"""An edit of article bodies alone, made from the ledger without loading the archive.

An edit that leaves an article's card (content.Article.card: everything a list shows of it), its terms (what
stories and related lists compare it by) and its rank in its story as they were changes only the outputs that show
its body: its page and the feeds that carry it (Records.bodies). For each such output the ledger keeps its recipe
(`recipe`): the Page or Feed it was made from, pickled with each Article named by its content file, and the URL,
story id and slug of each. When only articles changed since the last build (the inputs' state apart from them,
scan.Inputs.apart, and the layouts' and catalogs' bytes are the last build's), that build was clean (it left a
summary to repeat), the site is as it left it and every article edited keeps its card, terms and rank, `retouch`
loads the edited files alone, makes those outputs again from their recipes and the ledger's rows, writes the
bytes that changed and updates the rows they touch; with search on, Pagefind indexes again the shards whose pages
search reads differently (as pipeline.start_search would). Anything else is the whole build's (pipeline._build).
"""

from __future__ import annotations

import io
import json
import pickle
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .config import Config
from .content import Article, bodies_read, load_article, shown_folder, sources_line
from .digest import Digest
from .errors import BuildError
from .feeds import Feed, render_feed
from .fingerprint import Fingerprints, layouts_key
from .i18n import Language, load_language
from .ledger import Summary, as_left
from .ledger.records import Ledger
from .markdown import make_markdown
from .render import Compiled, Page, make_environment, render_page
from .scan import Inputs, bytes_hash, changes, is_article
from .search import BUNDLE, LISTING, Layout, index_shards, indexed_part, layout, listing, shard_key, unavailable
from .stories import ranked
from .write import Writing

MOST_EDITED = 64
"""Up to this many content files edited at once are made again this way; beyond, the whole build is as quick."""


class Retouched(NamedTuple):
    """What an edit of bodies alone did."""

    summary: Summary
    """The last build's counts (the same articles, pages and feeds), its count of files updated for the search
    bundles made again: what a no-op build repeats next."""
    written: tuple[str, ...]
    """The output files whose bytes changed (search bundles' files too), sorted."""


def recipe(made: Page | Feed, digest: Digest) -> bytes:
    """How to make the page or feed `made` again without the digest: it pickled, each Article in it named by its
    source (`_named`), with the (URL, story id, slug) of each article named (the slug in the digest: an address
    published before may keep one that is not the file's, published.py); b"" when it cannot be pickled."""
    named: dict[str, Article] = {}

    def name(article: Article) -> tuple:
        named[article.source] = article
        return _named, (article.source,)

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {Article: name}   # a lookup by type in C: a call of Python per Article alone
    try:
        pickler.dump(made)
    except (pickle.PicklingError, TypeError, AttributeError):   # a layout key's value pickle cannot take
        return b""
    known = {source: (digest.urls[source], digest.story_of[source].id, a.slug) for source, a in named.items()}
    return pickle.dumps((buffer.getvalue(), known), pickle.HIGHEST_PROTOCOL)


def _named(source: str) -> Article:
    """An Article in a recipe: `_Reading` gives the one of that source instead."""
    raise pickle.UnpicklingError(f"a recipe read without its articles ({source})")


class _Reading(pickle.Unpickler):
    """Reads a recipe, each article named in it the one `articles` gives for its source."""

    def __init__(self, data: bytes, articles: dict[str, Article]) -> None:
        super().__init__(io.BytesIO(data))
        self.articles = articles

    def find_class(self, module: str, name: str):
        if module == __name__ and name == "_named":
            return self.articles.__getitem__
        return super().find_class(module, name)


class _Story(NamedTuple):
    """What a feed asks of an article's story (feeds.article_entry): its id."""

    id: str


class Recalled:
    """What a page or feed asks of the digest (its articles' URLs and story ids, the zone, the language), from
    its recipe: a stand-in for digest.Digest."""

    def __init__(self, known: dict[str, tuple[str, str, str]], zone: ZoneInfo, language: Language) -> None:
        self.urls = {source: url for source, (url, _, _) in known.items()}
        self.story_of = {source: _Story(story) for source, (_, story, _) in known.items()}
        self.zone, self.language = zone, language

    def url(self, article: Article) -> str:
        return self.urls[article.source]

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.zone)


def retouch(config: Config, inputs: Inputs | None, ledger: Ledger, now: datetime) -> Retouched | None:
    """Make again, from the ledger, the outputs that show the bodies of the articles edited since the last build,
    and publish them with the ledger's rows; None, having changed nothing, when the edit is not of bodies alone
    (see the module's docstring). `inputs`: this build's (scan.Inputs); `now`: its instant. Raises as the whole
    build does: a BuildError for a layout that fails, a Fault for Pagefind, an OSError for a disk; the site and the
    ledger are then as they were."""
    content = str(config.path("content"))
    shown = shown_folder(config.path("content"), config.root)
    meta = None if inputs is None or content not in inputs.lines else ledger.edit_basis()
    if meta is None or not meta.get("state") or not meta.get("summary") or not meta.get("listing") \
            or meta.get("apart") != inputs.apart(content):
        return None
    try:
        summary = Summary(**json.loads(meta["summary"]))
        if not as_left(meta, str(config.path("output")), now):
            return None
    except (ValueError, TypeError):   # rows this code cannot read
        return None
    changed = changes(meta["listing"], inputs.lines[content])   # line by line: no Python object per article
    if changed is None:
        return None
    changed, was = ([f for f in side if is_article(f[0])] for side in changed)   # the articles now, and as they were
    if {name for name, _, _ in changed} != {name for name, _, _ in was}:   # one added, removed or renamed
        return None
    files = {shown + name: (name, mtime, size) for name, mtime, size in changed}
    edited = sorted(files)
    before, after = ledger.articles(edited) if len(edited) <= MOST_EDITED else None, {}
    if before is None:
        return None
    markdown = make_markdown(config.site.url, config.links.nofollow)
    for where in edited:
        name = files[where][0]
        try:
            article = load_article((config.path("content") / name).read_bytes(), where, config.zone, markdown,
                                   config.publish, config.layout_keys, config.site.language, name)
        except (BuildError, OSError):
            return None   # the whole build says what is wrong
        old = before.get(where)
        if article.notes or old is None or article.card != old.card or article.terms != old.terms:
            return None
        after[where] = article
    retold = {where for where, a in after.items() if a.version != before[where].version}
    outputs = ledger.showing_bodies(retold) if retold else {}
    made = _recalled(outputs, after, ledger) if outputs is not None else None
    if made is None or not _same_ranks(made, before, after):
        return None
    language = load_language(config.site.language, config.path("translations"))
    search_off = unavailable() if config.search else "off"
    if layouts_key(config.path("layouts"), language.version, search_off) != meta.get("made_with"):
        return None   # a layout or catalog changed, its size and mtime kept (a copy with cp -p), or search did
    compiled = Compiled(ledger.trusted(), language.version)
    recalled = Recalled({source: seen for _, known in made.values() for source, seen in known.items()}, config.zone,
                        language)
    env = make_environment(config.path("layouts"), recalled, config.site.title, compiled)
    pages, rows_now = {}, {}
    for path, (obj, _) in made.items():
        with bodies_read() as heard:
            pages[path] = render_page(env, obj, recalled, config) if isinstance(obj, Page) else render_feed(obj, recalled, config)
        rows_now[path] = (bytes_hash(pages[path]), sources_line(heard),
                          None if outputs[path][3] is None else bytes_hash(indexed_part(pages[path])))
    searched = _shards_to_index(config, ledger, rows_now) if not search_off and rows_now else None
    if searched is None and not search_off and rows_now:
        return None
    written = sorted(path for path, row in rows_now.items() if row[0] != outputs[path][0])
    with Writing(config.path("output"), whole=False) as writing:
        writing.put({path: pages[path] for path in written})
        bundles, gone = _index(searched, pages, writing, config) if searched else ({}, ())
        replaced = sum(len(files) for _, _, files in searched.jobs.values()) if searched else 0
        summary = summary._replace(files=summary.files + len(bundles.keys() - {LISTING}) - replaced)
        staged = ledger.stage_edit({where: (files[where][1], files[where][2], a) for where, a in after.items()}, rows_now,
                                   compiled.made, inputs.state, inputs.lines[content], writing.identity(), summary,
                                   bundles, gone)
        writing.publish(staged.commit, staged.abort, keep=set(bundles), previous=set(gone))
    return Retouched(summary, tuple(sorted([*written, *bundles])))


class Searched(NamedTuple):
    """The search bundles an edit of bodies alone indexes again (_shards_to_index)."""

    jobs: dict[str, tuple[list[str], str, set[str]]]
    """Bundle folder -> (its pages, its fingerprint now, the files of its last bundle); no pages: it is gone."""
    laid: Layout
    listed: dict
    """pagefind/bundles.json as the last build left it (search.listing)."""
    archived: dict[str, tuple[str, str, str]]
    """Ledger.archived's rows."""


def _shards_to_index(config: Config, ledger: Ledger, rows_now: dict[str, tuple[str, str, str | None]]) -> Searched | None:
    """The search bundles to index again, where what search reads of a page made again changed, as
    pipeline.start_search lays them out (search.layout); None when the archive would be made again, a bundle's
    last files are not found, one of its pages is not in site/, or the ledger or the listing cannot be read (the
    whole build does it)."""
    rows, archived = ledger.searched(BUNDLE), ledger.archived()
    try:
        listed = json.loads((config.path("output") / LISTING).read_bytes())
    except (OSError, ValueError):
        return None
    if rows is None or not archived:
        return None
    before = {path: indexed or hashed for path, (_, hashed, indexed) in rows.items() if indexed is not None}
    after = {**before, **{path: indexed or hashed for path, (hashed, _, indexed) in rows_now.items() if path in before}}
    seen = {path: indexed for path, (indexed, *_) in archived.items()}
    laid_before, laid = layout(before, seen), layout(after, seen)
    if laid_before.compacted or laid.compacted:
        return None
    fingerprint, output, language, found = Fingerprints(), config.path("output"), config.site.language, {}
    if not all((output / folder / "pagefind-entry.json").is_file() for folder in laid_before.bundles):
        return None   # a bundle removed from site/ by hand: the whole build makes it again
    for folder in [*laid.bundles, *(f for f in laid_before.bundles if f not in laid.bundles)]:
        if folder in laid.parts:   # the archive's parts are kept as they are (their pages removed since too)
            continue
        paths = laid.bundles.get(folder, [])
        keyed = [shard_key(fingerprint, folder, language, shown, hashes.__getitem__) if shown else None
                 for shown, hashes in ((laid_before.bundles.get(folder), before), (laid.bundles.get(folder), after))]
        if keyed[0] == keyed[1]:
            continue
        files = {path for path, (made_from, _, indexed) in rows.items() if indexed is None and made_from == keyed[0]}
        if (keyed[0] and not files) or not all(path in rows_now or (output / path).is_file() for path in paths):
            return None
        found[folder] = (paths, keyed[1], files)
    return Searched(found, laid, listed, archived)


def _index(searched: Searched, pages: dict[str, bytes], writing: Writing, config: Config
           ) -> tuple[dict[str, str], tuple[str, ...]]:
    """Index the bundles of `searched` (_shards_to_index) again into the build's journal, each page as `pages` has it
    or site/ holds it, and write pagefind/bundles.json if it changed; return (each bundle file written -> its
    bundle's fingerprint, and the listing -> its hash; the last bundles' files gone)."""
    search, laid, listed = searched.jobs, searched.laid, searched.listed
    output = config.path("output")

    def html_of(path: str) -> bytes:
        return pages[path] if path in pages else (output / path).read_bytes()

    jobs = {folder: paths for folder, (paths, _, _) in search.items() if paths}
    with tempfile.TemporaryDirectory(prefix=f".{output.name}.search-", dir=output.parent) as scratch:
        made = index_shards(jobs, html_of, Path(scratch), writing.files, config.site.language) if jobs else {}
    bundles = {path: search[folder][1] for folder, paths in made.items() for path in paths}
    gone = set(path for _, _, files in search.values() for path in files) - bundles.keys()
    data = listing(laid, searched.archived, lambda folder: (writing.files if folder in made else output) / folder,
                   config.site.language)
    if data != json.dumps(listed, separators=(",", ":")).encode():
        writing.put({LISTING: data})
        bundles[LISTING] = bytes_hash(data)
    return bundles, tuple(sorted(gone))


def _recalled(outputs: dict[str, tuple[str, str, bytes | None, str | None]], edited: dict[str, Article], ledger: Ledger
              ) -> dict[str, tuple[Page | Feed, dict[str, tuple[str, str, str]]]] | None:
    """Each output's Page or Feed from its recipe, its articles the `edited` ones or the ledger's (with the slug the
    digest gave them), with the (URL, story id, slug) of each; None when one has no recipe, or one that this code
    cannot read, or names an article the ledger no longer has."""
    unreadable = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError)   # made by other code
    recipes = {}
    for path, (_, _, kept, _) in outputs.items():
        try:
            recipes[path] = pickle.loads(kept) if kept else None
        except unreadable:
            return None
        if recipes[path] is None:
            return None
    wanted = {source for _, known in recipes.values() for source in known} - edited.keys()
    articles = {**ledger.articles(sorted(wanted)), **edited}
    if not wanted <= articles.keys():
        return None
    for _, known in recipes.values():   # the slug an address already published kept (published.py)
        for source, (_, _, slug) in known.items():
            if articles[source].slug != slug:
                articles[source] = replace(articles[source], slug=slug)
    try:
        return {path: (_Reading(pickled, articles).load(), known) for path, (pickled, known) in recipes.items()}
    except unreadable:
        return None


def _same_ranks(made: dict[str, tuple[Page | Feed, dict]], before: dict[str, Article], now: dict[str, Article]) -> bool:
    """Every story of an article edited whose length changed ranks its articles as before (the longest leads the
    story, and the articles a day shows of it): its page's recipe names the story."""
    changed = {where for where, a in now.items() if a.words != before[where].words}
    stories = [obj.context["story"] for obj, _ in made.values()
               if isinstance(obj, Page) and getattr(obj.context.get("article"), "source", None) in changed]
    if len(stories) < len(changed):
        return False
    for story in stories:
        if len(story.articles) > 1 and ranked(story.articles) != ranked(before.get(a.source, a) for a in story.articles):
            return False
    return True
