"""Shared test helpers: real ``mkdocs build`` runs of small fixture projects, read with a real
HTML parser.  Nothing here mocks MkDocs."""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
# CI runs the property tests with fixed examples, so that a run is repeatable; elsewhere they
# explore new examples each run (and keep no example database in the tree).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("dev", database=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "prizmia"
SEED = SHARED / "seed" / "000_3a96af19274584b3.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Build:
    """The outcome of one real ``mkdocs build``."""

    project: Path
    site: Path
    returncode: int
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def html(self, page: str) -> str:
        """The built HTML of ``page`` (``"article.md"`` or ``"blog/post.md"``)."""
        stem = page.removesuffix(".md")
        path = self.site / "index.html" if stem == "index" else self.site / stem / "index.html"
        return path.read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        """The built page, parsed."""
        return BeautifulSoup(self.html(page), "html.parser")


BuildSite = Callable[..., Build]


class _Server:
    """A client of ``tests/build_server.py``, which has imported ``preload`` under ``warnings``
    (its ``PYTHONWARNINGS``), started on first use; its runs keep their compiled Jinja
    templates in a folder of its own."""

    def __init__(self, preload: tuple[str, ...], warnings: str) -> None:
        self.command = [sys.executable, str(Path(__file__).with_name("build_server.py")), *preload]
        self.warnings = warnings
        self.process: subprocess.Popen[str] | None = None
        self.lock = threading.Lock()
        self.folder = Path(tempfile.mkdtemp(prefix="prizm-runs-"))
        atexit.register(self.close)

    def stop(self) -> None:
        if self.process is not None:
            for pipe in (self.process.stdin, self.process.stdout):
                if pipe is not None:
                    pipe.close()  # the server stops at the end of its input
            self.process.wait(timeout=30)
            self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def run(
        self, module: str, args: list[str], cwd: Path, env: Mapping[str, str], timeout: float
    ) -> tuple[int, str, str]:
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self.stop()
                self.process = subprocess.Popen(
                    self.command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    env={
                        **os.environ,
                        "PYTHONWARNINGS": self.warnings,
                        "PRIZM_TESTS_TEMPLATE_CACHE": str(self.folder / "templates"),
                    },
                )
            assert self.process.stdin is not None
            assert self.process.stdout is not None
            out, err = self.folder / "stdout", self.folder / "stderr"
            request = {"module": module, "args": args, "cwd": str(cwd), "env": dict(env)}
            request.update(stdout=str(out), stderr=str(err))
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            ready, _, _ = select.select([self.process.stdout], [], [], timeout)
            if not ready:
                self.process.kill()
                self.stop()
                raise subprocess.TimeoutExpired(args, timeout)
            answer = self.process.stdout.readline()
            assert answer, "the run server stopped"
            stdout, stderr = (p.read_text(encoding="utf-8") for p in (out, err))
            return int(json.loads(answer)["returncode"]), stdout, stderr


_SERVERS: dict[tuple[tuple[str, ...], str], _Server] = {}
BUILD_TIMEOUT = 300
#: Set to run every command in a fresh interpreter rather than a child of a run server.
FRESH_RUNS = bool(os.environ.get("PRIZM_TESTS_FRESH_RUNS"))
#: What the server for ``mkdocs build`` imports before it forks (``mkdocs.__main__`` imports
#: MkDocs, Click, Jinja, Markdown and YAML).
MKDOCS_PRELOAD = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.contrib.search",
    "mkdocs_prizm.plugin",
    "mkdocs_prizm.extension",
)

#: What the server for ``mkdocs-prizm`` imports: the command-line interface alone.
CLI_PRELOAD = ("mkdocs_prizm.cli",)


def run_command(
    args: list[str], *, cwd: Path, env: Mapping[str, str], timeout: float = BUILD_TIMEOUT
) -> tuple[int, str, str]:
    """Run ``args`` in a new process in ``cwd`` with ``env``: the exit code, stdout and stderr."""
    done = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(env),
        check=False,
        timeout=timeout,
    )
    return done.returncode, done.stdout, done.stderr


def run_python_module(
    module: str,
    args: list[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    preload: tuple[str, ...],
    timeout: float = BUILD_TIMEOUT,
    fresh: bool = False,
) -> tuple[int, str, str]:
    """Run ``python -m module args`` in ``cwd`` with ``env`` (the whole environment): the exit
    code, stdout and stderr.

    The command runs in a child of a run server (``tests/build_server.py``) that has imported
    ``preload``: a process of its own, without the interpreter's start-up and those imports.
    ``fresh`` (or the environment variable ``PRIZM_TESTS_FRESH_RUNS``) runs a new interpreter
    instead, which also draws its own string hash seed.
    """
    if fresh or FRESH_RUNS:
        return run_command([sys.executable, "-m", module, *args], cwd=cwd, env=env, timeout=timeout)
    warnings = env.get("PYTHONWARNINGS", "")
    server = _SERVERS.get((preload, warnings))
    if server is None:
        server = _SERVERS[preload, warnings] = _Server(preload, warnings)
    return server.run(module, args, cwd, env, timeout)


def run_build(
    project: Path,
    *,
    strict: bool = False,
    config_file: str = "mkdocs.yml",
    env: Mapping[str, str] | None = None,
    command: tuple[str, ...] | None = None,
    fresh: bool = False,
) -> Build:
    """Run ``mkdocs build`` (or ``command``) in ``project`` and capture its log.

    ``python -m mkdocs build`` runs in a child of a run server, or with ``fresh`` in a new
    interpreter (see [`run_python_module`][]).
    """
    options = ["-f", config_file, *(["--strict"] if strict else [])]
    full_env = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    if command is None:
        returncode, stdout, stderr = run_python_module(
            "mkdocs",
            ["build", *options],
            cwd=project,
            env=full_env,
            preload=MKDOCS_PRELOAD,
            fresh=fresh,
        )
    else:
        returncode, stdout, stderr = run_command([*command, *options], cwd=project, env=full_env)
    log = stdout + stderr
    config = yaml.safe_load((project / config_file).read_text(encoding="utf-8")) or {}
    site = project / str(config.get("site_dir", "site"))
    return Build(project, site, returncode, log)


def write_project(
    root: Path,
    pages: Mapping[str, str],
    config: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``mkdocs.yml`` and the pages (dedented) under ``root``."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    settings: dict[str, Any] = {"site_name": "Test", "plugins": ["prizm"]}
    settings.update(config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return root


def builder(root: Path) -> BuildSite:
    """Build projects made of ``pages`` with ``config``, each in a new folder under ``root``."""
    counter = 0

    def _build(
        pages: Mapping[str, str],
        config: Mapping[str, Any] | None = None,
        *,
        strict: bool = False,
        env: Mapping[str, str] | None = None,
        fresh: bool = False,
    ) -> Build:
        nonlocal counter
        counter += 1
        project = write_project(root / f"project{counter}", pages, config)
        return run_build(project, strict=strict, env=env, fresh=fresh)

    return _build


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Build a project made of ``pages`` with ``config``; returns the [`Build`][]."""
    return builder(tmp_path)


@pytest.fixture(scope="module")
def build_module_site(tmp_path_factory: pytest.TempPathFactory) -> BuildSite:
    """[`build_site`][] for module-scoped fixtures: builds that several tests read."""
    return builder(tmp_path_factory.mktemp("builds"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not present")
    return SEED.read_text(encoding="utf-8")


def corpus_files() -> list[Path]:
    """The real articles, sorted (empty when the corpus is absent)."""
    return sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []
