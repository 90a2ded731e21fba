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
later still point at the author's file.  A comment never spreads over two paragraphs: a note
closed by a typo (``–>``, ``-- >``, ...) ends there, and one never closed ends with its
paragraph (or before a heading); both are reported and the text after them is published
(see [`strip_notes`][mkdocs_prizm.core.comments.strip_notes]).

What is code is decided as the renderer decides it (see
[`Fences`][mkdocs_prizm.core.fences.Fences]): by default, a comment is kept as code
only when both ``fenced_code`` and ``pymdownx.superfences`` show it as code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_prizm.core.article import InternalNote
from mkdocs_prizm.core.fences import Fences, code_flags, may_have_code_blocks
from mkdocs_prizm.core.markdown_scan import code_spans, find_all, in_spans, lines_at
from mkdocs_prizm.core.note_fields import parse_note
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold

__all__ = [
    "DEFAULT_DIRECTIVES",
    "DEFAULT_NOTE_PATTERNS",
    "NoteMatcher",
    "NotesResult",
    "parse_note",
    "strip_notes",
]

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

#: A close that is almost ``-->``: dashes of any kind (one at least not an ASCII hyphen, or
#: two hyphens), then spaces or ``!`` before ``>``.  The exact ``-->`` is searched first.
RE_ALMOST_CLOSE = re.compile(
    r"(?:[\u2010-\u2015\u2212]|-[-\u2010-\u2015\u2212])[-\u2010-\u2015\u2212]{0,2}[ \t]*!?[ \t]*>"
)
#: An ATX heading line (it ends an unclosed note's paragraph).
RE_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)


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
    """Decides, once configured, whether a comment is a note, a directive or neither.

    A directive is a comment whose text, trimmed, is one of the directive names, or starts
    with one followed by white space or ``/`` (``<!-- more -->``,
    ``<!-- material/tags { include: [a] } -->``): names match whole words, so
    ``<!-- moreover -->`` and ``<!-- Navigation interne : ... -->`` are not directives.  A name
    ending with punctuation (``prizm:``, ``material/``, ``--8<--``) is a prefix: whatever
    follows it belongs to the directive.  Matching ignores case and accents.

    A comment carrying a note pattern is a note even when it starts like a directive: what
    other tools need never holds the pipeline's metadata, and publishing it is the fault to
    avoid.

    Attributes:
        patterns: The note patterns, folded.
        directives: The directive names, folded.
        strip_all: Whether every comment but directives is removed.
        fences: Which renderer's fenced code blocks hold content to keep (see
            [`Fences`][mkdocs_prizm.core.fences.Fences]); by default only blocks
            that both ``fenced_code`` and ``pymdownx.superfences`` render as code, so that no
            note reaches the page whichever renders it.
    """

    __slots__ = ("directives", "fences", "patterns", "strip_all")

    def __init__(
        self,
        patterns: Iterable[str] = DEFAULT_NOTE_PATTERNS,
        *,
        strip_all: bool = False,
        directives: Iterable[str] = DEFAULT_DIRECTIVES,
        fences: Fences = Fences.BOTH,
    ) -> None:
        self.patterns = tuple(fold(p) for p in patterns if p.strip())
        self.directives = tuple(fold(d.strip()) for d in directives if d.strip())
        self.strip_all = strip_all
        self.fences = fences

    def is_directive(self, inner: str) -> bool:
        """Whether the comment body ``inner`` is another tool's directive (whole names)."""
        head = fold(inner.strip())
        for name in self.directives:
            if not head.startswith(name):
                continue
            rest = head[len(name) :]
            if not rest or not name[-1].isalnum() or rest[0].isspace() or rest[0] == "/":
                return True
        return False

    def is_note(self, inner: str) -> bool:
        """Whether the comment body ``inner`` carries one of the note patterns."""
        folded = fold(inner)
        return any(p in folded for p in self.patterns)

    def removes(self, inner: str) -> bool:
        """Whether a comment with body ``inner`` must be removed."""
        if self.is_note(inner):
            return True
        return self.strip_all and not self.is_directive(inner)


#: Passes over a text whose removals keep changing what is code (each removes a comment).
_MAX_PASSES = 4


def strip_notes(
    text: str,
    sink: ProblemSink,
    matcher: NoteMatcher | None = None,
) -> NotesResult:
    """Remove internal notes from Markdown ``text``.

    A comment runs from ``<!--`` to the first ``-->`` of its paragraph: the paragraph ends at a
    blank line, a code line or the next ``<!--``.  When there is none:

    * a close that is almost ``-->`` (``–>``, ``—>``, ``‐>``, ``-- >``, ``--!>``, ...) ends the
      comment, reported as ``PRZ203``: ``--!>`` does close a comment in HTML and in
      Python-Markdown, but not for every tool, and the others are typos;
    * otherwise the comment is unclosed, reported as ``PRZ201``, and a note ends at the end of
      its paragraph, or before a heading that follows it.

    A comment never spreads over several paragraphs: a missing ``-->`` costs one paragraph at
    most, never the text and directives after it.  Linear in the length of ``text``.

    Removing a note can change what the renderer sees as code: a note that stood between an
    unclosed indented fence and a fence line (``pymdownx.superfences``) breaks the first
    block, and without it the fence line is consumed by that block.  So the text is read
    again after a removal, until nothing more is removed (a comment kept as code may now be
    outside it).  Comments removed in one pass are gone from the next: nothing is reported
    twice.

    Args:
        text: Markdown with ``\\n`` line endings.
        sink: Where problems are reported (unclosed and almost-closed comments).
        matcher: Which comments to remove; the default removes Prizm's notes only.

    Returns:
        The cleaned text, the notes found and how many comments were removed.
    """
    matcher = matcher or NoteMatcher()
    result = _strip_once(text, sink, matcher)
    for _ in range(_MAX_PASSES - 1):
        if not result.removed or "<!--" not in result.text:
            break
        again = _strip_once(result.text, sink, matcher)
        if not again.removed:
            break
        result = NotesResult(again.text, result.notes + again.notes, result.removed + again.removed)
    return result


def _strip_once(text: str, sink: ProblemSink, matcher: NoteMatcher) -> NotesResult:
    """One pass of [`strip_notes`][mkdocs_prizm.core.comments.strip_notes]."""
    # A one-character search first: most texts hold no "<" at all.
    if "<" not in text or "<!--" not in text:
        return NotesResult(text, (), 0)
    # The lines are split only to locate code blocks; otherwise each line holding a comment
    # is cut out of the text on its own.
    code = code_flags(text.split("\n"), matcher.fences) if may_have_code_blocks(text) else None
    cuts: list[tuple[int, int, str]] = []
    notes: list[InternalNote] = []
    resume_at = 0  # absolute offset before which scanning is done
    chained_at = -1  # an unclosed comment ended at this offset, the next "<!--": not reported

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
            end, unclosed = _end_of_comment(
                text,
                begin,
                index=index,
                code=code,
                matcher=matcher,
                sink=sink if begin != chained_at else None,
                col=col,
            )
            chained_at = end if unclosed else -1
            inner = text[begin + 4 : end]
            inner = inner[:-3] if inner.endswith("-->") else inner
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


def _end_of_comment(
    text: str,
    begin: int,
    *,
    index: int,
    code: list[bool] | None,
    matcher: NoteMatcher,
    sink: ProblemSink | None,
    col: int,
) -> tuple[int, bool]:
    """Where the comment opened at ``begin`` (line ``index``) ends, and whether it is unclosed.

    A faulty close is reported to ``sink``; an unclosed comment that another ``<!--`` right
    after it cuts short belongs to the same fault, and is given no sink.
    """
    limit = text.find("<!--", begin + 4)
    if limit < 0:
        limit = len(text)
    region = _end_of_paragraph(text, begin, index, code, limit)
    close = text.find("-->", begin + 4, region)
    if close >= 0:
        return close + 3, False
    almost = RE_ALMOST_CLOSE.search(text, begin + 4, region)
    if almost is not None:
        at_line = index + 1 + text.count("\n", begin, almost.start())
        at_col = almost.start() - text.rfind("\n", 0, almost.start())
        if sink is not None:
            sink.warning(
                "PRZ203",
                f"HTML comment closed with {almost.group(0)!r} instead of '-->'; it is taken as "
                "its end",
                at_line,
                at_col,
            )
        return almost.end(), False
    heading = RE_HEADING_LINE.search(text, begin, region)
    end = heading.start() - 1 if heading is not None else region
    inner = text[begin + 4 : end]
    unclosed = end == limit
    if sink is None:
        return end, unclosed
    if matcher.removes(inner):
        sink.warning(
            "PRZ201",
            "internal note opened here is never closed with '-->'; it was removed to the end "
            "of its paragraph and the text after it is published",
            index + 1,
            col + 1,
        )
        return end, unclosed
    sink.warning(
        "PRZ201",
        "HTML comment opened here is never closed with '-->'; it is published as text",
        index + 1,
        col + 1,
    )
    return end, unclosed


def _end_of_paragraph(
    text: str, begin: int, index: int, code: list[bool] | None, limit: int
) -> int:
    """Offset of the end of the paragraph holding ``begin`` (line ``index``), at most ``limit``.

    The paragraph ends before a blank line or a code line (the newline before it is the end).
    """
    pos = text.find("\n", begin, limit)
    while pos >= 0:
        index += 1
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt >= 0 else len(text)]
        if not line.strip() or (code is not None and code[index]):
            return pos
        if nxt < 0 or nxt >= limit:
            return limit
        pos = nxt
    return limit


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
