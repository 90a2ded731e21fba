"""One entry of the sources section read into a [`Source`][mkdocs_prizm.core.article.Source].

A block (see [`forms`][mkdocs_prizm.core.sources.forms]) is read into fields (see
[`fields`][mkdocs_prizm.core.sources.fields]); here they are checked, and every fault is
reported at its line (``PRZ301``–``PRZ305``, ``PRZ307``, ``PRZ308``) with a message that names
the entry (``source 2 «Dihnamic»: ...``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mkdocs_prizm.core.article import Source
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.sources.fields import entry_date, read_fields
from mkdocs_prizm.core.sources.forms import Block
from mkdocs_prizm.core.sources.reliability import parse_reliability
from mkdocs_prizm.core.urls import check_url

__all__ = ["Context", "build_source", "raw_source"]

_SHOW_LIMIT = 80
#: Forms whose entries are expected to carry a score (a missing one is a warning, else info).
_SCORED_FORMS = frozenset({"numbered", "inline", "block"})

# Entries repeat their scores from one article to the next ("8/10"): the parsed values are
# immutable, so equal texts share one object: less parsing, and fewer objects kept in every
# page's article for the garbage collector to walk on large sites.
_entry_reliability = functools.lru_cache(maxsize=128)(parse_reliability)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _show(value: str) -> str:
    """Quote a value for a message: control characters escaped, long values shortened."""
    shown = "".join(c if c.isprintable() else _escape(c) for c in value)
    if len(shown) > _SHOW_LIMIT:
        shown = shown[: _SHOW_LIMIT - 1] + "…"
    return f"'{shown}'"


def _describe(number: int, title: str) -> str:
    if len(title) > _SHOW_LIMIT:
        title = title[: _SHOW_LIMIT - 1] + "…"
    return f"source {number} «{title}»" if title else f"source {number}"


def _column(block: Block, line: int, value: str = "") -> int:
    """The 1-based column of ``value`` on body ``line`` of ``block``, else of its first text.

    Args:
        block: The entry.
        line: A 1-based body line of the entry (its first line is ``block.start + 1``).
        value: The text to point at (a date, a URL, a score as written).
    """
    index = line - block.start - 1
    if not 0 <= index < len(block.lines):
        return 0
    text = block.lines[index]
    at = text.find(value) if value else -1
    if at < 0:
        at = len(text) - len(text.lstrip())
    return at + 1


@dataclass(slots=True)
class Context:
    """Where an entry's problems go, and what turns its body lines into stored lines."""

    sink: ProblemSink
    line_offset: int


def build_source(block: Block, number: int, ctx: Context) -> Source:
    """Read an entry block into a source, reporting its faults (``PRZ301``–``PRZ307``).

    Args:
        block: The entry (its form is known).
        number: Its position in the section, 1..n.
        ctx: Where problems go.

    Returns:
        The source; unstructured (``form="raw"``) when no title can be found.
    """
    where = block.start + 1  # the sink adds its own offset
    line = where + ctx.line_offset
    raw = block.text()
    fields = read_fields(block)
    form = fields.form
    at = fields.lines
    if not fields.title:
        ctx.sink.warning(
            "PRZ301",
            f"{_describe(number, '')}: could not find a title in {_show(raw)}; "
            "published as written",
            where,
            _column(block, where),
        )
        return Source(number, "", raw=raw, structured=False, line=line, form="raw")
    name = _describe(number, fields.title)

    # Date
    date = fields.date
    if date is None and fields.date_text:
        date = entry_date(fields.date_text)
    if date is not None and date.value is None:
        if date.raw:
            ctx.sink.warning(
                "PRZ304",
                f"{name}: date {_show(date.raw)} could not be understood; shown as written",
                at.get("date", where),
                _column(block, at.get("date", where), date.raw),
            )
        else:
            date = None

    # URL
    url = fields.url.strip()
    url_safe = False
    host = ""
    if not url:
        url_line = at.get("url", where)
        ctx.sink.info("PRZ307", f"{name}: no URL", url_line, _column(block, url_line))
    else:
        verdict = check_url(url)
        url_safe, host = verdict.safe, verdict.host
        url_line = at.get("url", where)
        if not url_safe:
            ctx.sink.warning(
                "PRZ305",
                f"{name}: URL {_show(url)} is not a safe http(s) link: it {verdict.reason}; "
                "shown as inert text",
                url_line,
                _column(block, url_line, url),
            )
        elif verdict.lookalike:
            ctx.sink.warning(
                "PRZ308",
                f"{name}: URL {_show(url)} has a host that mixes scripts and could pass for "
                f"another; shown as {verdict.host}",
                url_line,
                _column(block, url_line, url),
            )

    # Reliability
    reliability, status = _entry_reliability(fields.reliability_text or "")
    if status == "missing":
        severity = Severity.WARNING if form in _SCORED_FORMS else Severity.INFO
        ctx.sink.add(
            severity,
            "PRZ303",
            f"{name}: no reliability score; shown as unrated",
            where,
            _column(block, where),
        )
    elif status == "range":
        ctx.sink.warning(
            "PRZ302",
            f"{name}: reliability {_show(reliability.raw)} is out of range 0–10; shown as unrated",
            at.get("reliability", where),
            _column(block, at.get("reliability", where), reliability.raw),
        )
    elif status == "nan":
        ctx.sink.warning(
            "PRZ302",
            f"{name}: reliability {_show(reliability.raw)} is not a score out of 10; "
            "shown as unrated",
            at.get("reliability", where),
            _column(block, at.get("reliability", where), reliability.raw),
        )

    return Source(
        number=number,
        title=fields.title,
        kind=fields.kind,
        date=date,
        url=url,
        url_safe=url_safe,
        reliability=reliability,
        description=" ".join(d for d in fields.description if d),
        raw=raw,
        structured=True,
        line=line,
        form=form,
        host=host,
    )


def raw_source(block: Block, number: int, ctx: Context) -> Source:
    """Keep a paragraph found between entries as an unstructured source (``PRZ301``).

    Args:
        block: The paragraph.
        number: Its position in the section, 1..n.
        ctx: Where problems go.

    Returns:
        The source, published as written.
    """
    where = block.start + 1  # the sink adds its own offset
    line = where + ctx.line_offset
    raw = block.text()
    ctx.sink.warning(
        "PRZ301",
        f"{_describe(number, '')}: {_show(raw)} is not a source entry; published as written",
        where,
        _column(block, where),
    )
    return Source(number, "", raw=raw, structured=False, line=line, form="raw")
