"""Builds are reproducible: same input and ``SOURCE_DATE_EPOCH``, byte-identical site; no
wall-clock time in the output; element ids that do not depend on when or where the site is built.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SEED, Build, corpus_files, run_build, write_project

EPOCH = "1700000000"  # 2023-11-14T22:13:20Z
OTHER_EPOCH = "1600000000"  # 2020-09-13T12:26:40Z
RE_BUILD_DATE = re.compile(r"Build Date UTC : [^\n]*")

ORDINARY = """\
# Page ordinaire

Un paragraphe, un [lien](https://example.org/) et un commentaire <!-- à garder -->.
"""


def _pages() -> dict[str, str]:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not present")
    pages = {
        "index.md": ORDINARY,
        "articles/seed.md": SEED.read_text(encoding="utf-8"),
    }
    # A few real articles in other forms (superscript references, link lists) when present.
    for path in corpus_files()[:: max(1, len(corpus_files()) // 3)][:3]:
        pages[f"articles/{path.name}"] = path.read_text(encoding="utf-8")
    return pages


def _build(
    root: Path, pages: dict[str, str], epoch: str, *, enabled: bool = True, fresh: bool = True
) -> Build:
    config = {
        "site_name": "Reproductible",
        "site_url": "https://example.org/",
        "theme": {"name": "mkdocs"},
        "plugins": ["search", {"prizm": {"enabled": enabled}}],
    }
    project = write_project(root, pages, config)
    # Builds compared are separate processes with their own string hash seeds, as separate runs
    # would be: a new interpreter each, but for one, a child of the run server (its own seed).
    build = run_build(project, env={"SOURCE_DATE_EPOCH": epoch}, fresh=fresh)
    assert build.ok, build.log
    return build


def _files(build: Build) -> dict[str, bytes]:
    return {
        path.relative_to(build.site).as_posix(): path.read_bytes()
        for path in sorted(build.site.rglob("*"))
        if path.is_file()
    }


def _differing(a: Build, b: Build) -> list[str]:
    left, right = _files(a), _files(b)
    assert left.keys() == right.keys()
    return [name for name in left if left[name] != right[name]]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return _pages()


@pytest.fixture(scope="module")
def builds(
    tmp_path_factory: pytest.TempPathFactory, pages: dict[str, str]
) -> tuple[Build, Build, Build]:
    """Three builds with the plugin, each in a folder of its own (so that no absolute path may
    leak into the output either): two at ``EPOCH``, one at ``OTHER_EPOCH``."""
    root = tmp_path_factory.mktemp("builds")
    return (
        _build(root / "a", pages, EPOCH, fresh=False),
        _build(root / "b", pages, EPOCH),
        _build(root / "c", pages, OTHER_EPOCH),
    )


def test_mkdocs_alone_is_reproducible(tmp_path: Path, pages: dict[str, str]) -> None:
    # The reference: with SOURCE_DATE_EPOCH, MkDocs' own output (sitemap.xml.gz included: its
    # gzip header takes the same timestamp) is byte-identical, so nothing needs excluding below.
    a = _build(tmp_path / "a", pages, EPOCH, enabled=False, fresh=False)
    b = _build(tmp_path / "b", pages, EPOCH, enabled=False)
    assert _differing(a, b) == []


def test_two_builds_are_byte_identical(builds: tuple[Build, Build, Build]) -> None:
    a, b, _ = builds
    assert _differing(a, b) == []
    assert (a.site / "assets" / "prizm" / "prizm.css").is_file()
    assert "prizm-source-1" in a.html("articles/seed.md")


def test_no_wall_clock_time(builds: tuple[Build, Build, Build]) -> None:
    a, _, b = builds
    # Only MkDocs puts the build date in the output: the sitemap's <lastmod>, and the mkdocs
    # theme's "Build Date UTC" comment on the home page. Nothing else depends on the time.
    assert set(_differing(a, b)) <= {"sitemap.xml", "sitemap.xml.gz", "index.html"}
    home = [RE_BUILD_DATE.sub("", a.html("index.md")), RE_BUILD_DATE.sub("", b.html("index.md"))]
    assert home[0] == home[1]
    today = dt.datetime.now(dt.timezone.utc).date()
    stamps = {today.isoformat(), today.strftime("%d/%m/%Y")}
    for name, data in _files(a).items():
        if name.endswith((".html", ".xml", ".json")):
            text = data.decode("utf-8")
            for stamp in stamps:
                assert stamp not in text, f"{name} contains today's date {stamp}"


def _ids(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [str(tag["id"]) for tag in soup.find_all(id=re.compile(r"^prizm-"))]


def test_ids_are_stable(builds: tuple[Build, Build, Build], pages: dict[str, str]) -> None:
    _, a, b = builds
    for name in pages:
        if not name.startswith("articles/"):
            continue
        ids = _ids(a.html(name))
        assert ids == _ids(b.html(name))
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
    seed_ids = _ids(a.html("articles/seed.md"))
    assert "prizm-source-1" in seed_ids
    assert any(i.startswith("prizm-cite-1-") for i in seed_ids)
