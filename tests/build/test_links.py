"""Builds read the links cache (never the network): dead links marked, archived copies offered."""

from __future__ import annotations

import json
import shutil
from typing import Any

from tests.conftest import ROOT, BuildSite, run_build

ARTICLE = """
---
title: "Liens et archives"
date: 2025-07-29
author: "Prizm AI"
---

# Liens et archives

Un chiffre (Source : Mort) et un autre (Source : Vivant).

## Sources et références

1. **Mort** - Article
   - Date : 24/06/2025
   - URL : https://dead.example/page
   - Fiabilité : 8/10

2. **Vivant** - Étude
   - URL : https://ok.example/
   - Fiabilité : 9/10

3. **Sans nouvelles** - Blog
   - URL : https://unknown.example/
   - Fiabilité : 6/10
"""

CACHE: dict[str, Any] = {
    "version": 1,
    "links": {
        "https://dead.example/page": {
            "status": 404,
            "checked_at": "2025-08-01T08:00:00Z",
            "archive_url": "https://web.archive.org/web/20250624000000/https://dead.example/page",
            "archive_date": "2025-06-24T00:00:00Z",
        },
        "https://ok.example/": {
            "status": 200,
            "checked_at": "2025-08-01T08:00:00Z",
            "archive_url": "https://web.archive.org/web/20250101000000/https://ok.example/",
            "archive_date": "2025-01-01T00:00:00Z",
        },
    },
}


def test_dead_links_marked(build_site: BuildSite, tmp_path: Any) -> None:
    # The cache sits next to mkdocs.yml: build_site writes project1/.
    project = tmp_path / "project1"
    project.mkdir()
    (project / "prizm-links.json").write_text(json.dumps(CACHE), encoding="utf-8")
    build = build_site(
        {"article.md": ARTICLE}, {"plugins": [{"prizm": {"links_cache": "prizm-links.json"}}]}
    )
    assert build.ok, build.log
    soup = build.soup("article.md")
    dead, alive, unknown = soup.select("li.prizm-source")
    assert "prizm-source--dead" in dead["class"]
    assert dead["data-link"] == "dead"
    assert dead.select_one(".prizm-source__dead").get_text() == "lien mort"
    assert "prizm-source--dead" not in alive["class"]
    assert alive["data-link"] == "ok"
    assert not unknown.has_attr("data-link")
    # Without links_archive: no archived copy, no Robust Links attributes.
    assert soup.select(".prizm-source__archive") == []
    assert soup.select("[data-versionurl]") == []
    # The warning names the file and the entry's line.
    line = ARTICLE.lstrip("\n").splitlines().index("1. **Mort** - Article") + 1
    assert f"article.md:{line}:0: warning PRZ371" in build.log
    assert "dead link (404)" in build.log


def test_archived_copies_with_robust_links(build_site: BuildSite, tmp_path: Any) -> None:
    project = tmp_path / "project1"
    project.mkdir()
    (project / "links.json").write_text(json.dumps(CACHE), encoding="utf-8")
    config = {"links_cache": "links.json", "links_archive": True}
    build = build_site({"article.md": ARTICLE}, {"plugins": [{"prizm": config}]})
    assert build.ok, build.log
    soup = build.soup("article.md")
    dead, alive, unknown = soup.select("li.prizm-source")
    archive = dead.select_one("a.prizm-source__archive")
    assert archive["href"] == CACHE["links"]["https://dead.example/page"]["archive_url"]
    assert archive.get_text() == "copie archivée"
    assert "24 juin 2025" in archive["title"]
    assert archive["data-originalurl"] == "https://dead.example/page"
    for link in dead.select("a[href='https://dead.example/page']"):
        assert link["data-versionurl"] == archive["href"]
        assert link["data-versiondate"] == "2025-06-24"
    # A live link whose archive is known carries the attributes, without a visible copy.
    links = alive.select("a[href='https://ok.example/']")
    assert links
    assert all(a["data-versiondate"] == "2025-01-01" for a in links)
    assert alive.select(".prizm-source__archive") == []
    assert unknown.select("[data-versionurl]") == []


def test_hostile_cache_values_stay_inert(build_site: BuildSite, tmp_path: Any) -> None:
    project = tmp_path / "project1"
    project.mkdir()
    hostile = {
        "links": {
            "https://dead.example/page": {
                "status": 404,
                "archive_url": 'javascript:alert(1)" onmouseover="alert(2)',
                "archive_date": "2025-06-24T00:00:00Z",
            },
            "https://ok.example/": {
                "status": 200,
                "archive_url": 'https://web.archive.org/x" onclick="alert(3)',
                "archive_date": '2025-01-01"><script>alert(4)</script>',
            },
        }
    }
    (project / "prizm-links.json").write_text(json.dumps(hostile), encoding="utf-8")
    config = {"links_cache": "prizm-links.json", "links_archive": True}
    build = build_site({"article.md": ARTICLE}, {"plugins": [{"prizm": config}]})
    assert build.ok, build.log
    html = build.html("article.md")
    assert "javascript:" not in html
    assert "alert(" not in html
    assert build.soup("article.md").select("[onclick], [onmouseover]") == []


def test_missing_or_broken_cache_warns(build_site: BuildSite, tmp_path: Any) -> None:
    config = {"plugins": [{"prizm": {"links_cache": "prizm-links.json"}}]}
    build = build_site({"article.md": ARTICLE}, config)
    assert build.ok, build.log
    assert "PRZ374" in build.log
    assert "mkdocs-prizm links" in build.log
    assert build.soup("article.md").select(".prizm-source--dead") == []
    project = tmp_path / "project2"
    project.mkdir()
    (project / "prizm-links.json").write_text("{broken", encoding="utf-8")
    broken = build_site({"article.md": ARTICLE}, config, strict=True)
    assert not broken.ok  # a warning: --strict fails
    assert "PRZ374" in broken.log


def test_english_label(build_site: BuildSite, tmp_path: Any) -> None:
    project = tmp_path / "project1"
    project.mkdir()
    (project / "prizm-links.json").write_text(json.dumps(CACHE), encoding="utf-8")
    config = {"plugins": [{"prizm": {"links_cache": "prizm-links.json", "language": "en"}}]}
    build = build_site({"article.md": ARTICLE}, config)
    assert build.soup("article.md").select_one(".prizm-source__dead").get_text() == "dead link"


def test_example_site_with_link_health(tmp_path: Any) -> None:
    """The example site's link-health configuration: the dead source, its copy, the warning."""
    project = tmp_path / "example_site"
    shutil.copytree(ROOT / "example_site", project, ignore=shutil.ignore_patterns("site*"))
    build = run_build(project, config_file="mkdocs.links.yml")
    assert build.ok, build.log
    assert "PRZ371" in build.log
    page = project / "site-links" / "articles" / "2025-07-29-ia-generative-pme-paradoxe"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert html.count("prizm-source--dead") == 1
    assert "copie archivée" in html
    assert "data-versionurl=" in html
