"""``mkdocs-prizm check`` and ``codes``, run for real as ``python -m mkdocs_prizm``."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mkdocs_prizm.core.pipeline import analyse
from mkdocs_prizm.core.problems import CODES
from tests.conftest import CLI_PRELOAD, CORPUS, corpus_files, run_python_module


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m mkdocs_prizm ARGS`` with warnings as errors (a child of a run server)."""
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    code, stdout, stderr = run_python_module(
        "mkdocs_prizm", list(args), cwd=cwd, env=env, preload=CLI_PRELOAD, timeout=120
    )
    return subprocess.CompletedProcess(["mkdocs_prizm", *args], code, stdout, stderr)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


#: One file per fault the plugin knows: name → text.
FAULTS: dict[str, str] = {
    "bad_yaml.md": """
        ---
        title: "Un titre"
        date: 2025-07-29
        description: Ceci: casse le YAML
        readingTime: "3 min"
        ---

        Texte.
        """,
    "not_mapping.md": """
        ---
        - un
        - deux
        ---

        Texte.
        """,
    "second_block.md": """
        ---
        title: "Article"
        ---

        ---
        date: 2025-07-29
        readingTime: "9 min"
        ---

        Texte.
        """,
    "unclosed_note.md": """
        ---
        title: "Article"
        date: 2025-07-29
        readingTime: "1 min"
        ---

        Intro.

        <!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM
        Score intégrité : 90%

        Texte publié.
        """,
    "sources.md": """
        ---
        title: "Article <b>gras</b>"
        date: "pas une date"
        readingTime: "huit"
        ---

        Selon l'étude (Source : Inconnue), c'est vrai.

        ## Sources et références

        1. **Étude A** (Fiabilité : 11/10)
           - Date : bientôt peut-être
           - URL : javascript:alert(1)

        3. **Étude B** (Fiabilité : 8/10)
           - Rapport du 24/06/2025
           - https://example.org/b
        """,
    "clean.md": """
        ---
        title: "Propre"
        date: 2025-07-29
        readingTime: "1 min"
        ---

        Texte.
        """,
}

#: (file, line, column, severity, code) expected in the output.
EXPECTED = [
    ("bad_yaml.md", 4, 18, "error", "PRZ101"),
    ("not_mapping.md", 2, 1, "error", "PRZ102"),
    ("second_block.md", 5, 1, "warning", "PRZ103"),
    ("second_block.md", 7, 1, "info", "PRZ501"),  # readingTime far from the text's
    ("unclosed_note.md", 9, 1, "warning", "PRZ201"),
    ("sources.md", 2, 1, "warning", "PRZ105"),  # markup in title
    ("sources.md", 3, 1, "warning", "PRZ104"),  # bad date
    ("sources.md", 4, 1, "warning", "PRZ104"),  # readingTime: huit
    ("sources.md", 7, 25, "warning", "PRZ401"),  # unmatched citation
    ("sources.md", 9, 1, "warning", "PRZ306"),  # numbering gap (at the heading)
    ("sources.md", 11, 29, "warning", "PRZ302"),  # 11/10
    ("sources.md", 12, 13, "warning", "PRZ304"),  # unparseable source date
    ("sources.md", 13, 12, "warning", "PRZ305"),  # javascript: URL
    ("latin1.md", 0, 0, "error", "PRZ901"),  # not UTF-8
]


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults")
    for name, text in FAULTS.items():
        write(folder, name, text)
    (folder / "latin1.md").write_bytes("---\ntitle: Été\n---\n".encode("latin-1"))
    (folder / "notes.txt").write_text("not Markdown", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def checked(faults: Path) -> subprocess.CompletedProcess[str]:
    return run("check", "--verbose", ".", cwd=faults)


def parse(stdout: str) -> list[tuple[str, int, int, str, str]]:
    found = []
    for line in stdout.splitlines():
        where, rest = line.split(": ", 1)
        file, row, col = where.rsplit(":", 2)
        severity, code, _ = rest.split(" ", 2)
        found.append((file, int(row), int(col), severity, code))
    return found


@pytest.mark.parametrize("expected", EXPECTED, ids=[f"{e[0]}:{e[1]}:{e[4]}" for e in EXPECTED])
def test_every_fault_is_reported_at_its_place(
    checked: subprocess.CompletedProcess[str], expected: tuple[str, int, int, str, str]
) -> None:
    assert expected in parse(checked.stdout)


def test_check_output_is_sorted_and_complete(checked: subprocess.CompletedProcess[str]) -> None:
    found = parse(checked.stdout)
    assert checked.returncode == 1
    files = [f[0] for f in found]
    assert files == sorted(files)
    assert "clean.md" not in files
    assert "notes.txt" not in files
    assert {f[4] for f in found} >= {e[4] for e in EXPECTED}
    assert "checked 7 files" in checked.stderr
    assert "3 errors" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_lines_are_problem_format(checked: subprocess.CompletedProcess[str]) -> None:
    assert "bad_yaml.md:4:18: error PRZ101 front matter is not valid YAML" in checked.stdout


def test_info_hidden_by_default_and_shown_with_verbose(faults: Path) -> None:
    default = run("check", "second_block.md", cwd=faults)
    verbose = run("check", "-v", "second_block.md", cwd=faults)
    assert "PRZ501" not in default.stdout
    assert "PRZ501" in verbose.stdout
    assert "1 not shown" in default.stderr


def test_clean_file_exits_0(faults: Path) -> None:
    done = run("check", "clean.md", cwd=faults)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert "checked 1 file (1 article): 0 errors, 0 warnings" in done.stderr


def test_warnings_fail_only_with_strict(faults: Path) -> None:
    assert run("check", "second_block.md", cwd=faults).returncode == 0
    assert run("check", "--strict", "second_block.md", cwd=faults).returncode == 1


def test_errors_exit_1(faults: Path) -> None:
    done = run("check", "bad_yaml.md", cwd=faults)
    assert done.returncode == 1
    assert done.stdout.startswith("bad_yaml.md:4:18: error PRZ101 ")


def test_quiet_prints_errors_only_without_summary(faults: Path) -> None:
    done = run("check", "-q", ".", cwd=faults)
    assert done.returncode == 1
    assert {f[3] for f in parse(done.stdout)} == {"error"}
    assert done.stderr == ""
    strict = run("check", "-q", "--strict", "second_block.md", cwd=faults)
    assert strict.returncode == 1
    assert "PRZ103" in strict.stdout


def test_missing_path_is_a_usage_error(faults: Path) -> None:
    done = run("check", "clean.md", "nowhere.md", cwd=faults)
    assert done.returncode == 2
    assert "no such file or folder: nowhere.md" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    "args",
    [(), ("check",), ("check", "--format", "xml", "."), ("check", "--bogus", "."), ("nope",)],
)
def test_bad_command_lines_exit_2(faults: Path, args: tuple[str, ...]) -> None:
    done = run(*args, cwd=faults)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_json_format(faults: Path) -> None:
    done = run("check", "--format", "json", "sources.md", "bad_yaml.md", cwd=faults)
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert isinstance(data, list)
    assert data[0] == {
        "file": "sources.md",
        "line": 2,
        "column": 1,
        "severity": "warning",
        "code": "PRZ105",
        "message": "front matter field 'title' contains HTML markup; it is published as plain text",
    }
    assert [d["file"] for d in data][-1] == "bad_yaml.md"  # command-line order
    assert {d["code"] for d in data} >= {"PRZ101", "PRZ302", "PRZ305", "PRZ306", "PRZ401"}


def test_json_format_of_a_clean_file_is_an_empty_list(faults: Path) -> None:
    done = run("check", "--format", "json", "clean.md", cwd=faults)
    assert done.returncode == 0
    assert json.loads(done.stdout) == []


def test_github_format(faults: Path) -> None:
    done = run("check", "-v", "--format", "github", "sources.md", "latin1.md", cwd=faults)
    lines = done.stdout.splitlines()
    assert (
        "::warning file=sources.md,line=7,col=25,title=PRZ401::citation «Inconnue» matches no "
        "entry of the sources section" in lines
    )
    # no line: no line or col property
    assert any(
        line.startswith("::warning file=sources.md,line=9,col=1,title=PRZ306::") for line in lines
    )
    assert any(line.startswith("::error file=latin1.md,title=PRZ901::") for line in lines)


def test_github_escaping(tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    write(folder, "x%y.md", "---\n- not a mapping\n---\n")
    done = run("check", "--format", "github", "a,b:c", cwd=tmp_path)
    line = done.stdout.strip()
    assert line.startswith("::error file=a%2Cb%3Ac/x%25y.md,line=2,col=1,title=PRZ102::")
    assert "\n" not in line


def test_github_escapes_newlines_in_messages() -> None:
    from mkdocs_prizm.cli import github_annotation  # noqa: PLC0415
    from mkdocs_prizm.core.problems import Problem, Severity  # noqa: PLC0415

    problem = Problem("f.md", 3, 2, Severity.INFO, "PRZ501", "50% done\r\nnext: line")
    assert github_annotation(problem) == (
        "::notice file=f.md,line=3,col=2,title=PRZ501::50%25 done%0D%0Anext: line"
    )


def test_folder_and_file_arguments_are_deduplicated(faults: Path) -> None:
    done = run("check", "clean.md", ".", cwd=faults)
    assert "checked 7 files" in done.stderr


def test_article_paths_and_all_articles(tmp_path: Path) -> None:
    write(tmp_path, "docs/blog/plain.md", "# Plain\n\n## Sources\n\n1. **X** (Fiabilité : 12/10)\n")
    write(tmp_path, "docs/page.md", "# Page\n\n## Sources\n\n1. **X** (Fiabilité : 12/10)\n")
    assert "PRZ302" not in run("check", "docs", cwd=tmp_path).stdout
    globbed = run("check", "--article-paths", "blog/*", "docs", cwd=tmp_path)
    assert [f[0] for f in parse(globbed.stdout) if f[4] == "PRZ302"] == ["docs/blog/plain.md"]
    everything = run("check", "--all-articles", "docs", cwd=tmp_path)
    assert {f[0] for f in parse(everything.stdout) if f[4] == "PRZ302"} == {
        "docs/blog/plain.md",
        "docs/page.md",
    }


def test_config_file_gives_options_and_docs_dir(tmp_path: Path) -> None:
    write(
        tmp_path,
        "content/blog/plain.md",
        "# Plain\n\n## Lectures\n\n1. **X** (Fiabilité : 12/10)\n",
    )
    write(
        tmp_path,
        "mkdocs.yml",
        """
        site_name: T
        docs_dir: content
        theme:
          name: mkdocs
          locale: en
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        plugins:
          - search
          - prizm:
              articles_paths: ["blog/*"]
              sources_headings: !ENV [PRIZM_TEST_UNSET, ["Lectures"]]
        """,
    )
    done = run("check", "-f", "mkdocs.yml", cwd=tmp_path)
    assert "content/blog/plain.md:5:23: warning PRZ302" in done.stdout, done.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site_name: T\nplugins: [search]\n", "does not enable the 'prizm' plugin"),
        ("site_name: [T\n", "is not valid YAML"),
        (
            "plugins:\n  - prizm:\n      lists_fix: maybe\n",
            "option 'lists_fix': expected true or false",
        ),
    ],
)
def test_unusable_config_file_is_a_usage_error(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    done = run("check", "-f", "mkdocs.yml", cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr


def test_codes_lists_every_code(tmp_path: Path) -> None:
    done = run("codes", cwd=tmp_path)
    assert done.returncode == 0
    for code, summary in CODES.items():
        assert f"{code}  {summary}" in done.stdout
    as_json = run("codes", "--format", "json", cwd=tmp_path)
    assert json.loads(as_json.stdout) == CODES


def test_console_script_entry_point_is_main() -> None:
    from mkdocs_prizm.cli import main  # noqa: PLC0415

    assert main(["codes"]) == 0
    assert main(["check", "/nonexistent/path/for/prizm"]) == 2


def test_check_path_does_not_import_mkdocs(tmp_path: Path) -> None:
    write(tmp_path, "a.md", FAULTS["clean.md"])
    code = (
        "import sys; from mkdocs_prizm.cli import main; main(['check', 'a.md']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'jinja2'} "
        "or m == 'mkdocs_prizm.plugin'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.corpus
def test_corpus(tmp_path: Path) -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus/prizmia is not present")
    done = run("check", "-v", "--format", "json", str(CORPUS), cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    problems = json.loads(done.stdout)
    counts = collections.Counter(f"{p['code']} {p['severity']}" for p in problems)
    print("corpus counts by code:", dict(sorted(counts.items())))  # noqa: T201
    # The same counts as the pipeline the plugin runs, file by file.
    expected: collections.Counter[str] = collections.Counter()
    for path in files:
        for problem in analyse(path.read_text(encoding="utf-8"), path.name).problems:
            expected[f"{problem.code} {problem.severity.value}"] += 1
    assert counts == expected
    assert all(p["code"] in CODES for p in problems)
    assert done.returncode == (1 if counts_errors(counts) else 0)
    assert f"checked {len(files)} files" in done.stderr
    # Stable: a second run gives the same output, byte for byte.
    again = run("check", "-v", "--format", "json", str(CORPUS), cwd=tmp_path)
    assert again.stdout == done.stdout


def counts_errors(counts: collections.Counter[str]) -> int:
    return sum(n for key, n in counts.items() if key.endswith(" error"))


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    for i in range(70):
        write(tmp_path, f"d{i % 3}/f{i:02d}.md", FAULTS["sources.md" if i % 2 else "bad_yaml.md"])
    one = run("check", "-v", ".", cwd=tmp_path)
    two = run("check", "-v", "--jobs", "2", ".", cwd=tmp_path)
    assert two.returncode == one.returncode == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert "checked 70 files" in two.stderr
    assert run("check", "--jobs", "-1", ".", cwd=tmp_path).returncode == 2


def test_residue_fails_strict_and_a_page_without_front_matter_is_an_article(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.md").write_text(
        "<!--\nARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nScore intégrité : 92%\n-->\n\n"
        "# L'IA en PME\n\nTexte (Source : Bpifrance).\n\n## Sources et références\n\n"
        "1. **Bpifrance** - Étude\n   - URL : https://www.bpifrance.fr/etude\n"
        "   - Fiabilité : 9/10\n",
        encoding="utf-8",
    )
    (docs / "page.md").write_text("# Une page\n\nTexte.\n", encoding="utf-8")
    done = run("check", "docs", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "checked 2 files (1 article)" in done.stderr
    (docs / "guide.md").write_text(
        "---\ntitle: Guide\ndate: 2025-07-29\nauthor: A\n---\n\n"
        "J'ai besoin que vous me communiquiez : les sources.\n\n[[PATTERN]]\n",
        encoding="utf-8",
    )
    done = run("check", "--strict", "docs", cwd=tmp_path)
    assert done.returncode == 1
    assert "docs/guide.md:7:1: warning PRZ801" in done.stdout
    assert "docs/guide.md:9:1: warning PRZ803" in done.stdout
    assert "checked 3 files (2 articles)" in done.stderr


def test_check_reports_the_trust_codes(tmp_path: Path) -> None:
    write(
        tmp_path,
        "docs/a.md",
        """
        ---
        title: "Un article"
        date: 2025-07-29
        ---

        Un chiffre isolé : 87 % hésitent.

        ## Sources et références

        1. **Futur** (Fiabilité : 3/10)
           - Article du 12/09/2025
           - https://www.example.org/futur
        """,
    )
    done = run("check", "-v", "docs", cwd=tmp_path)
    found = {line.split()[2]: line.split(":")[1] for line in done.stdout.splitlines()}
    assert found["PRZ351"] == "10"
    assert found["PRZ361"] == "8"
    assert found["PRZ362"] == "10"
    assert found["PRZ452"] == "8"
    assert found["PRZ453"] == "6"
    assert done.returncode == 0  # warnings fail only with --strict
    assert run("check", "--strict", "docs", cwd=tmp_path).returncode == 1
    write(
        tmp_path,
        "mkdocs.yml",
        "site_name: T\nplugins:\n  - prizm:\n      trust_figures: 'off'\n"
        "      reliability_floor_average: false\n",
    )
    done = run("check", "-v", "-f", "mkdocs.yml", cwd=tmp_path)
    assert "PRZ453" not in done.stdout
    assert "PRZ361" not in done.stdout
    assert "PRZ362" in done.stdout
