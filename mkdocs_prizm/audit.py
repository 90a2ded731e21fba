"""The post-build audit: every text file of the built site read once, scanned for leaks.

The matching is the core's ([`Auditor`][mkdocs_prizm.core.audit.Auditor]); this module walks
``site_dir``, reads each file that may hold text (HTML pages, ``search/search_index.json``,
``sitemap.xml``, feeds, scripts, stylesheets...) in one read, and turns what is found into
[`Problem`][mkdocs_prizm.core.problems.Problem] records naming the file and the line.
Files known to be binary (images, fonts, archives) are not read; a file of another kind whose
first bytes hold a NUL byte is taken as binary and not read further.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from mkdocs_prizm.core.audit import Auditor
from mkdocs_prizm.core.problems import Problem, Severity

__all__ = ["BINARY_SUFFIXES", "TEXT_SUFFIXES", "audit_site", "shown_site_dir", "site_files"]

#: File name endings of files that hold no text to audit.
BINARY_SUFFIXES: frozenset[str] = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
        ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".zip", ".gz", ".bz2", ".xz",
        ".zst", ".br", ".7z", ".tar", ".mp3", ".mp4", ".m4a", ".ogg", ".oga", ".ogv", ".webm",
        ".wav", ".flac", ".mov", ".avi", ".wasm", ".pyc", ".so", ".dll", ".exe", ".bin",
    }
)  # fmt: skip
#: File name endings of files read whole without looking for a NUL byte first.
TEXT_SUFFIXES: frozenset[str] = frozenset(
    {".html", ".htm", ".xml", ".json", ".txt", ".js", ".css", ".svg", ".map", ".md"}
)
#: How many bytes of a file of another kind are read first, to tell text from binary.
_SNIFF = 4096


def site_files(site_dir: Path, skip: Sequence[str] = ()) -> Iterator[tuple[str, Path]]:
    """The files of ``site_dir`` that may hold text, as ``(relative posix path, path)``.

    In a stable order (names sorted); ``skip`` holds glob patterns of relative paths left out.
    """
    for folder, dirs, names in os.walk(site_dir):
        dirs.sort()
        base = Path(folder)
        for name in sorted(names):
            path = base / name
            if path.suffix.lower() in BINARY_SUFFIXES:
                continue
            relative = path.relative_to(site_dir).as_posix()
            if any(fnmatch.fnmatchcase(relative, pattern) for pattern in skip):
                continue
            yield relative, path


def _read_text(path: Path) -> bytes | None:
    """The file's bytes in one pass, or ``None`` when it is binary (or cannot be read)."""
    try:
        with path.open("rb", buffering=0) as handle:
            if path.suffix.lower() in TEXT_SUFFIXES:
                return handle.readall()
            head = handle.read(_SNIFF)
            if b"\0" in head:
                return None
            return head + handle.readall()
    except OSError:
        return None


def audit_site(
    site_dir: Path, auditor: Auditor, *, shown_as: str, skip: Sequence[str] = ()
) -> list[Problem]:
    """Scan every text file of ``site_dir``; one error per marker found in a file.

    Args:
        site_dir: The built site.
        auditor: What to look for.
        shown_as: How problems name ``site_dir`` (``site``): file names are joined to it.
        skip: Glob patterns of paths (relative to ``site_dir``) that are not scanned.

    Returns:
        The leaks as errors, by file then place.
    """
    problems = []
    prefix = shown_as.rstrip("/") + "/" if shown_as else ""
    previous: dict[str, bytes] = {}  # by file name ending: the file scanned last
    for relative, path in site_files(site_dir, skip):
        data = _read_text(path)
        if not data:
            continue
        suffix = path.suffix.lower()
        leaks = auditor.scan(data, markup=suffix != ".json", previous=previous.get(suffix, b""))
        previous[suffix] = data
        for leak in leaks:
            problems.append(
                Problem(
                    prefix + relative,
                    leak.line,
                    leak.column,
                    Severity.ERROR,
                    leak.kind.value,
                    leak.message,
                )
            )
    return problems


def shown_site_dir(site_dir: str, config_file: str | None) -> str:
    """How messages name ``site_dir``: relative to the configuration's folder when inside it."""
    if config_file:
        try:
            return Path(site_dir).relative_to(Path(config_file).parent).as_posix()
        except ValueError:
            pass
    return site_dir
