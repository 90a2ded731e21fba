"""Tests for mkdocs_prizm.render.swap_markers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.render import swap_markers

A, B, C = "<!-- a -->", "<!-- b -->", "<!-- c -->"


def test_each_marker_is_replaced_once_in_document_order() -> None:
    text = f"x{B}y{A}z{A}"
    assert swap_markers(text, [(A, "[A]"), (B, "[B]")]) == f"x[B]y[A]z{A}"


def test_missing_markers_are_ignored_and_the_tail_is_appended() -> None:
    assert swap_markers("page", [(A, "[A]")], "<script></script>") == "page<script></script>"


def test_nothing_to_do_returns_the_same_text() -> None:
    text = "page"
    assert swap_markers(text, [(A, "[A]")]) is text
    assert swap_markers(text, []) is text


@given(
    st.lists(st.sampled_from(["x", "<", "-->", A, B, C]), max_size=12),
    st.text(max_size=5),
)
def test_same_result_as_one_replace_per_marker(parts: list[str], tail: str) -> None:
    text = "".join(parts)
    swaps = [(A, "[A]"), (B, "<b>"), (C, "")]
    expected = text
    for marker, html in swaps:
        expected = expected.replace(marker, html, 1)
    assert swap_markers(text, swaps, tail) == expected + tail
