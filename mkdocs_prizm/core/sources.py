"""Find and parse the "Sources et références" section of an article.

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

Every regular expression here is anchored or free of nested/adjacent unbounded quantifiers, and
every scan moves forward, so parsing is linear in the size of the section.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from mkdocs_prizm.core.article import Reliability, Source, SourceDate, SourcesSection, Tier
from mkdocs_prizm.core.dates import parse_date_text
from mkdocs_prizm.core.markdown_scan import may_have_fences
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.urls import is_safe_url

__all__ = [
    "DEFAULT_HEADINGS",
    "find_section",
    "heading_key",
    "normalise_name",
    "parse_reliability",
    "parse_sources",
    "plain_text",
    "reliability_tier",
    "superscript_value",
]

#: Headings that introduce a sources section (matched ignoring case, accents and punctuation).
DEFAULT_HEADINGS: tuple[str, ...] = (
    "Sources et références",
    "Sources & références",
    "Sources",
    "Sources and references",
    "Sources & references",
    "Références",
    "References",
)

#: An ATX heading: 1-6 ``#`` then a space/tab or the end of the line.
RE_ATX = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$")
#: A code fence opener (backticks or tildes).
RE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
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
#: A ``Fiabilité :`` / ``Reliability:`` label inside a line (the value follows the colon).
RE_RELIABILITY_LABEL = re.compile(
    r"(?:\*\*|__)?(?:fiabilit(?:é|e\u0301|e)|reliability)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?",
    re.IGNORECASE,
)
#: A score out of ten at the start of a value: ``8/10``, ``7,5 / 10``, ``-3/10``.
RE_SCORE = re.compile(r"([+-]?\d{1,6}(?:[.,]\d{1,6})?)[ \t]*/[ \t]*10(?![\d.,]*\d)")
#: A bare URL inside text.
RE_BARE_URL = re.compile(r"(?:https?|ftp|file|javascript|data|vbscript)://?[^\s<>\[\]]+", re.I)
#: Markdown emphasis markers to drop from plain-text fields.
RE_STRONG = re.compile(r"\*\*|__")
#: A lone underscore used as emphasis (at a word boundary, never inside ``snake_case``).
RE_UNDERSCORE_EMPHASIS = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
#: A backslash escape of ASCII punctuation.
RE_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: Escaped punctuation parked in the private use area by ``plain_text``.
_ESCAPE_BASE = 0xE000
RE_PARKED = re.compile("[\ue021-\ue07e]")
#: A character plain_text may change besides white space (escapes, links, emphasis, code,
#: and the private-use characters it parks escapes in).
RE_MARKUP_CHAR = re.compile("[\\\\\\[*_`\ue021-\ue07e]")
#: Separators between a title and its type: `` - ``, `` – ``, `` — ``, `` | ``.
RE_TITLE_SEPARATOR = re.compile(r"[ \t]+[-–—|][ \t]+")

_SUPERSCRIPT_DIGITS = {c: i for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}
_SEPARATORS = " \t-–—:|,;."
_DATE_MARKERS = (" du ", " le ", " of ", " on ", " from ", " dated ")

_DATE_KEYS = frozenset(
    {"date", "publie le", "publie", "date de publication", "publication", "published"}
)
_URL_KEYS = frozenset({"url", "lien", "link", "adresse", "lien url", "source url"})
_RELIABILITY_KEYS = frozenset(
    {
        "fiabilite",
        "reliability",
        "fiabilite de la source",
        "score de fiabilite",
        "note de fiabilite",
        "indice de fiabilite",
    }
)
_KIND_KEYS = frozenset({"type", "kind", "format", "nature"})
_TITLE_KEYS = frozenset({"titre", "title", "nom", "name"})
_MAX_KEY_LENGTH = 40
_SHOW_LIMIT = 80

_SCORED_FORMS = frozenset({"numbered", "inline", "block"})


# --------------------------------------------------------------------------- text helpers


def _fold(text: str) -> str:
    """Case-fold and strip accents (NFKD without combining marks)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=8192)
def normalise_name(text: str) -> str:
    """Return a comparison key: plain text, folded, letters and digits separated by single spaces.

    Typographic apostrophes, punctuation and emphasis all become separators, so
    ``"CCI Provence-Alpes-Côte d’Azur"`` and ``"cci provence alpes cote d'azur"`` give the same
    key.

    Args:
        text: A name, title or heading.

    Returns:
        The key (possibly empty).
    """
    folded = _fold(plain_text(text))
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def heading_key(text: str) -> str:
    """Return the key a heading is matched on (the same as ``normalise_name``).

    Args:
        text: Heading text (``"Sources et références :"``).

    Returns:
        ``"sources et references"``.
    """
    return normalise_name(text)


RE_URL_STOP = re.compile(r"[() \t]")


@dataclass(slots=True)
class _LinkScanner:
    """Finds ``[label](url)`` links in one text, linearly (url scans are memoised)."""

    text: str
    _url_cache: dict[int, tuple[str, int] | None] = field(default_factory=dict)
    _next_close: int = -1

    def url_at(self, start: int) -> tuple[str, int] | None:
        """Parse the destination starting after ``](`` at ``start``; return (url, end)."""
        if start in self._url_cache:
            return self._url_cache[start]
        text = self.text
        depth = 0
        pos = start
        result: tuple[str, int] | None = None
        # Jump from one parenthesis or space to the next instead of stepping through the URL.
        while (stop := RE_URL_STOP.search(text, pos)) is not None:
            c = stop.group()
            i = stop.start()
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    result = (text[start:i].strip().strip("<>"), i + 1)
                    break
                depth -= 1
            else:
                # A link title may follow: `[a](url "title")`.
                close = text.find(")", i)
                if close != -1:
                    result = (text[start:i].strip("<>"), close + 1)
                break
            pos = i + 1
        self._url_cache[start] = result
        return result

    def link_at(self, index: int) -> tuple[str, str, int] | None:
        """Parse a link whose ``[`` is at ``index``; return (label, url, end) or ``None``."""
        if self._next_close < index:
            self._next_close = self.text.find("]", index)
            if self._next_close == -1:
                self._next_close = len(self.text) + 1
                return None
        close = self._next_close
        if close > len(self.text) or self.text[close + 1 : close + 2] != "(":
            return None
        found = self.url_at(close + 2)
        if found is None:
            return None
        url, end = found
        return self.text[index + 1 : close], url, end


def _replace_links(text: str) -> tuple[str, str]:
    """Replace Markdown links by their labels; return (text, first url)."""
    if "[" not in text:
        return text, ""
    scanner = _LinkScanner(text)
    parts: list[str] = []
    first_url = ""
    pos = 0
    search = 0
    while True:
        index = text.find("[", search)
        if index == -1:
            break
        found = scanner.link_at(index)
        if found is None:
            search = index + 1
            continue
        label, url, end = found
        # `![alt](src)` images become their alt text too.
        start = index - 1 if index > 0 and text[index - 1] == "!" else index
        parts.append(text[pos:start])
        parts.append(label)
        if not first_url:
            first_url = url
        pos = search = end
    parts.append(text[pos:])
    return "".join(parts), first_url


def plain_text(text: str) -> str:
    """Turn a Markdown fragment into plain text.

    Links become their label, emphasis markers (``**``, ``__``, ``*``, ``_`` at word boundaries)
    and backticks are dropped, backslash escapes are resolved, whitespace is collapsed.  HTML is
    *not* removed: the result is text, escaped by whoever renders it.

    Args:
        text: Markdown inline text.

    Returns:
        The plain text.
    """
    if RE_MARKUP_CHAR.search(text) is None:  # most titles, types and dates: nothing to remove
        return " ".join(text.split())
    # Escaped punctuation is parked in the private use area while markers are removed.
    text = RE_ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)
    text, _ = _replace_links(text)
    text = RE_STRONG.sub("", text)
    text = text.replace("*", "").replace("`", "")
    text = RE_UNDERSCORE_EMPHASIS.sub("", text)
    text = RE_PARKED.sub(lambda m: chr(ord(m.group(0)) - _ESCAPE_BASE), text)
    return " ".join(text.split())


def _first_url(text: str) -> str:
    """Return the URL of a value: a Markdown link's target, ``<url>`` or the text itself."""
    value = text.strip().strip("*_").strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1].strip()
    if "](" in value:
        _, url = _replace_links(value)
        if url:
            return url
    return value


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


def _show(value: str) -> str:
    """Quote a value for a message: control characters escaped, long values shortened."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in value)
    if len(shown) > _SHOW_LIMIT:
        shown = shown[: _SHOW_LIMIT - 1] + "…"
    return f"'{shown}'"


def _indent_width(line: str) -> int:
    width = 0
    for c in line:
        if c == " ":
            width += 1
        elif c == "\t":
            width += 4 - width % 4
        else:
            break
    return width


# --------------------------------------------------------------------------- section finding


def _atx_heading(line: str) -> tuple[int, str] | None:
    match = RE_ATX.match(line)
    if not match:
        return None
    text = match.group(2).strip()
    # Optional closing sequence: spaces then #'s at the end.
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped.rstrip()
    return len(match.group(1)), text


_HEADING_OR_FENCE_START = frozenset("#`~ \t")


@functools.lru_cache(maxsize=16)
def _heading_keys(headings: tuple[str, ...]) -> frozenset[str]:
    """The keys of the accepted headings, computed once per configuration."""
    return frozenset(key for key in map(heading_key, headings) if key)


def find_section(
    lines: Sequence[str], headings: Iterable[str] = DEFAULT_HEADINGS, *, text: str | None = None
) -> tuple[int, int, int, str] | None:
    r"""Locate the sources section among the lines of an article.

    Headings are ATX headings (``## Sources``) whose text, ignoring case, accents, emphasis and
    punctuation, equals one of ``headings``.  Headings inside fenced code blocks (backticks or
    tildes) are ignored.  When several match, the **last** one wins.  The section runs until the
    next ATX heading of the same or a higher level (smaller number), or the end of the text.

    Args:
        lines: The lines of the article body (without newlines; a trailing ``\r`` is ignored).
        headings: Accepted heading texts.
        text: The text the lines were split from, when the caller has it: without fences,
            only the lines holding a ``#`` are looked at, from the end, found by substring
            search.

    Returns:
        ``(start, end, level, heading)``: 0-based index of the heading line, index after the
        section's last line, heading level and heading text as written; ``None`` if absent.
    """
    keys = _heading_keys(tuple(headings))
    if text is not None and not may_have_fences(text):
        return _last_section(text, lines, keys)
    found: tuple[int, int, str] | None = None
    end = len(lines)
    for index, line in _outside_fences(lines):
        heading = _atx_heading(line)
        if heading is None:
            continue
        level, heading_text = heading
        if heading_key(heading_text) in keys:
            found = (index, level, heading_text)
            end = len(lines)
        elif found is not None and end == len(lines) and level <= found[1]:
            end = index
    if found is None:
        return None
    return found[0], end, found[1], found[2]


def _last_section(
    text: str, lines: Sequence[str], keys: frozenset[str]
) -> tuple[int, int, int, str] | None:
    """``find_section`` for a text without fences, reading its headings from the end.

    The lines holding a ``#`` are found by searching backwards, one line at a time; the walk
    stops at the first heading that matches (the last one of the text), so the headings before
    the sources section, usually most of them, are never parsed.
    """
    index = len(lines) - 1  # the line holding offset ``counted_from``
    counted_from = len(text)
    later: list[tuple[int, int]] = []  # headings after the walk's position, nearest last
    at = text.rfind("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        index -= text.count("\n", start, counted_from)
        counted_from = start
        line = lines[index].rstrip("\r")
        heading = _atx_heading(line) if line.lstrip(" ")[:1] == "#" else None
        if heading is not None:
            level, heading_text = heading
            if heading_key(heading_text) in keys:
                end = next((i for i, lv in reversed(later) if lv <= level), len(lines))
                return index, end, level, heading_text
            later.append((index, level))
        at = text.rfind("#", 0, start)
    return None


def _outside_fences(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """The lines outside fenced code that may be headings (``#`` or indentation first)."""
    fence_char = ""
    fence_len = 0
    for index, raw in enumerate(lines):
        if not fence_char and raw[:1] not in _HEADING_OR_FENCE_START:
            continue
        line = raw.rstrip("\r")
        if fence_char:
            stripped = line.strip()
            if (
                _indent_width(line) <= 3
                and stripped.startswith(fence_char * fence_len)
                and not stripped.strip(fence_char)
            ):
                fence_char = ""
            continue
        fence = RE_FENCE.match(line)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            fence_char = fence.group(1)[0]
            fence_len = len(fence.group(1))
            continue
        yield index, line


# --------------------------------------------------------------------------- reliability


def parse_reliability(value: str) -> tuple[Reliability, str]:
    """Parse a reliability value such as ``"8/10"``, ``"7,5 / 10 (source institutionnelle)"``.

    Args:
        value: The text after ``Fiabilité :``.

    Returns:
        ``(reliability, status)`` where status is ``"ok"``, ``"missing"`` (empty value),
        ``"range"`` (a number outside 0..10) or ``"nan"`` (not a number out of ten).  Only
        ``"ok"`` carries a score; the others are unrated, never clamped.
    """
    text = value.strip().strip("*_").strip()
    if not text:
        return Reliability(), "missing"
    match = RE_SCORE.match(text)
    if not match:
        return Reliability(score=None, raw=text), "nan"
    raw = match.group(0)
    note = text[match.end() :].lstrip("*_").strip().lstrip(_SEPARATORS).strip()
    if note.startswith("(") and note.endswith(")"):
        note = note[1:-1].strip()
    note = plain_text(note)
    score = float(match.group(1).replace(",", "."))
    if not 0.0 <= score <= 10.0:
        return Reliability(score=None, raw=raw, note=note), "range"
    return Reliability(score=score, raw=raw, note=note), "ok"


def reliability_tier(
    score: float | None, thresholds: tuple[float, float, float] = (9.0, 7.0, 5.0)
) -> Tier:
    """Map a score to its tier.

    Args:
        score: The score out of 10, or ``None``.
        thresholds: Minimum scores for very-high, high and medium.

    Returns:
        ``VERY_HIGH`` (≥ 9), ``HIGH`` (≥ 7), ``MEDIUM`` (≥ 5), ``LOW``; ``UNRATED`` for ``None``.
    """
    if score is None:
        return Tier.UNRATED
    very_high, high, medium = thresholds
    if score >= very_high:
        return Tier.VERY_HIGH
    if score >= high:
        return Tier.HIGH
    if score >= medium:
        return Tier.MEDIUM
    return Tier.LOW


# Entries repeat their scores and dates from one article to the next ("8/10", "22/05/2025").
# The parsed values are immutable, so equal texts share one object: less parsing, and fewer
# objects kept in every page's article for the garbage collector to walk on large sites.
_entry_reliability = functools.lru_cache(maxsize=128)(parse_reliability)
_entry_date = functools.lru_cache(maxsize=512)(parse_date_text)

# --------------------------------------------------------------------------- block splitting


@dataclass(slots=True)
class _Block:
    """Consecutive lines of the section: an entry (with its form) or a paragraph."""

    start: int
    form: str  # numbered, block, superscript, link, or "" for a paragraph
    indent: int = 0
    number: int | None = None
    header: str = ""
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
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
    compact = line.replace(" ", "").replace("\t", "")
    return len(compact) >= 3 and compact.count(first) == len(compact)


#: Bullets an entry's first line can start with (after its indentation).
_BULLETS = "-*+•"
#: Emphasis characters that may open ``**Source 1**`` after a bullet.
_EMPHASIS = "*_"


def _link_entry(content: str) -> bool:
    text = content.lstrip("*_")
    if not text.startswith("["):
        return False
    return _LinkScanner(text).link_at(0) is not None


def _entry_start(line: str, current: _Block | None) -> _Block | None:
    """Classify ``line`` as the start of an entry, given the entry being read (if any).

    The first characters choose the patterns worth trying: a bullet line (most of them are an
    entry's ``- Date : ...`` lines) is matched against a pattern only when what follows the
    bullet, or its indentation, allows one.
    """
    stripped = line.lstrip(" \t")
    first = stripped[:1]
    if first in _BULLETS and first:
        indent = _indent_width(line)
        after = stripped[1:].lstrip(" \t")[:1]
        if after.isdecimal():
            match = RE_NESTED_NUMBERED.match(line)
            if match:
                return _Block(0, "numbered", indent, int(match.group(1)), match.group(2))
        elif after in _EMPHASIS and after:
            match = RE_BLOCK.match(line)
            if match:
                return _Block(0, "block", indent, int(match.group(1)), match.group(2))
        nested_limit = current.indent if current is not None and current.form else 3
        if indent <= nested_limit:
            match = RE_BULLET.match(line)
            if match and match.group(2) and _link_entry(match.group(2)):
                return _Block(0, "link", indent, None, match.group(2))
        return None
    if first.isdecimal():
        indent = _indent_width(line)
        nested_limit = current.indent if current is not None and current.form else 3
        match = RE_NUMBERED.match(line)
        if match and indent <= nested_limit and match.group(3) and match.group(3).strip():
            return _Block(0, "numbered", indent, int(match.group(2)), match.group(3))
        return None
    if first == "_":
        match = RE_BLOCK.match(line)
        if match:
            return _Block(0, "block", _indent_width(line), int(match.group(1)), match.group(2))
        return None
    if first in _SUPERSCRIPT_DIGITS:
        match = RE_SUPERSCRIPT.match(line)
        if match:
            value = superscript_value(match.group(1))
            return _Block(0, "superscript", _indent_width(line), value, match.group(2))
    return None


def _continues(current: _Block, line: str, after_blank: bool) -> bool:
    """Whether a non-blank, non-entry line belongs to the block being read."""
    if not after_blank:
        return True
    return bool(current.form) and _indent_width(line) > current.indent


def _split_blocks(lines: Sequence[str], first: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
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
            current = _Block(index, "", lines=[line])
            blocks.append(current)
        pending_blank = False
    return blocks


# --------------------------------------------------------------------------- entry parsing


@dataclass(slots=True)
class _Fields:
    title: str = ""
    kind: str = ""
    url: str = ""
    has_url_key: bool = False
    date_text: str | None = None
    reliability_text: str | None = None
    description: list[str] = field(default_factory=list)
    date: SourceDate | None = None
    #: Body line of the sub-line that gave each field ("date", "url", "reliability").
    lines: dict[str, int] = field(default_factory=dict)


def _cut_reliability(text: str, fields: _Fields) -> str:
    """Remove a ``(Fiabilité : 8/10)`` or trailing ``Fiabilité : 8/10`` from a header."""
    match = RE_RELIABILITY_LABEL.search(text)
    if match is None:
        return text
    before = text[: match.start()].rstrip()
    if before.endswith("("):
        depth = 0
        end = len(text)
        for i in range(match.end(), len(text)):
            c = text[i]
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    end = i
                    break
                depth -= 1
        value = text[match.end() : end]
        remainder = before[:-1].rstrip() + " " + text[end + 1 :].strip()
    else:
        value = text[match.end() :]
        remainder = before
    if fields.reliability_text is None:
        fields.reliability_text = value.strip()
    else:
        fields.description.append(plain_text(text[match.start() :]))
    return remainder.strip()


def _split_title(text: str) -> tuple[str, str, str]:
    """Split ``**Title** - Type`` / ``[Title](url) - Type`` / ``Title - Type``.

    Returns:
        ``(title markdown, url, rest)``.
    """
    text = text.strip()
    for marker in ("**", "__"):
        if text.startswith(marker):
            close = text.find(marker, 2)
            if close > 2:
                inner = text[2:close]
                plain, url = _replace_links(inner)
                return plain, url, text[close + 2 :]
    if text.startswith("["):
        found = _LinkScanner(text).link_at(0)
        if found is not None:
            label, url, end = found
            return label, url, text[end:]
    if text.startswith(("*", "_")) and len(text) > 1 and text[1] not in "*_":
        close = text.find(text[0], 1)
        if close > 1:
            return text[1:close], "", text[close + 1 :]
    separator = RE_TITLE_SEPARATOR.search(text)
    if separator:
        return text[: separator.start()], "", text[separator.end() :]
    return text, "", ""


def _header_numbered(header: str, fields: _Fields) -> bool:
    """Parse a numbered/block header; return whether a reliability was on the line."""
    header = header.rstrip().rstrip("\\").rstrip()
    had_reliability = fields.reliability_text is not None
    header = _cut_reliability(header, fields)
    title, url, rest = _split_title(header)
    fields.title = plain_text(title)
    if url:
        fields.url = url
    fields.kind = plain_text(rest.strip().lstrip(_SEPARATORS))
    return fields.reliability_text is not None and not had_reliability


def _header_superscript(header: str, fields: _Fields) -> None:
    text = _cut_reliability(header.rstrip().rstrip("\\").rstrip(), fields)
    rest = ""
    paren = text.find("(")
    if paren > 0:
        close = text.find(")", paren)
        if close != -1:
            date = _entry_date(text[paren + 1 : close])
            if date.value is not None and not date.note:
                fields.title = plain_text(text[:paren])
                fields.date = date
                rest = text[close + 1 :]
    if not fields.title:
        if text.startswith(("**", "__", "[")):
            title, url, rest = _split_title(text)
            fields.title = plain_text(title)
            fields.url = url
        else:
            stop = text.find(". ")
            if stop > 0:
                fields.title, rest = plain_text(text[:stop]), text[stop + 1 :]
            else:
                fields.title = plain_text(text)
    rest = rest.strip().lstrip(_SEPARATORS)
    if rest:
        rest, url = _replace_links(rest)
        bare = RE_BARE_URL.search(rest)
        if not url and bare:
            url = bare.group(0).rstrip(".,;:")
            rest = rest[: bare.start()] + rest[bare.start() + len(url) :]
        if url and not fields.url:
            fields.url = url
        description = plain_text(rest).strip(" ,;:-–—")
        if description:
            fields.description.append(description)


def _header_link(header: str, fields: _Fields) -> None:
    text = header.strip().rstrip("\\").rstrip()
    wrapper = text[: len(text) - len(text.lstrip("*_"))]
    text = text[len(wrapper) :]
    found = _LinkScanner(text).link_at(0)
    if found is None:  # pragma: no cover - guarded by _link_entry
        return
    label, url, end = found
    fields.title = plain_text(label)
    fields.url = url
    rest = text[end:]
    if wrapper and rest.startswith(wrapper):
        rest = rest[len(wrapper) :]
    rest = _cut_reliability(rest, fields)
    rest = plain_text(rest.strip().lstrip(_SEPARATORS))
    if rest:
        fields.description.append(rest)


def _whole_link(text: str) -> bool:
    found = _LinkScanner(text).link_at(0)
    return found is not None and not text[found[2] :].strip()


def _sub_line(line: str, fields: _Fields, at: int = 0) -> None:
    """Apply one continuation line (``- Date : ...``) of an entry, found at body line ``at``."""
    text = line.strip()
    bullet = RE_BULLET.match(text)
    if bullet:
        text = (bullet.group(2) or "").strip()
    text = text.rstrip("\\").strip()
    if not text:
        return
    lowered = text.lower()
    if lowered.startswith(("http://", "https://", "<http", "www.")) or (
        text.startswith("[") and _whole_link(text)
    ):
        url = _first_url(text)
        if url and not fields.url:
            fields.url = url
            fields.lines["url"] = at
            return
    colon = text.find(":")
    if 0 < colon <= _MAX_KEY_LENGTH:
        key = normalise_name(text[:colon])
        value = text[colon + 1 :].strip().lstrip("*_").strip()
        if key in _DATE_KEYS and fields.date_text is None and fields.date is None:
            fields.date_text = value
            fields.lines["date"] = at
            return
        if key in _URL_KEYS and not fields.url:
            fields.has_url_key = True
            fields.url = _first_url(value) if value else ""
            fields.lines["url"] = at
            return
        if key in _RELIABILITY_KEYS and fields.reliability_text is None:
            fields.reliability_text = value
            fields.lines["reliability"] = at
            return
        if key in _KIND_KEYS and not fields.kind:
            fields.kind = plain_text(value)
            return
        if key in _TITLE_KEYS and not fields.title:
            fields.title = plain_text(value)
            return
    if fields.date_text is None and fields.date is None:
        date = parse_date_text(text)
        if date.value is not None and not date.note:
            fields.date = date
            return
        folded = text.casefold()
        for marker in _DATE_MARKERS:
            at = folded.find(marker)
            if 0 < at <= _MAX_KEY_LENGTH:
                date = parse_date_text(text[at + len(marker) :])
                if date.value is not None:
                    fields.date = date
                    prefix = plain_text(text[:at])
                    if not fields.kind:
                        fields.kind = prefix
                    else:
                        fields.description.append(prefix)
                    return
    fields.description.append(plain_text(text))


def _describe(number: int, title: str) -> str:
    if len(title) > _SHOW_LIMIT:
        title = title[: _SHOW_LIMIT - 1] + "…"
    return f"source {number} «{title}»" if title else f"source {number}"


@dataclass(slots=True)
class _Context:
    sink: ProblemSink
    line_offset: int


def _build_source(block: _Block, number: int, ctx: _Context) -> Source:
    where = block.start + 1  # the sink adds its own offset
    line = where + ctx.line_offset
    raw = block.text()
    fields = _Fields()
    form = block.form
    if form == "block":
        _header_numbered(block.header.strip().lstrip(_SEPARATORS), fields)
    elif form == "numbered":
        if _header_numbered(block.header, fields):
            form = "inline"
    elif form == "superscript":
        _header_superscript(block.header, fields)
    else:
        _header_link(block.header, fields)
    for index, sub in enumerate(block.lines[1:], start=1):
        _sub_line(sub, fields, where + index)
    at = fields.lines
    if not fields.title:
        ctx.sink.warning(
            "PRZ301",
            f"{_describe(number, '')}: could not find a title in {_show(raw)}; "
            "published as written",
            where,
        )
        return Source(number, "", raw=raw, structured=False, line=line, form="raw")
    name = _describe(number, fields.title)

    # Date
    date = fields.date
    if date is None and fields.date_text:
        date = _entry_date(fields.date_text)
    if date is not None and date.value is None:
        if date.raw:
            ctx.sink.warning(
                "PRZ304",
                f"{name}: date {_show(date.raw)} could not be understood; shown as written",
                at.get("date", where),
            )
        else:
            date = None

    # URL
    url = fields.url.strip()
    url_safe = bool(url) and is_safe_url(url)
    if not url:
        ctx.sink.info("PRZ307", f"{name}: no URL", at.get("url", where))
    elif not url_safe:
        ctx.sink.warning(
            "PRZ305",
            f"{name}: URL {_show(url)} is not a safe http(s) link; shown as inert text",
            at.get("url", where),
        )

    # Reliability
    reliability, status = _entry_reliability(fields.reliability_text or "")
    if status == "missing":
        severity = Severity.WARNING if form in _SCORED_FORMS else Severity.INFO
        ctx.sink.add(severity, "PRZ303", f"{name}: no reliability score; shown as unrated", where)
    elif status == "range":
        ctx.sink.warning(
            "PRZ302",
            f"{name}: reliability {_show(reliability.raw)} is out of range 0–10; shown as unrated",
            at.get("reliability", where),
        )
    elif status == "nan":
        ctx.sink.warning(
            "PRZ302",
            f"{name}: reliability {_show(reliability.raw)} is not a score out of 10; "
            "shown as unrated",
            at.get("reliability", where),
        )

    return Source(
        number=number,
        title=fields.title,
        kind=fields.kind,
        date=date,
        url=url,
        url_safe=url_safe,
        reliability=reliability,
        description=" ".join(d for d in fields.description if d),
        raw=raw,
        structured=True,
        line=line,
        form=form,
    )


def _raw_source(block: _Block, number: int, ctx: _Context) -> Source:
    where = block.start + 1  # the sink adds its own offset
    line = where + ctx.line_offset
    raw = block.text()
    ctx.sink.warning(
        "PRZ301",
        f"{_describe(number, '')}: {_show(raw)} is not a source entry; published as written",
        where,
    )
    return Source(number, "", raw=raw, structured=False, line=line, form="raw")


def _join(lines: Sequence[str]) -> str:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def parse_sources(
    body: str,
    sink: ProblemSink,
    *,
    headings: Iterable[str] = DEFAULT_HEADINGS,
    line_offset: int = 0,
    lines: Sequence[str] | None = None,
) -> SourcesSection | None:
    """Find the sources section of an article and parse its entries.

    Problems (``PRZ301``–``PRZ307``) are added to ``sink`` at the entry's line, with messages
    that name the entry (``source 2 «Dihnamic»: ...``).  Lines stored in the result
    (``Source.line``, ``start_line``, ``end_line``) are 1-based lines of ``body`` plus
    ``line_offset``; lines given to ``sink`` are 1-based lines of ``body`` (the sink applies
    its own ``line_offset``, so give it the same offset to get file lines in both).

    Args:
        body: The article's Markdown without front matter.
        sink: Where problems go.
        headings: Accepted section headings (see
            [`find_section`][mkdocs_prizm.core.sources.find_section]).
        line_offset: Added to the line numbers stored in the result.
        lines: ``body.split("\\n")``, when the caller has it already.

    Returns:
        The parsed section, or ``None`` when the article has no sources heading.
    """
    if lines is None:
        lines = body.split("\n")
    if "\r" in body:
        lines = [line.rstrip("\r") for line in lines]
    located = find_section(lines, headings, text=body)
    if located is None:
        return None
    start, end, level, heading = located
    ctx = _Context(sink, line_offset)
    blocks = _split_blocks(lines[start + 1 : end], start + 1)

    last_line = end - 1
    while last_line > start and not lines[last_line].strip():
        last_line -= 1

    entry_positions = [i for i, b in enumerate(blocks) if b.form]
    if not entry_positions:
        intro = _join(blocks[0].lines) if blocks else ""
        trailing = _join(lines[blocks[1].start : end]) if len(blocks) > 1 else ""
        return SourcesSection(
            heading=heading,
            level=level,
            intro=intro,
            trailing=trailing,
            start_line=start + 1 + line_offset,
            end_line=last_line + 1 + line_offset,
        )

    first, last = entry_positions[0], entry_positions[-1]
    intro = _join(lines[start + 1 : blocks[first].start])
    trailing = _join(lines[blocks[last + 1].start : end]) if last + 1 < len(blocks) else ""

    entries: list[Source] = []
    author_numbers: list[int] = []
    for block in blocks[first : last + 1]:
        number = len(entries) + 1
        if block.form:
            entries.append(_build_source(block, number, ctx))
            if block.number is not None:
                author_numbers.append(block.number)
        else:
            entries.append(_raw_source(block, number, ctx))

    if author_numbers != list(range(1, len(author_numbers) + 1)):
        shown = ", ".join(str(n) for n in author_numbers[:12])
        if len(author_numbers) > 12:
            shown += ", …"
        sink.warning(
            "PRZ306",
            f"sources are numbered {shown}: gaps or duplicates; renumbered 1..{len(entries)}",
            start + 1,
        )

    return SourcesSection(
        heading=heading,
        level=level,
        intro=intro,
        entries=tuple(entries),
        trailing=trailing,
        start_line=start + 1 + line_offset,
        end_line=last_line + 1 + line_offset,
    )
