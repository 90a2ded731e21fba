"""The forms an entry of the sources section is written in, and the section cut into blocks.

Prizm articles end with a sources section written in one of several forms, all understood here:

``numbered``
    ``1. **Title** - Type`` followed by indented sub-bullets ``- Date : 24/06/2025``,
    ``- URL : https://...`` and ``- Fiabilité : 8/10`` (any of them optional, in any order,
    ``**Fiabilité** :``, ``Fiabilite``, ``Reliability:`` accepted).  A bullet whose content starts
    with ``N. **Title**`` (a pipeline bug that nests the next entries under the first one) starts a
    new entry; empty bullets are ignored; ``- Article du 24/06/2025`` and bare ``- https://...``
    sub-bullets are understood.
``inline``
    ``1. **Name** (Fiabilité : 8/10)`` on one line (sub-bullets may follow).
``block``
    ``**Source 1** : Name — Type`` followed by the same sub-bullets or lines.
``link``
    ``- [Name](https://...)``, one per line (never carries a score: a missing one is only info).
``superscript``
    ``¹ Eurostat (2025). *Titre*. Description.``  The **publisher** before the parenthesised date
    becomes the title (``"Eurostat"``), the parenthesised year the date, and everything after it
    (the italic work title and the remarks, as plain text) the description.  The publisher is
    what inline citations name, and it is short enough for a heading-like title.
``raw``
    Anything between entries that cannot be structured, kept exactly as written (``PRZ301``).

Paragraphs after the last entry (placeholders such as ``[Autres sources conservées à
l'identique...]``, rules, closing questions) are kept verbatim in
[`SourcesSection.trailing`][mkdocs_prizm.core.article.SourcesSection].  Nothing is dropped.

The entry's fields are read by [`entries`][mkdocs_prizm.core.sources.entries]; here each
block's first line is classified (a form, or a paragraph) and the following lines gathered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mkdocs_prizm.core.sources.section import RE_ATX, indent_width
from mkdocs_prizm.core.text import LinkScanner

__all__ = [
    "RE_BULLET",
    "SEPARATORS",
    "Block",
    "split_blocks",
    "superscript_value",
]

#: ``1. ...`` / ``1) ...``: a numbered entry.
RE_NUMBERED = re.compile(r"^([ \t]*)(\d{1,9})[.)](?:[ \t]+(.*))?$")
#: `` - 2. **Title**``: a next entry wrongly nested as a bullet (pipeline bug).
RE_NESTED_NUMBERED = re.compile(r"^[ \t]*[-*+•][ \t]+(\d{1,9})[.)][ \t]+(\*\*.*|__.*)$")
#: ``**Source 1** : Name — Type`` (optionally as a bullet).
RE_BLOCK = re.compile(
    r"^ {0,3}(?:[-*+•][ \t]+)?(?:\*\*|__)Source[ \t]*(\d{1,9})[ \t:.]*(?:\*\*|__)(.*)$",
    re.IGNORECASE,
)
#: ``¹ Eurostat (2025). ...``: a superscript-numbered reference.
RE_SUPERSCRIPT = re.compile(r"^ {0,3}([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*(.*)$")
#: A bullet item; group 1 is the indentation, group 2 the content.
RE_BULLET = re.compile(r"^([ \t]*)[-*+•](?:[ \t]+(.*))?$")

_SUPERSCRIPT_DIGITS = {c: i for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}
#: Characters that separate the parts of an entry's line (title, type, score, note).
SEPARATORS = " \t-–—:|,;."


def superscript_value(marks: str) -> int:
    """Return the number written with superscript digits (``"¹⁰"`` → 10).

    Args:
        marks: Superscript digits only.

    Returns:
        The integer value.
    """
    value = 0
    for mark in marks:
        value = value * 10 + _SUPERSCRIPT_DIGITS[mark]
    return value


@dataclass(slots=True)
class Block:
    """Consecutive lines of the section: an entry (with its form) or a paragraph."""

    start: int
    form: str  # numbered, block, superscript, link, or "" for a paragraph
    indent: int = 0
    number: int | None = None
    header: str = ""
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The block's Markdown as written, trailing blank lines removed."""
        end = len(self.lines)
        while end and not self.lines[end - 1].strip():
            end -= 1
        return "\n".join(self.lines[:end])


def _is_break(line: str) -> bool:
    """Thematic break (``---``) or heading: never part of an entry."""
    first = line.lstrip(" \t")[:1]
    if first == "#":
        return RE_ATX.match(line) is not None
    if not first or first not in "-*_":
        return False
    # Only that character, three times at least, and spaces or tabs.
    return not line.strip(" \t" + first) and line.count(first) >= 3


#: Bullets an entry's first line can start with (after its indentation).
_BULLETS = "-*+•"
#: Emphasis characters that may open ``**Source 1**`` after a bullet.
_EMPHASIS = "*_"


def _link_entry(content: str) -> bool:
    text = content.lstrip("*_")
    if not text.startswith("["):
        return False
    return LinkScanner(text).link_at(0) is not None


def _entry_start(line: str, current: Block | None) -> Block | None:
    """Classify ``line`` as the start of an entry, given the entry being read (if any).

    The first characters choose the patterns worth trying: a bullet line (most of them are an
    entry's ``- Date : ...`` lines) is matched against a pattern only when what follows the
    bullet, or its indentation, allows one.
    """
    stripped = line.lstrip(" \t")
    first = stripped[:1]
    if first in _BULLETS and first:
        indent = indent_width(line)
        after = stripped[1:].lstrip(" \t")[:1]
        if after.isdecimal():
            match = RE_NESTED_NUMBERED.match(line)
            if match:
                return Block(0, "numbered", indent, int(match.group(1)), match.group(2))
        elif after in _EMPHASIS and after:
            match = RE_BLOCK.match(line)
            if match:
                return Block(0, "block", indent, int(match.group(1)), match.group(2))
        nested_limit = current.indent if current is not None and current.form else 3
        if indent <= nested_limit:
            match = RE_BULLET.match(line)
            if match and match.group(2) and _link_entry(match.group(2)):
                return Block(0, "link", indent, None, match.group(2))
        return None
    if first.isdecimal():
        indent = indent_width(line)
        nested_limit = current.indent if current is not None and current.form else 3
        match = RE_NUMBERED.match(line)
        if match and indent <= nested_limit and match.group(3) and match.group(3).strip():
            return Block(0, "numbered", indent, int(match.group(2)), match.group(3))
        return None
    if first == "_":
        match = RE_BLOCK.match(line)
        if match:
            return Block(0, "block", indent_width(line), int(match.group(1)), match.group(2))
        return None
    if first in _SUPERSCRIPT_DIGITS:
        match = RE_SUPERSCRIPT.match(line)
        if match:
            value = superscript_value(match.group(1))
            return Block(0, "superscript", indent_width(line), value, match.group(2))
    return None


def _continues(current: Block, line: str, after_blank: bool) -> bool:
    """Whether a non-blank, non-entry line belongs to the block being read."""
    if not after_blank:
        return True
    return bool(current.form) and indent_width(line) > current.indent


def split_blocks(lines: Sequence[str], first: int) -> list[Block]:
    """Cut the lines of a section (after its heading) into entries and paragraphs.

    Args:
        lines: The section's lines, heading excluded.
        first: Index of the first of them in the body.

    Returns:
        The blocks in order; ``start`` is each block's index in the body.
    """
    blocks: list[Block] = []
    current: Block | None = None
    pending_blank = False
    for offset, line in enumerate(lines):
        index = first + offset
        if not line.strip():
            pending_blank = True
            if current is not None:
                current.lines.append(line)
            continue
        is_break = _is_break(line)
        entry = None if is_break else _entry_start(line, current)
        if entry is not None:
            entry.start = index
            entry.lines.append(line)
            blocks.append(entry)
            current = entry
        elif current is not None and not is_break and _continues(current, line, pending_blank):
            current.lines.append(line)
        else:
            current = Block(index, "", lines=[line])
            blocks.append(current)
        pending_blank = False
    return blocks
