"""Which lines of Markdown are code blocks: fenced (as the renderer reads fences) or indented.

The internal-note stripper, the citation linker and the list fixer must never touch code:
fenced and indented blocks are content.  [`code_flags`][mkdocs_prizm.core.fences.code_flags]
finds them in one pass over the lines, without rendering anything; inline code spans are
found by [`code_spans`][mkdocs_prizm.core.markdown_scan.code_spans].
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Sequence

__all__ = [
    "Fences",
    "code_flags",
    "fence_flags",
    "fences_for",
    "may_have_code_blocks",
    "may_have_fences",
]

RE_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
#: A line indented by four spaces or a tab, found by the newline before it (one scan for both).
RE_INDENTED_LINE = re.compile(r"\n(?:    |\t)")


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
            [`Fences`][mkdocs_prizm.core.fences.Fences]).

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
    [`Fences`][mkdocs_prizm.core.fences.Fences]).  A line indented by four spaces or a
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
