"""The Python twin of the packaged sources templates renders exactly what the templates do."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mkdocs_prizm.core.article import Author
from mkdocs_prizm.core.pipeline import process_source
from mkdocs_prizm.fastrender import render_byline, render_sources
from mkdocs_prizm.render import Renderer, RenderOptions, make_environment
from tests.build.test_sources import BLOCKS, HOSTILE, LINKS, SUPERSCRIPT
from tests.conftest import corpus_files

TEXTS = {
    "hostile": HOSTILE,
    "blocks": BLOCKS,
    "links": LINKS,
    "superscript": SUPERSCRIPT,
    **{path.name: path.read_text("utf-8-sig") for path in corpus_files()},
}


@pytest.mark.parametrize(
    "options",
    [
        RenderOptions(),
        RenderOptions(language="en", link_target="_blank", link_rel="nofollow"),
        RenderOptions(labels={"tier_high": 'solide <b>"&"</b>', "unsafe_link": "<x>"}),
    ],
    ids=["default", "english-target", "hostile-labels"],
)
def test_twin_matches_templates(options: RenderOptions) -> None:
    renderer = Renderer(make_environment([]), options)
    assert renderer._fast_sources
    rendered = 0
    for name, text in TEXTS.items():
        article = process_source(text.lstrip("\n"), name).article
        if article.sources is None or not article.sources.entries:
            continue
        context = renderer._context(article)
        fast = render_sources(article.sources, context["labels"], context["prizm"])
        template = renderer.env.get_template("prizm/sources.html")
        assert fast == template.render(context).strip(), name
        rendered += 1
    assert rendered >= 4


@pytest.mark.parametrize("tags_url", [None, "tags/"])
def test_byline_twin_matches_template(tags_url: str | None) -> None:
    renderer = Renderer(make_environment([]), RenderOptions(tags_url=tags_url))
    assert renderer._fast_byline
    authors = (
        Author("k", 'A <b>"x"</b>', avatar="img/a.png", url="https://example.org/"),
        Author("j", "B"),
    )
    for name, text in TEXTS.items():
        article = process_source(text.lstrip("\n"), name).article
        if not article.is_article:
            continue
        busy = dataclasses.replace(
            article, authors=authors, featured=True, emoji="🚀", tags=("a b", "c&d")
        )
        for variant in (article, busy):
            context = renderer._context(variant, "../..")
            fast = render_byline(variant, context["labels"], context["prizm"])
            template = renderer.env.get_template("prizm/byline.html")
            assert fast == template.render(context).strip(), name


def test_an_override_switches_back_to_templates(tmp_path: Path) -> None:
    folder = tmp_path / "prizm"
    folder.mkdir()
    (folder / "badge.html").write_text("<b>{{ source.number }}</b>", encoding="utf-8")
    renderer = Renderer(make_environment([folder.parent]), RenderOptions())
    assert not renderer._fast_sources
    article = process_source(BLOCKS.lstrip("\n"), "a.md").article
    assert "<b>1</b>" in renderer.sources(article)
