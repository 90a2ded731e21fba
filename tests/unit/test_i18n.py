"""Tests for mkdocs_prizm.core.i18n."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from mkdocs_prizm.core.i18n import (
    LABELS,
    format_date,
    format_score,
    labels_for,
    normalise_language,
    resolve_locale,
)

DAY = dt.date(2025, 7, 29)

REQUIRED_KEYS = {
    "by",
    "published",
    "updated",
    "reading_time",
    "categories",
    "tags",
    "featured",
    "sources",
    "source_type",
    "source_date",
    "source_url",
    "reliability",
    "tier_very_high",
    "tier_high",
    "tier_medium",
    "tier_low",
    "tier_unrated",
    "cited_in",
    "back_to_citation",
    "score_out_of",
    "unsafe_link",
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "29 juillet 2025"),
        ("fr_FR", "29 juillet 2025"),
        ("fr-FR", "29 juillet 2025"),
        ("FR", "29 juillet 2025"),
        ("fr_CA", "29 juillet 2025"),
        ("en", "July 29, 2025"),
        ("en_US", "July 29, 2025"),
        ("en-US", "July 29, 2025"),
        ("en_US.UTF-8", "July 29, 2025"),
        ("xx", "July 29, 2025"),
        ("zz_ZZ", "July 29, 2025"),
        ("fr_XX", "29 juillet 2025"),
        ("", "July 29, 2025"),
        ("12", "July 29, 2025"),
        ("not a locale", "July 29, 2025"),
    ],
)
def test_format_date(language: str, expected: str) -> None:
    assert format_date(DAY, language) == expected


def test_format_date_first_of_month_and_datetime() -> None:
    assert format_date(dt.date(2024, 3, 1), "fr") == "1 mars 2024"
    assert format_date(dt.datetime(2025, 7, 29, 23, 59), "fr") == "29 juillet 2025"


@pytest.mark.parametrize("env", ["de_DE.UTF-8", "C", "ja_JP.UTF-8"])
def test_format_date_ignores_machine_locale(monkeypatch: pytest.MonkeyPatch, env: str) -> None:
    for name in ("LANG", "LC_ALL", "LC_TIME", "LANGUAGE"):
        monkeypatch.setenv(name, env)
    resolve_locale.cache_clear()
    assert format_date(DAY, "fr") == "29 juillet 2025"
    assert format_date(DAY, "en") == "July 29, 2025"


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        ("fr", "fr", "fr"),
        ("fr_FR", "fr", "fr"),
        ("fr-FR", "en", "fr"),
        ("EN_us", "fr", "en"),
        ("en_US.UTF-8", "fr", "en"),
        ("zh-Hant-TW", "fr", "zh"),
        (" de ", "fr", "de"),
        (None, "fr", "fr"),
        ("", "en", "en"),
        ("123", "fr", "fr"),
        ("f", "fr", "fr"),
        ("fr FR", "en", "en"),
    ],
)
def test_normalise_language(value: str | None, default: str, expected: str) -> None:
    assert normalise_language(value, default=default) == expected


def test_normalise_language_default_is_french() -> None:
    assert normalise_language(None) == "fr"


@pytest.mark.parametrize(
    ("score", "language", "expected"),
    [
        (8, "fr", "8"),
        (8.0, "fr", "8"),
        (7.5, "fr", "7,5"),
        (7.5, "fr_FR", "7,5"),
        (7.5, "en", "7.5"),
        (7.25, "en", "7.25"),
        (10, "en", "10"),
        (0, "fr", "0"),
        (7.5, "xx", "7.5"),
    ],
)
def test_format_score(score: float, language: str, expected: str) -> None:
    assert format_score(score, language) == expected


def test_labels_tables_are_complete_and_consistent() -> None:
    assert set(LABELS) >= {"fr", "en"}
    formatter = string.Formatter()
    for language, labels in LABELS.items():
        assert set(labels) >= REQUIRED_KEYS, language
        assert set(labels) == set(LABELS["en"]), language
        for key, text in labels.items():
            assert text, (language, key)
            assert text.strip() == text, (language, key)
            fields = {name for _, name, _, _ in formatter.parse(text) if name}
            english = {name for _, name, _, _ in formatter.parse(LABELS["en"][key]) if name}
            assert fields == english, (language, key)


@pytest.mark.parametrize(
    ("key", "fr", "en"),
    [
        ("by", "Par", "By"),
        ("published", "Publié le", "Published"),
        ("updated", "Mis à jour le", "Updated"),
        ("reading_time", "{minutes} min de lecture", "{minutes} min read"),
        ("categories", "Catégories", "Categories"),
        ("tags", "Étiquettes", "Tags"),
        ("featured", "À la une", "Featured"),
        ("sources", "Sources", "Sources"),
        ("reliability", "Fiabilité", "Reliability"),
        ("tier_very_high", "très fiable", "very reliable"),
        ("tier_high", "fiable", "reliable"),
        ("tier_medium", "à vérifier", "to be checked"),
        ("tier_low", "peu fiable", "unreliable"),
        ("tier_unrated", "non évaluée", "unrated"),
        ("cited_in", "Cité dans le texte", "Cited in the text"),
        ("back_to_citation", "Retour à la citation {n}", "Back to citation {n}"),
        ("score_out_of", "{score}/10", "{score}/10"),
        ("unsafe_link", "lien non sûr, non cliquable", "unsafe link, not clickable"),
    ],
)
def test_label_texts(key: str, fr: str, en: str) -> None:
    assert labels_for("fr")[key] == fr
    assert labels_for("en")[key] == en


@pytest.mark.parametrize(
    ("language", "expected_by"),
    [("fr_FR", "Par"), ("fr-CA", "Par"), ("en_GB", "By"), ("de", "By"), (None, "By"), ("", "By")],
)
def test_labels_for_language_fallback(language: str | None, expected_by: str) -> None:
    assert labels_for(language)["by"] == expected_by


def test_labels_for_overrides_and_copies() -> None:
    labels = labels_for("fr", {"sources": "Références", "extra": "En plus"})
    assert labels["sources"] == "Références"
    assert labels["extra"] == "En plus"
    assert labels["by"] == "Par"
    labels["by"] = "changed"
    assert LABELS["fr"]["by"] == "Par"
    assert labels_for("fr")["sources"] == "Sources"


def test_reading_time_label_formats() -> None:
    text = labels_for("fr")["reading_time"].format(minutes=3)
    assert text == "3 min de lecture"
    score = labels_for("fr")["score_out_of"].format(score=format_score(7.5, "fr"))
    assert re.fullmatch(r"7,5/10", score)
