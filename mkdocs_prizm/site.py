"""What a site gives the pipeline besides its options: its language and its authors file.

Shared by the MkDocs plugin and ``mkdocs-prizm check``, which read the same site the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs_prizm.core.article import Author
from mkdocs_prizm.core.authors import parse_authors
from mkdocs_prizm.core.i18n import normalise_language
from mkdocs_prizm.core.problems import Problem, ProblemSink

__all__ = ["AUTHORS_CANDIDATES", "AuthorsFile", "load_authors", "site_language"]

#: Where an authors file is looked for in ``docs_dir`` when ``authors_file`` is not set.
AUTHORS_CANDIDATES = (".authors.yml", "blog/.authors.yml")


@dataclass(frozen=True, slots=True)
class AuthorsFile:
    """The authors file found for a site: its entries, whether one exists, its problems."""

    authors: dict[str, Author]
    found: bool
    problems: list[Problem]


def load_authors(docs_dir: Path, given: str | None, shown_dir: str = "") -> AuthorsFile:
    """Read the site's authors file (``given``, else the first of the usual places).

    Args:
        docs_dir: The site's ``docs_dir``.
        given: The ``authors_file`` option.
        shown_dir: How to name ``docs_dir`` in problems (``docs``).

    Raises:
        FileNotFoundError: ``given`` names no file in ``docs_dir``.
    """
    for name in [given] if given else list(AUTHORS_CANDIDATES):
        path = docs_dir / name
        if not path.is_file():
            continue
        sink = ProblemSink(f"{shown_dir}/{name}" if shown_dir else str(path))
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            sink.error("PRZ602", f"authors file cannot be read as UTF-8 text: {exc}", 1)
            return AuthorsFile({}, True, sink.items)
        return AuthorsFile(parse_authors(text, sink), True, sink.items)
    if given:
        raise FileNotFoundError(f"authors_file '{given}' not found in docs_dir")
    return AuthorsFile({}, False, [])


def site_language(option: str | None, theme_language: str | None) -> str:
    """The language option, else the theme's (when the site owner set one), else French."""
    return normalise_language(option or theme_language, default="fr")
