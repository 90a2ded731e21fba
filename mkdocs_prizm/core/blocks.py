"""Block-level repairs so articles render as their authors (and CommonMark) meant.

Prizm's pipeline writes for CommonMark renderers, where a list may start on the line right after
a paragraph.  Python-Markdown needs a blank line there, and otherwise folds the list into one
run-on paragraph.  [`separate_lists`][mkdocs_prizm.core.blocks.separate_lists] inserts that blank
line, outside code, following CommonMark's rule: any bullet list, but an ordered list only when it
starts at 1.
"""

from __future__ import annotations

import re

from mkdocs_prizm.core.markdown_scan import scan_lines

RE_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+\S")
RE_ORDERED_ONE = re.compile(r"^ {0,3}1[.)][ \t]+\S")
#: A bullet (or ``1.``) item line, found by the newline that precedes it.
RE_ITEM_AFTER_LINE = re.compile(r"\n(?= {0,3}(?:[-*+]|1[.)])[ \t]+\S)")
RE_LIST_ANY = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
RE_NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:#|>|\||<|[-*+][ \t]|\d{1,9}[.)][ \t]|[-*_=]{3,}\s*$)")


def _may_need_separation(text: str) -> bool:
    """Cheap pre-check: does any list item follow a line that could be a paragraph?"""
    for match in RE_ITEM_AFTER_LINE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        previous = text[start : match.start()]
        if previous.strip() and not RE_NOT_PARAGRAPH.match(previous):
            return True
    return False


def separate_lists(text: str) -> tuple[str, int]:
    """Insert a blank line between a paragraph and a list that starts on the next line.

    Args:
        text: Markdown with ``\\n`` line endings.

    Returns:
        The repaired text and how many lists were separated.
    """
    if "\n" not in text or not _may_need_separation(text):
        return text, 0
    out: list[str] = []
    fixed = 0
    prev_paragraph = False
    in_list = False  # a list item started and no blank line since: its lines are not paragraphs
    for raw, code in scan_lines(text):
        if code:
            prev_paragraph = False
            out.append(raw)
            continue
        starts_list = bool(RE_BULLET.match(raw) or RE_ORDERED_ONE.match(raw))
        if starts_list and prev_paragraph:
            out.append("")
            fixed += 1
        out.append(raw)
        if not raw.strip():
            in_list = False
        elif RE_LIST_ANY.match(raw):
            in_list = True
        prev_paragraph = (
            not in_list
            and bool(raw.strip())
            and not raw.startswith(("    ", "\t"))
            and not RE_NOT_PARAGRAPH.match(raw)
        )
    if not fixed:
        return text, 0
    return "\n".join(out), fixed
