"""Links that mislead, on real builds: refused as links, or shown with their real host."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from tests.conftest import BuildSite

ARTICLE = """
---
title: "Liens trompeurs"
pubDate: "2025-07-29"
author: "Prizm AI"
image: "jav&#x61;script:alert(1)"
readingTime: "1 min"
---

# Liens trompeurs

Un texte.

## Sources

1. **Utilisateur** - Site
   - URL : https://prizm.fr@evil.example/
   - Fiabilité : 8/10

2. **Homographe** - Site
   - URL : https://\u0430pple.com/login
   - Fiabilité : 8/10

3. **Bidi** - Site
   - URL : https://example.org/\u202egnp.exe
   - Fiabilité : 8/10

4. **Point idéographique** - Site
   - URL : https://prizm\u3002fr/
   - Fiabilité : 8/10

5. **Élysée** - Site
   - URL : https://Élysée.fr/discours
   - Fiabilité : 8/10
"""

AUTHORS = """
authors:
  prizm:
    name: Prizm AI
    url: https://prizm.fr@evil.example/
    avatar: javascript:alert(1)
"""


def test_misleading_source_links(build_site: BuildSite) -> None:
    pages = {"article.md": ARTICLE, ".authors.yml": AUTHORS}
    build = build_site(pages, {"theme": "mkdocs", "site_url": "https://prizm.example/"})
    assert build.ok, build.log
    soup = build.soup("article.md")
    entries = soup.select("li.prizm-source")
    assert len(entries) == 5

    links = [a["href"] for a in soup.select(".prizm-sources a") if not a["href"].startswith("#")]
    assert sorted(set(links)) == ["https://Élysée.fr/discours", "https://аpple.com/login"]

    # User info, a bidi control, an ideographic full stop: inert text, controls made visible.
    for index in (0, 2, 3):
        assert entries[index].select_one(".prizm-source__url--unsafe") is not None
        assert entries[index].find("a", class_="prizm-source__url") is None
    assert "evil.example" in entries[0].get_text()
    assert "\u202e" not in str(soup)
    assert "<U+202E>gnp.exe" in entries[2].get_text()

    # The homograph is shown as punycode; a single-script host in Unicode.
    assert entries[1].select_one("a.prizm-source__url").get_text() == "xn--pple-43d.com/login"
    assert entries[4].select_one("a.prizm-source__url").get_text() == "élysée.fr/discours"

    # Each fault reported at its entry's URL line, with the URL.
    rows = build.log.splitlines()
    for code, line, text in [
        ("PRZ305", 16, "user info"),
        ("PRZ308", 20, "xn--pple-43d.com"),
        ("PRZ305", 24, "U+202E"),
        ("PRZ305", 28, "U+3002"),
    ]:
        assert any(f"article.md:{line}:" in row and code in row and text in row for row in rows), (
            code,
            line,
            rows,
        )

    # Byline: neither the author's link nor the avatar.
    byline = soup.select_one(".prizm-byline")
    assert byline is not None
    assert byline.find("a", rel="author") is None
    assert byline.find("img") is None
    assert "Prizm AI" in byline.get_text()

    # JSON-LD: no image, no author url, no citation url but the safe ones.
    script = soup.find("script", type="application/ld+json")
    assert script is not None
    data = json.loads(script.get_text())
    assert "image" not in data
    assert data["author"] == [{"@type": "Person", "name": "Prizm AI"}]
    cited = [work.get("url") for work in data["citation"]]
    assert cited == [None, "https://аpple.com/login", None, None, "https://Élysée.fr/discours"]


def test_sources_page_links_only_safe_urls(build_site: BuildSite) -> None:
    build = build_site(
        {"article.md": ARTICLE},
        {"theme": "mkdocs", "plugins": [{"prizm": {"sources_page": "sources.md"}}]},
    )
    assert build.ok, build.log
    page = BeautifulSoup(build.html("sources.md"), "html.parser")
    hrefs = {a["href"] for a in page.find_all("a", href=True) if "://" in a["href"]}
    assert "https://prizm.fr@evil.example/" not in hrefs
    assert not any("\u202e" in h or "\u3002" in h for h in hrefs)
