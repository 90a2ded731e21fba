"""Tests for mkdocs_prizm.core.blocks (list repair)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_prizm.core.blocks import (
    RE_LIST_ANY,
    RE_NOT_PARAGRAPH,
    list_breaks,
    replace_pseudo_bullets,
)
from mkdocs_prizm.core.fences import code_flags

RE_STARTS_LIST = re.compile(r"^ {0,3}(?:[-*+]|1[.)])[ \t]+\S")


def separate_lists(text: str) -> tuple[str, int]:
    """The text with a blank line inserted at each of ``list_breaks``, and how many."""
    lines = text.split("\n")
    breaks = list_breaks(text, lines=lines)
    for index in reversed(breaks):
        lines.insert(index, "")
    return "\n".join(lines), len(breaks)


def line_by_line(text: str) -> tuple[str, int]:
    """The rule written as a walk over every line: the reference the fast version must match."""
    out: list[str] = []
    fixed = 0
    prev_paragraph = False
    in_list = False
    lines = text.split("\n")
    for raw, code in zip(lines, code_flags(lines), strict=True):
        if code:
            prev_paragraph = False
            out.append(raw)
            continue
        if RE_STARTS_LIST.match(raw) and prev_paragraph:
            out.append("")
            fixed += 1
        out.append(raw)
        if not raw.strip():
            in_list = False
        elif RE_LIST_ANY.match(raw):
            in_list = True
        prev_paragraph = (
            not in_list
            and bool(raw.strip())
            and not raw.startswith(("    ", "\t"))
            and not RE_NOT_PARAGRAPH.match(raw)
        )
    return ("\n".join(out), fixed) if fixed else (text, 0)


def test_list_after_a_paragraph_gets_a_blank_line() -> None:
    text = "Voici les points :\n- un\n- deux\n\nFin."
    assert separate_lists(text) == ("Voici les points :\n\n- un\n- deux\n\nFin.", 1)


def test_ordered_list_only_when_it_starts_at_one() -> None:
    assert separate_lists("Étapes :\n1. lire\n2. écrire") == ("Étapes :\n\n1. lire\n2. écrire", 1)
    assert separate_lists("En 2024 :\n3. suite") == ("En 2024 :\n3. suite", 0)


def test_lazy_continuation_of_an_item_is_left_alone() -> None:
    text = "- un\nsuite de l'item\n- deux"
    assert separate_lists(text) == (text, 0)


def test_code_is_left_alone() -> None:
    text = "```\nligne\n- pas une liste\n```\n\n    code\n    - non plus"
    assert separate_lists(text) == (text, 0)


def test_a_list_after_a_fence_inside_an_item_is_left_alone() -> None:
    text = "- item\n```\nx\n```\ntexte\n- deux"
    assert separate_lists(text) == line_by_line(text)


def test_headings_quotes_and_tables_are_not_paragraphs() -> None:
    text = "## Titre\n- a\n> citation\n- b\n| a | b |\n- c"
    assert separate_lists(text) == (text, 0)


def test_several_lists_in_one_article() -> None:
    text = "A :\n- x\n\nB :\n* y\n\nC :\n1) z\nsuite\n- w"
    expected = "A :\n\n- x\n\nB :\n\n* y\n\nC :\n\n1) z\nsuite\n- w"
    assert separate_lists(text) == (expected, 3)


LINES = st.sampled_from(
    [
        "",
        " ",
        "Texte",
        "Deux : suite",
        "- a",
        "* b",
        "+ c",
        "-",
        "1. d",
        "1) e",
        "2. f",
        "   - g",
        "    - h",
        "\t- i",
        "    code",
        "```",
        "~~~",
        "``` `x`",
        "# Titre",
        "> citation",
        "| t |",
        "<div>",
        "---",
        "===",
    ]
)


@settings(max_examples=400)
@given(st.lists(LINES, max_size=14))
def test_same_result_as_the_line_by_line_rule(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert separate_lists(text) == line_by_line(text)


@given(st.lists(LINES, max_size=14))
def test_repair_is_idempotent(lines: list[str]) -> None:
    once, _ = separate_lists("\n".join(lines))
    assert separate_lists(once) == (once, 0)


def test_pseudo_bullets_become_list_items_of_the_same_length() -> None:
    text = "Les actions :\n• **Audit** : un\n\n• **Pilote** : deux\n  ◦ sous-point\nFin."
    fixed, count = replace_pseudo_bullets(text)
    assert count == 3
    assert fixed == "Les actions :\n- **Audit** : un\n\n- **Pilote** : deux\n  - sous-point\nFin."
    assert [len(line) for line in fixed.split("\n")] == [len(line) for line in text.split("\n")]
    # The list repair then separates the first item from the paragraph.
    assert list_breaks(fixed) == [1]


@pytest.mark.parametrize(
    "text",
    [
        "```\n• dans un bloc de code\n```",
        "Texte\n\n    • code indenté",
        "•sans espace",
        "Un point • au milieu",
        "Aucune puce",
    ],
)
def test_pseudo_bullets_leave_code_and_prose_alone(text: str) -> None:
    assert replace_pseudo_bullets(text) == (text, 0)
