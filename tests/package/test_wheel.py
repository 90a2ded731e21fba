"""The built wheel holds everything a site needs: the example site builds from it alone.

A template or the stylesheet missing from the package would pass every other test (they run
from the source tree); here the package is imported from the wheel's files only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib_missing("hatchling"):
        pytest.skip("hatchling is not installed (the 'dev' extras)")
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (found,) = out.glob("mkdocs_prizm-*.whl")
    return found


def importlib_missing(name: str) -> bool:
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec(name) is None


def test_the_wheel_carries_templates_stylesheet_and_types(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("badge", "byline", "citation", "jsonld", "sources", "sources_page"):
        assert f"mkdocs_prizm/templates/prizm/{template}.html" in names
    assert "mkdocs_prizm/assets/prizm.css" in names
    assert "mkdocs_prizm/py.typed" in names
    assert not [n for n in names if n.startswith("tests/")]


def test_the_example_site_builds_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    site_packages = tmp_path / "site-packages"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site_packages),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(site_packages), "NO_MKDOCS_2_WARNING": "1"}
    where = subprocess.run(
        [sys.executable, "-c", "import mkdocs_prizm; print(mkdocs_prizm.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(site_packages)), where  # not the source tree
    project = tmp_path / "example"
    shutil.copytree(ROOT / "example_site", project, ignore=shutil.ignore_patterns("site*"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            "mkdocs.yml",
            "-d",
            str(tmp_path / "out"),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "out" / "assets" / "prizm" / "prizm.css").is_file()
    article = next((tmp_path / "out" / "articles").rglob("index.html")).read_text("utf-8")
    assert "prizm-sources" in article
