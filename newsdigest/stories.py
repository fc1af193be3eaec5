"""Articles -> stories (the coverage of one event by many outlets, grouped) and related articles, by text similarity.

Each article is read as a weighted set of its 40 rarest terms of its title, dek and lead (`index_terms`, at
load time, in the loading workers): a word weighs by how rare it is in its language, from wordfreq's
general word frequencies (so "Mathare", "desalination" or "6000" weigh much, "council" a little, "said"
nothing), and the title's and dek's words a little more. Two articles are compared only when they share
two *key* terms (their rarest) and lie within `Params.related_days` of each other: through an index of the
key terms in a cold build, by a scan of the articles near in time for those a rebuild adds or changes,
never the whole archive. Their similarity is the cosine of the two weighted sets: a pure function of the
two articles, so the last build's links stay true and a rebuild computes only the links of what changed.

- **Stories**: two articles within the window (`stories.window_hours`, 72 by default) whose similarity is at
  least `Params.same_story` and that share `Params.shared_keys` key terms are linked; linked articles form a
  group (a follow-up links to the first reports, so a story may run longer than the window), which average
  linkage cuts where its parts are not similar enough on average (`Params.cohesion`): each part is a story.
  Front matter `story: <id>` puts an article in that story instead, `story: none` keeps it alone.
  A story's id is its earliest article's day and slug (`2025-06-18-night-trams`); its lead is the article
  with the most text.
- **Related**: up to five other stories, each shown by its most similar article, in order of similarity,
  not the article's own story; articles in another language only when none in its own is similar enough.

The numbers in `Params` are fitted on the development set in training/fixtures/stories/ (training/stories.py,
figures in training/README.md).
"""

from __future__ import annotations

import bisect
import gzip
import importlib.util
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from .content import Article


@dataclass(frozen=True)
class Params:
    """The numbers of the similarity, fitted by training/stories.py."""

    lead_words: int = 120
    """Words of the body read after the title and dek."""
    zipf_zero: float = 6.5
    """A word this common (Zipf frequency: log10 of its uses per billion words) or more weighs nothing."""
    zipf_floor: float = 2.0
    """The Zipf frequency given to words the list does not hold (names, rare words): they weigh the most."""
    head_boost: float = 1.5
    """Weight factor of the terms of the title and dek."""
    key_weight: float = 2.0
    """Terms that weigh this much or more are key terms: two articles are compared only when they share one."""
    same_story: float = 0.25
    """Similarity from which two articles within the window report the same event."""
    shared_keys: int = 3
    """Key terms two articles must share to report the same event."""
    cohesion: float = 0.25
    """A linked group is cut where the average similarity between its parts falls below this (average linkage):
    one strong link, a confuser sharing a name, does not join two events."""
    related: float = 0.1
    """Similarity from which an article is related."""
    related_keys: int = 2
    """Key terms two articles must share to be compared at all (and so to be related); at most `shared_keys`."""
    related_days: int = 7
    """How far apart in time related articles may be."""
    terms: int = 40
    """The rarest terms of an article (title, dek and lead together) that it is compared by."""
    keys: int = 10
    """The most key terms an article has (its rarest)."""


PARAMS = Params()
RELATED = 5
MAX_GROUP = 60
"""Linked groups larger than this are first cut at their weakest links (_Graph.chunks)."""
NONE = "none"
"""Front matter `story: none`: the article is a story of its own."""

PUNCTUATION = "\"'“”‘’„«»‹›()[]{}<>.,;:!?¡¿…—–-/\\*#|=+&%$€£¥@~`^_·•"
"""Cut from both ends of a word."""
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""Kana and Han: written without spaces, read as overlapping pairs of characters."""
YEAR = re.compile(r"(?:1[89]|20)\d\d")
POSSESSIVE = re.compile(r"'s\b")
DIGIT_GROUP = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
TAGS = re.compile(r"<[^>]+>")


# ---- terms (at load time, in the loading workers) ---------------------------------------------------------


def index_terms(title: str, dek: str, body_text: str, language: str, params: Params = PARAMS) -> tuple[str, bytes]:
    """The terms an article is compared by: its `params.terms` rarest distinct terms (weights in `language`)
    among those of its title, dek and the first `params.lead_words` words of its body, the rarest first,
    space-separated; and as bytes, how many of the first are key terms, then each term's weight in 20ths
    (times `head_boost` for those of the title or dek). Made once, when the article is loaded."""
    weigh = weights_for(language, params)
    memo = weigh.memo
    head = dict.fromkeys(tokens(f"{title}\n{dek}"))
    lead = body_text[:params.lead_words * 12].split()[:params.lead_words]      # words are rarely over 12 letters
    terms = dict.fromkeys([*head, *tokens(" ".join(lead))])
    ranked = [(w, t) for w, t in sorted((-(memo[t] if t in memo else weigh(t)), t) for t in terms)[:params.terms]
              if w < -0.025]
    keys = sum(1 for w, _ in ranked[:params.keys] if -w >= params.key_weight)
    packed = [min(255, round(-w * 20 * (params.head_boost if t in head else 1))) for w, t in ranked]
    return " ".join(t for _, t in ranked), bytes([keys, *packed])


def tokens(text: str) -> list[str]:
    """Lowercase words, punctuation around them and possessives cut, digit groups joined ('6,000' -> '6000');
    Han and kana as pairs."""
    text = DIGIT_GROUP.sub("", POSSESSIVE.sub("", text.lower().replace("’", "'")))
    words = [w.strip(PUNCTUATION) for w in text.split()]
    if not text.isascii() and CJK.search(text):
        words = [pair for w in words for pair in (_pairs(w) if CJK.search(w) else [w])]
    return [w for w in words if len(w) > 1 or w.isdigit()]


def _pairs(word: str) -> list[str]:
    return [run[i:i + 2] for run in CJK.findall(word) for i in range(max(1, len(run) - 1))]


def body_text(html: str) -> str:
    return TAGS.sub(" ", html)


# ---- weights ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def zipf_table(language: str) -> dict[str, float]:
    """Word -> Zipf frequency in `language` ('en', 'pt-BR': the part before '-'), from wordfreq's 'small' list
    (words of Zipf 3 or more); empty when wordfreq has no list for it.

    The list is read from wordfreq's data file in its documented cBpack format (wordfreq.read_cBpack: a
    gzipped msgpack list, a header, then lists of words, the n-th at -n centibels): importing wordfreq
    costs a third of a second (langcodes, ftfy), ten times reading the list, on every rebuild that adds an
    article."""
    code = language.split("-")[0].lower()
    spec = importlib.util.find_spec("wordfreq")
    if not re.fullmatch(r"[a-z]{2,3}", code) or spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(spec.submodule_search_locations[0]) / "data" / f"small_{code}.msgpack.gz"
    if not path.is_file():
        return {}
    import msgpack

    header, *buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if header != {"format": "cB", "version": 1}:
        return {}
    return {word: 9 - n / 100 for n, bucket in enumerate(buckets, start=1) for word in bucket}


@lru_cache(maxsize=64)
def weights_for(language: str, params: Params = PARAMS) -> Weights:
    """One Weights a language in each process."""
    return Weights(language, params)


class Weights:
    """Term -> weight in one language: how much sharing it says about two articles."""

    def __init__(self, language: str, params: Params = PARAMS) -> None:
        self.table = zipf_table(language) or _stop_table()
        self.params = params
        self.memo: dict[str, float] = {}

    def __call__(self, term: str) -> float:
        w = self.memo.get(term)
        if w is None:
            p = self.params
            if term[0].isdigit() or term[-1].isdigit():
                zipf = 5.0 if YEAR.fullmatch(term) else 5.5 if len(term) <= 2 else 3.5
            else:
                zipf = self.table.get(term, p.zipf_floor)
            w = self.memo[term] = max(0.0, p.zipf_zero - max(zipf, p.zipf_floor))
        return w


@lru_cache(maxsize=1)
def _stop_table() -> dict[str, float]:
    """For a language wordfreq lacks: the commonest words of the languages news is written in weigh nothing."""
    words = json.loads((Path(__file__).parent / "ingest" / "data" / "words.json").read_text(encoding="utf-8"))["stop"]
    return dict.fromkeys(words, 9.0)


# ---- profiles and similarity --------------------------------------------------------------------------------


class Profile:
    """An article as the similarity sees it."""

    __slots__ = ("article", "when", "language", "vector", "norm", "keys", "links")

    def __init__(self, article: Article, language: str) -> None:
        self.article, self.when, self.language = article, article.date.timestamp(), language
        text, packed = article.terms
        terms = text.split(" ") if text else []
        self.vector = dict(zip(terms, packed[1:]))
        self.keys = frozenset(terms[:packed[0]])
        self.norm = math.hypot(*packed[1:]) or 1.0
        self.links = article.story == ""
        """Whether text may put it in a story (not when its front matter names one, or none)."""


def similarity(a: Profile, b: Profile) -> tuple[float, int]:
    """(Cosine of the weighted term sets, key terms shared)."""
    va, vb = a.vector, b.vector
    return sum(va[t] * vb[t] for t in va.keys() & vb.keys()) / (a.norm * b.norm), len(a.keys & b.keys)


# ---- stories -----------------------------------------------------------------------------------------------


class Story(NamedTuple):
    """The articles that report one event. (A named tuple: a build makes one for every article, 10,000 at a time.)"""

    id: str
    """Its earliest article's day and slug (2025-06-18-night-trams), or the id front matter gave."""
    articles: tuple[Article, ...]
    """Oldest first; ties by source."""
    lead: Article
    """The article with the most text (ties: the earliest)."""

    @property
    def headline(self) -> str:
        return self.lead.title

    @property
    def page(self) -> bool:
        """Three articles or more get a page of their own."""
        return len(self.articles) >= 3


@dataclass(frozen=True)
class StoryIndex:
    """What one build found, for the next to update: each article's shape (terms, time, language, front matter
    `story`), the links between articles of one story, the members of each article's story, the related lists."""

    shapes: dict[str, tuple]
    links: dict[str, dict[str, float]]
    members: dict[str, tuple[str, ...]]
    related: dict[str, tuple[tuple[str, float], ...]]
    splits: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    """How each linked group of two articles or more was cut, by its members."""
    order: tuple[tuple[str, ...], ...]
    """The stories as `members` gives them, the one with the newest article first (then by id)."""


@dataclass(frozen=True)
class Stories:
    """The stories of a digest and the related lists of its articles."""

    stories: tuple[Story, ...]
    """Newest last article first, then by id."""
    story_of: dict[str, Story]
    """By article source."""
    related_to: dict[str, tuple[Article, ...]]
    """Up to five related articles, by source."""
    index: StoryIndex


def lead_of(articles: Iterable[Article]) -> Article:
    """The article with the most text; ties: the earliest, then by source."""
    articles = tuple(articles)
    return articles[0] if len(articles) == 1 else min(articles, key=lead_rank)


def lead_rank(a: Article) -> tuple[int, float, str]:
    """What picks the lead of a story, or of its articles one day shows: the least leads."""
    return -a.words, a.date.timestamp(), a.source


def ranked(articles: Iterable[Article]) -> list[str]:
    """The sources of `articles`, the lead first (lead_rank): two stories ranked alike lead alike, and so does each
    day's part of them."""
    return [a.source for a in sorted(articles, key=lead_rank)]


def language_of(article: Article, site_language: str) -> str:
    """Its front matter's `lang`, else the site's language."""
    return article.lang or site_language


def find_stories(articles: Iterable[Article], zone: ZoneInfo, window_hours: int, site_language: str,
                 previous: StoryIndex | None = None, params: Params = PARAMS, ids: dict[str, str] | None = None
                 ) -> Stories:
    """Group `articles` (slugs unique per day) into stories and make their related lists. With `previous` (the
    last build's index), only the articles new or changed since are compared with their neighbours in time;
    the result is the same as without it. `ids`: each article's story_id (made from `zone` if not given)."""
    by_source = {a.source: a for a in articles}
    ids = ids or {s: story_id(a, zone) for s, a in by_source.items()}
    shapes = {s: (a.terms, a.date.timestamp(), language_of(a, site_language), a.story, a.slug)
              for s, a in by_source.items()}      # its time and slug make its id (the slug: the article's own object)
    if previous is not None and shapes == previous.shapes:          # nothing to compare again: the last build's result
        return _result(_stories(previous.order, by_source), previous.related, by_source, previous)
    articles = sorted(by_source.values(), key=lambda a: (shapes[a.source][1], a.source))
    graph = _Graph(articles, shapes, window_hours * 3600, params)
    changed = [s for s, shape in shapes.items() if not previous or previous.shapes.get(s) != shape]
    gone = {s for s, shape in previous.shapes.items() if shapes.get(s) != shape} if previous else set()
    if previous is not None:
        moved_now = set(changed) | gone
        graph.known_splits = {k: v for k, v in previous.splits.items() if moved_now.isdisjoint(k)}
    if previous is None or len(changed) + len(gone) > len(articles) // 2:    # a cold build, or much changed
        candidates = graph.sweep()
        members = _members(articles, graph.links, ids, graph.split)
        lists = {a.source: graph.related_list(a.source, candidates[a.source], members) for a in articles}
    else:
        graph.links = {s: kept for s, links in previous.links.items()
                       if s not in gone and (kept := {o: x for o, x in links.items() if o not in gone})}
        found = {s: graph.query(s) for s in changed}
        members = _members(articles, graph.links, ids, graph.split)
        moved = {s for s in shapes if members[s] != previous.members.get(s)} | gone
        lists = {}
        for s in shapes:
            kept = previous.related.get(s)
            if s in moved or kept is None or any(o in moved for o, _ in kept):
                continue
            lists[s] = kept
        for x in changed:
            for s, score in found[x]:
                if s in lists and score >= params.related and graph.may_enter(s, x, score, lists[s]):
                    del lists[s]
        for s in shapes:
            if s not in lists:
                lists[s] = graph.related_list(s, found[s] if s in found else graph.query(s), members)
    order = tuple(sorted({e[0]: e for e in members.values()}.values(), key=lambda e: (-shapes[e[-1]][1], e[0])))
    return _result(_stories(order, by_source), lists, by_source, StoryIndex(shapes, graph.links, members, lists, graph.splits, order))


def _result(stories: dict[str, Story], lists: dict[str, tuple[tuple[str, float], ...]], by_source: dict[str, Article],
            index: StoryIndex) -> Stories:
    story_of = {a.source: st for st in stories.values() for a in st.articles}
    return Stories(stories=tuple(stories.values()), story_of=story_of, index=index,
                   related_to={s: tuple(by_source[o] for o, _ in picked) if picked else () for s, picked in lists.items()})


class _Graph:
    """The articles' profiles (made when first needed) and the links of one story between them."""

    def __init__(self, articles: list[Article], shapes: dict[str, tuple], window: float, params: Params) -> None:
        self.articles, self.shapes, self.window, self.params = articles, shapes, window, params
        self.horizon = max(params.related_days * 86400, window)
        self.times = [shapes[a.source][1] for a in articles]
        self.profiles: dict[str, Profile] = {}
        self.links: dict[str, dict[str, float]] = {}
        self.known_splits: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        self.splits: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}

    def profile(self, article: Article) -> Profile:
        p = self.profiles.get(article.source)
        if p is None:
            p = self.profiles[article.source] = Profile(article, self.shapes[article.source][2])
        return p

    def _pair(self, a: Profile, b: Profile) -> float:
        """Their similarity; links them when they report the same event."""
        score, shared = similarity(a, b)
        if (score >= self.params.same_story and shared >= self.params.shared_keys and a.links and b.links
                and abs(a.when - b.when) <= self.window):
            self.links.setdefault(a.article.source, {})[b.article.source] = score
            self.links.setdefault(b.article.source, {})[a.article.source] = score
        return score

    def sweep(self) -> dict[str, list[tuple[str, float]]]:
        """Compare every article with the earlier ones within the horizon that share `related_keys` key terms:
        through an index of the key terms, oldest first. Return each article's similar articles (above `related`)."""
        found: dict[str, list[tuple[str, float]]] = {a.source: [] for a in self.articles}
        postings: dict[str, list[Profile]] = {}
        for a in self.articles:
            p = self.profile(a)
            since = p.when - self.horizon
            shared: dict[Profile, int] = {}
            for key in p.keys:
                posting = postings.setdefault(key, [])
                for q in reversed(posting):
                    if q.when < since:
                        break
                    shared[q] = shared.get(q, 0) + 1
                posting.append(p)
            for q, n in shared.items():
                if n < self.params.related_keys:
                    continue
                score = self._pair(p, q)
                if score >= self.params.related:
                    found[a.source].append((q.article.source, score))
                    found[q.article.source].append((a.source, score))
        return found

    def query(self, source: str) -> list[tuple[str, float]]:
        """Compare one article with every article within the horizon that shares `related_keys` key terms with it
        (a scan of the articles near in time); return those similar enough to be related."""
        p = self.profile(self._article(source))
        lo = bisect.bisect_left(self.times, p.when - self.horizon)
        hi = bisect.bisect_right(self.times, p.when + self.horizon)
        found = []
        for a in self.articles[lo:hi]:
            if a.source != source:
                q = self.profile(a)
                if len(p.keys & q.keys) >= self.params.related_keys:
                    score = self._pair(p, q)
                    if score >= self.params.related:
                        found.append((a.source, score))
        return found

    def split(self, group: list[Article]) -> list[list[Article]]:
        """Cut a linked group (oldest first) into stories, parts oldest first: a group of more than MAX_GROUP
        articles first at its weakest links (`chunks`), then each part by average linkage (`linkage`)."""
        key = tuple(a.source for a in group)
        cut = self.known_splits.get(key)
        if cut is None:
            position = {s: i for i, s in enumerate(key)}
            parts = [part for chunk in self.chunks(group) for part in self.linkage(chunk)]
            cut = tuple(sorted((tuple(a.source for a in part) for part in parts), key=lambda part: position[part[0]]))
        self.splits[key] = cut
        by_source = {a.source: a for a in group}
        return [[by_source[s] for s in part] for part in cut]

    def chunks(self, group: list[Article]) -> list[list[Article]]:
        """A group of at most MAX_GROUP articles whole; a larger one (text that links everything says little about
        events) in the groups its links form from the lowest score at which none holds more than MAX_GROUP."""
        if len(group) <= MAX_GROUP:
            return [group]
        inside = {a.source for a in group}
        edges = sorted((x, a.source, o) for a in group for o, x in self.links.get(a.source, {}).items()
                       if o in inside and a.source < o)

        def components(start: int) -> list[list[Article]]:
            parent = {a.source: a.source for a in group}

            def root(s: str) -> str:
                while parent[s] != s:
                    parent[s] = parent[parent[s]]
                    s = parent[s]
                return s

            for _, a, b in edges[start:]:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
            out: dict[str, list[Article]] = {}
            for a in group:
                out.setdefault(root(a.source), []).append(a)
            return list(out.values())

        lo, hi = 0, len(edges)               # the fewest weakest links to drop: parts shrink as more are dropped
        while lo < hi:
            mid = (lo + hi) // 2
            if max(map(len, components(mid))) <= MAX_GROUP:
                hi = mid
            else:
                lo = mid + 1
        return components(lo)

    def linkage(self, group: list[Article]) -> list[list[Article]]:
        """Average linkage: join the two parts whose articles are the most similar on average while that average is
        at least `cohesion` (among equals, the first pair); keeps each pair of parts' sum of similarities."""
        profiles = [self.profile(a) for a in group]
        parts = {i: [i] for i in range(len(group))}
        sums = {i: {j: similarity(profiles[i], profiles[j])[0] for j in range(len(group)) if j != i} for i in parts}
        while len(parts) > 1:
            best, x, y = min((-sums[x][y] / (len(parts[x]) * len(parts[y])), x, y) for x in parts for y in parts if x < y)
            if -best < self.params.cohesion:
                break
            parts[x] += parts.pop(y)
            merged = sums.pop(y)
            del sums[x][y]
            for z in parts:
                if z != x:
                    sums[x][z] = sums[z][x] = sums[x][z] + merged[z]
                    del sums[z][y]
        return [[group[i] for i in sorted(part)] for part in parts.values()]

    def _article(self, source: str) -> Article:
        when = self.shapes[source][1]
        i = bisect.bisect_left(self.times, when)
        while self.articles[i].source != source:
            i += 1
        return self.articles[i]

    def _rank(self, source: str, other: str, score: float) -> tuple:
        """Most similar first; then the nearest in time, the newer, by source."""
        t, u = self.shapes[source][1], self.shapes[other][1]
        return -score, abs(t - u), -u, other

    def related_list(self, source: str, similar: list[tuple[str, float]], members: dict[str, tuple[str, ...]]
                     ) -> tuple[tuple[str, float], ...]:
        """Up to RELATED similar articles, one a story, not of its own story; in its language if any is."""
        own = members[source][0]
        ranked = sorted((x for x in similar if members[x[0]][0] != own), key=lambda x: self._rank(source, *x))
        language = self.shapes[source][2]
        same = [x for x in ranked if self.shapes[x[0]][2] == language]
        picked, stories = [], set()
        for other, score in same or ranked:
            if members[other][0] not in stories:
                stories.add(members[other][0])
                picked.append((other, score))
                if len(picked) == RELATED:
                    break
        return tuple(picked)

    def may_enter(self, source: str, new: str, score: float, kept: tuple[tuple[str, float], ...]) -> bool:
        """Whether `new`, similar to `source` by `score`, could change its related list `kept` (which holds
        nothing that changed): it is not full, `new` outranks its last, or `new` is in its language while
        some of the list is not."""
        if len(kept) < RELATED or self._rank(source, new, score) < self._rank(source, *kept[-1]):
            return True
        language = self.shapes[source][2]
        return self.shapes[new][2] == language and any(self.shapes[o][2] != language for o, _ in kept)


def _members(articles: list[Article], links: dict[str, dict[str, float]], ids: dict[str, str], split
             ) -> dict[str, tuple[str, ...]]:
    """Each article's story as (story id, the sources of its members oldest first), one tuple shared by all its
    members. Linked articles form a group, which `split` may cut in parts: each part is a story, named by its
    earliest (`ids`); front matter `story: <id>` puts an article in that story (a new one if no story has that
    id), `story: none` in one of its own."""
    parent: dict[str, str] = {}

    def root(s: str) -> str:
        while parent.setdefault(s, s) != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for s, others in links.items():
        for o in others:
            a, b = root(s), root(o)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[Article]] = {}
    alone: dict[str, Article] = {}
    pinned = []
    for a in articles:                          # oldest first: a group's first member names it
        if a.story:
            pinned.append(a)
        elif a.source in parent:
            groups.setdefault(root(a.source), []).append(a)
        else:
            alone[ids[a.source]] = a
    stories = {ids[part[0].source]: part for group in groups.values() for part in split(group)}
    for a in pinned:
        key = ids[a.source] if a.story == NONE else a.story
        if key not in stories and key in alone:
            stories[key] = [alone.pop(key)]
        stories.setdefault(key, []).append(a)
    out: dict[str, tuple[str, ...]] = {a.source: (sid, a.source) for sid, a in alone.items()}
    for sid, group in stories.items():
        group.sort(key=lambda a: (a.date.timestamp(), a.source))
        entry = (sid, *(a.source for a in group))
        for a in group:
            out[a.source] = entry
    return out


def story_id(article: Article, zone: ZoneInfo) -> str:
    """The id of a story whose earliest article this is: its day and slug."""
    return f"{article.date.astimezone(zone):%Y-%m-%d}-{article.slug}"


def _stories(order: tuple[tuple[str, ...], ...], by_source: dict[str, Article]) -> dict[str, Story]:
    """The Story of each entry of `order` ((id, sources)), by id, in that order. (Made again on every build:
    unpickling 10,000 of them from the cache costs more.)"""
    stories: dict[str, Story] = {}
    for entry in order:
        if len(entry) == 2:
            a = by_source[entry[1]]
            stories[entry[0]] = Story(entry[0], (a,), a)
        else:
            group = tuple(by_source[s] for s in entry[1:])
            stories[entry[0]] = Story(entry[0], group, lead_of(group))
    return stories
