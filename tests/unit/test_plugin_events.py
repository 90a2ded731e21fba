"""The plugin's events, run in this process (so that coverage sees them) on a real MkDocs build."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_prizm.core.article import Article
from mkdocs_prizm.plugin import PrizmPlugin
from tests.compat.articles import ARTICLE
from tests.conftest import write_project


def _config(root: Path, options: dict[str, object] | None = None) -> object:
    project = write_project(
        root,
        {"index.md": "# Accueil\n\nBonjour.\n", "article.md": ARTICLE},
        {"theme": "mkdocs", "plugins": [{"prizm": options or {}}]},
    )
    return load_config(str(project / "mkdocs.yml"))


def test_a_build_in_process(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = _config(tmp_path, {"report_file": "report.json", "sources_page": "sources.md"})
    plugin = config["plugins"]["prizm"]
    assert isinstance(plugin, PrizmPlugin)
    with caplog.at_level(logging.INFO):
        build(config)
    site = Path(config["site_dir"])
    html = (site / "article" / "index.html").read_text(encoding="utf-8")
    assert 'class="prizm-byline"' in html
    assert 'class="prizm-sources"' in html
    assert "application/ld+json" in html
    assert "prizm-source-1" in (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "report.json").is_file()
    assert plugin.fragments == {}  # every article's fragments were put into its page
    assert set(plugin.articles) == {"article.md"}
    assert isinstance(plugin.articles["article.md"].article, Article)
    assert any("editorial report written" in r.getMessage() for r in caplog.records)


def test_options_are_read_by_the_schema(tmp_path: Path) -> None:
    with pytest.raises(Abort):  # MkDocs reports the configuration errors, then aborts
        load_config(
            str(write_project(tmp_path, {}, {"plugins": [{"prizm": {"bad": 1}}]}) / "mkdocs.yml")
        )
    plugin = PrizmPlugin()
    errors, warnings = plugin.load_config({"byline": "oui", "language": "en"})
    assert [name for name, _ in errors] == ["byline"]
    assert "expected true or false" in str(errors[0][1])
    assert warnings == []
    assert plugin.load_config({"language": "en"}) == ([], [])
    assert plugin.options.language == "en"
    assert plugin.config["language"] == "en"  # other plugins may read it


def test_a_missing_authors_file_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = _config(tmp_path, {"authors_file": "nope.yml"})
    with pytest.raises(Abort):
        build(config)
    assert "authors_file 'nope.yml' not found in docs_dir" in caplog.text


def test_errors_fail_the_build_unless_told_otherwise(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = "---\ntitle: [unclosed\n---\n\n# T\n"
    for strict_errors, fails in ((True, True), (False, False)):
        root = tmp_path / str(strict_errors)
        project = write_project(
            root,
            {"article.md": broken},
            {"theme": "mkdocs", "plugins": [{"prizm": {"strict_errors": strict_errors}}]},
        )
        config = load_config(str(project / "mkdocs.yml"))
        if fails:
            with pytest.raises(Abort):
                build(config)
            assert "1 error(s) in the articles" in caplog.text
        else:
            build(config)
