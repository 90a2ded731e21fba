from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap

import pytest

from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.frontmatter import (
    FIELDS,
    FrontMatterFields,
    locate_front_matter,
    normalise,
    safe_text,
    split_front_matter,
)
from mkdocs_prizm.core.frontmatter.readers import Reader
from mkdocs_prizm.core.problems import ProblemSink


def split(source: str) -> tuple[object, ProblemSink]:
    sink = ProblemSink("a.md")
    return split_front_matter(textwrap.dedent(source).lstrip("\n"), sink), sink


def test_valid_block() -> None:
    fm, sink = split(
        """
        ---
        title: "T"
        date: "2025-07-29"
        ---

        Body
        """
    )
    assert fm.meta == {"title": "T", "date": "2025-07-29"}  # type: ignore[attr-defined]
    assert fm.body == "Body\n"  # type: ignore[attr-defined]
    assert fm.body_line == 6  # type: ignore[attr-defined]
    assert fm.field_lines == {"title": 2, "date": 3}  # type: ignore[attr-defined]
    assert not sink.items


def test_bom_and_crlf() -> None:
    fm, sink = split("\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n")
    assert fm.meta == {"title": "T"}  # type: ignore[attr-defined]
    assert fm.body == "Body\n"  # type: ignore[attr-defined]
    assert not sink.items


def test_invalid_yaml_reports_line_and_column() -> None:
    fm, sink = split(
        """
        ---
        title: "T"
        description: a: b: c
        ---
        Body
        """
    )
    (problem,) = sink.items
    assert problem.code == "PRZ101"
    assert problem.severity.value == "error"
    assert problem.line == 3
    assert problem.column > 1
    assert fm.body == "Body\n"  # type: ignore[attr-defined]
    assert fm.meta == {}  # type: ignore[attr-defined]


def test_not_a_mapping() -> None:
    _, sink = split("---\n- a\n- b\n---\nBody\n")
    assert [p.code for p in sink.items] == ["PRZ102"]


def test_second_block_merged_and_hidden() -> None:
    fm, sink = split(
        """
        ---
        title: "First"
        description: ""
        ---

        ---
        title: "Second"
        description: "Filled"
        readingTime: "7 min"
        ---

        ## Body
        """
    )
    assert fm.meta["title"] == "First"  # type: ignore[attr-defined]
    assert fm.meta["description"] == "Filled"  # type: ignore[attr-defined]
    assert fm.meta["readingTime"] == "7 min"  # type: ignore[attr-defined]
    assert "Second" not in fm.body  # type: ignore[attr-defined]
    assert fm.body.strip() == "## Body"  # type: ignore[attr-defined]
    # line numbers after the removed block are unchanged
    assert fm.body.split("\n").index("## Body") + fm.body_line == 12  # type: ignore[attr-defined]
    assert [p.code for p in sink.items] == ["PRZ103"]
    assert sink.items[0].line == 6


def test_thematic_break_is_not_a_second_block() -> None:
    fm, sink = split("---\ntitle: T\n---\n---\nJust text\n---\n")
    assert "Just text" in fm.body  # type: ignore[attr-defined]
    assert not sink.items


@pytest.mark.parametrize(
    ("meta", "field", "expected"),
    [
        ({"date": "2025-07-29"}, "date", dt.date(2025, 7, 29)),
        ({"date": dt.date(2025, 7, 29)}, "date", dt.date(2025, 7, 29)),
        ({"pubDate": dt.datetime(2025, 7, 29, 10, 0)}, "date", dt.date(2025, 7, 29)),
        ({"pubDate": "29/07/2025"}, "date", dt.date(2025, 7, 29)),
        ({"pubDate": "Jul 08 2022"}, "date", dt.date(2022, 7, 8)),
        ({"updatedDate": "2025-08-01"}, "updated", dt.date(2025, 8, 1)),
        ({"author": "Prizm AI"}, "authors", ("Prizm AI",)),
        ({"author": ["A", "B"]}, "authors", ("A", "B")),
        ({"authors": ["A"]}, "authors", ("A",)),
        ({"category": "analyses"}, "categories", ("analyses",)),
        ({"categories": ["Édito", "Vision"]}, "categories", ("Édito", "Vision")),
        ({"imageUrl": "/i.jpg"}, "image", "/i.jpg"),
        ({"heroImage": "/h.png"}, "image", "/h.png"),
        ({"readingTime": "3 min"}, "reading_minutes", 3),
        ({"readingTime": 3}, "reading_minutes", 3),
        ({"readingTime": "3 minutes"}, "reading_minutes", 3),
        ({"sources": 3}, "declared_sources", 3),
        ({"description": ""}, "description", ""),
        ({"featured": True}, "featured", True),
        ({"emoji": "🚀"}, "emoji", "🚀"),
    ],
)
def test_aliases(meta: dict[str, object], field: str, expected: object) -> None:
    sink = ProblemSink("a.md")
    assert field_value(normalise(meta, sink), field) == expected
    assert not sink.items


def field_value(fields: FrontMatterFields, name: str) -> object:
    """An Article keyword argument, or a declared value (authors, reading time...)."""
    article: dict[str, object] = dict(fields.article)
    return article[name] if name in article else getattr(fields, name)


def test_every_row_of_the_table_fills_an_article_field() -> None:
    article_fields = {f.name for f in dataclasses.fields(Article)}
    rows = [rule.article_field for rule in FIELDS]
    assert len(rows) == len(set(rows))
    assert set(rows) <= article_fields
    filled = normalise({}, ProblemSink("a.md")).article
    Article(**filled)  # the keyword arguments fit


def test_a_field_none_of_whose_keys_is_given_is_what_reading_an_absent_key_gives() -> None:
    sink = ProblemSink("a.md")
    reader = Reader({}, sink, {}, blog_compat=True, today=dt.date(2025, 7, 29))
    fields = normalise({"other": "x"}, sink, blog_compat=True)
    for rule in FIELDS:
        value = rule.read(reader, rule.keys[-1], rule.expected)
        if rule.finish is not None:
            value = rule.finish(reader, rule.keys, value)
        expected = field_value(fields, rule.article_field)
        assert (value, type(value)) == (expected, type(expected)), rule.article_field
    assert not sink.items
    assert not reader.safe
    assert not fields.safe_meta


@pytest.mark.parametrize(
    ("meta", "code"),
    [
        ({"readingTime": "huit"}, "PRZ104"),
        ({"date": "not a date"}, "PRZ104"),
        ({"featured": "maybe"}, "PRZ104"),
        ({"sources": "three"}, "PRZ104"),
        ({"title": "<script>alert(1)</script>Hi"}, "PRZ105"),
        ({"date": "2025-07-29", "pubDate": "2025-07-30"}, "PRZ106"),
    ],
)
def test_faults_are_warnings(meta: dict[str, object], code: str) -> None:
    sink = ProblemSink("a.md")
    normalise(meta, sink, dict.fromkeys(meta, 2))
    assert [p.code for p in sink.items] == [code]
    assert sink.items[0].severity.value == "warning"
    assert sink.items[0].line == 2


@pytest.mark.parametrize(
    ("value", "expected", "markup"),
    [
        ("Plain title", "Plain title", False),
        ("L'IA", "L'IA", False),
        ('Le plan "Osez"', "Le plan &quot;Osez&quot;", False),
        ("<script>alert(1)</script>Hi", "alert(1) Hi", True),
        ("&lt;img src=x onerror=alert(1)&gt;", "", True),
        ("</title><script>x</script>", "x", True),
        ("a <b>bold</b> move", "a bold move", True),
        ("R&D", "R&amp;D", False),
    ],
)
def test_safe_text(value: str, expected: str, markup: bool) -> None:
    assert safe_text(value) == (expected, markup)


def test_locate_agrees_with_split_second_block_included() -> None:
    source = (
        '---\ntitle: "Premier"\ndescription: ""\n---\n\n'
        '---\ndescription: "Second"\nreadingTime: "7 min"\n---\n\n## Corps\n'
    )
    located = locate_front_matter(source)
    split = split_front_matter(source, ProblemSink("a.md"))
    assert located.body_line == split.body_line == 6
    assert dict(located.field_lines) == dict(split.field_lines)
    assert located.field_lines["readingTime"] == 8
