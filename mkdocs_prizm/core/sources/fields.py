"""An entry's fields read from its lines: title, type, date, URL, score and the rest.

Pure reading, no judgement: [`entries`][mkdocs_prizm.core.sources.entries] checks the values
and reports what is wrong with them.  The header line is read according to the entry's form
(see [`forms`][mkdocs_prizm.core.sources.forms]); each continuation line (``- Date : ...``,
``- URL : ...``, ``- Fiabilité : 8/10``, ``- Article du 24/06/2025``, a bare link) fills the
field it names, and anything else becomes description.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from mkdocs_prizm.core.article import SourceDate
from mkdocs_prizm.core.dates import parse_date_text
from mkdocs_prizm.core.sources.forms import RE_BULLET, SEPARATORS, Block
from mkdocs_prizm.core.sources.reliability import RE_RELIABILITY_LABEL
from mkdocs_prizm.core.text import LinkScanner, normalise_name, plain_text, replace_links

__all__ = ["RE_TITLE_SEPARATOR", "Fields", "entry_date", "read_fields"]

#: A bare URL inside text.
RE_BARE_URL = re.compile(r"(?:https?|ftp|file|javascript|data|vbscript)://?[^\s<>\[\]]+", re.I)
#: Separators between a title and its type: `` - ``, `` – ``, `` — ``, `` | ``.
RE_TITLE_SEPARATOR = re.compile(r"[ \t]+[-–—|][ \t]+")

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

# Entries repeat their dates from one article to the next ("22/05/2025"): the parsed values are
# immutable, so equal texts share one object.
entry_date = functools.lru_cache(maxsize=512)(parse_date_text)


def _first_url(text: str) -> str:
    """Return the URL of a value: a Markdown link's target, ``<url>`` or the text itself."""
    value = text.strip().strip("*_").strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1].strip()
    if "](" in value:
        _, url = replace_links(value)
        if url:
            return url
    return value


@dataclass(slots=True)
class Fields:
    """What an entry's lines say, as written (plain text), before any check."""

    #: The entry's form; ``"inline"`` for a numbered entry with its score on the first line.
    form: str = ""
    title: str = ""
    kind: str = ""
    url: str = ""
    date_text: str | None = None
    reliability_text: str | None = None
    description: list[str] = field(default_factory=list)
    date: SourceDate | None = None
    #: Body line of the sub-line that gave each field ("date", "url", "reliability").
    lines: dict[str, int] = field(default_factory=dict)


def _cut_reliability(text: str, fields: Fields) -> str:
    """Remove a ``(Fiabilité : 8/10)`` or trailing ``Fiabilité : 8/10`` from a header."""
    # A one-character search first: most headers hold no colon, so no label.
    match = RE_RELIABILITY_LABEL.search(text) if ":" in text else None
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
                plain, url = replace_links(inner)
                return plain, url, text[close + 2 :]
    if text.startswith("["):
        found = LinkScanner(text).link_at(0)
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


def _header_numbered(header: str, fields: Fields) -> bool:
    """Parse a numbered/block header; return whether a reliability was on the line."""
    header = header.rstrip().rstrip("\\").rstrip()
    had_reliability = fields.reliability_text is not None
    header = _cut_reliability(header, fields)
    title, url, rest = _split_title(header)
    fields.title = plain_text(title)
    if url:
        fields.url = url
    fields.kind = plain_text(rest.strip().lstrip(SEPARATORS))
    return fields.reliability_text is not None and not had_reliability


def _header_superscript(header: str, fields: Fields) -> None:
    text = _cut_reliability(header.rstrip().rstrip("\\").rstrip(), fields)
    rest = ""
    paren = text.find("(")
    if paren > 0:
        close = text.find(")", paren)
        if close != -1:
            date = entry_date(text[paren + 1 : close])
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
    rest = rest.strip().lstrip(SEPARATORS)
    if rest:
        rest, url = replace_links(rest)
        bare = RE_BARE_URL.search(rest)
        if not url and bare:
            url = bare.group(0).rstrip(".,;:")
            rest = rest[: bare.start()] + rest[bare.start() + len(url) :]
        if url and not fields.url:
            fields.url = url
        description = plain_text(rest).strip(" ,;:-–—")
        if description:
            fields.description.append(description)


def _header_link(header: str, fields: Fields) -> None:
    text = header.strip().rstrip("\\").rstrip()
    wrapper = text[: len(text) - len(text.lstrip("*_"))]
    text = text[len(wrapper) :]
    found = LinkScanner(text).link_at(0)
    if found is None:  # pragma: no cover - guarded by _link_entry
        return
    label, url, end = found
    fields.title = plain_text(label)
    fields.url = url
    rest = text[end:]
    if wrapper and rest.startswith(wrapper):
        rest = rest[len(wrapper) :]
    rest = _cut_reliability(rest, fields)
    rest = plain_text(rest.strip().lstrip(SEPARATORS))
    if rest:
        fields.description.append(rest)


def _whole_link(text: str) -> bool:
    found = LinkScanner(text).link_at(0)
    return found is not None and not text[found[2] :].strip()


def _sub_line(line: str, fields: Fields, at: int = 0) -> None:
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


def read_fields(block: Block) -> Fields:
    """Read an entry's fields from its header and continuation lines.

    Args:
        block: The entry (its form is known).

    Returns:
        The fields; ``lines`` holds the body line (1-based) of the date, URL and score lines.
    """
    where = block.start + 1
    fields = Fields(form=block.form)
    if block.form == "block":
        _header_numbered(block.header.strip().lstrip(SEPARATORS), fields)
    elif block.form == "numbered":
        if _header_numbered(block.header, fields):
            fields.form = "inline"
    elif block.form == "superscript":
        _header_superscript(block.header, fields)
    else:
        _header_link(block.header, fields)
    for index, sub in enumerate(block.lines[1:], start=1):
        _sub_line(sub, fields, where + index)
    return fields
