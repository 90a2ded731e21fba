"""The AI disclosure (``core/disclosure.py``): sentence, JSON-LD fields, reviewers, PRZ621."""

from __future__ import annotations

from textwrap import dedent
from typing import Any

import pytest

from mkdocs_prizm.core.article import Article, Author
from mkdocs_prizm.core.disclosure import (
    DIGITAL_SOURCE_TYPE,
    disclosure_jsonld,
    disclosure_sentence,
)
from mkdocs_prizm.core.i18n import labels_for
from mkdocs_prizm.core.pipeline import analyse
from mkdocs_prizm.render.notices import disclosure_data

FR = labels_for("fr")
EN = labels_for("en")


@pytest.mark.parametrize(
    ("reviewers", "labels", "language", "text", "sentence"),
    [
        ((), FR, "fr", None, "Article rédigé avec l'aide de l'IA."),
        (
            ("Claire Martin",),
            FR,
            "fr",
            None,
            "Article rédigé avec l'aide de l'IA, relu par Claire Martin.",
        ),
        (("A", "B"), FR, "fr", None, "Article rédigé avec l'aide de l'IA, relu par A et B."),
        ((), EN, "en", None, "Written with the help of AI."),
        (
            ("Claire Martin",),
            EN,
            "en",
            None,
            "Written with the help of AI, reviewed by Claire Martin.",
        ),
        (("A", "B", "C"), EN, "en", None, "Written with the help of AI, reviewed by A, B, and C."),
        # The site's own sentence: {reviewer} replaced; other braces kept as written.
        (
            ("Léa",),
            FR,
            "fr",
            "Texte assisté par IA {x}, vérifié par {reviewer}.",
            "Texte assisté par IA {x}, vérifié par Léa.",
        ),
        ((), FR, "fr", "Vérifié par {reviewer}.", "Article rédigé avec l'aide de l'IA."),
        ((), FR, "fr", "Texte assisté par IA.", "Texte assisté par IA."),
    ],
)
def test_disclosure_sentence(
    reviewers: tuple[str, ...],
    labels: dict[str, str],
    language: str,
    text: str | None,
    sentence: str,
) -> None:
    assert disclosure_sentence(reviewers, labels, language, text) == sentence


def test_jsonld_fields() -> None:
    reviewers = (
        Author("claire", "Claire Martin", url="https://example.org/claire"),
        Author("Léa", "Léa"),
        Author("x", "X", url="javascript:alert(1)"),
    )
    data = disclosure_jsonld(reviewers, "https://example.org/charte-ia/")
    assert data == {
        "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
        "editor": [
            {"@type": "Person", "name": "Claire Martin", "url": "https://example.org/claire"},
            {"@type": "Person", "name": "Léa"},
            {"@type": "Person", "name": "X"},
        ],
        "publishingPrinciples": "https://example.org/charte-ia/",
    }
    assert disclosure_jsonld((), None) == {"digitalSourceType": DIGITAL_SOURCE_TYPE}


@pytest.mark.parametrize(
    ("principles", "site_url", "expected"),
    [
        ("https://example.org/ia/", "", "https://example.org/ia/"),
        ("charte-ia/", "https://example.org/prizm/", "https://example.org/prizm/charte-ia/"),
        ("charte-ia/", "", None),  # relative, and no site URL to make it absolute
        ("javascript:alert(1)", "https://example.org/", None),
        (None, "https://example.org/", None),
    ],
)
def test_principles_url(principles: str | None, site_url: str, expected: str | None) -> None:
    data = disclosure_data(Article(is_article=True), principles, site_url)
    assert data.get("publishingPrinciples") == expected


ARTICLE = """\
---
title: Un article
date: 2025-07-29
author: Prizm AI
{extra}---

# Un article

Du texte.
"""


def run(extra: str = "", **options: Any) -> Any:
    return analyse(dedent(ARTICLE).replace("{extra}", extra), "a.md", options)


@pytest.mark.parametrize(
    ("front_matter", "options", "names"),
    [
        ("", {}, ()),
        ("reviewer: Léa Roux\n", {}, ("Léa Roux",)),
        ("reviewedBy: Léa Roux\n", {}, ("Léa Roux",)),
        ("relecteur: Léa Roux\n", {}, ("Léa Roux",)),
        ("reviewers: [Léa Roux, Paul Simon]\n", {}, ("Léa Roux", "Paul Simon")),
        ("", {"disclosure_reviewer": "Claire Martin"}, ("Claire Martin",)),
        # What the article says wins over the site's default.
        ("relecteur: Léa Roux\n", {"disclosure_reviewer": "Claire Martin"}, ("Léa Roux",)),
        ("reviewer: <b>Léa</b>\n", {}, ("Léa",)),  # markup removed
    ],
)
def test_reviewers(front_matter: str, options: dict[str, Any], names: tuple[str, ...]) -> None:
    processed = run(front_matter, **options)
    assert tuple(r.name for r in processed.article.reviewers) == names


def test_wrong_reviewer_value_is_reported() -> None:
    processed = run("reviewer: {name: Léa}\n")
    assert processed.article.reviewers == ()
    assert [(p.code, p.line) for p in processed.problems] == [("PRZ104", 5)]


def test_missing_reviewer_is_a_warning_when_required() -> None:
    processed = run(disclosure_require_reviewer=True)
    [problem] = [p for p in processed.problems if p.code == "PRZ621"]
    assert problem.severity.value == "warning"
    assert (problem.file, problem.line) == ("a.md", 4)  # at the author's line
    assert "reviewer" in problem.message


@pytest.mark.parametrize(
    ("extra", "options"),
    [
        ("", {}),  # not required by default
        ("reviewer: Léa\n", {"disclosure_require_reviewer": True}),
        ("", {"disclosure_require_reviewer": True, "disclosure_reviewer": "Claire"}),
        ("", {"disclosure_require_reviewer": True, "disclosure": False}),
    ],
)
def test_no_warning(extra: str, options: dict[str, Any]) -> None:
    assert not [p for p in run(extra, **options).problems if p.code == "PRZ621"]
