"""What the publishing pipeline leaves in an article's text, found in one pass over the body.

The Prizm pipeline sometimes publishes its own working text as the article's:

* the assistant talking to the pipeline, at the start of a paragraph ("Je vais transformer cet
  article en version conversationnelle...", "Je remarque une incohérence dans les dates des
  sources fournies...", "Souhaitez-vous me fournir :");
* placeholders in brackets ("[Donnée factuelle à insérer]"), and a paragraph that is nothing
  but a bracketed sentence;
* a sources section whose entries were replaced by such a placeholder ("[Sources identiques
  conservées à l'identique]"): readers get no sources;
* template tokens (``[[PATTERN]]``).

[`find_residue`][mkdocs_prizm.core.residue.find_residue] returns them as data, with their
lines and columns; nothing is removed (the text is the editor's to fix).  Patterns are narrow on
purpose: a journalist writing "Voici ce que disent les experts" or "Je vais être franc" is not
residue.  Code blocks, code spans, links and footnotes are never read.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_prizm.core.article import SourcesSection
from mkdocs_prizm.core.fences import code_flags, may_have_code_blocks
from mkdocs_prizm.core.markdown_scan import code_spans, in_spans, line_matches, lines_at
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold

__all__ = ["Residue", "ResidueKind", "find_residue", "report_residue", "residue_message"]


class ResidueKind(enum.Enum):
    """What a piece of residue is; the value is its problem code."""

    TALK = "PRZ801"
    PLACEHOLDER = "PRZ802"
    TOKEN = "PRZ803"  # noqa: S105 - a problem code, not a password
    SOURCES_PLACEHOLDER = "PRZ804"


@dataclass(frozen=True, slots=True)
class Residue:
    """One piece of pipeline residue.

    Attributes:
        kind: What it is.
        line: 1-based line of the body.
        column: 1-based column where it starts.
        text: The text found (shortened for messages by the caller).
    """

    kind: ResidueKind
    line: int
    column: int
    text: str


#: Where a paragraph's words start: after the indentation and emphasis markers.
RE_LEAD = re.compile(r"[ \t]{0,3}(?:\*{1,3}|_{1,3})?")
#: The first words a paragraph of assistant talk may start with (a cheap filter, raw text).
RE_TALK_START = re.compile(
    r"(?:je|j['’]|souhaitez|voici|pour|cela|n['’]h|en tant)\b", re.IGNORECASE
)
#: A line whose words start as assistant talk may.
RE_TALK_LINE = re.compile(RE_LEAD.pattern + RE_TALK_START.pattern, re.IGNORECASE)
#: Assistant talk, matched at the start of a paragraph's folded text (``fold``: lower case, no
#: accents, plain apostrophes).  Each names what the assistant does to the article, never what
#: a journalist would say to readers.
TALK_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        # "Je vais transformer cet article ...", "Je vais suivre le processus ..."
        r"je vais (?:maintenant )?(?:transformer|reformuler|reecrire|restructurer|retravailler"
        r"|optimiser (?:cet|l'|le |la |ce |votre )"
        r"|adapter (?:cet|l'|le |la |ce |votre )"
        r"|suivre (?:le|les|ce|ces|votre|vos) (?:processus|etapes?|instructions?|consignes?))",
        r"je vais (?:maintenant )?(?:rediger|generer|produire|ecrire|creer) "
        r"(?:l'|une |la |le |cette |cet |un |votre )(?:nouvelle )?"
        r"(?:introduction|conclusion|version|section|article|texte|synthese)\b",
        # "Je remarque une incohérence dans les dates des sources fournies"
        r"je (?:remarque|constate|note) (?:une?|des|qu|que)\b.{0,120}"
        r"\b(?:sources? (?:fournies?|citees?|mentionnees?)|dates? des sources|vos sources)",
        # "Je ne peux pas rédiger une introduction fiable car les sources ..."
        r"je (?:ne peux pas|ne suis pas en mesure d|n'ai pas acces)"
        r".{0,160}\b(?:sources?|introduction|article|contenu fourni)",
        r"je peux (?:toutefois|cependant|neanmoins|en revanche) (?:vous )?"
        r"(?:aider|proposer|rediger|fournir|generer|ecrire)\b",
        # "J'ai besoin que vous me communiquiez :", "Pour rédiger ..., j'aurais besoin :"
        r"j'ai besoin que vous\b",
        r"(?:pour (?:rediger|produire|generer|ecrire|creer)\b.{0,120}, )?j'aurais besoin\b.{0,40}:",
        r"souhaitez-vous (?:me |que je )",
        r"cela me permettra de (?:rediger|produire|generer|ecrire|completer|finaliser)\b",
        r"n'hesitez pas a me (?:dire|faire|communiquer|fournir|preciser|transmettre|envoyer)\b",
        r"voici (?:ma|la|une|votre) (?:nouvelle )?(?:proposition|version|reecriture|reformulation)"
        r" (?:de l'article|de votre|du texte|optimisee|conversationnelle|revisee|amelioree)",
        r"en tant qu'(?:ia|assistant|modele de langage)\b",
    )
)
#: A bracketed text that is not a link, an image, a footnote or a reference (one line).  The
#: bracket comes first in the pattern, then a lookbehind checks the character before it: the
#: regex engine skips to the brackets instead of trying the lookbehind everywhere.
RE_BRACKETS = re.compile(r"\[(?<![!\\\]\[]\[)(?!\^)([^\[\]\n]{2,200})\](?![(\[:\]])")
#: Words that make a bracketed text a placeholder wherever it is.
RE_PLACEHOLDER_WORDS = re.compile(
    r"\b(?:a (?:inserer|completer|preciser|definir|ajouter|remplir|verifier)|inserer ici"
    r"|placeholder|lorem ipsum|todo|tbd|basee? sur vos sources|vos sources"
    r"|(?:conservees?|identiques?) a l'(?:identique|original)|identiques? a l'original)\b"
)
#: A placeholder standing for the sources ("[Sources et références identiques à l'original]",
#: "[Les mêmes sources que dans l'article original]", "[Autres sources conservées ...]").
RE_SOURCES_WORDS = re.compile(r"(?:(?:les?|la|liste des|autres|memes)\s+)*(?:sources|references)\b")
#: Letters: a bracketed paragraph needs two words of them to be a sentence.
RE_WORD = re.compile(r"[^\W\d_]{2,}")
#: A template token: ``[[PATTERN]]`` (upper case, so that a wiki link is not one).
RE_TOKEN = re.compile(r"\[\[[^\[\]a-z\n]*[A-Z][^\[\]a-z\n]*\]\]")
#: A template token or a bracketed text: the lines worth reading for placeholders, found by one
#: search through the whole text.
RE_BRACKETED = re.compile(RE_TOKEN.pattern + "|" + RE_BRACKETS.pattern)
#: A line that ends the paragraph above it (heading, rule, fence).
RE_BLOCK_LINE = re.compile(r" {0,3}(?:#|[-*_=]{3,}\s*$|```|~~~)")


def find_residue(
    body: str,
    *,
    lines: Sequence[str] | None = None,
    code_blocks: bool | None = None,
    code: Sequence[bool] | None = None,
    sources: tuple[int, int, int] | None = None,
) -> list[Residue]:
    """Find the pipeline's residue in an article's body, in reading order.

    The few lines worth reading (those that start as assistant talk does, or hold a
    placeholder or a token) are found by regex searches through the whole text; only they are
    looked at, with the line above them (does a paragraph start there?).

    Args:
        body: The article's Markdown (notes removed), ``\\n`` line endings.
        lines: ``body.split("\\n")``, when the caller has it.
        code_blocks: Whether ``body`` may hold code blocks, when the caller knows it.
        code: One flag per line, true inside a code block, when the caller has them
            (``code_blocks`` is then not looked at).
        sources: ``(first, last, entries)``: the 1-based body lines of the sources section
            (heading to last line) and its number of entries; a placeholder there, or one
            that names the sources, is a ``SOURCES_PLACEHOLDER``.

    Returns:
        The residue found; empty for a clean article.
    """
    positions = [match.start() for match in line_matches(RE_TALK_LINE, body)]
    if "[" in body:
        positions += [match.start() for match in RE_BRACKETED.finditer(body)]
    if not positions:
        return []
    positions.sort()
    if lines is None:
        lines = body.split("\n")
    if code is None and (may_have_code_blocks(body) if code_blocks is None else code_blocks):
        code = code_flags(lines)
    found: list[Residue] = []
    for index, _start in lines_at(body, positions):
        raw = lines[index]
        if (code is not None and code[index]) or RE_BLOCK_LINE.match(raw):
            continue
        # A paragraph starts after a blank line, a code line or a line that ends a paragraph.
        above = lines[index - 1] if index else ""
        starts = (
            not index
            or (code is not None and code[index - 1])
            or not above.strip()
            or RE_BLOCK_LINE.match(above) is not None
        )
        number = index + 1
        spans = code_spans(raw) if "`" in raw else []
        if starts:
            talk = _talk(raw)
            if talk is not None and not in_spans(talk, spans):
                found.append(Residue(ResidueKind.TALK, number, talk + 1, raw[talk:].strip()))
        if "[" in raw:
            in_sources = sources is not None and sources[0] < number <= sources[1]
            whole = starts and (index + 1 == len(lines) or not lines[index + 1].strip())
            found += _brackets(raw, number, spans, whole=whole, in_sources=in_sources)
    return found


def _talk(raw: str) -> int | None:
    """The 0-based column where assistant talk starts ``raw``, if it does."""
    lead = RE_LEAD.match(raw)
    at = lead.end() if lead is not None else 0
    if not RE_TALK_START.match(raw, at):
        return None
    folded = fold(raw[at : at + 300])
    return at if any(p.match(folded) for p in TALK_PATTERNS) else None


def _brackets(
    raw: str, number: int, spans: list[tuple[int, int]], *, whole: bool, in_sources: bool
) -> list[Residue]:
    """The placeholders and template tokens of one line."""
    found: list[Residue] = []
    for match in RE_TOKEN.finditer(raw):
        if not in_spans(match.start(), spans):
            found.append(Residue(ResidueKind.TOKEN, number, match.start() + 1, match.group()))
    for match in RE_BRACKETS.finditer(raw):
        if in_spans(match.start(), spans):
            continue
        content = fold(match.group(1))
        alone = whole and raw.strip() == match.group() and len(RE_WORD.findall(content)) >= 2
        if alone or RE_PLACEHOLDER_WORDS.search(content):
            sources = in_sources or RE_SOURCES_WORDS.match(content) is not None
            kind = ResidueKind.SOURCES_PLACEHOLDER if sources else ResidueKind.PLACEHOLDER
            found.append(Residue(kind, number, match.start() + 1, match.group()))
    return found


def report_residue(  # noqa: PLR0917 - private, called once with the pipeline's state
    body: str,
    lines: list[str],
    code: Sequence[bool] | None,
    section: SourcesSection | None,
    offset: int,
    sink: ProblemSink,
) -> int:
    """Report the pipeline's residue in ``body`` as warnings; return how many were found.

    ``code`` is one flag per line, true inside a code block (``None``: the body has none).
    """
    sources = None
    if section is not None:
        sources = (section.start_line - offset, section.end_line - offset, len(section.entries))
    found = find_residue(body, lines=lines, code_blocks=False, code=code, sources=sources)
    for item in found:
        sink.warning(item.kind.value, residue_message(item, sources), item.line, item.column)
    return len(found)


def residue_message(item: Residue, sources: tuple[int, int, int] | None) -> str:
    """What a piece of residue is, quoting its start, and what readers get."""
    text = item.text if len(item.text) <= 70 else item.text[:69].rstrip() + "…"
    kind = item.kind
    if kind is ResidueKind.TALK:
        return f"text addressed to the publishing pipeline, not to readers: {text!r}"
    if kind is ResidueKind.TOKEN:
        return f"template token left by the publishing pipeline: {text!r}"
    if kind is ResidueKind.PLACEHOLDER:
        return f"placeholder left by the publishing pipeline: {text!r}"
    if sources is None or not sources[0] < item.line <= sources[1]:
        return f"a placeholder stands where the sources should be, {text!r}: readers get none"
    entries = sources[2]
    readers = f"only the {entries} listed above it" if entries else "no sources at all"
    return f"the sources section holds a placeholder, {text!r}: readers get {readers}"
