"""Labels and localised dates and numbers, French and English.

Dates and numbers are formatted with Babel's CLDR data for an explicit locale, never with the
machine's locale, so a site builds the same everywhere. Locales Babel does not know fall back
to English without raising.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal

__all__ = [
    "FALLBACK_LANGUAGE",
    "LABELS",
    "format_date",
    "format_score",
    "is_known_language",
    "labels_for",
    "normalise_language",
    "resolve_locale",
]

#: Language used when a language or locale is unknown.
FALLBACK_LANGUAGE: Final = "en"

#: Interface labels by language. Placeholders: ``{minutes}``, ``{n}`` (a citation number),
#: ``{reviewer}`` (the reviewers' names, joined),
#: ``{score}`` (already formatted with [`format_score`][mkdocs_prizm.core.i18n.format_score]).
LABELS: Final[dict[str, dict[str, str]]] = {
    "fr": {
        "by": "Par",
        "published": "Publié le",
        "updated": "Mis à jour le",
        "reading_time": "{minutes} min de lecture",
        "categories": "Catégories",
        "tags": "Étiquettes",
        "featured": "À la une",
        "sources": "Sources",
        "source_type": "Type",
        "source_date": "Date",
        "source_url": "Lien",
        "reliability": "Fiabilité",
        "reliability_of": "Fiabilité : {value}",
        "tier_very_high": "très fiable",
        "tier_high": "fiable",
        "tier_medium": "à vérifier",
        "tier_low": "peu fiable",
        "tier_unrated": "non évaluée",
        "cited_in": "Cité dans le texte",
        "back_to_citation": "Retour à la citation {n}",
        "score_out_of": "{score}/10",
        "unsafe_link": "lien non sûr, non cliquable",
        "sources_index_title": "Sources citées",
        "sources_index_summary": "{sources} sources citées dans {articles} articles.",
        "sources_index_cited_in": "Citée dans",
        "sources_index_histogram": "Répartition des sources par fiabilité",
        "sources_index_score": "Fiabilité (sur 10)",
        "sources_index_count": "Nombre de sources",
        "sources_index_empty": "Aucune source n'est encore citée.",
        "link_dead": "lien mort",
        "link_archive": "copie archivée",
        "link_archive_of": "Copie archivée le {date}",
        # trust summary of the sources page
        "trust_title": "Solidité des sources",
        "trust_future": "{n} sources datées après leur article",
        "trust_stale": "{n} sources anciennes",
        "trust_undated": "{n} sources sans date",
        "trust_uncited": "{n} sources jamais citées dans le texte",
        "trust_figures": "{n} paragraphes chiffrés sans source, sur {total}",
        "trust_floors": "{average} articles sous le seuil de fiabilité moyenne, {cited} "
        "s'appuyant sur une source sous le seuil",
        "trust_dead_links": "{n} liens morts",
        "trust_table": "Solidité des sources, article par article",
        "trust_col_article": "Article",
        "trust_col_sources": "Sources",
        "trust_col_mean": "Fiabilité moyenne",
        "trust_col_weakest": "Source la plus faible",
        "trust_col_future": "Datées après l'article",
        "trust_col_stale": "Anciennes",
        "trust_col_uncited": "Jamais citées",
        "trust_col_figures": "Chiffres sans source",
        "trust_col_dead_links": "Liens morts",
        "disclosure": "Article rédigé avec l'aide de l'IA, relu par {reviewer}.",
        "disclosure_unreviewed": "Article rédigé avec l'aide de l'IA.",
        "disclosure_principles": "Notre usage de l'IA",
        "cite_title": "Citer cet article",
        "cite_plain": "Texte",
        "cite_bibtex": "BibTeX",
    },
    "en": {
        "by": "By",
        "published": "Published",
        "updated": "Updated",
        "reading_time": "{minutes} min read",
        "categories": "Categories",
        "tags": "Tags",
        "featured": "Featured",
        "sources": "Sources",
        "source_type": "Type",
        "source_date": "Date",
        "source_url": "Link",
        "reliability": "Reliability",
        "reliability_of": "Reliability: {value}",
        "tier_very_high": "very reliable",
        "tier_high": "reliable",
        "tier_medium": "to be checked",
        "tier_low": "unreliable",
        "tier_unrated": "unrated",
        "cited_in": "Cited in the text",
        "back_to_citation": "Back to citation {n}",
        "score_out_of": "{score}/10",
        "unsafe_link": "unsafe link, not clickable",
        "sources_index_title": "Cited sources",
        "sources_index_summary": "{sources} sources cited in {articles} articles.",
        "sources_index_cited_in": "Cited in",
        "sources_index_histogram": "Sources by reliability",
        "sources_index_score": "Reliability (out of 10)",
        "sources_index_count": "Number of sources",
        "sources_index_empty": "No source is cited yet.",
        "link_dead": "dead link",
        "link_archive": "archived copy",
        "link_archive_of": "Archived copy of {date}",
        # trust summary of the sources page
        "trust_title": "How solid the sources are",
        "trust_future": "{n} sources dated after their article",
        "trust_stale": "{n} old sources",
        "trust_undated": "{n} sources without a date",
        "trust_uncited": "{n} sources never cited in the text",
        "trust_figures": "{n} paragraphs with figures and no source, out of {total}",
        "trust_floors": "{average} articles under the mean reliability floor, {cited} relying "
        "on a source under the floor",
        "trust_dead_links": "{n} dead links",
        "trust_table": "How solid the sources are, article by article",
        "trust_col_article": "Article",
        "trust_col_sources": "Sources",
        "trust_col_mean": "Mean reliability",
        "trust_col_weakest": "Weakest source",
        "trust_col_future": "Dated after the article",
        "trust_col_stale": "Old",
        "trust_col_uncited": "Never cited",
        "trust_col_figures": "Figures without a source",
        "trust_col_dead_links": "Dead links",
        "disclosure": "Written with the help of AI, reviewed by {reviewer}.",
        "disclosure_unreviewed": "Written with the help of AI.",
        "disclosure_principles": "How we use AI",
        "cite_title": "Cite this article",
        "cite_plain": "Text",
        "cite_bibtex": "BibTeX",
    },
}

RE_LOCALE: Final = re.compile(r"^(?P<language>[A-Za-z]{2,8})(?:[-_](?P<rest>[A-Za-z0-9_-]*))?$")
"""A locale or language tag: ``fr``, ``fr_FR``, ``fr-FR``, ``zh-Hant-TW``, ``en_US.UTF-8``
(after the encoding is cut)."""


def normalise_language(value: str | None, default: str = "fr") -> str:
    """Reduce a language or locale tag to its lower-case language code.

    Args:
        value: ``"fr"``, ``"fr_FR"``, ``"fr-FR"``, ``"EN"``, ``"en_US.UTF-8"``...
        default: Returned for ``None``, empty or malformed values.

    Returns:
        The language code: ``"fr_FR"`` → ``"fr"``.
    """
    if not value:
        return default
    match = RE_LOCALE.match(value.strip().split(".", 1)[0].split("@", 1)[0])
    if match is None:
        return default
    return match.group("language").lower()


@functools.lru_cache(maxsize=256)
def is_known_language(value: str) -> bool:
    """Whether ``value`` is a language or locale tag CLDR knows (``fr``, ``pt_BR``, ``no``).

    Args:
        value: The tag as written.

    Returns:
        False for a malformed tag (``français``) or an unknown language (``xx``).
    """
    match = RE_LOCALE.match(value.strip().split(".", 1)[0].split("@", 1)[0])
    if match is None:
        return False
    try:
        Locale.parse(match.group("language").lower())
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


@functools.lru_cache(maxsize=64)
def resolve_locale(value: str | None) -> Locale:
    """Find the Babel locale for a tag, falling back to the language, then to English.

    Args:
        value: ``"fr"``, ``"fr_CA"``, ``"fr-FR"``, ``"en_US"``; unknown or malformed tags give
            English.

    Returns:
        A Babel ``Locale``.
    """
    candidates: list[str] = []
    if value:
        tag = value.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
        match = RE_LOCALE.match(tag)
        if match is not None:
            candidates.append(tag)
            candidates.append(match.group("language").lower())
    candidates.append(FALLBACK_LANGUAGE)
    for candidate in candidates:
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return Locale(FALLBACK_LANGUAGE)  # pragma: no cover - English is always available


@functools.lru_cache(maxsize=4096)  # a site has few distinct dates; Babel is slow-ish
def format_date(value: dt.date, language: str) -> str:
    """Format a date in the language's long form.

    Args:
        value: The date (a ``datetime`` is formatted by its date).
        language: Language or locale tag (``"fr"``, ``"fr_FR"``, ``"en-US"``).

    Returns:
        ``"29 juillet 2025"`` in French, ``"July 29, 2025"`` in English; English for unknown
        locales.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    return str(_babel_format_date(value, format="long", locale=resolve_locale(language)))


@functools.lru_cache(maxsize=512)
def format_score(score: float, language: str) -> str:
    """Format a reliability score without trailing zeros, with the locale's decimal sign.

    Args:
        score: The score (out of 10).
        language: Language or locale tag.

    Returns:
        ``"8"``, ``"7,5"`` in French, ``"7.5"`` in English (two decimals at most).
    """
    return str(format_decimal(score, format="0.##", locale=resolve_locale(language)))


def labels_for(language: str | None, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return the labels of a language, complete, with the site's overrides applied.

    Languages without labels (``"de"``) get the English ones; a language with labels gets any
    key it lacks from English, so every key of the English table is always present.

    Args:
        language: Language or locale tag (``"fr_FR"`` gives the French labels).
        overrides: Labels replacing the defaults (``{"sources": "Références"}``); keys that
            are not defaults are added as given.

    Returns:
        A new dict; changing it does not change [`LABELS`][mkdocs_prizm.core.i18n.LABELS].
    """
    code = normalise_language(language, default=FALLBACK_LANGUAGE)
    labels = dict(LABELS[FALLBACK_LANGUAGE])
    if code != FALLBACK_LANGUAGE and code in LABELS:
        labels.update(LABELS[code])
    if overrides:
        labels.update({str(key): str(text) for key, text in overrides.items()})
    return labels
