"""The documented benchmark command still runs (a smoke test: nothing here is timed)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "bench_build.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_build", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_build"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def run_benchmark(
    work: Path, *options: str, env: dict[str, str] | None = None, succeed: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run the script for one round on a tiny site kept in ``work``."""
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
        env=env,
    )
    if succeed:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_benchmark_runs_and_reports_both_builds(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    work = tmp_path / "work"
    done = run_benchmark(work, "--articles", "3", "--pin-malloc", "--json", str(report))
    assert "| articles | 4 |" in done.stdout
    assert "CPU ratio, rounds" in done.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["environment"] == {"GLIBC_TUNABLES": data["environment"]["GLIBC_TUNABLES"]}
    (result,) = data["results"]
    assert result["pages"] == 4
    assert result["plain_cpu"] > 0
    assert result["prizm_cpu"] > 0
    assert result["cpu_ratio_min"] == result["cpu_ratio"] == result["cpu_ratio_max"]
    # One round gives no interval, and the script says so instead of judging the target.
    assert result["cpu_ratio_low"] is None
    assert "no interval: 6 rounds or more give one" in done.stdout
    assert data["summary"] in done.stdout
    assert data["instructions"] is None
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


def test_instruction_counts_are_read_from_valgrind_output() -> None:
    bench = load_script()
    output = "==41== Events    : Ir\n==41== Collected : 1,429,772,154\n==41== \n==41== I   refs"
    assert bench.collected_instructions(output) == 1_429_772_154
    with pytest.raises(SystemExit, match="no instruction count"):
        bench.collected_instructions("INFO    -  Documentation built in 0.05 seconds")


def test_instructions_without_valgrind_say_what_is_missing(tmp_path: Path) -> None:
    # A PATH holding only the interpreter: no valgrind to find.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bin_dir)}
    done = run_benchmark(
        tmp_path / "work", "--articles", "1", "--instructions", env=env, succeed=False
    )
    assert done.returncode != 0
    assert "--instructions needs Valgrind" in done.stderr


def test_rounds_must_be_positive(tmp_path: Path) -> None:
    done = run_benchmark(tmp_path / "work", "--articles", "0", succeed=False)
    assert done.returncode == 2
    assert "must be 1 or more" in done.stderr


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")
def test_instructions_counted_under_valgrind(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    done = run_benchmark(
        tmp_path / "work", "--articles", "1", "--instructions", "--json", str(report)
    )
    assert "Instructions (callgrind, one build each)" in done.stdout
    counted = json.loads(report.read_text(encoding="utf-8"))["instructions"]
    # A two-page site: start-up dominates, the plugin adds its imports and one article.
    assert counted["prizm"] > counted["plain"] > 100_000_000
    assert counted["ratio"] == pytest.approx(counted["prizm"] / counted["plain"])


def test_median_interval_uses_order_statistics() -> None:
    bench = load_script()
    # 11 rounds: the 2nd and 10th values (at least 95 %: 1 - 2 × 12/2048).
    values = [1.10, 0.90, 1.00, 1.05, 0.95, 1.20, 0.85, 1.01, 1.02, 0.99, 1.03]
    assert bench.median_interval(values) == (0.90, 1.10)
    # 6 rounds are the fewest that reach 95 % (1 - 2/64), with the extremes.
    assert bench.median_interval([3.0, 1.0, 2.0, 6.0, 5.0, 4.0]) == (1.0, 6.0)
    assert bench.median_interval([1.0, 2.0, 3.0, 4.0, 5.0]) == (None, None)
    # 20 rounds: the 6th and the 15th (1 - 2 × P(B ≤ 5) = 95.9 %).
    assert bench.median_interval([float(i) for i in range(1, 21)]) == (6.0, 15.0)


def test_verdict_says_when_a_run_cannot_settle_the_target() -> None:
    bench = load_script()
    assert bench.verdict(1.01, 1.04, 1.05) == "met"
    assert bench.verdict(1.06, 1.09, 1.05) == "missed"
    assert bench.verdict(0.99, 1.11, 1.05).startswith("not settled by this run")
    assert bench.verdict(None, None, 1.05).startswith("not settled (6 rounds")
    summary = bench.summary(
        {"cpu_ratio": 1.04, "cpu_ratio_low": 0.99, "cpu_ratio_high": 1.11}, calibrate=False
    )
    assert "95% interval 0.990–1.110" in summary
    assert "Target ≤ 1.05: not settled" in summary
    calibration = bench.summary(
        {"cpu_ratio": 1.0, "cpu_ratio_low": 0.94, "cpu_ratio_high": 1.06}, calibrate=True
    )
    assert "the interval holds 1" in calibration
