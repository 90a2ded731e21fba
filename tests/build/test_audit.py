"""The post-build audit fails a build whose published files hold a note by any route."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED, Build, BuildSite

PAGE = "# Accueil\n\nUne page ordinaire.\n"
HOOK = """
from pathlib import Path


def on_post_build(config, **kwargs):
    target = Path(config.site_dir) / "notes.txt"
    target.write_text("Bonjour\\nARTICLE FINAL - OPTIMISÉ STYLE PRIZM\\n", encoding="utf-8")
"""


def test_a_note_in_the_site_description_fails_the_build(build_site: BuildSite) -> None:
    # The theme renders site_description into every page's head: the plugin never sees it.
    build = build_site({"index.md": PAGE}, {"site_description": "Score intégrité : 92 %"})
    assert not build.ok
    assert "site/index.html:" in build.log
    assert 'PRZ951 internal note "Score intégrité" published' in build.log
    assert "audit: false" in build.log


def test_a_note_in_a_nav_title_fails_the_build_and_names_the_search_index(
    build_site: BuildSite,
) -> None:
    build = build_site(
        {"index.md": PAGE, "guide.md": "Du texte.\n"},
        {
            "plugins": ["search", {"prizm": {"audit": True}}],
            "nav": [{"Accueil": "index.md"}, {"Optimisé le 3 mai": "guide.md"}],
        },
    )
    assert not build.ok
    assert "site/guide/index.html:" in build.log
    assert "site/search/search_index.json:1:" in build.log
    assert "written 'Optimis\\\\u00e9 le'" in build.log


def test_a_file_written_by_a_hook_fails_the_build(build_site: BuildSite, tmp_path: Path) -> None:
    build = build_site({"index.md": PAGE}, {"hooks": [str(_hook(tmp_path))]})
    assert not build.ok
    assert 'site/notes.txt:2:1: error PRZ951 internal note "ARTICLE FINAL" published' in build.log


def test_the_option_turns_the_audit_off_or_skips_files(
    build_site: BuildSite, tmp_path: Path
) -> None:
    hooks = {"hooks": [str(_hook(tmp_path))]}
    off = build_site({"index.md": PAGE}, {**hooks, "plugins": [{"prizm": {"audit": False}}]})
    assert off.ok, off.log
    assert "PRZ951" not in off.log
    skipped = build_site(
        {"index.md": PAGE},
        {**hooks, "plugins": [{"prizm": {"audit": True, "audit_skip": ["*.txt"]}}]},
    )
    assert skipped.ok, skipped.log


EXAMPLE = (
    "# Format\n\nUne note interne ressemble à ceci :\n\n```html\n"
    "<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nScore intégrité : 100%\n-->\n```\n"
)
#: The search index holds the inline code's text without its element: still an example.
GUIDE = "# Nos notes\n\nLe pipeline écrit `Score intégrité : 100%` dans ses notes.\n"
RESIDUE = (
    "---\ntitle: Un article\ndate: 2025-08-16\nauthor: Prizm AI\n---\n\n"
    "Souhaitez-vous me fournir :\n\n- les sources\n\nDu texte [[PATTERN]] ici.\n"
)
REPORT = (
    "---\ntitle: Rapport d'optimisation conversationnelle\ndate: 2025-07-30\n"
    "author: Prizm AI\n---\n\nScore intégrité : 92 %\n"
)


@pytest.fixture(scope="module")
def passing(build_module_site: BuildSite) -> Build:
    """A site the audit (on by default) must pass: a note shown in a code block, a clean
    article, a pattern in inline code, residue in an article and an optimisation report."""
    pages = {"index.md": EXAMPLE, "guide.md": GUIDE, "residue.md": RESIDUE, "rapport.md": REPORT}
    if SEED.is_file():
        pages["article.md"] = SEED.read_text(encoding="utf-8")
    return build_module_site(pages, {"plugins": ["search", "prizm"]})


def test_a_clean_article_and_an_example_in_code_pass(passing: Build) -> None:
    assert passing.ok, passing.log
    assert "PRZ95" not in passing.log


def test_a_pattern_shown_in_inline_code_passes_and_a_leak_still_fails(
    passing: Build, build_site: BuildSite
) -> None:
    assert passing.ok, passing.log
    assert "PRZ95" not in passing.log
    leaked = build_site(
        {"index.md": PAGE, "guide.md": GUIDE},
        {"plugins": ["search", "prizm"], "nav": [{"Score intégrité": "index.md"}, "guide.md"]},
    )
    assert not leaked.ok
    assert "site/index.html:" in leaked.log


def test_residue_published_by_design_is_not_a_leak(passing: Build) -> None:
    # Residue in an article is reported as warnings and published: the editor's to fix.
    assert passing.ok, passing.log
    assert [line for line in passing.log.splitlines() if "residue.md:" in line and "PRZ801" in line]
    assert "Souhaitez-vous me fournir" in passing.html("residue.md")
    assert "PRZ95" not in passing.log


def test_residue_is_a_leak_on_a_site_that_keeps_it_out(build_site: BuildSite) -> None:
    build = build_site(
        {"index.md": PAGE, "article.md": RESIDUE, "guide.md": "Du texte.\n"},
        {
            "plugins": [{"prizm": {"residue_exclude": True}}],
            "nav": [{"Accueil": "index.md"}, {"Je vais transformer cet article": "guide.md"}],
        },
    )
    assert not build.ok
    assert "PRZ805" in build.log  # the article is kept out...
    assert 'PRZ953 pipeline residue "Je vais transformer cet article" published' in build.log
    assert "site/article/" not in build.log  # ...and what came by the nav is reported


def _hook(tmp_path: Path) -> Path:
    path = tmp_path / "leak_hook.py"
    path.write_text(HOOK, encoding="utf-8")
    return path


def test_a_site_that_publishes_the_reports_publishes_the_notes_words(
    passing: Build, build_site: BuildSite
) -> None:
    pages = {"index.md": PAGE, "rapport.md": REPORT}
    assert passing.ok, passing.log
    assert [line for line in passing.log.splitlines() if "rapport.md" in line and "PRZ202" in line]
    published = build_site(pages, {"plugins": ["search", {"prizm": {"reports_exclude": False}}]})
    assert published.ok, published.log
    assert "Score intégrité" in published.html("rapport.md")
    assert "PRZ95" not in published.log
