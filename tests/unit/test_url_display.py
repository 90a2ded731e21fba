"""URLs the plugin writes: what the sources list shows, the byline's links, JSON-LD values."""

from __future__ import annotations

import pytest

from mkdocs_prizm.core.article import Article, Author
from mkdocs_prizm.core.jsonld import build_blogposting
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.sources import parse_sources
from mkdocs_prizm.render.views import byline_view, inert_url, short_url, source_view

PAGE = "https://prizm.example/blog/a/"
LABELS = {"reading_time": "{minutes} min"}


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.example.org/a/b", "www.example.org/a/b"),
        ("https://Élysée.fr:8443/discours", "élysée.fr:8443/discours"),
        ("https://\u0430pple.com/login", "xn--pple-43d.com/login"),
        ("https://example.org/" + "x" * 80, "example.org/" + "x" * 45 + "…"),
        ("https://prizm.fr@evil.example/", "https://prizm.fr@evil.example/"),
        ("https://example.org/\u202egnp.exe", "https://example.org/<U+202E>gnp.exe"),
    ],
)
def test_short_url(url: str, shown: str) -> None:
    assert short_url(url) == shown


@pytest.mark.parametrize(
    ("url", "host", "shown"),
    [
        ("https://www.Example.org/a/b?q=1", "www.example.org", "www.example.org/a/b"),
        ("https://Élysée.fr:8443/discours", "élysée.fr", "élysée.fr:8443/discours"),
        ("https://[::1]:8080/x", "[::1]", "[::1]:8080/x"),
        ("https://\u0430pple.com/login", "xn--pple-43d.com", "xn--pple-43d.com/login"),
        ("https://prizm.fr@evil.example/", "", "https://prizm.fr@evil.example/"),
    ],
)
def test_parsed_entry_keeps_the_host_it_shows(url: str, host: str, shown: str) -> None:
    body = f"## Sources\n\n1. **Titre** - Article\n   - URL : {url}\n   - Fiabilité : 8/10\n"
    section = parse_sources(body, ProblemSink("a.md"))
    assert section is not None
    source = section.entries[0]
    assert source.host == host
    view = source_view(
        source,
        {
            "score_out_of": "{score}/10",
            "reliability_of": "{value}",
            "reliability": "F",
            "back_to_citation": "{n}",
        },
        "fr",
        (9.0, 7.0, 5.0),
    )
    assert view.short_url == shown == short_url(url)


def test_inert_url_makes_bidi_controls_visible() -> None:
    assert inert_url("a\u2066b\u2069\u200f") == "a<U+2066>b<U+2069><U+200F>"


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("images/cover.png", PAGE + "images/cover.png"),
        ("/images/cover.png", "https://prizm.example/images/cover.png"),
        ("images/my cover.png", PAGE + "images/my%20cover.png"),
        ("https://cdn.example/c.png", "https://cdn.example/c.png"),
        ("https://Élysée.fr/c.png", "https://Élysée.fr/c.png"),
        ("javascript:alert(1)", None),
        ("jav&#x61;script:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/c.png", None),
        ("https://prizm.fr@evil.example/c.png", None),
        ("https://evil\u3002example/c.png", None),
        ("images/\u202egnp.png", None),
    ],
)
def test_jsonld_image_is_a_safe_url_or_left_out(image: str, expected: str | None) -> None:
    data = build_blogposting(Article(is_article=True, title="T", image=image), url=PAGE)
    assert data.get("image") == expected


def test_jsonld_author_url_is_checked() -> None:
    authors = (
        Author(key="a", name="A", url="https://prizm.fr@evil.example/"),
        Author(key="b", name="B", url="https://example.org/b"),
    )
    data = build_blogposting(Article(is_article=True, title="T", authors=authors))
    assert data["author"] == [
        {"@type": "Person", "name": "A"},
        {"@type": "Person", "name": "B", "url": "https://example.org/b"},
    ]


def test_byline_links_and_avatars_are_checked() -> None:
    authors = (
        Author(key="a", name="A", url="javascript:alert(1)", avatar="javascript:alert(1)"),
        Author(key="b", name="B", url="https://a\u202e.example/", avatar="//evil.example/x.png"),
        Author(key="c", name="C", url="https://example.org/c", avatar="images/c.png"),
        Author(key="d", name="D", avatar="data:image/png;base64,iVBORw0KGgo="),
    )
    view = byline_view(
        Article(is_article=True, title="T", authors=authors),
        LABELS,
        asset=lambda path: "../" + path,
        tag_url=lambda tag: "",
    )
    assert [(a.href, a.image) for a in view.authors] == [
        ("", ""),
        ("", ""),
        ("https://example.org/c", "../images/c.png"),
        ("", "../data:image/png;base64,iVBORw0KGgo="),
    ]
