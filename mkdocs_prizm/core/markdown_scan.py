"""A small, linear scanner that tells which parts of a Markdown text are code.

The internal-note stripper, the citation linker and the list fixer must never touch code:
fenced blocks, indented blocks and inline code spans are content. This module finds them in one
pass over the lines, without rendering anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

RE_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
RE_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
RE_BACKTICKS = re.compile(r"`+")
#: A line indented by four spaces or a tab, found by the newline before it (one scan for both).
RE_INDENTED_LINE = re.compile(r"\n(?:    |\t)")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text with what the scanner knows about it.

    Attributes:
        index: 0-based line index.
        start: Offset of the line's first character in the text.
        text: The line without its newline.
        code: Whether the whole line is code (fence, fenced content or indented block).
    """

    index: int
    start: int
    text: str
    code: bool


def may_have_fences(text: str) -> bool:
    """Whether ``text`` could hold a fenced code block (never a false "no")."""
    return ("`" in text and "```" in text) or ("~" in text and "~~~" in text)


def may_have_code_blocks(text: str) -> bool:
    """Whether ``text`` could hold a fenced or indented code block (never a false "no")."""
    return (
        may_have_fences(text)
        or RE_INDENTED_LINE.search(text) is not None
        or text.startswith(("    ", "\t"))
    )


def scan_lines(text: str) -> Iterator[tuple[str, bool]]:
    """Yield ``(line, is_code)`` pairs; a plain split when the text cannot hold code blocks."""
    lines = text.split("\n")
    if may_have_code_blocks(text):
        return zip(lines, code_flags(lines), strict=True)
    return ((raw, False) for raw in lines)


def iter_lines(text: str) -> Iterator[Line]:
    """Yield the lines of ``text``, marking those that belong to code blocks.

    See [`code_flags`][mkdocs_prizm.core.markdown_scan.code_flags] for the rules.

    Args:
        text: Markdown text with ``\\n`` line endings.

    Yields:
        Every line, in order.
    """
    lines = text.split("\n")
    offset = 0
    for index, (raw, code) in enumerate(zip(lines, code_flags(lines), strict=True)):
        yield Line(index, offset, raw, code)
        offset += len(raw) + 1


#: First characters of a line that may open or continue a code block, or be blank.
_CODE_OR_BLANK_START = frozenset(" \t`~")
#: First characters of a list item line (digits are tested with ``str.isdigit``).
_LIST_START = frozenset("-*+")


def code_flags(lines: Sequence[str]) -> list[bool]:
    """Tell, for each line, whether it belongs to a code block.

    Fenced blocks open with three or more backticks or tildes (up to three spaces of indent)
    and close with a fence of the same character at least as long.  A line indented by four
    spaces or a tab is an indented code block when it follows a blank line (or starts the text)
    and is not the continuation of a list item.

    Most lines of prose start with a letter: they only update the list state, in a few
    character tests, which keeps this loop cheap on long articles.

    Args:
        lines: The lines of a Markdown text (split on ``\\n``).

    Returns:
        One flag per line.
    """
    flags = [False] * len(lines)
    fence_char = ""
    fence_len = 0
    prev_blank = True
    in_list = False
    in_indented = False
    for index, raw in enumerate(lines):
        if fence_char:
            stripped = raw.strip()
            if (
                stripped.startswith(fence_char * fence_len)
                and not stripped.strip(fence_char)
                and len(raw) - len(raw.lstrip(" ")) <= 3
            ):
                fence_char = ""
            flags[index] = True
            continue
        first = raw[:1]
        if first and first not in _CODE_OR_BLANK_START and not first.isspace():
            # Prose: not blank, not a fence, not indented.
            in_indented = False
            if (first in _LIST_START or first.isdigit()) and RE_LIST_ITEM.match(raw):
                in_list = True
            elif prev_blank:
                in_list = False
            prev_blank = False
            continue
        blank = not raw.strip()
        match = RE_FENCE_OPEN.match(raw)
        if match and not (match.group(2)[0] == "`" and "`" in match.group(3)):
            fence_char = match.group(2)[0]
            fence_len = len(match.group(2))
            in_indented = False
            prev_blank = False
            flags[index] = True
            continue
        indented = raw.startswith(("    ", "\t"))
        if indented and not blank and (in_indented or (prev_blank and not in_list)):
            in_indented = True
            flags[index] = True
            prev_blank = False
            continue
        if not blank:
            in_indented = False
            if RE_LIST_ITEM.match(raw):
                in_list = True
            elif not indented and prev_blank:
                in_list = False
        flags[index] = in_indented and blank
        prev_blank = blank
    return flags


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

    A span opens with a run of backticks and closes with the next run of the same length;
    an unmatched run is literal text.  Linear in the line's length.

    Args:
        line: One line of Markdown.

    Returns:
        Ranges, end exclusive, covering the backticks themselves.
    """
    if "`" not in line:
        return []
    runs = [(m.start(), m.end()) for m in RE_BACKTICKS.finditer(line)]
    spans: list[tuple[int, int]] = []
    # Index the runs by length so each opener finds its closer without rescanning.
    by_len: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(runs):
        by_len.setdefault(e - s, []).append(i)
    pos_in_len: dict[int, int] = dict.fromkeys(by_len, 0)
    i = 0
    while i < len(runs):
        s, e = runs[i]
        length = e - s
        candidates = by_len[length]
        k = pos_in_len[length]
        while k < len(candidates) and candidates[k] <= i:
            k += 1
        pos_in_len[length] = k
        if k < len(candidates):
            j = candidates[k]
            spans.append((s, runs[j][1]))
            i = j + 1
        else:
            i += 1
    return spans


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls inside one of ``spans`` (few spans per line: a plain scan)."""
    return any(s <= position < e for s, e in spans)
