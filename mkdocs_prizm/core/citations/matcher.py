"""Match a cited name to the entry of the sources section it names.

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

Keys are computed once per article, lookups are dictionary hits, so the work is linear in the
size of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from mkdocs_prizm.core.article import SourcesSection
from mkdocs_prizm.core.sources import RE_TITLE_SEPARATOR
from mkdocs_prizm.core.text import normalise_name

__all__ = ["CitationMatcher"]

_WORD_PREFIX_LIMIT = 200
_COMPACT_PREFIX_MIN = 3
_COMPACT_PREFIX_LIMIT = 60


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
        word_prefix: Word-boundary prefixes of the titles → first entry number (filled by the
            first lookup that gets that far).
        compact_prefix: Prefixes (3..60 characters) of the compact titles → first entry number
            (filled with ``word_prefix``).
    """

    exact: dict[str, int] = field(default_factory=dict)
    compact: dict[str, int] = field(default_factory=dict)
    word_prefix: dict[str, int] = field(default_factory=dict)
    compact_prefix: dict[str, int] = field(default_factory=dict)
    _titles: list[tuple[str, int]] = field(default_factory=list)
    _long_titles: list[tuple[str, int]] = field(default_factory=list)
    _prefixes_built: bool = False
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
        self.compact.setdefault(_compact(key), number)
        self._titles.append((key, number))

    def _build_prefixes(self) -> None:
        """Fill the two prefix rules; most citations match before them, so only when needed."""
        self._prefixes_built = True
        for key, number in self._titles:
            prefix = ""
            for word in key.split(" ")[:-1]:
                prefix = f"{prefix} {word}" if prefix else word
                if len(prefix) > _WORD_PREFIX_LIMIT:
                    self._long_titles.append((key, number))
                    break
                self.word_prefix.setdefault(prefix, number)
            compact = _compact(key)
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
        if not self._prefixes_built:
            self._build_prefixes()
        if key in self.word_prefix:
            return self.word_prefix[key]
        if len(key) >= _WORD_PREFIX_LIMIT:
            candidates = [n for t, n in self._long_titles if t.startswith(key + " ")]
            if candidates:
                return min(candidates)
        if _COMPACT_PREFIX_MIN <= len(compact) <= _COMPACT_PREFIX_LIMIT:
            return self.compact_prefix.get(compact)
        return None
