"""What an override can count on: Jinja's globals, the labels read either way, includes."""

from __future__ import annotations

from pathlib import Path

from mkdocs_prizm.core.article import Article, Reliability, Source, SourcesSection
from mkdocs_prizm.render import Renderer, RenderOptions, make_environment

ARTICLE = Article(
    title="Titre",
    sources=SourcesSection(
        heading="Sources",
        level=2,
        entries=(
            Source(number=1, title="Alpha", reliability=Reliability(score=8.0, raw="8/10")),
            Source(number=2, title="Beta", reliability=Reliability(score=4.0, raw="4/10")),
        ),
    ),
)


def _renderer(tmp_path: Path, files: dict[str, str], **options: object) -> Renderer:
    for name, text in files.items():
        path = tmp_path / "prizm" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Renderer(make_environment([str(tmp_path)]), RenderOptions(**options))


def test_jinja_globals_in_an_override(tmp_path: Path) -> None:
    renderer = _renderer(
        tmp_path,
        {
            "sources.html": (
                "{% set ns = namespace(n=0) %}{% for entry in entries %}"
                "{% set ns.n = ns.n + 1 %}{% endfor %}"
                "{% for i in range(ns.n) %}[{{ i }}]{% endfor %}{{ dict(a=1).a }}"
            )
        },
    )
    assert renderer.sources(ARTICLE) == "[0][1]1"


def test_labels_as_attributes_and_keys(tmp_path: Path) -> None:
    renderer = _renderer(
        tmp_path,
        {
            "sources.html": (
                "{{ labels.cited_in }}|{{ labels['cited_in'] }}|{{ labels.get('cited_in') }}"
                "|{{ labels.nope is defined }}|{{ labels.mine }}|{{ labels.items is callable }}"
            )
        },
        labels={"cited_in": "Cité ici", "mine": "À moi"},
    )
    assert renderer.sources(ARTICLE) == "Cité ici|Cité ici|Cité ici|False|À moi|True"
    assert renderer.labels["mine"] == "À moi"


def test_a_badge_override_is_included_for_each_entry(tmp_path: Path) -> None:
    renderer = _renderer(
        tmp_path, {"badge.html": '<b data-n="{{ source.number }}">{{ entry.score }}</b>'}
    )
    html = renderer.sources(ARTICLE)
    assert '<b data-n="1">8/10</b>' in html
    assert '<b data-n="2">4/10</b>' in html
    assert "prizm-badge" not in html
