"""The trust checks on real builds: the report's ``trust`` parts and the sources page."""

from __future__ import annotations

import json
from typing import Any

from bs4 import Tag

from tests.conftest import BuildSite
from tests.unit.test_trust import ARTICLE

CLEAN = """
---
title: "Un article propre"
date: 2025-08-01
---

# Un article propre

Selon la CCI, 13 % des PME (Source : CCI).

## Sources et références

1. **CCI** (Fiabilité : 9/10)
   - Article du 24/06/2025
   - https://www.example.org/cci
"""

PAGES = {"index.md": "# Accueil\n", "blog/a.md": ARTICLE, "blog/b.md": CLEAN}


def plugin(**options: Any) -> dict[str, Any]:
    return {"theme": "mkdocs", "plugins": [{"prizm": options}]}


def test_report_has_the_trust_parts(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin(report_file="r.json"))
    assert build.ok, build.log
    report = json.loads((build.project / "r.json").read_text(encoding="utf-8"))
    a, b = report["articles"]
    assert a["trust"]["freshness"]["future"] == [2]
    assert a["trust"]["freshness"]["stale"] == [3]
    assert a["trust"]["coverage"]["uncited"] == [2]
    assert a["trust"]["coverage"]["uncited_figure_paragraphs"] == 1
    assert a["trust"]["floors"]["below_cited_floor"] is True
    assert b["trust"]["coverage"]["uncited_figure_paragraphs"] == 0
    assert b["trust"]["floors"]["below_cited_floor"] is False
    codes = {p["code"]: p["line"] for p in a["problems"]}
    # file lines, as in the build log
    assert codes["PRZ351"] == 18
    assert codes["PRZ453"] == 10
    assert "blog/a.md:18:" in build.log
    summary = report["summary"]["trust"]
    assert summary["articles"] == 2
    assert summary["future_sources"] == 1
    assert summary["stale_sources"] == 1
    assert summary["uncited_figure_paragraphs"] == 1
    assert summary["figure_paragraphs"] == 3
    assert summary["dead_links"] is None
    assert report["summary"]["codes"]["PRZ351"] == 1


def test_strict_build_fails_on_a_future_source_not_on_notes(build_site: BuildSite) -> None:
    assert not build_site(PAGES, plugin(), strict=True).ok
    figures = CLEAN.replace("## Sources", "Et 87 % hésitent.\n\n## Sources")
    pages = {"index.md": "# Accueil\n", "blog/b.md": figures}
    build = build_site(pages, plugin(), strict=True)
    assert build.ok, build.log
    build = build_site(pages, plugin(trust_figures="warning"), strict=True)
    assert not build.ok
    assert "PRZ453" in build.log


def test_sources_page_shows_the_trust_summary(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin(sources_page="sources.md"))
    assert build.ok, build.log
    soup = build.soup("sources.md")
    section = soup.find("section", class_="prizm-trust")
    assert isinstance(section, Tag)
    assert section.find("h2").get_text(strip=True) == "Solidité des sources"
    counts = {str(li["data-trust"]): str(li["data-count"]) for li in section.select("ul li")}
    assert counts == {
        "future": "1",
        "stale": "1",
        "undated": "0",
        "uncited": "1",
        "figures": "1",
        "floors": "1",
    }  # no dead-link count without link-health data
    rows = section.select("tbody tr")
    assert [str(r["data-path"]) for r in rows] == ["blog/a.md", "blog/b.md"]
    first = rows[0]
    assert "prizm-trust__row--flagged" in first["class"]
    assert "prizm-trust__row--flagged" not in rows[1]["class"]
    assert first.find("a")["href"] == "../blog/a/"
    cells = {
        str(td["data-trust"]): td.get_text(strip=True) for td in first.select("td[data-trust]")
    }
    assert cells == {"future": "1", "stale": "1", "uncited": "1", "figures": "1 / 2"}
    assert "4/10 — Vieux" in first.get_text()
    assert "6,33/10" in first.get_text()


def test_sources_page_trust_template_can_be_overridden(build_site: BuildSite) -> None:
    pages = {
        **PAGES,
        "../overrides/prizm/sources_trust.html": "<p class='mine'>{{ trust.stale_sources }}</p>",
    }
    config = {
        "theme": {"name": "mkdocs", "custom_dir": "overrides"},
        "plugins": [{"prizm": {"sources_page": "sources.md"}}],
    }
    build = build_site(pages, config)
    assert build.ok, build.log
    mine = build.soup("sources.md").find("p", class_="mine")
    assert mine is not None
    assert mine.get_text() == "1"
