"""Splitting a file into its front matter and its body, and loading the YAML block.

MkDocs swallows YAML errors and publishes the raw block as page text; this module reports
them with file, line and column instead, and never lets the raw block through.  One bad value
(``date: 2025-02-30``) is left out and reported, the rest of the block is used.  A second
block that directly follows the first (a pipeline habit) is merged into the first and hidden.
Control characters are removed from the whole file and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, runtime_checkable

import yaml

from mkdocs_prizm.core.frontmatter.loader import DuplicateKey, Refused, load_mapping
from mkdocs_prizm.core.problems import ProblemSink

__all__ = [
    "DuplicateKey",
    "FrontMatter",
    "KeyLines",
    "KeySource",
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
RE_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)
#: Control characters (C0 but tab and newline, DEL, C1): invisible, and they break feeds,
#: terminals and XML.  Carriage returns are newlines by then.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC",
                  0x7F: "DEL", 0x85: "NEL"}  # fmt: skip
#: Lines with control characters reported one by one; the others are counted in one problem.
MAX_CONTROL_LINES = 5


@runtime_checkable
class KeySource(Protocol):
    """Key lines that also know the source: keys written twice and each key's text."""

    def duplicate_keys(self) -> tuple[DuplicateKey, ...]:
        """Top-level keys written twice (file lines, 1-based column)."""

    def value_text(self, key: str) -> str | None:
        """The text after ``key:`` on its line, as written; ``None`` if unknown."""


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


def remove_controls(text: str, sink: ProblemSink, first_line: int = 1) -> str:
    """Remove control characters from ``text``, reporting them (``PRZ110``) by line.

    Tab and newline stay.  The first lines holding some are reported one by one, the others
    together, so that a binary file pasted in does not flood the log.  Linear in the text.

    Args:
        text: The text, newlines already normalised.
        sink: Where problems go.
        first_line: The line of ``text[0]`` (as ``sink`` counts lines).
    """
    if RE_CONTROL.search(text) is None:
        return text
    line, at, last, reported, more = first_line, 0, 0, 0, 0
    for match in RE_CONTROL.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        if line == last:
            continue
        last = line
        if reported >= MAX_CONTROL_LINES:
            more += 1
            continue
        reported += 1
        code = ord(match.group())
        name = _CONTROL_NAMES.get(code, "a control character")
        sink.warning(
            "PRZ110",
            f"{name} (U+{code:04X}) is removed: control characters are invisible and break "
            "pages, feeds and search; expected text without them",
            line,
            at - text.rfind("\n", 0, at),
        )
    if more:
        sink.warning(
            "PRZ110", f"control characters are also removed from {more} more line(s)", last, 0
        )
    return RE_CONTROL.sub("", text)


def _first_block(source: str) -> tuple[int, int, int, int] | None:
    """Offsets of the front matter's YAML (start, end), the body's offset and its file line.

    The body starts after the closing ``---`` and any blank lines, as MkDocs splits it.
    """
    opening = RE_OPEN.match(source)
    closing = RE_CLOSE.search(source, opening.end()) if opening else None
    if opening is None or closing is None:
        return None
    after = closing.end() + 1 if closing.end() < len(source) else closing.end()
    body = after
    while body < len(source) and source[body] == "\n":
        body += 1
    return opening.end(), closing.start(), body, source.count("\n", 0, body) + 1


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
    for match in RE_TOP_KEY.finditer(text, start, end):
        line += text.count("\n", at, match.start())
        at = match.start()
        key = match.group(1)
        if duplicates and key in lines:
            again = twice.get(key)
            if again is None:
                twice[key] = DuplicateKey(key, line, 1, lines[key])
            else:
                twice[key] = replace(again, times=again.times + 1)
        lines[key] = line
        stop = text.find("\n", match.end(), end)
        texts[key] = text[match.end() : stop if stop >= 0 else end].strip()
    return KeyLines(lines, texts, tuple(twice.values()))


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
    block = _first_block(source)
    if block is None:
        return FrontMatter({}, source)
    start, end, body, body_line = block
    lines = scan_keys(source, start, end, duplicates=True)
    if RE_OPEN_AT.match(source, body):
        second_close = RE_CLOSE.search(source, body + 4)
        if second_close:
            second = scan_keys(source, body + 4, second_close.start(), duplicates=True)
            lines = lines.merged(second)
    return FrontMatter({}, source[body:], body_line, lines)


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
            f"front matter key '{twice.key}' is written {_times(twice.times)} (first on line "
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
    closing = RE_CLOSE.search(body, 4)
    if not closing:
        return fm
    yaml_text = body[4 : closing.start()]
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
    block_end = closing.end()
    replaced = "\n" * body.count("\n", 0, block_end) + body[block_end:]
    second_lines = scan_keys(body, 4, closing.start(), fm.body_line)
    first_lines = fm.field_lines
    if not isinstance(first_lines, KeyLines):
        # Lines read lazily (the MkDocs adapter's): the located ones already hold the second
        # block's keys, so only the body's lines are added where the first lacks them.
        lines: Mapping[str, int] = _Merged(first_lines, second_lines)
    else:
        lines = first_lines.merged(second_lines)
    return FrontMatter(meta, replaced, fm.body_line, lines, fm.valid)


class _Merged(Mapping[str, int]):
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
        return self._first.duplicate_keys() if isinstance(self._first, KeySource) else ()

    def value_text(self, key: str) -> str | None:
        """The text of ``key``'s value, as written."""
        if isinstance(self._first, KeySource):
            return self._first.value_text(key)
        return self._second.value_text(key)


def _times(times: int) -> str:
    return "twice" if times == 2 else f"{times} times"


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)
