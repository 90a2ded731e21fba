"""The documented benchmark command still runs (smoke tests: no figure is checked).

Nothing here runs a build under Valgrind: a stand-in checks the ``--instructions`` path, and
a real Valgrind, when installed, counts one tiny command.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, CombinedEvent, PluginCollection, event_priority

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "bench_build.py"
DRIVER = ROOT / "benchmarks" / "_inprocess.py"


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def load_script() -> ModuleType:
    return load_module(SCRIPT, "bench_build")


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


def run_driver(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``_inprocess.py`` with ``args`` in the benchmark site ``site``."""
    return subprocess.run(
        [sys.executable, str(DRIVER), *args],
        cwd=site,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


@dataclass
class Run:
    """One run of the script: its work folder, output and JSON report."""

    work: Path
    done: subprocess.CompletedProcess[str]
    data: dict[str, Any]


def run_with_report(work: Path, *options: str, env: dict[str, str] | None = None) -> Run:
    report = work.parent / "bench.json"
    done = run_benchmark(work, *options, "--json", str(report), env=env)
    return Run(work, done, json.loads(report.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def pinned(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A run with the allocator pinned and two in-process builds for the own share."""
    work = tmp_path_factory.mktemp("pinned") / "work"
    return run_with_report(work, "--articles", "3", "--pin-malloc", "--share-rounds", "2")


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A run without --pin-malloc asking for every extra: the features' work, one feature's
    cost (each costs two builds), and the instructions, counted on a one-article site of their
    own by a stand-in Valgrind."""
    root = tmp_path_factory.mktemp("everything")
    bin_dir = root / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "valgrind"
    stub.write_text(STUB_VALGRIND.format(python=sys.executable), encoding="utf-8")
    stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    options = ["--articles", "2", "--share-rounds", "1", "--feature-costs", "cite-block"]
    options += ["--instructions", "--instructions-articles", "1"]
    return run_with_report(root / "work", *options, env=env)


def test_benchmark_runs_and_reports_both_builds(pinned: Run) -> None:
    done, data = pinned.done, pinned.data
    assert "| articles | 4 |" in done.stdout
    assert "CPU ratio, rounds" in done.stdout
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
    site = pinned.work / "site"
    prizm_pages = list((site / "site-prizm").rglob("index.html"))
    plain_pages = list((site / "site-plain").rglob("index.html"))
    assert len(prizm_pages) == len(plain_pages) == 4
    assert any("prizm-sources" in p.read_text(encoding="utf-8") for p in prizm_pages)
    assert not any("prizm-sources" in p.read_text(encoding="utf-8") for p in plain_pages)


def test_calibration_leaves_the_plugin_out_of_both_builds(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    work = tmp_path / "work"
    done = run_benchmark(work, "--articles", "2", "--calibrate", "--json", str(report))
    assert "A/A calibration" in done.stdout
    site = work / "site"
    config = yaml.safe_load((site / "mkdocs-prizm.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    second = list((site / "site-prizm").rglob("index.html"))
    assert len(second) == 3
    assert not any("prizm-sources" in p.read_text(encoding="utf-8") for p in second)
    # No plugin, no share of it and no target to judge.
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["own_share"] is None
    assert data["targets"] == []
    assert "Targets:" not in done.stdout


def test_own_share_is_the_plugins_handlers_over_the_whole_build(pinned: Run) -> None:
    done = pinned.done
    share = pinned.data["own_share"]
    assert len(share["rounds"]) == 2
    for sample in share["rounds"]:
        assert sample["plugin"] == "prizm"
        assert sample["handlers_wrapped"]
        assert all(name.startswith("on_") for name in sample["handlers_wrapped"])
        assert 0 < sample["handlers"] < sample["build"] < sample["process"]
        assert sample["handlers"] == pytest.approx(sum(sample["by_event"].values()))
        assert sample["share"] == pytest.approx(sample["handlers"] / sample["process"])
        # Page events ran once per page (a home page and three articles).
        assert 4 in sample["calls"].values()
    assert share["share_min"] <= share["share"] <= share["share_max"]
    assert "Own share (in-process, 2 builds)" in done.stdout
    targets = done.stdout.split("Targets:")[1].strip().splitlines()
    assert [line.split(" ≤")[0] for line in targets] == ["- Own share", "- CPU ratio"]
    assert "this run: 3 articles" in targets[0]
    # With --pin-malloc, the CPU ratio is judged (on a site it is not set for).
    assert "not judged" not in targets[1]
    assert "this run: 3 articles" in targets[1]


def test_without_pinning_the_cpu_target_is_not_judged(everything: Run) -> None:
    targets = everything.done.stdout.split("Targets:")[1].strip().splitlines()
    assert [line.split(" ≤")[0] for line in targets] == [
        "- Own share",
        "- CPU ratio",
        "- Instruction ratio",
    ]
    assert "this run: 2 articles" in targets[0]
    assert "not judged" in targets[1]


def test_each_features_own_work_is_timed_in_the_same_builds(everything: Run) -> None:
    bench = load_script()
    done, data = everything.done, everything.data
    (sample,) = data["own_share"]["rounds"]
    # Every function named for a feature exists and was timed; those of work done on every
    # page or build took some time, and all of it inside the handlers.
    assert set(sample["functions"]) == {f for names in bench.FEATURE_WORK.values() for f in names}
    assert sample["functions"]["mkdocs_prizm.audit:audit_site"] > 0
    assert sample["functions"]["mkdocs_prizm.render.renderer:Renderer.cite"] > 0
    assert sum(sample["functions"].values()) < sample["handlers"]
    work = data["feature_work"]
    assert list(work) == list(bench.FEATURE_WORK) == list(bench.FEATURES)
    assert all(0 <= cost < sample["share"] for cost in work.values())
    assert "| post-build audit |" in done.stdout


def test_in_process_driver_names_a_function_it_cannot_time(tmp_path: Path) -> None:
    bench = load_script()
    site, _ = bench.corpus_site(tmp_path / "site", 1)
    done = run_driver(site, bench.PRIZM, "--time", "mkdocs_prizm.audit:no_such")
    assert done.returncode != 0
    assert "--time mkdocs_prizm.audit:no_such: no such function" in done.stderr


def test_feature_costs_build_the_site_with_the_feature_named_off(everything: Run) -> None:
    bench = load_script()
    costs = everything.data["feature_costs"]
    assert list(costs) == ["cite block"]
    assert set(costs["cite block"]) == {"with", "without", "cost"}
    site = everything.work / "site"
    rows = [line for line in everything.done.stdout.splitlines() if line.startswith("| ")]
    for feature, off in bench.FEATURES.items():
        config = yaml.safe_load((site / bench.feature_config(feature)).read_text(encoding="utf-8"))
        assert config["plugins"][1] == {"prizm": {"reports_exclude": False, **off}}
        # Only the feature named is built without: the others' rows say so.
        measured = feature == "cite block"
        assert (site / config["site_dir"] / "index.html").is_file() == measured
        (row,) = [line for line in rows if line.startswith(f"| {feature} |")]
        assert row.endswith(" not measured |") != measured


def test_feature_costs_measure_every_feature_or_those_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = load_script()
    assert bench.parse_args([]).feature_costs is None
    assert bench.parse_args(["--feature-costs"]).feature_costs == list(bench.FEATURES)
    # By slug or by name, in the order of the table, once each.
    named = ["sanitiser", "cite block", "sanitiser", "--articles", "1"]
    assert bench.parse_args(["--feature-costs", *named]).feature_costs == [
        "cite block",
        "sanitiser",
    ]
    with pytest.raises(SystemExit):
        bench.parse_args(["--feature-costs", "cite"])
    assert "no feature 'cite'; one of trust-checks, citation-previews" in capsys.readouterr().err


def test_in_process_driver_times_any_plugins_handlers(tmp_path: Path) -> None:
    bench = load_script()
    site, _ = bench.corpus_site(tmp_path / "site", 1)
    done = run_driver(site, bench.PRIZM, "--plugin", "search")
    assert done.returncode == 0, done.stderr[-3000:]
    sample = json.loads(done.stdout.strip().splitlines()[-1])
    assert sample["plugin"] == "search"
    assert sample["handlers"] > 0
    assert set(sample["by_event"]) <= set(sample["handlers_wrapped"])
    assert (site / "site-prizm" / "search" / "search_index.json").is_file()


def test_in_process_driver_refuses_a_site_without_the_plugin(tmp_path: Path) -> None:
    bench = load_script()
    site, _ = bench.corpus_site(tmp_path / "site", 1)
    done = run_driver(site, bench.PLAIN)
    assert done.returncode != 0
    assert "does not use the plugin 'prizm'" in done.stderr


def test_handlers_are_timed_once_and_keep_their_priority() -> None:
    driver = load_module(DRIVER, "bench_inprocess")

    def first(self: BasePlugin[Any], files: Any, **kwargs: Any) -> Any:
        return files

    def second(self: BasePlugin[Any], files: Any, **kwargs: Any) -> Any:
        return files

    class FakeConfig(Config):  # type: ignore[no-untyped-call]
        pass

    class Fake(BasePlugin[FakeConfig]):  # type: ignore[no-untyped-call]
        @event_priority(-100)
        def on_page_markdown(self, markdown: str, **kwargs: Any) -> str:
            return self.on_page_content(markdown.upper())

        def on_page_content(self, html: str, **kwargs: Any) -> str:
            return html + "!"

        on_files = CombinedEvent(event_priority(10)(first), second)

        def helper(self) -> None:
            """Not an event handler."""

    clock = driver.HandlerClock()
    wrapped = driver.instrument(Fake, clock)
    assert wrapped == ["on_files", "on_page_content", "on_page_markdown"]
    plugins = PluginCollection()
    plugins["fake"] = Fake()
    assert plugins.on_page_markdown("a", page=None, config=None, files=None) == "A!"
    files = object()
    assert plugins.run_event("files", files, config=None) is files
    # on_page_content ran inside on_page_markdown: counted once, as part of it.
    assert clock.calls == {"on_page_markdown": 1, "on_files": 2}
    assert clock.total == pytest.approx(sum(clock.by_event.values()))
    # MkDocs still sees the priorities: the -100 handler after the default ones.
    assert Fake.on_page_markdown.mkdocs_priority == -100  # type: ignore[attr-defined]
    assert [getattr(m, "mkdocs_priority", 0) for m in plugins.events["files"]] == [10, 0]


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


STUB_VALGRIND = """#!{python}
import os, subprocess, sys

# A stand-in for Valgrind: runs the command after its options, prints a callgrind total.
command = sys.argv[1:]
while command[0].startswith("--"):
    command.pop(0)
if os.environ.get("PYTHONHASHSEED") != "0":
    sys.exit("string hashing is not seeded")
if "GLIBC_TUNABLES" not in os.environ:
    sys.exit("the allocator is not pinned")
done = subprocess.run(command, check=False)
count = 1_100_000 if any("prizm" in arg for arg in command) else 1_000_000
print(f"==7== Collected : {{count:,}}", file=sys.stderr)
sys.exit(done.returncode)
"""


def test_instructions_are_counted_on_their_own_site(everything: Run) -> None:
    done = everything.done
    counted = everything.data["instructions"]
    assert counted["articles"] == 1
    assert counted["prizm"] > counted["plain"]
    assert counted["ratio"] == pytest.approx(counted["prizm"] / counted["plain"])
    assert f"ratio **{counted['ratio']:.4f}**" in done.stdout
    assert "- Instruction ratio ≤" in done.stdout
    assert "this run: 1 article)" in done.stdout
    # Both builds of the one-article site ran under the stand-in (seeded and pinned, although
    # this run does not ask --pin-malloc for the timed builds).
    for built in ("site-plain", "site-prizm"):
        site = everything.work / "site-instructions" / built
        assert len(list(site.rglob("index.html"))) == 2


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")
def test_instructions_are_read_from_a_real_valgrind_run(tmp_path: Path) -> None:
    # A tiny command rather than a build: Valgrind's own output format is what is checked.
    bench = load_script()
    assert bench.count_instructions(["true"], tmp_path) > 0


def test_targets_are_judged_on_the_site_they_are_set_for() -> None:
    bench = load_script()
    ratio = {"cpu_ratio": 1.0, "cpu_ratio_low": 0.9, "cpu_ratio_high": 0.95}
    share = bench.OwnShare(
        share=bench.SHARE_TARGET,
        share_min=bench.SHARE_TARGET / 2,
        share_max=bench.SHARE_TARGET * 2,
        handlers=1.0,
        process=10.0,
        plugin_import=0.1,
        by_event={"on_page_markdown": 1.0},
        rounds=[],
    )
    below = {"articles": bench.INSTRUCTIONS_ARTICLES, "ratio": bench.INSTRUCTIONS_TARGET / 1.01}
    lines = bench.targets(
        ratio, share, below, articles=bench.SHARE_ARTICLES, corpus=True, pinned=True
    )
    assert lines[0].startswith("Own share")
    assert "not settled" in lines[0]
    assert lines[1].startswith("CPU ratio")
    assert ": met" in lines[1]
    assert lines[2].startswith("Instruction ratio")
    assert ": met" in lines[2]
    assert not any("set for" in line for line in lines)
    above = {"articles": 7, "ratio": bench.INSTRUCTIONS_TARGET * 1.01}
    lines = bench.targets(ratio, None, above, articles=5, corpus=False, pinned=False)
    assert len(lines) == 2
    assert "not judged" in lines[0]
    assert ": missed" in lines[1]
    assert "this run: 7 articles, not from the corpus" in lines[1]


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
    calibration = bench.summary(
        {"cpu_ratio": 1.0, "cpu_ratio_low": 0.94, "cpu_ratio_high": 1.06}, calibrate=True
    )
    assert "the interval holds 1" in calibration
