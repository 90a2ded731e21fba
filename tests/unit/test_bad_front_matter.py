"""Bad front matter values: reported with file, line and column, never a traceback."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from mkdocs_prizm.core.authors import parse_authors
from mkdocs_prizm.core.dates import build_date
from mkdocs_prizm.core.frontmatter import (
    FrontMatter,
    locate_front_matter,
    normalise,
    split_front_matter,
    take_second_block,
)
from mkdocs_prizm.core.frontmatter.loader import ALIAS_LIMIT, Refused, load_mapping
from mkdocs_prizm.core.i18n import is_known_language
from mkdocs_prizm.core.pipeline import analyse
from mkdocs_prizm.core.problems import CODES, ProblemSink

HEAD = "---\ntitle: Essai\nauthor: Prizm AI\n"


def page(line: str, body: str = "Le texte.\n") -> str:
    """An article whose fourth line is ``line``."""
    return f"{HEAD}{line}\nreadingTime: 1 min\n---\n\n{body}"


# ------------------------------------------------------------------ values YAML cannot build


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("date: 2025-02-30", 7, "a real date"),
        ("date: 2025-13-01", 7, "a real date"),
        ("date: 2025-06-24 25:00:00", 7, "a real date"),
        ("date: 2025-06-24 10:00:00 +99:00", 7, "a real date"),
        ("date: !!timestamp nope", 7, "a real date"),
        ("sources: !!int abc", 10, "a whole number"),
        ("featured: !!bool maybe", 11, "true or false"),
        ("score: !!float abc", 8, "a number"),
        ("data: !!binary abc", 7, "base64"),
        ("other: !custom value", 8, "without the tag '!custom'"),
        ("tags: [a, !!int b, c]", 11, "a whole number"),
    ],
)
def test_a_value_yaml_cannot_build_is_left_out(line: str, column: int, expected: str) -> None:
    processed = analyse(page(line), "a.md")
    faults = [p for p in processed.problems if p.code == "PRZ108"]
    assert len(faults) == 1, processed.problems
    fault = faults[0]
    assert (fault.line, fault.column, fault.severity.value) == (4, column, "warning")
    assert expected in fault.message
    assert fault.file == "a.md"
    # The rest of the block is used.
    assert processed.article.title == "Essai"
    assert processed.meta["readingTime"] == "1 min"
    assert processed.body == "Le texte.\n"


def test_a_bad_list_item_is_left_out_alone() -> None:
    processed = analyse(page("tags: [a, !!int b, c]"), "a.md")
    assert processed.meta["tags"] == ["a", "c"]
    assert "tags[1]" in next(p.message for p in processed.problems if p.code == "PRZ108")


def test_an_aliased_bad_value_is_reported_once() -> None:
    processed = analyse(page("x: &bad !!int abc\ny: *bad"), "a.md")
    assert [p.code for p in processed.problems].count("PRZ108") == 1
    assert "x" not in processed.meta
    assert "y" not in processed.meta


def test_bad_values_in_a_second_block_are_reported() -> None:
    source = "---\ntitle: T\n---\n\n---\nauthor: A\ndate: 2025-02-30\n---\n\nTexte.\n"
    processed = analyse(source, "a.md")
    codes = {(p.code, p.line) for p in processed.problems}
    assert ("PRZ103", 5) in codes
    assert ("PRZ108", 7) in codes


def test_second_block_value_lines_through_an_offset_sink() -> None:
    sink = ProblemSink("a.md", line_offset=10)
    fm = take_second_block(FrontMatter({}, "---\ntitle: T\nn: !!int x\n---\nB\n", 1), sink)
    assert fm.meta == {"title": "T"}
    assert ("PRZ108", 13) in {(p.code, p.line) for p in sink.items}


# --------------------------------------------------------------------------- denial of service


def bomb(levels: int = 9) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for k in range(1, levels):
        name, before = chr(ord("a") + k), chr(ord("a") + k - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    last = chr(ord("a") + levels - 1)
    lines.append("tags: [" + ", ".join([f"*{last}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once() -> None:
    source = f"{HEAD}{bomb()}---\n\nTexte.\n"
    assert len(source) < 500
    start = time.perf_counter()
    processed = analyse(source, "a.md")
    assert time.perf_counter() - start < 1
    refused = [p for p in processed.problems if p.code == "PRZ113"]
    assert len(refused) == 1
    assert refused[0].severity.value == "error"
    assert processed.body == "Texte.\n"


def test_a_recursive_alias_is_refused() -> None:
    with pytest.raises(Refused):
        load_mapping("a: &a [1, *a]\n")
    processed = analyse("---\na: &a [1, *a]\n---\nTexte.\n", "a.md")
    assert [p.code for p in processed.problems] == ["PRZ113"]


def test_small_aliases_are_fine() -> None:
    text = "base: &b {name: x}\n" + "".join(f"k{i}: *b\n" for i in range(ALIAS_LIMIT // 4))
    loaded = load_mapping(text)
    assert loaded.data["k0"] == {"name": "x"}


def test_a_bomb_handed_over_by_mkdocs_costs_little() -> None:
    # MkDocs' YAML builds the bomb as shared lists; reading it must not expand it.
    meta = yaml.safe_load(bomb())
    meta.update({"title": "T", "author": "A", "date": dt.date(2025, 1, 1)})
    start = time.perf_counter()
    sink = ProblemSink("a.md")
    normalise(meta, sink)
    assert time.perf_counter() - start < 1
    assert [p.code for p in sink.items] == ["PRZ113"]


def test_deep_nesting_is_a_problem() -> None:
    deep = "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nTexte.\n"
    processed = analyse(deep, "a.md")
    assert [p.code for p in processed.problems] == ["PRZ101"]
    assert processed.problems[0].line == 2


# --------------------------------------------------------------------------- silently wrong values


def codes(source: str, path: str = "a.md") -> list[tuple[str, int, str]]:
    return [(p.code, p.line, p.severity.value) for p in analyse(source, path).problems]


def test_duplicate_keys() -> None:
    processed = analyse(page("title: Autre"), "a.md")
    assert [(p.code, p.line, p.column) for p in processed.problems] == [("PRZ109", 4, 1)]
    assert "line 2" in processed.problems[0].message
    assert processed.article.title == "Autre"  # YAML's rule, as MkDocs reads it


def test_duplicate_keys_found_without_yaml() -> None:
    located = locate_front_matter(f"{HEAD}title: Autre\n---\nTexte.\n")
    twice = located.field_lines.duplicate_keys()  # type: ignore[attr-defined]
    assert [(d.key, d.line, d.first_line) for d in twice] == [("title", 4, 2)]
    meta = {"title": "Autre", "author": "Prizm AI"}
    sink = ProblemSink("a.md")
    normalise(meta, sink, located.field_lines)
    assert [(p.code, p.line) for p in sink.items] == [("PRZ109", 4)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("|\n  Un titre\n  sur deux lignes", "Un titre sur deux lignes"),
        ('"Un titre\\nsur deux"', "Un titre sur deux"),
    ],
)
def test_a_title_on_several_lines_is_joined(title: str, expected: str) -> None:
    processed = analyse(f"---\ntitle: {title}\nauthor: A\ndate: 2025-01-01\n---\nT\n", "a.md")
    assert processed.article.title == expected
    assert processed.meta_updates["title"] == expected
    assert [(p.code, p.line) for p in processed.problems] == [("PRZ115", 2)]


def test_sexagesimal_reading_time() -> None:
    processed = analyse(page("x: 1").replace("readingTime: 1 min", "readingTime: 12:30"))
    assert ("PRZ114", 5, "warning") in [
        (p.code, p.line, p.severity.value) for p in processed.problems
    ]
    assert processed.article.reading_time.declared_minutes is None
    assert processed.article.reading_time.minutes == 1


def test_a_reading_time_of_750_written_so_is_left_alone() -> None:
    processed = analyse(page("x: 1").replace("readingTime: 1 min", "readingTime: 750"))
    assert "PRZ114" not in [p.code for p in processed.problems]


@pytest.mark.parametrize("written", ["NO", "no", "No"])
def test_norwegian_is_not_false(written: str) -> None:
    processed = analyse(page(f"lang: {written}"), "a.md")
    assert processed.article.language == "no"
    assert [(p.code, p.line) for p in processed.problems] == [("PRZ114", 4)]


def test_norwegian_from_mkdocs_meta_without_the_file() -> None:
    sink = ProblemSink("a.md")
    fields = normalise({"lang": False}, sink, {"lang": 3})
    assert fields.language == "no"
    assert [(p.code, p.line) for p in sink.items] == [("PRZ114", 3)]


@pytest.mark.parametrize("language", ["xx", "français", "zz-ZZ"])
def test_unknown_language(language: str) -> None:
    processed = analyse(page(f"lang: {language}"), "a.md", {"language": "fr"})
    problem = next(p for p in processed.problems if p.code == "PRZ112")
    assert (problem.line, problem.severity.value) == (4, "warning")
    assert "en, fr" in problem.message
    assert processed.article.language == "fr"


@pytest.mark.parametrize("language", ["fr", "en", "fr_FR", "de", "pt-BR", "no"])
def test_known_languages(language: str) -> None:
    assert is_known_language(language)
    assert "PRZ112" not in [p.code for p in analyse(page(f"lang: {language}")).problems]


def test_future_date_relative_to_the_build_date() -> None:
    sink = ProblemSink("a.md")
    meta = {"date": dt.date(2025, 7, 30), "updatedDate": dt.date(2025, 8, 2)}
    normalise(meta, sink, {"date": 3, "updatedDate": 4}, today=dt.date(2025, 7, 29))
    assert [(p.code, p.line) for p in sink.items] == [("PRZ111", 4)]  # a day of slack
    sink = ProblemSink("a.md")
    normalise({"date": dt.date(2025, 8, 1)}, sink, {"date": 3}, today=dt.date(2025, 7, 29))
    assert [(p.code, p.line, p.severity.value) for p in sink.items] == [("PRZ111", 3, "warning")]


def test_build_date_follows_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)
    assert build_date({"SOURCE_DATE_EPOCH": "1753747200"}) == dt.date(2025, 7, 29)
    today = dt.datetime.now(tz=dt.timezone.utc).date()
    assert build_date({"SOURCE_DATE_EPOCH": "nope"}) in {today, today + dt.timedelta(days=1)}
    assert build_date({"SOURCE_DATE_EPOCH": "9" * 40}) in {today, today + dt.timedelta(days=1)}


def test_far_future_date_in_a_page() -> None:
    assert ("PRZ111", 4, "warning") in codes(page("date: 2999-01-01"))


# --------------------------------------------------------------------------- control characters


@pytest.mark.parametrize(
    ("line", "body", "expected"),
    [
        ('emoji: "Un \\e[31mtitre"', "Texte.\n", [("PRZ110", 4)]),
        ('title: "Un \\e[31mtitre"', "Texte.\n", [("PRZ110", 2)]),
        ('description: "a\\0b"', "Texte.\n", [("PRZ110", 4)]),
        ("x: 1", "Un \x1b[31mmot\x00.\n", [("PRZ110", 8)]),
        ("x: 1", "a\x07\nb\x85\nc\x7f\n", [("PRZ110", 8), ("PRZ110", 9), ("PRZ110", 10)]),
        ('tags: ["a\\eb"]', "Texte.\n", [("PRZ110", 4)]),
    ],
)
def test_control_characters_are_removed(
    line: str, body: str, expected: list[tuple[str, int]]
) -> None:
    source = page(line, body)
    if line.startswith("title"):
        source = source.replace("title: Essai\n", f"{line}\n").replace(line, "x: 1", 2)
        source = source.replace("x: 1", line, 1)
    processed = analyse(source, "a.md")
    found = [(p.code, p.line) for p in processed.problems if p.code == "PRZ110"]
    assert found == expected
    assert all(p.severity.value == "warning" for p in processed.problems)
    article = processed.article
    texts = (processed.body, article.title, article.description, article.emoji, *article.tags)
    for text in (*texts, *(v for v in processed.meta_updates.values() if isinstance(v, str))):
        assert not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_control_characters_in_the_front_matter_block_itself() -> None:
    processed = analyse("---\ntitle: Un\x00 titre\nauthor: A\ndate: 2025-01-01\n---\nT\n")
    assert [(p.code, p.line, p.column) for p in processed.problems] == [("PRZ110", 2, 10)]
    assert processed.article.title == "Un titre"


def test_many_lines_of_control_characters_are_summed_up() -> None:
    processed = analyse(page("x: 1", "\x00\n" * 100), "a.md")
    found = [p for p in processed.problems if p.code == "PRZ110"]
    assert len(found) == 6
    assert "95 more" in found[-1].message


def test_controls_in_the_body_mkdocs_hands_over() -> None:
    sink = ProblemSink("a.md", line_offset=5)
    fm = take_second_block(FrontMatter({"title": "T"}, "Un\nde\x1bux\n", 1), sink)
    assert fm.body == "Un\ndeux\n"
    assert [(p.code, p.line, p.column) for p in sink.items] == [("PRZ110", 7, 3)]


# --------------------------------------------------------------------------- authors file


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("authors:\n  a:\n    name: A\n    since: 2025-02-30\n", 4, 12),
        ("authors:\n  a:\n    name: !!int abc\n", 3, 11),
        ("authors:\n  a:\n    name: A\n  a:\n    name: B\n", 4, 3),
        ("authors:\n  a:\n    name: A\n    joined: !!timestamp nope\n", 4, 13),
    ],
)
def test_authors_file_faults(text: str, line: int, column: int) -> None:
    sink = ProblemSink(".authors.yml")
    authors = parse_authors(text, sink)
    assert "a" in authors
    assert [(p.code, p.line, p.column) for p in sink.items] == [("PRZ602", line, column)]


def test_authors_file_bomb() -> None:
    sink = ProblemSink(".authors.yml")
    assert parse_authors(bomb() + "authors:\n  a:\n    name: *i\n", sink) == {}
    assert [p.code for p in sink.items] == ["PRZ602"]
    assert "refused" in sink.items[0].message


def test_every_new_code_is_documented() -> None:
    for code in ("PRZ108", "PRZ109", "PRZ110", "PRZ111", "PRZ112", "PRZ113", "PRZ114"):
        assert code in CODES


def test_split_keeps_line_of_keys_linear() -> None:
    source = "---\n" + "".join(f"k{i}: v\n" for i in range(20000)) + "---\nT\n"
    fm = split_front_matter(source, ProblemSink("a.md"))
    assert fm.field_lines["k19999"] == 20001


# --------------------------------------------------------------------------- the CLI


def test_check_reports_each_bad_file_and_moves_on(tmp_path: Path) -> None:
    bad = {
        "a_feb30.md": page("date: 2025-02-30"),
        "b_bool.md": page("featured: !!bool maybe"),
        "c_bomb.md": f"{HEAD}{bomb()}---\n\nTexte.\n",
        "d_offset.md": page("date: 2025-06-24 10:00:00 +99:00"),
        "e_ok.md": page("date: 2025-01-01"),
    }
    for name, text in bad.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_prizm", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output
    assert "a_feb30.md:4:7: warning PRZ108" in output
    assert "b_bool.md:4:11: warning PRZ108" in output
    assert "c_bomb.md:2:1: error PRZ113" in output
    assert "d_offset.md:4:7: warning PRZ108" in output
    assert done.returncode == 1
