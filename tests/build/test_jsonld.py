"""schema.org ``BlogPosting`` in built pages: complete, and safe with hostile text."""

from __future__ import annotations

import html
import json
from typing import Any

from bs4 import BeautifulSoup

from mkdocs_prizm.core.frontmatter import safe_text
from tests.conftest import Build, BuildSite

SITE = {"theme": "mkdocs", "site_url": "https://example.org/prizm/"}


def _ld(build: Build, page: str) -> list[Any]:
    assert build.ok, build.log[-3000:]
    soup = BeautifulSoup(build.html(page), "html.parser")
    return [json.loads(s.string or "") for s in soup.select('script[type="application/ld+json"]')]


def test_seed_blogposting(build_site: BuildSite, seed_text: str) -> None:
    build = build_site({"index.md": "# Accueil\n", "article.md": seed_text}, SITE)
    scripts = _ld(build, "article.md")
    assert len(scripts) == 1
    data = scripts[0]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "LIA générative dans les PME françaises : le grand paradoxe de 2024"
    assert data["description"] == "Analyse approfondie et conseils pratiques pour les PME/ETI"
    assert data["datePublished"] == "2025-07-29"
    assert data["dateModified"] == "2025-07-29"
    assert data["author"] == [{"@type": "Person", "name": "Prizm AI"}]
    assert data["image"].endswith(
        "/images/blog/lia-generative-dans-les-pme-francaises-le-grand-paradoxe-de-.jpg"
    )
    assert data["keywords"] == "IA, PME, Transformation digitale"
    assert data["articleSection"] == "guides"
    assert data["inLanguage"] == "fr"
    assert isinstance(data["wordCount"], int)
    assert 300 < data["wordCount"] < 700
    assert data["timeRequired"] == "PT3M"
    assert data["url"] == "https://example.org/prizm/article/"
    citations = data["citation"]
    assert [c["@type"] for c in citations] == ["CreativeWork"] * 3
    assert citations[0]["name"] == "CCI Provence-Alpes-Côte d’Azur – Article"
    assert citations[0]["url"].startswith("https://www.paca.cci.fr/")
    assert citations[0]["datePublished"] == "2025-06-24"
    assert citations[1]["name"] == "Dihnamic – Actualités & Études"
    assert citations[2]["url"] == "https://dfm.fr/articles/etat-des-lieux-ia-pme-france/"


HOSTILE_TITLE = "Fin </script><script>alert('x')</script> & <!-- suite"
HOSTILE_SOURCE = "Rapport </script><script>alert(2)</script> & <!--"


def test_hostile_text_cannot_break_out(build_site: BuildSite) -> None:
    article = f"""\
    ---
    title: {json.dumps(HOSTILE_TITLE)}
    description: "</script><img src=x onerror=alert(1)>"
    date: "2025-07-29"
    author: "Prizm AI"
    readingTime: "3 min"
    ---

    Un texte (Source : Rapport).

    ## Sources et références

    1. **{HOSTILE_SOURCE}** - Article
       - URL : https://example.org/rapport
       - Fiabilité : 8/10
    """
    build = build_site({"article.md": article}, SITE)
    assert build.ok, build.log[-3000:]
    soup = BeautifulSoup(build.html("article.md"), "html.parser")
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    raw = scripts[0].string or ""
    assert "<" not in raw
    assert ">" not in raw
    data = json.loads(raw)
    # Markup in front matter is published as plain text (PRZ105): the headline is that text.
    assert data["headline"] == html.unescape(safe_text(HOSTILE_TITLE)[0])
    assert data["headline"] == "Fin alert('x') &"
    assert "PRZ105" in build.log
    page_title = soup.find("title")
    assert page_title is not None
    assert "alert('x')" in page_title.get_text()
    assert "onerror" not in data.get("description", "")
    # A source title keeps its characters: the JSON escapes carry them safely.
    citation = data["citation"][0]
    assert "</script>" in citation["name"]
    assert "<!--" in citation["name"]
    # Nothing the text carried became an element.
    others = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in others if "alert" in (s.string or "")]
    assert not soup.select("img[onerror]")
    assert len(soup.find_all("script", type="application/ld+json")) == 1


def test_pages_without_prizm_front_matter_get_nothing(build_site: BuildSite) -> None:
    pages = {
        "index.md": "# Accueil\n\nBonjour.\n",
        "guide.md": "---\ntitle: Guide\nauthor: Quelqu'un\n---\n\n# Guide\n\nUn guide.\n",
    }
    build = build_site(pages, SITE)
    assert build.ok, build.log
    for page in pages:
        assert _ld(build, page) == []
        html = build.html(page)
        assert "prizm-byline" not in html
        assert "prizm-sources" not in html


def test_jsonld_can_be_turned_off(build_site: BuildSite, seed_text: str) -> None:
    config = {**SITE, "plugins": [{"prizm": {"jsonld": False}}]}
    build = build_site({"article.md": seed_text}, config)
    assert _ld(build, "article.md") == []


def test_a_missing_image_is_reported_with_its_line(build_site: BuildSite) -> None:
    article = (
        "---\ntitle: T\ndate: 2025-07-29\nauthor: A\nimage: images/nope.png\n---\n\n# T\n\nTexte.\n"
    )
    build = build_site({"article.md": article, "images/yes.png": "x"}, SITE)
    assert build.ok, build.log
    assert "article.md:5:1: warning PRZ116 image 'images/nope.png'" in build.log
    found = article.replace("nope.png", "yes.png")
    assert "PRZ116" not in build_site({"article.md": found, "images/yes.png": "x"}, SITE).log
