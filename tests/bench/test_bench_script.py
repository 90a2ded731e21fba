"""The documented benchmark command still runs (a smoke test: nothing here is timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "bench_build.py"


def run_benchmark(work: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the script for one round on a tiny site kept in ``work``; it must succeed."""
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--rounds",
            "1",
            "--no-adversarial",
            "--no-check",
            "--keep",
            str(work),
            *options,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_benchmark_runs_and_reports_both_builds(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    work = tmp_path / "work"
    done = run_benchmark(work, "--articles", "3", "--pin-malloc", "--json", str(report))
    assert "| articles | 4 |" in done.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["environment"] == {"GLIBC_TUNABLES": data["environment"]["GLIBC_TUNABLES"]}
    (result,) = data["results"]
    assert result["pages"] == 4
    assert result["plain_cpu"] > 0
    assert result["prizm_cpu"] > 0
    # Both builds really ran: the prizm build rendered the sources block, the plain one did not.
    site = work / "site"
    prizm_pages = list((site / "site-prizm").rglob("index.html"))
    plain_pages = list((site / "site-plain").rglob("index.html"))
    assert len(prizm_pages) == len(plain_pages) == 4
    assert any("prizm-sources" in p.read_text(encoding="utf-8") for p in prizm_pages)
    assert not any("prizm-sources" in p.read_text(encoding="utf-8") for p in plain_pages)


def test_calibration_leaves_the_plugin_out_of_both_builds(tmp_path: Path) -> None:
    work = tmp_path / "work"
    done = run_benchmark(work, "--articles", "2", "--calibrate")
    assert "A/A calibration" in done.stdout
    site = work / "site"
    config = yaml.safe_load((site / "mkdocs-prizm.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    second = list((site / "site-prizm").rglob("index.html"))
    assert len(second) == 3
    assert not any("prizm-sources" in p.read_text(encoding="utf-8") for p in second)
