"""The editorial report, built from processed articles.

Pure functions over [`Processed`][mkdocs_prizm.core.pipeline.Processed] results: the MkDocs
adapter writes [`build_report`][mkdocs_prizm.core.report.build_report] as JSON next to
``mkdocs.yml`` (never into the site); ``mkdocs-prizm check --format json`` prints
[`problem_record`][mkdocs_prizm.core.report.problem_record]s.  The site-wide sources index is
in [`sources_index`][mkdocs_prizm.core.sources_index].

Everything is deterministic: articles are sorted by path, and the only timestamp is taken from
``SOURCE_DATE_EPOCH`` when it is set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import Any

from mkdocs_prizm.core.article import Article, Source
from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.core.problems import Problem, Severity
from mkdocs_prizm.core.sources.reliability import mean_score
from mkdocs_prizm.core.trust.summary import (
    LinkStatus,
    dead_links,
    trust_record,
    unknown_link_status,
)

__all__ = [
    "REPORT_FORMAT",
    "article_record",
    "build_report",
    "problem_record",
]

#: Version of the report's layout; bumped when a field changes meaning or disappears.
REPORT_FORMAT = 1


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


def article_record(
    processed: Processed, link_status: LinkStatus = unknown_link_status
) -> dict[str, Any]:
    """One article's line of the editorial report.

    Args:
        processed: The result of the pipeline for the article.
        link_status: Tells a source's link status, when link-health data is at hand
            (default: unknown, and ``trust.links.dead`` is ``None``).

    Returns:
        A JSON-ready dict: ``path``, ``title``, ``date``, ``updated``, ``authors``,
        ``language``, ``reading_time`` (declared and computed), ``sources`` (count, declared
        count, rated/unrated counts, reliability mean and minimum over rated sources, refused
        links, entries), ``unmatched_citations``, ``internal_note`` (its fields, or ``None``),
        ``trust`` (freshness, coverage, floors and dead links, see
        [`trust_record`][mkdocs_prizm.core.trust.summary.trust_record]; ``None`` when not
        checked) and ``problems``.
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
    trust = trust_record(processed.trust)
    if trust is not None:
        trust["links"] = {"dead": dead_links(entries, link_status)}
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
            "reliability_mean": mean_score(scores),
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
        "trust": trust,
        "problem_counts": counts,
        "problems": [problem_record(p) for p in processed.problems],
    }


def _trust_summary(articles: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The trust parts of the article records, counted across the site."""
    counts = dict.fromkeys(
        (
            "articles",
            "future_sources",
            "stale_sources",
            "undated_sources",
            "uncited_sources",
            "figure_paragraphs",
            "uncited_figure_paragraphs",
            "articles_below_average_floor",
            "articles_below_cited_floor",
        ),
        0,
    )
    dead: int | None = None
    for record in articles:
        trust = record.get("trust")
        if not trust:
            continue
        fresh, cover, floors = trust["freshness"], trust["coverage"], trust["floors"]
        counts["articles"] += 1
        counts["future_sources"] += len(fresh["future"])
        counts["stale_sources"] += len(fresh["stale"])
        counts["undated_sources"] += fresh["undated"]
        counts["uncited_sources"] += len(cover["uncited"])
        counts["figure_paragraphs"] += cover["figure_paragraphs"]
        counts["uncited_figure_paragraphs"] += cover["uncited_figure_paragraphs"]
        counts["articles_below_average_floor"] += floors["below_average_floor"]
        counts["articles_below_cited_floor"] += floors["below_cited_floor"]
        found = (trust.get("links") or {}).get("dead")
        if found is not None:
            dead = (dead or 0) + found
    return {**counts, "dead_links": dead}


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
            "reliability_mean": mean_score(scores),
            "reliability_min": min(scores) if scores else None,
            "refused_links": refused,
            "unmatched_citations": unmatched,
            "problems": severities,
            "codes": dict(sorted(codes.items())),
            "trust": _trust_summary(articles),
        },
        "articles": articles,
        "other_problems": others,
    }
