"""How to cite an article: a plain citation and a BibTeX entry, as text.

Pure functions over plain values (text in, text out), so that the "Cite this article" block of
every host (``prizm/cite.html``) shows the same citation, and a test can pin it with a table:

* [`plain_citation`][mkdocs_prizm.core.citing.plain_citation]: ``Prizm AI. « Titre ».
  Site, 29 juillet 2025. https://...`` (French quotation marks and a localised date in French,
  English quotes and date in English);
* [`bibtex_entry`][mkdocs_prizm.core.citing.bibtex_entry]: a biblatex ``@online`` entry with a
  stable key (``dupont2025generative``), its text fields escaped for (La)TeX, accents kept as
  UTF-8 (biber and every modern LaTeX read UTF-8).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from babel.lists import format_list

from mkdocs_prizm.core.i18n import format_date, normalise_language, resolve_locale

__all__ = [
    "CitedWork",
    "bibtex_entry",
    "bibtex_escape",
    "bibtex_key",
    "bibtex_url",
    "join_names",
    "plain_citation",
]

#: Characters TeX reads as commands or syntax, and what stands for each in a field's text
#: (replaced in one pass).  BibTeX counts braces even after a backslash, so a lone brace is
#: written as a command (``\textbraceleft{}``): whatever the title, the field stays balanced.
_TEX_ESCAPES: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
RE_TEX_SPECIAL: Final = re.compile(r"[\\{}%&$#_^~]")
#: Characters a URL field cannot hold as they are: braces would unbalance the field, and
#: whitespace or a backslash would not survive biber's verbatim reading.
RE_URL_UNSAFE: Final = re.compile(r"[{}\\\s]")
#: Title words of four letters or more too common to name an entry by (French and English).
_STOP_WORDS: Final = frozenset(
    ("pour", "dans", "avec", "sans", "sont", "with", "from", "into", "your", "what", "when", "this")
)
#: What a key is made of: ASCII letters and digits.
RE_KEY_WORD: Final = re.compile(r"[a-z0-9]+")
#: biblatex ``langid`` values of the languages that have labels.
_LANGIDS: Final = {"fr": "french", "en": "english"}


@dataclass(frozen=True, slots=True)
class CitedWork:
    """What a citation of an article names.

    Attributes:
        title: The article's title.
        authors: Display names, in order.
        date: Publication date, or ``None``.
        site_name: The site's name (the publisher of the page), or empty.
        url: The page's canonical URL, or empty.
        language: The article's language (``fr``, ``en``).
        organizations: Which ``authors`` are teams or the publisher (``Prizm AI``): BibTeX
            keeps such a name whole instead of reading it as a first and a last name.
    """

    title: str
    authors: tuple[str, ...] = ()
    date: dt.date | None = None
    site_name: str = ""
    url: str = ""
    language: str = "fr"
    organizations: frozenset[str] = frozenset()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def join_names(names: Sequence[str], language: str) -> str:
    """Names joined the language's way: ``A, B et C`` in French, ``A, B, and C`` in English."""
    return _join(tuple(n for n in (_one_line(name) for name in names) if n), language)


@functools.lru_cache(maxsize=512)  # a site has few authors and reviewers; Babel is slow-ish
def _join(names: tuple[str, ...], language: str) -> str:
    if len(names) < 2:
        return names[0] if names else ""
    return str(format_list(list(names), locale=resolve_locale(language)))


def plain_citation(work: CitedWork) -> str:
    """The citation as one line of text, in the work's language; missing parts are left out.

    French: ``Auteur. « Titre ». Site, 29 juillet 2025. URL`` (non-breaking spaces inside the
    quotation marks); English: ``Author. "Title." Site, July 29, 2025. URL``.
    """
    language = normalise_language(work.language, default="fr")
    parts: list[str] = []
    authors = join_names(work.authors, language)
    if authors:
        parts.append(authors if authors.endswith(".") else authors + ".")
    title = _one_line(work.title)
    if title:
        if language == "fr":
            parts.append(f"«\u00a0{title}\u00a0».")
        else:
            parts.append(f"\u201c{title.rstrip('.')}.\u201d")
    where = [p for p in (_one_line(work.site_name), _date(work.date, language)) if p]
    if where:
        parts.append(", ".join(where) + ".")
    if work.url:
        parts.append(work.url.strip())
    return " ".join(parts)


def _date(value: dt.date | None, language: str) -> str:
    return format_date(value, language) if value is not None else ""


def bibtex_escape(text: str) -> str:
    """A text made safe inside a braced BibTeX field: TeX's special characters escaped.

    ``%`` ``&`` ``$`` ``#`` ``_`` ``^`` ``~`` become their TeX escapes (``\\%``), braces and
    backslashes become commands (``\\textbraceleft{}``): braces stay balanced and nothing
    starts a comment or a command.  Whitespace (line breaks) becomes one space; accented
    letters and other non-ASCII text stay as UTF-8.
    """
    return RE_TEX_SPECIAL.sub(lambda m: _TEX_ESCAPES[m.group()], _one_line(text))


def bibtex_url(url: str) -> str:
    """A URL for a BibTeX ``url`` field, which biber reads verbatim.

    ``%``, ``&``, ``#`` and ``_`` stay as they are (escaping them would put backslashes into
    the link); braces, backslashes and whitespace, which no valid URL holds as such, are
    percent-encoded.
    """
    return RE_URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def _ascii_words(text: str) -> list[str]:
    """The ASCII words of ``text``, lower case, accents dropped (``Éléphants`` → ``elephants``)."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return RE_KEY_WORD.findall(text)


def bibtex_key(work: CitedWork) -> str:
    """A stable entry key: first author's last name, year, first significant title word.

    ``Jean Dupont``, 2025, "L'IA générative..." gives ``dupont2025generative``; a team or the
    publisher gives its whole name (``prizmai2025generative``); ASCII only.
    The same article gives the same key on every build.
    """
    first = work.authors[0] if work.authors else work.site_name
    author = _ascii_words(first)
    if author and (first in work.organizations or not work.authors):
        author = ["".join(author)]  # a team or the publisher: its whole name (prizmai)
    year = str(work.date.year) if work.date is not None else ""
    key = (author[-1] if author else "") + year + _title_word(work.title)
    return key or "article"


def _title_word(title: str) -> str:
    """The title's first word of four letters or more that is not a stop word, else its first."""
    first = ""
    for word in _ascii_words(title):
        if len(word) >= 4 and word not in _STOP_WORDS:
            return word
        first = first or word
    return first


def _author_field(work: CitedWork) -> str:
    """Authors joined by ``and``; a team's or the publisher's name kept whole in braces."""
    names = []
    for name in work.authors:
        escaped = bibtex_escape(name)
        if not escaped:
            continue
        names.append(f"{{{escaped}}}" if name in work.organizations else escaped)
    return " and ".join(names)


def bibtex_entry(work: CitedWork, key: str | None = None) -> str:
    """The work as a biblatex ``@online`` entry; empty fields are left out.

    Fields: ``author``, ``title``, ``date`` (ISO 8601), ``organization`` (the site), ``url``
    and ``langid``.  ``key`` is [`bibtex_key`][mkdocs_prizm.core.citing.bibtex_key]'s unless
    given.
    """
    fields: list[tuple[str, str]] = [
        ("author", _author_field(work)),
        ("title", bibtex_escape(work.title)),
        ("date", work.date.isoformat() if work.date is not None else ""),
        ("organization", bibtex_escape(work.site_name)),
        ("url", bibtex_url(work.url.strip())),
        ("langid", _LANGIDS.get(normalise_language(work.language, default="fr"), "")),
    ]
    lines = [f"@online{{{key or bibtex_key(work)},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields if value]
    lines.append("}")
    return "\n".join(lines)
