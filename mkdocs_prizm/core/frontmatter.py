"""Reading, validating and aliasing front matter, with problems that name the place.

MkDocs swallows YAML errors and publishes the raw block as page text; this module reports
them with file, line and column instead, and never lets the raw block through.  It also
normalises every variant Prizm's pipeline writes (``date``/``pubDate``, ``category``/
``categories``, ``image``/``imageUrl``/``heroImage``, ...) into plain values.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from mkdocs_prizm.core.dates import parse_date_text
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.readtime import parse_declared

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

RE_OPEN = re.compile(r"\A---[ \t]*\n")
RE_OPEN_AT = re.compile(r"---[ \t]*\n")  # an opening line at a given offset (no ``\A``)
RE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
RE_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)
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
#: Text fields MkDocs and themes print without escaping.
TEXT_FIELDS: tuple[str, ...] = ("title", "description", "author")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A source split into front matter and body.

    Attributes:
        meta: The front matter mapping (empty when absent or invalid).
        body: The Markdown after the front matter, leading blank lines removed (as MkDocs does).
        body_line: Line of the source on which ``body`` starts (1-based).
        field_lines: Line of each top-level key in the source.
        valid: False when a front matter block was present but could not be used.
    """

    meta: dict[str, Any]
    body: str
    body_line: int = 1
    field_lines: Mapping[str, int] = field(default_factory=dict)
    valid: bool = True


def normalise_newlines(source: str) -> str:
    """Drop a byte-order mark and turn CRLF and CR into LF."""
    if source.startswith("\ufeff"):
        source = source[1:]
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    return source


def _first_block(source: str) -> tuple[int, int, int, int] | None:
    """Offsets of the front matter's YAML (start, end), the body's offset and its file line.

    The body starts after the closing ``---`` and any blank lines, as MkDocs splits it.
    """
    opening = RE_OPEN.match(source)
    closing = RE_CLOSE.search(source, opening.end()) if opening else None
    if opening is None or closing is None:
        return None
    after = closing.end() + 1 if closing.end() < len(source) else closing.end()
    body = after
    while body < len(source) and source[body] == "\n":
        body += 1
    return opening.end(), closing.start(), body, source.count("\n", 0, body) + 1


def _key_lines(source: str, start: int, end: int) -> dict[str, int]:
    return {
        m.group(1): source.count("\n", 0, m.start()) + 1
        for m in RE_TOP_KEY.finditer(source, start, end)
    }


def split_front_matter(source: str, sink: ProblemSink) -> FrontMatter:
    """Split ``source`` into front matter and body, reporting YAML faults.

    Args:
        source: The whole file, any newline convention, BOM or not.
        sink: Where problems go (PRZ101 invalid YAML, PRZ102 not a mapping, PRZ103 second block).

    Returns:
        The split; a broken block is left out of the body and reported as an error.
    """
    source = normalise_newlines(source)
    block = _first_block(source)
    if block is None:
        return FrontMatter({}, source)
    start, end, body, body_line = block
    meta, valid = load_yaml_block(source[start:end], sink, first_line=2)
    lines = _key_lines(source, start, end)
    return take_second_block(FrontMatter(meta, source[body:], body_line, lines, valid), sink)


def locate_front_matter(source: str) -> FrontMatter:
    """Find where the body starts and on which lines the top-level keys are, without YAML.

    The cheap half of [`split_front_matter`][mkdocs_prizm.core.frontmatter.split_front_matter]:
    adapters use it to give file lines to problems found in a body MkDocs already split off.
    Keys of a second block that directly follows the first are located too.
    """
    source = normalise_newlines(source)
    block = _first_block(source)
    if block is None:
        return FrontMatter({}, source)
    start, end, body, body_line = block
    lines = _key_lines(source, start, end)
    if RE_OPEN_AT.match(source, body):
        second_close = RE_CLOSE.search(source, body + 4)
        if second_close:
            for key, line in _key_lines(source, body + 4, second_close.start()).items():
                lines.setdefault(key, line)
    return FrontMatter({}, source[body:], body_line, lines)


def load_yaml_block(
    yaml_text: str, sink: ProblemSink, *, first_line: int
) -> tuple[dict[str, Any], bool]:
    """Parse one YAML block; report faults at file lines counted from ``first_line``.

    Returns:
        The mapping (empty on failure) and whether it was usable.
    """
    try:
        data = yaml.load(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 0
        reason = exc.problem or exc.context or "invalid YAML"
        sink.error(
            "PRZ101",
            f"front matter is not valid YAML: {reason}; expected 'key: value' lines "
            "(quote values that contain ': ' or start with a special character); "
            "the block is not published",
            line,
            column,
        )
        return {}, False
    except yaml.YAMLError as exc:
        sink.error("PRZ101", f"front matter is not valid YAML: {exc}", first_line, 1)
        return {}, False
    if data is None:
        return {}, True
    if not isinstance(data, dict):
        sink.error(
            "PRZ102",
            f"front matter is a {type(data).__name__}, expected a mapping of 'key: value' "
            "lines; the block is not published",
            first_line,
            1,
        )
        return {}, False
    return {str(k): v for k, v in data.items()}, True


def take_second_block(fm: FrontMatter, sink: ProblemSink) -> FrontMatter:
    """Remove a second front matter block that directly follows the first.

    The block is replaced by blank lines (so later line numbers stay right); its keys fill in
    those the first block lacks or leaves empty.  A ``---`` that does not open a YAML mapping
    is a thematic break and stays.
    """
    body = fm.body
    if not RE_OPEN.match(body):
        return fm
    closing = RE_CLOSE.search(body, 4)
    if not closing:
        return fm
    yaml_text = body[4 : closing.start()]
    if not RE_TOP_KEY.search(yaml_text):
        return fm
    probe = ProblemSink(sink.file)
    second, valid = load_yaml_block(yaml_text, probe, first_line=fm.body_line + 1)
    if not valid or not second:
        return fm
    sink.warning(
        "PRZ103",
        "a second front matter block follows the first one; it is not published and its keys "
        "are used where the first block lacks them (merge the two blocks)",
        fm.body_line,
        1,
    )
    meta = dict(fm.meta)
    for key, value in second.items():
        if _empty(meta.get(key)):
            meta[key] = value
    block_end = closing.end()
    replaced = "\n" * body.count("\n", 0, block_end) + body[block_end:]
    lines = dict(fm.field_lines)
    for m in RE_TOP_KEY.finditer(yaml_text):
        lines.setdefault(m.group(1), fm.body_line + body.count("\n", 0, 4 + m.start()))
    return FrontMatter(meta, replaced, fm.body_line, lines, fm.valid)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def plain_text(value: str) -> tuple[str, bool]:
    """Make a front matter text safe to print unescaped.

    Tags and comments are removed (their inner text stays), entities are decoded first so an
    encoded tag is caught too, and the result is escaped for HTML text and attributes.

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


@dataclass(frozen=True, slots=True)
class Normalised:
    """Front matter values after aliasing and validation (plain Python values)."""

    title: str = ""
    description: str = ""
    date: dt.date | None = None
    updated: dt.date | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str = ""
    featured: bool = False
    emoji: str = ""
    kind: str = ""
    reading_time: str | None = None
    reading_minutes: int | None = None
    declared_sources: int | None = None
    language: str = ""
    #: Keys of ``page.meta`` to replace with a safe plain-text value.
    safe_meta: dict[str, Any] = field(default_factory=dict)


def looks_like_article(meta: Mapping[str, Any]) -> bool:
    """Whether front matter carries article fields (see the docs' "What is an article")."""
    if any(k in meta for k in ARTICLE_KEYS):
        return True
    return any(k in meta for k in AUTHOR_KEYS) and any(k in meta for k in DATE_KEYS)


class _Validator:
    """Normalises one mapping, reporting each bad value at its key's line."""

    def __init__(
        self, meta: Mapping[str, Any], sink: ProblemSink, lines: Mapping[str, int]
    ) -> None:
        self.meta = meta
        self.sink = sink
        self.lines = lines

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

    def text(self, key: str) -> tuple[str, bool]:
        value = self.meta.get(key)
        if value is None:
            return "", False
        if isinstance(value, bool | int | float | dt.date):
            self.warn(key, value, "a text")
            value = str(value)
        if not isinstance(value, str):
            self.warn(key, value, "a text")
            return "", False
        return value.strip(), True

    def date(self, key: str) -> dt.date | None:
        value = self.meta.get(key)
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
        self.warn(key, value, "a date such as 2025-07-29 or 29/07/2025")
        return None

    def strings(self, key: str, *, split_commas: bool = False) -> tuple[str, ...]:
        value = self.meta.get(key)
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
                    self.warn(key, value, "a list of texts")
            return tuple(out)
        self.warn(key, value, "a text or a list of texts")
        return ()


def normalise(
    meta: Mapping[str, Any],
    sink: ProblemSink,
    lines: Mapping[str, int] | None = None,
    *,
    blog_compat: bool = False,
) -> Normalised:
    """Validate and alias front matter into plain values.

    Wrong values are reported (PRZ104) and left out; markup in text fields is reported
    (PRZ105) and removed; disagreeing aliases are reported (PRZ106).  With ``blog_compat``,
    a date Material's blog plugin would reject is noted (PRZ107).
    """
    check = _Validator(meta, sink, lines if lines is not None else {})
    safe: dict[str, Any] = {}

    def clean(key: str, value: str) -> str:
        text, markup = plain_text(value)
        if markup:
            sink.warning(
                "PRZ105",
                f"front matter field '{key}' contains HTML markup; it is published as plain text",
                check.lines.get(key, 1),
                1,
            )
        if text != value:
            safe[key] = text
        return html.unescape(text)

    title, _ = check.text("title")
    title = clean("title", title)
    description, _ = check.text("description")
    description = clean("description", description)

    authors_raw = check.strings("authors") or check.strings("author")
    authors = tuple(html.unescape(plain_text(a)[0]) for a in authors_raw)
    author_value = meta.get("author")
    if isinstance(author_value, str):
        clean("author", author_value)
    elif isinstance(author_value, list):
        cleaned = [plain_text(a)[0] if isinstance(a, str) else a for a in author_value]
        if cleaned != author_value:
            safe["author"] = cleaned
    if any(plain_text(a)[1] for a in authors_raw):
        sink.warning(
            "PRZ105",
            "front matter field 'author' contains HTML markup; it is published as plain text",
            check.lines.get("author", check.lines.get("authors", 1)),
            1,
        )

    dates = {k: check.date(k) for k in DATE_KEYS if k in meta}
    found = [d for d in dates.values() if d is not None]
    if len(set(found)) > 1:
        sink.warning(
            "PRZ106",
            f"front matter fields 'date' ({dates['date']}) and 'pubDate' ({dates['pubDate']}) "
            "disagree; 'date' is used",
            check.lines.get("pubDate", 1),
            1,
        )
    published = found[0] if found else None
    if blog_compat and published is not None:
        _blog_date(meta, published, sink, check.lines)
    updated = check.date("updatedDate")

    categories = check.strings("categories") or check.strings("category")
    tags = check.strings("tags", split_commas=True)
    image = ""
    for key in IMAGE_KEYS:
        value, ok = check.text(key)
        if ok and value:
            image = value
            break

    featured_value = meta.get("featured", False)
    featured = False
    if isinstance(featured_value, bool):
        featured = featured_value
    elif featured_value is not None:
        check.warn("featured", featured_value, "true or false")

    emoji, _ = check.text("emoji")
    kind, _ = check.text("type")
    language = ""
    for key in LANGUAGE_KEYS:
        language, _ = check.text(key)
        if language:
            break

    declared = meta.get("readingTime")
    reading_minutes = None
    reading_text: str | None = None
    if declared is not None and declared != "":
        reading_text = str(declared).strip()
        reading_minutes = parse_declared(declared)
        if reading_minutes is None:
            check.warn("readingTime", declared, "a number of minutes such as '3 min' or 3")

    count = meta.get("sources")
    declared_sources: int | None = None
    if count is not None:
        if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
            declared_sources = count
        elif not isinstance(count, list | dict):  # a list of sources is another plugin's data
            check.warn("sources", count, "a number of sources such as 3")

    return Normalised(
        title=title,
        description=description,
        date=published,
        updated=updated,
        authors=authors,
        categories=tuple(html.unescape(plain_text(c)[0]) for c in categories),
        tags=tuple(html.unescape(plain_text(t)[0]) for t in tags),
        image=image,
        featured=featured,
        emoji=emoji,
        kind=kind,
        reading_time=reading_text,
        reading_minutes=reading_minutes,
        declared_sources=declared_sources,
        language=language,
        safe_meta=safe,
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
