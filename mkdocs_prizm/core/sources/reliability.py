"""Reliability scores and tiers: ``Fiabilité : 8/10`` read, and mapped to a badge tier."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from mkdocs_prizm.core.article import Reliability, Tier
from mkdocs_prizm.core.sources.forms import SEPARATORS
from mkdocs_prizm.core.text import plain_text

__all__ = [
    "RE_RELIABILITY_LABEL",
    "mean_score",
    "parse_reliability",
    "reliability_tier",
]

#: A ``Fiabilité :`` / ``Reliability:`` label inside a line (the value follows the colon).
RE_RELIABILITY_LABEL = re.compile(
    r"(?:\*\*|__)?(?:fiabilit(?:é|e\u0301|e)|reliability)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?",
    re.IGNORECASE,
)
#: A score out of ten at the start of a value: ``8/10``, ``7,5 / 10``, ``-3/10``.
RE_SCORE = re.compile(r"([+-]?\d{1,6}(?:[.,]\d{1,6})?)[ \t]*/[ \t]*10(?![\d.,]*\d)")


def parse_reliability(value: str) -> tuple[Reliability, str]:
    """Parse a reliability value such as ``"8/10"``, ``"7,5 / 10 (source institutionnelle)"``.

    Args:
        value: The text after ``Fiabilité :``.

    Returns:
        ``(reliability, status)`` where status is ``"ok"``, ``"missing"`` (empty value),
        ``"range"`` (a number outside 0..10) or ``"nan"`` (not a number out of ten).  Only
        ``"ok"`` carries a score; the others are unrated, never clamped.
    """
    text = value.strip().strip("*_").strip()
    if not text:
        return Reliability(), "missing"
    match = RE_SCORE.match(text)
    if not match:
        return Reliability(score=None, raw=text), "nan"
    raw = match.group(0)
    note = text[match.end() :].lstrip("*_").strip().lstrip(SEPARATORS).strip()
    if note.startswith("(") and note.endswith(")"):
        note = note[1:-1].strip()
    note = plain_text(note)
    score = float(match.group(1).replace(",", "."))
    if not 0.0 <= score <= 10.0:
        return Reliability(score=None, raw=raw, note=note), "range"
    return Reliability(score=score, raw=raw, note=note), "ok"


def reliability_tier(
    score: float | None, thresholds: tuple[float, float, float] = (9.0, 7.0, 5.0)
) -> Tier:
    """Map a score to its tier.

    Args:
        score: The score out of 10, or ``None``.
        thresholds: Minimum scores for very-high, high and medium.

    Returns:
        ``VERY_HIGH`` (≥ 9), ``HIGH`` (≥ 7), ``MEDIUM`` (≥ 5), ``LOW``; ``UNRATED`` for ``None``.
    """
    if score is None:
        return Tier.UNRATED
    very_high, high, medium = thresholds
    if score >= very_high:
        return Tier.VERY_HIGH
    if score >= high:
        return Tier.HIGH
    if score >= medium:
        return Tier.MEDIUM
    return Tier.LOW


def mean_score(values: Iterable[float]) -> float | None:
    """The mean of some scores, rounded to two decimals.

    Args:
        values: Scores out of ten.

    Returns:
        The mean, or ``None`` when there is no score.
    """
    items = list(values)
    if not items:
        return None
    return round(math.fsum(items) / len(items), 2)
