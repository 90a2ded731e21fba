"""The post-build audit's matching: markers found in every published encoding, once per file."""

from __future__ import annotations

import unicodedata

import pytest

from mkdocs_prizm.core.audit import (
    Auditor,
    LeakKind,
    Marker,
    default_markers,
    note_markers,
)
from mkdocs_prizm.core.comments import DEFAULT_NOTE_PATTERNS

AUDITOR = Auditor(default_markers(DEFAULT_NOTE_PATTERNS))


def labels(data: bytes, *, markup: bool = True) -> list[str]:
    return [leak.label for leak in AUDITOR.scan(data, markup=markup)]


@pytest.mark.parametrize(
    "data",
    [
        "<p>Score intégrité : 92 %</p>".encode(),
        b"<p>Score int&eacute;grit&eacute; : 92 %</p>",
        b"<p>Score int&#233;grit&#233; : 92 %</p>",
        b"<p>Score int&#xE9;grit&#xe9; : 92 %</p>",
        unicodedata.normalize("NFD", "<p>Score intégrité</p>").encode(),
        b'{"text":"Titre\\nScore int\\u00e9grit\\u00e9 : 92%"}',
        b'{"text":"Score int\\u00E9grit\\u00E9"}',
    ],
)
def test_a_note_is_found_in_every_encoding(data: bytes) -> None:
    assert labels(data) == ["Score intégrité"]


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (b"<p>Rapport d&#x27;optimisation</p>", "Rapport d'optimisation"),
        (b"<p>Rapport d&rsquo;optimisation</p>", None),  # another character: not the pattern
        ("<title>ARTICLE FINAL - OPTIMISÉ STYLE PRIZM</title>".encode(), "ARTICLE FINAL"),
    ],
)
def test_escaped_punctuation(data: bytes, label: str | None) -> None:
    found = labels(data)
    assert (label in found) if label else not found


@pytest.mark.parametrize(
    "text",
    [
        "Optimisé les performances",  # the pattern is a word: 'Optimisé le' is not in it
        "NotScore intégrité",
        "score intégrité",  # case as written
        "un article final",
        "<code>Score intégrité</code>",  # an example in code is content
        "<pre><code>&lt;!-- ARTICLE FINAL\nScore intégrité : 100%\n--&gt;</code></pre>",
        "a.prizm-cite:target { color: red }",  # the stylesheet
    ],
)
def test_no_false_positive(text: str) -> None:
    assert labels(text.encode()) == []


def test_line_and_column_name_the_first_place() -> None:
    data = '<html>\n<head>\n<meta content="Éditions. Score intégrité : 1">\n'.encode()
    (leak,) = AUDITOR.scan(data * 2)
    assert (leak.line, leak.column) == (3, 26)
    assert leak.kind is LeakKind.NOTE
    assert 'internal note "Score intégrité" published' in leak.message


def test_the_plugins_markers() -> None:
    data = b'<p>x</p>\n<p><!-- prizm:byline --></p>\n<a href="#prizm-source-2">x</a>\n'
    leaks = AUDITOR.scan(data)
    assert [(leak.label, leak.line) for leak in leaks] == [("<!-- prizm:", 2)]
    assert all(leak.kind is LeakKind.PLACEHOLDER for leak in leaks)
    assert labels(b"<p>&lt;!-- prizm:sources --&gt;</p>") == ["<!-- prizm:"]


def test_a_comment_shown_as_text_in_a_search_index_is_an_example() -> None:
    data = b'{"text":"<!-- ARTICLE FINAL Score int\\u00e9grit\\u00e9 : 100% -->"}'
    assert labels(data, markup=False) == []
    assert labels(b'{"text":"Score int\\u00e9grit\\u00e9 : 100%"}', markup=False) != []


def test_a_pattern_the_pages_show_in_code_is_an_example_in_the_search_index() -> None:
    examples: set[str] = set()
    page = "<p>Le pipeline écrit <code>Score intégrité : 100%</code>.</p>".encode()
    assert AUDITOR.scan(page, examples=examples) == []
    assert examples == {"Score intégrité"}
    index = b'{"text":"Le pipeline \\u00e9crit Score int\\u00e9grit\\u00e9 : 100%."}'
    assert AUDITOR.scan(index, markup=False, examples=examples) == []
    # Without a page showing it in code, or for another pattern, the index leaks.
    assert labels(index, markup=False) == ["Score intégrité"]
    assert labels(b'{"text":"ARTICLE FINAL"}', markup=False) == ["ARTICLE FINAL"]
    # In a page, what is shown as an example elsewhere is still a leak outside code.
    assert [
        leak.label
        for leak in AUDITOR.scan(b"<p>Score int&eacute;grit&eacute;</p>", examples=examples)
    ] == ["Score intégrité"]


def test_a_clean_page_has_no_leak() -> None:
    page = "<html><body><h1>Optimisation des PME</h1><p>Rapport annuel.</p></body></html>"
    assert AUDITOR.scan(page.encode() * 100) == []


def test_the_configured_patterns_are_looked_for() -> None:
    auditor = Auditor(note_markers(["Note interne", "★★★", ""]))
    assert [m.label for m in auditor.markers] == ["Note interne"]  # nothing to search: left out
    assert [leak.label for leak in auditor.scan(b"x Note  interne y")] == []
    assert [leak.label for leak in auditor.scan(b"x Note interne y")] == ["Note interne"]


def test_patterns_that_start_alike_are_each_found() -> None:
    auditor = Auditor(note_markers(("Score intégrité", "Score conversationnel", "Score")))
    data = "<p>Score final</p>\n<p>Score conversationnel : 9</p>\n<p>Score intégrité</p>"
    found = [(leak.label, leak.line) for leak in auditor.scan(data.encode())]
    assert found == [("Score", 1), ("Score conversationnel", 2), ("Score intégrité", 3)]
    assert Auditor(note_markers(("Score intégrité", "Score conv"))).scan(b"Score final") == []


def test_expression_markers_hook() -> None:
    marker = Marker.from_regex(LeakKind.RESIDUE, "[[TOKEN]]", b"[[", rb"\[\[[A-Z_]{3,}\]\]")
    auditor = Auditor([marker])
    (leak,) = auditor.scan(b"<p>Texte [[CONCLUSION]] fin</p>")
    assert leak.kind is LeakKind.RESIDUE
    assert leak.found == "[[CONCLUSION]]"
    assert auditor.scan(b"<p>[[lien wiki]]</p>") == []
    with pytest.raises(ValueError, match="anchor"):
        Marker.from_regex(LeakKind.RESIDUE, "x", b"", b"x")


RESIDUE_AUDITOR = Auditor(default_markers(DEFAULT_NOTE_PATTERNS, residue=True))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<p>Souhaitez-vous me fournir :</p>", ["Souhaitez-vous me fournir"]),
        (b'{"text":"Cela me permettra de r\\u00e9diger"}', ["Cela me permettra de rédiger"]),
        (b"<p>[Sources conserv&eacute;es &agrave; l&#x27;identique]</p>", ["à l'identique]"]),
        ("<p>[Sources et références identiques à l'original]</p>".encode(), ["à l'original]"]),
        (b"<p><strong>[[PATTERN]]ETAPE 1</strong></p>", ["[[TOKEN]]"]),
        (b"var a=[[0]],b=[[x]],c=[['AB']];", []),  # scripts: not a token
        ("<p>Je vais transformer ma façon de travailler.</p>".encode(), []),
        ("<p>fidèle à l'original</p>".encode(), []),
    ],
)
def test_residue_markers(data: bytes, expected: list[str]) -> None:
    leaks = RESIDUE_AUDITOR.scan(data)
    assert [leak.label for leak in leaks] == expected
    assert all(leak.kind is LeakKind.RESIDUE for leak in leaks)


def test_residue_is_looked_for_only_when_asked() -> None:
    assert AUDITOR.scan(b"<p>Souhaitez-vous me fournir :</p>") == []
