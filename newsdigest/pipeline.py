"""The pipeline: ingest seeds, load content, make the digest, render pages and feeds, write site/.

Every output is offered with a fingerprint of what it is made from; with the ledger of the last build,
only outputs whose fingerprint changed are rendered, and only bytes that changed are written.
"""

from __future__ import annotations

import gc
import tempfile
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Callable

from .fingerprint import Fingerprints, layouts_key
from .config import Config
from .content import Article, bodies_read, load_articles, sources_line
from .digest import Digest, make_digest
from .errors import Problems
from .feeds import all_feeds, render_feed
from .i18n import load_language
from .ingest import IngestReport, ingest_seeds
from .ledger import Summary
from .ledger.records import Ledger, Records, Unchanged, ledger_key
from .markdown import make_markdown
from .parallel import parallel_map
from .published import keep_published_urls
from .scan import Inputs, bytes_hash
from .search import (BUNDLE, LISTING, Indexing, Layout, entries, index_shards, indexed_part, layout, listing, shard_key,
                     unavailable)
from .stories import StoryIndex, ranked
from .render import Compiled, make_environment, plan_pages, render_page, sitemap_and_robots, static_files, stories_json
from .ledger.undo import ContentUndo
from .retouch import recipe, retouch
from .write import Writing, site_identity


@dataclass(frozen=True)
class BuildOptions:
    """What the command line may change about one build."""

    now: datetime
    """The build instant: articles dated after it are scheduled, not published."""
    drafts: bool = False
    """Publish articles marked draft: true."""
    future: bool = False
    """Publish articles dated after `now`."""
    clean: bool = False
    """Ignore the ledger: render and write everything."""
    inputs: Inputs | None = None
    """The inputs as the build's scan found them (scan.input_state): their state is recorded for the no-op
    check, and their listing saves listing them again."""


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary line."""

    ingest: IngestReport
    articles: int
    pages: int
    feeds: int
    written: int
    """Output files whose bytes changed (all of them in a full build)."""
    unchanged: int
    drafts_left_out: int
    future_left_out: int
    problems: Problems
    rebuilt: tuple[str, ...] = ()
    """The paths written, for --verbose."""
    to_review: int = 0
    """Articles whose front matter still holds a review mark from ingestion."""


def build(config: Config, options: BuildOptions, progress: Callable[[str], None] = lambda stage: None) -> BuildReport:
    """Run every stage; bad inputs are collected in the report's problems, and the rest is built.
    `progress` hears the name of each stage as it starts.

    Python's cycle collector is paused meanwhile: a build makes millions of objects that live until it
    ends, and the collector would walk them all again and again (a third of an edit's time at 10,000
    articles). It runs again after the build if it ran before (in `serve`, between builds; `build.py` run once
    leaves it off and ends without freeing anything: cli.run)."""
    was_on = gc.isenabled()
    gc.disable()
    undo = ContentUndo(config.root, config.path("content"))
    ledger = Ledger(config.root, ledger_key(config), trust=not (options.clean or undo.recovered))
    try:
        edit = None if options.clean else retouch(config, options.inputs, ledger, options.now)
        if edit is None:
            return _build(config, options, progress, undo, ledger)
        last = edit.summary
        return BuildReport(IngestReport(0, last.seeds, 0, None), last.articles, last.pages, last.feeds, len(edit.written),
                           last.files - len(edit.written), last.drafts, last.scheduled, Problems(), edit.written,
                           last.to_review)
    except BaseException:   # the build stopped: content/ as it was (the site was not touched)
        undo.restore()
        raise
    finally:
        ledger.close()
        if was_on:
            gc.enable()


def _build(config: Config, options: BuildOptions, progress: Callable[[str], None], undo: ContentUndo,
           ledger: Ledger) -> BuildReport:
    """The stages in the order they run; each returns what the next reads."""
    problems, last, listed = Problems(), ledger.last(), options.inputs.files if options.inputs else {}
    progress("converting seeds")
    ingested = ingest_seeds(config, problems, last.seeds, last.articles, undo, listed.get(str(config.path("seeds"))))
    progress("loading content")
    articles, loaded = load_articles(config.path("content"), config.root, config.zone,
                                     make_markdown(config.site.url, config.links.nofollow), problems, last.articles,
                                     config.publish, config.layout_keys, config.site.language,
                                     None if undo.touched else listed.get(str(config.path("content"))))
    chosen, drafts, future = select(articles, options)
    progress(f"sorting {len(articles):,} articles")
    language = load_language(config.site.language, config.path("translations"))
    digest = make_digest(keep_published_urls(chosen, config.path("output"), config.zone, config.site.url, problems),
                         config.zone, problems, last.stories, config.stories.window_hours, language)
    plan = plan_outputs(config, digest, ledger, last, loaded, problems)
    progress(f"rendering {len(plan.stale):,} files")
    with Writing(config.path("output"), whole=not plan.incremental) as writing:
        made = render_and_index(plan, writing, config, progress)
        progress(f"putting {len(made.changed):,} new files in place")
        report = BuildReport(ingested, len(digest.articles), plan.pages, plan.feeds, len(made.changed),
                             len(plan.inputs) - len(made.changed), len(drafts), len(future), problems,
                             tuple(sorted(made.changed)), sum(bool(a.review) for a in articles))
        publish(ledger, plan, Records(loaded, ingested.seen, plan.inputs, made.hashes, made.indexed, writing.identity(),
                                      digest.story_index, plan.story_lines, plan.made_with, plan.shows, plan.compiled,
                                      made.bodies, made.recipes, made.archive),
                next_no_op(options, report, len(plan.inputs), future, digest.articles, config), writing, undo)
    return report


def next_no_op(options: BuildOptions, report: BuildReport, files: int, future: list[Article],
               published: tuple[Article, ...], config: Config) -> Unchanged | None:
    """What lets the next build do nothing while the inputs stay as they were before this one, and its instant
    between the newest article `published` (unless --future publishes all) and the first of the `future` ones:
    None when this build changed content/ or had something to say (it must say it again). The input and output
    folders are kept as the config names them: the next build's no-op check follows their links again."""
    problems, ingested = report.problems, report.ingest
    if not options.inputs or problems.errors or problems.warnings or ingested.written or ingested.kept:
        return None
    return Unchanged(options.inputs.state, min((a.date for a in future), default=None),
                     Summary(report.articles, report.pages, report.feeds, files, report.drafts_left_out,
                             report.future_left_out, ingested.unchanged, report.to_review),
                     None if options.future else max((a.date for a in published), default=None),
                     (tuple(config.input_folders(named=True)), str(config.root / config.paths.output)),
                     options.inputs.apart(content := str(config.path("content"))), options.inputs.lines[content])


def select(articles: list[Article], options: BuildOptions) -> tuple[list[Article], list[Article], list[Article]]:
    """(the articles to publish, the drafts and the scheduled ones left out), as the options say."""
    drafts = [a for a in articles if a.draft and not options.drafts]
    future = [a for a in articles if a.date > options.now and not options.future and not (a.draft and not options.drafts)]
    left_out = {a.source for a in drafts + future}
    return [a for a in articles if a.source not in left_out], drafts, future


FEW = 64
"""Up to this many articles edited, the ledger is asked which outputs show each (a scan of its `shows` table
each); beyond, every output is fingerprinted again, which costs the same whatever changed."""


@dataclass
class Plan:
    """Every output of the build, what it is made from and how, and which of them to make again."""

    makers: dict[str, Callable[[], bytes]]
    """Output path -> the call that makes its bytes."""
    recipes: dict[str, Callable[[], bytes]]
    """Output path -> the call that writes down how to make it again from the ledger alone (retouch.recipe)."""
    inputs: dict[str, str]
    """Output path -> fingerprint of what it is made from."""
    shows: dict[str, str]
    """Output path -> the articles it shows, for the ledger (only the outputs fingerprinted again)."""
    stale: list[str]
    """The outputs to make: their fingerprint changed, or they show the body of an article edited (all of them
    when the build is not incremental)."""
    search: dict[str, str]
    """Article page -> its language, each page search indexes; empty with search off."""
    archived: dict[str, tuple[str, str, str]]
    """The search archive as the last build left it (Ledger.archived); empty when there is none to keep."""
    incremental: bool
    """The site is the one the ledger describes: only what changed is written."""
    last: Records
    """The last build's records (with what each output showed, when every output was fingerprinted again)."""
    made_with: str
    story_lines: dict[str, tuple[str, str]]
    pages: int
    feeds: int
    fingerprint: Fingerprints
    compiled: dict[str, bytes]
    """The layouts this process compiled while rendering, for the ledger."""


def plan_outputs(config: Config, digest: Digest, ledger: Ledger, last: Records,
                 loaded: dict[str, tuple[int, int, Article]], problems: Problems) -> Plan:
    """Every page, feed and other file of the site, each with the fingerprint of what it is made from: of the
    articles it shows, their cards (Article.card); the outputs that showed the body of an article edited are
    stale as well (Records.bodies). When every article stands where the last build put it (`unmoved`), only
    the outputs that show an article whose card changed are fingerprinted again; the others keep the
    ledger's. So an edit of a body alone makes again its page and the feeds that carry it, not the lists."""
    output, language = config.path("output"), digest.language
    incremental = last.site is not None and site_identity(output) == last.site
    fingerprint = Fingerprints()
    compiled = Compiled(ledger.trusted(), language.version)
    env = make_environment(config.path("layouts"), digest, config.site.title, compiled)
    search_off = unavailable() if config.search else "off"
    if config.search and search_off:
        problems.warn(f"search is left out: {search_off}")
    search = {} if search_off else {digest.url(a) + "index.html": a.lang or config.site.language for a in digest.articles}
    pages = list(plan_pages(digest, config, bool(search), problems))
    feeds = list(all_feeds(digest, config))
    made_with = layouts_key(config.path("layouts"), language.version, search_off)
    edited = {where for where, (_, _, a) in loaded.items() if where not in last.articles or last.articles[where][2] is not a}
    edited |= last.articles.keys() - loaded.keys()
    pairs = {w: (last.articles.get(w), loaded.get(w)) for w in edited}   # (mtime, size, Article) before and now, or None
    retold = {w for w, (old, new) in pairs.items() if not (old and new and old[2].version == new[2].version)}
    recarded = {w for w in retold if not (all(pairs[w]) and _same_card(w, digest, last.articles, loaded))}
    showing = ledger.showing(recarded) if incremental and made_with == last.made_with and len(edited) <= FEW and \
        unmoved(digest.story_index, last.stories, list(pairs.values())) else None
    makers: dict[str, Callable[[], bytes]] = {}
    recipes: dict[str, Callable[[], bytes]] = {}
    inputs: dict[str, str] = {}
    shows: dict[str, str] = {}
    if showing is None:   # every output is fingerprinted again, and what it shows compared with the last build's
        last = replace(last, shows=ledger.shows())
    for path, made_from, make, made in [*((page.path, (made_with, page.template, page.path, page.context),
                                           lambda page=page: render_page(env, page, digest, config), page) for page in pages),
                                        *((feed.path, (feed.path, feed.format, feed.title, feed.page_url, feed.items,
                                                        feed.story_ids(digest), language.version),
                                           lambda feed=feed: render_feed(feed, digest, config), feed) for feed in feeds)]:
        makers[path] = make
        recipes[path] = lambda made=made: recipe(made, digest)
        if showing is not None and path not in showing and path in last.inputs:   # it shows no article edited
            inputs[path] = last.inputs[path]
            continue
        inputs[path] = fingerprint(made_from)
        shows[path] = sources_line(fingerprint.shows(made_from))
    listed, story_lines = stories_json(digest, config, last.story_lines if incremental else {}, fingerprint)
    extras = {**sitemap_and_robots(inputs, digest, config), **static_files(config.path("layouts")), "stories.json": listed}
    for path, data in extras.items():
        inputs[path] = bytes_hash(data)
        makers[path] = lambda data=data: data
    reading = {path for path, sources in last.bodies.items() if not retold.isdisjoint(sources.split("\n"))} if retold else set()
    stale = [path for path in inputs
             if not (incremental and last.fresh(path, inputs[path]) and path in last.outputs and path not in reading)]
    archived = ledger.archived() if incremental and search else {}
    return Plan(makers, recipes, inputs, shows, stale, search, archived, incremental, last, made_with, story_lines, len(pages),
                len(feeds), fingerprint, compiled.made)


@dataclass(frozen=True)
class Made:
    """What rendering and indexing made."""

    hashes: dict[str, str]
    """Every output path -> the hash of its bytes (search bundle files: their shard's fingerprint)."""
    indexed: dict[str, str]
    """Article page -> the hash of what Pagefind reads of it."""
    changed: set[str]
    """The outputs whose bytes were written."""
    bodies: dict[str, str]
    """Output path -> the articles whose body it shows (Records.bodies)."""
    recipes: dict[str, bytes]
    """Each output made -> its recipe if it shows a body, else b"" (Records.recipes)."""
    archive: dict[str, tuple[str, str, str]] | None
    """The search archive indexed again (Records.archive), or None when it was kept."""


def render_and_index(plan: Plan, writing: Writing, config: Config, progress: Callable[[str], None]) -> Made:
    """Make the stale outputs on every core, each written by the process that made it when its bytes changed;
    index the search bundles whose pages changed meanwhile, in the background (start_search)."""
    last, searched = plan.last, plan.search

    def make(path: str) -> tuple[str, bool, str, str, bytes]:
        """Render in whichever process; write the file only when its bytes changed; return the hash, whether
        it was written, for a page search indexes the hash of what Pagefind reads of it, the articles whose
        bodies it shows, and if it shows any, its recipe."""
        with bodies_read() as heard:
            data = plan.makers[path]()
        hashed = bytes_hash(data)
        indexed = bytes_hash(indexed_part(data)) if path in searched else ""
        bodies, kept = (sources_line(heard), plan.recipes[path]()) if heard else ("", b"")
        if plan.incremental and last.outputs.get(path) == hashed:
            return hashed, False, indexed, bodies, kept
        writing.put({path: data})
        return hashed, True, indexed, bodies, kept

    # Article pages first, so that Pagefind indexes the shards they changed while the other pages render.
    first = [path for path in plan.stale if path in searched]
    made = dict(zip(first, parallel_map(make, first)))
    indexed = {path: made[path][2] if path in made else last.indexed.get(path, "") for path in searched}
    if plan.search:
        progress("indexing for search, rendering the rest")
    searching, stop_searching = start_search(plan.search, plan.archived, writing, config.path("output"),
                                             {p for p, (_, wrote, *_) in made.items() if wrote}, plan.makers,
                                             {p: made[p][0] if p in made else last.outputs[p] for p in searched}, indexed,
                                             last if plan.incremental else None, plan.fingerprint, config)
    try:
        made.update(zip((rest := [path for path in plan.stale if path not in searched]), parallel_map(make, rest)))
    except BaseException:
        stop_searching()
        raise
    hashes = {path: made[path][0] if path in made else last.outputs.get(path, "") for path in plan.inputs}
    bundle_files, archive = searching(plan.inputs, hashes)
    changed = {path for path, (_, wrote, *_) in made.items() if wrote} | bundle_files
    bodies = {path: made[path][3] if path in made else last.bodies.get(path, "") for path in plan.inputs}
    return Made(hashes, indexed, changed, {path: shown for path, shown in bodies.items() if shown},
                {path: made[path][4] for path in made}, archive)


def publish(ledger: Ledger, plan: Plan, records: Records, unchanged: Unchanged | None, writing: Writing,
            undo: ContentUndo) -> None:
    """Stage the ledger's records, put the site in place, then commit the ledger and keep content/: the site,
    content/ and the ledger move on together (Ctrl-C waits until they have)."""
    staged = ledger.stage(plan.last, records, unchanged)
    writing.publish(lambda: (staged.commit(), undo.discard()), staged.abort,
                    keep=set(plan.inputs) if plan.incremental else None, previous=set(plan.last.outputs))


def unmoved(now: StoryIndex, before: StoryIndex | None, edited: list[tuple[tuple | None, tuple | None]]) -> bool:
    """Every article stands where the last build put it: the same articles, stories and related lists, and each
    article edited (`edited`: its last and its new (mtime, size, Article), None where there is none) with the
    same date, slug, section, tags and whatever else places it. Then an output that shows no edited article is
    as the last build made it, and is not fingerprinted again."""
    if before is None or now.shapes.keys() != before.shapes.keys() or now.order != before.order \
            or now.members != before.members:
        return False
    for source, related in now.related.items():
        last = before.related.get(source)
        if last != related and (last is None or [s for s, _ in last] != [s for s, _ in related]):
            return False
    return all(old and new and _place(old[2]) == _place(new[2]) for old, new in edited)


def _same_card(source: str, digest: Digest, last: dict[str, tuple], now: dict[str, tuple]) -> bool:
    """A list shows the same of the article `source` before and after its edit: the same card, and in a story of
    two articles or more, the same order of its articles by length (the longest leads the story, and the
    articles a day shows of it)."""
    old, new = last[source][2], now[source][2]
    story = digest.story_of.get(source)
    if old.card != new.card:
        return False
    if old.words == new.words or story is None or len(story.articles) < 2:
        return True
    before = [last[a.source][2] if a.source in last else a for a in story.articles]
    return ranked(story.articles) == ranked(before)


def _place(a: Article) -> tuple:
    """What of an article decides which pages show it, and where (its text decides how)."""
    return a.source, a.id, a.slug, a.date, a.updated, a.category, a.tags, a.lang, a.story, a.draft


def start_search(search: dict[str, str], archived: dict[str, tuple[str, str, str]], writing: Writing, output: Path,
                 written: set[str], makers: dict, page_hashes: dict[str, str], indexed: dict[str, str],
                 cache: Records | None, fingerprint: Fingerprints, config: Config
                 ) -> tuple[Callable[[dict[str, str], dict[str, str]], tuple[set[str], dict | None]], Callable[[], None]]:
    """Lay out the bundles for the pages `search` indexes (search.layout: `indexed` the hashes of what Pagefind reads
    of each, `archived` the archive as last indexed) and start Pagefind, in the background, for each bundle whose
    pages or their hashes changed, into the build's staging folder or journal; the other bundles' files stay as
    they are. (So a new article that changes other pages' related lists re-indexes no bundle, and an edit only the
    small one it lands in.) A bundle whose folder is gone from `output` is made again (an archive's part: the archive
    is made again of every page, only its parts that changed or are gone indexed). Return the call that
    waits for it, writes pagefind/bundles.json, records every bundle file's inputs and hashes (a bundle's
    fingerprint: Pagefind's output is not byte-identical from run to run) and returns the files written and the
    archive's records if it was indexed again (else None); and the call that stops it and waits for its clean-up."""
    previous: dict[str, list[str]] = {}
    for path, made_from in (cache.inputs.items() if cache else ()):
        if path.startswith(BUNDLE) and path != LISTING:
            previous.setdefault(made_from, []).append(path)
    now = {path: indexed[path] or page_hashes[path] for path in search}
    language = config.site.language

    def plan(laid: Layout) -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
        keys, jobs, kept = {}, {}, {}
        for folder, paths in laid.bundles.items():
            seen = laid.archived if folder in laid.parts else now
            keys[folder] = shard_key(fingerprint, folder, language, paths, seen.__getitem__)
            files = previous.get(keys[folder], [])
            if files and all(path in cache.outputs for path in files) and (output / folder / "pagefind-entry.json").is_file():
                kept[folder] = files
            else:
                jobs[folder] = paths
        return keys, jobs, kept

    laid = layout(now, {path: seen for path, (seen, *_) in archived.items()})
    keys, jobs, kept = plan(laid)
    if not laid.compacted and not jobs.keys().isdisjoint(laid.parts):   # a part's files are gone: make the archive again
        laid = layout(now, None)
        keys, jobs, kept = plan(laid)

    def html_of(path: str) -> bytes:
        """A page as this build left it: just written, unchanged in site/, or (if someone removed it) made again."""
        for place in (writing.files, output) if path in written or writing.whole else (output,):
            try:
                return (place / path).read_bytes()
            except OSError:
                continue
        return makers[path]()

    indexing = Indexing()

    def index() -> dict[str, list[str]]:
        with tempfile.TemporaryDirectory(prefix=f".{output.name}.search-", dir=output.parent) as scratch:
            return index_shards(jobs, html_of, Path(scratch), writing.files, language, indexing)

    pool = ThreadPoolExecutor(max_workers=1)
    running = pool.submit(index) if jobs else None
    pool.shutdown(wait=False)

    def finish(inputs: dict[str, str], hashes: dict[str, str]) -> tuple[set[str], dict[str, tuple[str, str, str]] | None]:
        made = running.result() if running else {}
        for folder, paths in {**kept, **made}.items():
            inputs.update(dict.fromkeys(paths, keys[folder]))
            hashes.update(dict.fromkeys(paths, keys[folder]))
        changed = {path for paths in made.values() for path in paths}
        archive = None
        if laid.compacted:   # a part kept holds its pages as the ledger has them
            archive = {}
            for folder in laid.parts:
                found = entries(writing.files / folder) if folder in made else {}
                archive.update({path: (laid.archived[path], *found.get(path, ("", "{}"))) if folder in made
                                else archived.get(path, (laid.archived[path], "", "{}")) for path in laid.bundles[folder]})
        if laid.bundles:
            data = listing(laid, archive or archived, lambda folder: (writing.files if folder in made else output) / folder,
                           language)
            inputs[LISTING] = hashes[LISTING] = bytes_hash(data)
            if not (cache and cache.outputs.get(LISTING) == hashes[LISTING]):
                writing.put({LISTING: data})
                changed.add(LISTING)
        return changed, archive

    def stop() -> None:
        indexing.stop()
        if running:
            wait([running])

    return finish, stop
