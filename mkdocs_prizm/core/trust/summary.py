"""The trust checks' findings as report records, and counted across the site.

[`trust_record`][mkdocs_prizm.core.trust.summary.trust_record] is an article's ``trust`` part of
the editorial report; [`site_trust`][mkdocs_prizm.core.trust.summary.site_trust] counts them
across the site for the report's summary and the public sources page.

Dead links: link health is checked apart (``mkdocs-prizm links``, with its cache).  Whoever has
its results passes a [`LinkStatus`][mkdocs_prizm.core.trust.summary.LinkStatus] lookup; without
one every link's status is ``"unknown"`` and the dead-link count is ``None`` (not checked).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from mkdocs_prizm.core.article import Article, Source
from mkdocs_prizm.core.trust.checks import Trust

__all__ = [
    "LINK_DEAD",
    "LINK_UNKNOWN",
    "ArticleTrust",
    "LinkStatus",
    "SiteTrust",
    "dead_links",
    "site_trust",
    "trust_record",
    "unknown_link_status",
]

#: A link's status when nothing is known about it.
LINK_UNKNOWN = "unknown"
#: A link found broken by the link check.
LINK_DEAD = "dead"

#: Tells a source's link status: ``"ok"``, ``"dead"``, ``"redirected"`` ... or ``"unknown"``.
LinkStatus = Callable[[Source], str]


def unknown_link_status(source: Source) -> str:
    """The default lookup: no link-health data, every status is ``"unknown"``."""
    return LINK_UNKNOWN


def trust_record(trust: Trust | None) -> dict[str, Any] | None:
    """An article's ``trust`` part of the editorial report (``None`` when not checked).

    Returns:
        ``{"freshness", "coverage", "floors"}``: freshness has the ``reference_date``, the
        ``future`` and ``stale`` source numbers and the ``undated`` count; coverage the
        ``cited`` and ``uncited`` source numbers and the paragraphs holding figures (``line``,
        ``figures``, ``cited``) with their counts; floors the ``reliability_mean``, the
        ``weakest_cited`` source (``number``, ``title``, ``reliability``) and whether each floor
        is crossed.
    """
    if trust is None:
        return None
    weakest = trust.weakest_cited
    uncited = trust.uncited_figures
    return {
        "freshness": {
            "reference_date": trust.reference_date.isoformat(),
            "future": list(trust.future),
            "stale": list(trust.stale),
            "undated": trust.undated,
        },
        "coverage": {
            "cited": list(trust.cited),
            "uncited": list(trust.uncited),
            "figure_paragraphs": len(trust.figures),
            "uncited_figure_paragraphs": len(uncited),
            "figures": [
                {"line": p.line, "figures": list(p.figures), "cited": p.cited}
                for p in trust.figures
            ],
        },
        "floors": {
            "reliability_mean": trust.reliability_mean,
            "weakest_cited": None
            if weakest is None
            else {
                "number": weakest.number,
                "title": weakest.title,
                "reliability": weakest.reliability.score,
            },
            "below_average_floor": trust.below_average_floor,
            "below_cited_floor": trust.below_cited_floor,
        },
    }


@dataclass(frozen=True, slots=True)
class ArticleTrust:
    """One article's line of the sources page's trust table.

    Attributes:
        path: The article's path.
        title: Its title (its path when it has none).
        sources: How many sources it lists.
        trust: The trust checks' findings.
        dead_links: How many of its sources' links are dead (``None``: not checked).
    """

    path: str
    title: str
    sources: int
    trust: Trust
    dead_links: int | None = None


@dataclass(frozen=True, slots=True)
class SiteTrust:
    """The trust checks counted across the site.

    Attributes:
        articles: The articles checked, sorted by path.
        sources: Sources listed, all articles together.
        future_sources: Sources dated after their article.
        stale_sources: Sources older than the maximum age.
        undated_sources: Sources without a readable date.
        uncited_sources: Sources their article's text never cites.
        figure_paragraphs: Paragraphs holding figures.
        uncited_figure_paragraphs: Of them, those citing no source.
        below_average_floor: Articles whose mean reliability is under the floor.
        below_cited_floor: Articles relying on a source under the floor.
        dead_links: Sources whose link is dead, ``None`` without link-health data.
    """

    articles: tuple[ArticleTrust, ...] = ()
    sources: int = 0
    future_sources: int = 0
    stale_sources: int = 0
    undated_sources: int = 0
    uncited_sources: int = 0
    figure_paragraphs: int = 0
    uncited_figure_paragraphs: int = 0
    below_average_floor: int = 0
    below_cited_floor: int = 0
    dead_links: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The counts, JSON-ready (the report's ``summary.trust``)."""
        return {
            "articles": len(self.articles),
            "sources": self.sources,
            "future_sources": self.future_sources,
            "stale_sources": self.stale_sources,
            "undated_sources": self.undated_sources,
            "uncited_sources": self.uncited_sources,
            "figure_paragraphs": self.figure_paragraphs,
            "uncited_figure_paragraphs": self.uncited_figure_paragraphs,
            "articles_below_average_floor": self.below_average_floor,
            "articles_below_cited_floor": self.below_cited_floor,
            "dead_links": self.dead_links,
        }


def dead_links(entries: Iterable[Source], link_status: LinkStatus) -> int | None:
    """How many of ``entries``' safe links are dead; ``None`` when no status is known."""
    statuses = [link_status(s) for s in entries if s.url_safe]
    if all(status == LINK_UNKNOWN for status in statuses):
        return None
    return sum(status == LINK_DEAD for status in statuses)


def site_trust(
    articles: Iterable[tuple[Article, Trust | None]],
    link_status: LinkStatus = unknown_link_status,
) -> SiteTrust:
    """Count the trust checks' findings across the site.

    Args:
        articles: Each article with its findings (``Processed.article`` and ``.trust``);
            ordinary pages and unchecked articles are skipped.
        link_status: Tells a source's link status (default: unknown for all).
    """
    rows: list[ArticleTrust] = []
    for article, trust in articles:
        if not article.is_article or trust is None:
            continue
        entries = article.sources.entries if article.sources is not None else ()
        rows.append(
            ArticleTrust(
                path=article.path,
                title=article.title or article.path,
                sources=len(entries),
                trust=trust,
                dead_links=dead_links(entries, link_status),
            )
        )
    rows.sort(key=lambda row: row.path)
    dead = [row.dead_links for row in rows if row.dead_links is not None]
    return SiteTrust(
        articles=tuple(rows),
        sources=sum(row.sources for row in rows),
        future_sources=sum(len(row.trust.future) for row in rows),
        stale_sources=sum(len(row.trust.stale) for row in rows),
        undated_sources=sum(row.trust.undated for row in rows),
        uncited_sources=sum(len(row.trust.uncited) for row in rows),
        figure_paragraphs=sum(len(row.trust.figures) for row in rows),
        uncited_figure_paragraphs=sum(len(row.trust.uncited_figures) for row in rows),
        below_average_floor=sum(row.trust.below_average_floor for row in rows),
        below_cited_floor=sum(row.trust.below_cited_floor for row in rows),
        dead_links=sum(dead) if dead else None,
    )
