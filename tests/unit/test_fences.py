"""Tests for mkdocs_prizm.core.fences (which lines are code blocks)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core.fences import (
    code_flags,
    fence_flags,
    may_have_code_blocks,
    may_have_fences,
)


def flags(text: str) -> list[bool]:
    return code_flags(text.split("\n"))


def test_fenced_block_including_its_fences() -> None:
    text = "Intro\n```python\nx = 1\n\n```\nAfter"
    assert flags(text) == [False, True, True, True, True, False]


def test_fence_closes_only_with_the_same_character_and_length() -> None:
    text = "````\n```\n~~~~\n````\nout"
    assert flags(text) == [True, True, True, True, False]


def test_backtick_fence_info_string_cannot_hold_a_backtick() -> None:
    assert flags("``` `x`\ntext") == [False, False]


def test_indented_block_after_a_blank_line() -> None:
    text = "Paragraph\n\n    code\n    more\nback"
    assert flags(text) == [False, False, True, True, False]


def test_indented_line_continuing_a_paragraph_is_not_code() -> None:
    assert flags("Paragraph\n    continued") == [False, False]


def test_list_continuations_are_not_code() -> None:
    text = "- item\n\n    continuation\n1. next\n\n    more"
    assert flags(text) == [False, False, False, False, False, False]


def test_prose_after_a_blank_line_ends_the_list() -> None:
    text = "- item\n\nProse\n\n    code"
    assert flags(text) == [False, False, False, False, True]


def test_a_line_of_unicode_spaces_is_blank() -> None:
    # "\u00a0" is white space for str.strip(): the line is blank, so code may follow.
    text = "Prose\n\u00a0\n    code"
    assert flags(text) == [False, False, True]


def test_blank_lines_inside_an_indented_block_belong_to_it() -> None:
    text = "\n    a\n\n    b"
    assert flags(text) == [False, True, True, True]


LINES = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "\u00a0",
        "text",
        "- a",
        "* b",
        "+",
        "1. c",
        "12) d",
        "  - e",
        "    code",
        "\tcode",
        "```",
        "```py",
        "``` `x`",
        "~~~",
        "~~~~",
        "   ```",
        "    ```",
        "> quote",
        "١. arabic digit",
    ]
)


@given(st.lists(LINES, max_size=12))
def test_the_quick_checks_never_say_no_wrongly(lines: list[str]) -> None:
    text = "\n".join(lines)
    split = text.split("\n")
    flags = code_flags(split)
    assert len(flags) == len(split)
    if not may_have_code_blocks(text):
        assert not any(flags)
    if not may_have_fences(text):
        assert not any(fence_flags(split))
