"""The optional authors file, in the format of Material's ``.authors.yml``.

```yaml
authors:
  prizm:
    name: L'équipe Prizm AI
    description: Rédaction
    avatar: https://example.com/prizm.png
    url: https://example.com/equipe/
```

Articles name authors by key (``author: prizm``) or by display name (``author: "Prizm AI"``);
both find the entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from mkdocs_prizm.core.article import Author
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold
from mkdocs_prizm.core.urls import is_safe_url

__all__ = ["parse_authors", "resolve"]


def parse_authors(text: str, sink: ProblemSink) -> dict[str, Author]:
    """Read an authors file; faults are reported (PRZ602) and yield no authors.

    Returns:
        Authors by key and by case- and accent-folded display name.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        sink.error(
            "PRZ602",
            f"authors file is not valid YAML: {getattr(exc, 'problem', exc)}",
            (mark.line + 1) if mark else 1,
            (mark.column + 1) if mark else 0,
        )
        return {}
    except (ValueError, TypeError, OverflowError) as exc:  # a tagged value YAML cannot build
        sink.error("PRZ602", f"authors file holds a value that cannot be read: {exc}", 1)
        return {}
    entries = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        sink.error(
            "PRZ602", "authors file must contain an 'authors:' mapping of keys to authors", 1
        )
        return {}
    result: dict[str, Author] = {}
    for key, raw in entries.items():
        if not isinstance(raw, dict):
            sink.warning("PRZ602", f"author '{key}' must be a mapping with at least 'name'", 1)
            continue
        author = _author(str(key), raw)
        result[str(key)] = author
        result.setdefault(fold(author.name), author)
    return result


def _author(key: str, raw: Mapping[str, Any]) -> Author:
    url = str(raw.get("url") or "")
    return Author(
        key=key,
        name=str(raw.get("name") or key),
        description=str(raw.get("description") or ""),
        avatar=str(raw.get("avatar") or ""),
        url=url if is_safe_url(url) else "",
    )


def resolve(name: str, known: Mapping[str, Author]) -> Author | None:
    """Find the author named ``name`` (a key or a display name) in ``known``."""
    return known.get(name) or known.get(fold(name))
