"""The site-wide sources index: every source cited across the site, and a reliability histogram.

Pure functions over [`Processed`][mkdocs_prizm.core.pipeline.Processed] results: the MkDocs
adapter renders [`sources_index`][mkdocs_prizm.core.sources_index.sources_index] on the optional
public sources page.  Everything is deterministic: articles are sorted by path, sources by name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from mkdocs_prizm.core.article import Article, Reliability, Source, source_anchor
from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.core.sources.reliability import mean_score
from mkdocs_prizm.core.text import normalise_name
from mkdocs_prizm.core.urls import is_safe_url

__all__ = [
    "UNRATED_BUCKET",
    "ArticleRef",
    "HistogramBucket",
    "SourceGroup",
    "normalise_url",
    "reliability_histogram",
    "sources_index",
]

#: Label of the histogram bucket of sources without a usable score.
UNRATED_BUCKET = "unrated"

#: Query parameters that only track a visit and never change the document.
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "xtor"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article citing a source.

    Attributes:
        path: The article's path (relative to ``docs_dir``).
        title: The article's title (its path when it has none).
        number: The source's number in that article (its entry is ``#prizm-source-N``).
        score: The score that article gives the source, or ``None``.
    """

    path: str
    title: str
    number: int
    score: float | None

    @property
    def anchor(self) -> str:
        """The element id of the source's entry in the article."""
        return source_anchor(self.number)


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One source cited across the site, possibly by several articles.

    Attributes:
        key: The grouping key: ``url:`` and the normalised URL, else ``title:`` and the
            normalised title.
        title: The title as written by the first article citing it (by path).
        url: A safe http(s) URL, or empty.
        kind: The type of the first entry that gives one.
        reliability: The mean of the scores articles give it (``None`` when none does);
            ``raw`` lists the distinct scores, for instance ``"7/10, 8/10"``.
        articles: The citing articles, sorted by path.
    """

    key: str
    title: str
    url: str
    kind: str
    reliability: Reliability
    articles: tuple[ArticleRef, ...]

    @property
    def scores(self) -> tuple[float, ...]:
        """The scores given by the citing articles (rated ones only), in article order."""
        return tuple(a.score for a in self.articles if a.score is not None)


@dataclass(frozen=True, slots=True)
class HistogramBucket:
    """A bar of the reliability histogram.

    Attributes:
        label: ``"0"`` to ``"10"`` (scores rounded down), or ``"unrated"``.
        count: How many sources fall in it.
    """

    label: str
    count: int


def normalise_url(url: str) -> str:
    """A comparison key for a URL: the same document written differently gives the same key.

    The scheme, a leading ``www.``, default ports, the fragment, a trailing slash and
    tracking parameters (``utm_*``, ``fbclid``...) are ignored; the host is lower-cased; the
    remaining query parameters are sorted.

    Args:
        url: An http(s) URL.

    Returns:
        ``host[:port]/path[?query]``; empty when ``url`` is not a safe http(s) URL.

    Examples:
        >>> normalise_url("https://www.Example.org/a/?utm_source=x#top")
        'example.org/a'
    """
    if not is_safe_url(url):
        return ""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # pragma: no cover - is_safe_url already refused these
        return ""
    host = (parts.hostname or "").removeprefix("www.")
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_PARAMS
    ]
    key = host + path
    if query:
        key += "?" + urlencode(sorted(query))
    return key


def _group_key(source: Source) -> str:
    if source.url_safe:
        url_key = normalise_url(source.url)
        if url_key:
            return "url:" + url_key
    return "title:" + normalise_name(source.title)


def sources_index(articles: Iterable[Processed]) -> list[SourceGroup]:
    """Every source cited across the site, grouped, with the articles citing it.

    Sources are grouped by normalised URL when they have a safe one, else by normalised
    title; entries without a title or a safe URL (unstructured leftovers) are left out.

    Args:
        articles: The processed articles (other pages are ignored).

    Returns:
        The groups, sorted by normalised title then key.
    """
    found: dict[str, list[tuple[Article, Source]]] = {}
    ordered = sorted((p.article for p in articles if p.article.is_article), key=lambda a: a.path)
    for article in ordered:
        if article.sources is None:
            continue
        for source in article.sources.entries:
            if not source.structured or not (source.title or source.url_safe):
                continue
            found.setdefault(_group_key(source), []).append((article, source))
    groups: list[SourceGroup] = []
    for key, cited in found.items():
        first = cited[0][1]
        refs = tuple(
            ArticleRef(
                path=article.path,
                title=article.title or article.path,
                number=source.number,
                score=source.reliability.score,
            )
            for article, source in cited
        )
        scores = [r.score for r in refs if r.score is not None]
        distinct = sorted(set(scores))
        mean = mean_score(scores)
        reliability = Reliability(
            score=round(mean, 1) if mean is not None else None,
            raw=", ".join(f"{s:g}/10" for s in distinct),
        )
        groups.append(
            SourceGroup(
                key=key,
                title=first.title or _display_url(first.url),
                url=next((s.url.strip() for _, s in cited if s.url_safe), ""),
                kind=next((s.kind for _, s in cited if s.kind), ""),
                reliability=reliability,
                articles=refs,
            )
        )
    groups.sort(key=lambda g: (normalise_name(g.title), g.key))
    return groups


def _display_url(url: str) -> str:
    parts = urlsplit(url.strip())
    return (parts.netloc + parts.path).rstrip("/")


def reliability_histogram(groups: Iterable[SourceGroup]) -> list[HistogramBucket]:
    """Count sources by reliability: eleven buckets ``0``..``10`` (rounded down), then unrated.

    Each source counts once, with its mean score
    ([`SourceGroup.reliability`][mkdocs_prizm.core.sources_index.SourceGroup]).

    Args:
        groups: The sources index.

    Returns:
        Twelve buckets, always in the same order, empty ones included.
    """
    counts = [0] * 11
    unrated = 0
    for group in groups:
        score = group.reliability.score
        if score is None:
            unrated += 1
        else:
            counts[min(10, max(0, math.floor(score)))] += 1
    buckets = [HistogramBucket(str(i), n) for i, n in enumerate(counts)]
    buckets.append(HistogramBucket(UNRATED_BUCKET, unrated))
    return buckets
