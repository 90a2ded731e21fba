"""Linear-time checks: ten times the input must not take much more than ten times the time.

``n`` is doubled until ``run(make(n))`` takes at least ``TARGET_SECONDS`` of CPU, then the best
of three runs at ``n`` and at ``10 n`` are compared with a generous bound,
``t(10n) <= 20 t(n) + EPSILON_SECONDS``: a quadratic algorithm gives about 100 times.  CPU time
(``time.process_time``) and the quickest of three runs: other processes' load barely moves
them.  The runs at ``10 n`` stop at the first within the bound (the best of three is within it
if any run is).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

TARGET_SECONDS = 0.02
EPSILON_SECONDS = 0.05
MAX_N = 1 << 20


def best_of_three(run: Callable[[str], Any], text: str, enough: float = 0.0) -> float:
    """The CPU time of the quickest of three runs, or of the first taking at most ``enough``."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
        if best <= enough:
            break
    return best


def bound(small: float) -> float:
    """The most the run at ``10 n`` may take when the run at ``n`` took ``small``."""
    return 20 * small + EPSILON_SECONDS


def scaling(run: Callable[[str], Any], make: Callable[[int], str], start: int = 16) -> str:
    """An empty string when ``run`` scales linearly on ``make(n)``, else what was measured."""
    n = start
    small = best_of_three(run, make(n))
    while small < TARGET_SECONDS and n < MAX_N:
        n *= 2
        small = best_of_three(run, make(n))
    large = best_of_three(run, make(10 * n), enough=bound(small))
    if large <= bound(small):
        return ""
    return f"n={n} took {small:.3f}s, 10n took {large:.3f}s"
