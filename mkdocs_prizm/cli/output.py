"""How ``mkdocs-prizm check`` prints problems: text, JSON, or GitHub workflow commands."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TextIO

from mkdocs_prizm.core.problems import Problem, Severity

__all__ = ["FORMATS", "PROG", "github_annotation", "summary", "write_problems"]

PROG = "mkdocs-prizm"
FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command (``::error file=...,line=...::message``).

    Args:
        problem: The problem; info becomes a ``notice``; line and column are left out when
            unknown (0).

    Returns:
        The command line, with GitHub's escaping of data and properties.
    """
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.column:
            props.append(f"col={problem.column}")
    props.append(f"title={_escape_property(problem.code)}")
    level = _GITHUB_LEVEL[problem.severity]
    return f"::{level} {','.join(props)}::{_escape_data(problem.message)}"


def write_problems(out: TextIO, problems: Sequence[Problem], fmt: str) -> None:
    """Print ``problems`` in format ``fmt`` (one of ``FORMATS``)."""
    if fmt == "json":
        from mkdocs_prizm.core.report import problem_record  # noqa: PLC0415

        json.dump([problem_record(p) for p in problems], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for problem in problems:
        out.write((github_annotation(problem) if fmt == "github" else problem.format()) + "\n")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(files: int, articles: int, counts: Mapping[Severity, int], hidden: int) -> str:
    """The closing line: files and articles checked, problems by severity."""
    text = (
        f"{PROG}: checked {_plural(files, 'file')} ({_plural(articles, 'article')}): "
        f"{_plural(counts[Severity.ERROR], 'error')}, "
        f"{_plural(counts[Severity.WARNING], 'warning')}, "
        f"{counts[Severity.INFO]} info"
    )
    if hidden:
        text += f" ({hidden} not shown; -v shows info)"
    return text
