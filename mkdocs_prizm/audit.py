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


def site_files(site_dir: Path, skip: Sequence[str] = ()) -> Iterator[tuple[str, str, str]]:
    """The files of ``site_dir`` that may hold text, as ``(relative posix path, path, ending)``.

    The ending is the file name's, lower-cased (``.html``), empty when it has none.

    A folder's files come before its subfolders', each in name order; ``skip`` holds glob
    patterns of relative paths left out.
    """
    for relative, path, suffix in _walk(str(site_dir), ""):
        if not any(fnmatch.fnmatchcase(relative, pattern) for pattern in skip):
            yield relative, path, suffix


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, str, str]]:
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    folders = []
    for entry in entries:
        if entry.is_dir():
            folders.append(entry)
        elif (suffix := _suffix(entry.name)) not in BINARY_SUFFIXES:
            yield prefix + entry.name, entry.path, suffix
    for entry in folders:
        yield from _walk(entry.path, prefix + entry.name + "/")


def _suffix(name: str) -> str:
    """The file name's ending, lower-cased (``.html``)."""
    stem, dot, ending = name.rpartition(".")
    return dot + ending.lower() if stem and ending else ""


def _read_text(path: str, suffix: str) -> bytes | None:
    """The file's bytes in one pass, or ``None`` when it is binary (or cannot be read).

    Args:
        path: The file.
        suffix: Its name's ending (``_suffix``).
    """
    try:
        with Path(path).open("rb", buffering=0) as handle:
            if suffix in TEXT_SUFFIXES:
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
    examples: set[str] = set()  # the markers shown in code: the authors' examples
    files = list(site_files(site_dir, skip))
    # The search index (JSON) last: it holds the text of the pages' examples, without code.
    files.sort(key=lambda file: file[2] == ".json")
    for relative, path, suffix in files:
        data = _read_text(path, suffix)
        if not data:
            continue
        leaks = auditor.scan(
            data,
            markup=suffix != ".json",
            previous=previous.get(suffix, b""),
            examples=examples,
        )
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
