"""The editorial report and the site-wide sources index, built from processed articles.

Pure functions over [`Processed`][mkdocs_prizm.core.pipeline.Processed] results: the MkDocs
adapter writes [`build_report`][mkdocs_prizm.core.report.build_report] as JSON next to
``mkdocs.yml`` (never into the site) and renders
[`sources_index`][mkdocs_prizm.core.report.sources_index] on the optional public sources page.

Everything is deterministic: articles are sorted by path, sources by name, and the only
timestamp is taken from ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from mkdocs_prizm.core.article import Article, Reliability, Source, source_anchor
from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.core.problems import Problem, Severity
from mkdocs_prizm.core.sources import normalise_name
from mkdocs_prizm.core.urls import is_safe_url

__all__ = [
    "REPORT_FORMAT",
    "UNRATED_BUCKET",
    "ArticleRef",
    "HistogramBucket",
    "SourceGroup",
    "article_record",
    "build_report",
    "normalise_url",
    "problem_record",
    "reliability_histogram",
    "sources_index",
]

#: Version of the report's layout; bumped when a field changes meaning or disappears.
REPORT_FORMAT = 1
#: Label of the histogram bucket of sources without a usable score.
UNRATED_BUCKET = "unrated"

#: Query parameters that only track a visit and never change the document.
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "xtor"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


# --------------------------------------------------------------------------- report


def problem_record(problem: Problem) -> dict[str, Any]:
    """A problem as a JSON-ready dict (the form used by the report and ``check --format json``).

    Args:
        problem: The problem.

    Returns:
        ``{"file", "line", "column", "severity", "code", "message"}``.
    """
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity.value,
        "code": problem.code,
        "message": problem.message,
    }


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    if not items:
        return None
    return round(math.fsum(items) / len(items), 2)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _source_record(source: Source) -> dict[str, Any]:
    return {
        "number": source.number,
        "title": source.title,
        "url": source.url,
        "url_safe": source.url_safe,
        "reliability": source.reliability.score,
        "reliability_raw": source.reliability.raw,
        "structured": source.structured,
        "form": source.form,
        "line": source.line,
        "citations": len(source.citations),
    }


def article_record(processed: Processed) -> dict[str, Any]:
    """One article's line of the editorial report.

    Args:
        processed: The result of the pipeline for the article.

    Returns:
        A JSON-ready dict: ``path``, ``title``, ``date``, ``updated``, ``authors``,
        ``language``, ``reading_time`` (declared and computed), ``sources`` (count, declared
        count, rated/unrated counts, reliability mean and minimum over rated sources, refused
        links, entries), ``unmatched_citations``, ``internal_note`` (its fields, or ``None``)
        and ``problems``.
    """
    article: Article = processed.article
    entries = article.sources.entries if article.sources is not None else ()
    scores = [s.reliability.score for s in entries if s.reliability.score is not None]
    refused = [
        {"number": s.number, "title": s.title, "url": s.url}
        for s in entries
        if s.url and not s.url_safe
    ]
    rt = article.reading_time
    note = article.note
    counts = {severity.value: 0 for severity in Severity}
    for problem in processed.problems:
        counts[problem.severity.value] += 1
    return {
        "path": article.path,
        "title": article.title,
        "date": _date(article.date),
        "updated": _date(article.updated),
        "authors": [author.name for author in article.authors],
        "language": article.language,
        "reading_time": {
            "declared": rt.declared if rt else None,
            "declared_minutes": rt.declared_minutes if rt else None,
            "computed_minutes": rt.computed_minutes if rt else None,
            "words": rt.words if rt else 0,
        },
        "sources": {
            "count": len(entries),
            "declared": article.declared_sources,
            "rated": len(scores),
            "unrated": len(entries) - len(scores),
            "unstructured": sum(1 for s in entries if not s.structured),
            "reliability_mean": _mean(scores),
            "reliability_min": min(scores) if scores else None,
            "refused_links": refused,
            "entries": [_source_record(s) for s in entries],
        },
        "unmatched_citations": list(article.unmatched_citations),
        "internal_note": None
        if note is None
        else {
            "kind": note.kind,
            "version": note.version,
            "integrity_score": note.integrity_score,
            "conversational_score": note.conversational_score,
            "optimised_at": note.optimised_at,
            "fields": [[key, value] for key, value in note.fields],
        },
        "problem_counts": counts,
        "problems": [problem_record(p) for p in processed.problems],
    }


def _generated_at(environ: Mapping[str, str]) -> str | None:
    """``SOURCE_DATE_EPOCH`` as an ISO UTC timestamp; ``None`` when unset or malformed."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        moment = dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.isoformat().replace("+00:00", "Z")


def build_report(
    records: Iterable[Mapping[str, Any]],
    *,
    generator_version: str,
    other_problems: Iterable[Problem] = (),
    environ: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Assemble the editorial report from article records.

    Args:
        records: Results of [`article_record`][mkdocs_prizm.core.report.article_record], in
            any order.
        generator_version: The version of mkdocs-prizm that wrote the report.
        other_problems: Problems of pages that are not articles (a page whose front matter
            is invalid YAML is not recognised as an article, for instance).
        environ: Where to read ``SOURCE_DATE_EPOCH`` (default: the process environment).
            Without it the report carries no timestamp, so two builds of the same sources
            give byte-identical reports.

    Returns:
        ``{"format", "generator", "generated_at", "summary", "articles", "other_problems"}``,
        articles sorted by path, other problems by file and line.
    """
    articles = sorted((dict(r) for r in records), key=lambda r: str(r.get("path", "")))
    others = [
        problem_record(p)
        for p in sorted(other_problems, key=lambda p: (p.file, p.line, p.column, p.code))
    ]
    scores: list[float] = []
    codes: dict[str, int] = {}
    severities = {severity.value: 0 for severity in Severity}
    sources = unrated = refused = unmatched = with_note = 0
    for record in articles:
        section = record.get("sources") or {}
        sources += int(section.get("count", 0))
        unrated += int(section.get("unrated", 0))
        refused += len(section.get("refused_links", ()))
        scores.extend(
            float(e["reliability"])
            for e in section.get("entries", ())
            if e.get("reliability") is not None
        )
        unmatched += len(record.get("unmatched_citations", ()))
        with_note += record.get("internal_note") is not None
    for problem in [p for r in articles for p in r.get("problems", ())] + others:
        severities[problem["severity"]] = severities.get(problem["severity"], 0) + 1
        codes[problem["code"]] = codes.get(problem["code"], 0) + 1
    return {
        "format": REPORT_FORMAT,
        "generator": {"name": "mkdocs-prizm", "version": generator_version},
        "generated_at": _generated_at(os.environ if environ is None else environ),
        "summary": {
            "articles": len(articles),
            "articles_with_internal_note": with_note,
            "sources": sources,
            "rated_sources": len(scores),
            "unrated_sources": unrated,
            "reliability_mean": _mean(scores),
            "reliability_min": min(scores) if scores else None,
            "refused_links": refused,
            "unmatched_citations": unmatched,
            "problems": severities,
            "codes": dict(sorted(codes.items())),
        },
        "articles": articles,
        "other_problems": others,
    }


# --------------------------------------------------------------------------- sources index


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
        mean = _mean(scores)
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
    ([`SourceGroup.reliability`][mkdocs_prizm.core.report.SourceGroup]).

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
