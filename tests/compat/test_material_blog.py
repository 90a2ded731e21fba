"""Prizm articles as posts of Material's blog plugin.

Material's blog plugin reads each post's front matter itself, from the file on disk, while
collecting files (``on_files``), and accepts only a YAML date in ``date``: a quoted date
(``date: "2025-07-29"``, as Prizm's pipeline writes it) or a ``pubDate`` alone stops the build
before any page event, so the ``prizm`` plugin cannot normalise it.  What works: an unquoted
``date``; what helps: ``blog_compat: true`` (and ``mkdocs-prizm check``) notes the dates to fix
(PRZ107).
"""

from __future__ import annotations

import importlib.util

import pytest
from bs4 import BeautifulSoup

from mkdocs_prizm.core.pipeline import analyse
from tests.compat.articles import BODY, NOTE_WORDS
from tests.conftest import BuildSite

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("material.plugins.blog") is None,
    reason="mkdocs-material is not installed",
)

POST = """\
---
title: "Les aides publiques à l'IA"
date: {date}
author: "Prizm AI"
categories: ["financement"]
readingTime: "2 min"
---

"""

BLOG_CONFIG = {
    "theme": {"name": "material", "font": False},
    "plugins": ["blog", "prizm"],
}


def _post(date: str) -> str:
    intro = "Un résumé du billet, chiffres à l'appui (Source : Bpifrance).\n\n<!-- more -->\n\n"
    return POST.format(date=date) + BODY.replace(
        "# Les aides publiques à l'IA\n", "# Les aides publiques à l'IA\n\n" + intro, 1
    )


def test_unquoted_date_post_is_a_prizm_article(build_site: BuildSite) -> None:
    build = build_site(
        {"blog/index.md": "# Blog\n", "blog/posts/aides.md": _post("2025-11-07")},
        BLOG_CONFIG,
        strict=True,
    )
    assert build.ok, build.log
    post = build.site / "blog" / "2025" / "11" / "07" / "les-aides-publiques-à-lia" / "index.html"
    if not post.is_file():  # slug rules vary between Material versions
        post = next((build.site / "blog" / "2025").rglob("index.html"))
    html = post.read_text(encoding="utf-8")
    for words in NOTE_WORDS:
        assert words not in html
    assert "prizm-badge" in html
    assert "prizm-cite" in html
    index = (build.site / "blog" / "index.html").read_text(encoding="utf-8")
    for words in NOTE_WORDS:
        assert words not in index  # the excerpt on the blog index
    # Material renders the excerpt from page.markdown with its own Markdown instance: the
    # citation is a link to the entry on the post's own page, without the post's id.
    soup = BeautifulSoup(index, "html.parser")
    cites = soup.select("a.prizm-cite")
    assert len(cites) == 1
    assert str(cites[0]["href"]).startswith("2025/11/07/")
    assert str(cites[0]["href"]).endswith("/#prizm-source-1")
    assert cites[0].get("id") is None
    assert "prizm-cite:" not in index


def test_quoted_date_stops_material_blog(build_site: BuildSite) -> None:
    """The limitation, pinned: if Material starts accepting it, this test tells us."""
    build = build_site(
        {"blog/index.md": "# Blog\n", "blog/posts/aides.md": _post('"2025-11-07"')},
        BLOG_CONFIG,
    )
    assert not build.ok
    assert "Error reading metadata 'date'" in build.log


@pytest.mark.parametrize(
    ("date_line", "found"),
    [
        ('date: "2025-11-07"', True),
        ("pubDate: 2025-11-07", True),
        ('pubDate: "2025-11-07"', True),
        ("date: 2025-11-07", False),
    ],
)
def test_blog_compat_notes_dates(date_line: str, found: bool) -> None:
    source = f"---\ntitle: T\n{date_line}\nauthor: A\nreadingTime: 1 min\n---\n\n# T\n"
    on = analyse(source, "post.md", {"blog_compat": True})
    codes = [p for p in on.problems if p.code == "PRZ107"]
    assert bool(codes) is found
    if found:
        assert codes[0].line == 3
        assert codes[0].severity.value == "info"
        assert "2025-11-07" in codes[0].message
    off = analyse(source, "post.md")
    assert not [p for p in off.problems if p.code == "PRZ107"]


def test_blog_compat_option_in_a_build(build_site: BuildSite) -> None:
    build = build_site(
        {"index.md": "# Accueil\n", "post.md": _post('"2025-11-07"')},
        {"theme": "mkdocs", "plugins": [{"prizm": {"blog_compat": True}}]},
        strict=True,
    )
    assert build.ok, build.log  # a note, not a warning
    assert "PRZ107" in build.log


def _ids(soup: BeautifulSoup) -> list[str]:
    return [str(tag["id"]) for tag in soup.select("[id]")]


def test_index_excerpts_of_posts_without_a_separator(build_site: BuildSite) -> None:
    intro = "Un résumé du billet, chiffres à l'appui (Source : Bpifrance).\n\n## Détails\n\n"
    post = POST.format(date="2025-11-07") + BODY.replace(
        "# Les aides publiques à l'IA\n", "# Les aides publiques à l'IA\n\n" + intro, 1
    )
    second = post.replace("Les aides publiques à l'IA", "Deuxième billet").replace(
        "2025-11-07", "2025-11-08"
    )
    build = build_site(
        {"blog/index.md": "# Blog\n", "blog/posts/aides.md": post, "blog/posts/b.md": second},
        BLOG_CONFIG,
        strict=True,
    )
    assert build.ok, build.log
    index = BeautifulSoup(
        (build.site / "blog" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    content = index.select_one(".md-content")
    assert content is not None
    text = content.get_text()
    assert "Un résumé du billet" in text
    assert "Détails" not in text  # cut after the introduction
    assert "Sources et références" not in text  # no sources block on an index
    assert not content.select(".prizm-sources, .prizm-source, .prizm-byline")
    ids = _ids(index)
    assert len(ids) == len(set(ids))  # no id twice
    cites = content.select("a.prizm-cite")
    assert len(cites) == 2
    assert all("/#prizm-source-1" in str(c["href"]) for c in cites)


def test_post_header_and_byline_agree(build_site: BuildSite) -> None:
    build = build_site(
        {"blog/index.md": "# Blog\n", "blog/posts/aides.md": _post("2025-11-07")},
        BLOG_CONFIG,
        strict=True,
    )
    assert build.ok, build.log
    page = next((build.site / "blog" / "2025").rglob("index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    # Material's header shows the date and the article's reading time ("2 min")...
    header = " ".join(soup.select_one(".md-post__meta").get_text().split())
    assert "2 min" in header
    # ...and the byline does not repeat them.
    byline = soup.select_one(".prizm-byline")
    if byline is not None:
        assert byline.select_one(".prizm-byline__date, .prizm-byline__readtime") is None
