"""Block-level repairs so articles render as their authors (and CommonMark) meant.

Prizm's pipeline writes for CommonMark renderers, where a list may start on the line right after
a paragraph.  Python-Markdown needs a blank line there, and otherwise folds the list into one
run-on paragraph.  [`list_breaks`][mkdocs_prizm.core.blocks.list_breaks] finds the lines that need
that blank line, outside code, following CommonMark's rule: any bullet list, but an ordered list
only when it starts at 1; the renderer inserts them in the published Markdown.

The pipeline also writes lists with typographic bullets (``• item``, ``◦ sub-item``), which no
Markdown renderer reads as a list:
[`replace_pseudo_bullets`][mkdocs_prizm.core.blocks.replace_pseudo_bullets] makes them ``- ``
items, one character for one, so that every position in the text stays valid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs_prizm.core.fences import code_flags, may_have_code_blocks
from mkdocs_prizm.core.markdown_scan import line_matches, lines_at

__all__ = ["introduction_end", "list_breaks"]

__all__ = [
    "introduction_end",
    "list_breaks",
    "replace_pseudo_bullets",
]

#: Typographic bullets the pipeline starts list items with.
PSEUDO_BULLETS = "\u2022\u25e6"  # • ◦
#: A line starting (after any indentation) with a typographic bullet and a space.
RE_PSEUDO_BULLET = re.compile(rf"[ \t]*[{PSEUDO_BULLETS}](?=[ \t])")

#: A bullet (or ``1.``) item line, found by the newline that precedes it.
RE_ITEM_AFTER_LINE = re.compile(r"\n(?= {0,3}(?:[-*+]|1[.)])[ \t]+\S)")
RE_LIST_ANY = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
RE_NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:#|>|\||<|[-*+][ \t]|\d{1,9}[.)][ \t]|[-*_=]{3,}\s*$)")


def _paragraph_line(line: str) -> bool:
    """Whether ``line``, outside code and lists, continues a paragraph."""
    return (
        bool(line.strip())
        and not line.startswith(("    ", "\t"))
        and not RE_NOT_PARAGRAPH.match(line)
    )


def _in_list(lines: list[str], flags: Sequence[bool] | None, index: int) -> bool:
    """Whether line ``index`` belongs to a list item: one starts at or above it, no blank between.

    Code lines neither start nor end a list.  The walk stops at the first list item or blank
    line above ``index``.
    """
    while index >= 0:
        line = lines[index]
        if flags is None or not flags[index]:
            if not line.strip():
                return False
            if RE_LIST_ANY.match(line):
                return True
        index -= 1
    return False


def list_breaks(
    text: str,
    *,
    lines: list[str] | None = None,
    code_blocks: bool | None = None,
    code: Sequence[bool] | None = None,
) -> list[int]:
    """The lines of ``text`` where a list starts right after a paragraph line.

    Each of them needs a blank line before it for Python-Markdown to see the list.  Only the
    lines where a list item follows a line that could be a paragraph are examined (found by one
    regex search for the item lines); the code blocks are located only when the text may hold
    one, and whether the paragraph line is itself inside a list item is read by walking up to
    the blank line above it.  Each line is walked over at most once.

    Args:
        text: Markdown with ``\\n`` line endings.
        lines: ``text.split("\\n")``, when the caller has it (it is not changed).
        code_blocks: Whether ``text`` may hold code blocks, when the caller knows it
            ([`may_have_code_blocks`][mkdocs_prizm.core.fences.may_have_code_blocks]);
            found out here otherwise.
        code: One flag per line, true inside a code block, when the caller has them (with
            ``code_blocks`` true).

    Returns:
        The 0-based indexes of the item lines, in order.
    """
    # The newlines that end a possible paragraph line and are followed by a list item.
    candidates = (
        at
        for at in (match.start() for match in RE_ITEM_AFTER_LINE.finditer(text))
        if _paragraph_line(text[text.rfind("\n", 0, at) + 1 : at])
    )
    text_lines: list[str] = []  # split (and code located) at the first candidate
    flags = code
    breaks: list[int] = []
    for index, _start in lines_at(text, candidates):
        if not text_lines:
            text_lines = text.split("\n") if lines is None else lines
            if code_blocks is None:
                code_blocks = may_have_code_blocks(text)
            if flags is None and code_blocks:
                flags = code_flags(text_lines)
        # ``index`` is the paragraph line, ``index + 1`` the item.
        if flags is not None and (flags[index] or flags[index + 1]):
            continue
        if _in_list(text_lines, flags, index):
            continue
        breaks.append(index + 1)
    return breaks


def replace_pseudo_bullets(text: str, *, code_blocks: bool | None = None) -> tuple[str, int]:
    """Make the lines that start with ``•`` or ``◦`` (and a space) ``-`` list items.

    Outside code only; the indentation is kept, and so is the length of every line (one
    character for one), so that positions found in the text (citations, problems) stay valid.
    Consecutive items, with or without blank lines between them, then form one list; the
    blank line a list needs after a paragraph line is
    [`list_breaks`][mkdocs_prizm.core.blocks.list_breaks]' business.

    Args:
        text: Markdown with ``\\n`` line endings.
        code_blocks: Whether ``text`` may hold code blocks, when the caller knows it.

    Returns:
        The text and how many bullets were replaced (``text`` itself when none was).
    """
    if "\u2022" not in text and "\u25e6" not in text:
        return text, 0
    # The bullets, each at the end of its match: one per line.
    bullets = [match.end() - 1 for match in line_matches(RE_PSEUDO_BULLET, text)]
    if not bullets:
        return text, 0
    if code_blocks is None:
        code_blocks = may_have_code_blocks(text)
    flags = code_flags(text.split("\n")) if code_blocks else None
    pieces: list[str] = []
    pos = 0
    for (index, _start), bullet in zip(lines_at(text, bullets), bullets, strict=True):
        if flags is not None and flags[index]:
            continue
        pieces += (text[pos:bullet], "-")
        pos = bullet + 1
    if not pieces:
        return text, 0
    pieces.append(text[pos:])
    return "".join(pieces), len(pieces) // 2


#: An ATX heading of level 2 to 6 (the introduction ends at the first one).
RE_SUBHEADING = re.compile(r"^ {0,3}#{2,6}(?:[ \t]|$)")


def introduction_end(body: str, lines: list[str], *, stop: int | None = None) -> int | None:
    """Where an article's introduction ends: its first heading below the title.

    Args:
        body: The article's Markdown.
        lines: ``body.split("\\n")``.
        stop: Where to end the introduction at the latest (the sources section's heading).

    Returns:
        The 0-based index of the line the introduction stops before, or ``None`` when the
        article has no text before it (nothing to make an excerpt of).
    """
    flags = code_flags(lines) if may_have_code_blocks(body) else None
    end = len(lines) if stop is None else stop
    text_seen = False
    for index in range(end):
        line = lines[index]
        if flags is not None and flags[index]:
            text_seen = True
            continue
        if RE_SUBHEADING.match(line):
            return index if text_seen else None
        if line.strip() and not line.lstrip().startswith("# "):
            text_seen = True
    return end if text_seen and stop is not None else None
