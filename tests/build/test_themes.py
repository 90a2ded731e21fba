"""The seed article built with the mkdocs, readthedocs and Material themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Build, BuildSite

THEMES: dict[str, Any] = {
    "mkdocs": "mkdocs",
    "readthedocs": "readthedocs",
    "material": {"name": "material", "font": False},
}
#: Markers of the internal optimisation note, as written and as JSON escapes them.
NOTE_MARKERS = ("Score intégrité", "Score int\\u00e9grit\\u00e9", "ARTICLE FINAL", "Optimisé le")


@pytest.fixture(scope="module", params=sorted(THEMES))
def seed_build(
    request: pytest.FixtureRequest, build_module_site: BuildSite, seed_text: str
) -> Build:
    """One build per theme, read by every test (none writes to it)."""
    theme = THEMES[request.param]
    pages = {"index.md": "# Accueil\n\nLe site.\n", "article.md": seed_text}
    build = build_module_site(pages, {"theme": theme, "plugins": ["search", "prizm"]})
    assert build.ok, build.log[-3000:]
    return build


def test_byline_with_french_date(seed_build: Build) -> None:
    byline = seed_build.soup("article.md").select_one(".prizm-byline")
    assert byline is not None
    time = byline.select_one(".prizm-byline__date time")
    assert time is not None
    assert time["datetime"] == "2025-07-29"
    assert time.get_text() == "29 juillet 2025"
    assert "3 min de lecture" in byline.get_text()
    assert "Prizm AI" in byline.get_text()


def test_three_sources_with_badges(seed_build: Build) -> None:
    soup = seed_build.soup("article.md")
    entries = soup.select("section.prizm-sources li.prizm-source")
    assert [e["id"] for e in entries] == ["prizm-source-1", "prizm-source-2", "prizm-source-3"]
    badges = [e.select_one(".prizm-badge") for e in entries]
    assert [b["data-reliability"] if b else None for b in badges] == ["8", "7", "8"]
    assert all(b is not None and "prizm-badge--high" in b["class"] for b in badges)


def test_citations_are_linked(seed_build: Build) -> None:
    soup = seed_build.soup("article.md")
    cites = soup.select('a.prizm-cite[href="#prizm-source-1"]')
    assert cites, "the (Source : CCI ...) citations are not linked"
    for cite in cites:
        assert soup.find(id=str(cite["href"])[1:]) is not None


def test_no_internal_note_anywhere_in_the_site(seed_build: Build) -> None:
    index = seed_build.site / "search" / "search_index.json"
    assert index.is_file()
    leaks: list[tuple[str, str]] = []
    for path in seed_build.site.rglob("*"):
        if path.suffix not in {".html", ".json", ".xml", ".txt", ".js"} or not path.is_file():
            continue
        if path.suffix == ".js" and "search" not in path.parts:
            continue  # the themes' own scripts
        text = path.read_text(encoding="utf-8", errors="replace")
        leaks += [(path.name, m) for m in NOTE_MARKERS if m in text]
    assert not leaks


def test_stylesheet_linked_and_published(seed_build: Build) -> None:
    page_dir = seed_build.site / "article"
    soup = BeautifulSoup(seed_build.html("article.md"), "html.parser")
    hrefs = [
        str(link["href"])
        for link in soup.select('link[rel="stylesheet"]')
        if str(link["href"]).endswith("assets/prizm/prizm.css")
    ]
    assert len(hrefs) == 1
    css = (page_dir / hrefs[0]).resolve()
    assert css == (seed_build.site / "assets" / "prizm" / "prizm.css").resolve()
    assert ".prizm-badge" in css.read_text(encoding="utf-8")
    assert _same_file_bytes(css, Path(__file__).parents[2] / "mkdocs_prizm/assets/prizm.css")


def _same_file_bytes(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()
