"""Line-start matches found by the newline before each line."""

from __future__ import annotations

import re

import pytest

from mkdocs_prizm.core.markdown_scan import line_matches

KEY = re.compile(r"([a-z]+):")
HEADING = re.compile(r"^# +(.+)$", re.MULTILINE)


def starts(pattern: re.Pattern[str], text: str, *args: int) -> list[int]:
    return [match.start() for match in line_matches(pattern, text, *args)]


def test_every_line_start_and_only_them() -> None:
    text = "a: 1\nb: 2\n  c: 3\nx d: 4\ne:"
    assert [m.group(1) for m in line_matches(KEY, text)] == ["a", "b", "e"]
    assert starts(KEY, text) == [0, 5, len(text) - 2]


@pytest.mark.parametrize(
    ("pos", "endpos", "expected"),
    [
        (5, None, [5, 10]),  # pos at a line start: that line counts
        (6, None, [10]),  # pos inside a line: from the next one
        (0, 9, [0, 5]),  # a match must end by endpos
        (0, 6, [0]),
    ],
)
def test_bounds(pos: int, endpos: int | None, expected: list[int]) -> None:
    assert starts(KEY, "a: 1\nb: 2\nc: 3", pos, *(() if endpos is None else (endpos,))) == expected


def test_the_same_matches_as_a_multiline_search() -> None:
    text = "intro\n# One\ntext # not\n# Two #\n#no\n"
    assert [m.span() for m in line_matches(HEADING, text)] == [
        m.span() for m in HEADING.finditer(text)
    ]
