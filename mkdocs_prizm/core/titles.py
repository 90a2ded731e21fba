"""Titles without the site's name the publishing pipeline appends to them.

Some pipeline stages write titles for a browser tab, ``"L'IA dans votre PME | Prizm AI"``.  The
theme appends the site's name again (``"... | Prizm AI - Prizm AI"``), and the navigation and
the structured data's headline carry it.
[`strip_suffix`][mkdocs_prizm.core.titles.strip_suffix] removes such a trailing name;
[`strip_heading_suffix`][mkdocs_prizm.core.titles.strip_heading_suffix] does it on an
article's first ``# Heading`` line (the title when the front matter has none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mkdocs_prizm.core.fences import may_have_fences
from mkdocs_prizm.core.frontmatter import ArticleFields, FrontMatter
from mkdocs_prizm.core.markdown_scan import line_matches
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold

__all__ = ["strip_heading_suffix", "strip_suffix", "strip_titles"]

#: What separates a title from a site name: `` | ``, `` - ``, `` – ``, `` — ``.
RE_SEPARATOR = re.compile(r"[ \t]+[|\-\u2013\u2014][ \t]+")
#: A level-1 ATX heading; group 1 is its text (closing hashes left out).
RE_H1 = re.compile(r"^# +(.+?)[ \t]*(?:[ \t]#+)?[ \t]*$", re.MULTILINE)
#: How far into the body the first heading is looked for.
HEADING_WINDOW = 3000


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def strip_suffix(title: str, suffixes: Iterable[str]) -> str | None:
    """The title without a trailing site name, or ``None`` when it ends with none.

    The name is matched after `` | ``, `` - ``, `` – `` or `` — ``, ignoring case and accents;
    a title that is only the name is left alone.

    Args:
        title: A title (``"Guide IA | Prizm AI"``).
        suffixes: Site names (``["Prizm AI"]``).

    Returns:
        ``"Guide IA"``, or ``None``.
    """
    keys = {_key(s) for s in suffixes} - {""}
    if not keys:
        return None
    stripped = title
    while True:
        cut = None
        for match in RE_SEPARATOR.finditer(stripped):
            if _key(stripped[match.end() :]) in keys and stripped[: match.start()].strip():
                cut = match.start()
        if cut is None:
            break
        stripped = stripped[:cut].rstrip()
    return stripped if stripped != title.strip() else None


def strip_heading_suffix(body: str, suffixes: Iterable[str]) -> tuple[str, int, str] | None:
    """Strip a trailing site name from the first ``# Heading`` of ``body``.

    Only the end of the heading's line changes: every position before it stays valid.  A
    heading after a possible code fence is not touched.

    Args:
        body: An article's Markdown.
        suffixes: Site names.

    Returns:
        ``(body, line, title)``: the new body, the heading's 0-based line and its text; or
        ``None`` when the first heading carries no site name.
    """
    match = next(line_matches(RE_H1, body, 0, HEADING_WINDOW), None)
    if match is None or may_have_fences(body[: match.start()]):
        return None
    title = strip_suffix(match.group(1), suffixes)
    if title is None:
        return None
    start = match.start(1)
    line = body.count("\n", 0, match.start())
    return body[:start] + title + body[match.end() :], line, title


def strip_titles(  # noqa: PLR0917 - the pipeline's state, in one call
    body: str,
    lines: list[str],
    fm: FrontMatter,
    fields: ArticleFields,
    meta_updates: dict[str, Any],
    suffixes: tuple[str, ...],
    sink: ProblemSink,
    body_sink: ProblemSink,
) -> str:
    """Strip a trailing site name from the title and the first heading; return the body.

    ``fields``, ``meta_updates`` and ``lines`` are updated in place; only the end of the
    heading's line changes, so every position found in the body stays valid.
    """
    title = fields["title"]
    clean = strip_suffix(title, suffixes) if title else None
    if clean is not None:
        fields["title"] = clean
        shown = meta_updates.get("title", fm.meta.get("title"))
        meta_updates["title"] = strip_suffix(str(shown), suffixes) or clean
        sink.info(
            "PRZ806",
            f"title {title!r} ends with the site's name; published as {clean!r}",
            fm.field_lines.get("title", 1),
            1,
        )
    heading = strip_heading_suffix(body, suffixes)
    if heading is None:
        return body
    body, line, text = heading
    before = lines[line]
    lines[line] = body.split("\n", line + 1)[line]
    body_sink.info(
        "PRZ806",
        f"heading {before.strip()!r} ends with the site's name; published as {text!r}",
        line + 1,
        1,
    )
    return body
