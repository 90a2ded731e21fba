"""Find the inline citations of an article and the entry each one cites.

Citation forms found in Prizm articles:

* ``(Source : CCI Provence-Alpes-Côte d'Azur)``, ``[Source: Clotilde.ai]``;
* lists: ``(Sources : A, B)`` and the italic line ``*Sources : Clotilde.ai, Swiftask.ai, ...*``;
* superscript numbers right after a word or punctuation (``européen¹``, ``⁸.``, ``¹⁰``), only
  when the sources section itself uses the superscript form (``¹ Eurostat (2025). ...``).

Names are matched to entries by [`CitationMatcher`][mkdocs_prizm.core.citations.CitationMatcher].
For a list, the whole text is tried first (a title may contain commas), then each
comma-separated name.  Only the lines that may hold a citation are looked at, so the work is
linear in the size of the article.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from mkdocs_prizm.core.article import Citation, SourcesSection
from mkdocs_prizm.core.citations.matcher import CitationMatcher
from mkdocs_prizm.core.fences import code_flags, may_have_code_blocks
from mkdocs_prizm.core.markdown_scan import code_spans, find_all, lines_at
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.sources import superscript_value

__all__ = ["locate_citations"]

#: ``(Source : Name)`` / ``[Sources: A, B]``; the closing bracket is checked to pair the opening.
RE_BRACKET_CITATION = re.compile(
    r"([(\[])[ \t]*(?:\*\*|__|\*|_)?(sources?)(?:\*\*|__|\*|_)?[ \t]*:([^()\[\]\n]{1,300})([)\]])",
    re.IGNORECASE,
)
#: ``*Sources : A, B, C*`` (italic, on one line).
#: The opening mark comes first in the pattern, then a lookbehind checks the character before
#: it: the regex engine skips to the marks instead of trying the lookbehind everywhere.
RE_ITALIC_CITATION = re.compile(
    r"([*_])(?<![*\w].)(sources?)[ \t]*:([^*_\n]{1,500})\1(?![*\w])", re.IGNORECASE
)
#: Superscript numbers right after a non-space character.  The first digit comes first in the
#: pattern (the lookbehind then checks the character before it): the regex engine skips to the
#: digits instead of trying the lookbehind at every position of the article.
RE_SUPERSCRIPT_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹](?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]*")
#: Leading superscript digits of a superscript-form entry.
RE_LEADING_SUPERSCRIPT = re.compile(r"[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")

_PAIRS = {"(": ")", "[": "]"}


@dataclass(slots=True)
class _Found:
    """One cited name in a line: its span and, after matching, its entry."""

    start: int
    end: int
    name: str
    superscript: bool = False


def _trim(content: str, base: int) -> _Found | None:
    stripped = content.strip()
    if not stripped:
        return None
    lead = len(content) - len(content.lstrip())
    return _Found(base + lead, base + lead + len(stripped), stripped)


#: One name of a citation list, between commas or semicolons (white space around it included).
RE_LIST_PART = re.compile(r"[^,;]+")


def _split_names(content: str, base: int) -> Iterator[_Found]:
    """Yield the comma/semicolon-separated names of a citation list with their offsets."""
    for match in RE_LIST_PART.finditer(content):
        found = _trim(match.group(), base + match.start())
        if found is not None:
            yield found


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


@dataclass(slots=True)
class _Linker:
    section: SourcesSection | None
    superscripts: dict[int, int]
    built: CitationMatcher | None = None
    counts: dict[int, int] = field(default_factory=dict)
    ids: dict[int, list[str]] = field(default_factory=dict)
    unmatched: dict[str, None] = field(default_factory=dict)
    found: list[Citation] = field(default_factory=list)

    @property
    def matcher(self) -> CitationMatcher:
        """The section's keys, computed when a first name is to be matched."""
        if self.built is None:
            self.built = CitationMatcher.for_section(self.section)
        return self.built

    def cite(self, number: int, line: int, start: int, end: int, superscript: bool) -> None:
        """Record one citation of entry ``number`` at ``line`` (1-based), columns start..end."""
        k = self.counts.get(number, 0) + 1
        self.counts[number] = k
        citation = Citation(line, start, end, number, k, superscript)
        self.ids.setdefault(number, []).append(citation.anchor)
        self.found.append(citation)


RE_HTML_LINK = re.compile(r"<a[\s>].*?</a\s*>", re.IGNORECASE)
RE_SQUARE_BRACKET = re.compile(r"[\[\]]")


def _link_text_spans(line: str) -> list[tuple[int, int]]:
    """The spans of the line's links: a citation there is not linked (links do not nest).

    Markdown links and images ``[text](url)``, reference links ``[text][ref]`` (brackets
    nested in the text are paired) and HTML anchors ``<a ...>text</a>``.
    """
    spans = [match.span() for match in RE_HTML_LINK.finditer(line)] if "<" in line else []
    opened: list[int] = []
    # Only the brackets are visited, found by the regex engine.
    for match in RE_SQUARE_BRACKET.finditer(line):
        at = match.start()
        if match.group() == "[":
            if at == 0 or line[at - 1] != "\\":
                opened.append(at)
        elif opened and line[at - 1] != "\\":
            start = opened.pop()
            if line[at + 1 : at + 2] in ("(", "["):
                spans.append((start, at + 1))
    return spans


def _names_in_line(line: str, skip: list[tuple[int, int]], linker: _Linker) -> list[_Found]:
    """Find cited names in one line, resolving list-vs-single-name for each citation."""
    found: list[_Found] = []
    for match in RE_BRACKET_CITATION.finditer(line):
        opener, closer = match.group(1), match.group(4)
        if _PAIRS[opener] != closer or _inside(match.start(), skip):
            continue
        if opener == "[" and line[match.end() : match.end() + 1] in {"(", "["}:
            continue  # `[Source: X](url)` is a link written by the author
        found.extend(_resolve(match.group(3), match.start(3), linker))
    for match in RE_ITALIC_CITATION.finditer(line):
        if _inside(match.start(), skip):
            continue
        found.extend(_resolve(match.group(3), match.start(3), linker))
    if linker.superscripts:
        for match in RE_SUPERSCRIPT_MARK.finditer(line):
            if not _inside(match.start(), skip):
                found.append(_Found(match.start(), match.end(), match.group(0), superscript=True))
    found.sort(key=lambda f: f.start)
    return found


#: Words that relay a source through another: in "Optimia citant Gartner", Optimia is cited.
RE_RELAY = re.compile(
    r"[ \t]*,?[ \t]+(?:citant|citée?s? par|reprenant|relayée?s? par|d['’]après|via|selon)[ \t]+",
    re.IGNORECASE,
)


def _resolve(content: str, base: int, linker: _Linker) -> list[_Found]:
    whole = _trim(content, base)
    if whole is None:
        return []
    if linker.matcher.match(whole.name) is not None:
        return [whole]
    relay = RE_RELAY.search(content)
    if relay is not None:  # the source the text relies on comes first
        head = _trim(content[: relay.start()], base)
        if head is not None and linker.matcher.match(head.name) is not None:
            return [head]
    return list(_split_names(content, base))


def _candidate_lines(body: str, superscripts: bool) -> list[tuple[int, int]]:
    """``(index, offset)`` of the lines holding "source" (any case) or a superscript digit."""
    positions = [*find_all(body, "ource"), *find_all(body, "OURCE")]
    if superscripts:
        positions.extend(m.start() for m in RE_SUPERSCRIPT_MARK.finditer(body))
    positions.sort()
    return list(lines_at(body, positions))


def _comment_ranges(body: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the HTML comments in ``body`` (an unclosed one runs on)."""
    ranges: list[tuple[int, int]] = []
    pos = body.find("<!--")
    while pos >= 0:
        close = body.find("-->", pos + 4)
        if close < 0:
            ranges.append((pos, len(body)))
            break
        ranges.append((pos, close + 3))
        pos = body.find("<!--", close + 3)
    return ranges


def _spans_in_line(
    ranges: list[tuple[int, int]], ends: list[int], start: int, length: int
) -> list[tuple[int, int]]:
    """The parts of ``ranges`` (whose ends are ``ends``) inside one line, as line columns."""
    spans: list[tuple[int, int]] = []
    stop = start + length
    for i in range(bisect.bisect_right(ends, start), len(ranges)):
        begin, end = ranges[i]
        if begin >= stop:
            break
        spans.append((max(begin, start) - start, min(end, stop) - start))
    return spans


def locate_citations(
    body: str,
    section: SourcesSection | None,
    sink: ProblemSink,
    *,
    line_offset: int = 0,
    lines: Sequence[str] | None = None,
    code_blocks: bool | None = None,
    code: Sequence[bool] | None = None,
) -> tuple[tuple[Citation, ...], SourcesSection | None, tuple[str, ...]]:
    """Find the citations of the text and the entry each one cites.

    ``(Source : CCI Provence-Alpes-Côte d'Azur)`` gives a
    [`Citation`][mkdocs_prizm.core.article.Citation] over the cited name; the renderer makes it
    a link to the entry (id ``prizm-cite-N-K``, the K-th citation of source N in reading order).

    Nothing is looked for inside fenced or indented code blocks, inline code spans, HTML
    comments, the text of a link (a citation there would nest one link in another) or the
    sources section itself.  A name that matches no entry is reported as ``PRZ401``: a warning
    when the section has entries, otherwise (no section, or a section without entries) an info.

    Args:
        body: The article's Markdown without front matter (same text as given to
            [`parse_sources`][mkdocs_prizm.core.sources.parse_sources]).
        section: The parsed sources section, or ``None``.
        sink: Where problems go; lines given to it are 1-based lines of ``body`` (the sink adds
            its own offset).
        line_offset: The offset used when parsing ``section`` (its lines are body lines plus
            this offset).
        lines: ``body.split("\\n")``, when the caller has it already (it is not changed).
        code_blocks: Whether ``body`` may hold code blocks, when the caller knows it
            ([`may_have_code_blocks`][mkdocs_prizm.core.fences.may_have_code_blocks]);
            found out here otherwise.
        code: One flag per line, true inside a code block, when the caller has them (with
            ``code_blocks`` true).

    Returns:
        ``(citations, section, unmatched)``: the citations in reading order (lines are body
        lines), the section whose entries list their citation ids, and the unmatched names
        (deduplicated, in order of appearance).
    """
    if lines is None:
        lines = body.split("\n")
    has_entries = section is not None and bool(section.entries)
    severity = Severity.WARNING if has_entries else Severity.INFO
    superscripts: dict[int, int] = {}
    protected = range(0)
    if section is not None:
        for entry in section.entries:
            if entry.form == "superscript":
                lead = RE_LEADING_SUPERSCRIPT.match(entry.raw)
                if lead:
                    superscripts.setdefault(superscript_value(lead.group(1)), entry.number)
        first = section.start_line - line_offset - 1
        protected = range(first, section.end_line - line_offset)
    linker = _Linker(section, superscripts)

    # Most lines cite nothing: the candidates are found with C-level substring searches, and
    # only they are looked at; code blocks and comments are located only when present.
    if "ource" not in body and "OURCE" not in body and not superscripts:
        return (), section, ()
    if code is None and (may_have_code_blocks(body) if code_blocks is None else code_blocks):
        code = code_flags(lines)
    # A one-character search first: most bodies hold no "<" at all once the notes are gone.
    comments = _comment_ranges(body) if "<" in body and "<!--" in body else []
    comment_ends = [end for _, end in comments]
    for index, start in _candidate_lines(body, bool(superscripts)):
        if (code is not None and code[index]) or index in protected:
            continue
        line = lines[index]
        if not (
            (":" in line and ("ource" in line or "OURCE" in line))
            or (superscripts and RE_SUPERSCRIPT_MARK.search(line))
        ):
            continue
        skip = code_spans(line)
        if "[" in line or "<a" in line:
            skip += _link_text_spans(line)
        if comments:
            skip += _spans_in_line(comments, comment_ends, start, len(line))
        found = _names_in_line(line, skip, linker)
        if not found:
            continue
        pos = 0
        for item in found:
            if item.start < pos:
                continue  # overlapping forms: the first one wins
            if item.superscript:
                number = superscripts.get(superscript_value(item.name))
            else:
                number = linker.matcher.match(item.name)
            if number is None:
                linker.unmatched.setdefault(item.name, None)
                sink.add(
                    severity,
                    "PRZ401",
                    f"citation «{item.name}» matches no entry of the sources section"
                    if section is not None
                    else f"citation «{item.name}» but the article has no sources section",
                    index + 1,
                    item.start + 1,
                )
                continue
            linker.cite(number, index + 1, item.start, item.end, item.superscript)
            pos = item.end

    new_section = section
    if section is not None and linker.ids:
        new_section = dataclasses.replace(
            section,
            entries=tuple(
                dataclasses.replace(e, citations=tuple(linker.ids.get(e.number, ())))
                if e.number in linker.ids
                else e
                for e in section.entries
            ),
        )
    return tuple(linker.found), new_section, tuple(linker.unmatched)
