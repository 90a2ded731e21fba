"""Small linear scans of Markdown text: inline code spans, occurrences, lines at offsets.

Code blocks (fenced or indented) are found by [`fences`][mkdocs_prizm.core.fences]; this
module holds the finer tools the callers use within lines and across the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

__all__ = [
    "chars_after",
    "code_spans",
    "find_all",
    "in_spans",
    "line_matches",
    "lines_at",
]

RE_BACKTICKS = re.compile(r"`+")


def find_all(text: str, needle: str) -> Iterator[int]:
    """The offsets of the occurrences of ``needle`` in ``text``, left to right, not overlapping."""
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + len(needle))


def chars_after(text: str, char: str) -> set[str]:
    """The characters that follow ``char`` in ``text`` (``""`` when it ends the text).

    One single-character search per occurrence: when ``char`` is rare, much cheaper than
    searching the whole text for each two-character sequence that starts with it.
    """
    return {text[at + 1 : at + 2] for at in find_all(text, char)}


def line_matches(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` at the start of the lines of ``text[pos:endpos]``, in order.

    Each is ``pattern.match`` at a line's start.  The lines are found by the newline before
    them: a pattern that starts with a literal is searched for by the regex engine far faster
    than ``^`` (with ``re.MULTILINE``), which is tried at every character.
    """
    end = len(text) if endpos is None else endpos
    if pos == 0 or text[pos - 1] == "\n":
        first = pattern.match(text, pos, end)
        if first is not None:
            yield first
    for found in _after_newline(pattern).finditer(text, pos, end):
        match = pattern.match(text, found.start() + 1, end)
        if match is not None:
            yield match


@functools.lru_cache(maxsize=32)
def _after_newline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with the newline before it (the line it matches at must follow one)."""
    return re.compile("\n(?:" + pattern.pattern + ")", pattern.flags)


def lines_at(text: str, positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """``(index, start)`` of the lines holding ``positions`` (ascending offsets), once per line.

    Newlines are counted between consecutive positions, so the whole walk is linear in the
    length of ``text`` and never visits the lines in between one by one.
    """
    index = 0
    counted_to = 0  # newlines before this offset are counted in index
    last = -1
    for at in positions:
        index += text.count("\n", counted_to, at)
        counted_to = at
        if index != last:
            last = index
            yield index, text.rfind("\n", 0, at) + 1


def code_spans(line: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` ranges of inline code spans in one line.

    As Python-Markdown reads them: a run of backticks not preceded by a backslash opens a
    span, closed by the next run of exactly the same length (code is not unescaped, so a
    backslash before the closing run does not matter); when no run of its length follows, the
    run may open a shorter span, the rest of its backticks being code.  An escaped backtick
    (an odd number of backslashes before it) is literal; an even number of backslashes are
    escaped backslashes, and the backticks after them may open a span.  Spans spread over
    several lines of a paragraph are not found: callers treat those lines as text.

    Linear in the line's length, up to the number of distinct run lengths.

    Args:
        line: One line of Markdown.

    Returns:
        Ranges, end exclusive, covering the backticks themselves.
    """
    if "`" not in line:
        return []
    runs = [(m.start(), m.end()) for m in RE_BACKTICKS.finditer(line)]
    # The starts of the runs of each length, ascending: a closer is found by bisection.
    by_len: dict[int, list[int]] = {}
    for begin, end in runs:
        by_len.setdefault(end - begin, []).append(begin)
    spans: list[tuple[int, int]] = []
    done = 0  # runs starting before this offset are inside a span already found
    for begin, end in runs:
        if begin < done:
            continue
        slashes = 0
        while slashes < begin and line[begin - 1 - slashes] == "\\":
            slashes += 1
        first = begin
        if slashes % 2:
            first += 1  # the escaped backtick is literal; the next one may open
            if first == end:
                continue
        for size in range(end - first, 0, -1):
            closers = by_len.get(size, [])
            at = bisect.bisect_right(closers, end - 1)
            if at < len(closers):
                close = closers[at]
                spans.append((first, close + size))
                done = close + size
                break
    return spans


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls inside one of ``spans`` (sorted, not overlapping)."""
    at = bisect.bisect_right(spans, position, key=_span_start)
    return at > 0 and spans[at - 1][0] <= position < spans[at - 1][1]
