"""Ordinary MkDocs pages come out of a build with ``prizm`` exactly as without it.

The only site-wide change the plugin makes is its stylesheet (a ``<link>`` in every page's head);
everything else on a page that is not an article, HTML comments and other tools' directives
included, must be byte-identical.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Build, run_build, write_project

FRONT = """\
---
title: Guide d'installation
description: Installer et configurer l'outil
icon: material/rocket
hide:
  - toc
tags:
  - installation
  - guide
status: new
---

"""

GUIDE = (
    FRONT
    + """\
# Installer l'outil

Un paragraphe avec un commentaire <!-- note de relecture, à garder --> au milieu.

<!-- more -->

!!! note "À savoir"
    Une admonition avec du **gras** et un [lien](https://example.org/).

!!! warning
    <!-- un commentaire dans une admonition -->
    Attention aux versions.

| Colonne | Valeur |
|---------|-------:|
| A       | 1      |
| B       | 2      |

```html
<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
Score intégrité : 100%
-->
<p>Du HTML d'exemple.</p>
```

    <!-- ARTICLE FINAL dans un bloc indenté -->
    code indenté

Du code en ligne : `<!-- ARTICLE FINAL -->` et `(Source : X)`.

<div class="encadre" markdown>
<p>Du HTML brut, <em>avec</em> un <!-- commentaire --> dedans.</p>
</div>

<!-- material/tags -->

- Une liste (Source : Quelqu'un)
- Fiabilité : 8/10

## Sources

Cette section ordinaire n'est pas celle d'un article :

1. **Un livre** - Référence
   - URL : https://example.org/livre
"""
)

PLAIN = """\
# Page simple

Texte simple.

<!-- un commentaire ordinaire -->

Fin du texte<!--collé-->suite.
"""

BLOG_LIKE = """\
---
title: Un billet
date: 2025-07-29
---

# Un billet

Un billet avec une date mais sans auteur : ce n'est pas un article Prizm.

<!-- more -->

La suite du billet.
"""

PAGES = {"index.md": PLAIN, "guide.md": GUIDE, "blog/billet.md": BLOG_LIKE}

RE_STYLESHEET = re.compile(r"\s*<link [^<>]*assets/prizm/prizm\.css[^<>]*>")
RE_SCRIPT = re.compile(r"\s*<script [^<>]*assets/prizm/prizm\.js[^<>]*></script>")


def _build(root: Path, theme: dict[str, Any], plugins: list[Any]) -> Build:
    config = {
        "site_name": "Intact",
        "site_url": "https://example.org/",
        "theme": theme,
        "plugins": plugins,
        "markdown_extensions": ["admonition", "tables", "md_in_html", "attr_list"],
    }
    # A fixed build date: the mkdocs theme prints it on the home page.
    build = run_build(write_project(root, PAGES, config), env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert build.ok, build.log
    return build


def _squeeze(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())


def _main(html: str, selector: str) -> str:
    found = BeautifulSoup(html, "html.parser").select_one(selector)
    assert found is not None
    return str(found)


THEMES: list[Any] = [
    pytest.param({"name": "mkdocs"}, "div[role=main]", id="mkdocs"),
    pytest.param(
        {"name": "material", "font": False},
        "article.md-content__inner",
        id="material",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("material") is None, reason="mkdocs-material not installed"
        ),
    ),
]


Pair = Callable[[dict[str, Any]], tuple[Build, Build]]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The site built without and with the plugin, once per theme (the tests only read it)."""
    built: dict[str, tuple[Build, Build]] = {}

    def _pair(theme: dict[str, Any]) -> tuple[Build, Build]:
        name = theme["name"]
        if name not in built:
            root = tmp_path_factory.mktemp(name)
            without = _build(root / "without", theme, ["search"])
            built[name] = without, _build(root / "with", theme, ["search", "prizm"])
        return built[name]

    return _pair


@pytest.mark.parametrize(("theme", "selector"), THEMES)
def test_ordinary_pages_are_untouched(pair: Pair, theme: dict[str, Any], selector: str) -> None:
    without, with_prizm = pair(theme)
    for page in PAGES:
        before = without.html(page)
        after = with_prizm.html(page)
        assert _main(after, selector) == _main(before, selector), page
        # The whole page, but for the stylesheet and the citation previews' script the plugin
        # adds to every page (and the blank lines Material's template writes around them).
        assert len(RE_STYLESHEET.findall(after)) == 1, page
        assert len(RE_SCRIPT.findall(after)) == 1, page
        assets = RE_SCRIPT.sub("", RE_STYLESHEET.sub("", after))
        assert _squeeze(assets) == _squeeze(before), page
    guide = with_prizm.html("guide.md")
    assert "<!-- more -->" in guide
    assert "<!-- material/tags -->" in guide
    assert "ARTICLE FINAL - OPTIMISÉ STYLE PRIZM" in guide  # in a code block: content
    assert "prizm-byline" not in guide
    assert "prizm-sources" not in guide


def test_search_index_is_untouched(pair: Pair) -> None:
    without, with_prizm = pair({"name": "mkdocs"})
    index = Path("search") / "search_index.json"
    assert (with_prizm.site / index).read_bytes() == (without.site / index).read_bytes()
