"""Where the editorial report may go: a clear error, never a traceback or a lost file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from mkdocs_prizm import editorial
from tests.conftest import BuildSite, run_build, write_project

ARTICLE = """
---
title: "Article"
date: 2025-07-29
author: "Prizm AI"
---

# Article

Du texte.
"""
PAGES = {"index.md": "# Accueil\n", "article.md": ARTICLE}


def _plugin(report_file: str) -> dict[str, object]:
    return {"plugins": [{"prizm": {"report_file": report_file}}]}


@pytest.mark.parametrize(
    ("report_file", "prepare", "expected"),
    [
        ("out", "folder", "is a folder"),
        ("notes.txt/report.json", "file", "notes.txt is a file, not a folder"),
        ("notes.txt/deeper/report.json", "file", "notes.txt is a file, not a folder"),
        ("mkdocs.yml", "", "is the configuration file"),
        ("./sub/../mkdocs.yml", "", "is the configuration file"),
        ("/proc/self/comm", "", "is a system path"),
        ("/dev/null", "", "is a system path"),
        ("notes.txt", "file", "is not an editorial report of mkdocs-prizm"),
        ("docs/index.md", "", "is inside docs_dir"),
    ],
)
def test_bad_report_file_is_a_clear_error(
    build_site: BuildSite, tmp_path: Path, report_file: str, prepare: str, expected: str
) -> None:
    project = tmp_path / "project1"
    project.mkdir()
    if prepare == "folder":
        (project / "out").mkdir()
    elif prepare == "file":
        (project / "notes.txt").write_text("keep me\n", encoding="utf-8")
    build = build_site(PAGES, _plugin(report_file))
    assert build.project == project
    assert not build.ok
    assert "Traceback" not in build.log, build.log
    assert f"report_file '{report_file}' " in build.log, build.log
    assert expected in build.log, build.log
    # MkDocs logs a plugin's error as it is: the message names the plugin, once.
    assert f"prizm: report_file '{report_file}' " in build.log
    assert "mkdocs_prizm: prizm:" not in build.log
    # Nothing was written over.
    assert "site_name: Test" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    if prepare == "file":
        assert (project / "notes.txt").read_text(encoding="utf-8") == "keep me\n"
    assert (project / "docs" / "index.md").read_text(encoding="utf-8") == "# Accueil\n"


def test_report_written_again_over_an_earlier_one_and_in_new_folders(tmp_path: Path) -> None:
    project = write_project(tmp_path, PAGES, _plugin("reports/new/prizm.json"))
    report = project / "reports" / "new" / "prizm.json"
    for _ in range(2):  # the second build writes over the first report, as `mkdocs serve` does
        build = run_build(project)
        assert build.ok, build.log
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["generator"]["name"] == "mkdocs-prizm"


def test_an_empty_file_may_receive_the_report(tmp_path: Path) -> None:
    project = write_project(tmp_path, PAGES, _plugin("report.json"))
    (project / "report.json").write_text("", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    assert editorial.report_path(config, "report.json") == (project / "report.json").resolve()


def test_a_symlink_into_docs_dir_is_refused(tmp_path: Path) -> None:
    project = write_project(tmp_path, PAGES, _plugin("report.json"))
    (project / "link.json").symlink_to(project / "docs" / "report.json")
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match="is inside docs_dir"):
        editorial.report_path(config, "link.json")


def test_a_write_failure_is_a_plugin_error(tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    with pytest.raises(PluginError, match="cannot write the editorial report to"):
        editorial.write_report(folder, {}, [], version="0")
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    with pytest.raises(PluginError, match="cannot write the editorial report to"):
        editorial.write_report(blocked / "sub" / "r.json", {}, [], version="0")
