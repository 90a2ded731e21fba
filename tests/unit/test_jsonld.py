"""Tests for mkdocs_prizm.core.jsonld."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from mkdocs_prizm.core.article import (
    Article,
    Author,
    ReadingTime,
    Source,
    SourceDate,
    SourcesSection,
)
from mkdocs_prizm.core.jsonld import build_blogposting, dumps_jsonld, is_organization

URL = "https://prizm.example/blog/ia-pme/"


def make_article(**changes: Any) -> Article:
    fields: dict[str, Any] = {
        "is_article": True,
        "title": "L'IA générative dans les PME françaises",
        "description": "Analyse approfondie",
        "date": dt.date(2025, 7, 29),
        "authors": (Author(key="Prizm AI", name="Prizm AI"),),
        "categories": ("guides",),
        "tags": ("IA", "PME", "Transformation digitale"),
        "image": "/images/blog/ia.jpg",
        "language": "fr",
        "reading_time": ReadingTime(
            minutes=3, declared="3 min", declared_minutes=3, computed_minutes=3, words=466
        ),
        "sources": SourcesSection(
            heading="Sources et références",
            level=2,
            entries=(
                Source(
                    number=1,
                    title="Baromètre IA des PME",
                    url="https://www.cci.fr/barometre",
                    url_safe=True,
                    date=SourceDate(raw="mars 2024", value=dt.date(2024, 3, 1), precision="month"),
                ),
                Source(number=2, title="Note interne", url="javascript:alert(1)", url_safe=False),
                Source(number=3, title="", raw="texte libre", structured=False),
                Source(
                    number=4,
                    title="Étude DFM",
                    date=SourceDate(raw="2024", value=dt.date(2024, 1, 1), precision="year"),
                ),
            ),
        ),
    }
    fields.update(changes)
    return Article(**fields)


def test_full_blogposting() -> None:
    data = build_blogposting(make_article(), url=URL, site_name="Prizm AI")
    assert data == {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "L'IA générative dans les PME françaises",
        "description": "Analyse approfondie",
        "datePublished": "2025-07-29",
        "dateModified": "2025-07-29",
        "author": [{"@type": "Organization", "name": "Prizm AI"}],  # the publisher itself
        "image": "https://prizm.example/images/blog/ia.jpg",
        "keywords": "IA, PME, Transformation digitale",
        "articleSection": "guides",
        "inLanguage": "fr",
        "wordCount": 466,
        "timeRequired": "PT3M",
        "mainEntityOfPage": URL,
        "url": URL,
        "publisher": {"@type": "Organization", "name": "Prizm AI"},
        "citation": [
            {
                "@type": "CreativeWork",
                "name": "Baromètre IA des PME",
                "url": "https://www.cci.fr/barometre",
                "datePublished": "2024-03",
            },
            {"@type": "CreativeWork", "name": "Note interne"},
            {"@type": "CreativeWork", "name": "Étude DFM", "datePublished": "2024"},
        ],
    }
    assert list(data)[:2] == ["@context", "@type"]


def test_minimal_article_omits_empty_values() -> None:
    data = build_blogposting(Article(is_article=True, title="Titre"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "Titre",
        "inLanguage": "fr",
    }


@pytest.mark.parametrize(
    ("changes", "key", "expected"),
    [
        pytest.param({"categories": ("a", "b")}, "articleSection", ["a", "b"], id="sections"),
        pytest.param({"updated": dt.date(2025, 8, 1)}, "dateModified", "2025-08-01", id="updated"),
        pytest.param(
            {"authors": (Author(key="a", name="Ann", url="https://a.example"), Author("b", "Bo"))},
            "author",
            [
                {"@type": "Person", "name": "Ann", "url": "https://a.example"},
                {"@type": "Person", "name": "Bo"},
            ],
            id="authors",
        ),
        pytest.param(
            {"image": "https://cdn.example/x.png"},
            "image",
            "https://cdn.example/x.png",
            id="absolute-image",
        ),
        pytest.param({"language": "en"}, "inLanguage", "en", id="language"),
    ],
)
def test_mapping(changes: dict[str, Any], key: str, expected: Any) -> None:
    assert build_blogposting(make_article(**changes), url=URL)[key] == expected


def test_relative_image_without_url_kept() -> None:
    assert build_blogposting(make_article())["image"] == "/images/blog/ia.jpg"


def test_word_count_override_and_no_reading_time() -> None:
    assert build_blogposting(make_article(), word_count=1000)["wordCount"] == 1000
    data = build_blogposting(make_article(reading_time=None))
    assert "wordCount" not in data
    assert "timeRequired" not in data


def test_no_sources_no_citation() -> None:
    assert "citation" not in build_blogposting(make_article(sources=None))


def test_deterministic() -> None:
    first = dumps_jsonld(build_blogposting(make_article(), url=URL, site_name="S"))
    second = dumps_jsonld(build_blogposting(make_article(), url=URL, site_name="S"))
    assert first == second


def test_script_breakout_is_escaped() -> None:
    title = "Titre</script><script>alert(1)</script> & <!-- x -->"
    data = build_blogposting(make_article(title=title, description="a\u2028b\u2029c"), url=URL)
    text = dumps_jsonld(data)
    assert "</script" not in text.lower()
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\u2028" not in text
    assert "\u2029" not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == data
    assert json.loads(text)["headline"] == title


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"b": 1, "a": "é"}, '{"b":1,"a":"é"}'),
        (["<", ">", "&"], '["\\u003c","\\u003e","\\u0026"]'),
        ({"x": None, "y": True}, '{"x":null,"y":true}'),
    ],
)
def test_dumps_jsonld(data: Any, expected: str) -> None:
    assert dumps_jsonld(data) == expected


def test_dumps_jsonld_rejects_nan() -> None:
    with pytest.raises(ValueError, match="JSON"):
        dumps_jsonld({"x": float("nan")})


@pytest.mark.parametrize(
    ("name", "site_name", "organization"),
    [
        ("L'équipe Prizm AI", "", True),
        ("La rédaction", "Le Journal", True),
        ("Prizm AI", "Prizm AI", True),
        ("Prizm AI", "Prizm AI — exemple", True),
        ("Prizm", "Prizm AI", True),
        ("Marie Curie", "Prizm AI", False),
        ("Prizm AIR", "Prizm AI", False),
        ("Equipement Dupont", "", False),
    ],
)
def test_teams_and_the_publisher_are_organizations(
    name: str, site_name: str, organization: bool
) -> None:
    assert is_organization(name, site_name) is organization
