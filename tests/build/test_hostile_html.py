"""Hostile article bodies on real builds: nothing runs, the text stays, every removal is told."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Build, BuildSite

ARTICLE = """
---
title: "Article piégé"
author: "Prizm AI"
pubDate: "2025-07-29"
readingTime: "1 min"
---

# Article piégé

Avant le script <script>alert(1)</script> et après.

Une image <img src="x.png" onerror="alert(2)"> dans le texte.

<iframe src="javascript:alert(3)">repli du cadre</iframe>

Un [lien](javascript:alert(4)) et <a href="jav&#x61;script:alert(5)">un autre</a> encore.

<p onclick="alert(6)">Paragraphe cliquable</p>

<!-- more -->

Fin du texte.
"""

PAGE = """
---
title: Page <img src=x onerror=alert(7)>
---

Une page ordinaire.
"""

THEMES = {
    "material": {"name": "material", "language": "fr"},
    "mkdocs": {"name": "mkdocs", "locale": "fr", "highlightjs": False},
}
RE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def _no_script(build: Build, text: str) -> None:
    """No executable markup from the pages: the JSON-LD block is the only author script."""
    soup = BeautifulSoup(text, "html.parser")
    for script in soup.find_all("script"):
        assert "alert(" not in script.get_text()
    assert not RE_HANDLER.search(text), RE_HANDLER.search(text)
    for tag in soup.find_all(href=True):
        assert not "".join(tag["href"].split()).lower().startswith("javascript:")
    assert soup.find("iframe") is None
    assert "alert(7)" not in text


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_hostile_article_is_made_safe(build_site: BuildSite, theme: str) -> None:
    if theme == "material":
        pytest.importorskip("material")
    config = {"theme": THEMES[theme], "plugins": ["search", "prizm"]}
    build = build_site({"index.md": PAGE, "article.md": ARTICLE}, config)
    assert build.ok, build.log
    for page in ("index.md", "article.md"):
        _no_script(build, build.html(page))
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    for entry in json.loads(index)["docs"]:
        _no_script(build, entry["text"])
        _no_script(build, entry["title"])
    text = " ".join(build.soup("article.md").get_text(" ").split())
    for kept in (
        "Avant le script",
        "et après",
        "dans le texte",
        "repli du cadre",
        "Un lien et un autre",
    ):
        assert kept in text
    assert "Paragraphe cliquable" in text
    assert "Fin du texte" in text
    assert "<!-- more -->" in build.html("article.md")
    # The title reaches navigation and search as text.
    assert any(entry["title"] == "Page" for entry in json.loads(index)["docs"])
    nav = build.soup("article.md").find_all(string=re.compile(r"^\s*Page\s*$"))
    assert nav, "the home page's title is in the navigation as text"
    for code, line in (("PRZ701", 10), ("PRZ702", 12), ("PRZ703", 16), ("PRZ702", 18)):
        assert f"article.md:{line}:0: warning {code}" in build.log, build.log
    assert "index.md:1:0: warning PRZ705" in build.log


def test_strict_build_fails_on_a_removal(build_site: BuildSite) -> None:
    build = build_site({"article.md": ARTICLE}, {"theme": "mkdocs"}, strict=True)
    assert not build.ok
    assert "PRZ701" in build.log


def test_clean_pages_are_untouched_and_off_means_off(build_site: BuildSite) -> None:
    clean = ARTICLE.replace("<script>alert(1)</script>", "").replace(' onerror="alert(2)"', "")
    clean = clean.replace('<iframe src="javascript:alert(3)">repli du cadre</iframe>', "")
    clean = clean.replace("[lien](javascript:alert(4))", "[lien](https://example.org)")
    clean = clean.replace("jav&#x61;script:alert(5)", "https://example.org/")
    clean = clean.replace(' onclick="alert(6)"', "")
    on = build_site({"article.md": clean}, {"theme": "mkdocs"}, strict=True)
    assert on.ok, on.log
    off = build_site(
        {"article.md": clean}, {"theme": "mkdocs", "plugins": [{"prizm": {"sanitise": "off"}}]}
    )
    assert on.html("article.md") == off.html("article.md")
    hostile = build_site(
        {"article.md": ARTICLE}, {"theme": "mkdocs", "plugins": [{"prizm": {"sanitise": "off"}}]}
    )
    assert "<script>alert(1)</script>" in hostile.html("article.md")
    assert "PRZ70" not in hostile.log


def test_all_pages_and_allowed_tags(build_site: BuildSite) -> None:
    page = (
        '# Vidéo\n\n<iframe src="https://example.org/embed"></iframe>\n\n'
        '<b onmouseover="x()">b</b>\n'
    )
    options = {"sanitise": "all", "sanitise_allow_tags": ["iframe"]}
    build = build_site({"index.md": page}, {"theme": "mkdocs", "plugins": [{"prizm": options}]})
    assert build.ok, build.log
    soup = build.soup("index.md")
    assert soup.find("iframe")["src"] == "https://example.org/embed"
    assert soup.find("b").attrs == {}
    assert "index.md:5:0: warning PRZ702" in build.log
    refused = build_site(
        {"index.md": page},
        {"theme": "mkdocs", "plugins": [{"prizm": {"sanitise_allow_tags": ["script"]}}]},
    )
    assert not refused.ok
    assert "script" in refused.log
