"""Tests for mkdocs_prizm.core.residue (what the publishing pipeline leaves in articles)."""

from __future__ import annotations

import pytest

from mkdocs_prizm.core.pipeline import analyse
from mkdocs_prizm.core.problems import CODES, Severity
from mkdocs_prizm.core.residue import ResidueKind, find_residue


@pytest.mark.parametrize(
    ("text", "kind", "column"),
    [
        (
            "Je vais transformer cet article en version conversationnelle. Voici ma proposition :",
            ResidueKind.TALK,
            1,
        ),
        ("Je remarque une incohérence dans les dates des sources fournies.", ResidueKind.TALK, 1),
        ("J'ai besoin que vous me communiquiez :", ResidueKind.TALK, 1),
        ("J’ai besoin que vous me communiquiez :", ResidueKind.TALK, 1),
        ("**Je vais suivre le processus** étape par étape.", ResidueKind.TALK, 3),
        ("Souhaitez-vous me fournir :", ResidueKind.TALK, 1),
        ("Pour rédiger une introduction fiable, j'aurais besoin :", ResidueKind.TALK, 1),
        (
            "Le marché atteint [Donnée factuelle à insérer] cette année.",
            ResidueKind.PLACEHOLDER,
            19,
        ),
        ("[Synthèse basée sur vos sources]", ResidueKind.PLACEHOLDER, 1),
        ("[Sources identiques conservées à l'identique]", ResidueKind.SOURCES_PLACEHOLDER, 1),
        ("Texte **[[PATTERN]]ÉTAPE 1**", ResidueKind.TOKEN, 9),
    ],
)
def test_residue_is_found_with_its_column(text: str, kind: ResidueKind, column: int) -> None:
    found = find_residue("# Titre\n\n" + text + "\n")
    assert [(r.kind, r.line, r.column) for r in found] == [(kind, 3, column)]


@pytest.mark.parametrize(
    "text",
    [
        "Voici ce que disent les experts (et ce sont des sources solides) :",
        "Je vais être franc : l'IA ne fera pas tout.",
        "Je ne peux pas m'empêcher de penser aux artisans.",
        "Pour aller plus loin, consultez le [guide](https://example.org).",
        "Voir la note [^1] et la référence [doc][ref].",
        "« Nous avons [le gouvernement] tranché », dit-il […].",
        "- [ ] à faire\n- [x] fait",
        "[TOC]",
        "Le lien [[Page d'accueil]] d'un wiki.",
        "`[[PATTERN]]` et `[Donnée à insérer]` en code.",
        "```\nJe vais transformer cet article\n[[PATTERN]]\n```",
        "Un texte qui cite [Donnée à insérer](https://example.org).",
        "Cela me permet de dire que [la PME] avance.",
    ],
)
def test_ordinary_writing_is_not_residue(text: str) -> None:
    assert find_residue(text) == []


def test_talk_is_only_read_at_a_paragraph_start() -> None:
    assert find_residue("Il a dit :\nJe vais transformer cet article en version courte.") == []


def test_a_placeholder_in_the_sources_section_names_what_readers_lose() -> None:
    text = (
        "---\ntitle: T\ndate: 2025-07-29\nauthor: A\n---\n\nTexte.\n\n## Sources et références\n\n"
        "*Nos sources :*\n\n[Liste conservée telle quelle]\n"
    )
    result = analyse(text, "a.md")
    (problem,) = [p for p in result.problems if p.code.startswith("PRZ8")]
    assert (problem.code, problem.line, problem.column) == ("PRZ804", 13, 1)
    assert problem.severity is Severity.WARNING
    assert "no sources" in problem.message
    assert result.residue == 1
    assert not result.keep_out
    # Nothing is removed: the editor fixes the text.
    assert "[Liste conservée telle quelle]" in result.body


def test_residue_options() -> None:
    text = "---\ntitle: T\ndate: 2025-07-29\nauthor: A\n---\n\nJe vais reformuler cet article.\n"
    assert analyse(text, options={"residue": False}).residue == 0
    excluded = analyse(text, options={"residue_exclude": True})
    assert excluded.keep_out
    assert [p.code for p in excluded.problems] == ["PRZ805", "PRZ801"]
    assert [(p.line, p.column) for p in excluded.problems][1] == (7, 1)
    assert {"PRZ801", "PRZ802", "PRZ803", "PRZ804", "PRZ805"} <= CODES.keys()


def test_an_ordinary_page_is_not_read_for_residue() -> None:
    assert analyse("# Page\n\n[[PATTERN]]\n", "page.md").problems == ()
