"""One configuration, three hosts: the plugin, the Markdown extension and ``mkdocs-prizm check``.

The same ``prizm`` options, given once to each host, must give the same articles, problems and
HTML on every real article.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from tests.conftest import corpus_files, run_build, write_project

pytestmark = pytest.mark.corpus

#: Options away from the defaults, so that a host that ignored one would show it.
OPTIONS: dict[str, Any] = {
    "sources_thresholds": [9.5, 7.5, 5],
    "labels": {"tier_medium": "à recouper"},
    "sources_link_rel": "nofollow noopener",
    "reports_exclude": False,
    "readtime_words_per_minute": 180,
}
EXTENSIONS = ["toc", "tables", "fenced_code"]


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus/prizmia is not present")
    root = tmp_path_factory.mktemp("parity")
    config = {
        "theme": "mkdocs",
        "markdown_extensions": EXTENSIONS,
        "plugins": [{"prizm": {**OPTIONS, "report_file": "report.json"}}],
    }
    write_project(root, {"index.md": "# Corpus\n"}, config)
    for path in files:
        shutil.copyfile(path, root / "docs" / path.name)
    build = run_build(root)
    assert build.ok, build.log[-3000:]
    return root, files


def _fragments(html: str) -> list[str]:
    """The plugin's fragments in a page: sources block, byline, citation links, JSON-LD."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(s) for s in soup.select("section.prizm-sources > ol, .prizm-byline, .prizm-disclosure")
    ]
    found += [str(a) for a in soup.select("a.prizm-cite")]
    found += [" ".join(s.get_text().split()) for s in soup.select("section.prizm-sources h2")]
    return found


def test_the_extension_renders_what_the_plugin_renders(
    plugin_site: tuple[Path, list[Path]],
) -> None:
    root, files = plugin_site
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, "mkdocs_prizm.extension"],
        extension_configs={"mkdocs_prizm.extension": OPTIONS},
    )
    compared = 0
    for path in files:
        built = root / "site" / path.stem / "index.html"
        expected = _fragments(built.read_text(encoding="utf-8"))
        got = _fragments(md.reset().convert(path.read_text(encoding="utf-8-sig")))
        assert got == expected, path.name
        compared += bool(expected)
    assert compared > 40


def test_check_reports_what_the_build_reports(plugin_site: tuple[Path, list[Path]]) -> None:
    root, _ = plugin_site
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    built = {
        (p["file"], p["line"], p["column"], p["code"])
        for article in report["articles"]
        for p in article["problems"]
    } | {(p["file"], p["line"], p["column"], p["code"]) for p in report["other_problems"]}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs_prizm",
            "check",
            "-f",
            "mkdocs.yml",
            "-v",
            "--format",
            "json",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    checked = {
        (Path(p["file"]).name, p["line"], p["column"], p["code"]) for p in json.loads(done.stdout)
    }
    assert {(Path(f).name, *rest) for f, *rest in built} == checked
    assert len(checked) > 100


def test_every_host_reads_the_same_articles(plugin_site: tuple[Path, list[Path]]) -> None:
    root, files = plugin_site
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    built = {
        a["path"]: (a["title"], a["reading_time"]["computed_minutes"]) for a in report["articles"]
    }
    ext = markdown.Markdown(
        extensions=["mkdocs_prizm.extension"], extension_configs={"mkdocs_prizm.extension": OPTIONS}
    )
    seen = {}
    for path in files:
        ext.reset().convert(path.read_text(encoding="utf-8-sig"))
        processed = ext.registeredExtensions[0].processed  # type: ignore[attr-defined]
        if processed is not None and processed.article.is_article:
            article = processed.article
            minutes = article.reading_time.computed_minutes if article.reading_time else None
            seen[path.name] = (article.title, minutes)
    assert seen == built
