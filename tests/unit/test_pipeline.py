"""Tests for mkdocs_prizm.core.pipeline helpers."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core.pipeline import (
    RE_FIRST_H1,
    SOURCES_CLOSE,
    SOURCES_LIST,
    SOURCES_OPEN,
    Options,
    Processed,
    _first_h1,
    finish_html,
    is_internal_report,
    process_source,
)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "prizmia"


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


def test_finish_html_turns_plain_markers_into_comment_markers() -> None:
    html = (
        "<p>Texte</p>\n<p>PRIZMSOURCESOPENMARK</p>\n<h2>Sources</h2>\n"
        "<p>PRIZMSOURCESLISTMARK</p>\n<p>PRIZMSOURCESCLOSEMARK</p>"
    )
    assert finish_html(html) == (
        f"<p>Texte</p>\n{SOURCES_OPEN}\n<h2>Sources</h2>\n{SOURCES_LIST}\n{SOURCES_CLOSE}"
    )
    assert finish_html(html, markers=False) == html
    assert finish_html("<p>Rien</p>") == "<p>Rien</p>"


def _lines(html: str) -> list[str]:
    return [line for line in html.split("\n") if line.strip()]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_plain_placeholders_render_every_corpus_article_as_the_html_ones() -> None:
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
    compared = 0
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        as_html = process_source(text, path.name)
        plain = process_source(text, path.name, Options(plain_placeholders=True))
        expected = _lines(md.reset().convert(as_html.markdown))
        assert _lines(finish_html(md.reset().convert(plain.markdown))) == expected, path.name
        compared += any("prizm-cite" in line or SOURCES_LIST in line for line in expected)
    assert compared > 30  # articles with a sources list or a linked citation


def _article(body: str) -> Processed:
    """``body`` under a minimal article front matter, processed as the MkDocs plugin does."""
    front = "---\ntitle: Titre\ndate: 2025-07-29\nauthor: Prizm AI\n---\n\n"
    return process_source(front + body, "a.md", Options(plain_placeholders=True))


def test_lists_after_a_replaced_sources_section_are_separated() -> None:
    # The section's intro and trailing text span several lines: the lines handed from one
    # step to the next stay one item per line, so the list after the section is found.
    result = _article(
        "Texte (Source : Alpha).\n\n## Sources et références\n\nNos sources,\nvérifiées.\n\n"
        "1. **Alpha** - Web\n   - Fiabilité : 8/10\n\nÀ retenir :\n- un\n- deux\n"
    )
    assert result.lists_separated == 1
    assert "Nos sources,\nvérifiées." in result.markdown
    assert "À retenir :\n\n- un\n- deux" in result.markdown
    assert "PRIZMSOURCESLISTMARK" in result.markdown
    assert "[Alpha](prizm-cite:1:1)" in result.markdown


def test_a_removed_note_that_leaves_an_indented_line_leaves_code_alone() -> None:
    # "<!-- note -->    text" becomes an indented code block once the note is gone: code is
    # located in the text the notes leave, not in the file's text.
    result = _article(
        "Texte.\n\n<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM -->    (Source : Alpha) en code\n\n"
        "## Sources\n\n1. **Alpha** - Web\n   - Fiabilité : 8/10\n"
    )
    assert result.notes_removed == 1
    assert "\n\n    (Source : Alpha) en code\n" in result.markdown
    assert "prizm-cite" not in result.markdown
