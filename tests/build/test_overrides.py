"""Theme integration: a ``custom_dir`` file at ``prizm/...`` wins; ``page.meta.prizm`` exists."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, Build, run_build, write_project

ARTICLE = """\
---
title: "Titre & normalisé"
date: "2025-07-29"
author: "Prizm AI"
readingTime: "4 min"
---

# Titre de la page

Un texte (Source : Exemple).

## Sources et références

1. **Exemple** - Article
   - Date : 24/06/2025
   - URL : https://example.org/a
   - Fiabilité : 8/10
"""

THEMES: dict[str, Any] = {
    "mkdocs": {"name": "mkdocs", "custom_dir": "overrides"},
    "material": {"name": "material", "font": False, "custom_dir": "overrides"},
}


def _build(tmp_path: Path, theme: Any) -> Build:
    pages = {"index.md": "# Accueil\n\nBonjour.\n", "article.md": ARTICLE}
    project = write_project(tmp_path, pages, {"theme": theme})
    shutil.copytree(FIXTURES / "overrides", project / "overrides")
    build = run_build(project)
    assert build.ok, build.log[-3000:]
    return build


@pytest.fixture(scope="module", params=sorted(THEMES))
def overridden(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One build per theme, read by every test (none writes to it)."""
    return _build(tmp_path_factory.mktemp(request.param), THEMES[request.param])


def test_custom_dir_byline_wins(overridden: Build) -> None:
    soup = overridden.soup("article.md")
    assert soup.select(".prizm-byline") == []
    custom = soup.select_one("p.custom-byline")
    assert custom is not None
    assert " ".join(custom.get_text().split()) == "Par Prizm AI · 29 juillet 2025 · 4 min"


def test_custom_dir_badge_wins(overridden: Build) -> None:
    soup = overridden.soup("article.md")
    assert soup.select(".prizm-badge") == []
    badges = soup.select("li.prizm-source mark.custom-badge")
    assert [b["data-reliability"] for b in badges] == ["8"]
    assert badges[0].get_text() == "fiable"
    # The rest of the plugin's sources template is still used.
    assert soup.select_one("#prizm-source-1 .prizm-source__title a") is not None


def test_page_meta_prizm_in_every_template(overridden: Build) -> None:
    meta = overridden.soup("article.md").select_one("#custom-meta")
    assert meta is not None
    assert meta.get_text() == "Titre & normalisé"
    assert meta["data-minutes"] == "4"
    home = overridden.soup("index.md").select_one("#custom-meta")
    assert home is not None
    assert home["data-article"] == "no"


def test_plugin_templates_are_used_without_custom_dir(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"article.md": ARTICLE}, {"theme": "mkdocs"})
    build = run_build(project)
    assert build.ok, build.log
    soup = build.soup("article.md")
    assert soup.select_one(".prizm-byline") is not None
    assert [b["data-reliability"] for b in soup.select(".prizm-badge")] == ["8"]


@pytest.mark.parametrize(
    ("template", "text", "expected"),
    [
        ("byline.html", "<p>{% if %}</p>", "template prizm/byline.html:1: syntax error"),
        ("sources.html", '{% include "prizm/nope.html" %}', "'prizm/nope.html' not found"),
        ("badge.html", "{{ source.nope.deeper() }}", "template prizm/badge.html:1: undefined"),
    ],
)
def test_a_broken_override_names_the_template_and_line(
    tmp_path: Path, template: str, text: str, expected: str
) -> None:
    project = write_project(
        tmp_path, {"article.md": ARTICLE}, {"theme": {"name": "mkdocs", "custom_dir": "o"}}
    )
    (project / "o" / "prizm").mkdir(parents=True)
    (project / "o" / "prizm" / template).write_text(text, encoding="utf-8")
    build = run_build(project)
    assert not build.ok
    assert expected in build.log
    assert "Traceback" not in build.log


def test_an_undefined_name_fails_a_strict_build_only(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, {"article.md": ARTICLE}, {"theme": {"name": "mkdocs", "custom_dir": "o"}}
    )
    (project / "o" / "prizm").mkdir(parents=True)
    typo = '<p class="custom-byline">{{ byline.nope.deeper }}{{ labels.by }}</p>'
    (project / "o" / "prizm" / "byline.html").write_text(typo, encoding="utf-8")
    relaxed = run_build(project)
    assert relaxed.ok, relaxed.log
    assert relaxed.soup("article.md").select_one("p.custom-byline").get_text() == "Par"
    strict = run_build(project, strict=True)
    assert not strict.ok
    assert "template prizm/byline.html:1: undefined value" in strict.log
    assert "Traceback" not in strict.log
