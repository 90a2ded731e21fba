"""Splitting a file into its front matter and its body, and loading the YAML block.

MkDocs swallows YAML errors and publishes the raw block as page text; this module reports
them with file, line and column instead, and never lets the raw block through.  One bad value
(``date: 2025-02-30``) is left out and reported, the rest of the block is used.  A second
block that directly follows the first (a pipeline habit) is merged into the first and hidden.
Control characters are removed from the whole file and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from mkdocs_prizm.core.frontmatter.keys import (
    RE_TOP_KEY,
    DuplicateKey,
    KeyLines,
    KeySource,
    MergedKeys,
    scan_keys,
    times,
)
from mkdocs_prizm.core.frontmatter.loader import Refused, load_mapping
from mkdocs_prizm.core.markdown_scan import line_matches
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import remove_controls

__all__ = [
    "DuplicateKey",
    "FrontMatter",
    "KeyLines",
    "KeySource",
    "LazyKeyLines",
    "load_yaml_block",
    "locate_front_matter",
    "normalise_newlines",
    "remove_controls",
    "scan_keys",
    "split_front_matter",
    "take_second_block",
]

RE_OPEN = re.compile(r"\A---[ \t]*\n")
RE_OPEN_AT = re.compile(r"---[ \t]*\n")  # an opening line at a given offset (no ``\A``)
RE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A source split into front matter and body.

    Attributes:
        meta: The front matter mapping (empty when absent or invalid).
        body: The Markdown after the front matter, leading blank lines removed (as MkDocs does).
        body_line: Line of the source on which ``body`` starts (1-based).
        field_lines: Line of each top-level key in the source (a
            [`KeyLines`][mkdocs_prizm.core.frontmatter.split.KeyLines] when read here).
        valid: False when a front matter block was present but could not be used.
    """

    meta: dict[str, Any]
    body: str
    body_line: int = 1
    field_lines: Mapping[str, int] = field(default_factory=KeyLines)
    valid: bool = True


def normalise_newlines(source: str) -> str:
    """Drop a byte-order mark and turn CRLF and CR into LF."""
    if source.startswith("\ufeff"):
        source = source[1:]
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    return source


def _closing(text: str, pos: int) -> tuple[int, int] | None:
    """Where the first closing line (``---`` or ``...``) from ``pos`` on starts and ends."""
    found = next(line_matches(RE_CLOSE, text, pos), None)
    return found.span() if found is not None else None


def _first_block(source: str) -> tuple[int, int, int, int] | None:
    """Offsets of the front matter's YAML (start, end), the body's offset and its file line.

    The body starts after the closing ``---`` and any blank lines, as MkDocs splits it.
    """
    opening = RE_OPEN.match(source)
    closing = _closing(source, opening.end()) if opening else None
    if opening is None or closing is None:
        return None
    close_start, close_end = closing
    body = close_end + 1 if close_end < len(source) else close_end
    while body < len(source) and source[body] == "\n":
        body += 1
    return opening.end(), close_start, body, source.count("\n", 0, body) + 1


def split_front_matter(source: str, sink: ProblemSink) -> FrontMatter:
    """Split ``source`` into front matter and body, reporting YAML faults.

    Control characters are removed from the whole source first (``PRZ110``).

    Args:
        source: The whole file, any newline convention, BOM or not.
        sink: Where problems go (PRZ101 invalid YAML, PRZ102 not a mapping, PRZ103 second
            block, PRZ108 a value YAML cannot read, PRZ109 a key written twice, PRZ113 an
            alias bomb).

    Returns:
        The split; a broken block is left out of the body and reported as an error.
    """
    source = remove_controls(normalise_newlines(source), sink)
    block = _first_block(source)
    if block is None:
        return FrontMatter({}, source)
    start, end, body, body_line = block
    meta, valid = load_yaml_block(source[start:end], sink, first_line=2)
    lines = scan_keys(source, start, end)  # the loader reports keys written twice
    return take_second_block(FrontMatter(meta, source[body:], body_line, lines, valid), sink)


def locate_front_matter(source: str) -> FrontMatter:
    """Find where the body starts and on which lines the top-level keys are, without YAML.

    The cheap half of [`split_front_matter`][mkdocs_prizm.core.frontmatter.split_front_matter]:
    adapters use it to give file lines to problems found in a body MkDocs already split off,
    and to find what MkDocs' YAML loses (keys written twice, values as written).  Keys of a
    second block that directly follows the first are located too.
    """
    source = normalise_newlines(source)
    lines, body, body_line = _located_keys(source)
    return FrontMatter({}, source[body:], body_line, lines)


def _located_keys(source: str) -> tuple[KeyLines, int, int]:
    """The keys of ``locate_front_matter``, the body's offset and its file line."""
    block = _first_block(source)
    if block is None:
        return KeyLines(), 0, 1
    start, end, body, body_line = block
    lines = scan_keys(source, start, end, duplicates=True)
    if RE_OPEN_AT.match(source, body):
        second_close = _closing(source, body + 4)
        if second_close:
            second = scan_keys(source, body + 4, second_close[0], duplicates=True)
            lines = lines.merged(second)
    return lines, body, body_line


def load_yaml_block(
    yaml_text: str, sink: ProblemSink, *, first_line: int
) -> tuple[dict[str, Any], bool]:
    """Parse one YAML block; report faults at file lines counted from ``first_line``.

    A value YAML cannot build is left out (``PRZ108``, a warning); a key written twice is
    reported (``PRZ109``); a syntax error (``PRZ101``), a block that is not a mapping
    (``PRZ102``) or aliases that expand too far (``PRZ113``) make the block unusable.

    Returns:
        The mapping (empty on failure) and whether it was usable.
    """
    try:
        loaded = load_mapping(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 0
        reason = exc.problem or exc.context or "invalid YAML"
        sink.error(
            "PRZ101",
            f"front matter is not valid YAML: {reason}; expected 'key: value' lines "
            "(quote values that contain ': ' or start with a special character); "
            "the block is not published",
            line,
            column,
        )
        return {}, False
    except yaml.YAMLError as exc:
        sink.error("PRZ101", f"front matter is not valid YAML: {exc}", first_line, 1)
        return {}, False
    except Refused as exc:
        sink.error(
            "PRZ113",
            f"front matter is refused: {exc.message}; expected plain values, or aliases that "
            "stay small; the block is not published",
            first_line + exc.line,
            exc.column + 1,
        )
        return {}, False
    except RecursionError:  # pragma: no cover - the pure-Python loader only; libyaml stops
        sink.error(
            "PRZ101",
            "front matter is nested too deeply; expected 'key: value' lines; "
            "the block is not published",
            first_line,
            1,
        )
        return {}, False
    for fault in loaded.faults:
        where = f"field '{fault.path}'" if fault.path else "a value"
        sink.warning(
            "PRZ108",
            f"front matter {where} is {fault.text!r}, which YAML cannot read ({fault.reason}); "
            f"expected {fault.expected}; it is left out",
            first_line + fault.line,
            fault.column + 1,
        )
    for twice in loaded.duplicates:
        sink.warning(
            "PRZ109",
            f"front matter key '{twice.key}' is written {times(twice.times)} (first on line "
            f"{first_line + twice.first_line}); the last value is used: keep one",
            first_line + twice.line,
            twice.column + 1,
        )
    data = loaded.data
    if data is None:
        return {}, True
    if not isinstance(data, dict):
        sink.error(
            "PRZ102",
            f"front matter is a {type(data).__name__}, expected a mapping of 'key: value' "
            "lines; the block is not published",
            first_line,
            1,
        )
        return {}, False
    return {str(k): v for k, v in data.items()}, True


def take_second_block(fm: FrontMatter, sink: ProblemSink) -> FrontMatter:
    """Remove a second front matter block that directly follows the first.

    The block is replaced by blank lines (so later line numbers stay right); its keys fill in
    those the first block lacks or leaves empty.  A ``---`` that does not open a YAML mapping
    is a thematic break and stays.  Control characters are removed from the body first
    (``PRZ110``; the body MkDocs hands over still has them).
    """
    body = remove_controls(fm.body, sink, fm.body_line)
    if body is not fm.body:
        fm = replace(fm, body=body)
    if not RE_OPEN.match(body):
        return fm
    closing = _closing(body, 4)
    if not closing:
        return fm
    close_start, close_end = closing
    yaml_text = body[4:close_start]
    if not RE_TOP_KEY.search(yaml_text):
        return fm
    probe = ProblemSink(sink.file)
    second, valid = load_yaml_block(yaml_text, probe, first_line=fm.body_line + 1)
    if not valid or not (second or probe.items):
        return fm
    sink.warning(
        "PRZ103",
        "a second front matter block follows the first one; it is not published and its keys "
        "are used where the first block lacks them (merge the two blocks)",
        fm.body_line,
        1,
    )
    for problem in probe.items:  # faults of values in the second block
        sink.add(problem.severity, problem.code, problem.message, problem.line, problem.column)
    meta = dict(fm.meta)
    for key, value in second.items():
        if _empty(meta.get(key)):
            meta[key] = value
    replaced = "\n" * body.count("\n", 0, close_end) + body[close_end:]
    second_lines = scan_keys(body, 4, close_start, fm.body_line)
    first_lines = fm.field_lines
    if not isinstance(first_lines, KeyLines):
        # Lines read lazily (the MkDocs adapter's): the located ones already hold the second
        # block's keys, so only the body's lines are added where the first lacks them.
        lines: Mapping[str, int] = MergedKeys(first_lines, second_lines)
    else:
        lines = first_lines.merged(second_lines)
    return FrontMatter(meta, replaced, fm.body_line, lines, fm.valid)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


class LazyKeyLines(Mapping[str, int]):
    """The file lines of the front matter keys and of the body, read from the file on demand.

    ``locate`` gives the file's text.
    """

    def __init__(self, locate: Callable[[], str | None] | None) -> None:
        self._locate = locate
        self._lines: KeyLines | None = None
        self._body_line = 1

    def _load(self) -> KeyLines:
        if self._lines is None:
            source = self._locate() if self._locate is not None else None
            self._lines = KeyLines()
            if source is not None:
                self._lines, _, self._body_line = _located_keys(normalise_newlines(source))
        return self._lines

    def offset(self) -> int:
        """How many file lines come before the body."""
        self._load()
        return self._body_line - 1

    def __getitem__(self, key: str) -> int:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def duplicate_keys(self) -> tuple[DuplicateKey, ...]:
        """Top-level keys written twice (MkDocs' YAML keeps the last without a word)."""
        return self._load().duplicate_keys()

    def value_text(self, key: str) -> str | None:
        """The text of ``key``'s value as written (YAML 1.1 reads ``NO`` as false)."""
        return self._load().value_text(key)
