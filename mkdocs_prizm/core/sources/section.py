"""Finding the "Sources et références" section of an article and its heading.

The section is the last ATX heading whose text, ignoring case, accents, emphasis and
punctuation, is one of the accepted headings
([`DEFAULT_HEADINGS`][mkdocs_prizm.core.sources.section.DEFAULT_HEADINGS]); it runs until the
next heading of the same or a higher level.  Headings inside fenced code are not headings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

from mkdocs_prizm.core.fences import may_have_fences
from mkdocs_prizm.core.text import normalise_name

__all__ = [
    "DEFAULT_HEADINGS",
    "RE_ATX",
    "find_section",
    "indent_width",
]

#: Headings that introduce a sources section (matched ignoring case, accents and punctuation).
DEFAULT_HEADINGS: tuple[str, ...] = (
    "Sources et références",
    "Sources & références",
    "Sources",
    "Sources and references",
    "Sources & references",
    "Références",
    "References",
)

#: An ATX heading: 1-6 ``#`` then a space/tab or the end of the line.
RE_ATX = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$")
#: A code fence opener (backticks or tildes).
RE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def indent_width(line: str) -> int:
    """The width of a line's indentation, tabs counted to the next multiple of four."""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" not in indent:
        return len(indent)
    width = 0
    for c in indent:
        width += 1 if c == " " else 4 - width % 4
    return width


def _atx_heading(line: str) -> tuple[int, str] | None:
    match = RE_ATX.match(line)
    if not match:
        return None
    text = match.group(2).strip()
    # Optional closing sequence: spaces then #'s at the end.
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped.rstrip()
    return len(match.group(1)), text


_HEADING_OR_FENCE_START = frozenset("#`~ \t")


@functools.lru_cache(maxsize=16)
def _heading_keys(headings: tuple[str, ...]) -> frozenset[str]:
    """The keys of the accepted headings, computed once per configuration."""
    return frozenset(key for key in map(normalise_name, headings) if key)


def find_section(
    lines: Sequence[str],
    headings: Iterable[str] = DEFAULT_HEADINGS,
    *,
    text: str | None = None,
    fences: bool | None = None,
) -> tuple[int, int, int, str] | None:
    r"""Locate the sources section among the lines of an article.

    Headings are ATX headings (``## Sources``) whose text, ignoring case, accents, emphasis and
    punctuation, equals one of ``headings``.  Headings inside fenced code blocks (backticks or
    tildes) are ignored.  When several match, the **last** one wins.  The section runs until the
    next ATX heading of the same or a higher level (smaller number), or the end of the text.

    Args:
        lines: The lines of the article body (without newlines; a trailing ``\r`` is ignored).
        headings: Accepted heading texts.
        text: The text the lines were split from, when the caller has it: without fences,
            only the lines holding a ``#`` are looked at, from the end, found by substring
            search.
        fences: Whether ``text`` may hold fenced code, when the caller knows it
            ([`may_have_fences`][mkdocs_prizm.core.fences.may_have_fences]).

    Returns:
        ``(start, end, level, heading)``: 0-based index of the heading line, index after the
        section's last line, heading level and heading text as written; ``None`` if absent.
    """
    keys = _heading_keys(tuple(headings))
    if text is not None and not (may_have_fences(text) if fences is None else fences):
        return _last_section(text, lines, keys)
    found: tuple[int, int, str] | None = None
    end = len(lines)
    for index, line in _outside_fences(lines):
        heading = _atx_heading(line)
        if heading is None:
            continue
        level, heading_text = heading
        if normalise_name(heading_text) in keys:
            found = (index, level, heading_text)
            end = len(lines)
        elif found is not None and end == len(lines) and level <= found[1]:
            end = index
    if found is None:
        return None
    return found[0], end, found[1], found[2]


def _last_section(
    text: str, lines: Sequence[str], keys: frozenset[str]
) -> tuple[int, int, int, str] | None:
    """``find_section`` for a text without fences, reading its headings from the end.

    The lines holding a ``#`` are found by searching backwards, one line at a time; the walk
    stops at the first heading that matches (the last one of the text), so the headings before
    the sources section, usually most of them, are never parsed.
    """
    index = len(lines) - 1  # the line holding offset ``counted_from``
    counted_from = len(text)
    later: list[tuple[int, int]] = []  # headings after the walk's position, nearest last
    at = text.rfind("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        index -= text.count("\n", start, counted_from)
        counted_from = start
        line = lines[index].rstrip("\r")
        heading = _atx_heading(line) if line.lstrip(" ")[:1] == "#" else None
        if heading is not None:
            level, heading_text = heading
            if normalise_name(heading_text) in keys:
                end = next((i for i, lv in reversed(later) if lv <= level), len(lines))
                return index, end, level, heading_text
            later.append((index, level))
        at = text.rfind("#", 0, start)
    return None


def _outside_fences(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """The lines outside fenced code that may be headings (``#`` or indentation first)."""
    fence_char = ""
    fence_len = 0
    for index, raw in enumerate(lines):
        if not fence_char and raw[:1] not in _HEADING_OR_FENCE_START:
            continue
        line = raw.rstrip("\r")
        if fence_char:
            stripped = line.strip()
            if (
                indent_width(line) <= 3
                and stripped.startswith(fence_char * fence_len)
                and not stripped.strip(fence_char)
            ):
                fence_char = ""
            continue
        fence = RE_FENCE.match(line)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            fence_char = fence.group(1)[0]
            fence_len = len(fence.group(1))
            continue
        yield index, line
