"""The reliability histogram of the sources page, laid out as SVG bars."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mkdocs_prizm.core.article import Tier
from mkdocs_prizm.core.sources import reliability_tier
from mkdocs_prizm.core.sources_index import UNRATED_BUCKET, HistogramBucket
from mkdocs_prizm.render.views import tier_label

__all__ = ["HistogramBar", "histogram_bars"]

#: Height of the bars' drawing area (SVG user units); ``prizm/sources_page.html`` draws the rest.
CHART_HEIGHT = 120
_BAR_STEP = 34
_BAR_WIDTH = 26


@dataclass(frozen=True, slots=True)
class HistogramBar:
    """Geometry of one histogram bar (SVG user units), its tier and the tier's words."""

    label: str
    count: int
    tier: Tier
    tier_label: str
    x: int
    y: int
    height: int
    text_x: int


def histogram_bars(
    histogram: Sequence[HistogramBucket],
    thresholds: tuple[float, float, float],
    labels: Mapping[str, str],
) -> list[HistogramBar]:
    """Lay out the buckets as bars: heights proportional to counts, the tallest one full height.

    Args:
        histogram: The buckets, in order (``0``..``10`` then unrated).
        thresholds: The tiers' lowest scores, to colour each bar by its tier.
        labels: The labels, for the tiers' words.
    """
    top = max((b.count for b in histogram), default=0) or 1
    bars = []
    for index, bucket in enumerate(histogram):
        score = None if bucket.label == UNRATED_BUCKET else float(bucket.label)
        height = round(CHART_HEIGHT * bucket.count / top)
        x = index * _BAR_STEP + (_BAR_STEP - _BAR_WIDTH) // 2
        tier = reliability_tier(score, thresholds)
        bars.append(
            HistogramBar(
                label=bucket.label,
                count=bucket.count,
                tier=tier,
                tier_label=tier_label(tier, labels),
                x=x,
                y=CHART_HEIGHT + 16 - height,
                height=height,
                text_x=x + _BAR_WIDTH // 2,
            )
        )
    return bars
