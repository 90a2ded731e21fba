"""Tests for mkdocs_prizm.core.pipeline helpers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core.pipeline import RE_FIRST_H1, _first_h1, is_internal_report


def test_first_level_one_heading() -> None:
    assert _first_h1("Intro\n## Partie\n# Titre #\ntexte") == "Titre"
    assert _first_h1("# Titre") == "Titre"
    assert _first_h1("#Titre\n## Partie") is None
    assert _first_h1("") is None


@given(st.lists(st.sampled_from(["#", "# ", "## ", "#  T", "Titre", "\n", " ", "# Titre #"])))
def test_first_heading_is_what_a_multiline_search_finds(parts: list[str]) -> None:
    text = "".join(parts)
    match = RE_FIRST_H1.search(text)
    assert _first_h1(text) == (match.group(1) if match else None)


def test_report_recognised_by_its_first_heading() -> None:
    body = "Intro\n\n# Rapport d’optimisation – article 12\n\nScore : 100 %"
    assert is_internal_report({}, body, ("Rapport d'optimisation",))
    assert not is_internal_report({"title": "Guide"}, "# Guide\n", ("Rapport d'optimisation",))
