"""The shared text helpers: one fold, one plain_text, one name key."""

from __future__ import annotations

import pytest

from mkdocs_prizm.core.text import fold, normalise_name, plain_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Optimisé le", "optimise le"),
        ("FÉVRIER", "fevrier"),
        ("d’Azur", "d'azur"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_name_key_ignores_emphasis_accents_and_punctuation() -> None:
    assert normalise_name("**CCI Provence-Alpes-Côte d’Azur**") == normalise_name(
        "cci provence alpes cote d'azur"
    )


def test_plain_text_keeps_link_labels() -> None:
    assert plain_text("[*Insee*](https://insee.fr) \\*note\\*") == "Insee *note*"
