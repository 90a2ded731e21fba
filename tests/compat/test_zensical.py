"""Zensical ignores MkDocs plugins but runs Python-Markdown extensions: the extension works there.

Zensical passes the page's front matter to extensions through its rendering context, so the
byline and article detection work as with the plugin.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.compat.articles import ARTICLE, NOTE_WORDS
from tests.conftest import run_build, write_project

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical is not installed (pip install zensical, or the 'dev' extras)",
)

ZENSICAL = (sys.executable, "-m", "zensical", "build")


def _project(root: Path, extension: object) -> Path:
    return write_project(
        root,
        {
            "index.md": "# Accueil\n\n<!-- Score intégrité : 90% -->\nBienvenue.\n",
            "article.md": ARTICLE,
        },
        {"site_name": "Zensical", "plugins": [], "markdown_extensions": ["toc", extension]},
    )


def test_zensical_build_with_the_extension(tmp_path: Path) -> None:
    project = _project(tmp_path, {"mkdocs_prizm.extension": {"byline": True}})
    build = run_build(project, command=ZENSICAL)
    assert build.ok, build.log
    for page in ("index.md", "article.md"):
        html = build.html(page)
        for words in NOTE_WORDS:
            assert words not in html, page
    soup = build.soup("article.md")
    section = soup.select_one("section.prizm-sources")
    assert section is not None
    assert [b["data-tier"] for b in section.select(".prizm-badge")] == ["very-high", "medium"]
    assert [a["href"] for a in soup.select("a.prizm-cite")] == [
        "#prizm-source-1",
        "#prizm-source-2",
    ]
    assert section.select_one("#prizm-source-1 a")["href"] == "https://www.bpifrance.fr/ia"
    byline = soup.select_one(".prizm-byline")
    assert byline is not None  # the front matter reached the extension
    assert byline.select_one("time")["datetime"] == "2025-11-07"


def test_zensical_build_without_options(tmp_path: Path) -> None:
    build = run_build(_project(tmp_path, "mkdocs_prizm.extension"), command=ZENSICAL)
    assert build.ok, build.log
    soup = build.soup("article.md")
    assert soup.select(".prizm-sources .prizm-badge")
    assert soup.select_one(".prizm-byline") is not None  # the plugin's defaults
    data = soup.select_one("script[type='application/ld+json']")
    assert data is not None
    assert '"name":"Zensical"' in data.get_text()  # the site's name, from Zensical's config


def test_zensical_disclosure_and_cite_block(tmp_path: Path) -> None:
    options = {
        "language": "fr",
        "disclosure_reviewer": "Claire Martin",
        "disclosure_principles_url": "ia/",
    }
    project = _project(tmp_path, {"mkdocs_prizm.extension": options})
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "site_url: https://example.org/z/\n",
        encoding="utf-8",
    )
    build = run_build(project, command=ZENSICAL)
    assert build.ok, build.log
    soup = build.soup("article.md")
    line = soup.select_one(".prizm-disclosure__text")
    assert line is not None
    assert line.get_text() == "Article rédigé avec l'aide de l'IA, relu par Claire Martin."
    plain = soup.select_one(".prizm-cite-block__plain code")
    assert plain is not None
    # The site's name and the page's URL, from Zensical's config.
    assert plain.get_text().endswith("Zensical, 7 novembre 2025. https://example.org/z/article/")
    data = json.loads(soup.select_one("script[type='application/ld+json']").get_text())
    assert data["digitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert data["editor"] == [{"@type": "Person", "name": "Claire Martin"}]
    assert data["publishingPrinciples"] == "https://example.org/z/ia/"
