from __future__ import annotations

import textwrap

import pytest

from mkdocs_prizm.core.comments import NoteMatcher, strip_notes
from mkdocs_prizm.core.fences import Fences
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


PRIVATE_NOTE = "ARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nScore intégrité : 100.0%"


@pytest.mark.parametrize(
    ("source", "published", "code"),
    [
        # A typo in the close ends the note there; what follows is published.
        (
            f"<!-- {PRIVATE_NOTE} –>\n\nPara one.\n\n<!-- more -->\n\nPara two.\n",
            ["Para one.", "<!-- more -->", "Para two."],
            "PRZ203",
        ),
        (f"<!-- {PRIVATE_NOTE} — >\n\nPara one.\n", ["Para one."], "PRZ203"),
        (f"<!-- {PRIVATE_NOTE} -- >\nPara one.\n", ["Para one."], "PRZ203"),
        (f"<!-- {PRIVATE_NOTE} ‐> Same line.\n", ["Same line."], "PRZ203"),
        (f"<!-- {PRIVATE_NOTE} --!>\n\nPara one.\n", ["Para one."], "PRZ203"),
        # Unclosed: the note ends with its paragraph, or before a heading.
        (
            f"<!-- {PRIVATE_NOTE}\n# Heading\nFirst para.\n\nSecond.\n\n<!-- Score intégrité -->\n",
            ["# Heading", "First para.", "Second."],
            "PRZ201",
        ),
        (
            f"<!-- {PRIVATE_NOTE}\n\nPara one.\n\n<!-- more -->\n",
            ["Para one.", "<!-- more -->"],
            "PRZ201",
        ),
        (f"<!-- {PRIVATE_NOTE} <!-- more -->\n", ["<!-- more -->"], "PRZ201"),
    ],
)
def test_faulty_close_costs_one_paragraph_at_most(
    source: str, published: list[str], code: str
) -> None:
    text, sink, _ = strip(source)
    assert "ARTICLE FINAL" not in text
    assert "Score" not in text
    for kept in published:
        assert kept in text
    (problem,) = sink.items
    assert problem.code == code
    assert problem.line >= 1
    assert problem.column >= 1


def test_almost_close_reported_where_it_stands() -> None:
    _, sink, _ = strip("Intro\n\n<!-- Score intégrité : 1%\nVersion : 2 –>\n\nNext\n")
    (problem,) = sink.items
    assert (problem.line, problem.column) == (4, 13)


@pytest.mark.parametrize(
    ("comment", "directive"),
    [
        ("<!-- more -->", True),
        ("<!-- MORE -->", True),
        ("<!-- material/tags -->", True),
        ("<!-- material/tags { include: [a] } -->", True),
        ("<!-- toc -->", True),
        ("<!-- prizm:sources -->", True),
        ("<!-- moreover, this stays private -->", False),
        ("<!-- Mkdocsprizm build -->", False),
        ("<!-- navigation interne -->", False),
        ("<!-- tocs -->", False),
    ],
)
def test_directives_match_whole_names(comment: str, directive: bool) -> None:
    text, _, _ = strip(f"{comment}\n\nBody", strip_all=True)
    assert (comment in text) is directive
    assert "Body" in text


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- Navigation interne : ARTICLE FINAL - OPTIMISÉ STYLE PRIZM -->",
        "<!-- moreover Score intégrité : 100% -->",
        "<!-- more Score intégrité : 100% -->",
    ],
)
def test_note_starting_like_a_directive_is_a_note(comment: str) -> None:
    text, _, result = strip(f"{comment}\n\nBody")
    assert "<!--" not in text
    assert result.removed == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "source",
    [
        # Escaped backticks are no code span: the note is a note.
        "Text \\`<!-- Score intégrité : 1% -->\\` more.",
        # An unclosed fence is no code block, for fenced_code and superfences alike.
        "```\ncode\n\n<!-- Score intégrité : 1% -->\n\nAfter.",
        # A fence closed by a longer fence only is unclosed.
        "```\ncode\n````\n\n<!-- Score intégrité : 1% -->\n\nAfter.",
        # fenced_code takes neither indented fences nor options other than hl_lines.
        "Para\n\n  ```\n  <!-- Score intégrité : 1% -->\n  ```\n\nAfter.",
        '```python title="x.py"\n<!-- Score intégrité : 1% -->\n```\n\nAfter.',
        # superfences rejects unknown options.
        "```python foo=1\n<!-- Score intégrité : 1% -->\n```\n\nAfter.",
    ],
)
def test_note_outside_code_for_some_renderer_is_removed(source: str) -> None:
    text, _, result = strip(source)
    assert "Score" not in text
    assert result.removed == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "source",
    [
        "``` { .python }\n<!-- Score intégrité : 1% -->\n```\n",
        "~~~~\n<!-- Score intégrité : 1% -->\n~~~~\n",
        '```python hl_lines="1"\n<!-- Score intégrité : 1% -->\n```\n',
        "Text\n```\n<!-- Score intégrité : 1% -->\n```\n",
        "Use ``<!-- Score intégrité : 1% -->`` here.",
        "Escaped \\\\`<!-- Score intégrité : 1% -->` backslash.",
    ],
)
def test_note_in_code_for_every_renderer_is_kept(source: str) -> None:
    text, _, result = strip(source)
    assert text == source
    assert result.removed == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fences", "removed"),
    [(Fences.SUPERFENCES, 0), (Fences.FENCED_CODE, 1), (Fences.NONE, 1)],
)
def test_fences_follow_the_configured_renderer(fences: Fences, removed: int) -> None:
    source = '  ```python title="x.py"\n  <!-- Score intégrité : 1% -->\n  ```\n'
    _, _, result = strip(source, fences=fences)
    assert result.removed == removed  # type: ignore[attr-defined]


def test_a_removal_that_changes_what_is_code_is_read_again() -> None:
    # Under pymdownx.superfences the note between the unclosed indented fence and the fence
    # line breaks the first block; once it is gone, the fence line is consumed by that block,
    # and the second note is no longer code: it must go too.
    text = (
        " ```\n La phrase reste publiée.\n\n"
        "<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nScore intégrité : 90% -->\n\n"
        "```\nUne autre phrase.\n<!-- Score intégrité : 1% SECRET -->\n```"
    )
    result = strip_notes(text, ProblemSink("a.md"), NoteMatcher(fences=Fences.SUPERFENCES))
    assert "SECRET" not in result.text
    assert "Une autre phrase." in result.text
    assert result.removed == 2
