"""The example site's English article (``lang: en``) on a French site: English throughout."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, Build, run_build

DOCS = ROOT / "example_site" / "docs"
ARTICLE = DOCS / "articles" / "2026-02-03-ai-act-english.md"
PAGE = "articles/2026-02-03-ai-act-english.md"

#: French words and month names that must not appear in the English article's Prizm blocks.
FRENCH = re.compile(
    r"\b(Par|Publié|Mis à jour|min de lecture|Catégories|Étiquettes|Fiabilité|très fiable|"
    r"fiable|à vérifier|Cité dans le texte|Lien|janvier|février|mars|avril|mai|juin|juillet|"
    r"août|septembre|octobre|novembre|décembre)\b"
)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The English article and the example's authors, on a French Material site."""
    project = tmp_path_factory.mktemp("english")
    (project / "docs" / "articles").mkdir(parents=True)
    shutil.copyfile(ARTICLE, project / "docs" / "articles" / ARTICLE.name)
    shutil.copyfile(DOCS / ".authors.yml", project / "docs" / ".authors.yml")
    config = {
        "site_name": "Exemple",
        "site_url": "https://example.org/prizm/",
        "theme": {"name": "material", "language": "fr", "font": False},
        "plugins": [{"prizm": {"authors_file": ".authors.yml"}}],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    done = run_build(Path(project), strict=True)
    assert done.ok, done.log[-3000:]
    return done


def test_front_matter_says_english() -> None:
    front = ARTICLE.read_text(encoding="utf-8").split("---\n")[1]
    assert yaml.safe_load(front)["lang"] == "en"


def test_byline_is_english(build: Build) -> None:
    byline = build.soup(PAGE).select_one(".prizm-byline")
    assert byline is not None
    text = " ".join(byline.get_text().split())
    assert text.startswith("By Prizm AI")
    assert "Published February 3, 2026" in text
    assert "2 min read" in text
    assert byline.select_one("time")["datetime"] == "2026-02-03"
    assert not FRENCH.search(text), text


def test_sources_badges_and_dates_are_english(build: Build) -> None:
    soup = build.soup(PAGE)
    section = soup.select_one("section.prizm-sources")
    assert section is not None
    assert section.select_one("h2").get_text(strip=True).startswith("Sources and references")
    badges = section.select(".prizm-badge")
    assert [b["data-reliability"] for b in badges] == ["9", "9"]
    assert [b.select_one(".prizm-badge__label").get_text() for b in badges] == [
        "very reliable",
        "very reliable",
    ]
    assert all(str(b["title"]).startswith("Reliability") for b in badges)
    dates = [(t["datetime"], t.get_text()) for t in section.select(".prizm-source__date time")]
    assert dates == [("2025-08-01", "August 1, 2025"), ("2025-03", "March 2025")]
    text = " ".join(section.get_text().split())
    assert "Cited in the text" in text
    assert not FRENCH.search(text), text


def test_citations_link_to_the_sources(build: Build) -> None:
    soup = build.soup(PAGE)
    hrefs = [str(a["href"]) for a in soup.select("a.prizm-cite")]
    assert set(hrefs) == {"#prizm-source-1", "#prizm-source-2"}
    for href in hrefs:
        assert soup.find(id=href[1:]) is not None


def test_json_ld_in_english(build: Build) -> None:
    script = build.soup(PAGE).select_one('script[type="application/ld+json"]')
    data = json.loads(script.get_text())
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2026-02-03"


def test_no_french_around_the_article_body(build: Build) -> None:
    """The article's own text is English too (headings, the sources' intro line)."""
    content = BeautifulSoup(build.html(PAGE), "html.parser").select_one("article")
    assert content is not None
    headings = [" ".join(h.get_text().split()).rstrip("¶") for h in content.select("h2")]
    assert headings == ["The timeline", "What to do now", "Sources and references"]
    assert "This article was written from verified sources" in content.get_text()
