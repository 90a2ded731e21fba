"""The lines of a front matter block's top-level keys, found in one pass, and what YAML loses.

YAML gives values, not where they were written: problems need the key's line, and some checks
need the value's text as written (YAML 1.1 reads ``12:30`` as 750 and ``NO`` as false) or the
keys written twice (YAML keeps the last one without a word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Protocol, cast, runtime_checkable

from mkdocs_prizm.core.frontmatter.loader import DuplicateKey
from mkdocs_prizm.core.markdown_scan import line_matches

__all__ = [
    "RE_TOP_KEY",
    "DuplicateKey",
    "KeyLines",
    "KeySource",
    "MergedKeys",
    "key_source",
    "scan_keys",
    "times",
]

_KEY = r"([A-Za-z_][\w-]*)[ \t]*:"
#: A top-level key (group 1) at the start of a line.
RE_TOP_KEY = re.compile("^" + _KEY, re.MULTILINE)
#: A line starting with a top-level key (group 1), with the text after it (group 2).
_RE_KEY_LINE = re.compile(_KEY + r"([^\n]*)")


@runtime_checkable
class KeySource(Protocol):
    """Key lines that also know the source: keys written twice and each key's text."""

    def duplicate_keys(self) -> tuple[DuplicateKey, ...]:
        """Top-level keys written twice (file lines, 1-based column)."""

    def value_text(self, key: str) -> str | None:
        """The text after ``key:`` on its line, as written; ``None`` if unknown."""


def key_source(lines: object) -> KeySource | None:
    """``lines`` when it is a ``KeySource`` (it knows keys written twice and values as written).

    The test is made on the class: Python caches it there, while ``isinstance`` with a
    protocol reads the protocol's members again at every call.
    """
    return cast("KeySource", lines) if issubclass(type(lines), KeySource) else None


class KeyLines(Mapping[str, int]):
    """The file line of each top-level front matter key, from one pass over the block.

    It also keeps what a YAML value loses: the text each key's value was written as (YAML 1.1
    reads ``12:30`` as 750 and ``NO`` as false), and the keys written twice, when the scan was
    asked to find them ([`DuplicateKey`][mkdocs_prizm.core.frontmatter.loader.DuplicateKey]
    lines here are file lines, columns 1-based).
    """

    __slots__ = ("_duplicates", "_lines", "_texts")

    def __init__(
        self,
        lines: dict[str, int] | None = None,
        texts: dict[str, str] | None = None,
        duplicates: tuple[DuplicateKey, ...] = (),
    ) -> None:
        self._lines = lines if lines is not None else {}
        self._texts = texts if texts is not None else {}
        self._duplicates = duplicates

    def __getitem__(self, key: str) -> int:
        return self._lines[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def duplicate_keys(self) -> tuple[DuplicateKey, ...]:
        """Top-level keys written twice in the block (when the scan looked for them)."""
        return self._duplicates

    def value_text(self, key: str) -> str | None:
        """The text after ``key:`` on the key's line, as written."""
        return self._texts.get(key)

    def merged(self, other: KeyLines) -> KeyLines:
        """These keys, and ``other``'s where these lack them (a second block's)."""
        lines = dict(self._lines)
        texts = dict(self._texts)
        for key, line in other._lines.items():
            if key not in lines:
                lines[key] = line
                texts[key] = other._texts.get(key, "")
        return KeyLines(lines, texts, self._duplicates + other._duplicates)


def scan_keys(
    text: str, start: int, end: int, first_line: int = 1, *, duplicates: bool = False
) -> KeyLines:
    """Find the top-level keys of ``text[start:end]`` and their lines, in one pass.

    Args:
        text: The text holding the block.
        start: Where the block starts.
        end: Where it ends.
        first_line: The file line of ``text[0]``.
        duplicates: Whether to record keys written twice (the last one's line is kept).
    """
    lines: dict[str, int] = {}
    texts: dict[str, str] = {}
    twice: dict[str, DuplicateKey] = {}
    line = first_line + text.count("\n", 0, start)
    at = start
    for match in line_matches(_RE_KEY_LINE, text, start, end):
        key, after = match.group(1, 2)
        key_at = match.start(1)
        line += text.count("\n", at, key_at)
        at = key_at
        if duplicates and key in lines:
            again = twice.get(key)
            if again is None:
                twice[key] = DuplicateKey(key, line, 1, lines[key])
            else:
                twice[key] = replace(again, times=again.times + 1)
        lines[key] = line
        texts[key] = after.strip()
    return KeyLines(lines, texts, tuple(twice.values()))


class MergedKeys(Mapping[str, int]):
    """Lazily read key lines, with a second block's keys where they lack them."""

    def __init__(self, first: Mapping[str, int], second: KeyLines) -> None:
        self._first = first
        self._second = second

    def __getitem__(self, key: str) -> int:
        try:
            return self._first[key]
        except KeyError:
            return self._second[key]

    def __iter__(self) -> Iterator[str]:
        yield from self._first
        yield from (key for key in self._second if key not in self._first)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def duplicate_keys(self) -> tuple[DuplicateKey, ...]:
        """The first mapping's (the located file's, which hold both blocks')."""
        first = key_source(self._first)
        return first.duplicate_keys() if first is not None else ()

    def value_text(self, key: str) -> str | None:
        """The text of ``key``'s value, as written."""
        first = key_source(self._first)
        if first is not None:
            return first.value_text(key)
        return self._second.value_text(key)


def times(count: int) -> str:
    """``twice`` or ``N times``."""
    return "twice" if count == 2 else f"{count} times"
