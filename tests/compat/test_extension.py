"""The Python-Markdown extension, on its own and inside a real MkDocs build (no plugin)."""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.extension import PrizmExtension, log, makeExtension
from tests.compat.articles import ARTICLE, BODY, NOTE_WORDS
from tests.conftest import run_build, write_project

LOGGER_NAME = log.name


def convert(text: str, **config: object) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=[makeExtension(**config)])
    return BeautifulSoup(html, "html.parser")


def last(ext: PrizmExtension) -> Processed | None:
    """The extension's last result (a call, so that type narrowing does not stick)."""
    return ext.processed


def assert_no_note(html: str) -> None:
    for words in NOTE_WORDS:
        assert words not in html


def test_article_with_front_matter() -> None:
    soup = convert(ARTICLE)
    html = str(soup)
    assert_no_note(html)
    assert "pubDate" not in html  # the front matter block is read, not published
    section = soup.select_one("section.prizm-sources")
    assert section is not None
    assert section.select_one("h2") is not None  # the heading stays Markdown (toc, anchors)
    badges = section.select(".prizm-badge")
    assert [b["data-tier"] for b in badges] == ["very-high", "medium"]
    cites = soup.select("a.prizm-cite")
    assert [c["href"] for c in cites] == ["#prizm-source-1", "#prizm-source-2"]
    assert soup.select_one("#prizm-source-1 a")["href"] == "https://www.bpifrance.fr/ia"
    assert soup.select_one("script[type='application/ld+json']") is not None  # as the plugin


def test_byline_off() -> None:
    soup = convert(ARTICLE, byline=False)
    assert soup.select_one(".prizm-byline") is None
    assert soup.select("a.prizm-cite")


def test_byline_after_title() -> None:
    soup = convert(ARTICLE)
    byline = soup.select_one(".prizm-byline")
    assert byline is not None
    assert byline.find_previous_sibling("h1") is not None
    assert byline.select_one("time")["datetime"] == "2025-11-07"
    assert "Prizm AI" in byline.get_text()


def test_without_front_matter_a_sources_section_makes_an_article() -> None:
    soup = convert(BODY)
    assert soup.select(".prizm-source")
    assert soup.select("a.prizm-cite")
    assert_no_note(str(soup))


def test_without_detection_a_page_is_an_article_by_its_path_only() -> None:
    soup = convert(BODY, articles_detect=False)
    assert not soup.select(".prizm-source")
    assert_no_note(str(soup))  # notes go from every page


def test_all_mode_and_ordinary_page() -> None:
    text = "# Page\n\nAvant.\n<!-- Score intégrité : 90% -->\n\n<!-- more -->\n\nAprès.\n"
    for paths in ([], ["*"]):
        html = markdown.markdown(text, extensions=[makeExtension(articles_paths=paths)])
        assert "Score" not in html
        assert "<!-- more -->" in html  # other tools' directives stay


def test_unknown_or_wrong_options_are_errors() -> None:
    with pytest.raises(ValueError, match="'articles': unknown option"):
        markdown.markdown(BODY, extensions=[makeExtension(articles="sometimes")])
    with pytest.raises(ValueError, match="'byline': expected true or false"):
        markdown.markdown(BODY, extensions=[makeExtension(byline="maybe")])


def test_thresholds_and_labels() -> None:
    soup = convert(ARTICLE, sources_thresholds=[9.5, 8, 5], labels={"tier_medium": "à recouper"})
    badges = soup.select(".prizm-badge")
    assert [b["data-tier"] for b in badges] == ["high", "medium"]
    assert "à recouper" in badges[1].get_text()


def test_english_labels() -> None:
    soup = convert(ARTICLE, language="en", byline=True)
    assert "Reliability" in str(soup.select_one(".prizm-badge"))


def test_meta_extension_still_gets_the_front_matter() -> None:
    md = markdown.Markdown(extensions=["meta", PrizmExtension()])
    html = md.convert(ARTICLE)
    assert "pubDate" not in html
    assert md.Meta["pubdate"] == ['"2025-11-07"']  # type: ignore[attr-defined]
    assert "prizm-sources" in html


def test_state_is_per_document() -> None:
    ext = PrizmExtension()
    md = markdown.Markdown(extensions=[ext])
    md.convert(ARTICLE)
    first = ext.processed
    assert first is not None
    assert first.article.title == "Les aides publiques à l'IA"
    md.reset()
    assert last(ext) is None
    md.convert("# Simple\n")
    second = last(ext)
    assert second is not None
    assert not second.article.is_article


def test_problems_are_logged_under_mkdocs(caplog: pytest.LogCaptureFixture) -> None:
    text = ARTICLE.replace("https://www.maregionsud.fr/ia", "javascript:alert(1)")
    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        html = markdown.markdown(text, extensions=["mkdocs_prizm.extension"])
    assert "javascript:" not in html.split("prizm-source__url--unsafe")[0]
    assert LOGGER_NAME.startswith("mkdocs.plugins.")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("PRZ305" in r.getMessage() for r in warnings)
    assert all(r.getMessage().startswith("mkdocs_prizm: document.md:") for r in warnings)


def _mkdocs_project(root: Path, text: str) -> Path:
    return write_project(
        root,
        {"index.md": "# Accueil\n", "article.md": text},
        {
            "theme": "mkdocs",
            "plugins": [],
            "markdown_extensions": ["toc", "mkdocs_prizm.extension"],
        },
    )


def test_mkdocs_build_with_the_extension_only(tmp_path: Path) -> None:
    build = run_build(_mkdocs_project(tmp_path, ARTICLE), strict=True)
    assert build.ok, build.log
    html = build.html("article.md")
    assert_no_note(html)
    soup = build.soup("article.md")
    assert len(soup.select(".prizm-badge")) == 2
    assert len(soup.select("a.prizm-cite")) == 2
    assert soup.select_one("#sources-et-references") is not None  # toc still sees the heading


def test_mkdocs_strict_counts_extension_warnings(tmp_path: Path) -> None:
    text = ARTICLE.replace("https://www.maregionsud.fr/ia", "javascript:alert(1)")
    build = run_build(_mkdocs_project(tmp_path, text), strict=True)
    assert not build.ok
    assert "PRZ305" in build.log


def test_disclosure_and_cite_block() -> None:
    soup = convert(ARTICLE, disclosure_reviewer="Claire Martin")
    byline = soup.select_one(".prizm-byline")
    assert byline is not None
    line = byline.find_next_sibling()
    assert line is not None
    assert line.get_text(" ", strip=True).endswith("relu par Claire Martin.")
    block = soup.select_one("details.prizm-cite-block")
    assert block is not None
    assert "title = {Les aides publiques à l'IA}," in block.get_text()
    # No host: no site name and no URL to cite.
    assert "https://" not in block.get_text()


def test_disclosure_and_cite_block_off() -> None:
    soup = convert(ARTICLE, disclosure=False, cite_block=False, byline=False)
    assert not soup.select(".prizm-disclosure, .prizm-cite-block, .prizm-byline")
