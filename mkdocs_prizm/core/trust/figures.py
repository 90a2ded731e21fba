"""Figures in the text and whether the paragraph holding them cites a source.

A *figure* is a claim a reader would want a source for: a percentage (``87 %``, ``87%``), an
amount of money (``1,5 M€``, ``300 000 euros``, ``2 milliards d'euros``, ``$5 billion``) or a
ratio (``3 fois plus``, ``3×``, ``×3``, ``multiplié par 4``).  Figures are found from their
markers (``%``, ``€``, ``$``, ``×``, ``euro``, ``dollar``, ``fois``, ``multipli``): a line
without one is never read further, which keeps the check cheap (the ASCII ``3x`` and ``pour
cent`` have no such marker and are left out).
``100 %`` is left out: it is far more often a way of speaking (``100 % français``) than a
statistic; so is a figure just after the word "budget" (``prévoyez un budget de 5 000 €``),
advice rather than a claim.

A *paragraph* is a run of consecutive non-blank lines of prose: lists and quotes count, as do
a table's body rows; headings, code blocks, HTML comments, thematic breaks, a table's header
and separator rows, a byline written in the text (``*Par ..., le ...*``) and the sources
section itself do not.  A paragraph *cites* when any of its lines holds a citation the locator
linked, a citation form it could not match (``(Source : X)`` reported as ``PRZ401``), a link
to a web page, a named attribution (``selon McKinsey``, ``d'après le Baromètre France Num``,
``(Info.gouv.fr)``, ``(Deloitte, 2025)``) or the name of one of the article's sources
(``Bpifrance Le Lab révèle que ...``): false alarms are kept rare by counting any of them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs_prizm.core.article import Source

__all__ = ["FigureParagraph", "figure_paragraphs", "find_figures", "source_names"]

_NUM = r"\d+(?:[ \u00a0\u202f.]\d{3})*(?:[.,]\d+)?"
_SP = r"[ \u00a0\u202f]?"
_SCALE = r"(?:k|K|M|Md|Mds|G|milliers?|millions?|milliards?|mille|billions?|thousand|million)"
#: What a figure ends on or starts with: only lines holding one of these are read further.
MARKERS = ("%", "€", "$", "×", "euro", "dollar", "fois", "ultipli")
#: The number (and scale) right before a marker: "87 ", "1,5 M", "2 milliards d'".
RE_BEFORE = re.compile(
    rf"(?<![\w.,/]){_NUM}{_SP}(?:{_SCALE}{_SP}(?:d['’]|de[ \u00a0])?)?$", re.IGNORECASE
)
RE_NUMBER_BEFORE = re.compile(rf"(?<![\w.,/]){_NUM}{_SP}$")
#: What follows a marker: "€300", "× 3"; "fois plus"; "multiplié par 4".
RE_NUMBER_AFTER = re.compile(rf"{_SP}{_NUM}(?:{_SP}{_SCALE}\b)?(?![\w,.]\d|[\w%€])")
RE_COMPARISON = re.compile(r"[ \u00a0]+(?:plus|moins|mieux|sup[ée]rieur|inf[ée]rieur)")
RE_MULTIPLIED = re.compile(rf"(?<![\w])multipli[ée]e?s?[ \u00a0]+par[ \u00a0]+{_NUM}", re.I)
_REACH = 40
_NUMBER_REACH = 24


def _has_marker(line: str) -> bool:
    return (
        "%" in line
        or "€" in line
        or "$" in line
        or "×" in line
        or "euro" in line
        or "fois" in line
        or "dollar" in line
        or "ultipli" in line
    )


RE_HUNDRED_PERCENT = re.compile(r"^100(?:[.,]0+)?\D")
#: Link targets and bare URLs, whose digits are not figures.
RE_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|<[^<>\n]*>")
#: A line that is not prose: a heading, a comment, a thematic break, a table separator row.
RE_NOT_PROSE = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|<!--|(?:[-*_][ \t]*){3,}$|\|?[ \t]*:?-+:?[ \t]*\|)"
)
#: A byline written into the text: a short italic line starting with "Par" / "By" / "Publié".
RE_BYLINE = re.compile(r"^[*_]{1,2}(?:Par|By|Publié|Published)\b[^\n]{0,120}[*_]{1,2}[ \t]*$")
#: A citation form (matched or not) or a link: the paragraph cites something.
RE_CITES = re.compile(r"sources?[ \t]*(?:\*\*|__|\*|_)?[ \t]*:", re.I)
RE_LINK = re.compile(r"https?://")
RE_CODE_SPAN = re.compile(r"(`+).*?\1")
#: A claim attributed to a named origin: "selon McKinsey", "d'après le Baromètre", "l'étude
#: Deloitte", "les données d'Epsilon" (the name starts with a capital letter).  Tried only where
#: one of ``_TRIGGERS`` is found.
RE_ATTRIBUTION = re.compile(
    r"(?i:(?:selon|d['’]apr[èe]s|according[ \t]+to|par|by|rapports?|[ée]tudes?|barom[èe]tres?"
    r"|enqu[êe]tes?|donn[ée]es|chiffres|statistiques|reports?|study|studies|surveys?|data)"
    r"[ \t]+(?:(?:le|la|les|l['’]|du|de|des|d['’]|the)[ \t]*)?"
    r"(?:(?:dernier|derni[èe]re|r[ée]cente?|latest|recent|annuel|annuelle)[ \t]+)?)"
    r"[A-ZÀ-Ý]"
)
_TRIGGERS = (
    "selon ", "après ", "apres ", "according ", "par ", "by ", "rapport", "tude", "barom",
    "enqu", "donn", "chiffres ", "statistiques ", "report", "stud", "survey", "data ",
)  # fmt: skip
#: A parenthesis naming a site or a year: "(Info.gouv.fr)", "(Deloitte, 2025)".
RE_PAREN_ATTRIBUTION = re.compile(
    r"\([^()\n]{0,60}(?:\.(?:fr|com|org|net|eu|io|ai|co|gouv)\b|\b(?:19|20)\d\d\b)[^()\n]{0,30}\)"
)
#: "La même source", "the same study": the previous paragraph's citation carries on.
RE_SAME = re.compile(r"(?i)\b(?:m[êe]mes?|same)[ \t]+(?:source|[ée]tude|rapport|study|report)")
#: A budget to plan is advice, not a statistic: "prévoyez un budget de 2 000 à 5 000 €".
RE_BUDGET = re.compile(r"(?i)budg[eé]t")
_BUDGET_REACH = 40

#: What separates the names in a source's title ("France Num / Bpifrance Le Lab").
RE_NAME_SEPARATOR = re.compile(r"[ \t]+(?:via|[-–—|/:])[ \t]+|[(,;/]")
RE_WORD_CHARS = re.compile(r"[^\W_]+")
_GENERIC_HOST_LABELS = frozenset({"www", "blog", "news", "fr", "com", "org", "gouv", "co"})


def _key(text: str) -> str:
    """A comparison key: case-folded, punctuation made spaces (accents are kept)."""
    return _folded_key(text.casefold())


def _folded_key(folded: str) -> str:
    """The key of a case-folded text: its runs of letters and digits, one space apart."""
    return " ".join(RE_WORD_CHARS.findall(folded))


def source_names(entries: Iterable[Source]) -> tuple[str, ...]:
    """Keys of the names a text may cite its sources by: titles' parts and sites' names.

    ``"Epsilon via Siècle Digital"`` gives ``epsilon`` and ``siecle digital``;
    ``https://lelab.bpifrance.fr/...`` gives ``bpifrance``.  Keys under three characters are
    left out.
    """
    names: set[str] = set()
    for source in entries:
        names.update(_key(part) for part in RE_NAME_SEPARATOR.split(source.title))
        names.add(_key(source.title))
        if source.url_safe:
            labels = (urlsplit(source.url.strip()).hostname or "").split(".")
            if len(labels) >= 2 and labels[-2] not in _GENERIC_HOST_LABELS:
                names.add(labels[-2])
    return tuple(sorted(n for n in names if len(n) >= 3))


def _attributed(text: str, names: Sequence[str]) -> bool:
    """Whether a paragraph names where its figures come from."""
    lowered = text.lower()
    for trigger in _TRIGGERS:
        at = lowered.find(trigger)
        while at >= 0:
            start = at
            while start > 0 and lowered[start - 1].isalpha():
                start -= 1  # "é" of "étude", "d'" of "d'après"
            if start > 1 and lowered[start - 1] in "'’":
                start -= 2
            if RE_ATTRIBUTION.match(text, start) is not None:
                return True
            at = lowered.find(trigger, at + 1)
    if "(" in text and RE_PAREN_ATTRIBUTION.search(text):
        return True
    if ("même" in lowered or "meme" in lowered or "same" in lowered) and RE_SAME.search(text):
        return True
    if names:
        # A name's words are all in the folded text whenever the name is in its key: the key
        # is made only for the paragraphs where that holds.
        folded = text.casefold()
        if any(all(word in folded for word in name.split(" ")) for name in names):
            key = f" {_folded_key(folded)} "
            return any(f" {name} " in key for name in names)
    return False


def _figure_at(line: str, at: int, marker: str) -> tuple[int, str] | None:
    """The figure around ``marker`` found at column ``at`` of ``line``, if it makes one."""
    before = line[max(0, at - _REACH) : at]
    after = at + len(marker)
    if marker == "%":
        before = line[max(0, at - _NUMBER_REACH) : at]
        found = RE_NUMBER_BEFORE.search(before)
        if found is None or line[after : after + 1].isalnum() or line[after : after + 1] == "%":
            return None
        number = found.group(0).rstrip()
        if RE_HUNDRED_PERCENT.match(number + "%"):
            return None
        return at - len(before) + found.start(), found.group(0) + "%"
    if marker in {"€", "$", "euro", "dollar"}:
        found = RE_BEFORE.search(before)
        if found is not None:
            end = after
            while end < len(line) and line[end].isalpha():
                end += 1
            return at - len(before) + found.start(), found.group(0) + line[at:end]
        if marker in {"€", "$"} and not line[at - 1 : at].isalnum():
            lead = RE_NUMBER_AFTER.match(line, after)
            if lead is not None:
                return at, line[at : lead.end()]
        return None
    if marker == "fois":
        found = RE_NUMBER_BEFORE.search(before)
        comparison = RE_COMPARISON.match(line, after)
        if found is None or comparison is None:
            return None
        return at - len(before) + found.start(), found.group(0) + line[at : comparison.end()]
    if marker == "×":
        found = RE_NUMBER_BEFORE.search(before)
        if found is not None and not line[after : after + 1].strip(" \u00a0").isdigit():
            return at - len(before) + found.start(), found.group(0) + "×"
        lead = RE_NUMBER_AFTER.match(line, after)
        return (at, line[at : lead.end()]) if lead is not None else None
    found = RE_MULTIPLIED.match(line, at - 1)  # "ultipli": the "m" is before it
    return (at - 1, found.group(0)) if found is not None else None


def find_figures(line: str) -> list[tuple[int, str]]:
    """The figures of one line of prose, as ``(column, text)`` (0-based columns).

    Examples:
        >>> find_figures("87 % des PME, soit 1,5 M€ ; 100 % en ligne")
        [(0, '87 %'), (19, '1,5 M€')]
    """
    present = [m for m in MARKERS if m in line]
    if not present:
        return []
    if "`" in line:
        line = RE_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    if "://" in line or "](" in line or "<" in line:
        line = RE_URL.sub(lambda m: " " * len(m.group(0)), line)
    budget = "udg" in line
    found: dict[int, str] = {}
    for marker in present:
        at = line.find(marker)
        while at >= 0:
            figure = _figure_at(line, at, marker)
            if figure is not None and not (
                budget and RE_BUDGET.search(line, max(0, figure[0] - _BUDGET_REACH), figure[0])
            ):
                column, text = figure
                found.setdefault(column, " ".join(text.split()))
            at = line.find(marker, at + len(marker))
    return sorted(found.items())


@dataclass(frozen=True, slots=True)
class FigureParagraph:
    """A paragraph holding figures.

    Attributes:
        line: 1-based line (of the lines given) of the first figure.
        column: 0-based column of the first figure on that line.
        figures: The figures, in reading order, as written (spaces normalised).
        cited: Whether the paragraph cites a source anywhere.
    """

    line: int
    column: int
    figures: tuple[str, ...]
    cited: bool


def _table_header(lines: Sequence[str], index: int) -> bool:
    """Whether line ``index`` is a table's header row (the next line is its separator)."""
    following = index + 1
    return (
        "|" in lines[index]
        and following < len(lines)
        and "-" in lines[following]
        and RE_NOT_PROSE.match(lines[following]) is not None
        and "|" in lines[following]
    )


def figure_paragraphs(
    lines: Sequence[str],
    *,
    cited_lines: Collection[int] = (),
    code: Sequence[bool] | None = None,
    skip: range = range(0),
    names: Sequence[str] = (),
) -> list[FigureParagraph]:
    """Find the paragraphs that hold figures, in one pass over the lines.

    Args:
        lines: The body's lines.
        cited_lines: 0-based lines holding a citation the locator linked.
        code: One flag per line, true inside a code block (``None``: the text has none).
        skip: 0-based lines left out (the sources section).
        names: The sources' names ([`source_names`][mkdocs_prizm.core.trust.figures.source_names]).

    Returns:
        The paragraphs holding at least one figure, in reading order.
    """
    count = len(lines)

    def is_break(index: int) -> bool:
        line = lines[index]
        return (
            not line.strip()
            or index in skip
            or (code is not None and code[index])
            or RE_NOT_PROSE.match(line) is not None
            or RE_BYLINE.match(line) is not None
            or (line.lstrip().startswith("|") and _table_header(lines, index))
        )

    # Most lines hold no marker: they are found with substring tests, and only the lines
    # around a marker are read further.
    candidates = [i for i, line in enumerate(lines) if _has_marker(line)]
    marked = set(candidates)
    found: list[FigureParagraph] = []
    end = 0
    for index in candidates:
        if index < end or is_break(index):
            continue
        start = index
        while start > 0 and not is_break(start - 1):
            start -= 1
        end = index + 1
        while end < count and not is_break(end):
            end += 1
        figures = [
            (row, column, text)
            for row in range(index, end)
            if row in marked
            for column, text in find_figures(lines[row])
        ]
        if not figures:
            continue
        text = "\n".join(lines[start:end])
        cited = (
            any(row in cited_lines for row in range(start, end))
            or ("http" in text and RE_LINK.search(text) is not None)
            or ("ource" in text and RE_CITES.search(text) is not None)
            or _attributed(text, names)
        )
        row, column, _ = figures[0]
        found.append(FigureParagraph(row + 1, column, tuple(f[2] for f in figures), cited))
    return found
