"""Tests for mkdocs_prizm.core.titles (the site's name stripped from titles)."""

from __future__ import annotations

import pytest

from mkdocs_prizm.core.pipeline import analyse
from mkdocs_prizm.core.titles import strip_heading_suffix, strip_suffix


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Guide IA | Prizm AI", "Guide IA"),
        ("Guide IA - Prizm AI", "Guide IA"),
        ("Guide IA – prizm ai", "Guide IA"),
        ("Guide IA — PRIZM AÏ", "Guide IA"),
        ("L'IA - un guide | Prizm AI | Prizm AI", "L'IA - un guide"),
        ("Guide IA", None),
        ("Prizm AI", None),
        ("Guide IA | Prizm AI et vous", None),
        ("Guide IA|Prizm AI", None),
    ],
)
def test_strip_suffix(title: str, expected: str | None) -> None:
    assert strip_suffix(title, ["Prizm AI"]) == expected


def test_first_heading_loses_the_suffix_and_nothing_before_it() -> None:
    body = "Intro (Source : Alpha)\n\n# Titre | Prizm AI ##\n\n# Autre | Prizm AI\n"
    assert strip_heading_suffix(body, ["Prizm AI"]) == (
        "Intro (Source : Alpha)\n\n# Titre\n\n# Autre | Prizm AI\n",
        2,
        "Titre",
    )
    assert strip_heading_suffix("```\n# code | Prizm AI\n```\n", ["Prizm AI"]) is None


def test_pipeline_strips_title_and_heading_and_says_so() -> None:
    text = (
        '---\ntitle: "Guide IA | Prizm AI"\ndate: 2025-07-29\nauthor: A\n---\n\n'
        "# Guide IA | Prizm AI\n\nTexte.\n"
    )
    result = analyse(text, "a.md")
    assert result.article.title == "Guide IA"
    assert result.meta_updates["title"] == "Guide IA"
    assert result.body.startswith("# Guide IA\n")
    assert [(p.code, p.line, p.severity.value) for p in result.problems] == [
        ("PRZ806", 2, "info"),
        ("PRZ806", 7, "info"),
    ]
    kept = analyse(text, "a.md", {"titles_strip_suffixes": []})
    assert kept.article.title == "Guide IA | Prizm AI"
    assert "title" not in kept.meta_updates
