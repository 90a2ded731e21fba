"""Reading and checking one front matter value: the readers and finishers of the field table.

A *reader* checks one key's value: it returns the plain value, or an empty one when the key is
absent or the value wrong (reported, ``PRZ104``, with what was expected).  A *finisher* takes
the value a row of [`FIELDS`][mkdocs_prizm.core.frontmatter.fields.FIELDS] chose and makes it
plain: markup in a text themes print unescaped is reported (``PRZ105``) and removed, and
``page.meta`` gets a safe value; or it checks the value further (``PRZ107``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from typing import Any

from mkdocs_prizm.core.dates import parse_date_text
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.readtime import parse_declared

__all__ = [
    "Reader",
    "blog_note",
    "comma_texts",
    "count",
    "date",
    "flag",
    "minutes",
    "plain",
    "plain_items",
    "plain_names",
    "safe_text",
    "text",
    "texts",
]

RE_TAG = re.compile(r"<!--.*?(?:-->|$)|<[A-Za-z/!?][^>]*(?:>|$)", re.DOTALL)


def safe_text(value: str) -> tuple[str, bool]:
    """Make a front matter text safe to print unescaped.

    Tags and comments are removed (their inner text stays), entities are decoded first so an
    encoded tag is caught too, and the result is escaped for HTML text and attributes.

    Args:
        value: The text as written.

    Returns:
        The text and whether markup was found in it.
    """
    had_markup = False
    text = value
    if "&" in text:
        text = html.unescape(text)
    if "<" in text or ">" in text:
        stripped = RE_TAG.sub(" ", text)
        had_markup = stripped != text or "<" in stripped or ">" in stripped
        text = " ".join(stripped.replace("<", " ").replace(">", " ").split())
    return _escape(text), had_markup


def _escape(text: str) -> str:
    # Apostrophes stay: themes quote attributes with '"', and French titles are full of them.
    if "&" not in text and "<" not in text and ">" not in text and '"' not in text:
        return text
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


class Reader:
    """Reads one mapping, reporting each bad value at its key's line."""

    def __init__(
        self,
        meta: Mapping[str, Any],
        sink: ProblemSink,
        lines: Mapping[str, int],
        *,
        blog_compat: bool,
    ) -> None:
        self.meta = meta
        self.sink = sink
        self.lines = lines
        self.blog_compat = blog_compat
        #: Keys of ``page.meta`` to replace with a safe plain-text value.
        self.safe: dict[str, Any] = {}

    def warn(self, key: str, value: Any, expected: str) -> None:
        """Report a wrong value (``PRZ104``) at its key's line."""
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        self.sink.warning(
            "PRZ104",
            f"front matter field '{key}' has value {shown}; expected {expected}",
            self.lines.get(key, 1),
            1,
        )

    def markup(self, key: str, line: int) -> None:
        """Report markup in a text field (``PRZ105``)."""
        self.sink.warning(
            "PRZ105",
            f"front matter field '{key}' contains HTML markup; it is published as plain text",
            line,
            1,
        )

    def clean(self, key: str, value: str) -> str:
        """Plain text of a value themes print unescaped; ``page.meta`` gets the safe form."""
        text, markup = safe_text(value)
        if markup:
            self.markup(key, self.lines.get(key, 1))
        if text != value:
            self.safe[key] = text
        return html.unescape(text)


# --------------------------------------------------------------------------- readers


def text(r: Reader, key: str, expected: str) -> str:
    """A text (numbers and dates are reported and taken as text), stripped."""
    value = r.meta.get(key)
    if value is None:
        return ""
    if isinstance(value, bool | int | float | dt.date):
        r.warn(key, value, expected)
        value = str(value)
    if not isinstance(value, str):
        r.warn(key, value, expected)
        return ""
    return value.strip()


def date(r: Reader, key: str, expected: str) -> dt.date | None:
    """A date: a YAML date or datetime, or a text such as ``29/07/2025``."""
    value = r.meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = parse_date_text(value)
        if parsed.value is not None and not parsed.note:
            return parsed.value
    r.warn(key, value, expected)
    return None


def texts(r: Reader, key: str, expected: str, *, split_commas: bool = False) -> tuple[str, ...]:
    """A list of texts, or one text (split at commas with ``split_commas``)."""
    value = r.meta.get(key)
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items = value.split(",") if split_commas else [value]
        return tuple(s.strip() for s in items if s.strip())
    if isinstance(value, list | tuple):
        out: list[str] = []
        for item in value:
            if isinstance(item, str | int | float) and not isinstance(item, bool):
                if str(item).strip():
                    out.append(str(item).strip())
            else:
                r.warn(key, value, "a list of texts")
        return tuple(out)
    r.warn(key, value, expected)
    return ()


def comma_texts(r: Reader, key: str, expected: str) -> tuple[str, ...]:
    """A list of texts, or one text of comma-separated items (``tags: a, b``)."""
    return texts(r, key, expected, split_commas=True)


def flag(r: Reader, key: str, expected: str) -> bool:
    """``true`` or ``false``; false when absent."""
    value = r.meta.get(key, False)
    if isinstance(value, bool):
        return value
    if value is not None:
        r.warn(key, value, expected)
    return False


def minutes(r: Reader, key: str, expected: str) -> str | None:
    """A reading time as written (``"3 min"``); reported when it gives no minutes."""
    value = r.meta.get(key)
    if value is None or value == "":
        return None
    if parse_declared(value) is None:
        r.warn(key, value, expected)
    return str(value).strip()


def count(r: Reader, key: str, expected: str) -> int | None:
    """A count (``sources: 3``); a list or mapping is another plugin's data, left alone."""
    value = r.meta.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if not isinstance(value, list | dict):  # a list of sources is another plugin's data
        r.warn(key, value, expected)
    return None


# --------------------------------------------------------------------------- finishers


def plain(r: Reader, keys: tuple[str, ...], value: str) -> str:
    """A text themes print unescaped, made plain (``PRZ105``; safe ``page.meta`` value)."""
    return r.clean(keys[0], value)


def plain_items(r: Reader, keys: tuple[str, ...], value: tuple[str, ...]) -> tuple[str, ...]:
    """Each text of a list made plain, silently."""
    return tuple(html.unescape(safe_text(item)[0]) for item in value)


def plain_names(r: Reader, keys: tuple[str, ...], value: tuple[str, ...]) -> tuple[str, ...]:
    """Author names made plain; ``author``, which themes print unescaped, made safe."""
    author = r.meta.get("author")
    if isinstance(author, str):
        r.clean("author", author)
    elif isinstance(author, list):
        cleaned = [safe_text(a)[0] if isinstance(a, str) else a for a in author]
        if cleaned != author:
            r.safe["author"] = cleaned
    if any(safe_text(name)[1] for name in value):
        r.markup("author", r.lines.get("author", r.lines.get("authors", 1)))
    return plain_items(r, keys, value)


def blog_note(r: Reader, keys: tuple[str, ...], value: dt.date | None) -> dt.date | None:
    """Note (``PRZ107``) a publication date Material's blog plugin would reject."""
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
