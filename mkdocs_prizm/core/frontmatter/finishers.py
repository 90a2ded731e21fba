"""Finishers of the front matter field table: a chosen value made plain or checked further.

A finisher takes the value a row of [`FIELDS`][mkdocs_prizm.core.frontmatter.fields.FIELDS]
chose: markup in a text themes print unescaped is reported (``PRZ105``) and removed, and
``page.meta`` gets a safe value; a language is checked against the known ones; a date after the
build date or one Material's blog rejects is noted.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

from mkdocs_prizm.core.frontmatter.readers import Reader, safe_text, shown
from mkdocs_prizm.core.i18n import LABELS, is_known_language
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import RE_CONTROL

__all__ = [
    "blog_note",
    "known_language",
    "not_future",
    "one_line",
    "plain",
    "plain_items",
    "plain_names",
]


_ONE_DAY = dt.timedelta(days=1)


def plain(r: Reader, keys: tuple[str, ...], value: str) -> str:
    """A text themes print unescaped, made plain (``PRZ105``; safe ``page.meta`` value)."""
    return r.clean(keys[0], value)


def one_line(r: Reader, keys: tuple[str, ...], value: str) -> str:
    """A title: made plain, on one line (``PRZ115``)."""
    return r.clean(keys[0], value, one_line=True)


def plain_items(r: Reader, keys: tuple[str, ...], value: tuple[str, ...]) -> tuple[str, ...]:
    """Each text of a list made plain; control characters removed (``PRZ110``)."""
    if any(RE_CONTROL.search(item) for item in value):
        r.controls(next((k for k in keys if k in r.meta), keys[0]))
        value = tuple(" ".join(RE_CONTROL.sub("", item).split()) for item in value)
    return tuple(html.unescape(safe_text(item)[0]) for item in value)


def known_language(r: Reader, keys: tuple[str, ...], value: str) -> str:
    """A language the site can show; an unknown one is reported and left out (``PRZ112``)."""
    if not value or is_known_language(value):
        return value
    key = next((k for k in keys if k in r.meta), keys[0])
    r.sink.warning(
        "PRZ112",
        f"front matter field '{key}' names an unknown language {shown(value)}; expected a "
        f"language code such as {' or '.join(sorted(LABELS))} (labels exist for "
        f"{', '.join(sorted(LABELS))}; dates and numbers follow any CLDR language); "
        "the site's language is used",
        r.line(key),
        1,
    )
    return ""


def not_future(r: Reader, keys: tuple[str, ...], value: dt.date | None) -> dt.date | None:
    """A date more than a day after the build date is reported (``PRZ111``) and kept."""
    if value is None or r.today is None or value <= r.today + _ONE_DAY:
        return value
    key = next((k for k in keys if k in r.meta), keys[0])
    r.sink.warning(
        "PRZ111",
        f"front matter field '{key}' is {value.isoformat()}, after the build date "
        f"{r.today.isoformat()}; expected a date that has come (set SOURCE_DATE_EPOCH to "
        "build as of another day)",
        r.line(key),
        1,
    )
    return value


def plain_names(r: Reader, keys: tuple[str, ...], value: tuple[str, ...]) -> tuple[str, ...]:
    """Author names made plain; ``author``, which themes print unescaped, made safe."""
    author = r.meta.get("author")
    if isinstance(author, str):
        if RE_CONTROL.search(author):
            r.controls("author")
        r.clean("author", RE_CONTROL.sub("", author))
    elif isinstance(author, list):
        cleaned = [safe_text(RE_CONTROL.sub("", a))[0] if isinstance(a, str) else a for a in author]
        if cleaned != author:
            r.safe["author"] = cleaned
    safe = [safe_text(name) for name in value]
    if any(markup for _, markup in safe):
        r.markup("author", r.lines.get("author", r.lines.get("authors", 1)))
    if any(RE_CONTROL.search(name) for name in value):
        if not isinstance(author, str):  # a text 'author' was reported by clean()
            r.controls(next((k for k in keys if k in r.meta), keys[0]))
        safe = [safe_text(" ".join(RE_CONTROL.sub("", name).split())) for name in value]
    return tuple(html.unescape(text) for text, _ in safe)


def blog_note(r: Reader, keys: tuple[str, ...], value: dt.date | None) -> dt.date | None:
    """Note (``PRZ107``) a publication date Material's blog plugin would reject.

    A date in the future is reported (``PRZ111``).
    """
    value = not_future(r, keys, value)
    if r.blog_compat and value is not None:
        _blog_date(r.meta, value, r.sink, r.lines)
    return value


# Combiners: how the keys of a row give one value.


def _blog_date(
    meta: Mapping[str, Any], published: dt.date, sink: ProblemSink, lines: Mapping[str, int]
) -> None:
    """Note a date Material's blog plugin rejects: it reads ``date`` only, as a YAML date."""
    value = meta.get("date")
    if value is None:
        sink.info(
            "PRZ107",
            f"Material's blog plugin needs a 'date' field: add 'date: {published.isoformat()}'",
            lines.get("pubDate", 1),
            1,
        )
    elif isinstance(value, str):
        sink.info(
            "PRZ107",
            f"Material's blog plugin rejects the date {value!r} (a text, not a YAML date): "
            f"write it unquoted, 'date: {published.isoformat()}'",
            lines.get("date", 1),
            1,
        )
