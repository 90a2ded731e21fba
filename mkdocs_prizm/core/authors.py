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

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml

from mkdocs_prizm.core.article import Author
from mkdocs_prizm.core.frontmatter.loader import Refused, load_mapping
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.text import fold
from mkdocs_prizm.core.urls import is_safe_url

__all__ = ["parse_authors", "resolve"]

RE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def parse_authors(text: str, sink: ProblemSink) -> dict[str, Author]:
    """Read an authors file; faults are reported (PRZ602) with their line and column.

    A syntax error yields no authors; a value YAML cannot read (``!!int abc``) or an entry
    that is not a mapping is left out, and the other entries are used.

    Returns:
        Authors by key and by case- and accent-folded display name.
    """
    try:
        loaded = load_mapping(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        sink.error(
            "PRZ602",
            f"authors file is not valid YAML: {getattr(exc, 'problem', exc)}; "
            "expected 'authors:' and one mapping per author",
            (mark.line + 1) if mark else 1,
            (mark.column + 1) if mark else 0,
        )
        return {}
    except Refused as exc:
        sink.error(
            "PRZ602", f"authors file is refused: {exc.message}", exc.line + 1, exc.column + 1
        )
        return {}
    except RecursionError:  # pragma: no cover - the pure-Python loader only
        sink.error("PRZ602", "authors file is nested too deeply", 1, 1)
        return {}
    for fault in loaded.faults:
        where = f"'{fault.path}'" if fault.path else "a value"
        sink.warning(
            "PRZ602",
            f"authors file: {where} is {fault.text!r}, which YAML cannot read ({fault.reason}); "
            f"expected {fault.expected}; it is left out",
            fault.line + 1,
            fault.column + 1,
        )
    for twice in loaded.duplicates:
        sink.warning(
            "PRZ602",
            f"authors file: key '{twice.key}' is written again (first on line "
            f"{twice.first_line + 1}); the last one is used",
            twice.line + 1,
            twice.column + 1,
        )
    data = loaded.data
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


def _text(value: Any) -> str:
    """A text field of an entry; anything but a text, number or date is left out."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        text = str(value)
    else:
        return ""
    return " ".join(RE_CONTROL.sub("", text).split())


def _author(key: str, raw: Mapping[str, Any]) -> Author:
    url = _text(raw.get("url"))
    return Author(
        key=key,
        name=_text(raw.get("name")) or key,
        description=_text(raw.get("description")),
        avatar=_text(raw.get("avatar")),
        url=url if is_safe_url(url) else "",
    )


def resolve(name: str, known: Mapping[str, Author]) -> Author | None:
    """Find the author named ``name`` (a key or a display name) in ``known``."""
    return known.get(name) or known.get(fold(name))
