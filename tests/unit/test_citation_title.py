"""A citation's title (``citations_preview: false``): its source in words, through Markdown."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_prizm.core.article import Article, Citation, Reliability, Source, SourcesSection
from mkdocs_prizm.render import Renderer, RenderOptions, make_environment

TITLED = Renderer(make_environment(), RenderOptions(citation_title=True))
PLAIN = Renderer(make_environment(), RenderOptions())
CITATION = Citation(line=1, start=0, end=5, number=1, index=1)
EXTENSIONS = ["pymdownx.arithmatex", "pymdownx.caret", "pymdownx.tilde", "pymdownx.mark"]


def _article(title: str, **fields: object) -> Article:
    source = Source(number=1, title=title, reliability=Reliability(score=8.0), **fields)
    return Article(sources=SourcesSection(heading="Sources", level=2, entries=(source,)))


def _render(renderer: Renderer, article: Article, extensions: list[str]) -> BeautifulSoup:
    text = renderer.citer(article)(CITATION, "Alpha") + " suite"
    return BeautifulSoup(markdown.markdown(text, extensions=extensions), "html.parser")


@pytest.mark.parametrize(
    "title",
    [
        "Alpha",
        "Code `x` et [lien](https://x.example) *gras* _souligné_",
        "Maths $x$ \\(y\\) ^^sup^^ ~~barré~~ ==marqué== :smile: {attr} | pipe",
        "Guillemets \"doubles\" et 'simples' <b>gras</b> & esperluette",
        "Astral 𝒜 and escapes \\* \\`",
    ],
)
@pytest.mark.parametrize("extensions", [[], EXTENSIONS], ids=["markdown", "pymdownx"])
def test_title_goes_through_markdown_as_text(title: str, extensions: list[str]) -> None:
    soup = _render(TITLED, _article(title, kind="Étude"), extensions)
    (link,) = soup.select("a.prizm-cite")
    assert link["title"] == f"{title} (Étude) — fiable, 8/10"
    assert link["href"] == "#prizm-source-1"
    assert link.get_text() == "Alpha"
    assert soup.get_text() == "Alpha suite"


def test_no_title_with_previews() -> None:
    (link,) = _render(PLAIN, _article("Alpha"), []).select("a.prizm-cite")
    assert not link.has_attr("title")


def test_a_missing_entry_gives_no_title() -> None:
    text = TITLED.citer(Article())(CITATION, "Alpha")
    assert "title=" not in text
    assert 'href="#prizm-source-1"' in text


def test_an_override_reading_entry_gets_it(tmp_path: Path) -> None:
    override = tmp_path / "prizm" / "citation.html"
    override.parent.mkdir()
    override.write_text(
        '<a class="prizm-cite" href="#{{ citation.target }}"'
        ' data-tier="{{ entry.tier }}">{{ text }}</a>',
        encoding="utf-8",
    )
    renderer = Renderer(make_environment([str(tmp_path)]), RenderOptions())
    text = renderer.citer(_article("Alpha"))(CITATION, "Alpha")
    assert text == '<a class="prizm-cite" href="#prizm-source-1" data-tier="high">Alpha</a>'
