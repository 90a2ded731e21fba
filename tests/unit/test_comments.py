from __future__ import annotations

import textwrap

import pytest

from mkdocs_prizm.core.comments import NoteMatcher, strip_notes
from mkdocs_prizm.core.problems import ProblemSink

NOTE = (
    "<!--\nARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nVersion : Factuel + Style\n"
    "Score intégrité : 100.0%\nOptimisé le : 2025-07-29T20:37:25.232Z\n-->"
)


def strip(text: str, **kwargs: object) -> tuple[str, ProblemSink, object]:
    sink = ProblemSink("a.md")
    result = strip_notes(textwrap.dedent(text), sink, NoteMatcher(**kwargs))
    return result.text, sink, result


def test_block_note_removed_and_fields_kept() -> None:
    text, sink, result = strip(f"Intro\n\n{NOTE}\n\n# Title\n")
    assert "ARTICLE FINAL" not in text
    assert "Score" not in text
    assert text.count("\n") == f"Intro\n\n{NOTE}\n\n# Title\n".count("\n")  # lines preserved
    note = result.notes[0]  # type: ignore[attr-defined]
    assert note.kind == "ARTICLE FINAL - OPTIMISÉ STYLE PRIZM"
    assert note.version == "Factuel + Style"
    assert note.integrity_score == 100.0
    assert note.optimised_at == "2025-07-29T20:37:25.232Z"
    assert note.line == 3
    assert not sink.items


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("Text <!-- Score intégrité : 0.0% --> more text.", "Text more text."),
        ("Text<!--Score conversationnel : 97%-->more", "Text more"),
        ("  <!--\n  STYLE CONVERSATIONNEL APPLIQUÉ\n  -->\nPara", "Para"),
        ("- item\n\n    <!-- Score intégrité : 1% -->\n\n    more of the item", "item"),
        ("A\r\n<!--\r\nOptimisé le : x\r\n-->\r\nB".replace("\r\n", "\n"), "B"),
        ("Mid <!-- optimise le : 2025\nsecond line --> end", "end"),
    ],
)
def test_notes_removed_everywhere(source: str, kept: str) -> None:
    text, _, _ = strip(source)
    assert "Score" not in text
    assert "STYLE" not in text
    assert "ptimis" not in text
    assert kept.rsplit(maxsplit=1)[-1] in text


@pytest.mark.parametrize(
    "source",
    [
        "```html\n<!-- Score intégrité : 100% -->\n```\n",
        "~~~\n<!-- ARTICLE FINAL -->\n~~~\n",
        "Para\n\n    <!-- Score intégrité : 1% -->\n",
        "Use `<!-- Score intégrité : 1% -->` in code.",
        "<!-- more -->",
        "<!-- material/tags { include: [a] } -->",
        "<!-- a normal comment -->",
    ],
)
def test_kept(source: str) -> None:
    text, _, result = strip(source)
    assert text == source
    assert result.removed == 0  # type: ignore[attr-defined]


def test_strip_all_keeps_directives() -> None:
    text, _, _ = strip("<!-- more -->\n\n<!-- todo: x -->\n\nBody", strip_all=True)
    assert "<!-- more -->" in text
    assert "todo" not in text
    assert "Body" in text


def test_unclosed_note_reported_and_text_after_kept() -> None:
    source = (
        "Intro\n\n<!--\nScore intégrité : 0.0%\nOptimisé le : x\n\n"
        "The article goes on.\n\n## Next\n"
    )
    text, sink, _ = strip(source)
    assert "Score" not in text
    assert "The article goes on." in text
    assert "## Next" in text
    (problem,) = sink.items
    assert problem.code == "PRZ201"
    assert problem.line == 3


def test_unclosed_ordinary_comment_is_published_as_written() -> None:
    source = "Intro <!-- forgot to close\n\nNext para"
    text, sink, _ = strip(source)
    assert text == source
    assert sink.items[0].code == "PRZ201"


def test_many_unclosed_comments_are_linear() -> None:
    source = "<!-- " * 50_000
    text, sink, _ = strip(source)
    assert text == source
    assert len(sink.items) == 1
