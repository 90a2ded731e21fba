"""Figures in the text and whether the paragraph holding them cites a source.

A *figure* is a claim a reader would want a source for: a percentage (``87 %``, ``87%``,
``12,5 pour cent``), an amount of money (``1,5 M€``, ``300 000 euros``, ``2 milliards
d'euros``, ``$5 billion``) or a ratio (``3 fois plus``, ``3x``, ``×3``, ``multiplié par 4``).
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
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs_prizm.core.article import Source

__all__ = ["FigureParagraph", "figure_paragraphs", "find_figures", "source_names"]

_NUM = r"\d+(?:[ \u00a0\u202f.]\d{3})*(?:[.,]\d+)?"
_SP = r"[ \u00a0\u202f]?"
_SCALE = r"(?:k|K|M|Md|Mds|G|milliers?|millions?|milliards?|mille|billions?|thousand|million)"
#: One figure; the alternatives are tried left to right at each position.
RE_FIGURE = re.compile(
    rf"(?<![\w.,/])(?:"
    # percentages ("87 %", "12,5 pour cent"); "%20" in a URL is not one
    rf"(?P<percent>{_NUM}{_SP}(?:%(?![\w%])|pour[ \u00a0]?cents?\b|percent\b))"
    # amounts: "1,5 M€", "300 000 euros", "2 milliards d'euros", "5 millions de dollars"
    rf"|(?P<money>{_NUM}{_SP}(?:{_SCALE}{_SP}(?:d['’]|de[ \u00a0])?)?"
    rf"(?:€|euros?\b|EUR\b|dollars?\b|\$|USD\b))"
    # "3 fois plus", "3x", "x3", "×3"
    rf"|(?P<times>{_NUM}{_SP}fois[ \u00a0]+(?:plus|moins|mieux|sup[ée]rieur|inf[ée]rieur)"
    rf"|{_NUM}{_SP}[x×](?![\w×]|[ \u00a0]?\d)|(?<!\d[ \u00a0])[x×]{_SP}{_NUM}(?![\w,.]\d|[\w%€])"
    rf"|multipli[ée]e?s?[ \u00a0]+par[ \u00a0]+{_NUM})"
    rf")"
    # "$5 billion", "€300"
    rf"|(?P<lead>(?<![\w])[$€]{_SP}{_NUM}(?:{_SP}{_SCALE}\b)?)",
    re.IGNORECASE,
)
#: Characters without which a line holds no figure (a C-level test before the regex).
_FIGURE_HINTS = ("%", "€", "$", "uro", "ollar", "fois", "cent", "x", "×", "ultipli", "EUR", "USD")
RE_HUNDRED_PERCENT = re.compile(r"^100(?:[.,]0+)?\D")
#: Link targets and bare URLs, whose digits are not figures.
RE_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|<[^>\n]*>")
#: A line that is not prose: a heading, a comment, a thematic break, a table separator row.
RE_NOT_PROSE = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|<!--|(?:[-*_][ \t]*){3,}$|\|?[ \t]*:?-+:?[ \t]*\|)"
)
#: A byline written into the text: a short italic line starting with "Par" / "By" / "Publié".
RE_BYLINE = re.compile(r"^[*_]{1,2}(?:Par|By|Publié|Published)\b[^\n]{0,120}[*_]{1,2}[ \t]*$")
#: A citation form (matched or not) or a link: the paragraph cites something.
RE_CITES = re.compile(r"sources?[ \t]*(?:\*\*|__|\*|_)?[ \t]*:|\]\(https?://|https?://", re.I)
RE_CODE_SPAN = re.compile(r"(`+).*?\1")
#: A claim attributed to a named origin: "selon McKinsey", "d'après le Baromètre", "l'étude
#: Deloitte", "les données d'Epsilon" (the name starts with a capital letter).
RE_ATTRIBUTION = re.compile(
    r"(?i:\b(?:selon|d['’]apr[èe]s|according[ \t]+to|par|by|rapports?|[ée]tudes?|barom[èe]tres?"
    r"|enqu[êe]tes?|donn[ée]es|chiffres|statistiques|reports?|study|studies|surveys?|data)"
    r"[ \t]+(?:(?:le|la|les|l['’]|du|de|des|d['’]|the)[ \t]*)?"
    r"(?:(?:dernier|derni[èe]re|r[ée]cente?|latest|recent|annuel|annuelle)[ \t]+)?)"
    r"[A-ZÀ-Ý]"
)
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
_GENERIC_HOST_LABELS = frozenset({"www", "blog", "news", "fr", "com", "org", "gouv", "co"})


def _key(text: str) -> str:
    """A comparison key: case-folded, accents removed, punctuation made spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


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
    if RE_ATTRIBUTION.search(text) or RE_PAREN_ATTRIBUTION.search(text) or RE_SAME.search(text):
        return True
    if names:
        key = f" {_key(text)} "
        return any(f" {name} " in key for name in names)
    return False


def find_figures(line: str) -> list[tuple[int, str]]:
    """The figures of one line of prose, as ``(column, text)`` (0-based columns).

    Examples:
        >>> find_figures("87 % des PME, soit 1,5 M€ ; 100 % en ligne")
        [(0, '87 %'), (19, '1,5 M€')]
    """
    if not any(hint in line for hint in _FIGURE_HINTS):
        return []
    if "`" in line:
        line = RE_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    if "://" in line or "](" in line or "<" in line:
        line = RE_URL.sub(lambda m: " " * len(m.group(0)), line)
    found = []
    budget = "udg" in line
    for match in RE_FIGURE.finditer(line):
        text = match.group(0)
        if match.group("percent") and RE_HUNDRED_PERCENT.match(text):
            continue
        if budget and RE_BUDGET.search(line, max(0, match.start() - _BUDGET_REACH), match.start()):
            continue
        found.append((match.start(), " ".join(text.split())))
    return found


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
    found: list[FigureParagraph] = []
    figures: list[str] = []
    first: tuple[int, int] | None = None
    cited = False
    start = 0

    def close(end: int) -> None:
        nonlocal first, cited
        if first is not None:
            # Only a paragraph with figures and no citation is read again, for attributions.
            cites = cited or _attributed("\n".join(lines[start:end]), names)
            found.append(FigureParagraph(first[0] + 1, first[1], tuple(figures), cites))
        figures.clear()
        first = None
        cited = False

    for index, line in enumerate(lines):
        if (
            not line.strip()
            or index in skip
            or (code is not None and code[index])
            or RE_NOT_PROSE.match(line)
            or RE_BYLINE.match(line)
        ):
            close(index)
            start = index + 1
            continue
        if line.lstrip().startswith("|") and _table_header(lines, index):
            close(index)  # a table starts: its header row names columns, it claims nothing
            start = index + 1
            continue
        if not cited and (index in cited_lines or RE_CITES.search(line)):
            cited = True
        for column, text in find_figures(line):
            if first is None:
                first = (index, column)
            figures.append(text)
    close(len(lines))
    return found
