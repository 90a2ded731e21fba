"""Builds of articles with what the publishing pipeline leaves in them: residue, titles carrying
the site's name, articles without front matter."""

from __future__ import annotations

import json

from tests.conftest import BuildSite

RESIDUE = """
---
title: Guide IA
date: 2025-07-29
author: Prizm AI
---

# Guide IA

Je vais transformer cet article en version conversationnelle. Voici ma proposition :

Le marché progresse de [Donnée factuelle à insérer] par an.

## Sources et références

[Sources identiques conservées à l'identique]
"""

# A pipeline stage that writes the internal note first and no front matter.
NO_FRONT_MATTER = """
<!--
ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
Score intégrité : 92%
-->

# L'IA en PME | Prizm AI

Le plan national avance (Source : Bpifrance).

## Sources et références

1. **Bpifrance** - Étude
   - Date : 24/06/2025
   - URL : https://www.bpifrance.fr/etude
   - Fiabilité : 9/10
"""


def test_residue_is_reported_with_its_place_and_fails_strict(build_site: BuildSite) -> None:
    config = {"theme": "mkdocs", "plugins": [{"prizm": {"report_file": "prizm.json"}}]}
    build = build_site({"index.md": "# Accueil\n", "guide.md": RESIDUE}, config)
    assert build.ok, build.log
    assert "guide.md:9:1: warning PRZ801" in build.log
    assert "guide.md:11:24: warning PRZ802" in build.log
    assert "guide.md:15:1: warning PRZ804" in build.log
    # Published as written: nothing is deleted silently.
    assert "Donnée factuelle à insérer" in build.html("guide.md")
    report = json.loads((build.project / "prizm.json").read_text(encoding="utf-8"))
    (article,) = [a for a in report["articles"] if a["path"] == "guide.md"]
    codes = [p["code"] for p in article["problems"]]
    assert codes == ["PRZ801", "PRZ802", "PRZ804"]
    strict = build_site({"index.md": "# Accueil\n", "guide.md": RESIDUE}, config, strict=True)
    assert not strict.ok


def test_residue_exclude_keeps_the_page_out(build_site: BuildSite) -> None:
    config = {"theme": "mkdocs", "plugins": [{"prizm": {"residue_exclude": True}}]}
    build = build_site({"index.md": "# Accueil\n", "guide.md": RESIDUE}, config)
    assert build.ok, build.log
    assert "guide.md:1:1: warning PRZ805" in build.log
    assert not (build.site / "guide").exists()
    assert "guide/" not in build.html("index.md")


def test_article_without_front_matter_is_sourced(build_site: BuildSite) -> None:
    build = build_site({"index.md": "# Accueil\n", "plan.md": NO_FRONT_MATTER}, {"theme": "mkdocs"})
    assert build.ok, build.log
    html = build.html("plan.md")
    soup = build.soup("plan.md")
    assert "Score intégrité" not in html
    # No date, no author: the byline shows the reading time only.
    byline = soup.select_one(".prizm-byline")
    assert byline is not None
    assert byline.select(".prizm-byline__date, .prizm-byline__authors") == []
    entries = soup.select("section.prizm-sources li.prizm-source")
    assert len(entries) == 1
    assert entries[0].select_one('.prizm-badge[data-reliability="9"]') is not None
    cite = soup.select_one("a.prizm-cite")
    assert cite is not None
    assert cite["href"] == "#prizm-source-1"
    # The title lost the site's name: tab, heading and navigation.
    assert soup.title is not None
    assert soup.title.get_text() == "L'IA en PME - Test"
    assert soup.h1 is not None
    assert soup.h1.get_text() == "L'IA en PME"


def test_title_with_the_site_name_is_published_without_it(build_site: BuildSite) -> None:
    page = """
    ---
    title: "Guide IA | Prizm AI"
    date: 2025-07-29
    author: Prizm AI
    ---

    Texte.
    """
    build = build_site(
        {"index.md": "# Accueil\n", "guide.md": page}, {"theme": "mkdocs", "site_name": "Prizm AI"}
    )
    assert build.ok, build.log
    soup = build.soup("guide.md")
    assert soup.title is not None
    assert soup.title.get_text() == "Guide IA - Prizm AI"
    ld = soup.find("script", attrs={"type": "application/ld+json"})
    assert ld is not None
    assert json.loads(ld.get_text())["headline"] == "Guide IA"
    nav = build.soup("index.md").get_text(" ")
    assert "Guide IA" in nav
    assert "| Prizm AI" not in nav
