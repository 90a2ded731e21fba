"""Link inline citations to the entries of the sources section.

Citation forms found in Prizm articles:

* ``(Source : CCI Provence-Alpes-Côte d'Azur)``, ``[Source: Clotilde.ai]``;
* lists: ``(Sources : A, B)`` and the italic line ``*Sources : Clotilde.ai, Swiftask.ai, ...*``;
* superscript numbers right after a word or punctuation (``européen¹``, ``⁸.``, ``¹⁰``), only
  when the sources section itself uses the superscript form (``¹ Eurostat (2025). ...``).

A name is matched against the entries' titles, ignoring case, accents, punctuation and the kind
of apostrophe, in this order of preference (the first entry by number wins within a rule):

1. exact: the citation equals the title, or the title without its type suffix
   (``"CCI Provence-Alpes-Côte d’Azur – Article"`` is cited as
   ``"CCI Provence-Alpes-Côte d'Azur"``) or without a trailing parenthesis;
2. compact: letters and digits only, the citation equals the title's or the URL's host
   (``"InformatiqueNews"`` → ``"Informatique News"``, ``"Juwa.co"`` → ``[Juwa](https://juwa.co)``);
3. word prefix: the citation starts the title at a word boundary (``"DFM"`` → ``"DFM.fr"``,
   ``"Bpifrance Big Media"`` → ``"Bpifrance Big Media - Nouvelles tendances IA 2026"``);
4. compact prefix (three characters at least): ``"BPI France"`` → ``"Bpifrance Le Lab"``.

For a list, the whole text is tried first (a title may contain commas), then each
comma-separated name.  Keys are computed once per article, lookups are dictionary hits, so the
work is linear in the size of the article.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from mkdocs_prizm.core.article import SourcesSection
from mkdocs_prizm.core.markdown_scan import code_spans, iter_lines, may_have_code_blocks
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.sources import RE_TITLE_SEPARATOR, normalise_name, superscript_value

__all__ = ["CitationMatcher", "link_citations"]

#: ``(Source : Name)`` / ``[Sources: A, B]``; the closing bracket is checked to pair the opening.
RE_BRACKET_CITATION = re.compile(
    r"([(\[])[ \t]*(?:\*\*|__|\*|_)?(sources?)(?:\*\*|__|\*|_)?[ \t]*:([^()\[\]\n]{1,300})([)\]])",
    re.IGNORECASE,
)
#: ``*Sources : A, B, C*`` (italic, on one line).
RE_ITALIC_CITATION = re.compile(
    r"(?<![*\w])([*_])(sources?)[ \t]*:([^*_\n]{1,500})\1(?![*\w])", re.IGNORECASE
)
#: Superscript numbers right after a non-space character.
RE_SUPERSCRIPT_MARK = re.compile(r"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
#: Leading superscript digits of a superscript-form entry.
RE_LEADING_SUPERSCRIPT = re.compile(r"[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")

_WORD_PREFIX_LIMIT = 200
_COMPACT_PREFIX_MIN = 3
_COMPACT_PREFIX_LIMIT = 60
_PAIRS = {"(": ")", "[": "]"}


def _compact(key: str) -> str:
    return key.replace(" ", "")


def _variants(title: str) -> list[str]:
    """The title, the title without a type suffix, without a trailing parenthesis."""
    variants = [title]
    separator = RE_TITLE_SEPARATOR.search(title)
    if separator:
        variants.append(title[: separator.start()])
    stripped = title.rstrip()
    if stripped.endswith(")") and "(" in stripped:
        variants.append(stripped[: stripped.rfind("(")])
    return variants


@dataclass(slots=True)
class CitationMatcher:
    """Normalised keys of a section's entries, computed once, and the matching rules.

    Attributes:
        exact: Normalised title (and title variants) → first entry number.
        compact: Compact title or URL host → first entry number.
        word_prefix: Word-boundary prefixes of the titles → first entry number.
        compact_prefix: Prefixes (3..60 characters) of the compact titles → first entry number.
    """

    exact: dict[str, int] = field(default_factory=dict)
    compact: dict[str, int] = field(default_factory=dict)
    word_prefix: dict[str, int] = field(default_factory=dict)
    compact_prefix: dict[str, int] = field(default_factory=dict)
    _long_titles: list[tuple[str, int]] = field(default_factory=list)
    _cache: dict[str, int | None] = field(default_factory=dict)

    @classmethod
    def for_section(cls, section: SourcesSection | None) -> CitationMatcher:
        """Build the keys for every structured entry of ``section``.

        Args:
            section: The parsed sources section, or ``None``.

        Returns:
            A matcher (empty when there is no section).
        """
        matcher = cls()
        if section is None:
            return matcher
        for entry in section.entries:
            if not entry.structured or not entry.title:
                continue
            for variant in _variants(entry.title):
                matcher._add_title(normalise_name(variant), entry.number)
            if entry.url_safe:
                host = (urlsplit(entry.url).hostname or "").removeprefix("www.")
                if host:
                    matcher.compact.setdefault(_compact(normalise_name(host)), entry.number)
        return matcher

    def _add_title(self, key: str, number: int) -> None:
        if not key:
            return
        self.exact.setdefault(key, number)
        compact = _compact(key)
        self.compact.setdefault(compact, number)
        words = key.split(" ")
        prefix = ""
        for word in words[:-1]:
            prefix = f"{prefix} {word}" if prefix else word
            if len(prefix) > _WORD_PREFIX_LIMIT:
                self._long_titles.append((key, number))
                break
            self.word_prefix.setdefault(prefix, number)
        for length in range(_COMPACT_PREFIX_MIN, min(len(compact), _COMPACT_PREFIX_LIMIT) + 1):
            self.compact_prefix.setdefault(compact[:length], number)

    def match(self, name: str) -> int | None:
        """Return the number of the entry that ``name`` cites, or ``None``.

        Args:
            name: The cited name as written (``"CCI Provence-Alpes-Côte d'Azur"``).

        Returns:
            The entry number (1-based), or ``None`` when no rule matches.
        """
        key = normalise_name(name)
        if key in self._cache:
            return self._cache[key]
        found = self._lookup(key) if key else None
        self._cache[key] = found
        return found

    def _lookup(self, key: str) -> int | None:
        if key in self.exact:
            return self.exact[key]
        compact = _compact(key)
        if compact in self.compact:
            return self.compact[compact]
        if key in self.word_prefix:
            return self.word_prefix[key]
        if len(key) >= _WORD_PREFIX_LIMIT:
            candidates = [n for t, n in self._long_titles if t.startswith(key + " ")]
            if candidates:
                return min(candidates)
        if _COMPACT_PREFIX_MIN <= len(compact) <= _COMPACT_PREFIX_LIMIT:
            return self.compact_prefix.get(compact)
        return None


@dataclass(slots=True)
class _Found:
    """One cited name in a line: its span and, after matching, its entry."""

    start: int
    end: int
    name: str
    superscript: bool = False


def _split_names(content: str, base: int) -> Iterator[_Found]:
    """Yield the comma/semicolon-separated names of a citation list with their offsets."""
    pos = 0
    for i in range(len(content) + 1):
        if i == len(content) or content[i] in ",;":
            part = content[pos:i]
            stripped = part.strip()
            if stripped:
                lead = len(part) - len(part.lstrip())
                start = base + pos + lead
                yield _Found(start, start + len(stripped), stripped)
            pos = i + 1


def _trim(content: str, base: int) -> _Found | None:
    stripped = content.strip()
    if not stripped:
        return None
    lead = len(content) - len(content.lstrip())
    return _Found(base + lead, base + lead + len(stripped), stripped)


def _comment_spans(line: str, in_comment: bool) -> tuple[list[tuple[int, int]], bool]:
    """Ranges of ``line`` inside HTML comments, and whether a comment is still open after it."""
    spans: list[tuple[int, int]] = []
    pos = 0
    if in_comment:
        close = line.find("-->")
        if close == -1:
            return [(0, len(line))], True
        spans.append((0, close + 3))
        pos = close + 3
    while True:
        start = line.find("<!--", pos)
        if start == -1:
            return spans, False
        close = line.find("-->", start + 4)
        if close == -1:
            spans.append((start, len(line)))
            return spans, True
        spans.append((start, close + 3))
        pos = close + 3


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


@dataclass(slots=True)
class _Linker:
    matcher: CitationMatcher
    superscripts: dict[int, int]
    counts: dict[int, int] = field(default_factory=dict)
    ids: dict[int, list[str]] = field(default_factory=dict)
    unmatched: dict[str, None] = field(default_factory=dict)

    def anchor(self, number: int, text: str, superscript: bool) -> str:
        k = self.counts.get(number, 0) + 1
        self.counts[number] = k
        cite_id = f"prizm-cite-{number}-{k}"
        self.ids.setdefault(number, []).append(cite_id)
        css = "prizm-cite prizm-cite--sup" if superscript else "prizm-cite"
        return f'<a class="{css}" id="{cite_id}" href="#prizm-source-{number}">{text}</a>'


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


def _resolve(content: str, base: int, linker: _Linker) -> list[_Found]:
    whole = _trim(content, base)
    if whole is None:
        return []
    if linker.matcher.match(whole.name) is not None:
        return [whole]
    return list(_split_names(content, base))


def _candidate_lines(body: str, lines: list[str], superscripts: bool) -> list[int]:
    """Indices of the lines holding "source" (any case) or a superscript digit, in order."""
    starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
    found: set[int] = set()
    for needle in ("ource", "OURCE"):
        at = body.find(needle)
        while at >= 0:
            found.add(bisect.bisect_right(starts, at) - 1)
            at = body.find(needle, at + 5)
    if superscripts:
        found.update(
            bisect.bisect_right(starts, m.start()) - 1 for m in RE_SUPERSCRIPT_MARK.finditer(body)
        )
    return sorted(found)


def link_citations(
    body: str,
    section: SourcesSection | None,
    sink: ProblemSink,
    *,
    line_offset: int = 0,
) -> tuple[str, SourcesSection | None, tuple[str, ...]]:
    """Wrap each cited name in a link to its source entry.

    ``(Source : CCI Provence-Alpes-Côte d'Azur)`` becomes
    ``(Source : <a class="prizm-cite" id="prizm-cite-1-1" href="#prizm-source-1">CCI
    Provence-Alpes-Côte d'Azur</a>)``; the author's text is kept as is inside the anchor (it is
    still Markdown).  Ids are ``prizm-cite-N-K``, the K-th citation of source N in reading order.
    Superscript markers get ``class="prizm-cite prizm-cite--sup"``.

    Nothing is changed inside fenced or indented code blocks, inline code spans, HTML comments
    or the sources section itself.  A name that matches no entry is left exactly as written and
    reported as ``PRZ401``: a warning when the section has entries, otherwise (no section, or a
    section without entries) an info.

    Args:
        body: The article's Markdown without front matter (same text as given to
            [`parse_sources`][mkdocs_prizm.core.sources.parse_sources]).
        section: The parsed sources section, or ``None``.
        sink: Where problems go; lines given to it are 1-based lines of ``body`` (the sink adds
            its own offset).
        line_offset: The offset used when parsing ``section`` (its lines are body lines plus
            this offset).

    Returns:
        ``(body, section, unmatched)``: the linked body, the section whose entries list their
        citation ids, and the unmatched names (deduplicated, in order of appearance).
    """
    has_entries = section is not None and bool(section.entries)
    severity = Severity.WARNING if has_entries else Severity.INFO
    matcher = CitationMatcher.for_section(section)
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
    linker = _Linker(matcher, superscripts)

    lines = body.split("\n")
    # Most lines cite nothing: find the candidates with C-level substring tests, and run the
    # code-block scanner and the comment tracker only when the article has code or comments.
    if "ource" not in body and "OURCE" not in body and not superscripts:
        return body, section, ()
    has_code = may_have_code_blocks(body)
    has_comments = "<!--" in body
    scanned: Iterator[tuple[int, str, bool]]
    if has_code or has_comments:
        # Code blocks and comments span lines: every line must go through the scanners.
        scanned = (
            ((ln.index, ln.text, ln.code) for ln in iter_lines(body))
            if has_code
            else ((index, line, False) for index, line in enumerate(lines))
        )
    else:
        scanned = (
            (index, lines[index], False)
            for index in _candidate_lines(body, lines, bool(superscripts))
        )
    in_comment = False
    changed = False
    for index, line, code in scanned:
        comments: list[tuple[int, int]] = []
        if has_comments:
            comments, in_comment = _comment_spans(line, in_comment)
        if code or index in protected:
            continue
        if not (
            (":" in line and ("ource" in line or "OURCE" in line))
            or (superscripts and RE_SUPERSCRIPT_MARK.search(line))
        ):
            continue
        skip = comments + code_spans(line)
        found = _names_in_line(line, skip, linker)
        if not found:
            continue
        pieces: list[str] = []
        pos = 0
        for item in found:
            if item.start < pos:
                continue  # overlapping forms: the first one wins
            if item.superscript:
                number = superscripts.get(superscript_value(item.name))
            else:
                number = matcher.match(item.name)
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
            pieces.append(line[pos : item.start])
            pieces.append(linker.anchor(number, line[item.start : item.end], item.superscript))
            pos = item.end
        if pos:
            pieces.append(line[pos:])
            lines[index] = "".join(pieces)
            changed = True

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
    new_body = "\n".join(lines) if changed else body
    return new_body, new_section, tuple(linker.unmatched)
