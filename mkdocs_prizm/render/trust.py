"""The sources page's trust table: one row per article, its values worked out for display."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mkdocs_prizm.core.i18n import format_score
from mkdocs_prizm.core.trust.summary import ArticleTrust, SiteTrust

__all__ = ["TrustRow", "trust_rows"]


@dataclass(frozen=True, slots=True)
class TrustRow:
    """One article of the trust table, as shown.

    Attributes:
        article: The article's findings (``path``, ``title``, ``sources``, ``trust``...).
        href: The article's URL relative to the sources page, empty when not in the site.
        mean: The mean reliability (``"7,5/10"``), empty when no source is rated.
        weakest: The weakest relied-on source (``"5/10 — Title"``), empty when none is rated.
        figures: Paragraphs with figures citing no source, out of those with figures
            (``"2 / 5"``).
        flagged: Whether any check found something (for a modifier class).
    """

    article: ArticleTrust
    href: str
    mean: str
    weakest: str
    figures: str
    flagged: bool


def trust_rows(
    trust: SiteTrust,
    labels: Mapping[str, str],
    language: str,
    article_link: Callable[[str], str] | None = None,
) -> list[TrustRow]:
    """The rows of the trust table, in the articles' order (by path).

    Args:
        trust: The site's trust counts.
        labels: The labels (``score_out_of``).
        language: For the scores' decimal sign.
        article_link: Gives an article's URL from its path (empty when not in the site).
    """
    rows = []
    for row in trust.articles:
        found = row.trust
        mean = found.reliability_mean
        weakest = found.weakest_cited
        weakest_score = weakest.reliability.score if weakest is not None else None
        flagged = bool(
            found.future
            or found.stale
            or found.uncited_figures
            or found.below_average_floor
            or found.below_cited_floor
            or row.dead_links
        )
        rows.append(
            TrustRow(
                article=row,
                href=article_link(row.path) if article_link is not None else "",
                mean=""
                if mean is None
                else labels["score_out_of"].format(score=format_score(mean, language)),
                weakest=""
                if weakest is None or weakest_score is None
                else labels["score_out_of"].format(score=format_score(weakest_score, language))
                + f" — {weakest.title}",
                figures=f"{len(found.uncited_figures)} / {len(found.figures)}",
                flagged=flagged,
            )
        )
    return rows
