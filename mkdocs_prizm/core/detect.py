"""What a page is (an article, an internal report, an ordinary page), and what it points to."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Callable, Mapping
from typing import Any

from mkdocs_prizm.core.article import SourcesSection
from mkdocs_prizm.core.frontmatter.fields import IMAGE_KEYS
from mkdocs_prizm.core.markdown_scan import line_matches
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold

__all__ = ["RE_FIRST_H1", "check_image", "is_article_path", "is_internal_report", "rated"]

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
    """The text of the first level-1 ATX heading (``# Title``) of ``text``, if any."""
    match = next(line_matches(RE_FIRST_H1, text), None)
    return match.group(1) if match is not None else None


def check_image(
    image: str,
    path: str,
    file_exists: Callable[[str], bool],
    sink: ProblemSink,
    lines: Mapping[str, int],
) -> None:
    """Report an article's image path that names no file of the site (URLs are not checked).

    Args:
        image: The image as written in the front matter.
        path: The article's path, relative to ``docs_dir``.
        file_exists: Whether a path relative to ``docs_dir`` is a file of the site.
        sink: Where the problem goes (``PRZ116``, at the image key's line).
        lines: The front matter keys' lines.
    """
    if "://" in image or image.startswith(("//", "data:")):
        return
    target = image.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("/"):
        wanted = posixpath.normpath(target.lstrip("/"))
    else:
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    if wanted.startswith("../") or not file_exists(wanted):
        key = next((k for k in IMAGE_KEYS if k in lines), IMAGE_KEYS[0])
        sink.warning(
            "PRZ116",
            f"image '{image}' is not a file of the site (looked for docs/{wanted}); "
            "expected a file in docs_dir or an http(s) URL",
            lines.get(key, 1),
            1,
        )
