"""Tests for mkdocs_prizm.core.pipeline helpers."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core.detect import RE_FIRST_H1, _first_h1, is_internal_report
from mkdocs_prizm.core.options import OptionsError
from mkdocs_prizm.core.pipeline import Processed, analyse
from mkdocs_prizm.render import (
    SOURCES_CLOSE,
    SOURCES_LIST,
    SOURCES_OPEN,
    Renderer,
    RenderOptions,
    article_markdown,
    make_environment,
)

RENDERER = Renderer(make_environment(), RenderOptions())

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


def _lines(html: str) -> list[str]:
    return [line for line in html.split("\n") if line.strip()]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_every_corpus_article_renders_its_markers_and_citation_links() -> None:
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
    compared = 0
    for path in sorted(CORPUS.glob("*.md")):
        processed = analyse(path.read_text(encoding="utf-8"), path.name)
        html = md.reset().convert(article_markdown(processed, RENDERER.citation))
        section = processed.article.sources
        if section is not None and section.entries:
            assert _lines(html).count(SOURCES_LIST) == 1, path.name
            assert html.index(SOURCES_OPEN) < html.index(SOURCES_LIST) < html.index(SOURCES_CLOSE)
        assert html.count('class="prizm-cite') == len(processed.citations), path.name
        assert "prizm-cite:" not in html
        assert "PRIZMSOURCES" not in html
        compared += bool(processed.citations)
    assert compared >= 10  # articles with a linked citation


def test_analyse_takes_the_plugin_options_by_name() -> None:
    text = "---\ntitle: T\ndate: 2025-07-29\nauthor: A\n---\n\nTexte.\n"
    assert analyse(text).article.language == "fr"
    assert analyse(text, options={"language": "en"}).article.language == "en"
    with pytest.raises(OptionsError, match="nope"):
        analyse(text, options={"nope": 1})


def _article(body: str) -> Processed:
    """``body`` under a minimal article front matter, processed as the MkDocs plugin does."""
    front = "---\ntitle: Titre\ndate: 2025-07-29\nauthor: Prizm AI\n---\n\n"
    return analyse(front + body, "a.md")


def test_lists_after_a_replaced_sources_section_are_separated() -> None:
    # The section's intro and trailing text span several lines: the lines handed from one
    # step to the next stay one item per line, so the list after the section is found.
    result = _article(
        "Texte (Source : Alpha).\n\n## Sources et références\n\nNos sources,\nvérifiées.\n\n"
        "1. **Alpha** - Web\n   - Fiabilité : 8/10\n\nÀ retenir :\n- un\n- deux\n"
    )
    markdown_text = article_markdown(result, RENDERER.citation)
    assert len(result.list_breaks) == 1
    assert "Nos sources,\nvérifiées." in markdown_text
    assert "À retenir :\n\n- un\n- deux" in markdown_text
    assert SOURCES_LIST in markdown_text
    assert (
        '<a class="prizm-cite" id="prizm-cite-1-1" href="#prizm-source-1">Alpha</a>'
        in markdown_text
    )


def test_a_removed_note_that_leaves_an_indented_line_leaves_code_alone() -> None:
    # "<!-- note -->    text" becomes an indented code block once the note is gone: code is
    # located in the text the notes leave, not in the file's text.
    result = _article(
        "Texte.\n\n<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM -->    (Source : Alpha) en code\n\n"
        "## Sources\n\n1. **Alpha** - Web\n   - Fiabilité : 8/10\n"
    )
    assert result.notes_removed == 1
    markdown_text = article_markdown(result, RENDERER.citation)
    assert "\n\n    (Source : Alpha) en code\n" in markdown_text
    assert "prizm-cite" not in markdown_text


def test_pseudo_bullets_are_published_as_one_list() -> None:
    result = _article(
        "Trois actions (Source : Alpha) :\n• **Audit** (Source : Alpha)\n\n• **Pilote**\n\n"
        "## Sources\n\n1. **Alpha** - Web\n   - Fiabilité : 8/10\n"
    )
    html = markdown.markdown(article_markdown(result, RENDERER.citation))
    assert "•" not in html
    assert html.count("<ul>") == 1
    assert html.count("<li>") == 2
    # The citation in the item is linked where it was found.
    assert html.count('class="prizm-cite"') == 2


def test_an_ordinary_page_keeps_its_bullets() -> None:
    result = analyse("# Page\n\nTexte :\n• un\n", "page.md")
    assert not result.article.is_article
    assert result.body == "# Page\n\nTexte :\n• un\n"
