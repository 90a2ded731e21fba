from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_prizm.core.dates import month_number, parse_date_text


@pytest.mark.parametrize(
    ("text", "raw", "value", "precision", "note"),
    [
        ("24/06/2025", "24/06/2025", dt.date(2025, 6, 24), "day", ""),
        ("  24/06/2025  ", "24/06/2025", dt.date(2025, 6, 24), "day", ""),
        ("**24/06/2025**", "24/06/2025", dt.date(2025, 6, 24), "day", ""),
        ("24.06.2025", "24.06.2025", dt.date(2025, 6, 24), "day", ""),
        ("06/24/2025", "06/24/2025", dt.date(2025, 6, 24), "day", ""),
        ("2025-06-24", "2025-06-24", dt.date(2025, 6, 24), "day", ""),
        ("2025-07-29T20:37:25.232Z", "2025-07-29T20:37:25.232Z", dt.date(2025, 7, 29), "day", ""),
        ("2025-07-29 20:37", "2025-07-29 20:37", dt.date(2025, 7, 29), "day", ""),
        ("2025-07-29T20:37:25+02:00", "2025-07-29T20:37:25+02:00", dt.date(2025, 7, 29), "day", ""),
        ("2025-06", "2025-06", dt.date(2025, 6, 1), "month", ""),
        ("06/2025", "06/2025", dt.date(2025, 6, 1), "month", ""),
        ("juin 2025", "juin 2025", dt.date(2025, 6, 1), "month", ""),
        ("Février 2024", "Février 2024", dt.date(2024, 2, 1), "month", ""),
        ("fevrier 2024", "fevrier 2024", dt.date(2024, 2, 1), "month", ""),
        ("AOÛT 2023", "AOÛT 2023", dt.date(2023, 8, 1), "month", ""),
        ("décembre 2022", "décembre 2022", dt.date(2022, 12, 1), "month", ""),
        ("June 2025", "June 2025", dt.date(2025, 6, 1), "month", ""),
        ("Sept. 2025", "Sept. 2025", dt.date(2025, 9, 1), "month", ""),
        ("24 juin 2025", "24 juin 2025", dt.date(2025, 6, 24), "day", ""),
        ("1er juillet 2025", "1er juillet 2025", dt.date(2025, 7, 1), "day", ""),
        ("mardi 24 juin 2025", "mardi 24 juin 2025", dt.date(2025, 6, 24), "day", ""),
        ("June 24, 2025", "June 24, 2025", dt.date(2025, 6, 24), "day", ""),
        ("Jul 08 2022", "Jul 08 2022", dt.date(2022, 7, 8), "day", ""),
        ("Tuesday, June 24, 2025", "Tuesday, June 24, 2025", dt.date(2025, 6, 24), "day", ""),
        ("2025", "2025", dt.date(2025, 1, 1), "year", ""),
        (
            "02/03/2023 (avec mise à jour avril 2024)",
            "02/03/2023",
            dt.date(2023, 3, 2),
            "day",
            "(avec mise à jour avril 2024)",
        ),
        (
            "24/04/2025 (modifié 09/06/2025)",
            "24/04/2025",
            dt.date(2025, 4, 24),
            "day",
            "(modifié 09/06/2025)",
        ),
        ("2024, mise à jour", "2024", dt.date(2024, 1, 1), "year", "mise à jour"),
        ("mars 2025.", "mars 2025", dt.date(2025, 3, 1), "month", ""),
    ],
)
def test_parse_date_text(text: str, raw: str, value: dt.date, precision: str, note: str) -> None:
    parsed = parse_date_text(text)
    assert parsed.raw == raw
    assert parsed.value == value
    assert parsed.precision == precision
    assert parsed.note == note


@pytest.mark.parametrize(
    "text",
    ["bientôt", "31/02/2025", "2025-13-01", "2025abc", "24/06/20256", "Lundi", "juin", "0000"],
)
def test_unparseable_dates_are_kept_raw(text: str) -> None:
    parsed = parse_date_text(text)
    assert parsed.value is None
    assert parsed.precision == ""
    assert parsed.raw == text.strip()
    assert parsed.iso == ""


def test_empty_date() -> None:
    assert parse_date_text("   ").raw == ""
    assert parse_date_text("").value is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [("24/06/2025", "2025-06-24"), ("juin 2025", "2025-06"), ("2025", "2025")],
)
def test_iso_follows_precision(text: str, iso: str) -> None:
    assert parse_date_text(text).iso == iso


@pytest.mark.parametrize(
    ("word", "number"),
    [("juin", 6), ("Juil.", 7), ("AOUT", 8), ("août", 8), ("Dec", 12), ("may", 5), ("blah", None)],
)
def test_month_number(word: str, number: int | None) -> None:
    assert month_number(word) == number


def test_hostile_date_text_is_fast() -> None:
    assert parse_date_text("1 " * 50_000).value is None
    assert parse_date_text("juin " * 50_000 + "2025").value is None
