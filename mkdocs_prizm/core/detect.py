"""What a page is: an article, one of the pipeline's internal reports, or an ordinary page."""

from __future__ import annotations

import fnmatch
import itertools
import re
from collections.abc import Mapping
from typing import Any

from mkdocs_prizm.core.article import SourcesSection
from mkdocs_prizm.core.markdown_scan import find_all
from mkdocs_prizm.core.text import fold

__all__ = ["RE_FIRST_H1", "is_article_path", "is_internal_report", "rated"]

RE_FIRST_H1 = re.compile(r"^# +(.+?)\s*#*\s*$", re.MULTILINE)


def rated(section: SourcesSection | None) -> bool:
    """Whether a sources section has an entry with a reliability score."""
    return section is not None and any(e.reliability.rated for e in section.entries)


def is_article_path(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``path`` (relative, ``/``-separated) matches one of the glob ``patterns``."""
    return any(fnmatch.fnmatchcase(path, p) for p in patterns)


def is_internal_report(meta: Mapping[str, Any], body: str, patterns: tuple[str, ...]) -> bool:
    """Whether the title (or the first heading) starts like one of the pipeline's reports."""
    if not patterns:
        return False
    title = meta.get("title")
    candidates = [title] if isinstance(title, str) else []
    heading = _first_h1(body[:2000])
    if heading is not None:
        candidates.append(heading)
    folded = [fold(c).replace("'", "").strip() for c in candidates]
    wanted = [fold(p).replace("'", "").strip() for p in patterns]
    return any(c.startswith(w) for c in folded for w in wanted if w)


def _first_h1(text: str) -> str | None:
    """The text of the first level-1 ATX heading (``# Title``) of ``text``, if any.

    Only the lines starting with ``#`` are tried, found by substring search.
    """
    starts = itertools.chain(
        [0] if text.startswith("#") else [], (at + 1 for at in find_all(text, "\n#"))
    )
    for start in starts:
        match = RE_FIRST_H1.match(text, start)
        if match:
            return match.group(1)
    return None
