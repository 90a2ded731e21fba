"""Finding and removing internal notes: the pipeline's HTML comments that must never be published.

An *internal note* is an HTML comment whose text contains one of the configured patterns
(``ARTICLE FINAL - OPTIMISÉ STYLE PRIZM``, ``Score intégrité``, ...).  Notes are removed
wherever they stand: on their own lines, mid-paragraph, indented, spread over several lines.
What is kept:

* comments inside fenced code, indented code and inline code spans (they are content);
* directives other tools rely on (``<!-- more -->``, ``<!-- material/tags -->``, ...),
  even when every other comment is stripped;
* comments that are not notes, unless ``strip_all`` is set.

A note on its own lines is replaced by as many blank lines, so that line numbers reported
later still point at the author's file.  A note opened but never closed with ``-->`` is removed
up to the first blank line, reported, and the text after it is published.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_prizm.core.article import InternalNote
from mkdocs_prizm.core.markdown_scan import (
    code_flags,
    code_spans,
    find_all,
    in_spans,
    lines_at,
    may_have_code_blocks,
)
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold

#: Patterns that mark a comment as an internal note (matched ignoring case and accents).
DEFAULT_NOTE_PATTERNS: tuple[str, ...] = (
    "ARTICLE FINAL",
    "OPTIMISÉ STYLE PRIZM",
    "STYLE CONVERSATIONNEL APPLIQUÉ",
    "Score intégrité",
    "Score conversationnel",
    "Optimisé le",
    "Rapport d'optimisation",
)

#: Comment prefixes that are other tools' directives: never stripped.
DEFAULT_DIRECTIVES: tuple[str, ...] = (
    "more",
    "material/",
    "prizm:",
    "rss:",
    "mkdocs",
    "macros",
    "toc",
    "nav",
    "pagebreak",
    "snippet",
    "--8<--",
)

RE_FIELD = re.compile(r"^\s*([^:\n]{1,60}?)\s*:\s*(.*?)\s*$")
RE_PERCENT = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*%?")


@dataclass(frozen=True, slots=True)
class NotesResult:
    """What [`strip_notes`][mkdocs_prizm.core.comments.strip_notes] found and left.

    Attributes:
        text: The text with notes removed.
        notes: The notes' fields, in order of appearance.
        removed: How many comments were removed (notes, and others with ``strip_all``).
    """

    text: str
    notes: tuple[InternalNote, ...]
    removed: int


class NoteMatcher:
    """Decides, once configured, whether a comment is a note, a directive or neither."""

    __slots__ = ("directives", "patterns", "strip_all")

    def __init__(
        self,
        patterns: Iterable[str] = DEFAULT_NOTE_PATTERNS,
        *,
        strip_all: bool = False,
        directives: Iterable[str] = DEFAULT_DIRECTIVES,
    ) -> None:
        self.patterns = tuple(fold(p) for p in patterns if p.strip())
        self.directives = tuple(fold(d) for d in directives if d.strip())
        self.strip_all = strip_all

    def is_directive(self, inner: str) -> bool:
        """Whether the comment body ``inner`` is another tool's directive."""
        head = fold(inner.strip())
        return any(head.startswith(d) for d in self.directives)

    def is_note(self, inner: str) -> bool:
        """Whether the comment body ``inner`` carries one of the note patterns."""
        folded = fold(inner)
        return any(p in folded for p in self.patterns)

    def removes(self, inner: str) -> bool:
        """Whether a comment with body ``inner`` must be removed."""
        if self.is_directive(inner):
            return False
        return self.strip_all or self.is_note(inner)


def parse_note(inner: str, line: int) -> InternalNote:
    """Read an internal note's fields (``Key : value`` lines) from its body.

    Args:
        inner: The comment's text between ``<!--`` and ``-->``.
        line: Line of the comment in the body.

    Returns:
        The note; its first non-empty line is its kind.
    """
    kind = ""
    fields: list[tuple[str, str]] = []
    for raw in inner.splitlines():
        text = raw.strip()
        if not text:
            continue
        match = RE_FIELD.match(text)
        if match and match.group(2):
            fields.append((match.group(1), match.group(2)))
        elif not kind:
            kind = text
    by_key = {fold(k): v for k, v in fields}
    return InternalNote(
        kind=kind,
        fields=tuple(fields),
        version=by_key.get("version"),
        integrity_score=_percent(by_key.get("score integrite")),
        conversational_score=_percent(by_key.get("score conversationnel")),
        optimised_at=by_key.get("optimise le"),
        line=line,
    )


def _percent(value: str | None) -> float | None:
    if value is None:
        return None
    match = RE_PERCENT.match(value.strip())
    if not match:
        return None
    return float(match.group(1).replace(",", "."))


def strip_notes(
    text: str,
    sink: ProblemSink,
    matcher: NoteMatcher | None = None,
) -> NotesResult:
    """Remove internal notes from Markdown ``text``.

    Linear in the length of ``text``, whatever the number of ``<!--`` in it.

    Args:
        text: Markdown with ``\\n`` line endings.
        sink: Where problems are reported (unclosed comments).
        matcher: Which comments to remove; the default removes Prizm's notes only.

    Returns:
        The cleaned text, the notes found and how many comments were removed.
    """
    if "<!--" not in text:
        return NotesResult(text, (), 0)
    matcher = matcher or NoteMatcher()
    # The lines are split only to locate code blocks; otherwise each line holding a comment
    # is cut out of the text on its own.
    code = code_flags(text.split("\n")) if may_have_code_blocks(text) else None
    cuts: list[tuple[int, int, str]] = []
    notes: list[InternalNote] = []
    no_close_from = len(text) + 1  # searching "-->" from here or later finds nothing
    resume_at = 0  # absolute offset before which scanning is done

    for index, start in lines_at(text, find_all(text, "<!--")):
        if code is not None and code[index]:
            continue
        line_end = text.find("\n", start)
        if line_end < 0:
            line_end = len(text)
        if resume_at >= line_end:
            continue
        line = text[start:line_end]
        spans: list[tuple[int, int]] | None = None
        col = max(0, resume_at - start)
        while True:
            col = line.find("<!--", col)
            if col < 0:
                break
            if spans is None:
                spans = code_spans(line)
            if in_spans(col, spans):
                col += 4
                continue
            begin = start + col
            close = -1 if begin + 4 >= no_close_from else text.find("-->", begin + 4)
            if close < 0:
                no_close_from = min(no_close_from, begin + 4)
                end = _end_of_paragraph(text, begin)
                inner = text[begin + 4 : end]
                removed = matcher.removes(inner)
                line_no = index + 1
                if removed:
                    if matcher.is_note(inner):
                        notes.append(parse_note(inner, line_no))
                    cuts.append(_cut(text, begin, end))
                    sink.warning(
                        "PRZ201",
                        "internal note opened here is never closed with '-->'; it was removed "
                        "up to the first blank line and the text after it is published",
                        line_no,
                        col + 1,
                    )
                else:
                    sink.warning(
                        "PRZ201",
                        "HTML comment opened here is never closed with '-->'; "
                        "it is published as text",
                        line_no,
                        col + 1,
                    )
                resume_at = end
                break
            end = close + 3
            inner = text[begin + 4 : close]
            if matcher.removes(inner):
                if matcher.is_note(inner):
                    notes.append(parse_note(inner, index + 1))
                cuts.append(_cut(text, begin, end))
            resume_at = end
            if end > line_end:
                break
            col = end - start

    if not cuts:
        return NotesResult(text, tuple(notes), 0)
    return NotesResult(_apply(text, cuts), tuple(notes), len(cuts))


def _end_of_paragraph(text: str, begin: int) -> int:
    """Offset of the first blank line after ``begin`` (or the end of the text)."""
    pos = text.find("\n", begin)
    while pos >= 0:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt >= 0 else len(text)]
        if not line.strip():
            return pos
        pos = nxt
    return len(text)


def _cut(text: str, begin: int, end: int) -> tuple[int, int, str]:
    """Describe how to remove ``text[begin:end]``.

    When the comment has only white space before it on its first line and after it on its
    last line, the whole lines go and as many newlines stay, keeping line numbers.
    """
    # Walk over the white space around the comment only (never the whole line): many comments
    # on one long line would otherwise make the stripping quadratic.
    line_start = begin
    while line_start > 0 and text[line_start - 1] != "\n" and text[line_start - 1].isspace():
        line_start -= 1
    line_end = end
    size = len(text)
    while line_end < size and text[line_end] != "\n" and text[line_end].isspace():
        line_end += 1
    if (line_start == 0 or text[line_start - 1] == "\n") and (
        line_end == size or text[line_end] == "\n"
    ):
        return (line_start, line_end, "\n" * text.count("\n", line_start, line_end))
    # Inline: drop the comment, neither gluing two words together nor doubling a space.
    before = text[begin - 1] if begin > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in " \t" and after in " \t":
        return (begin, end + 1, "")
    glue = "" if before.isspace() or after.isspace() else " "
    return (begin, end, glue)


def _apply(text: str, cuts: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    pos = 0
    for begin, end, replacement in sorted(cuts):
        # Overlaps cannot happen with well-formed input; if they did, the first cut wins.
        pieces.append(text[pos : max(begin, pos)])
        pieces.append(replacement)
        pos = max(pos, end)
    pieces.append(text[pos:])
    return "".join(pieces)
