"""Citation previews on real builds: the script published and listed, or a title instead.

The previews themselves are exercised in a browser (``tests/browser/test_citation_preview.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BuildSite

ARTICLE = """
---
title: "Aperçus"
date: 2025-07-29
author: "Prizm AI"
---

# Aperçus

Un chiffre (Source : Alpha) et un autre (Source : Beta).

## Sources et références

1. **Alpha** - Article
   - Date : 24/06/2025
   - URL : https://alpha.example/page
   - Fiabilité : 8/10

2. **{beta}** - Étude
   - Fiabilité : 4/10
"""
#: A title that Markdown would read inside the citation's tag if it were written as is.
HOSTILE = 'Beta `code` [lien](https://x.example) *gras* $x$ \\\\ "q" <b>'

THEMES = {
    "mkdocs": {"name": "mkdocs"},
    "readthedocs": {"name": "readthedocs"},
    "material": {"name": "material", "font": False},
}


def _scripts(build_html: str) -> list[str]:
    return [line for line in build_html.split("<script") if "prizm.js" in line]


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_script_published_and_listed(build_site: BuildSite, theme: str) -> None:
    build = build_site(
        {"article.md": ARTICLE.format(beta="Beta"), "index.md": "# Accueil\n"},
        {"theme": THEMES[theme]},
    )
    assert build.ok, build.log
    script = build.site / "assets/prizm/prizm.js"
    assert (
        script.read_bytes()
        == (Path(__file__).parents[2] / "mkdocs_prizm/assets/prizm.js").read_bytes()
    )
    for page in ("article.md", "index.md"):
        soup = build.soup(page)
        sources = [str(s.get("src")) for s in soup.find_all("script") if s.get("src")]
        assert [s for s in sources if s.endswith("assets/prizm/prizm.js")], sources
    cites = build.soup("article.md").select("a.prizm-cite")
    assert [a["href"] for a in cites] == ["#prizm-source-1", "#prizm-source-2"]
    # The script shows the source: no title to show a second tooltip.
    assert not [a for a in cites if a.has_attr("title")]


def test_listed_once_when_the_site_lists_it(build_site: BuildSite) -> None:
    build = build_site(
        {"article.md": ARTICLE.format(beta="Beta")},
        {"theme": "mkdocs", "extra_javascript": ["assets/prizm/prizm.js"]},
    )
    assert build.ok, build.log
    assert len(_scripts(build.html("article.md"))) == 1


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_off_gives_citations_a_title(build_site: BuildSite, theme: str) -> None:
    build = build_site(
        {"article.md": ARTICLE.format(beta=HOSTILE)},
        {"theme": THEMES[theme], "plugins": [{"prizm": {"citations_preview": False}}]},
    )
    assert build.ok, build.log
    assert not (build.site / "assets/prizm/prizm.js").exists()
    assert not _scripts(build.html("article.md"))
    soup = build.soup("article.md")
    alpha, beta = soup.select("a.prizm-cite")
    assert alpha["title"] == "Alpha (Article, 24 juin 2025) — fiable, 8/10"
    # Written as text, whatever Markdown or HTML it looks like; the link keeps its text only.
    entry_title = soup.select("li.prizm-source")[1].select_one(".prizm-source__title")
    assert entry_title is not None
    assert beta["title"] == f"{entry_title.get_text()} (Étude) — peu fiable, 4/10"
    assert '$x$ \\ "q" <b>' in beta["title"]
    assert [type(c).__name__ for c in beta.children] == ["NavigableString"]
