"""The AI disclosure line and the "Cite this article" block in real builds (mkdocs, Material)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Build, BuildSite

SITE_URL = "https://example.org/prizm/"

ARTICLE = """\
---
title: "L'IA générative : 87 % & {gains}"
date: 2025-07-29
author: Jeanne Dupont
{extra}---

# L'IA générative : 87 % & {gains}

Du texte sur l'IA (Source : INSEE).

## Sources et références

1. **INSEE** – Étude – 2024 – https://www.insee.fr/ – Fiabilité : 9/10
"""

ENGLISH = """\
---
title: The AI Act for small businesses
date: 2026-02-03
lang: en
author: Jeanne Dupont
---

# The AI Act for small businesses

Some text.
"""

PAGES = {"index.md": "# Accueil\n\nUne page ordinaire.\n", "en.md": ENGLISH}


def article(extra: str = "") -> str:
    return ARTICLE.replace("{extra}", extra)


def config(theme: str, **prizm: Any) -> dict[str, Any]:
    plugin: Any = {"prizm": prizm} if prizm else "prizm"
    return {"theme": theme, "site_url": SITE_URL, "site_name": "Prizm AI", "plugins": [plugin]}


def ld(soup: BeautifulSoup) -> dict[str, Any]:
    [script] = soup.select('script[type="application/ld+json"]')
    data: dict[str, Any] = json.loads(script.string or "")
    return data


def ok(build: Build) -> Build:
    assert build.ok, build.log[-3000:]
    return build


@pytest.fixture(scope="module", params=["mkdocs", "material"])
def reviewed(request: pytest.FixtureRequest, build_module_site: BuildSite) -> Build:
    """A site with a reviewer, per theme: a French article naming its own, an English one."""
    return ok(
        build_module_site(
            {**PAGES, "article.md": article("relecteur: Léa Roux\n")},
            config(request.param, disclosure_reviewer="Claire Martin"),
        )
    )


def test_disclosure_and_cite_block_on_articles_only(reviewed: Build) -> None:
    build = reviewed
    soup = build.soup("article.md")
    [line] = soup.select(".prizm-disclosure")
    # Front matter wins over the site's reviewer.
    assert " ".join(line.get_text().split()) == (
        "✦ Article rédigé avec l'aide de l'IA, relu par Léa Roux."
    )
    assert line["data-reviewed"] == "true"
    # Right after the byline, under the title.
    byline = soup.select_one(".prizm-byline")
    assert byline is not None
    assert byline.find_next_sibling() is line
    [block] = soup.select("details.prizm-cite-block")
    assert block.summary is not None
    assert block.summary.get_text() == "Citer cet article"
    assert block["lang"] == "fr"
    plain, bibtex = (code.get_text() for code in block.select("pre > code"))
    url = SITE_URL + "article/"
    assert plain == (
        "Jeanne Dupont. «\u00a0L'IA générative : 87 % & {gains}\u00a0». Prizm AI, "
        f"29 juillet 2025. {url}"
    )
    assert bibtex.startswith("@online{dupont2025generative,\n  author = {Jeanne Dupont},\n")
    assert r"title = {L'IA générative : 87 \% \& \textbraceleft{}gains\textbraceright{}}" in bibtex
    assert f"url = {{{url}}}" in bibtex
    # After the sources block: the last thing the article shows.
    assert block.find_previous("section", class_="prizm-sources") is not None
    index = build.soup("index.md")
    assert not index.select(".prizm-disclosure, .prizm-cite-block")


def test_english_article_is_localised(reviewed: Build) -> None:
    soup = reviewed.soup("en.md")
    line = soup.select_one(".prizm-disclosure__text")
    assert line is not None
    assert line.get_text() == "Written with the help of AI, reviewed by Claire Martin."
    block = soup.select_one("details.prizm-cite-block")
    assert block is not None
    assert block["lang"] == "en"
    assert block.summary is not None
    assert block.summary.get_text() == "Cite this article"
    plain = block.select("pre > code")[0].get_text()
    assert plain == (
        "Jeanne Dupont. \u201cThe AI Act for small businesses.\u201d Prizm AI, "
        f"February 3, 2026. {SITE_URL}en/"
    )
    assert "langid = {english}" in block.get_text()


def test_jsonld_fields(build_site: BuildSite) -> None:
    build = ok(
        build_site(
            {**PAGES, "article.md": article("reviewedBy: [Léa Roux, Paul Simon]\n")},
            config("mkdocs", disclosure_principles_url="charte-ia/"),
        )
    )
    data = ld(build.soup("article.md"))
    assert data["digitalSourceType"] == (
        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    )
    assert data["editor"] == [
        {"@type": "Person", "name": "Léa Roux"},
        {"@type": "Person", "name": "Paul Simon"},
    ]
    assert data["publishingPrinciples"] == SITE_URL + "charte-ia/"
    link = build.soup("article.md").select_one(".prizm-disclosure__principles")
    assert link is not None
    assert link["href"] == "../charte-ia/"
    # Without a reviewer: the fact stays, no editor.
    english = ld(build.soup("en.md"))
    assert english["digitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert "editor" not in english


def test_options_turn_them_off(build_site: BuildSite) -> None:
    build = ok(build_site({**PAGES}, config("mkdocs", disclosure=False, cite_block=False)))
    soup = build.soup("en.md")
    assert not soup.select(".prizm-disclosure, .prizm-cite-block")
    assert "digitalSourceType" not in ld(soup)


def test_disclosure_without_byline(build_site: BuildSite) -> None:
    build = ok(build_site({**PAGES}, config("mkdocs", byline=False)))
    soup = build.soup("en.md")
    assert not soup.select(".prizm-byline")
    line = soup.select_one(".prizm-disclosure")
    assert line is not None
    h1 = soup.select_one("h1")
    assert h1 is not None
    assert h1.find_next_sibling() is line


def test_site_sentence(build_site: BuildSite) -> None:
    build = ok(
        build_site(
            {**PAGES},
            config("mkdocs", disclosure_text="Rédigé par IA, vérifié par {reviewer} !"),
        )
    )
    line = build.soup("en.md").select_one(".prizm-disclosure__text")
    assert line is not None
    assert line.get_text() == "Written with the help of AI."
    build = ok(
        build_site(
            {**PAGES},
            config("mkdocs", disclosure_text="Vérifié par {reviewer} !", disclosure_reviewer="Léa"),
        )
    )
    line = build.soup("en.md").select_one(".prizm-disclosure__text")
    assert line is not None
    assert line.get_text() == "Vérifié par Léa !"


def test_missing_reviewer_fails_strict(build_site: BuildSite) -> None:
    pages = {**PAGES, "article.md": article("reviewer: Léa Roux\n")}
    build = build_site(pages, config("mkdocs", disclosure_require_reviewer=True), strict=True)
    assert not build.ok
    # Only the article without a reviewer, at its author's line.
    assert "en.md:5:1: warning PRZ621" in build.log
    assert build.log.count("PRZ621") == 1
    build = build_site(pages, config("mkdocs"), strict=True)
    assert build.ok, build.log[-3000:]


def test_not_in_search_index(build_site: BuildSite) -> None:
    build = ok(
        build_site(
            {**PAGES},
            {**config("mkdocs", disclosure_reviewer="Claire"), "plugins": ["search", "prizm"]},
        )
    )
    index = (build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Claire" not in index
    assert "@online" not in index
    assert "The AI Act for small businesses" in index
