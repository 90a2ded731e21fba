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
from collections.abc import Callable, Sequence
from typing import Any

TARGET_SECONDS = 0.02
EPSILON_SECONDS = 0.05
MAX_N = 1 << 20


def _timed(run: Callable[[str], Any], text: str) -> float:
    """The CPU time of one run."""
    start = time.process_time()
    run(text)
    return time.process_time() - start


def best_of_three(
    run: Callable[[str], Any], text: str, enough: float = 0.0, *, done: Sequence[float] = ()
) -> float:
    """The CPU time of the quickest of three runs, or of the first taking at most ``enough``
    (``done``: the times of runs already made)."""
    times = list(done)
    while len(times) < 3 and min(times, default=float("inf")) > enough:
        times.append(_timed(run, text))
    return min(times)


def bound(small: float) -> float:
    """The most the run at ``10 n`` may take when the run at ``n`` took ``small``."""
    return 20 * small + EPSILON_SECONDS


def scaling(run: Callable[[str], Any], make: Callable[[int], str], start: int = 16) -> str:
    """An empty string when ``run`` scales linearly on ``make(n)``, else what was measured."""
    n = start
    while True:
        text = make(n)
        once = _timed(run, text)
        # The best of three is below the target whenever one run is: then the other two runs
        # would not change the next step.
        if once >= TARGET_SECONDS or n >= MAX_N:
            small = best_of_three(run, text, done=[once])
            if small >= TARGET_SECONDS or n >= MAX_N:
                break
        n *= 2
    large = best_of_three(run, make(10 * n), enough=bound(small))
    if large <= bound(small):
        return ""
    return f"n={n} took {small:.3f}s, 10n took {large:.3f}s"
