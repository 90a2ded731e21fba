"""Front matter values read into [`Article`][mkdocs_prizm.core.article.Article] fields.

One table, [`FIELDS`][mkdocs_prizm.core.frontmatter.fields.FIELDS], says for each field the front
matter keys it is read from (the aliases Prizm's pipeline writes: ``date``/``pubDate``,
``category``/``categories``, ``image``/``imageUrl``/``heroImage``...), how a value is checked
and made plain, and what is expected when it is wrong.  Faults name the place: a wrong value
is reported (``PRZ104``) at its key's line and left out; markup in a text that themes print
unescaped is reported (``PRZ105``) and removed; disagreeing aliases are reported (``PRZ106``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict, cast

from mkdocs_prizm.core.dates import parse_date_text
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.readtime import parse_declared

__all__ = [
    "ARTICLE_KEYS",
    "AUTHOR_KEYS",
    "DATE_KEYS",
    "FIELDS",
    "IMAGE_KEYS",
    "LANGUAGE_KEYS",
    "ArticleFields",
    "FieldRule",
    "FrontMatterFields",
    "looks_like_article",
    "normalise",
    "safe_text",
]

RE_TAG = re.compile(r"<!--.*?(?:-->|$)|<[A-Za-z/!?][^>]*(?:>|$)", re.DOTALL)

#: Front matter keys whose presence makes a page an article.
ARTICLE_KEYS: frozenset[str] = frozenset(
    {
        "readingTime",
        "pubDate",
        "updatedDate",
        "sources",
        "featured",
        "emoji",
        "heroImage",
        "imageUrl",
    }
)
#: Keys that make a page an article when they come together with a date.
AUTHOR_KEYS: frozenset[str] = frozenset({"author", "authors"})
DATE_KEYS: tuple[str, ...] = ("date", "pubDate")
IMAGE_KEYS: tuple[str, ...] = ("image", "imageUrl", "heroImage")
LANGUAGE_KEYS: tuple[str, ...] = ("lang", "language", "locale")


def looks_like_article(meta: Mapping[str, Any]) -> bool:
    """Whether front matter carries article fields (see the docs' "What is an article")."""
    if any(k in meta for k in ARTICLE_KEYS):
        return True
    return any(k in meta for k in AUTHOR_KEYS) and any(k in meta for k in DATE_KEYS)


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


# --------------------------------------------------------------------------- results


class ArticleFields(TypedDict):
    """The [`Article`][mkdocs_prizm.core.article.Article] keyword arguments front matter fills."""

    title: str
    description: str
    date: dt.date | None
    updated: dt.date | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: str
    featured: bool
    emoji: str
    kind: str
    declared_sources: int | None


#: Rows of the table whose value is what the author declared, completed by the pipeline:
#: author names (resolved through the authors file), the language (the site's by default)
#: and the reading time (compared with the text's).
_DECLARED = ("authors", "language", "reading_time")


@dataclass(frozen=True, slots=True)
class FrontMatterFields:
    """Front matter after aliasing and validation.

    Attributes:
        article: ``Article`` keyword arguments, filled directly by the table.
        authors: The author names, in order (the ``Article`` holds them resolved).
        language: The declared language as written (``""`` when absent).
        reading_time: The declared reading time as written (``"3 min"``), or ``None``.
        safe_meta: Keys of ``page.meta`` to replace with a safe plain-text value.
    """

    article: ArticleFields
    authors: tuple[str, ...] = ()
    language: str = ""
    reading_time: str | None = None
    safe_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def reading_minutes(self) -> int | None:
        """The declared reading time in minutes, or ``None`` if absent or unreadable."""
        return parse_declared(self.reading_time)


# --------------------------------------------------------------------------- reading


class _Reader:
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


# Readers: one key's value checked (PRZ104 when wrong), an empty value when absent or wrong.


def _text(r: _Reader, key: str, expected: str) -> str:
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


def _date(r: _Reader, key: str, expected: str) -> dt.date | None:
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


def _texts(r: _Reader, key: str, expected: str, *, split_commas: bool = False) -> tuple[str, ...]:
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


def _comma_texts(r: _Reader, key: str, expected: str) -> tuple[str, ...]:
    return _texts(r, key, expected, split_commas=True)


def _flag(r: _Reader, key: str, expected: str) -> bool:
    value = r.meta.get(key, False)
    if isinstance(value, bool):
        return value
    if value is not None:
        r.warn(key, value, expected)
    return False


def _minutes(r: _Reader, key: str, expected: str) -> str | None:
    value = r.meta.get(key)
    if value is None or value == "":
        return None
    if parse_declared(value) is None:
        r.warn(key, value, expected)
    return str(value).strip()


def _count(r: _Reader, key: str, expected: str) -> int | None:
    value = r.meta.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if not isinstance(value, list | dict):  # a list of sources is another plugin's data
        r.warn(key, value, expected)
    return None


# Finishers: the chosen value made plain (PRZ105 and safe ``page.meta`` values where themes
# print it unescaped), or checked further.


def _plain(r: _Reader, rule: FieldRule, value: str) -> str:
    return r.clean(rule.keys[0], value)


def _plain_items(r: _Reader, rule: FieldRule, value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(html.unescape(safe_text(item)[0]) for item in value)


def _plain_names(r: _Reader, rule: FieldRule, value: tuple[str, ...]) -> tuple[str, ...]:
    # Themes print the 'author' key unescaped: page.meta gets its safe form.
    author = r.meta.get("author")
    if isinstance(author, str):
        r.clean("author", author)
    elif isinstance(author, list):
        cleaned = [safe_text(a)[0] if isinstance(a, str) else a for a in author]
        if cleaned != author:
            r.safe["author"] = cleaned
    if any(safe_text(name)[1] for name in value):
        r.markup("author", r.lines.get("author", r.lines.get("authors", 1)))
    return _plain_items(r, rule, value)


def _blog_note(r: _Reader, rule: FieldRule, value: dt.date | None) -> dt.date | None:
    if r.blog_compat and value is not None:
        _blog_date(r.meta, value, r.sink, r.lines)
    return value


# Combiners: how the keys of a row give one value.


def _first_given(r: _Reader, rule: FieldRule) -> Any:
    """The first key giving a non-empty value wins; the later keys are not read."""
    value: Any = None
    for key in rule.keys:
        value = rule.read(r, key, rule.expected)
        if value:
            break
    return value


def _agreeing(r: _Reader, rule: FieldRule) -> Any:
    """Every key present is read; the first value wins, a different later one is reported."""
    values = {k: rule.read(r, k, rule.expected) for k in rule.keys if k in r.meta}
    given = [(k, v) for k, v in values.items() if v is not None]
    if not given:
        return None
    chosen, value = given[0]
    other = next((k for k, v in given[1:] if v != value), None)
    if other is not None:
        r.sink.warning(
            "PRZ106",
            f"front matter fields '{chosen}' ({value}) and '{other}' ({values[other]}) "
            f"disagree; '{chosen}' is used",
            r.lines.get(other, 1),
            1,
        )
    return value


@dataclass(frozen=True, slots=True)
class FieldRule:
    """How one field is read from front matter.

    Attributes:
        article_field: The ``Article`` field it fills (``authors``, ``language`` and
            ``reading_time`` give the declared value, which the pipeline completes).
        keys: The front matter keys it is read from, in order of preference.
        read: Checks one key's value: the plain value, or an empty one (reported, ``PRZ104``,
            when the value is wrong).
        expected: What a right value looks like, for the ``PRZ104`` message.
        finish: Makes the chosen value plain (``PRZ105``) or checks it further, if needed.
        combine: How the keys give one value: the first non-empty one by default.
    """

    article_field: str
    keys: tuple[str, ...]
    read: Callable[[_Reader, str, str], Any]
    expected: str
    finish: Callable[[_Reader, FieldRule, Any], Any] | None = None
    combine: Callable[[_Reader, FieldRule], Any] = _first_given


_TEXT = "a text"
_TEXTS = "a text or a list of texts"
_DATE = "a date such as 2025-07-29 or 29/07/2025"

#: Every field read from front matter, in the order they are read (and faults reported).
FIELDS: tuple[FieldRule, ...] = (
    FieldRule("title", ("title",), _text, _TEXT, _plain),
    FieldRule("description", ("description",), _text, _TEXT, _plain),
    FieldRule("authors", ("authors", "author"), _texts, _TEXTS, _plain_names),
    FieldRule("date", DATE_KEYS, _date, _DATE, _blog_note, combine=_agreeing),
    FieldRule("updated", ("updatedDate",), _date, _DATE),
    FieldRule("categories", ("categories", "category"), _texts, _TEXTS, _plain_items),
    FieldRule("tags", ("tags",), _comma_texts, _TEXTS, _plain_items),
    FieldRule("image", IMAGE_KEYS, _text, _TEXT),
    FieldRule("featured", ("featured",), _flag, "true or false"),
    FieldRule("emoji", ("emoji",), _text, _TEXT),
    FieldRule("kind", ("type",), _text, _TEXT),
    FieldRule("language", LANGUAGE_KEYS, _text, _TEXT),
    FieldRule(
        "reading_time", ("readingTime",), _minutes, "a number of minutes such as '3 min' or 3"
    ),
    FieldRule("declared_sources", ("sources",), _count, "a number of sources such as 3"),
)


def normalise(
    meta: Mapping[str, Any],
    sink: ProblemSink,
    lines: Mapping[str, int] | None = None,
    *,
    blog_compat: bool = False,
) -> FrontMatterFields:
    """Validate and alias front matter into ``Article`` fields, following ``FIELDS``.

    Wrong values are reported (PRZ104) and left out; markup in text fields is reported
    (PRZ105) and removed; disagreeing aliases are reported (PRZ106).  With ``blog_compat``,
    a date Material's blog plugin would reject is noted (PRZ107).

    Args:
        meta: The front matter mapping.
        sink: Where problems go.
        lines: The line of each key (problems are at line 1 without it).
        blog_compat: Note dates Material's blog plugin rejects.

    Returns:
        The ``Article`` keyword arguments and the declared values the pipeline completes.
    """
    reader = _Reader(meta, sink, lines if lines is not None else {}, blog_compat=blog_compat)
    values: dict[str, Any] = {}
    for rule in FIELDS:
        value = rule.combine(reader, rule)
        values[rule.article_field] = (
            value if rule.finish is None else rule.finish(reader, rule, value)
        )
    authors, language, reading_time = (values.pop(name) for name in _DECLARED)
    return FrontMatterFields(
        article=cast("ArticleFields", values),
        authors=authors,
        language=language,
        reading_time=reading_time,
        safe_meta=reader.safe,
    )


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
