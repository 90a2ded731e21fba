"""One article's trust checks: freshness, citation coverage and reliability floors.

The checks look at the sources' dates, at how well the text cites them, and at their
reliability against the site's floors.

[`assess`][mkdocs_prizm.core.trust.checks.assess] runs once per article, from
[`Pipeline._process`][mkdocs_prizm.core.pipeline.Pipeline], when the sources and citations are
known; it reports problems to the sink and returns the
[`Trust`][mkdocs_prizm.core.trust.checks.Trust] data the report and the sources page show.

Codes:

* ``PRZ351`` (warning): a source is dated after the article (its update date when it has one);
* ``PRZ352`` (info): a source is older than ``sources_max_age_years``;
* ``PRZ361`` (warning): the mean reliability of the rated sources is under
  ``reliability_floor_average``;
* ``PRZ362`` (warning): the weakest cited source is under ``reliability_floor_cited``;
* ``PRZ451`` (info): a source the text never cites, when the text cites others;
* ``PRZ452`` (info): the text cites none of its sources (one note instead of one per source);
* ``PRZ453`` (info, or warning with ``trust_figures: warning``): figures in a paragraph that
  cites no source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_prizm.core.article import Citation, Source, SourcesSection
from mkdocs_prizm.core.dates import build_date
from mkdocs_prizm.core.options import PrizmOptions
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.sources.reliability import mean_score
from mkdocs_prizm.core.trust.figures import FigureParagraph, figure_paragraphs, source_names

__all__ = ["Trust", "assess", "period_end"]


@dataclass(frozen=True, slots=True)
class Trust:
    """What the trust checks found in one article.

    Source numbers are the entries' ``number``; lines follow ``Source.line`` (body lines plus
    the pipeline's offset).

    Attributes:
        reference_date: The date sources are compared with: the article's update date, else
            its publication date, else the build date.
        future: Sources dated after ``reference_date``.
        stale: Sources older than the maximum age (empty when the check is off).
        undated: How many sources carry no date that could be read.
        cited: Sources the text cites at least once.
        uncited: Sources the text never cites.
        figures: Paragraphs holding figures, with whether each cites a source (``line`` is a
            ``Source.line``-style line).
        reliability_mean: The mean score of the rated sources.
        weakest_cited: The lowest-rated source among those relied on: the cited ones, or every
            source when the text cites none.
        below_average_floor: Whether ``reliability_mean`` is under the average floor.
        below_cited_floor: Whether ``weakest_cited``'s score is under the cited floor.
    """

    reference_date: dt.date
    future: tuple[int, ...] = ()
    stale: tuple[int, ...] = ()
    undated: int = 0
    cited: tuple[int, ...] = ()
    uncited: tuple[int, ...] = ()
    figures: tuple[FigureParagraph, ...] = ()
    reliability_mean: float | None = None
    weakest_cited: Source | None = None
    below_average_floor: bool = False
    below_cited_floor: bool = False

    @property
    def uncited_figures(self) -> tuple[FigureParagraph, ...]:
        """The paragraphs holding figures that cite no source."""
        return tuple(p for p in self.figures if not p.cited)


def period_end(value: dt.date, precision: str) -> dt.date:
    """The last day of a date's period: ``2019`` (a year) ends on 2019-12-31.

    Examples:
        >>> period_end(dt.date(2024, 2, 1), "month")
        datetime.date(2024, 2, 29)
    """
    if precision == "year":
        return dt.date(value.year, 12, 31)
    if precision == "month":
        following = dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return value


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _score(source: Source) -> float:
    return source.reliability.score if source.reliability.score is not None else 11.0


def assess(
    section: SourcesSection | None,
    citations: Sequence[Citation],
    lines: Sequence[str],
    sink: ProblemSink,
    *,
    options: PrizmOptions,
    dates: Sequence[dt.date | None] = (),
    today: dt.date | None = None,
    line_offset: int = 0,
    code: Sequence[bool] | None = None,
    notes: bool = True,
) -> Trust:
    """Run the trust checks on one article.

    Args:
        section: The sources section, its entries' ``citations`` filled by the locator.
        citations: The citations found in the text (body lines).
        lines: The body's lines.
        sink: Takes body lines (as the pipeline's body sink).
        options: The site's options (``sources_max_age_years``, ``reliability_floor_*``,
            ``trust_figures``).
        dates: The article's publication and update dates (either may be ``None``): sources
            are compared with the latest.
        today: The build date, used when the article has no date (default:
            [`build_date`][mkdocs_prizm.core.dates.build_date]).
        line_offset: What was added to the entries' lines (``Source.line``).
        code: One flag per line, true inside a code block (``None``: the body has none).
        notes: Whether to look for what is only ever a note: figures in paragraphs that cite no
            source, at ``trust_figures: info`` (a build whose notes nobody reads skips it).
    """
    entries = section.entries if section is not None else ()
    known = [d for d in dates if d is not None]
    reference_date = max(known) if known else today or build_date()
    future: list[int] = []
    stale: list[int] = []
    undated = 0
    max_age = options.sources_max_age_years
    oldest = _years_before(reference_date, max_age) if max_age is not None else None
    for source in entries:
        date = source.date
        if date is None or date.value is None:
            undated += 1
            continue
        if date.value > reference_date:
            future.append(source.number)
            sink.warning(
                "PRZ351",
                f"source {source.number} «{source.title}» is dated {date.iso}, after the "
                f"article ({reference_date.isoformat()}); check the date or the source",
                source.line - line_offset,
                1,
            )
        elif oldest is not None and period_end(date.value, date.precision) < oldest:
            stale.append(source.number)
            sink.info(
                "PRZ352",
                f"source {source.number} «{source.title}» is dated {date.iso}, more than "
                f"{max_age} years before the article; is there a more recent one?",
                source.line - line_offset,
                1,
            )

    cited = tuple(s.number for s in entries if s.citations)
    uncited = tuple(s.number for s in entries if not s.citations)
    if cited:
        for source in entries:
            if not source.citations:
                sink.info(
                    "PRZ451",
                    f"source {source.number} «{source.title}» is never cited in the text",
                    source.line - line_offset,
                    1,
                )
    elif entries and section is not None:
        sink.info(
            "PRZ452",
            f"the text cites none of the sources of its sources section ({len(entries)}); "
            "cite them where they are used, for example «(Source : Name)»",
            section.start_line - line_offset,
            1,
        )

    scores = [s.reliability.score for s in entries if s.reliability.score is not None]
    mean = mean_score(scores)
    floor = options.reliability_floor_average
    below_average = mean is not None and floor is not None and mean < floor
    if below_average and section is not None:
        sink.warning(
            "PRZ361",
            f"the sources' mean reliability is {mean:g}/10, under the site's floor of {floor:g}/10",
            section.start_line - line_offset,
            1,
        )
    relied = [s for s in entries if s.citations] or list(entries)
    rated = [s for s in relied if s.reliability.score is not None]
    weakest = min(rated, key=_score) if rated else None
    floor = options.reliability_floor_cited
    below_cited = (
        weakest is not None
        and floor is not None
        and weakest.reliability.score is not None
        and weakest.reliability.score < floor
    )
    if below_cited and weakest is not None:
        sink.warning(
            "PRZ362",
            f"source {weakest.number} «{weakest.title}» is relied on with a reliability of "
            f"{weakest.reliability.data_value}/10, under the site's floor of {floor:g}/10",
            weakest.line - line_offset,
            1,
        )

    figures: tuple[FigureParagraph, ...] = ()
    if options.trust_figures == "warning" or (notes and options.trust_figures == "info"):
        skip = range(0)
        if section is not None:
            skip = range(section.start_line - line_offset - 1, section.end_line - line_offset)
        found = figure_paragraphs(
            lines,
            cited_lines={c.line - 1 for c in citations},
            code=code,
            skip=skip,
            names=source_names(entries),
        )
        severity = Severity.WARNING if options.trust_figures == "warning" else Severity.INFO
        for paragraph in found:
            if not paragraph.cited:
                shown = ", ".join(f"«{f}»" for f in paragraph.figures[:3])
                more = len(paragraph.figures) - 3
                sink.add(
                    severity,
                    "PRZ453",
                    f"figures ({shown}{f' and {more} more' if more > 0 else ''}) in a "
                    "paragraph that cites no source",
                    paragraph.line,
                    paragraph.column + 1,
                )
        figures = tuple(
            FigureParagraph(p.line + line_offset, p.column, p.figures, p.cited) for p in found
        )

    return Trust(
        reference_date=reference_date,
        future=tuple(future),
        stale=tuple(stale),
        undated=undated,
        cited=cited,
        uncited=uncited,
        figures=figures,
        reliability_mean=mean,
        weakest_cited=weakest,
        below_average_floor=below_average,
        below_cited_floor=below_cited,
    )
