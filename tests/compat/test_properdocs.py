"""ProperDocs (the MkDocs 1.6 continuation) builds the example site through the entry point."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from tests.compat.articles import NOTE_WORDS
from tests.conftest import ROOT, run_build

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("properdocs") is None,
    reason="properdocs is not installed (pip install properdocs, or the 'dev' extras)",
)


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    project = tmp_path / "example_site"
    shutil.copytree(ROOT / "example_site" / "docs", project / "docs")
    shutil.copyfile(ROOT / "example_site" / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_properdocs_strict_build_of_the_example_site(example_site: Path) -> None:
    build = run_build(
        example_site, strict=True, command=(sys.executable, "-m", "properdocs", "build")
    )
    assert build.ok, build.log
    pages = sorted((example_site / "docs" / "articles").glob("*.md"))
    assert pages
    for page in pages:
        html = build.html(f"articles/{page.name}")
        for words in NOTE_WORDS:
            assert words not in html, page.name
        soup = build.soup(f"articles/{page.name}")
        assert soup.select_one(".prizm-byline") is not None, page.name
        assert soup.select_one('script[type="application/ld+json"]') is not None, page.name
    soup = build.soup("articles/2025-07-29-ia-generative-pme-paradoxe.md")
    assert soup.select(".prizm-sources .prizm-badge")
    assert soup.select("a.prizm-cite")
    assert (build.site / "assets" / "prizm" / "prizm.css").is_file()
