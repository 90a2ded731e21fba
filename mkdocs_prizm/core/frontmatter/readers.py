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
import reprlib
from collections.abc import Mapping
from typing import Any

from mkdocs_prizm.core.dates import parse_date_text
from mkdocs_prizm.core.frontmatter.keys import KeySource, key_source
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.readtime import parse_declared
from mkdocs_prizm.core.text import RE_CONTROL

__all__ = [
    "Reader",
    "comma_texts",
    "count",
    "date",
    "flag",
    "language",
    "minutes",
    "safe_text",
    "shown",
    "text",
    "texts",
]

#: Values a text field takes as text, reported (``PRZ104``): numbers, dates, flags.
_NOT_TEXTS = (bool, int, float, dt.date)

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
    """Reads one mapping, reporting each bad value at its key's line.

    Attributes:
        meta: The front matter.
        sink: Where problems go.
        lines: The line of each key.
        source: The keys as written in the file, when known (what YAML 1.1 changes).
        today: The build date, for dates in the future.
        blog_compat: Note dates Material's blog plugin rejects.
        safe: Keys of ``page.meta`` to replace with a safe plain-text value.
    """

    def __init__(
        self,
        meta: Mapping[str, Any],
        sink: ProblemSink,
        lines: Mapping[str, int],
        *,
        blog_compat: bool,
        today: dt.date | None = None,
    ) -> None:
        self.meta = meta
        self.sink = sink
        self.lines = lines
        self.source: KeySource | None = key_source(lines)
        self.today = today
        self.blog_compat = blog_compat
        self.safe: dict[str, Any] = {}

    def line(self, key: str) -> int:
        """The line of ``key`` (1 when unknown)."""
        return self.lines.get(key, 1)

    def written(self, key: str) -> str | None:
        """The text of ``key``'s value as written in the file (quotes and comment removed)."""
        raw = self.source.value_text(key) if self.source is not None else None
        if raw is None:
            return None
        raw = raw.split(" #", 1)[0].strip()
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
            raw = raw[1:-1]
        return raw

    def warn(self, key: str, value: Any, expected: str, code: str = "PRZ104") -> None:
        """Report a wrong value (``PRZ104``) at its key's line."""
        self.sink.warning(
            code,
            f"front matter field '{key}' has value {shown(value)}; expected {expected}",
            self.line(key),
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

    def controls(self, key: str) -> None:
        """Report control characters in a text field (``PRZ110``)."""
        self.sink.warning(
            "PRZ110",
            f"front matter field '{key}' contains control characters (such as ESC or NUL); "
            "they are removed: expected text without them",
            self.line(key),
            1,
        )

    def clean(self, key: str, value: str, *, one_line: bool = False) -> str:
        """Plain text of a value themes print unescaped; ``page.meta`` gets the safe form.

        ``value`` comes without control characters (the readers remove and report them,
        ``PRZ110``); with ``one_line``, line breaks are joined (reported, ``PRZ115``: a title
        on several lines).
        """
        given = self.meta.get(key, value)
        if one_line and "\n" in value.strip():
            self.sink.info(
                "PRZ115",
                f"front matter field '{key}' is written on several lines; they are joined into "
                "one (expected one line)",
                self.line(key),
                1,
            )
        if one_line or "\n" in value:
            value = " ".join(value.split())
        text, markup = safe_text(value)
        if markup:
            self.markup(key, self.line(key))
        if text != given:
            self.safe[key] = text
        return html.unescape(text)


def shown(value: Any) -> str:
    """A short ``repr`` of ``value``, bounded in time and length whatever its size."""
    text = _REPR.repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = 80
_REPR.maxother = 80
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 6


# --------------------------------------------------------------------------- readers


def text(r: Reader, key: str, expected: str) -> str:
    """A text (numbers and dates are reported and taken as text), stripped."""
    value = r.meta.get(key)
    if value is None:
        return ""
    if isinstance(value, _NOT_TEXTS):
        r.warn(key, value, expected)
        value = str(value)
    if not isinstance(value, str):
        r.warn(key, value, expected)
        return ""
    if RE_CONTROL.search(value):
        r.controls(key)
        value = RE_CONTROL.sub("", value)
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
        wrong: list[Any] = []
        for item in value:
            if isinstance(item, str | int | float) and not isinstance(item, bool):
                if str(item).strip():
                    out.append(str(item).strip())
            else:
                wrong.append(item)
        if wrong:  # once per field, however long the list (and whatever its items hold)
            r.warn(key, wrong[0], "a list of texts")
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


def minutes(r: Reader, key: str, expected: str) -> tuple[str, int | None] | None:
    """A reading time as written (``"3 min"``) and its minutes; reported when it gives none.

    YAML 1.1 reads ``12:30`` as the base-60 number 750: such a value is reported (``PRZ114``)
    and left out, when the file shows it was written so.
    """
    value = r.meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        written = r.written(key)
        if written is not None and ":" in written:
            r.sink.warning(
                "PRZ114",
                f"front matter field '{key}' is written {written}, which YAML reads as the "
                f"base-60 number {value}; expected a number of minutes such as '3 min' "
                "(quote it); the computed reading time is used",
                r.line(key),
                1,
            )
            return None
    declared = parse_declared(value)
    if declared is None:
        r.warn(key, value, expected)
    return str(value).strip(), declared


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


def language(r: Reader, key: str, expected: str) -> str:
    """A language code; ``NO`` (Norwegian), which YAML 1.1 reads as false, is taken back."""
    value = r.meta.get(key)
    if isinstance(value, bool):
        written = r.written(key)
        if written is None:
            written = "no" if value is False else "yes"
        if written.lower() == "no":
            r.sink.warning(
                "PRZ114",
                f"front matter field '{key}' is written {written}, which YAML reads as false; "
                f"expected a quoted language code ('{key}: \"no\"'); Norwegian is used",
                r.line(key),
                1,
            )
            return "no"
    return text(r, key, expected)
