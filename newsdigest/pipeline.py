"""The pipeline: ingest seeds, load content, make the digest, render pages and feeds, write site/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .config import Config
from .content import load_articles
from .digest import make_digest
from .errors import Problems
from .feeds import render_feeds
from .ingest import IngestReport, ingest_seeds
from .markdown import make_markdown
from .render import make_environment, render_site, sitemap_and_robots, static_files
from .write import write_site


@dataclass(frozen=True)
class BuildOptions:
    """What the command line may change about one build."""

    now: datetime
    """The build instant: articles dated after it are scheduled, not published."""
    drafts: bool = False
    """Publish articles marked draft: true."""
    future: bool = False
    """Publish articles dated after `now`."""


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary line."""

    ingest: IngestReport
    articles: int
    pages: int
    feeds: int
    drafts_left_out: int
    future_left_out: int
    problems: Problems


def build(config: Config, options: BuildOptions) -> BuildReport:
    """Run every stage; bad inputs are collected in the report's problems, and the rest is built."""
    problems = Problems()
    ingested = ingest_seeds(config, problems)
    markdown = make_markdown(config.site.url, config.links.nofollow)
    articles = load_articles(config.path("content"), config.root, config.zone, markdown, problems)
    drafts = [a for a in articles if a.draft and not options.drafts]
    future = [a for a in articles if a.date > options.now and not options.future and not (a.draft and not options.drafts)]
    left_out = {a.source for a in drafts + future}
    digest = make_digest([a for a in articles if a.source not in left_out], config.zone, problems)
    env = make_environment(config.path("layouts"))
    pages = render_site(digest, config, env)
    feeds = render_feeds(digest, config)
    files = {**pages, **feeds, **sitemap_and_robots(pages, digest, config), **static_files(config.path("layouts"))}
    write_site(files, config.path("output"))
    return BuildReport(ingested, len(digest.articles), len(pages), len(feeds), len(drafts), len(future), problems)
