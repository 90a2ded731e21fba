"""Splitting a file into its front matter and its body, and loading the YAML block.

MkDocs swallows YAML errors and publishes the raw block as page text; this module reports
them with file, line and column instead, and never lets the raw block through.  A second
block that directly follows the first (a pipeline habit) is merged into the first and hidden.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from mkdocs_prizm.core.problems import ProblemSink

__all__ = [
    "FrontMatter",
    "load_yaml_block",
    "locate_front_matter",
    "normalise_newlines",
    "split_front_matter",
    "take_second_block",
]

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

RE_OPEN = re.compile(r"\A---[ \t]*\n")
RE_OPEN_AT = re.compile(r"---[ \t]*\n")  # an opening line at a given offset (no ``\A``)
RE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
RE_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A source split into front matter and body.

    Attributes:
        meta: The front matter mapping (empty when absent or invalid).
        body: The Markdown after the front matter, leading blank lines removed (as MkDocs does).
        body_line: Line of the source on which ``body`` starts (1-based).
        field_lines: Line of each top-level key in the source.
        valid: False when a front matter block was present but could not be used.
    """

    meta: dict[str, Any]
    body: str
    body_line: int = 1
    field_lines: Mapping[str, int] = field(default_factory=dict)
    valid: bool = True


def normalise_newlines(source: str) -> str:
    """Drop a byte-order mark and turn CRLF and CR into LF."""
    if source.startswith("\ufeff"):
        source = source[1:]
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    return source


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


def _key_lines(source: str, start: int, end: int) -> dict[str, int]:
    return {
        m.group(1): source.count("\n", 0, m.start()) + 1
        for m in RE_TOP_KEY.finditer(source, start, end)
    }


def split_front_matter(source: str, sink: ProblemSink) -> FrontMatter:
    """Split ``source`` into front matter and body, reporting YAML faults.

    Args:
        source: The whole file, any newline convention, BOM or not.
        sink: Where problems go (PRZ101 invalid YAML, PRZ102 not a mapping, PRZ103 second block).

    Returns:
        The split; a broken block is left out of the body and reported as an error.
    """
    source = normalise_newlines(source)
    block = _first_block(source)
    if block is None:
        return FrontMatter({}, source)
    start, end, body, body_line = block
    meta, valid = load_yaml_block(source[start:end], sink, first_line=2)
    lines = _key_lines(source, start, end)
    return take_second_block(FrontMatter(meta, source[body:], body_line, lines, valid), sink)


def locate_front_matter(source: str) -> FrontMatter:
    """Find where the body starts and on which lines the top-level keys are, without YAML.

    The cheap half of [`split_front_matter`][mkdocs_prizm.core.frontmatter.split_front_matter]:
    adapters use it to give file lines to problems found in a body MkDocs already split off.
    Keys of a second block that directly follows the first are located too.
    """
    source = normalise_newlines(source)
    block = _first_block(source)
    if block is None:
        return FrontMatter({}, source)
    start, end, body, body_line = block
    lines = _key_lines(source, start, end)
    if RE_OPEN_AT.match(source, body):
        second_close = RE_CLOSE.search(source, body + 4)
        if second_close:
            for key, line in _key_lines(source, body + 4, second_close.start()).items():
                lines.setdefault(key, line)
    return FrontMatter({}, source[body:], body_line, lines)


def load_yaml_block(
    yaml_text: str, sink: ProblemSink, *, first_line: int
) -> tuple[dict[str, Any], bool]:
    """Parse one YAML block; report faults at file lines counted from ``first_line``.

    Returns:
        The mapping (empty on failure) and whether it was usable.
    """
    try:
        data = yaml.load(yaml_text, Loader=_Loader)
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
    is a thematic break and stays.
    """
    body = fm.body
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
    if not valid or not second:
        return fm
    sink.warning(
        "PRZ103",
        "a second front matter block follows the first one; it is not published and its keys "
        "are used where the first block lacks them (merge the two blocks)",
        fm.body_line,
        1,
    )
    meta = dict(fm.meta)
    for key, value in second.items():
        if _empty(meta.get(key)):
            meta[key] = value
    block_end = closing.end()
    replaced = "\n" * body.count("\n", 0, block_end) + body[block_end:]
    lines = dict(fm.field_lines)
    for m in RE_TOP_KEY.finditer(yaml_text):
        lines.setdefault(m.group(1), fm.body_line + body.count("\n", 0, 4 + m.start()))
    return FrontMatter(meta, replaced, fm.body_line, lines, fm.valid)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)
