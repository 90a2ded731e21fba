"""The sources block on real builds: structure, badges, hostile input, every theme."""

from __future__ import annotations

import pytest

from tests.conftest import BuildSite

HOSTILE = """
---
title: "Sources hostiles"
date: 2025-07-29
author: "Prizm AI"
readingTime: "2 min"
---

# Sources hostiles

Un chiffre (Source : Alpha) et un autre (Source : Beta Études), puis un nom inconnu
(Source : Personne).

## Sources et références

*Cet article a été rédigé à partir de sources vérifiées :*

1. **Alpha <script>alert(1)</script>** - Article
   - Date : 24/06/2025 (avec mise à jour avril 2024)
   - URL : https://alpha.example/page?a=1&b=2
   - Fiabilité : 8/10

2. **Beta Études" onmouseover="alert(2)** - Étude
   - Date : juin 2025
   - URL : javascript:alert(3)
   - Fiabilité : 7,5/10 (source institutionnelle)

3. **Gamma** - Rapport
   - Date : bientôt
   - URL : JaVaScRiPt:alert(4)
   - Fiabilité : 11/10

4. **Delta** - Blog
   - Date : 2024
   - URL : &#106;avascript:alert(5)
   - Fiabilité : huit

5. **Epsilon** - Note
   - URL : //evil.example/x
   - Fiabilité : 3/10

6. **Zeta** - Note
   - URL : data:text/html,<script>alert(6)</script>
   - Fiabilité : 9/10

7. **Eta** - Note
   - URL : java\tscript:alert(7)
   - Fiabilité : 5/10

Texte final conservé tel quel.
"""

THEMES = {
    "mkdocs": {"name": "mkdocs"},
    "readthedocs": {"name": "readthedocs"},
    "material": {"name": "material", "font": False},
}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_hostile_sources_on_every_theme(build_site: BuildSite, theme: str) -> None:
    build = build_site({"article.md": HOSTILE}, {"theme": THEMES[theme]})
    assert build.ok, build.log
    soup = build.soup("article.md")
    section = soup.select_one("section.prizm-sources")
    assert section is not None
    entries = section.select("li.prizm-source")
    assert [li["id"] for li in entries] == [f"prizm-source-{n}" for n in range(1, 8)]
    assert [li.select_one(".prizm-badge")["data-reliability"] for li in entries] == [
        "8", "7.5", "unrated", "unrated", "3", "9", "5",
    ]  # fmt: skip
    assert [li.select_one(".prizm-badge")["data-tier"] for li in entries] == [
        "high", "high", "unrated", "unrated", "low", "very-high", "medium",
    ]  # fmt: skip
    # Only the one http(s) URL is a link; the others are inert text.
    hrefs = [a["href"] for a in section.find_all("a") if not a["href"].startswith("#")]
    assert hrefs
    assert all(h == "https://alpha.example/page?a=1&b=2" for h in hrefs)
    for li in entries[1:]:
        assert li.select_one(".prizm-source__url--unsafe") is not None
    # Titles are text, never markup.
    assert not section.find_all("script")
    assert all(not tag.has_attr("onmouseover") for tag in soup.find_all(True))
    assert "<script>alert(1)</script>" in entries[0].get_text()
    # Notes kept next to the date and the score.
    assert "avec mise à jour avril 2024" in entries[0].get_text()
    assert "source institutionnelle" in entries[1].get_text()
    assert "bientôt" in entries[2].get_text()
    # Citations link to their entry; the unknown one stays text.
    cites = soup.select("a.prizm-cite")
    assert [a["href"] for a in cites] == ["#prizm-source-1", "#prizm-source-2"]
    assert "(Source : Personne)" in soup.get_text(" ").replace("\n", " ")
    back = entries[0].select_one(".prizm-source__backrefs a")
    assert back is not None
    assert back["href"] == "#" + cites[0]["id"]
    # Text after the list is published as written.
    assert "Texte final conservé tel quel." in soup.get_text()
    # The stylesheet is linked and published.
    assert (build.site / "assets/prizm/prizm.css").is_file()
    assert any("assets/prizm/prizm.css" in str(link.get("href")) for link in soup.find_all("link"))


def test_hostile_sources_are_reported_and_fail_strict(build_site: BuildSite) -> None:
    build = build_site({"article.md": HOSTILE}, {"theme": "mkdocs"}, strict=True)
    assert not build.ok
    rows = [row for row in build.log.splitlines() if "article.md:" in row]
    for code, where in [
        ("PRZ305", "article.md:24:"),  # javascript: on entry 2's URL line
        ("PRZ304", "article.md:28:"),  # "bientôt"
        ("PRZ302", "article.md:30:"),  # 11/10
        ("PRZ401", "article.md:11:11:"),  # (Source : Personne)
    ]:
        assert any(where in row and code in row for row in rows), (code, where, rows)


SUPERSCRIPT = """
---
title: "Formes"
pubDate: 2026-01-12
author: "Prizm AI"
readingTime: "1 min"
---

En France, 10% des entreprises¹ et 66% des autres².

### Sources et références

¹ Eurostat (2025). *Adoption de l'IA*. Statistiques officielles.

² Squid Impact (2025). *Chiffres clés*. Étude sectorielle.
"""

LINKS = """
---
title: "Liens"
pubDate: "2026-01-12"
author: "Prizm AI"
readingTime: "1 min"
---

Une phrase [Source: GPO Mag].

## Sources

- [Clotilde.ai - Tendances](https://clotilde.ai/blog/)
- [GPO Mag](https://www.gpomag.fr/)
"""

BLOCKS = """
---
title: "Blocs"
date: 2025-08-16
author: "Prizm AI"
readingTime: "1 min"
---

Selon l'étude (Source : Bpifrance Le Lab) et le guide (Source : dfm).

## Sources and references

**Source 1** : Bpifrance Le Lab — Étude
- Date : 04/06/2025
- URL : https://lelab.bpifrance.fr/
- **Fiabilité** : 9/10

**Source 2** : DFM.fr — Article
- Date : 2025-05-22
- URL : https://dfm.fr/
- Fiabilite: 8 / 10

3. **CCI France** (Fiabilité : 7,5/10)
   - https://www.cci.fr/

4. **Usine Digitale** - Article
   - Date : 10/08/2025
   - Reliability: 6.5/10 (presse spécialisée)
"""


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_form_on_every_theme(build_site: BuildSite, theme: str) -> None:
    pages = {"sup.md": SUPERSCRIPT, "links.md": LINKS, "blocks.md": BLOCKS}
    build = build_site(pages, {"theme": THEMES[theme]}, strict=True)
    assert build.ok, build.log

    sup = build.soup("sup.md")
    assert [a["href"] for a in sup.select("a.prizm-cite")] == ["#prizm-source-1", "#prizm-source-2"]
    entries = sup.select("li.prizm-source")
    assert "Eurostat" in entries[0].get_text()
    assert entries[0].select_one("time")["datetime"] == "2025"

    links = build.soup("links.md")
    titles = links.select("li.prizm-source .prizm-source__title a")
    assert [a["href"] for a in titles] == ["https://clotilde.ai/blog/", "https://www.gpomag.fr/"]
    assert links.select_one("a.prizm-cite")["href"] == "#prizm-source-2"

    blocks = build.soup("blocks.md")
    items = blocks.select("li.prizm-source")
    assert [li["data-reliability"] for li in items] == ["9", "8", "7.5", "6.5"]
    assert [a["href"] for a in blocks.select("a.prizm-cite")] == [
        "#prizm-source-1",
        "#prizm-source-2",
    ]
    assert items[0].select_one("time")["datetime"] == "2025-06-04"
    assert "presse spécialisée" in items[3].get_text()
    assert items[2].select_one(".prizm-source__title a")["href"] == "https://www.cci.fr/"


def test_ordinary_page_sources_heading_untouched(build_site: BuildSite) -> None:
    page = "# Doc\n\n## Sources\n\n- [Python](https://python.org)\n"
    build = build_site({"doc.md": page}, {"theme": "mkdocs"})
    assert build.ok
    soup = build.soup("doc.md")
    assert soup.select_one("section.prizm-sources") is None
    assert soup.select_one(".prizm-byline") is None
