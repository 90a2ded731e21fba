"""A small, linear scanner that tells which parts of a Markdown text are code.

The internal-note stripper, the citation linker and the list fixer must never touch code:
fenced blocks, indented blocks and inline code spans are content. This module finds them in one
pass over the lines, without rendering anything.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

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


class Fences(enum.Enum):
    """Which fenced-code syntax the Markdown renderer understands.

    The two extensions MkDocs sites use disagree on what a fence is, and without either of
    them a fence is no code block at all:

    * ``FENCED_CODE`` (Python-Markdown's ``fenced_code``): the opening fence stands at column 0,
      followed only by a language (``python``, ``.python``), an ``{ attribute list }`` or
      ``hl_lines="..."``; the block closes with the same fence (same character, same length)
      at column 0, trailing spaces allowed.  An opening fence that is never closed is text,
      and the lines after it may open fences of their own.
    * ``SUPERFENCES`` (``pymdownx.superfences``, as Material sites use it): the opening fence
      may be indented by any amount; after a language it takes an ``{ attribute list }`` or
      options among ``title``, ``title_mode``, ``hl_lines`` and ``linenums`` (valid values);
      every non-blank line of the block is indented at least as much as the fence, and the
      block closes with the same fence at the same indentation.  A block never closed, or
      broken by a line indented less, is text, and so are the lines it took.
    * ``NONE``: no fence extension; only indented blocks are code.
    * ``EITHER``: code for at least one of the two extensions (for changes that must never
      touch code, whatever renders the page).
    * ``BOTH``: code for both extensions (for removals that must reach the page whatever
      renders it, such as internal notes).

    Fences inside block quotes (``> ```...``) are not recognised, although ``SUPERFENCES``
    takes them: a note written there is removed rather than risked.
    """

    FENCED_CODE = "fenced_code"
    SUPERFENCES = "superfences"
    NONE = "none"
    EITHER = "either"
    BOTH = "both"


def fences_for(extensions: Iterable[str]) -> Fences:
    """The fence syntax of a renderer that runs the named Python-Markdown extensions.

    Args:
        extensions: Extension names or module paths (``pymdownx.superfences``,
            ``fenced_code``, ``markdown.extensions.fenced_code``...).
    """
    names = {name.rsplit(".", 1)[-1] for name in extensions}
    superfences, fenced_code = "superfences" in names, "fenced_code" in names
    if superfences and fenced_code:
        return Fences.BOTH
    if superfences:
        return Fences.SUPERFENCES
    return Fences.FENCED_CODE if fenced_code else Fences.NONE


#: Python-Markdown ``fenced_code``: the whole opening line.
RE_FENCED_CODE_OPEN = re.compile(
    r"(?P<fence>`{3,}|~{3,}) *"
    r"(?:\{[^\n]*\}|\.?[\w#.+-]*(?: *hl_lines=(?P<q>[\"']).*?(?P=q))? *)$"
)
#: ``pymdownx.superfences``: the opening line after its indentation.
RE_SUPERFENCES_OPEN = re.compile(
    r"(?P<fence>`{3,}|~{3,})"
    r"(?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[ \t]|$))?"
    r"(?:[ \t]*\{[^\n]*\}"
    r"|(?P<options>(?:[ \t]*[a-zA-Z]\w*(?:=(?P<q>[\"']).*?(?P=q))?(?=[ \t]|$))+))?"
    r"[ \t]*$"
)
RE_FENCE_OPTION = re.compile(r"([a-zA-Z]\w*)(?:=([\"'])(.*?)\2)?")
RE_HL_LINES = re.compile(r"\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*$")
RE_DIGITS = re.compile(r"\d")
#: A line that is only a fence (what closes a block), with its indentation.
RE_FENCE_ONLY = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*$")
_TAB = 4


def _superfences_options_ok(options: str) -> bool:
    """Whether pymdownx.highlight (with Pygments, Material's setting) accepts fence options."""
    for match in RE_FENCE_OPTION.finditer(options):
        key, value = match.group(1), match.group(3)
        if value is None:
            value = key
        if key in {"title", "title_mode"}:
            continue
        if key == "hl_lines" and RE_HL_LINES.match(value):
            continue
        if key == "linenums" and RE_DIGITS.match(value):
            continue
        return False
    return True


def _fenced_code_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, last)`` line indices of the blocks Python-Markdown's ``fenced_code`` finds."""
    # Closing lines indexed by their exact fence, so that each opener finds its closer by a
    # bisection instead of a scan (many unclosed openers stay linear).
    closers: dict[str, list[int]] = {}
    for index, raw in enumerate(lines):
        if raw[:1] in {"`", "~"}:
            match = RE_FENCE_ONLY.match(raw)
            if match and not match.group("indent") and "\t" not in raw:
                closers.setdefault(match.group("fence"), []).append(index)
    if not closers:
        return []
    blocks: list[tuple[int, int]] = []
    index = 0
    size = len(lines)
    while index < size:
        raw = lines[index]
        match = RE_FENCED_CODE_OPEN.match(raw) if raw[:1] in {"`", "~"} else None
        if match:
            candidates = closers.get(match.group("fence"), [])
            at = bisect.bisect_right(candidates, index)
            if at < len(candidates):
                blocks.append((index, candidates[at]))
                index = candidates[at] + 1
                continue
        index += 1
    return blocks


def _superfences_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, last)`` line indices of the blocks ``pymdownx.superfences`` finds."""
    blocks: list[tuple[int, int]] = []
    fence = ""
    width = 0
    opened = 0
    for index, raw in enumerate(lines):
        if not fence:
            if "```" not in raw and "~~~" not in raw:
                continue
            body = raw.lstrip(" \t")
            if ">" in raw[: len(raw) - len(body)] or body.startswith(">"):
                continue
            match = RE_SUPERFENCES_OPEN.match(body)
            if match is None:
                continue
            options = match.group("options")
            if options and not _superfences_options_ok(options):
                continue
            fence = match.group("fence")
            width = len(raw[: len(raw) - len(body)].expandtabs(_TAB))
            opened = index
            continue
        if not raw.strip():
            continue
        prefix = _virtual_prefix(raw, width)
        if prefix is None:
            fence = ""  # a line indented less (or quoted) abandons the block
            continue
        content = raw[prefix:]
        if (
            content.startswith(fence)
            and not content[len(fence) :].strip(" \t")
            and not content.startswith((" ", "\t"))
        ):
            blocks.append((opened, index))
            fence = ""
    return blocks


def _virtual_prefix(raw: str, width: int) -> int | None:
    """Characters of white space making ``width`` columns at the start of ``raw``, or None."""
    column = 0
    count = 0
    for char in raw:
        if column >= width:
            break
        if char == "\t":
            column += _TAB - (column % _TAB)
        elif char == " ":
            column += 1
        else:
            # pymdownx counts ">" as indentation, but a quoted line abandons the block.
            return None
        count += 1
    return count if column == width else None


def fence_flags(lines: Sequence[str], fences: Fences = Fences.EITHER) -> list[bool]:
    """Tell, for each line, whether it belongs to a fenced code block for ``fences``.

    Args:
        lines: The lines of a Markdown text (split on ``\\n``).
        fences: Which renderer's fences to recognise (see
            [`Fences`][mkdocs_prizm.core.markdown_scan.Fences]).

    Returns:
        One flag per line.
    """
    flags = [False] * len(lines)
    if fences is Fences.NONE:
        return flags
    if fences in {Fences.EITHER, Fences.BOTH}:
        first = fence_flags(lines, Fences.FENCED_CODE)
        second = fence_flags(lines, Fences.SUPERFENCES)
        if fences is Fences.EITHER:
            return [a or b for a, b in zip(first, second, strict=True)]
        return [a and b for a, b in zip(first, second, strict=True)]
    finder = _fenced_code_blocks if fences is Fences.FENCED_CODE else _superfences_blocks
    for begin, end in finder(lines):
        flags[begin : end + 1] = [True] * (end + 1 - begin)
    return flags


def code_flags(lines: Sequence[str], fences: Fences = Fences.EITHER) -> list[bool]:
    """Tell, for each line, whether it belongs to a code block.

    Fenced blocks are found as the renderer named by ``fences`` finds them (see
    [`Fences`][mkdocs_prizm.core.markdown_scan.Fences]).  A line indented by four spaces or a
    tab is an indented code block when it follows a blank line (or starts the text) and is not
    the continuation of a list item.

    Most lines of prose start with a letter: they only update the list state, in a few
    character tests, which keeps this loop cheap on long articles.

    Args:
        lines: The lines of a Markdown text (split on ``\\n``).
        fences: Which renderer's fences to recognise.

    Returns:
        One flag per line.
    """
    fenced = (
        fence_flags(lines, fences)
        if any("```" in raw or "~~~" in raw for raw in lines)
        else [False] * len(lines)
    )
    flags = [False] * len(lines)
    prev_blank = True
    in_list = False
    in_indented = False
    for index, raw in enumerate(lines):
        if fenced[index]:
            flags[index] = True
            in_indented = False
            prev_blank = False
            continue
        first = raw[:1]
        if first and first not in _CODE_OR_BLANK_START and not first.isspace():
            # Prose: not blank, not indented.
            in_indented = False
            if (first in _LIST_START or first.isdigit()) and RE_LIST_ITEM.match(raw):
                in_list = True
            elif prev_blank:
                in_list = False
            prev_blank = False
            continue
        blank = not raw.strip()
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
