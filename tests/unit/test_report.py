"""The editorial report and the sources index: pure functions over processed articles."""

from __future__ import annotations

import json
from textwrap import dedent

import pytest

from mkdocs_prizm.core.i18n import LABELS
from mkdocs_prizm.core.pipeline import Processed, analyse
from mkdocs_prizm.core.problems import Problem, Severity
from mkdocs_prizm.core.report import article_record, build_report
from mkdocs_prizm.core.sources_index import (
    UNRATED_BUCKET,
    normalise_url,
    reliability_histogram,
    sources_index,
)
from mkdocs_prizm.render.histogram import CHART_HEIGHT, histogram_bars


def process(path: str, text: str) -> Processed:
    return analyse(dedent(text).lstrip("\n"), path)


ARTICLE = """
---
title: "L'IA dans les PME"
date: 2025-07-29
author: "Prizm AI"
readingTime: "9 min"
---

<!--
ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
Version : 2.1
Score intégrité : 92%
Score conversationnel : 97%
Optimisé le : 2025-07-29T21:20:46.321Z
-->

Selon la CCI (Source : CCI Provence), et l'Insee (Source : Inconnue), 13 % des PME.

## Sources et références

1. **CCI Provence** (Fiabilité : 8/10)
   - Article du 24/06/2025
   - https://www.example.org/cci/

2. **Insee** (Fiabilité : 6/10)
   - URL : javascript:alert(1)

3. **Blog**
   - https://blog.example.org/post
"""


@pytest.fixture
def record() -> dict[str, object]:
    return article_record(process("blog/pme.md", ARTICLE))


def test_article_record_identity(record: dict[str, object]) -> None:
    assert record["path"] == "blog/pme.md"
    assert record["title"] == "L'IA dans les PME"
    assert record["date"] == "2025-07-29"
    assert record["updated"] is None
    assert record["authors"] == ["Prizm AI"]
    assert record["language"] == "fr"


def test_article_record_reading_time(record: dict[str, object]) -> None:
    rt = record["reading_time"]
    assert isinstance(rt, dict)
    assert rt["declared"] == "9 min"
    assert rt["declared_minutes"] == 9
    assert rt["computed_minutes"] == 1
    assert rt["words"] > 0


def test_article_record_sources(record: dict[str, object]) -> None:
    sources = record["sources"]
    assert isinstance(sources, dict)
    assert sources["count"] == 3
    assert sources["rated"] == 2
    assert sources["unrated"] == 1
    assert sources["reliability_mean"] == 7.0
    assert sources["reliability_min"] == 6.0
    assert sources["refused_links"] == [
        {"number": 2, "title": "Insee", "url": "javascript:alert(1)"}
    ]
    assert [e["title"] for e in sources["entries"]] == ["CCI Provence", "Insee", "Blog"]
    assert sources["entries"][0]["citations"] == 1


def test_article_record_citations_note_and_problems(record: dict[str, object]) -> None:
    assert record["unmatched_citations"] == ["Inconnue"]
    note = record["internal_note"]
    assert isinstance(note, dict)
    assert note["version"] == "2.1"
    assert note["integrity_score"] == 92.0
    assert note["conversational_score"] == 97.0
    assert note["optimised_at"] == "2025-07-29T21:20:46.321Z"
    assert ["Score intégrité", "92%"] in note["fields"]
    problems = record["problems"]
    assert isinstance(problems, list)
    codes = {p["code"] for p in problems}
    assert {"PRZ305", "PRZ401", "PRZ501"} <= codes
    first = problems[0]
    assert set(first) == {"file", "line", "column", "severity", "code", "message"}
    assert first["file"] == "blog/pme.md"
    counts = record["problem_counts"]
    assert isinstance(counts, dict)
    assert sum(counts.values()) == len(problems)
    json.dumps(record)  # JSON-ready


def test_article_without_sources_or_note() -> None:
    record = article_record(process("a.md", '---\ntitle: "A"\nreadingTime: 1\n---\n\nTexte.\n'))
    assert record["internal_note"] is None
    sources = record["sources"]
    assert isinstance(sources, dict)
    assert sources["count"] == 0
    assert sources["reliability_mean"] is None
    assert sources["reliability_min"] is None


def test_build_report_sorts_and_summarises() -> None:
    records = [
        article_record(process("z.md", ARTICLE)),
        article_record(process("a.md", '---\ntitle: "A"\nreadingTime: 1\n---\n\nTexte.\n')),
    ]
    other = Problem("bad.md", 2, 5, Severity.ERROR, "PRZ101", "front matter is not valid YAML")
    report = build_report(records, generator_version="9.9", other_problems=[other], environ={})
    assert [a["path"] for a in report["articles"]] == ["a.md", "z.md"]
    assert report["generator"] == {"name": "mkdocs-prizm", "version": "9.9"}
    assert report["generated_at"] is None
    summary = report["summary"]
    assert summary["articles"] == 2
    assert summary["articles_with_internal_note"] == 1
    assert summary["sources"] == 3
    assert summary["rated_sources"] == 2
    assert summary["unrated_sources"] == 1
    assert summary["reliability_mean"] == 7.0
    assert summary["refused_links"] == 1
    assert summary["unmatched_citations"] == 1
    assert summary["problems"]["error"] == 1
    assert summary["codes"]["PRZ101"] == 1
    assert list(summary["codes"]) == sorted(summary["codes"])
    assert report["other_problems"][0]["code"] == "PRZ101"


def test_build_report_is_deterministic() -> None:
    records = [article_record(process("z.md", ARTICLE)), article_record(process("b.md", ARTICLE))]
    one = json.dumps(build_report(records, generator_version="1", environ={}), sort_keys=True)
    two = json.dumps(
        build_report(list(reversed(records)), generator_version="1", environ={}), sort_keys=True
    )
    assert one == two


@pytest.mark.parametrize(
    ("epoch", "expected"),
    [
        ("1753747200", "2025-07-29T00:00:00Z"),
        ("0", "1970-01-01T00:00:00Z"),
        ("", None),
        ("not a number", None),
    ],
)
def test_generated_at_comes_only_from_source_date_epoch(epoch: str, expected: str | None) -> None:
    report = build_report([], generator_version="1", environ={"SOURCE_DATE_EPOCH": epoch})
    assert report["generated_at"] == expected


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Example.org/a/", "example.org/a"),
        ("http://example.org/a#part", "example.org/a"),
        ("https://example.org:443/a?utm_source=x&b=2&a=1", "example.org/a?a=1&b=2"),
        ("https://example.org:8080/", "example.org:8080"),
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_normalise_url(url: str, key: str) -> None:
    assert normalise_url(url) == key


TWO = """
---
title: "Deuxième"
date: 2025-08-01
readingTime: 1
---

Texte.

## Sources et références

1. **CCI Provence-Alpes-Côte d'Azur** (Fiabilité : 9/10)
   - https://example.org/cci?utm_campaign=x

2. **Blog**

3. **Sans score**
"""


def test_sources_index_groups_by_url_then_title() -> None:
    groups = sources_index([process("z.md", ARTICLE), process("b.md", TWO)])
    by_key = {g.key: g for g in groups}
    cci = by_key["url:example.org/cci"]
    # first article by path names it
    assert cci.title == "CCI Provence-Alpes-Côte d'Azur"
    assert [(a.path, a.number, a.score) for a in cci.articles] == [
        ("b.md", 1, 9.0),
        ("z.md", 1, 8.0),
    ]
    assert cci.reliability.score == 8.5
    assert cci.reliability.raw == "8/10, 9/10"
    assert cci.url == "https://example.org/cci?utm_campaign=x"
    assert cci.articles[0].anchor == "prizm-source-1"
    # "Blog" has a URL in z.md and none in b.md: two different sources
    assert by_key["url:blog.example.org/post"].title == "Blog"
    assert [a.path for a in by_key["title:blog"].articles] == ["b.md"]
    # an unsafe URL groups by title and never exposes the URL
    assert by_key["title:insee"].url == ""
    assert by_key["title:sans score"].reliability.score is None
    titles = [g.title for g in groups]
    assert titles == sorted(titles, key=str.casefold)


def test_sources_index_ignores_pages_that_are_not_articles() -> None:
    # A documentation page's own "Sources" list, without reliability scores: not an article.
    page = process("page.md", "# Page\n\n## Sources\n\n1. **X** - un livre\n")
    assert not page.article.is_article
    assert sources_index([page]) == []


def test_reliability_histogram() -> None:
    groups = sources_index([process("z.md", ARTICLE), process("b.md", TWO)])
    histogram = reliability_histogram(groups)
    assert [b.label for b in histogram] == [str(i) for i in range(11)] + [UNRATED_BUCKET]
    counts = {b.label: b.count for b in histogram}
    assert counts["8"] == 1  # CCI, mean 8.5
    assert counts["6"] == 1  # Insee
    assert counts[UNRATED_BUCKET] == 3  # Blog (url), Blog (title), Sans score
    assert sum(counts.values()) == len(groups)


def test_histogram_bars_scale_to_the_tallest() -> None:
    groups = sources_index([process("z.md", ARTICLE), process("b.md", TWO)])
    bars = histogram_bars(reliability_histogram(groups), (9.0, 7.0, 5.0), LABELS["fr"])
    tallest = max(bars, key=lambda b: b.count)
    assert tallest.height == CHART_HEIGHT
    assert all(b.height == 0 for b in bars if b.count == 0)
    assert [b.tier.value for b in bars][-1] == "unrated"
    assert len({b.x for b in bars}) == len(bars)


def test_histogram_bars_of_nothing() -> None:
    bars = histogram_bars(reliability_histogram([]), (9.0, 7.0, 5.0), LABELS["fr"])
    assert all(b.height == 0 for b in bars)
