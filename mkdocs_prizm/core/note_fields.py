"""The fields of an internal note: the pipeline's ``Key : value`` lines, read for the report."""

from __future__ import annotations

import re

from mkdocs_prizm.core.article import InternalNote
from mkdocs_prizm.core.text import fold

__all__ = ["parse_note"]

RE_FIELD = re.compile(r"^\s*([^:\n]{1,60}?)\s*:\s*(.*?)\s*$")
RE_PERCENT = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*%?")


def parse_note(inner: str, line: int) -> InternalNote:
    """Read an internal note's fields (``Key : value`` lines) from its body.

    Args:
        inner: The comment's text between ``<!--`` and ``-->``.
        line: Line of the comment in the body.

    Returns:
        The note; its first non-empty line is its kind.
    """
    kind = ""
    fields: list[tuple[str, str]] = []
    for raw in inner.splitlines():
        text = raw.strip()
        if not text:
            continue
        match = RE_FIELD.match(text)
        if match and match.group(2):
            fields.append((match.group(1), match.group(2)))
        elif not kind:
            kind = text
    by_key = {fold(k): v for k, v in fields}
    return InternalNote(
        kind=kind,
        fields=tuple(fields),
        version=by_key.get("version"),
        integrity_score=_percent(by_key.get("score integrite")),
        conversational_score=_percent(by_key.get("score conversationnel")),
        optimised_at=by_key.get("optimise le"),
        line=line,
    )


def _percent(value: str | None) -> float | None:
    if value is None:
        return None
    match = RE_PERCENT.match(value.strip())
    if not match:
        return None
    return float(match.group(1).replace(",", "."))
