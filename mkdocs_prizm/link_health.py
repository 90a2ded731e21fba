"""What a build reads of link health: the cache ``mkdocs-prizm links`` wrote, never the network.

The plugin reads the cache once (``on_config``); the renderer marks dead links from it and each
article's dead links are reported as ``PRZ371`` warnings at their file lines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.frontmatter import locate_front_matter
from mkdocs_prizm.core.links import CacheError, LinkRecord, link_problems, load_cache
from mkdocs_prizm.core.problems import Problem, Severity

__all__ = ["page_problems", "read_cache"]


def read_cache(
    config_file: str | None, name: str | None
) -> tuple[dict[str, LinkRecord], list[Problem]]:
    """The links cache named by ``links_cache``, relative to the folder of ``mkdocs.yml``.

    Returns:
        URL → record (empty without the option or a usable file), and a ``PRZ374`` warning
        when the file is missing or unreadable: the build goes on, marking nothing.
    """
    if not name:
        return {}, []
    base = Path(config_file).parent if config_file else Path()
    path = base / name
    try:
        return load_cache(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        reason = "does not exist; run 'mkdocs-prizm links -f mkdocs.yml' to write it"
    except (OSError, UnicodeDecodeError) as exc:
        reason = f"cannot be read: {exc}"
    except CacheError as exc:
        reason = f"is not a links cache: {exc}"
    message = f"links_cache {name} {reason}; no link is marked dead"
    return {}, [Problem(name, 0, 0, Severity.WARNING, "PRZ374", message)]


def page_problems(
    article: Article,
    records: Mapping[str, LinkRecord],
    path: str,
    locate: Callable[[], str | None],
) -> list[Problem]:
    """The dead links of one page, at file lines (the file is read again only when needed)."""
    problems = link_problems(article, records, file=path)
    if problems:
        text = locate()
        if text is not None:
            offset = locate_front_matter(text).body_line - 1
            problems = link_problems(article, records, file=path, line_offset=offset)
    return problems
