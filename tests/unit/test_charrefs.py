"""Tests for mkdocs_prizm.core.charrefs."""

from __future__ import annotations

import html
import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

from mkdocs_prizm.core.charrefs import astral_to_charrefs, astral_to_json_escapes
from mkdocs_prizm.core.jsonld import dumps_jsonld


def test_emoji_becomes_a_character_reference() -> None:
    assert astral_to_charrefs("🚀 Lancement") == "&#x1F680; Lancement"
    assert astral_to_charrefs('<span title="💶">💶</span>') == (
        '<span title="&#x1F4B6;">&#x1F4B6;</span>'
    )


def test_text_without_astral_characters_is_returned_as_is() -> None:
    text = "L’IA générative — « en 2025 » ●●○○"
    assert astral_to_charrefs(text) is text
    assert astral_to_json_escapes(text) is text
    ascii_text = "plain"
    assert astral_to_charrefs(ascii_text) is ascii_text


def test_json_escape_is_a_surrogate_pair() -> None:
    assert astral_to_json_escapes('"🚀"') == '"\\ud83d\\ude80"'
    assert json.loads(astral_to_json_escapes('"a 𝔸 b 🚀"')) == "a 𝔸 b 🚀"


def _read_as_html(text: str) -> str:
    """``text`` as an HTML parser reads it: a hexadecimal reference gives its code point, even
    a noncharacter (U+1FFFE), which ``html.unescape`` alone would drop."""
    decoded = re.sub(r"&#x([0-9A-F]+);", lambda m: chr(int(m[1], 16)), text)
    return html.unescape(decoded)


@given(st.text())
@example("\U0001fffe 🚀")  # a noncharacter: kept by an HTML parser, as by the reference
def test_charrefs_decode_back_and_leave_no_astral_character(text: str) -> None:
    escaped = html.escape(text)
    out = astral_to_charrefs(escaped)
    assert _read_as_html(out) == text
    assert all(ord(char) <= 0xFFFF for char in out)


@given(st.dictionaries(st.text(), st.text()))
def test_jsonld_keeps_the_data_and_leaves_no_astral_character(data: dict[str, str]) -> None:
    out = dumps_jsonld(data)
    assert json.loads(out) == data
    assert all(ord(char) <= 0xFFFF for char in out)


def test_lone_surrogates_are_not_astral_characters() -> None:
    text = "é \ud83d seul"
    assert astral_to_charrefs(text) is text
    assert astral_to_charrefs("\udfff 🚀 é") == "\udfff &#x1F680; é"
    assert astral_to_json_escapes('"\ud800 🚀"') == '"\ud800 \\ud83d\\ude80"'


@given(st.text(st.characters(categories=["Cs"]) | st.characters()))
def test_only_astral_characters_are_rewritten(text: str) -> None:
    out = astral_to_charrefs(text)
    if any(ord(char) > 0xFFFF for char in text):
        assert out != text
    else:
        assert out is text
