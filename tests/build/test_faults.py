"""Front matter faults and internal notes on real builds."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import BuildSite, run_build, write_project

MKDOCS = {"theme": "mkdocs"}


def test_invalid_yaml_fails_the_build_and_never_publishes_the_block(build_site: BuildSite) -> None:
    page = '---\ntitle: "T"\ndescription: a: b\nauthor: "Prizm AI"\n---\n\nLe texte publié.\n'
    build = build_site({"bad.md": page, "index.md": "# Home\n"}, MKDOCS)
    assert not build.ok
    assert "bad.md:3:" in build.log
    assert "PRZ101" in build.log
    html = build.html("bad.md")
    assert "description: a: b" not in html
    assert "Le texte publié." in html


def test_front_matter_not_a_mapping(build_site: BuildSite) -> None:
    build = build_site({"list.md": "---\n- a\n- b\n---\nCorps.\n"}, MKDOCS)
    assert not build.ok
    assert "list.md:2:1: error PRZ102" in build.log
    assert "- a" not in build.soup("list.md").get_text()


def test_errors_can_be_downgraded(build_site: BuildSite) -> None:
    build = build_site(
        {"bad.md": "---\ntitle: [unclosed\n---\nCorps.\n"},
        {"theme": "mkdocs", "plugins": [{"prizm": {"strict_errors": False}}]},
    )
    assert build.ok
    assert "PRZ101" in build.log


def test_second_front_matter_block(build_site: BuildSite) -> None:
    page = """
    ---
    title: "Premier"
    description: ""
    pubDate: "2026-01-12"
    ---

    ---
    title: "Second"
    description: "Description du second bloc"
    author: "L'équipe Prizm AI"
    readingTime: "7 min"
    ---

    ## Le corps de l'article
    """
    build = build_site({"twice.md": page}, MKDOCS)
    assert build.ok, build.log
    assert "twice.md:7:1: warning PRZ103" in build.log
    soup = build.soup("twice.md")
    text = soup.get_text()
    assert "readingTime" not in text
    ld = json.loads(soup.find("script", attrs={"type": "application/ld+json"}).get_text())
    assert ld["description"] == "Description du second bloc"
    assert "L'équipe Prizm AI" in soup.select_one(".prizm-byline").get_text()
    strict = build_site({"twice.md": page}, MKDOCS, strict=True)
    assert not strict.ok


def test_wrong_values_warn_and_build(build_site: BuildSite) -> None:
    page = """
    ---
    title: "Valeurs"
    date: "le 3 du mois"
    author: "Prizm AI"
    readingTime: huit
    ---

    Texte.
    """
    build = build_site({"v.md": page}, MKDOCS)
    assert build.ok
    assert (
        "v.md:3:1: warning PRZ104 front matter field 'date' has value 'le 3 du mois'" in build.log
    )
    assert "v.md:5:1: warning PRZ104 front matter field 'readingTime' has value 'huit'" in build.log
    assert not build_site({"v.md": page}, MKDOCS, strict=True).ok


def test_markup_in_title_reaches_the_theme_as_text(build_site: BuildSite) -> None:
    page = """
    ---
    title: "<script>alert(1)</script>Titre <b>gras</b>"
    description: 'x" http-equiv="refresh" content="0;url=javascript:alert(2)'
    author: "<img src=x onerror=alert(3)>Prizm"
    date: 2025-07-29
    readingTime: "1 min"
    ---

    Texte.
    """
    for theme in ("mkdocs", {"name": "material", "font": False}):
        build = build_site({"index.md": "# Home\n", "x.md": page}, {"theme": theme})
        assert build.ok, build.log
        assert "PRZ105" in build.log
        for name in ("index.md", "x.md"):
            soup = build.soup(name)
            scripts = soup.find_all("script", attrs={"type": lambda t: t != "application/ld+json"})
            assert not any("alert" in s.get_text() for s in scripts)
            assert not soup.find_all("img", attrs={"onerror": True})
            assert not soup.find_all("meta", attrs={"http-equiv": "refresh"})
        assert "alert(1) Titre gras" in build.soup("x.md").title.get_text()


def test_notes_never_reach_html_search_or_markdown(build_site: BuildSite) -> None:
    page = (
        "# Page ordinaire\r\n\r\nAvant <!--Score intégrité : 12%--> après.\r\n\r\n"
        "<!-- \r\nSTYLE CONVERSATIONNEL APPLIQUÉ\r\nScore conversationnel : 97%\r\n-->\r\n\r\n"
        "```html\r\n<!-- exemple de commentaire -->\r\n```\r\n\r\n<!-- more -->\r\n\r\nFin.\r\n"
    )
    build = build_site({"p.md": page}, {"theme": "mkdocs", "plugins": ["search", "prizm"]})
    assert build.ok, build.log
    html = build.html("p.md")
    index = json.loads((build.site / "search" / "search_index.json").read_text("utf-8"))
    for leaked in ("Score", "STYLE CONVERSATIONNEL"):
        assert leaked not in html
        assert leaked not in json.dumps(index, ensure_ascii=False)
    assert "&lt;!-- exemple de commentaire --&gt;" in html
    assert "<!-- more -->" in html
    assert "Avant après." in build.soup("p.md").get_text()
    # A page carrying a Prizm internal note is an article, even without front matter: its
    # byline shows what is known (no author, no date).
    byline = build.soup("p.md").select_one(".prizm-byline")
    assert byline is not None
    assert byline.select_one(".prizm-byline__authors, .prizm-byline__date") is None


def test_unclosed_note_keeps_the_rest_of_the_article(build_site: BuildSite) -> None:
    page = """
    ---
    title: "Note ouverte"
    date: 2025-07-29
    author: "Prizm AI"
    readingTime: "1 min"
    ---

    Introduction.

    <!--
    ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
    Score intégrité : 100.0%

    La suite de l'article est publiée.

    ## Une section

    Et sa conclusion.
    """
    build = build_site({"n.md": page}, MKDOCS)
    assert build.ok
    assert "n.md:10:1: warning PRZ201" in build.log
    text = build.soup("n.md").get_text()
    assert "Score" not in build.html("n.md")
    for kept in (
        "Introduction.",
        "La suite de l'article est publiée.",
        "Une section",
        "conclusion",
    ):
        assert kept in text


def test_unknown_option_is_an_error(build_site: BuildSite) -> None:
    build = build_site({"i.md": "x"}, {"plugins": [{"prizm": {"no_such_option": 1}}]})
    assert not build.ok
    assert "no_such_option" in build.log


HOOK = """
import json
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    _seen(config, page, "markdown_event", markdown)


def on_page_content(html, page, config, files):
    _seen(config, page, "page.markdown", page.markdown)


def _seen(config, page, key, text):
    out = Path(config.config_file_path).parent / "seen.json"
    data = json.loads(out.read_text("utf-8")) if out.exists() else {}
    data.setdefault(page.file.src_uri, {})[key] = text
    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
"""


def test_later_plugins_never_see_a_note(tmp_path: Path, seed_text: str) -> None:
    """A hook (MkDocs runs it like a plugin, after ``prizm``) reads page.markdown."""
    project = write_project(
        tmp_path, {"seed.md": seed_text}, {"theme": "mkdocs", "hooks": ["hook.py"]}
    )
    (project / "hook.py").write_text(HOOK, encoding="utf-8")
    build = run_build(project)
    assert build.ok, build.log
    seen = json.loads((project / "seen.json").read_text("utf-8"))["seed.md"]
    assert set(seen) == {"markdown_event", "page.markdown"}
    for text in seen.values():
        assert "Score intégrité" not in text
        assert "ARTICLE FINAL" not in text
        assert "Soyons clairs" in text


def test_an_invalid_authors_file_fails_the_build(build_site: BuildSite) -> None:
    article = '---\ntitle: "T"\nauthor: "Prizm AI"\ndate: 2025-07-29\n---\n\nLe texte.\n'
    pages = {".authors.yml": "authors: [unclosed\n", "post.md": article}
    build = build_site(pages, MKDOCS)
    assert not build.ok
    assert ".authors.yml:2:" in build.log
    assert "PRZ602" in build.log
    assert "1 error(s) in the articles or the authors file" in build.log
    assert "Le texte." in build.html("post.md")
