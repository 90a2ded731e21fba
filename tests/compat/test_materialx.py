"""MaterialX (``mkdocs-materialx``, Material's maintained fork, on ProperDocs): real builds.

MaterialX ships the same ``material`` Python package as mkdocs-material, so it cannot share
the test environment: ``scripts/setup.sh`` installs it, with this package, in a venv of its
own, ``.venv-materialx``, and these tests build with that venv's ``properdocs``.  The wheel
registers the theme ``materialx`` and its plugins as ``materialx/blog``, ``materialx/search``,
``materialx/tags``...; with the ``materialx`` theme, ``blog`` and ``search`` resolve to them.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.compat.articles import ARTICLE, BODY, NOTE_WORDS
from tests.conftest import ROOT, Build, run_build, write_project

VENV = ROOT / ".venv-materialx"
PROPERDOCS = VENV / "bin" / "properdocs"

pytestmark = pytest.mark.skipif(
    not PROPERDOCS.is_file(),
    reason=(
        f"{VENV.name} is absent: run scripts/setup.sh (MaterialX lives in a venv of its own, "
        "as it ships the same `material` package as mkdocs-material)"
    ),
)

COMMAND = (str(PROPERDOCS), "build")
THEME = {"name": "materialx", "language": "fr", "font": False}

POST = """\
---
title: "Les aides publiques à l'IA"
date: 2025-11-07
author: "Prizm AI"
categories: ["financement"]
readingTime: "2 min"
---

"""


def _build(root: Path, pages: dict[str, str], config: dict[str, Any]) -> Build:
    project = write_project(root, pages, {"site_name": "MaterialX", **config})
    build = run_build(project, strict=True, command=COMMAND)
    assert build.ok, build.log[-3000:]
    return build


def _no_note(text: str, where: str) -> None:
    for words in NOTE_WORDS:
        assert words not in text, where


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A page and a Prizm article on the ``materialx`` theme, with its search (Pagefind)."""
    pages = {"index.md": "# Accueil\n\n<!-- Score intégrité : 90% -->\nBienvenue.\n"}
    pages["article.md"] = ARTICLE
    return _build(
        tmp_path_factory.mktemp("materialx"),
        pages,
        {"site_url": "https://example.org/", "theme": THEME, "plugins": ["search", "prizm"]},
    )


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A Prizm article as a post of MaterialX's blog plugin (entry point ``materialx/blog``)."""
    intro = "Un résumé du billet, chiffres à l'appui (Source : Bpifrance).\n\n"
    post = POST + BODY.replace(
        "# Les aides publiques à l'IA\n", "# Les aides publiques à l'IA\n\n" + intro, 1
    )
    return _build(
        tmp_path_factory.mktemp("materialx-blog"),
        {"blog/index.md": "# Blog\n", "blog/posts/aides.md": post},
        {"theme": THEME, "plugins": ["materialx/blog", "prizm"]},
    )


def test_article_byline_sources_and_citations(article: Build) -> None:
    soup = article.soup("article.md")
    assert "md-typeset" in soup.select_one("article")["class"]  # MaterialX's own layout
    byline = soup.select_one(".prizm-byline")
    assert byline is not None
    assert byline.select_one("time")["datetime"] == "2025-11-07"
    assert byline.select_one("time").get_text() == "7 novembre 2025"
    assert "Prizm AI" in byline.get_text()
    section = soup.select_one("section.prizm-sources")
    assert section is not None
    assert [b["data-tier"] for b in section.select(".prizm-badge")] == ["very-high", "medium"]
    hrefs = [str(a["href"]) for a in soup.select("a.prizm-cite")]
    assert hrefs == ["#prizm-source-1", "#prizm-source-2"]
    for href in hrefs:
        assert soup.find(id=href[1:]) is not None
    assert section.select_one("#prizm-source-1 a")["href"] == "https://www.bpifrance.fr/ia"


def test_article_json_ld_and_stylesheet(article: Build) -> None:
    soup = article.soup("article.md")
    data = soup.select_one('script[type="application/ld+json"]')
    assert data is not None
    assert '"name":"MaterialX"' in data.get_text()
    assert "https://example.org/article/" in data.get_text()
    assert any(
        str(link["href"]).endswith("assets/prizm/prizm.css")
        for link in soup.select('link[rel="stylesheet"]')
    )
    assert (article.site / "assets" / "prizm" / "prizm.css").is_file()


def test_no_internal_note_in_pages_or_search_index(article: Build) -> None:
    for page in ("index.md", "article.md"):
        _no_note(article.html(page), page)
    fragments = sorted((article.site / "search" / "fragment").glob("*.pf_fragment"))
    assert fragments, "no Pagefind index"
    for fragment in fragments:
        _no_note(gzip.decompress(fragment.read_bytes()).decode("utf-8"), fragment.name)


def test_blog_post_is_a_prizm_article(blog: Build) -> None:
    page = next((blog.site / "blog" / "2025").rglob("index.html"))
    html = page.read_text(encoding="utf-8")
    _no_note(html, "post")
    soup = BeautifulSoup(html, "html.parser")
    assert [b["data-reliability"] for b in soup.select(".prizm-sources .prizm-badge")] == [
        "9",
        "6",
    ]
    assert soup.select('a.prizm-cite[href="#prizm-source-1"]')
    assert soup.select_one('script[type="application/ld+json"]') is not None
    # The post header shows the date and the article's reading time; the byline does not
    # repeat them, as on Material.
    header = " ".join(soup.select_one(".md-post__meta").get_text().split())
    assert "7 novembre 2025" in header
    assert "2 min" in header
    byline = soup.select_one(".prizm-byline")
    if byline is not None:
        assert byline.select_one(".prizm-byline__date, .prizm-byline__readtime") is None


def test_blog_index_excerpt(blog: Build) -> None:
    index = (blog.site / "blog" / "index.html").read_text(encoding="utf-8")
    _no_note(index, "blog index")
    content = BeautifulSoup(index, "html.parser").select_one(".md-content")
    assert "Un résumé du billet" in content.get_text()
    assert not content.select(".prizm-sources, .prizm-source, .prizm-byline")
    # The excerpt's citations point to the entries on the post's own page, without ids.
    cites = content.select("a.prizm-cite")
    assert [str(a["href"]).rsplit("/", 1)[1] for a in cites] == [
        "#prizm-source-1",
        "#prizm-source-1",
        "#prizm-source-2",
    ]
    assert all(str(a["href"]).startswith("2025/11/07/") for a in cites)
    assert all(a.get("id") is None for a in cites)


def test_byline_tags_link_to_the_tags_page(tmp_path: Path) -> None:
    build = _build(
        tmp_path,
        {"tags.md": "# Tags\n\n<!-- material/tags -->\n", "article.md": ARTICLE},
        {"theme": THEME, "plugins": ["tags", "prizm"]},
    )
    assert 'id="tag:ia"' in build.html("tags.md")  # MaterialX's listing works...
    links = build.soup("article.md").select("a.prizm-byline__tag")
    assert [str(a["href"]) for a in links] == ["../tags/#tag:ia", "../tags/#tag:pme"]


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """``example_site/mkdocs.materialx.yml`` (INHERIT of mkdocs.yml), built as in the repo."""
    project = tmp_path_factory.mktemp("example") / "example_site"
    shutil.copytree(ROOT / "example_site" / "docs", project / "docs")
    for name in ("mkdocs.yml", "mkdocs.materialx.yml"):
        shutil.copyfile(ROOT / "example_site" / name, project / name)
    build = run_build(project, strict=True, config_file="mkdocs.materialx.yml", command=COMMAND)
    assert build.ok, build.log[-3000:]
    return build


def test_example_site_builds(example_site: Build) -> None:
    config = yaml.safe_load((example_site.project / "mkdocs.materialx.yml").read_text("utf-8"))
    assert config["theme"]["name"] == "materialx"
    assert example_site.site.name == "site-materialx"
    pages = sorted((example_site.project / "docs" / "articles").glob("*.md"))
    assert pages
    for page in pages:
        name = f"articles/{page.name}"
        _no_note(example_site.html(name), name)
        soup = example_site.soup(name)
        assert soup.select_one(".prizm-byline") is not None, name
        assert soup.select_one('script[type="application/ld+json"]') is not None, name
    soup = example_site.soup("articles/2025-07-29-ia-generative-pme-paradoxe.md")
    assert len(soup.select(".prizm-sources .prizm-badge")) == 3
    assert soup.select("a.prizm-cite")
    english = example_site.soup("articles/2026-02-03-ai-act-english.md")
    assert " ".join(english.select_one(".prizm-byline").get_text().split()).startswith("By ")


def test_example_site_loads_nothing_remote(example_site: Build) -> None:
    """``font: false`` and no CDN: every stylesheet and script is served by the site."""
    for path in example_site.site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("html")["lang"] == "fr"
        urls = [str(t["href"]) for t in soup.select("link[rel~=stylesheet], link[rel~=preconnect]")]
        urls += [str(t["src"]) for t in soup.select("script[src], img[src]")]
        remote = [u for u in urls if u.startswith(("http:", "https:", "//"))]
        assert not remote, (path, remote)
    assert (example_site.site / "search" / "pagefind-entry.json").is_file()  # built locally
