"""``mkdocs-prizm links`` against a local HTTP server (never the internet), run for real."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.links_server import Server, serve
from tests.conftest import CLI_PRELOAD, run_python_module

ROUTES = (
    "ok",
    "gone",
    "removed",
    "moved",
    "temporary",
    "soft",
    "soft-title",
    "pdf",
    "slow",
    "nohead",
    "loop",
    "forbidden",
    "error",
    "file",
)


def article(server: Server, routes: tuple[str, ...] = ROUTES) -> str:
    entries = "\n".join(
        f"""
{n}. **Source {route}** - Article
   - Date : 24/06/2025
   - URL : {server.url("/" + route)}
   - Fiabilité : 8/10
"""
        for n, route in enumerate(routes, start=1)
    )
    return (
        textwrap.dedent(
            """\
        ---
        title: "Liens"
        date: 2025-07-29
        author: "Prizm AI"
        ---

        # Liens

        Un texte.

        ## Sources et références
        """
        )
        + entries
    )


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m mkdocs_prizm links ARGS`` with warnings as errors (a child of a run server)."""
    full_env = {**os.environ, "PYTHONWARNINGS": "error", **(env or {})}
    full_env.pop("PRIZM_WAYBACK_API", None)
    full_env.update(env or {})
    code, stdout, stderr = run_python_module(
        "mkdocs_prizm", ["links", *args], cwd=cwd, env=full_env, preload=CLI_PRELOAD, timeout=120
    )
    return subprocess.CompletedProcess(["mkdocs_prizm", "links", *args], code, stdout, stderr)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def project(tmp_path: Path, text: str, plugin: str = "prizm") -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "article.md").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\nplugins:\n  - {plugin}\n", "utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def checked(server: Server, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str, int]:
    """One run over every route (the slow one times out): the cache, stdout, stderr, status."""
    root = project(tmp_path_factory.mktemp("links"), article(server))
    done = run("-f", "mkdocs.yml", "--timeout", "0.5", "-j", "4", cwd=root)
    return root / "prizm-links.json", done.stdout, done.stderr, done.returncode


def records(cache: Path) -> dict[str, dict[str, object]]:
    data = json.loads(cache.read_text(encoding="utf-8"))
    assert data["version"] == 1
    return {url.rsplit("/", 1)[1]: entry for url, entry in data["links"].items()}


def test_statuses_redirects_and_soft_404(checked: tuple[Path, str, str, int]) -> None:
    cache, _out, _err, status = checked
    found = records(cache)
    assert set(found) == set(ROUTES)
    assert found["ok"]["status"] == 200
    assert "final_url" not in found["ok"]
    assert found["gone"]["status"] == 404
    assert found["removed"]["status"] == 410
    assert found["moved"]["redirect"] == "permanent"
    assert str(found["moved"]["final_url"]).endswith("/ok")
    assert found["temporary"]["redirect"] == "temporary"  # 302 then 301
    assert str(found["temporary"]["final_url"]).endswith("/ok")
    assert found["soft"]["soft_404"] is True  # said by the <h1>
    assert found["soft-title"]["soft_404"] is True  # said by the <title>
    assert "soft_404" not in found["ok"]
    assert found["pdf"]["status"] == 200
    assert found["nohead"]["status"] == 200  # HEAD refused, GET answered
    assert found["slow"]["error"] == "timeout"
    assert "redirects" in str(found["loop"]["error"])
    assert "non-http" in str(found["file"]["error"])
    assert found["forbidden"]["status"] == 403
    for entry in found.values():
        assert str(entry["checked_at"]).endswith("Z")
    assert status == 1  # dead links


def test_problems_name_file_and_line(checked: tuple[Path, str, str, int]) -> None:
    cache, out, err, _ = checked
    lines = out.splitlines()
    dead = [line for line in lines if " PRZ371 " in line]
    assert len(dead) == 4  # gone, removed, soft, soft-title
    assert all(line.startswith((f"docs{os.sep}article.md:", "docs/article.md:")) for line in dead)
    text = (cache.parent / "docs" / "article.md").read_text(encoding="utf-8").splitlines()
    line = text.index("2. **Source gone** - Article") + 1
    assert any(f":{line}:0: warning PRZ371" in item and "/gone" in item for item in dead)
    assert any(" PRZ372 " in item and "/moved" in item for item in lines)
    unreachable = [line for line in lines if " PRZ373 " in line]
    assert {line.rsplit("/", 1)[1].split()[0] for line in unreachable} >= {"slow", "error"}
    assert "dead" in err
    assert "links in 1 articles" in err


def test_cache_is_stable_and_reused(server: Server, tmp_path: Path) -> None:
    root = project(tmp_path, article(server, ("ok", "gone", "moved")))
    first = run("-f", "mkdocs.yml", cwd=root)
    cache = root / "prizm-links.json"
    text = cache.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    asked = len(server.requests)
    again = run("-f", "mkdocs.yml", cwd=root)
    assert len(server.requests) == asked  # fresh entries: no request
    assert cache.read_text(encoding="utf-8") == text
    assert again.stdout == first.stdout
    run("-f", "mkdocs.yml", "--max-age", "0", cwd=root)
    assert len(server.requests) > asked  # --max-age 0 checks everything again


def test_polite_user_agent_and_head_first(server: Server, tmp_path: Path) -> None:
    root = project(tmp_path, article(server, ("pdf",)))
    server.requests.clear()
    run("-f", "mkdocs.yml", "--contact", "editeur@example.org", cwd=root)
    assert [method for method, path, _ in server.requests if path == "/pdf"] == ["HEAD"]
    agent = server.requests[0][2]
    assert agent.startswith("mkdocs-prizm/")
    assert "editeur@example.org" in agent


def test_wayback_lookup(server: Server, tmp_path: Path) -> None:
    root = project(tmp_path, article(server, ("gone", "ok", "moved")))
    done = run(
        "-f",
        "mkdocs.yml",
        "--wayback",
        env={"PRIZM_WAYBACK_API": server.url("/wayback/available")},
        cwd=root,
    )
    found = records(root / "prizm-links.json")
    assert found["gone"]["archive_url"] == (
        f"https://web.archive.org/web/20240501103000/{server.url('/gone')}"
    )
    assert found["gone"]["archive_date"] == "2024-05-01T10:30:00Z"
    assert "archive_url" not in found["moved"]
    asked = [path for _, path, _ in server.requests if path == "/wayback/available"]
    assert asked  # the API was asked on the local server, never archive.org
    assert "archived copy" in done.stdout


def test_usage_errors(tmp_path: Path) -> None:
    assert run("nothing-here", cwd=tmp_path).returncode == 2
    assert run(cwd=tmp_path).returncode == 2
    (tmp_path / "prizm-links.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "a.md").write_text("# x\n", encoding="utf-8")
    done = run("a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "links cache" in done.stderr
    assert run("a.md", "--timeout", "0", cwd=tmp_path).returncode == 2


def test_progress_lines_when_not_a_terminal(server: Server, tmp_path: Path) -> None:
    root = project(tmp_path, article(server, ("ok", "gone")))
    done = run("-f", "mkdocs.yml", cwd=root)
    progress = [line for line in done.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == 2
    assert "[2/2]" in progress[-1]
    assert "\r" not in done.stderr
    quiet = run("-f", "mkdocs.yml", "-q", "--max-age", "0", cwd=root)
    assert quiet.stderr == ""
