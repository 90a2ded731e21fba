"""Dates as authors write them: ``24/06/2025``, ``2025-06-24``, ``juin 2025``, ``Jul 08 2022``.

[`parse_date_text`][mkdocs_prizm.core.dates.parse_date_text] reads the date at the start of a
text and keeps whatever follows it as a note (``"02/03/2023 (avec mise à jour avril 2024)"``).
It never raises: text it cannot read comes back unparsed with ``value=None``.  Every pattern is
anchored and free of nested quantifiers, so parsing is linear in the text's length.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from mkdocs_prizm.core.article import SourceDate
from mkdocs_prizm.core.text import fold

__all__ = ["MONTHS", "build_date", "month_number", "parse_date_text"]

#: Month names and abbreviations (French and English, lower case, without accents).
MONTHS: dict[str, int] = {
    # French
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    # English
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)

#: A leading weekday (``mardi 24 juin 2025``, ``Tuesday, June 24, 2025``), skipped.
RE_WEEKDAY = re.compile(rf"(?:{_WEEKDAYS})\.?,?[ \t]+", re.IGNORECASE)
#: ``2025-06-24``, optionally followed by an ISO time (``T20:37:25.232Z``).
RE_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
#: ``24/06/2025``, ``24.06.2025``, ``24-06-2025`` (day first; month first when unambiguous).
RE_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
#: ``2025-06`` or ``2025/06``.
RE_YM = re.compile(r"(\d{4})[-/](\d{1,2})(?![\d/-])")
#: ``06/2025``.
RE_MY = re.compile(r"(\d{1,2})[/.-](\d{4})")
#: ``24 juin 2025``, ``1er juin 2025``, ``24 June, 2025``.
RE_D_MONTH_Y = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?[ \t]+([^\W\d_]+)\.?,?[ \t]+(\d{4})")
#: ``June 24, 2025``, ``Jul 08 2022``.
RE_MONTH_D_Y = re.compile(r"([^\W\d_]+)\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})")
#: ``juin 2025``, ``June 2025``.
RE_MONTH_Y = re.compile(r"([^\W\d_]+)\.?,?[ \t]+(\d{4})")
#: ``2025``.
RE_YEAR = re.compile(r"(\d{4})")

_NOTE_SEPARATORS = " \t,;:.-–—"
_EMPHASIS = "*_`"


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """The day of the build: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today.

    Both are taken in UTC, so a build gives the same answer on every machine.

    Args:
        environ: Where to read ``SOURCE_DATE_EPOCH`` (default: the process environment).
    """
    raw = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            pass
    return dt.datetime.now(tz=dt.timezone.utc).date()


def month_number(word: str) -> int | None:
    """Return the month number of a French or English month name or abbreviation.

    Args:
        word: ``"juin"``, ``"Février"``, ``"fevrier"``, ``"Jul."``, ``"September"``...

    Returns:
        1..12, or ``None`` if ``word`` is not a month.
    """
    return MONTHS.get(fold(word).rstrip("."))


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _note(rest: str) -> str | None:
    """Turn what follows the date into a note; ``None`` if the date was not really complete."""
    # "2025abc", "24/06/20256", "2025.5": the date continues; not a date we understand.
    if rest and (rest[0].isalnum() or rest[0] == "/" or (rest[0] == "." and rest[1:2].isdigit())):
        return None
    # Kept as written, brackets included: "7 mai 2024 (mise à jour mai 2025)".
    return rest.strip().lstrip(_NOTE_SEPARATORS).strip()


def _match(text: str) -> tuple[int, dt.date, str] | None:
    """Try every pattern at the start of ``text``; return (end, date, precision)."""
    m = RE_ISO.match(text)
    if m:
        value = _make(int(m[1]), int(m[2]), int(m[3]))
        return (m.end(), value, "day") if value else None
    m = RE_DMY.match(text)
    if m:
        first, second, year = int(m[1]), int(m[3]), int(m[4])
        value = _make(year, second, first) or _make(year, first, second)
        return (m.end(), value, "day") if value else None
    m = RE_YM.match(text)
    if m:
        value = _make(int(m[1]), int(m[2]), 1)
        return (m.end(), value, "month") if value else None
    m = RE_MY.match(text)
    if m:
        value = _make(int(m[2]), int(m[1]), 1)
        return (m.end(), value, "month") if value else None
    m = RE_D_MONTH_Y.match(text)
    if m:
        month = month_number(m[2])
        value = _make(int(m[3]), month, int(m[1])) if month else None
        if value:
            return m.end(), value, "day"
    m = RE_MONTH_D_Y.match(text)
    if m:
        month = month_number(m[1])
        value = _make(int(m[3]), month, int(m[2])) if month else None
        if value:
            return m.end(), value, "day"
    m = RE_MONTH_Y.match(text)
    if m:
        month = month_number(m[1])
        value = _make(int(m[2]), month, 1) if month else None
        if value:
            return m.end(), value, "month"
    m = RE_YEAR.match(text)
    if m:
        value = _make(int(m[1]), 1, 1)
        if value:
            return m.end(), value, "year"
    return None


def parse_date_text(text: str) -> SourceDate:
    """Parse the date at the start of ``text`` and keep what follows as a note.

    Understood forms: ``24/06/2025`` (day first; ``06/24/2025`` is read month first because
    24 cannot be a month), ``2025-06-24`` and ISO datetimes (``2025-07-29T20:37:25.232Z``, date
    part only), ``2025-06``, ``06/2025``, ``24 juin 2025``, ``1er juin 2025``, ``juin 2025``,
    ``June 2025``, ``June 24, 2025``, ``Jul 08 2022``, ``2025``.  Month names are French or
    English, full or abbreviated, with or without accents, in any case.  A leading weekday is
    skipped.  Emphasis markers around the text are ignored.

    Args:
        text: The date text, possibly followed by a note (``"(modifié 09/06/2025)"``).

    Returns:
        A [`SourceDate`][mkdocs_prizm.core.article.SourceDate].  ``raw`` holds the date as
        written without the note; when nothing could be read, ``value`` is ``None``,
        ``precision`` is empty and ``raw`` is the whole (stripped) text.
    """
    stripped = text.strip().strip(_EMPHASIS).strip()
    if not stripped:
        return SourceDate(raw="")
    start = 0
    weekday = RE_WEEKDAY.match(stripped)
    if weekday and stripped[weekday.end() : weekday.end() + 1].isdigit():
        start = weekday.end()
    elif weekday:
        # "Tuesday, June 24": only skip the weekday if a date follows.
        following = _match(stripped[weekday.end() :])
        if following:
            start = weekday.end()
    found = _match(stripped[start:])
    if found is None:
        return SourceDate(raw=stripped)
    end, value, precision = found
    end += start
    note = _note(stripped[end:])
    if note is None:
        return SourceDate(raw=stripped)
    return SourceDate(
        raw=stripped[:end].strip(), value=value, precision=precision, note=note.strip(_EMPHASIS)
    )
