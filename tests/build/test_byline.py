"""The byline in real builds: authors, dates, reading time, categories, tags, labels."""

from __future__ import annotations

import shutil
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import FIXTURES, Build, BuildSite, run_build, write_project

ARTICLE = """\
---
title: "Les aides publiques à l'IA"
description: "Ce qui existe pour les PME"
date: "2025-07-29"
updatedDate: "2025-11-07"
author: "Prizm AI"
categories: ["guides", "financement"]
tags: ["IA", "Transformation digitale"]
featured: true
emoji: "💶"
readingTime: "3 min"
---

# Les aides publiques à l'IA

Un texte court sur les aides publiques.
"""


def _byline(build: Build, page: str = "article.md") -> Tag:
    assert build.ok, build.log[-3000:]
    byline = build.soup(page).select_one(".prizm-byline")
    assert byline is not None, "no byline"
    return byline


def _text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())


def _long_body(words: int) -> str:
    return " ".join(["mot"] * words)


@pytest.fixture(scope="module")
def default_build(build_module_site: BuildSite) -> Build:
    """The mkdocs theme, default options: the article, its variants and an ordinary page."""
    pages = {
        "article.md": ARTICLE,
        "index.md": "# Accueil\n\nBonjour.\n",
        # Reading time: declared and wrong, not declared, declared and right.
        "declared.md": ARTICLE.replace('readingTime: "3 min"', 'readingTime: "12 min"'),
        "computed.md": ARTICLE.replace('readingTime: "3 min"\n', "")
        + "\n"
        + _long_body(1000)
        + "\n",
        "agrees.md": ARTICLE.replace('readingTime: "3 min"', 'readingTime: "5 min"')
        + "\n"
        + _long_body(1000)
        + "\n",
    }
    return build_module_site(pages, {"theme": "mkdocs"})


def _reported(build: Build, code: str, page: str) -> list[str]:
    """The log lines reporting ``code`` on ``page``."""
    return [line for line in build.log.splitlines() if code in line and f"{page}:" in line]


def test_byline_french_by_default(default_build: Build) -> None:
    byline = _byline(default_build)
    published = byline.select_one(".prizm-byline__date time")
    assert published is not None
    assert published["datetime"] == "2025-07-29"
    assert published.get_text() == "29 juillet 2025"
    updated = byline.select_one(".prizm-byline__updated time")
    assert updated is not None
    assert updated["datetime"] == "2025-11-07"
    assert updated.get_text() == "7 novembre 2025"
    assert _text(byline.select_one(".prizm-byline__date")).startswith("Publié le")
    assert _text(byline.select_one(".prizm-byline__updated")).startswith("Mis à jour le")
    assert _text(byline.select_one(".prizm-byline__authors")) == "Par Prizm AI"
    assert _text(byline.select_one(".prizm-byline__readtime")) == "3 min de lecture"
    assert [_text(c) for c in byline.select(".prizm-byline__category")] == [
        "guides",
        "financement",
    ]
    assert [_text(t) for t in byline.select(".prizm-byline__tag")] == [
        "#IA",
        "#Transformation digitale",
    ]
    assert _text(byline.select_one(".prizm-byline__featured")) == "À la une"
    assert _text(byline.select_one(".prizm-byline__emoji")) == "💶"


def test_byline_emoji_is_a_character_reference(default_build: Build) -> None:
    # One emoji in the page's text would make the whole page a 4-byte-per-character string
    # in MkDocs and the theme (see mkdocs_prizm.core.charrefs).
    assert default_build.ok, default_build.log
    assert "&#x1F4B6;" in default_build.html("article.md")


def test_byline_follows_the_page_heading(default_build: Build) -> None:
    assert default_build.ok, default_build.log
    h1 = default_build.soup("article.md").find("h1")
    assert isinstance(h1, Tag)
    following = h1.find_next_sibling()
    assert isinstance(following, Tag)
    assert "prizm-byline" in following.get("class", [])


@pytest.mark.parametrize(
    "config",
    [
        pytest.param({"theme": {"name": "mkdocs", "locale": "en"}}, id="theme-locale"),
        pytest.param({"theme": "mkdocs", "plugins": [{"prizm": {"language": "en"}}]}, id="option"),
        pytest.param(
            {"theme": {"name": "material", "font": False, "language": "en"}}, id="material-language"
        ),
    ],
)
def test_byline_in_english(build_site: BuildSite, config: dict[str, object]) -> None:
    byline = _byline(build_site({"article.md": ARTICLE}, config))
    assert _text(byline.select_one(".prizm-byline__date")) == "Published July 29, 2025"
    assert _text(byline.select_one(".prizm-byline__updated")) == "Updated November 7, 2025"
    assert _text(byline.select_one(".prizm-byline__authors")) == "By Prizm AI"
    assert _text(byline.select_one(".prizm-byline__readtime")) == "3 min read"
    assert _text(byline.select_one(".prizm-byline__featured")) == "Featured"


def test_plugin_language_wins_over_the_theme(build_site: BuildSite) -> None:
    config = {
        "theme": {"name": "mkdocs", "locale": "en"},
        "plugins": [{"prizm": {"language": "fr"}}],
    }
    byline = _byline(build_site({"article.md": ARTICLE}, config))
    assert _text(byline.select_one(".prizm-byline__date")) == "Publié le 29 juillet 2025"


@pytest.fixture(scope="module")
def options_build(build_module_site: BuildSite) -> Build:
    """Every label overridden, and the tags linked to a site-relative listing."""
    labels = {
        "by": "Signé",
        "published": "Paru le",
        "updated": "Revu le",
        "reading_time": "{minutes} minutes",
        "featured": "Coup de cœur",
        "categories": "Rubriques",
        "tags": "Mots-clés",
    }
    prizm = {"labels": labels, "tags_url": "etiquettes/"}
    pages = {"article.md": ARTICLE, "blog/article.md": ARTICLE}
    return build_module_site(pages, {"theme": "mkdocs", "plugins": [{"prizm": prizm}]})


def test_every_label_can_be_overridden(options_build: Build) -> None:
    byline = _byline(options_build)
    assert _text(byline.select_one(".prizm-byline__authors")) == "Signé Prizm AI"
    assert _text(byline.select_one(".prizm-byline__date")) == "Paru le 29 juillet 2025"
    assert _text(byline.select_one(".prizm-byline__updated")) == "Revu le 7 novembre 2025"
    assert _text(byline.select_one(".prizm-byline__readtime")) == "3 minutes"
    assert _text(byline.select_one(".prizm-byline__featured")) == "Coup de cœur"
    assert _text(byline.select(".prizm-byline__label")[0]) == "Rubriques"
    assert _text(byline.select(".prizm-byline__label")[1]) == "Mots-clés"


@pytest.fixture(scope="module")
def authors_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The authors file of the fixtures, a nested article and one with three authors."""
    several = ARTICLE.replace('author: "Prizm AI"', 'authors: ["Prizm AI", "Invité", "Inconnu"]')
    pages = {"blog/2025/aides.md": ARTICLE, "article.md": several}
    project = write_project(tmp_path_factory.mktemp("authors"), pages, {"theme": "mkdocs"})
    shutil.copytree(FIXTURES / "authors", project / "docs", dirs_exist_ok=True)
    return run_build(project)


def test_authors_file_avatar_and_link_from_a_nested_page(authors_build: Build) -> None:
    build = authors_build
    byline = _byline(build, "blog/2025/aides.md")
    author = byline.select_one(".prizm-byline__author")
    assert author is not None
    link = author.select_one("a[rel=author]")
    assert link is not None
    assert link["href"] == "https://example.org/equipe/"
    assert link.get_text() == "La rédaction Prizm"
    avatar = author.select_one("img.prizm-byline__avatar")
    assert avatar is not None
    assert avatar["src"] == "../../../images/avatar.svg"
    page_dir = build.site / "blog" / "2025" / "aides"
    assert (page_dir / str(avatar["src"])).resolve().is_file()


def test_author_missing_from_the_authors_file_is_plain_text(authors_build: Build) -> None:
    byline = _byline(authors_build)
    names = [_text(a) for a in byline.select(".prizm-byline__author")]
    assert names == ["La rédaction Prizm", "Un invité", "Inconnu"]
    assert len(byline.select(".prizm-byline__author a")) == 1
    assert len(byline.select(".prizm-byline__author img")) == 1


# -- tags ------------------------------------------------------------------------------------

TAGS_INDEX = "# Étiquettes\n\n<!-- material/tags -->\n"
MATERIAL = {"name": "material", "font": False}


def test_tags_link_to_material_tags_listing(build_site: BuildSite) -> None:
    article = ARTICLE.replace('["IA", "Transformation digitale"]', '["IA", "R&D", "Éthique IA"]')
    pages = {"index.md": "# Accueil\n", "tags.md": TAGS_INDEX, "blog/article.md": article}
    build = build_site(pages, {"theme": MATERIAL, "plugins": ["search", "tags", "prizm"]})
    byline = _byline(build, "blog/article.md")
    ours = [str(a["href"]) for a in byline.select("a.prizm-byline__tag")]
    assert len(ours) == 3
    assert ours[0] == "../../tags/#tag:ia"
    # Material's own tag links on the same page, and the ids of its listing, agree with ours.
    material = {str(a["href"]) for a in build.soup("blog/article.md").select("a.md-tag")}
    assert set(ours) == material
    listing_ids = {h.get("id") for h in build.soup("tags.md").select("[id^='tag:']")}
    assert {href.split("#", 1)[1] for href in ours} <= listing_ids


def test_tags_follow_material_slug_settings(build_site: BuildSite) -> None:
    pages = {"index.md": TAGS_INDEX, "article.md": ARTICLE}
    tags = {"material/tags": {"tags_slugify_format": "t-{slug}", "tags_slugify_separator": "_"}}
    build = build_site(pages, {"theme": MATERIAL, "plugins": [tags, "prizm"]})
    byline = _byline(build)
    hrefs = [str(a["href"]) for a in byline.select("a.prizm-byline__tag")]
    assert hrefs == ["../#t-ia", "../#t-transformation_digitale"]
    # Material writes "../.#t-ia" for the home page: the same target.
    material = {str(a["href"]) for a in build.soup("article.md").select("a.md-tag")}
    page = "https://example.org/article/"
    assert {urljoin(page, href) for href in material} == {urljoin(page, h) for h in hrefs}


def test_tags_stay_unlinked_without_a_listing(build_site: BuildSite) -> None:
    build = build_site({"article.md": ARTICLE}, {"theme": MATERIAL, "plugins": ["tags", "prizm"]})
    byline = _byline(build)
    assert not byline.select("a.prizm-byline__tag")
    assert len(byline.select("span.prizm-byline__tag")) == 2


def test_tags_stay_unlinked_without_the_tags_plugin(default_build: Build) -> None:
    byline = _byline(default_build)
    assert not byline.select("a.prizm-byline__tag")


def test_tags_url_option_is_site_relative(options_build: Build) -> None:
    byline = _byline(options_build, "blog/article.md")
    hrefs = [str(a["href"]) for a in byline.select("a.prizm-byline__tag")]
    assert hrefs == ["../../etiquettes/#tag:ia", "../../etiquettes/#tag:transformation-digitale"]


# -- reading time ------------------------------------------------------------------------------


def test_declared_reading_time_is_shown_and_a_mismatch_reported(default_build: Build) -> None:
    build = default_build
    byline = _byline(build, "declared.md")
    readtime = byline.select_one(".prizm-byline__readtime")
    assert readtime is not None
    assert readtime["data-minutes"] == "12"
    assert _text(readtime) == "12 min de lecture"
    [reported] = _reported(build, "PRZ501", "declared.md")
    assert "readingTime declares 12 min" in reported


def test_reading_time_is_computed_when_not_declared(default_build: Build) -> None:
    readtime = _byline(default_build, "computed.md").select_one(".prizm-byline__readtime")
    assert readtime is not None
    # about 1,010 words at 214 words a minute, rounded up
    assert readtime["data-minutes"] == "5"
    assert _text(readtime) == "5 min de lecture"
    assert not _reported(default_build, "PRZ501", "computed.md")


def test_declared_reading_time_that_agrees_is_not_reported(default_build: Build) -> None:
    readtime = _byline(default_build, "agrees.md").select_one(".prizm-byline__readtime")
    assert readtime is not None
    assert readtime["data-minutes"] == "5"
    assert not _reported(default_build, "PRZ501", "agrees.md")


def test_no_byline_on_ordinary_pages(default_build: Build) -> None:
    build = default_build
    assert build.ok, build.log
    html = build.html("index.md")
    assert "prizm-byline" not in html
    assert BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]') == []
