"""What a file does not share with another: the parts of it the post-build audit reads.

The pages of a site repeat their theme's frame (head, navigation, footer): on a site of 1,000
articles, the navigation is most of every page, and searching it again in each page was most of
the audit's time.  Comparing bytes costs far less than searching them, so a file is compared with
the file read before it; only what differs is searched.

Pure: bytes in, byte ranges out.
"""

from __future__ import annotations

__all__ = ["unshared"]

#: Length of a probe: bytes of a file looked for in the previous file to find shared text again.
_PROBE = 64
#: How far the previous file is searched for a probe, beyond twice its distance from the
#: difference (the two files' differing parts may not be of the same length).
_SLACK = 4096
#: Shared text shorter than this is scanned as if it were not shared (a few words that two
#: different articles have in common are not worth following).
_RUN = 1024
#: Where two files stop agreeing is found to this many bytes (the rest is scanned).
_FLOOR = 256


def unshared(previous: bytes, data: bytes, margin: int) -> list[tuple[int, int]]:
    """The parts of ``data`` that ``previous`` does not hold as they are.

    Both files are read side by side; where they stop agreeing, probes of ``data`` taken further
    and further ahead are looked for in ``previous`` until one starts ``_RUN`` bytes that both
    hold; what lies before it is a part of ``data`` to scan.  Every byte left out was compared
    with a byte of ``previous``, and ``margin`` bytes around it too: a marker at most ``margin``
    bytes wide (its word boundaries included) found in ``data`` outside the parts is in
    ``previous`` as well.

    Returns:
        ``(start, end)`` byte ranges, widened by ``margin``, merged, in order.
    """
    view = memoryview(data)
    size = len(data)
    parts: list[tuple[int, int]] = []
    i = j = 0
    while i < size:
        step = _common(previous, j, view, i)
        i, j = i + step, j + step
        if i >= size:
            break
        start, again = i, _again(previous, j, view, i)
        if again is None:
            parts.append((start, size))
            break
        i, j = again
        back = _common_back(previous, j, view, i, min(i - start, j))
        parts.append((start, i - back))
        i, j = i + _RUN, j + _RUN
    return _widen(parts, margin, size)


def _again(previous: bytes, j: int, data: memoryview, i: int) -> tuple[int, int] | None:
    """Where, after ``data[i]`` and ``previous[j]``, both hold ``_RUN`` bytes again."""
    size = len(data)
    ahead = _PROBE * 4
    while i + ahead < size:
        at = i + ahead
        found = previous.find(data[at : at + _PROBE], j, j + 2 * ahead + _PROBE + _SLACK)
        if found >= 0 and previous.startswith(data[at : at + _RUN], found):
            return at, found
        ahead *= 4
    return None


def _common(previous: bytes, j: int, data: memoryview, i: int) -> int:
    """How many bytes ``data[i:]`` and ``previous[j:]`` share at their start (to ``_FLOOR``)."""
    most = min(len(previous) - j, len(data) - i)
    done, run, grow = 0, _FLOOR * 4, True
    while run >= _FLOOR and done < most:  # runs doubled up to a difference, then halved
        end = min(done + run, most)
        if previous.startswith(data[i + done : i + end], j + done):
            done, run = end, run * 2 if grow else run // 2
        else:
            grow, run = False, run // 2
    return done


def _common_back(previous: bytes, j: int, data: memoryview, i: int, most: int) -> int:
    """How many bytes ``data[:i]`` and ``previous[:j]`` end with (to ``_FLOOR``; ``most``)."""
    done, run, grow = 0, _FLOOR, True
    while run >= _FLOOR and done < most:
        end = min(done + run, most)
        if previous.endswith(data[i - end : i - done], 0, j - done):
            done, run = end, run * 2 if grow else run // 2
        else:
            grow, run = False, run // 2
    return done


def _widen(parts: list[tuple[int, int]], margin: int, size: int) -> list[tuple[int, int]]:
    """``parts`` widened by ``margin`` on each side; those that then touch, merged."""
    merged: list[tuple[int, int]] = []
    for first, last in parts:
        start, end = max(0, first - margin), min(size, last + margin)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
