"""The same corpus through Pelican (in a throw-away venv) and Hugo (Debian's package) followed by Pagefind,
with equivalent minimal templates: article pages, a paginated index, section and tag pages, and an RSS
feed; Hugo's article pages mark their body for Pagefind as ours do (data-pagefind-body, with the same
section, tag and year filters), so Pagefind indexes the same 10,000 articles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.corpus import article, content_text

PELICAN_TEMPLATES = {
    "base.html": "<!doctype html><html><head><title>{% block title %}{{ SITENAME }}{% endblock %}</title></head>"
                 "<body>{% block content %}{% endblock %}</body></html>",
    "article.html": "{% extends 'base.html' %}{% block content %}<h1>{{ article.title }}</h1><p>{{ article.summary }}</p>"
                    "<p>{{ article.date }} {{ article.category }}{% for t in article.tags %} {{ t }}{% endfor %}</p>"
                    "{{ article.content }}{% endblock %}",
    "index.html": "{% extends 'base.html' %}{% block content %}{% for a in articles_page.object_list %}"
                  "<h2><a href='{{ a.url }}'>{{ a.title }}</a></h2><p>{{ a.summary }}</p>{% endfor %}"
                  "{% if articles_page.has_next() %}<a href='{{ articles_next_page.url }}'>next</a>{% endif %}{% endblock %}",
    "page.html": "{% extends 'base.html' %}{% block content %}{{ page.content }}{% endblock %}",
    "archives.html": "{% extends 'base.html' %}{% block content %}{% for a in dates %}{{ a.title }}{% endfor %}{% endblock %}",
    "period_archives.html": "{% extends 'base.html' %}",
    "authors.html": "{% extends 'base.html' %}", "author.html": "{% extends 'index.html' %}",
    "categories.html": "{% extends 'base.html' %}{% block content %}{% for c, a in categories %}{{ c }}{% endfor %}{% endblock %}",
    "tags.html": "{% extends 'base.html' %}{% block content %}{% for t, a in tags %}{{ t }}{% endfor %}{% endblock %}",
}
PELICAN_TEMPLATES["category.html"] = PELICAN_TEMPLATES["tag.html"] = PELICAN_TEMPLATES["index.html"]
PELICAN_CONF = """SITENAME = "Bench"
SITEURL = "https://example.org"
PATH = "content"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_PAGINATION = 20
FEED_ALL_RSS = "feed.xml"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>",
    "_default/single.html": "{{ define \"main\" }}<article data-pagefind-body data-pagefind-sort=\"date:{{ .Date }}\">"
                            "<h1>{{ .Title }}</h1><p>{{ .Params.dek }}</p><p>{{ .Date }}"
                            "<span data-pagefind-filter=\"year:{{ .Date.Year }}\"></span>"
                            "{{ range .Params.categories }} <span data-pagefind-filter=\"section\">{{ . }}</span>{{ end }}"
                            "{{ range .Params.tags }} <a data-pagefind-filter=\"tag\">{{ . }}</a>{{ end }}</p>"
                            "{{ .Content }}</article>{{ end }}",
    "_default/list.html": "{{ define \"main\" }}{{ $p := .Paginate .Pages }}{{ range $p.Pages }}<h2><a href=\"{{ .RelPermalink }}\">"
                          "{{ .Title }}</a></h2><p>{{ .Params.dek }}</p>{{ end }}{{ if $p.HasNext }}<a href=\"{{ $p.Next.URL }}\">next"
                          "</a>{{ end }}{{ end }}",
    "_default/terms.html": "{{ define \"main\" }}{{ range .Data.Terms.Alphabetical }}{{ .Name }}{{ end }}{{ end }}",
    "index.html": "{{ define \"main\" }}{{ $p := .Paginate (where .Site.RegularPages \"Type\" \"posts\") }}{{ range $p.Pages }}"
                  "<h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2><p>{{ .Params.dek }}</p>{{ end }}{{ end }}",
}
HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Bench"
paginate = 20
disableKinds = ["sitemap", "robotsTXT"]
[taxonomies]
category = "categories"
tag = "tags"
[permalinks]
posts = "/:year/:month/:day/:slug/"
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
"""


def pelican_text(i: int) -> str:
    a = article(i)
    body = content_text(i).split("---\n", 2)[2]
    return (f"Title: {a['title']}\nDate: {a['date']:%Y-%m-%d %H:%M}\nCategory: {a['section']}\nTags: {', '.join(a['tags'])}\n"
            f"Authors: {a['author']}\nSummary: {a['dek']}\nSlug: a{i:06d}\n\n{body}")


def hugo_text(i: int) -> str:
    a = article(i)
    body = content_text(i).split("---\n", 2)[2]
    tags = ", ".join(f'"{t}"' for t in a["tags"])
    return (f"---\ntitle: \"{a['title']}\"\ndek: \"{a['dek']}\"\ndate: {a['date'].isoformat()}\ncategories: [\"{a['section']}\"]\n"
            f"tags: [{tags}]\nslug: a{i:06d}\n---\n\n{body}")


def setup(tool: str, root: Path, n: int, search: bool = True) -> tuple[list[str], Path, Path]:
    """Make the project; return (build command, its folder, the file the edit scenario changes). Hugo runs
    Pagefind after it unless `search` is False."""
    project = root / (tool if search else f"{tool}-no-search")
    if project.exists():
        shutil.rmtree(project)
    if tool == "pelican":
        venv = root.parent / "venv-pelican"
        if not (venv / "bin" / "pelican").exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "pelican[markdown]"], check=True)
        (project / "content").mkdir(parents=True)
        for name, text in PELICAN_TEMPLATES.items():
            (project / "theme" / "templates").mkdir(parents=True, exist_ok=True)
            (project / "theme" / "templates" / name).write_text(text)
        (project / "pelicanconf.py").write_text(PELICAN_CONF)
        for i in range(n):
            (project / "content" / f"a{i:06d}.md").write_text(pelican_text(i), encoding="utf-8")
        return [str(venv / "bin" / "pelican"), "-q", "-s", "pelicanconf.py", "-o", "output", "content"], project, \
            project / "content" / f"a{n // 2:06d}.md"
    if tool == "hugo":
        if not shutil.which("hugo"):
            subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True)
        (project / "content" / "posts").mkdir(parents=True)
        for name, text in HUGO_LAYOUTS.items():
            (project / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
            (project / "layouts" / name).write_text(text)
        (project / "config.toml").write_text(HUGO_CONFIG)
        for i in range(n):
            (project / "content" / "posts" / f"a{i:06d}.md").write_text(hugo_text(i), encoding="utf-8")
        from newsdigest.search import binary

        pagefind = f" && {binary()} --site public --silent --force-language en" if search else ""
        return ["sh", "-c", f"hugo --quiet --destination public{pagefind}"], project, \
            project / "content" / "posts" / f"a{n // 2:06d}.md"
    raise SystemExit(f"unknown tool {tool!r}: use pelican or hugo")


def measure(tool: str, root: Path, n: int, runs: int, search: bool = True) -> dict[str, list[tuple[float, float]]]:
    from bench.run import run

    command, project, edited = setup(tool, root, n, search)
    original = edited.read_text(encoding="utf-8")
    output = project / ("output" if tool == "pelican" else "public")
    cold, edit = [], []
    for i in range(runs):
        shutil.rmtree(output, ignore_errors=True)
        cold.append(run(command, project))
        edited.write_text(original + f"\nOne more paragraph, edit {i}.\n", encoding="utf-8")
        edit.append(run(command, project))
    pages = sum(1 for p in output.rglob("*.html"))
    indexed = (output / "pagefind" / "pagefind-entry.json").read_text() if (output / "pagefind").exists() else "no search"
    print(f"  ({tool}: {pages:,} HTML pages, {sum(1 for _ in output.rglob('*.xml'))} feeds; {indexed})", flush=True)
    return {"cold build, search off" if tool == "pelican" else "cold build (no cache)": cold, "one article's body edited": edit}
