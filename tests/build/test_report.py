"""The editorial report and the public sources page on real builds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

from tests.conftest import BuildSite

NOTE_TEXT = "Score intégrité"

ARTICLE_A = """
---
title: "L'IA dans les PME"
date: 2025-07-29
author: "Prizm AI"
readingTime: "9 min"
---

<!--
ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
Version : 2.1
Score intégrité : 92%
Score conversationnel : 97%
Optimisé le : 2025-07-29T21:20:46.321Z
-->

# L'IA dans les PME

Selon la CCI (Source : CCI Provence), et l'Insee (Source : Inconnue), 13 % des PME.

## Sources et références

1. **CCI Provence** (Fiabilité : 8/10)
   - Article du 24/06/2025
   - https://www.example.org/cci/

2. **Insee** (Fiabilité : 6/10)
   - URL : javascript:alert(1)
"""

ARTICLE_B = """
---
title: "Deuxième article"
date: 2025-08-01
readingTime: 1
---

# Deuxième article

Texte.

## Sources et références

1. **CCI Provence-Alpes-Côte d'Azur** (Fiabilité : 9/10)
   - https://example.org/cci

2. **Blog sans score**
   - https://blog.example.org/post
"""

PAGES = {
    "index.md": "# Accueil\n",
    "blog/pme.md": ARTICLE_A,
    "blog/deux.md": ARTICLE_B,
}


def plugin(**options: Any) -> dict[str, Any]:
    return {"theme": "mkdocs", "plugins": ["search", {"prizm": options}]}


def site_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
    )


def test_report_is_written_outside_the_site(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin(report_file="reports/prizm.json"))
    assert build.ok, build.log
    path = build.project / "reports" / "prizm.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    assert [a["path"] for a in report["articles"]] == ["blog/deux.md", "blog/pme.md"]
    assert report["generated_at"] is None
    pme = report["articles"][1]
    assert pme["title"] == "L'IA dans les PME"
    assert pme["date"] == "2025-07-29"
    assert pme["authors"] == ["Prizm AI"]
    assert pme["reading_time"]["declared_minutes"] == 9
    assert pme["reading_time"]["computed_minutes"] == 1
    assert pme["sources"]["count"] == 2
    assert pme["sources"]["reliability_mean"] == 7.0
    assert pme["sources"]["reliability_min"] == 6.0
    assert pme["sources"]["refused_links"][0]["url"] == "javascript:alert(1)"
    assert pme["unmatched_citations"] == ["Inconnue"]
    assert pme["internal_note"]["version"] == "2.1"
    assert pme["internal_note"]["integrity_score"] == 92.0
    codes = {p["code"] for p in pme["problems"]}
    assert {"PRZ305", "PRZ401", "PRZ501"} <= codes
    # file lines, as in the build log
    unsafe = next(p for p in pme["problems"] if p["code"] == "PRZ305")
    assert f"blog/pme.md:{unsafe['line']}:" in build.log
    assert report["summary"]["articles"] == 2
    # The note is in the report, never in the site (pages, search index, sitemap...).
    assert NOTE_TEXT in path.read_text(encoding="utf-8")
    assert NOTE_TEXT not in site_text(build.site)
    assert not list(build.site.rglob("prizm.json"))


def test_report_is_reproducible(build_site: BuildSite) -> None:
    env = {"SOURCE_DATE_EPOCH": "1753747200"}
    # Two processes with their own string hash seeds, as separate runs would be: a child of the
    # run server, then a new interpreter.
    one = build_site(PAGES, plugin(report_file="r.json"), env=env)
    two = build_site(PAGES, plugin(report_file="r.json"), env=env, fresh=True)
    text = (one.project / "r.json").read_text(encoding="utf-8")
    assert text == (two.project / "r.json").read_text(encoding="utf-8")
    assert json.loads(text)["generated_at"] == "2025-07-29T00:00:00Z"


def test_report_written_even_when_the_build_fails(build_site: BuildSite) -> None:
    pages = {**PAGES, "bad.md": '---\ntitle: "T"\ndescription: a: b\n---\n\nTexte.\n'}
    build = build_site(pages, plugin(report_file="r.json"))
    assert not build.ok
    report = json.loads((build.project / "r.json").read_text(encoding="utf-8"))
    assert report["other_problems"][0]["file"] == "bad.md"
    assert report["other_problems"][0]["code"] == "PRZ101"
    assert report["summary"]["problems"]["error"] == 1


def test_report_lists_the_authors_file_problems(build_site: BuildSite) -> None:
    pages = {**PAGES, ".authors.yml": "authors:\n  prizm: just a name\n"}
    build = build_site(pages, plugin(report_file="r.json"))
    assert build.ok, build.log
    report = json.loads((build.project / "r.json").read_text(encoding="utf-8"))
    found = [p for p in report["other_problems"] if p["code"] == "PRZ602"]
    assert found
    assert found[0]["file"].endswith(".authors.yml")
    assert found[0]["severity"] == "warning"


def test_report_inside_site_dir_is_refused(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin(report_file="site/report.json"))
    assert not build.ok
    assert "report_file 'site/report.json' is inside site_dir" in build.log
    assert not (build.project / "site" / "report.json").exists()


def test_report_inside_docs_dir_is_refused(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin(report_file="docs/report.json"))
    assert not build.ok
    assert "is inside docs_dir" in build.log


def _index(build_html: str) -> Tag:
    soup = BeautifulSoup(build_html, "html.parser")
    index = soup.find("div", class_="prizm-sources-index")
    assert isinstance(index, Tag)
    return index


def test_sources_page(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin(sources_page="sources.md"))
    assert build.ok, build.log
    soup = build.soup("sources.md")
    assert soup.find("h1") is not None
    assert soup.find("h1").get_text(strip=True) == "Sources citées"
    index = _index(build.html("sources.md"))
    svg = index.find("svg")
    assert isinstance(svg, Tag)
    assert svg["role"] == "img"
    assert str(svg["aria-label"]).startswith("Répartition des sources par fiabilité")
    assert "8/10 : 1" in str(svg["aria-label"])
    title = svg.find("title")
    assert title is not None
    assert title.get_text() == "Répartition des sources par fiabilité"
    # a text alternative
    rows = {
        str(tr["data-bucket"]): tr.find("td").get_text()
        for tr in index.select("table.prizm-histogram__table tbody tr")
    }
    assert rows["8"] == "1"  # CCI: 8 and 9, mean 8.5
    assert rows["6"] == "1"  # Insee
    assert rows["unrated"] == "1"  # the blog
    # every source once, CCI grouped across the two articles
    items = index.select("li.prizm-sources-index__source")
    titles = [i.select_one(".prizm-source__title").get_text(strip=True) for i in items]
    assert len(items) == 3
    cci = items[titles.index("CCI Provence-Alpes-Côte d'Azur")]
    links = [str(a["href"]) for a in cci.select(".prizm-sources-index__articles a")]
    assert links == ["../blog/deux/#prizm-source-1", "../blog/pme/#prizm-source-1"]
    for link in links:
        page, anchor = link.split("#")
        target = (build.site / "sources" / page / "index.html").resolve()
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8")
    assert cci.select_one(".prizm-badge")["data-reliability"] == "8.5"
    # an unsafe URL is never a link
    insee = items[titles.index("Insee")]
    assert insee.select_one(".prizm-source__title a") is None
    assert "javascript" not in str(index)
    assert NOTE_TEXT not in site_text(build.site)


def test_sources_page_in_a_site_page_of_its_own(build_site: BuildSite) -> None:
    own = "# Nos sources\n\nIntroduction.\n\n<!-- prizm:sources-index -->\n\nConclusion.\n"
    build = build_site({**PAGES, "about/sources.md": own}, plugin(sources_page="about/sources.md"))
    assert build.ok, build.log
    html = build.html("about/sources.md")
    assert (
        html.index("Introduction.") < html.index("prizm-sources-index") < html.index("Conclusion.")
    )
    index = _index(html)
    assert index.select(".prizm-sources-index__articles a")[0]["href"].startswith("../../blog/")


def test_no_sources_page_by_default(build_site: BuildSite) -> None:
    build = build_site(PAGES, plugin())
    assert build.ok, build.log
    assert not (build.site / "sources").exists()
