"""Build-time benchmark: the same MkDocs site built with and without the ``prizm`` plugin.

The site is made of ``--articles`` pages cycled from the real Prizm articles
(``../shared/corpus/prizmia``), else from ``tests/fixtures``, else from generated text, each
under a distinct name.  Both builds use the plain ``mkdocs`` theme and the same plugin list
(MkDocs' ``search``), the second one with ``prizm`` added.  Runs alternate (A B, B A, ...)
after one unmeasured warm-up pair; each run is a fresh ``mkdocs build`` subprocess whose CPU
time (user + system, from ``getrusage(RUSAGE_CHILDREN)`` deltas) and wall time are measured.
The report gives the median of the per-round ratios (prizm / plain) with a 95 % interval for
the CPU ratio, and the absolute medians.

The plugin's own share of the build is measured inside one process: ``_inprocess.py`` builds
the same site with every event handler of the plugin registered as ``prizm`` wrapped in a CPU
clock, and the share is the handlers' CPU time over the whole process' CPU time
(``--share-rounds`` builds, median).  It moves far less with the machine's load than the ratio
of two processes' times.  The same builds time the functions that do the work of each feature
of the trust layer (``FEATURE_WORK``): a feature's own work, in points of own share, is their
time over the process' time.  ``--feature-costs`` cross-checks it by building the site again
with each feature turned off (``FEATURES``; ``--feature-costs cite-block sanitiser``: those
alone), a noisier figure (two processes).  The last lines say whether the run settles the
issue's targets.

Adversarial inputs (tens of thousands of ``<!--``, ``Fiabilité :``, ``(Source :`` fragments,
a 2,000-entry sources section) are timed the same way on small sites of a few pages, and the
``mkdocs-prizm check`` command, when it exists, is timed on the big site's pages.

Usage::

    .venv/bin/python benchmarks/bench_build.py --articles 1000 --rounds 5
    .venv/bin/python benchmarks/bench_build.py --articles 200 --rounds 3   # quick
    .venv/bin/python benchmarks/bench_build.py --articles 1000 --rounds 11 --pin-malloc \
        --no-adversarial --no-check --instructions --instructions-articles 300  # the targets
    .venv/bin/python benchmarks/bench_build.py --calibrate --no-adversarial --no-check

``--calibrate`` leaves ``prizm`` out of both builds (an A/A run): its ratios show how far the
method's own noise goes on the machine, which a plugin ratio must be read against.

``--instructions`` also builds a site of as many articles (or ``--instructions-articles``)
once in each configuration under Valgrind's ``callgrind`` tool and reports the instructions
executed: a figure that the machine's load hardly moves, unlike times on a shared virtual
machine (each build runs about 50 times slower there, so use a few hundred articles).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "prizmia"
FIXTURES = ROOT / "tests" / "fixtures"
#: Builds a site in one process with the plugin's handlers timed (its own share).
DRIVER = Path(__file__).resolve().with_name("_inprocess.py")

#: The issue's targets: the plugin's own share of a 1,000-article build (in-process CPU time),
#: the CPU time ratio of that build with ``--pin-malloc``, the instruction ratio on 300 articles.
SHARE_TARGET = 0.03
SHARE_ARTICLES = 1000
TARGET = 1.05
TARGET_ARTICLES = 1000
INSTRUCTIONS_TARGET = 1.02
INSTRUCTIONS_ARTICLES = 300
#: Coverage of the interval given for each median ratio.
CONFIDENCE = 0.95

PLAIN = "mkdocs-plain.yml"
PRIZM = "mkdocs-prizm.yml"

#: The trust layer's features and the plugin options that turn each one off, for
#: ``--feature-costs``: what each adds to the own share is the share with every feature on
#: minus the share with that one off.
FEATURES: dict[str, dict[str, object]] = {
    "trust checks": {
        "sources_max_age_years": False,
        "reliability_floor_average": False,
        "reliability_floor_cited": False,
        "trust_figures": "off",
    },
    "citation previews": {"citations_preview": False},
    "AI disclosure": {"disclosure": False},
    "cite block": {"cite_block": False},
    "post-build audit": {"audit": False},
    "sanitiser": {"sanitise": "off"},
}
#: The functions that do each feature's work during a build, as ``module:name`` where the
#: plugin looks them up: their time over the process' time is the feature's own work.
FEATURE_WORK: dict[str, tuple[str, ...]] = {
    "trust checks": ("mkdocs_prizm.core.pipeline:assess",),
    "citation previews": (
        "mkdocs_prizm.preview:add_script",
        "mkdocs_prizm.preview:publish_script",
    ),
    "AI disclosure": (
        "mkdocs_prizm.render.renderer:Renderer.disclosure",
        "mkdocs_prizm.render.fragments:disclosure_data",
    ),
    "cite block": ("mkdocs_prizm.render.renderer:Renderer.cite",),
    "post-build audit": ("mkdocs_prizm.audit:audit_site",),
    "sanitiser": ("mkdocs_prizm.plugin:PrizmPlugin._sanitise", "mkdocs_prizm.pages:plain_titles"),
}
#: Each feature's cost must stay under this, in points of own share.
FEATURE_BUDGET = 0.01

FRONT_MATTER = (
    "---\ntitle: Article {n}\ndate: 2025-07-29\nauthor: Prizm AI\ncategory: IA\n"
    "description: Un article de test\n---\n\n"
)


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    """One measured build."""

    cpu: float
    wall: float


@dataclass
class Comparison:
    """Paired measurements of the same site without (``plain``) and with ``prizm``."""

    name: str
    pages: int
    plain: list[Sample] = field(default_factory=list)
    prizm: list[Sample] = field(default_factory=list)

    def medians(self) -> dict[str, float | None]:
        """Absolute medians and median per-round ratios, with the lowest and highest rounds and
        the CPU ratio's interval (``median_interval``; ``None`` with fewer than 6 rounds)."""
        cpu_ratios = [b.cpu / a.cpu for a, b in zip(self.plain, self.prizm, strict=True)]
        wall_ratios = [b.wall / a.wall for a, b in zip(self.plain, self.prizm, strict=True)]
        low, high = median_interval(cpu_ratios)
        return {
            "plain_cpu": statistics.median(s.cpu for s in self.plain),
            "prizm_cpu": statistics.median(s.cpu for s in self.prizm),
            "plain_wall": statistics.median(s.wall for s in self.plain),
            "prizm_wall": statistics.median(s.wall for s in self.prizm),
            "cpu_ratio": statistics.median(cpu_ratios),
            "wall_ratio": statistics.median(wall_ratios),
            "cpu_ratio_min": min(cpu_ratios),
            "cpu_ratio_max": max(cpu_ratios),
            "cpu_ratio_low": low,
            "cpu_ratio_high": high,
        }


def median_interval(values: Sequence[float]) -> tuple[float | None, float | None]:
    """A ``CONFIDENCE`` interval for the median of ``values``, free of any distribution.

    The interval between the k-th smallest and the k-th largest value holds the median with a
    probability of at least ``1 - 2 P(B < k)``, ``B`` counting how many of the ``n`` values
    fall below the median (binomial, ``n`` draws of one half): the rounds only need to be
    independent, not normally distributed.  ``k`` is the largest that keeps that probability at
    ``CONFIDENCE`` or more: with 11 rounds, the 2nd and the 10th values (98.8 %).  Fewer than 6
    rounds cannot give 95 %: ``(None, None)``.
    """
    n = len(values)
    ordered = sorted(values)
    k = 0
    below = 0  # combinations giving fewer than k + 1 values below the median
    for j in range(n):
        below += math.comb(n, j)
        if 2 * below > (1 - CONFIDENCE) * 2**n:
            break
        k = j + 1
    if k == 0:
        return None, None
    return ordered[k - 1], ordered[n - k]


def verdict(low: float | None, high: float | None, limit: float) -> str:
    """Whether an interval of a ratio settles ``ratio <= limit``."""
    if low is None or high is None:
        return "not settled (6 rounds or more give an interval)"
    if high <= limit:
        return "met"
    if low > limit:
        return "missed"
    return "not settled by this run (the interval contains it)"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(args: Sequence[str], cwd: Path) -> Sample:
    """Run ``args`` in ``cwd`` once; fail loudly (with the log) when it fails."""
    log = cwd / "last-run.log"
    env = child_environment()
    cpu0 = _children_cpu()
    wall0 = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(args, cwd=cwd, stdout=out, stderr=out, env=env, check=False)
    wall = time.perf_counter() - wall0
    cpu = _children_cpu() - cpu0
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)} in {cwd}\n{log.read_text(encoding='utf-8')[-3000:]}")
    return Sample(cpu, wall)


#: glibc's adaptive malloc thresholds, pinned by ``--pin-malloc`` (see child_environment).
PINNED_MALLOC = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
#: Set from the command line: extra environment for every measured process.
EXTRA_ENV: dict[str, str] = {}


def child_environment() -> dict[str, str]:
    """The environment of a measured process.

    - ``SOURCE_DATE_EPOCH`` is removed: timings must not depend on it.
    - ``PYTHONDONTWRITEBYTECODE`` is removed, so that the unmeasured warm-up pair leaves the
      bytecode of ``mkdocs_prizm`` cached, as an installed wheel has it (MkDocs' own modules
      have theirs from their installation).  Otherwise every measured build with the plugin
      would compile its modules from source (about 30 ms).
    - ``--pin-malloc`` sets ``GLIBC_TUNABLES`` (``PINNED_MALLOC``) for both builds.  glibc
      raises its mmap and trim thresholds after freeing a large block; a site whose pages carry
      an emoji somewhere (4 bytes per character in CPython, so twice the size) raises them
      higher, and the build then returns memory to the system less often.  The corpus has
      emoji in one article's internal notes, which the plugin removes: the build without the
      plugin then takes about 5 times fewer page faults.  Pinning the thresholds takes that
      allocator effect out of the comparison.
    """
    env = {**os.environ, "PYTHONWARNINGS": "ignore", **EXTRA_ENV}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build_command(config: str) -> list[str]:
    """A fresh ``mkdocs build`` process for ``config``."""
    return [sys.executable, "-m", "mkdocs", "build", "-f", config]


#: The total Valgrind prints at the end of a ``callgrind`` run (``==123== Collected : 1,234``).
RE_COLLECTED = re.compile(r"^==\d+== Collected\s*:\s*([\d,]+)\s*$", re.MULTILINE)


def collected_instructions(valgrind_output: str) -> int:
    """The instruction count in Valgrind's output; exits with the output when there is none."""
    match = RE_COLLECTED.search(valgrind_output)
    if match is None:
        sys.exit(f"no instruction count in Valgrind's output:\n{valgrind_output[-3000:]}")
    return int(match.group(1).replace(",", ""))


def valgrind_path() -> str:
    """Where ``valgrind`` is; exits with what to install when it is missing."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("--instructions needs Valgrind (`valgrind` on PATH; Debian: apt install valgrind)")
    return valgrind


def count_instructions(command: Sequence[str], cwd: Path) -> int:
    """Instructions executed by ``command`` (run in ``cwd``) under ``callgrind``.

    String hashing is seeded (``PYTHONHASHSEED=0``) so that a build executes the same
    instructions every time; without it, two identical builds differ by about 0.1 %.  glibc's
    malloc thresholds are pinned (``PINNED_MALLOC``), with or without ``--pin-malloc``, since
    they change the instructions malloc executes.
    """
    args = [valgrind_path(), "--tool=callgrind", f"--callgrind-out-file={os.devnull}"]
    env = {**child_environment(), "GLIBC_TUNABLES": PINNED_MALLOC, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [*args, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"failed under Valgrind: {' '.join(command)} in {cwd}\n{done.stderr[-3000:]}")
    return collected_instructions(done.stderr)


@dataclass
class OwnShare:
    """The plugin's own share of a build: medians over in-process builds (CPU seconds)."""

    share: float
    share_min: float
    share_max: float
    handlers: float
    process: float
    plugin_import: float
    by_event: dict[str, float]
    rounds: list[dict[str, Any]]

    def work(self, functions: Sequence[str]) -> float:
        """The median over builds of the time in ``functions`` over the process' time."""
        return statistics.median(
            sum(float(r["functions"].get(f, 0.0)) for f in functions) / float(r["process"])
            for r in self.rounds
        )

    def text(self) -> str:
        """The figures as one paragraph."""
        heaviest = sorted(self.by_event.items(), key=lambda item: -item[1])
        shown = ", ".join(f"{name} {sec:.3f} s" for name, sec in heaviest if sec >= 0.001)
        return (
            f"Own share (in-process, {len(self.rounds)} builds): **{self.share:.2%}** "
            f"(rounds {self.share_min:.2%}–{self.share_max:.2%}); handlers "
            f"{self.handlers:.3f} s of {self.process:.2f} s CPU"
            + (f" ({shown})" if shown else "")
            + f"; importing the plugin {self.plugin_import:.3f} s, outside handlers"
        )


def own_share(
    project: Path, rounds: int, config: str = PRIZM, functions: Sequence[str] = ()
) -> OwnShare:
    """The plugin's own share of the ``config`` build of ``project``, over ``rounds`` builds.

    Each build is a fresh process running ``_inprocess.py``: the share is the CPU time spent
    in the handlers of the plugin registered as ``prizm`` over the process' CPU time; the
    ``functions`` (``module:name``) are timed too.
    """
    samples: list[dict[str, Any]] = []
    env = child_environment()
    timed = [arg for function in functions for arg in ("--time", function)]
    for _ in range(rounds):
        done = subprocess.run(
            [sys.executable, str(DRIVER), config, *timed],
            cwd=project,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            check=False,
        )
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            sys.exit(f"failed: in-process build of {config} in {project}\n{done.stderr[-3000:]}")
        samples.append(json.loads(lines[-1]))

    shares = [float(s["share"]) for s in samples]
    events = sorted({name for s in samples for name in s["by_event"]})
    return OwnShare(
        share=statistics.median(shares),
        share_min=min(shares),
        share_max=max(shares),
        handlers=statistics.median(float(s["handlers"]) for s in samples),
        process=statistics.median(float(s["process"]) for s in samples),
        plugin_import=statistics.median(float(s["plugin_import"]) for s in samples),
        by_event={
            e: statistics.median(float(s["by_event"].get(e, 0.0)) for s in samples) for e in events
        },
        rounds=samples,
    )


def feature_cost(project: Path, feature: str, rounds: int) -> dict[str, float]:
    """What ``feature`` adds to the own share: the median of paired differences.

    Each round builds the site with every feature on and with ``feature`` off, back to back
    (alternating which goes first).  The cost of a pair is the difference of the two builds'
    handler times over the whole process' CPU time of the build with every feature on: the
    handlers' time moves far less with the machine's load than the process' time, whose
    drift between two builds is as large as a feature's cost.
    """
    with_it: list[float] = []
    without: list[float] = []
    costs: list[float] = []
    for round_ in range(rounds):
        order = [PRIZM, feature_config(feature)]
        if round_ % 2:
            order.reverse()
        measured = {config: own_share(project, 1, config) for config in order}
        on, off = measured[PRIZM], measured[feature_config(feature)]
        with_it.append(on.share)
        without.append(off.share)
        costs.append((on.handlers - off.handlers) / on.process)
    return {
        "with": statistics.median(with_it),
        "without": statistics.median(without),
        "cost": statistics.median(costs),
    }


def compare(name: str, project: Path, pages: int, rounds: int) -> Comparison:
    """Build ``project`` alternately without and with prizm, after a warm-up pair."""
    result = Comparison(name, pages)
    plain, prizm = build_command(PLAIN), build_command(PRIZM)
    measure(plain, project)
    measure(prizm, project)
    for round_ in range(rounds):
        # A B, then B A: neither configuration always runs second.
        if round_ % 2 == 0:
            result.plain.append(measure(plain, project))
            result.prizm.append(measure(prizm, project))
        else:
            result.prizm.append(measure(prizm, project))
            result.plain.append(measure(plain, project))
    return result


# --------------------------------------------------------------------------- sites


def write_site(project: Path, pages: dict[str, str], *, with_prizm: bool = True) -> Path:
    """Write ``pages`` and the two configurations (identical but for ``prizm``).

    Without ``with_prizm`` (``--calibrate``), the second configuration leaves ``prizm`` out
    too: an A/A comparison.
    """
    docs = project / "docs"
    for name, text in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # The pipeline's internal reports stay in: both builds then render the same pages.
    prizm: dict[str, object] = {"prizm": {"reports_exclude": False}}
    second: list[object] = ["search", prizm] if with_prizm else ["search"]
    for config, plugins in ((PLAIN, ["search"]), (PRIZM, second)):
        settings: dict[str, object] = {
            "site_name": "Prizm benchmark",
            "site_url": "https://example.org/",
            "docs_dir": "docs",
            "site_dir": "site-" + config.removeprefix("mkdocs-").removesuffix(".yml"),
            "theme": {"name": "mkdocs"},
            "plugins": plugins,
        }
        (project / config).write_text(yaml.safe_dump(settings), encoding="utf-8")
    if with_prizm:
        for feature, off in FEATURES.items():
            without: list[object] = ["search", {"prizm": {"reports_exclude": False, **off}}]
            settings["plugins"] = without
            settings["site_dir"] = f"site-{feature_slug(feature)}"
            (project / feature_config(feature)).write_text(
                yaml.safe_dump(settings), encoding="utf-8"
            )
    return project


def feature_slug(feature: str) -> str:
    """``post-build-audit`` for ``post-build audit``."""
    return "-".join("".join(c if c.isalnum() else " " for c in feature.lower()).split())


def feature_config(feature: str) -> str:
    """The configuration building the site with ``feature`` turned off."""
    return f"mkdocs-prizm-without-{feature_slug(feature)}.yml"


def article_sources() -> tuple[str, list[tuple[str, str]]]:
    """Where the articles come from and their ``(stem, text)``, in a stable order."""
    if CORPUS.is_dir():
        files = sorted(CORPUS.glob("*.md"))
        if files:
            return str(CORPUS), [(p.stem, p.read_text(encoding="utf-8")) for p in files]
    if FIXTURES.is_dir():
        files = sorted(p for p in FIXTURES.rglob("*.md") if "site" not in p.parts)
        if files:
            return str(FIXTURES), [(p.stem, p.read_text(encoding="utf-8")) for p in files]
    return "generated", [(f"generated-{i}", generated_article(i)) for i in range(20)]


def generated_article(seed: int) -> str:
    """A plausible article with a note, citations and a numbered sources section."""
    paragraphs = "\n\n".join(
        f"Paragraphe {k} de l'article {seed} : les PME adoptent l'IA générative "
        f"(Source : Éditeur {k % 3}) avec prudence et méthode." * 3
        for k in range(12)
    )
    entries = "\n".join(
        f"{k + 1}. **Éditeur {k}** - Étude\n   - Date : 24/06/2025\n"
        f"   - URL : https://example.org/{k}\n   - Fiabilité : {7 + k % 3}/10"
        for k in range(3)
    )
    return (
        FRONT_MATTER.format(n=seed)
        + "<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nScore intégrité : 95%\n-->\n\n"
        + f"# Article {seed}\n\n{paragraphs}\n\n## Sources et références\n\n{entries}\n"
    )


#: An image field of an article's front matter that names a file of the site (``/images/...``).
RE_SITE_IMAGE = re.compile(r"""^(?:image|heroImage|imageUrl): *["']?(/[^"'\s]+)""", re.MULTILINE)


def corpus_site(project: Path, count: int, *, with_prizm: bool = True) -> tuple[Path, str]:
    """``count`` articles cycled from the corpus, plus a home page.

    The images the articles name at the site's root are written too (empty files), as on the
    published site: a build then warns only of the faults the articles really have.
    """
    origin, texts = article_sources()
    pages = {"index.md": "# Accueil\n\nLes articles de Prizm AI.\n"}
    for i in range(count):
        stem, text = texts[i % len(texts)]
        pages[f"articles/{i:05d}-{stem}.md"] = text
    site = write_site(project, pages, with_prizm=with_prizm)
    for _, text in texts:
        for image in RE_SITE_IMAGE.findall(text):
            path = project / "docs" / image.lstrip("/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")
    return site, origin


def adversarial_pages(size: int) -> dict[str, dict[str, str]]:
    """Small sites (a home page plus two pages) made of pathological text."""
    half = size // 2
    cases: dict[str, str] = {
        "unclosed <!--": "Texte <!-- jamais fermé\n" * half
        + "\n".join(f"<!-- ARTICLE FINAL {k}\n" for k in range(half)),
        "closed <!--": "".join(
            f"Mot{k} <!-- commentaire {k} --> et <!-- Score intégrité : {k}% --> suite.\n"
            for k in range(half)
        ),
        "Fiabilité :": "".join(f"Fiabilité : {k % 11}/10 Fiabilité :\n" for k in range(half)),
        "(Source :": "".join(
            f"Phrase {k} (Source : Éditeur {k}) puis (Source : jamais fermée\n" for k in range(half)
        ),
        "2,000-entry sources": "# Article\n\nTexte (Source : Éditeur 7).\n\n"
        "## Sources et références\n\n"
        + "\n".join(
            f"{k + 1}. **Éditeur {k}** - Étude\n   - Date : 24/06/2025\n"
            f"   - URL : https://example.org/{k}\n   - Fiabilité : {k % 11}/10"
            for k in range(2000)
        )
        + "\n",
    }
    sites: dict[str, dict[str, str]] = {}
    for name, body in cases.items():
        sites[name] = {
            "index.md": "# Accueil\n\nUn petit site.\n",
            "a.md": FRONT_MATTER.format(n=1) + body,
            "b.md": FRONT_MATTER.format(n=2) + body,
        }
    return sites


# --------------------------------------------------------------------------- check command


def check_command() -> list[str] | None:
    """How to run ``mkdocs-prizm check``, or ``None`` when the CLI does not exist yet."""
    if not (ROOT / "mkdocs_prizm" / "cli").is_dir():
        return None
    script = Path(sys.executable).with_name("mkdocs-prizm")
    if script.is_file():
        return [str(script), "check"]
    return [sys.executable, "-c", "import sys; from mkdocs_prizm.cli import main; sys.exit(main())"]


def time_check(project: Path, rounds: int) -> dict[str, float] | None:
    """Median CPU and wall time of ``mkdocs-prizm check docs`` (the exit code is ignored)."""
    command = check_command()
    if command is None:
        return None
    args = [*command, "docs"]
    samples: list[Sample] = []
    env = child_environment()
    for _ in range(rounds + 1):
        cpu0, wall0 = _children_cpu(), time.perf_counter()
        done = subprocess.run(args, cwd=project, capture_output=True, env=env, check=False)
        samples.append(Sample(_children_cpu() - cpu0, time.perf_counter() - wall0))
        if done.returncode not in {0, 1}:
            print(f"note: {' '.join(args)} exited {done.returncode}; check timing skipped")
            return None
    samples = samples[1:]  # the first run warms caches
    return {
        "cpu": statistics.median(s.cpu for s in samples),
        "wall": statistics.median(s.wall for s in samples),
    }


# --------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    """Processor count and model, Python and MkDocs versions."""
    model = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    import mkdocs  # noqa: PLC0415 - only for its version

    return {
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "python": platform.python_version(),
        "mkdocs": mkdocs.__version__,
        "platform": platform.platform(),
    }


def table(results: Sequence[Comparison]) -> str:
    """The Markdown table of every comparison."""
    rows = [
        "| Site | Pages | CPU plain (s) | CPU prizm (s) | CPU ratio "
        f"| CPU ratio, {CONFIDENCE:.0%} interval | CPU ratio, rounds "
        "| Wall plain (s) | Wall prizm (s) | Wall ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        m = result.medians()
        low, high = m["cpu_ratio_low"], m["cpu_ratio_high"]
        interval = "—" if low is None or high is None else f"{low:.3f}–{high:.3f}"
        rows.append(
            f"| {result.name} | {result.pages} | {m['plain_cpu']:.2f} | {m['prizm_cpu']:.2f} "
            f"| **{m['cpu_ratio']:.3f}** | {interval} "
            f"| {m['cpu_ratio_min']:.2f}–{m['cpu_ratio_max']:.2f} "
            f"| {m['plain_wall']:.2f} | {m['prizm_wall']:.2f} | **{m['wall_ratio']:.3f}** |"
        )
    return "\n".join(rows)


def run(
    options: argparse.Namespace, workdir: Path, say: Callable[[str], None]
) -> dict[str, object]:
    """Run every measurement asked for and return the results."""
    say(f"building {options.articles} articles, {options.rounds} rounds ...")
    project, origin = corpus_site(
        workdir / "site", options.articles, with_prizm=not options.calibrate
    )
    results = [compare("articles", project, options.articles + 1, options.rounds)]
    share: OwnShare | None = None
    work: dict[str, float] | None = None
    if options.share_rounds and not options.calibrate:
        say(f"the plugin's own share, in-process, {options.share_rounds} builds ...")
        functions = [f for names in FEATURE_WORK.values() for f in names]
        share = own_share(project, options.share_rounds, functions=functions)
        work = {feature: share.work(names) for feature, names in FEATURE_WORK.items()}
    costs: dict[str, dict[str, float]] | None = None
    if options.feature_costs and share is not None:
        costs = {}
        for feature in options.feature_costs:
            say(f"the own share with and without the {feature}, {options.share_rounds} pairs ...")
            costs[feature] = feature_cost(project, feature, options.share_rounds)
    if not options.no_adversarial:
        for name, pages in adversarial_pages(options.adversarial_size).items():
            say(f"adversarial: {name} ...")
            slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
            site = write_site(workdir / f"adv-{slug}", pages, with_prizm=not options.calibrate)
            results.append(compare(name, site, len(pages), options.adversarial_rounds))
    check = None if options.no_check else time_check(project, options.rounds)
    instructions: dict[str, float] | None = None
    if options.instructions:
        # A site of its own, never built before: MkDocs then has no earlier output to remove.
        counted = options.instructions_articles or options.articles
        site, _ = corpus_site(
            workdir / "site-instructions", counted, with_prizm=not options.calibrate
        )
        say(f"counting instructions under Valgrind, {counted} articles (slow) ...")
        plain = count_instructions(build_command(PLAIN), site)
        prizm = count_instructions(build_command(PRIZM), site)
        instructions = {"articles": counted, "plain": plain, "prizm": prizm, "ratio": prizm / plain}
    big = results[0].medians()
    return {
        "command": " ".join(["benchmarks/bench_build.py", *sys.argv[1:]]),
        "articles_from": origin,
        "calibrate": options.calibrate,
        "environment": dict(EXTRA_ENV),
        "machine": machine(),
        "results": [{"name": r.name, "pages": r.pages, **r.medians()} for r in results],
        "samples": [
            {
                "name": r.name,
                "plain": [asdict(s) for s in r.plain],
                "prizm": [asdict(s) for s in r.prizm],
            }
            for r in results
        ],
        "own_share": None if share is None else asdict(share),
        "feature_work": work,
        "feature_costs": costs,
        "check": check,
        "instructions": instructions,
        "table": table(results),
        "summary": summary(big, calibrate=options.calibrate),
        "targets": []
        if options.calibrate
        else targets(
            big,
            share,
            instructions,
            articles=options.articles,
            corpus=origin == str(CORPUS),
            pinned="GLIBC_TUNABLES" in EXTRA_ENV,
        ),
    }


def summary(result: dict[str, float | None], *, calibrate: bool = False) -> str:
    """The big site's CPU ratio and its interval (and, A/A, whether the interval holds 1)."""
    low, high = result["cpu_ratio_low"], result["cpu_ratio_high"]
    if low is None or high is None:
        shown = "no interval: 6 rounds or more give one"
    else:
        shown = f"{CONFIDENCE:.0%} interval {low:.3f}–{high:.3f}"
    head = f"CPU ratio {result['cpu_ratio']:.3f}, {shown}."
    if calibrate:
        if low is None or high is None:
            return head
        held = "holds" if low <= 1 <= high else "does not hold"
        return f"{head} A/A: the interval {held} 1; its width is the method's noise here."
    return head


def targets(
    result: dict[str, float | None],
    share: OwnShare | None,
    instructions: dict[str, float] | None,
    *,
    articles: int,
    corpus: bool,
    pinned: bool,
) -> list[str]:
    """One verdict line per target of the issue that this run measured.

    A verdict is given on any site, but the line says so when the site is not the one the
    target is set for (``SHARE_ARTICLES`` corpus articles, ``INSTRUCTIONS_ARTICLES`` for the
    instructions) or, for the CPU ratio, when the allocator was not pinned.
    """

    def site_note(wanted: int, got: int) -> str:
        if got == wanted and corpus:
            return ""
        what = "article" if got == 1 else "articles"
        origin = "" if corpus else ", not from the corpus"
        return f" (set for {wanted:,} corpus articles; this run: {got:,} {what}{origin})"

    lines: list[str] = []
    if share is not None:
        low, high = share.share_min, share.share_max
        lines.append(
            f"Own share ≤ {SHARE_TARGET:.0%}: {verdict(low, high, SHARE_TARGET)} "
            f"(median {share.share:.2%}, rounds {low:.2%}–{high:.2%})"
            + site_note(SHARE_ARTICLES, articles)
        )
    ratio_low, ratio_high = result["cpu_ratio_low"], result["cpu_ratio_high"]
    line = f"CPU ratio ≤ {TARGET} with --pin-malloc: "
    if pinned:
        line += verdict(ratio_low, ratio_high, TARGET) + site_note(TARGET_ARTICLES, articles)
    else:
        line += "not judged (this run did not pin the allocator)"
    lines.append(line)
    if instructions is not None:
        ratio = instructions["ratio"]
        lines.append(
            f"Instruction ratio ≤ {INSTRUCTIONS_TARGET}: "
            f"{'met' if ratio <= INSTRUCTIONS_TARGET else 'missed'} ({ratio:.4f})"
            + site_note(INSTRUCTIONS_ARTICLES, int(instructions["articles"]))
        )
    return lines


def _at_least_one(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


def _at_least_zero(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {number}")
    return number


def _feature(value: str) -> str:
    """The feature of ``FEATURES`` named ``value`` or its slug (``post-build-audit``)."""
    for feature in FEATURES:
        if value in {feature, feature_slug(feature)}:
            return feature
    known = ", ".join(feature_slug(f) for f in FEATURES)
    raise argparse.ArgumentTypeError(f"no feature {value!r}; one of {known}")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (``feature_costs``: the features to measure, ``None`` for none)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=_at_least_one, default=1000, help="pages in the big site"
    )
    parser.add_argument(
        "--rounds", type=_at_least_one, default=5, help="measured rounds (pairs of builds)"
    )
    parser.add_argument(
        "--adversarial-size", type=int, default=20000, help="fragments per adversarial page"
    )
    parser.add_argument("--adversarial-rounds", type=_at_least_one, default=3)
    parser.add_argument("--no-adversarial", action="store_true", help="skip adversarial sites")
    parser.add_argument("--no-check", action="store_true", help="skip `mkdocs-prizm check`")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="A/A run: leave prizm out of the second build too, to measure the method's noise",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of one build of each kind of the big site (Valgrind)",
    )
    parser.add_argument(
        "--instructions-articles",
        type=_at_least_one,
        help="count the instructions on a site of this many articles instead of the big site",
    )
    parser.add_argument(
        "--share-rounds",
        type=_at_least_zero,
        default=3,
        help="in-process builds measuring the plugin's own share (0: none)",
    )
    parser.add_argument(
        "--feature-costs",
        nargs="*",
        type=_feature,
        metavar="FEATURE",
        help="also measure the own share with each trust-layer feature turned off "
        "(--share-rounds pairs of builds each), or with each FEATURE named: "
        + ", ".join(feature_slug(f) for f in FEATURES),
    )
    parser.add_argument(
        "--pin-malloc",
        action="store_true",
        help="pin glibc's malloc thresholds in both builds (see child_environment)",
    )
    options = parser.parse_args(argv)
    if options.feature_costs is not None:
        # Every feature when none is named, else those named, in FEATURES' order, once each.
        named = set(options.feature_costs or FEATURES)
        options.feature_costs = [feature for feature in FEATURES if feature in named]
    return options


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    options = parse_args(argv)
    if options.instructions:
        valgrind_path()  # before the timed builds, not after them
    if options.pin_malloc:
        EXTRA_ENV["GLIBC_TUNABLES"] = PINNED_MALLOC

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
        report = run(options, options.keep.resolve(), say)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="prizm-bench-"))
        try:
            report = run(options, workdir, say)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    info = machine()
    print(f"Command: {report['command']}")
    print(f"Articles from: {report['articles_from']}")
    if options.calibrate:
        print("A/A calibration: prizm is left out of both builds (the 'prizm' columns)")
    if EXTRA_ENV:
        print(f"Environment: {' '.join(f'{k}={v}' for k, v in EXTRA_ENV.items())}")
    print(
        f"Machine: {info['nproc']} × {info['cpu']}, Python {info['python']}, "
        f"MkDocs {info['mkdocs']}"
    )
    print()
    print(report["table"])
    print()
    print(report["summary"])
    check = report["check"]
    if isinstance(check, dict):
        print()
        print(
            f"`mkdocs-prizm check` on {options.articles + 1} pages: "
            f"{check['cpu']:.2f} s CPU, {check['wall']:.2f} s wall "
            f"({(options.articles + 1) / check['wall']:.0f} pages/s)"
        )
    elif not options.no_check:
        print("\n`mkdocs-prizm check`: not available (mkdocs_prizm/cli missing); skipped")
    share = report["own_share"]
    if isinstance(share, dict):
        print()
        print(OwnShare(**share).text())
    work = report["feature_work"]
    costs = report["feature_costs"]
    if isinstance(work, dict):
        print()
        paired = isinstance(costs, dict)
        print(
            "| Feature | Its own work (points) | Within 1 point |"
            + (" Paired difference (points): own share with it, without it |" if paired else "")
        )
        print("|---|---:|---|" + ("---:|" if paired else ""))
        for feature, cost in work.items():
            within = "yes" if cost <= FEATURE_BUDGET else "no"
            line = f"| {feature} | {cost * 100:.2f} | {within} |"
            if isinstance(costs, dict):
                figures = costs.get(feature)
                line += (
                    " not measured |"
                    if figures is None
                    else f" {figures['cost'] * 100:+.2f}: {figures['with']:.2%}, "
                    f"{figures['without']:.2%} |"
                )
            print(line)
    counted = report["instructions"]
    if isinstance(counted, dict):
        print()
        print(
            f"Instructions (callgrind, one build each, {counted['articles']} articles): "
            f"plain {counted['plain']:,}, prizm {counted['prizm']:,}, "
            f"ratio **{counted['ratio']:.4f}**"
        )
    lines = report["targets"]
    if isinstance(lines, list) and lines:
        print()
        print("Targets:")
        for line in lines:
            print(f"- {line}")
    if options.json:
        options.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
