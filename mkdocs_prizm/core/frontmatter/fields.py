"""Front matter values read into [`Article`][mkdocs_prizm.core.article.Article] fields.

One table, [`FIELDS`][mkdocs_prizm.core.frontmatter.fields.FIELDS], says for each field the
front matter keys it is read from (the aliases Prizm's pipeline writes: ``date``/``pubDate``,
``category``/``categories``, ``image``/``imageUrl``/``heroImage``...), how a value is checked
and made plain (the [`readers`][mkdocs_prizm.core.frontmatter.readers] and
[`finishers`][mkdocs_prizm.core.frontmatter.finishers]) and what is expected when it is wrong.
Faults name the place: a wrong value is reported (``PRZ104``) at its key's line and left out;
markup in a text that themes print unescaped is reported (``PRZ105``) and removed; disagreeing
aliases are reported (``PRZ106``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict, cast

import mkdocs_prizm.core.frontmatter.finishers as fin
import mkdocs_prizm.core.frontmatter.readers as r
from mkdocs_prizm.core.dates import build_date
from mkdocs_prizm.core.disclosure import REVIEWER_KEYS
from mkdocs_prizm.core.frontmatter.loader import ALIAS_LIMIT, expansion
from mkdocs_prizm.core.frontmatter.readers import Reader
from mkdocs_prizm.core.problems import ProblemSink

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
    "host_meta",
    "looks_like_article",
    "normalise",
]

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
    keys = meta.keys()
    if not keys.isdisjoint(ARTICLE_KEYS):
        return True
    return not keys.isdisjoint(AUTHOR_KEYS) and not keys.isdisjoint(DATE_KEYS)


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
#: author names (resolved through the authors file), the language (the site's by default),
#: the reading time (compared with the text's) and the reviewers (the site's by default).
_DECLARED = ("authors", "language", "reading_time", "reviewers")


@dataclass(frozen=True, slots=True)
class FrontMatterFields:
    """Front matter after aliasing and validation.

    Attributes:
        article: ``Article`` keyword arguments, filled directly by the table.
        authors: The author names, in order (the ``Article`` holds them resolved).
        language: The declared language as written (``""`` when absent).
        reading_time: The declared reading time as written (``"3 min"``), or ``None``.
        reading_minutes: The declared reading time in minutes, or ``None`` if absent or
            unreadable.
        reviewers: The human reviewers' names, in order (``reviewer``, ``reviewedBy``...).
        safe_meta: Keys of ``page.meta`` to replace with a safe plain-text value.
    """

    article: ArticleFields
    authors: tuple[str, ...] = ()
    language: str = ""
    reading_time: str | None = None
    reading_minutes: int | None = None
    reviewers: tuple[str, ...] = ()
    safe_meta: dict[str, Any] = field(default_factory=dict)


def _first_given(reader: Reader, rule: FieldRule) -> Any:
    """The first key giving a non-empty value wins; later keys and absent ones are not read."""
    value: Any = _ABSENT[rule.read]
    for key in rule.keys:
        if key in reader.meta:
            value = rule.read(reader, key, rule.expected)
            if value:
                break
    return value


def _agreeing(reader: Reader, rule: FieldRule) -> Any:
    """Every key present is read; the first value wins, a different later one is reported."""
    values = {k: rule.read(reader, k, rule.expected) for k in rule.keys if k in reader.meta}
    given = [(k, v) for k, v in values.items() if v is not None]
    if not given:
        return None
    chosen, value = given[0]
    other = next((k for k, v in given[1:] if v != value), None)
    if other is not None:
        reader.sink.warning(
            "PRZ106",
            f"front matter fields '{chosen}' ({value}) and '{other}' ({values[other]}) "
            f"disagree; '{chosen}' is used",
            reader.lines.get(other, 1),
            1,
        )
    return value


@dataclass(frozen=True, slots=True)
class FieldRule:
    """How one field is read from front matter.

    Attributes:
        article_field: The ``Article`` field it fills (``authors``, ``language``,
            ``reading_time`` and ``reviewers`` give the declared value, which the pipeline
            completes).
        keys: The front matter keys it is read from, in order of preference.
        read: Checks one key's value: the plain value, or an empty one (reported, ``PRZ104``,
            when the value is wrong).
        expected: What a right value looks like, for the ``PRZ104`` message.
        finish: Makes the chosen value plain (``PRZ105``) or checks it further, if needed.
        combine: How the keys give one value: the first non-empty one by default.
    """

    article_field: str
    keys: tuple[str, ...]
    read: Callable[[Reader, str, str], Any]
    expected: str
    finish: Callable[[Reader, tuple[str, ...], Any], Any] | None = None
    combine: Callable[[Reader, FieldRule], Any] = _first_given


#: What each reader gives for an absent key: a field none of whose keys is given is not read,
#: nor finished (a finisher leaves an empty value as it is).
_ABSENT: dict[Callable[[Reader, str, str], Any], Any] = {
    r.text: "",
    r.texts: (),
    r.comma_texts: (),
    r.date: None,
    r.flag: False,
    r.language: "",
    r.minutes: None,
    r.count: None,
}

_TEXT = "a text"
_TEXTS = "a text or a list of texts"
_DATE = "a date such as 2025-07-29 or 29/07/2025"

#: Every field read from front matter, in the order they are read (and faults reported).
FIELDS: tuple[FieldRule, ...] = (
    FieldRule("title", ("title",), r.text, _TEXT, fin.one_line),
    FieldRule("description", ("description",), r.text, _TEXT, fin.plain),
    FieldRule("authors", ("authors", "author"), r.texts, _TEXTS, fin.plain_names),
    FieldRule("date", DATE_KEYS, r.date, _DATE, fin.blog_note, combine=_agreeing),
    FieldRule("updated", ("updatedDate",), r.date, _DATE, fin.not_future),
    FieldRule("categories", ("categories", "category"), r.texts, _TEXTS, fin.plain_items),
    FieldRule("tags", ("tags",), r.comma_texts, _TEXTS, fin.plain_items),
    FieldRule("image", IMAGE_KEYS, r.text, _TEXT),
    FieldRule("featured", ("featured",), r.flag, "true or false"),
    FieldRule("emoji", ("emoji",), r.text, _TEXT),
    FieldRule("kind", ("type",), r.text, _TEXT),
    FieldRule("language", LANGUAGE_KEYS, r.language, "a language code", fin.known_language),
    FieldRule(
        "reading_time", ("readingTime",), r.minutes, "a number of minutes such as '3 min' or 3"
    ),
    FieldRule("reviewers", REVIEWER_KEYS, r.texts, _TEXTS, fin.plain_items),
    FieldRule("declared_sources", ("sources",), r.count, "a number of sources such as 3"),
)


def normalise(
    meta: Mapping[str, Any],
    sink: ProblemSink,
    lines: Mapping[str, int] | None = None,
    *,
    blog_compat: bool = False,
    today: dt.date | None = None,
) -> FrontMatterFields:
    """Validate and alias front matter into ``Article`` fields, following ``FIELDS``.

    Wrong values are reported (PRZ104) and left out; markup in text fields is reported
    (PRZ105) and removed; disagreeing aliases are reported (PRZ106).  With ``blog_compat``,
    a date Material's blog plugin would reject is noted (PRZ107).  When ``lines`` knows the
    file ([`KeySource`][mkdocs_prizm.core.frontmatter.split.KeySource]), keys written twice
    are reported (PRZ109), and values YAML 1.1 misreads (``readingTime: 12:30``, ``lang: NO``)
    too (PRZ114).  Control characters are removed from texts (PRZ110), a date after the build
    date is reported (PRZ111), and an unknown language (PRZ112).

    Args:
        meta: The front matter mapping.
        sink: Where problems go.
        lines: The line of each key (problems are at line 1 without it).
        blog_compat: Note dates Material's blog plugin rejects.
        today: The build date ([`build_date`][mkdocs_prizm.core.dates.build_date] if not
            given).

    Returns:
        The ``Article`` keyword arguments and the declared values the pipeline completes.
    """
    lines = lines if lines is not None else {}
    added, loops = expansion(meta)
    if loops or added > ALIAS_LIMIT:
        # MkDocs' YAML keeps aliases shared: reading such a value naively never ends.
        why = "refers to itself" if loops else f"expands by more than {ALIAS_LIMIT} values"
        sink.error(
            "PRZ113",
            f"front matter is refused: a value built from aliases {why}; expected plain "
            "values, or aliases that stay small; no field is read from it",
            1,
            1,
        )
        meta = {}
    reader = Reader(
        meta, sink, lines, blog_compat=blog_compat, today=today if today else build_date()
    )
    if reader.source is not None:
        for twice in reader.source.duplicate_keys():
            sink.warning(
                "PRZ109",
                f"front matter key '{twice.key}' is written {twice.times} times (first on "
                f"line {twice.first_line}); the last value is used: keep one",
                twice.line,
                twice.column,
            )
    values: dict[str, Any] = {}
    given = meta.keys()
    for rule in FIELDS:
        if given.isdisjoint(rule.keys):
            values[rule.article_field] = _ABSENT[rule.read]
            continue
        value = rule.combine(reader, rule)
        values[rule.article_field] = (
            value if rule.finish is None else rule.finish(reader, rule.keys, value)
        )
    authors, language, declared, reviewers = (values.pop(name) for name in _DECLARED)
    reading_time, reading_minutes = declared if declared is not None else (None, None)
    return FrontMatterFields(
        article=cast("ArticleFields", values),
        authors=authors,
        language=language,
        reading_time=reading_time,
        reading_minutes=reading_minutes,
        reviewers=reviewers,
        safe_meta=reader.safe,
    )


def host_meta(meta: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """The ``page.meta`` values themes and plugins read with a type, from the article's fields.

    Material and RSS plugins read ``date`` as a date: they get the alias's value (``pubDate``)
    or the parsed value of a date written as text (``"2025-07-29"``); the same for
    ``updatedDate``, and ``categories`` from its alias.
    """
    updates: dict[str, Any] = {}
    if fields["date"] is not None and not isinstance(meta.get("date"), dt.date):
        updates["date"] = fields["date"]
    if fields["updated"] is not None and isinstance(meta.get("updatedDate"), str):
        updates["updatedDate"] = fields["updated"]
    if meta.get("categories") is None and fields["categories"]:
        updates["categories"] = list(fields["categories"])
    return updates
