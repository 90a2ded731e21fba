from __future__ import annotations

from mkdocs_prizm.core.problems import CODES, ROUTINE_CODES, ProblemSink, Severity


def test_codes_are_documented_and_routine_codes_exist() -> None:
    assert set(CODES) >= ROUTINE_CODES
    assert all(code.startswith("PRZ") and len(code) == 6 for code in CODES)


def test_offset_is_asked_only_when_needed() -> None:
    asked: list[int] = []

    def offset() -> int:
        asked.append(1)
        return 10

    sink = ProblemSink("a.md", offset, defer=frozenset({"PRZ303"}))
    sink.add(Severity.INFO, "PRZ303", "routine", 3)
    assert not asked
    assert [p.line for p in sink.finish()] == [0]  # unknown, and no file read for it

    sink = ProblemSink("a.md", offset, defer=frozenset({"PRZ303"}))
    sink.add(Severity.INFO, "PRZ303", "routine", 3)
    sink.add(Severity.WARNING, "PRZ305", "unsafe", 5)
    assert asked == [1]
    assert [p.line for p in sink.finish()] == [13, 15]


def test_format() -> None:
    sink = ProblemSink("docs/a.md")
    sink.warning("PRZ305", "unsafe URL", 4, 2)
    assert sink.items[0].format() == "docs/a.md:4:2: warning PRZ305 unsafe URL"
