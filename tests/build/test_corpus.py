"""Every real article builds, publishes no internal note and loses no sentence."""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_prizm.core.frontmatter import normalise_newlines
from mkdocs_prizm.core.pipeline import Processed, analyse
from tests.conftest import CORPUS, corpus_files, run_build, write_project

pytestmark = pytest.mark.corpus

NOTE_MARKERS = (
    "ARTICLE FINAL",
    "STYLE CONVERSATIONNEL",
    "Score intégrité",
    "Score int\\u00e9grit\\u00e9",
    "Score conversationnel",
    "Optimisé le",
    "Optimis\\u00e9 le",
)
RE_FRONT = re.compile(r"\A\s*---\n.*?\n---[ \t]*\n", re.DOTALL)
RE_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
RE_LINK_TARGET = re.compile(r"\]\([^)]*\)")
RE_URL = re.compile(r"https?://\S+")
RE_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")
RE_SUPERSCRIPT = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
RE_WORD = re.compile(r"\w+")
RE_SOURCES_HEADING = re.compile(r"^#{2,3} +(Sources|Références)", re.MULTILINE)
RE_ENTRY_LINE = re.compile(r"^\s*(?:\d+\.|[-*]|[¹²³⁴⁵⁶⁷⁸⁹⁰])")


def _words(text: str) -> str:
    # Superscript citation markers become links: compare the words around them.
    return " ".join(RE_WORD.findall(RE_SUPERSCRIPT.sub(" ", text.casefold())))


def _body(source: str) -> str:
    text = normalise_newlines(source)
    while True:  # the first and any second front matter block
        match = RE_FRONT.match(text)
        if not match:
            return text
        text = text[match.end() :]


@functools.cache
def _page(path: Path) -> BeautifulSoup:
    """A built page, parsed once for every test here (they only read it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def _analysed(path: Path) -> Processed:
    """A corpus article as the pipeline reads it, once for every test here."""
    return analyse(path.read_text(encoding="utf-8-sig"), path.name)


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path]]]:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus/prizmia is not present")
    root = tmp_path_factory.mktemp("corpus")
    write_project(root, {"index.md": "# Corpus\n"}, {"theme": "mkdocs"})
    for path in files:
        shutil.copyfile(path, root / "docs" / path.name)
    build = run_build(root)
    assert build.ok, build.log[-3000:]
    assert "ERROR" not in build.log
    yield build.site, files
    _page.cache_clear()
    _analysed.cache_clear()


def test_no_internal_note_is_published(corpus_site: tuple[Path, list[Path]]) -> None:
    site, _ = corpus_site
    leaks = []
    for path in site.rglob("*"):
        if path.suffix not in {".html", ".json", ".xml", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        leaks += [(path.name, m) for m in NOTE_MARKERS if m in text]
    assert not leaks


def test_no_placeholder_is_published(corpus_site: tuple[Path, list[Path]]) -> None:
    # The plugin's Markdown holds plain-text markers and prizm-cite: links; the HTML finishing
    # must turn every one into its final form, and the search index must not see them.
    site, _ = corpus_site
    leaks = []
    anchors = 0
    for path in site.rglob("*"):
        if path.suffix not in {".html", ".json", ".xml", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        leaks += [(path.name, m) for m in ("PRIZMSOURCES", "prizm-cite:") if m in text]
        anchors += text.count('<a class="prizm-cite')
    assert not leaks
    assert anchors > 20


def test_no_sentence_is_lost(corpus_site: tuple[Path, list[Path]]) -> None:
    site, files = corpus_site
    missing: list[tuple[str, str]] = []
    checked = 0
    reports = []
    for path in files:
        source = path.read_text(encoding="utf-8-sig")
        if _analysed(path).internal_report:
            reports.append(path.name)
            assert not (site / path.stem).exists()  # kept out of the site
            continue
        body = RE_COMMENT.sub("", _body(source))
        page = _page(site / path.stem / "index.html")
        alts = " ".join(str(img.get("alt", "")) for img in page.find_all("img"))
        text = _words(page.get_text(" ") + " " + alts)
        heading = RE_SOURCES_HEADING.search(body)
        for number, line in enumerate(body.split("\n")):
            in_sources = heading is not None and body.count("\n", 0, heading.start()) < number
            if in_sources and RE_ENTRY_LINE.match(line):
                continue  # entries are checked by the sources tests, field by field
            content = RE_LIST_MARKER.sub("", line)
            words = _words(RE_URL.sub(" ", RE_LINK_TARGET.sub("]", content)))
            if not words:
                continue
            checked += 1
            if words not in text:
                missing.append((path.name, line))
    assert checked > 1500
    assert not missing, "\n".join(f"{a}: {b}" for a, b in missing[:15])
    # The pipeline's "Rapport d'optimisation" pages, filed as articles by mistake.
    assert len(reports) == 5, reports


def test_lists_after_paragraphs_render_as_lists(corpus_site: tuple[Path, list[Path]]) -> None:
    site, files = corpus_site
    changed = [p for p in files if _analysed(p).list_breaks]
    # The pipeline writes CommonMark: these articles start a list right after a paragraph.
    assert len(changed) >= 18
    for path in changed:
        page = _page(site / path.stem / "index.html")
        main = page.find(attrs={"role": "main"}) or page
        assert main.find("ul") is not None or main.find("ol") is not None, path.name


def test_every_corpus_article_is_an_article() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus/prizmia is not present")
    articles = [p for p in files if _analysed(p).article.is_article]
    # Every real article carries article fields; the Astro placeholders do too (pubDate).
    assert len(articles) == len(files), sorted({p.name for p in files} - {p.name for p in articles})
    assert CORPUS.is_dir()


RE_ENTRY_START = re.compile(
    r"^\s*(?:- )?\d+\. \*\*|^- \[[^\]]+\]\(https?://|^[¹²³⁴⁵⁶⁷⁸⁹]", re.MULTILINE
)


def test_sources_render_every_entry(corpus_site: tuple[Path, list[Path]]) -> None:
    """Count entries in the source text independently of the parser, and in the HTML."""
    site, files = corpus_site
    sections = entries = 0
    for path in files:
        body = RE_COMMENT.sub("", _body(path.read_text(encoding="utf-8-sig")))
        heading = RE_SOURCES_HEADING.search(body)
        if heading is None:
            continue
        expected = len(RE_ENTRY_START.findall(body[heading.end() :]))
        page = _page(site / path.stem / "index.html")
        rendered = page.select("section.prizm-sources li.prizm-source")
        assert len(rendered) == expected, path.name
        for number, item in enumerate(rendered, start=1):
            assert item["id"] == f"prizm-source-{number}"
            assert item.select_one(".prizm-badge[data-reliability]") is not None
        if expected:
            sections += 1
            entries += expected
    assert (sections, entries) == (35, 140)


RE_PSEUDO_BULLET = re.compile(r"^[ \t]*[•◦][ \t]+(.+)$", re.MULTILINE)


def test_pseudo_bullets_render_as_list_items(corpus_site: tuple[Path, list[Path]]) -> None:
    site, files = corpus_site
    articles = items = 0
    for path in files:
        source = path.read_text(encoding="utf-8-sig")
        bullets = RE_PSEUDO_BULLET.findall(source)
        if not bullets or _analysed(path).internal_report:
            continue
        articles += 1
        page = _page(site / path.stem / "index.html")
        main = page.find(attrs={"role": "main"}) or page
        assert not [
            p for p in main.find_all("p") if p.get_text().lstrip().startswith(("•", "◦"))
        ], path.name
        listed = [_words(li.get_text(" ")) for li in main.find_all("li")]
        for bullet in bullets:
            words = _words(RE_LINK_TARGET.sub("]", bullet))
            assert any(item.startswith(words[:40]) for item in listed), (path.name, bullet)
            items += 1
    assert articles >= 32
    assert items >= 96
