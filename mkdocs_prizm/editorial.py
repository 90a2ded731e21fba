"""The MkDocs side of the editorial tooling: the JSON report and the public sources page.

The data comes from the pure [`mkdocs_prizm.core.report`][mkdocs_prizm.core.report] and
[`mkdocs_prizm.core.sources_index`][mkdocs_prizm.core.sources_index]; this module only knows
where MkDocs keeps files and pages.  The plugin calls it from ``on_config`` (where the
report goes), ``on_files`` (the sources page exists), ``on_env`` (every page's content is
built: fill the sources page) and ``on_post_build`` (write the report).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.core.problems import Problem
from mkdocs_prizm.core.report import article_record, build_report
from mkdocs_prizm.core.sources_index import ArticleRef, reliability_histogram, sources_index
from mkdocs_prizm.core.trust.summary import LinkStatus, site_trust, unknown_link_status
from mkdocs_prizm.render import Renderer

__all__ = [
    "SOURCES_INDEX_MARKER",
    "add_sources_page",
    "fill_sources_page",
    "report_path",
    "write_report",
]

#: Where the sources index goes in the sources page (kept by the notes filter: ``prizm:``).
SOURCES_INDEX_MARKER = "<!-- prizm:sources-index -->"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


#: Folders of the system, not of files: writing there changes the machine, not a report.
_SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))


def _refuse(report_file: str, why: str) -> PluginError:
    return PluginError(f"prizm: report_file '{report_file}' {why}")


def _is_report(path: Path) -> bool:
    """Whether ``path`` is empty or holds an editorial report (it may be written over)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if not text.strip():
        return True
    try:
        data = json.loads(text)
    except ValueError:
        return False
    generator = data.get("generator") if isinstance(data, dict) else None
    return isinstance(generator, dict) and generator.get("name") == "mkdocs-prizm"


def report_path(config: MkDocsConfig, report_file: str | None) -> Path | None:
    """Where the report goes: ``report_file`` relative to ``mkdocs.yml``'s folder.

    The path must name a new file, or an existing regular file that is empty or holds an
    earlier report, outside ``site_dir`` (it would be published) and ``docs_dir`` (the next
    build would copy it into the site); it is never the configuration file.

    Raises:
        PluginError: When the path breaks one of these rules, or its folder cannot hold it
            (a file stands where a folder should be, or the folder is not writable).
    """
    if not report_file:
        return None
    config_file = Path(config.config_file_path).resolve() if config.config_file_path else None
    base = config_file.parent if config_file else Path.cwd()
    try:
        path = (base / report_file).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a NUL character
        raise _refuse(report_file, f"cannot be used as a path: {exc}") from None
    for name, given in (("site_dir", config.site_dir), ("docs_dir", config.docs_dir)):
        if _inside(path, Path(given).resolve()):
            raise _refuse(
                report_file,
                f"is inside {name} ({given}); the editorial report holds internal notes and "
                "must never be published: choose a path outside site_dir and docs_dir, for "
                "example 'prizm-report.json'",
            )
    if path == config_file:
        raise _refuse(report_file, "is the configuration file; choose another file name")
    if any(_inside(path, system) for system in _SYSTEM_FOLDERS):
        raise _refuse(report_file, f"is a system path ({path}); choose a file in the project")
    if path.is_dir():
        raise _refuse(report_file, "is a folder; name a file in it, such as 'prizm-report.json'")
    if path.exists() or path.is_symlink():
        if not path.is_file():
            raise _refuse(report_file, "exists and is not a regular file")
        if not _is_report(path):
            raise _refuse(
                report_file,
                "exists and is not an editorial report of mkdocs-prizm; it is not overwritten: "
                "choose a new file name",
            )
        folder = path
    else:
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            raise _refuse(report_file, f"cannot be created: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK):
        raise _refuse(report_file, f"cannot be written: {folder} is not writable")
    return path


def write_report(
    path: Path,
    articles: Mapping[str, Processed],
    problems: Iterable[Problem],
    *,
    version: str,
    link_status: LinkStatus = unknown_link_status,
) -> None:
    """Write the JSON report (UTF-8, sorted keys, stable across identical builds).

    ``link_status`` tells a source's link status when link-health data is at hand (the dead
    links of the trust summary); by default every status is unknown.

    Raises:
        PluginError: When the file cannot be written (its folder is gone, the disk is full).
    """
    records = [article_record(p, link_status) for p in articles.values()]
    others = [p for p in problems if p.file not in articles]
    report = build_report(records, generator_version=version, other_problems=others)
    text = json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PluginError(f"prizm: cannot write the editorial report to {path}: {reason}") from None


def add_sources_page(files: Files, config: MkDocsConfig, src_uri: str, title: str) -> None:
    """Add the generated sources page, unless the site has its own page at ``src_uri``.

    A page of the site's own is kept: the index goes where it writes the marker
    ``<!-- prizm:sources-index -->``, or at its end.
    """
    if files.get_file_from_path(src_uri) is not None:
        return
    content = f"# {title}\n\n{SOURCES_INDEX_MARKER}\n"
    files.append(File.generated(config, src_uri, content=content))


def fill_sources_page(
    files: Files,
    src_uri: str,
    articles: Iterable[Processed],
    renderer: Renderer,
    *,
    link_status: LinkStatus = unknown_link_status,
) -> bool:
    """Put the index into the sources page's built content; ``False`` if the page is absent.

    Called from ``on_env``: every page's content is built by then, so every article is known.
    The trust summary counts dead links when ``link_status`` knows them.
    """
    articles = list(articles)
    file = files.get_file_from_path(src_uri)
    page = file.page if file is not None else None
    if not isinstance(page, Page) or page.content is None:
        return False
    groups = sources_index(articles)

    def link(ref: ArticleRef) -> str:
        target = files.get_file_from_path(ref.path)
        if target is None or target.inclusion.value <= InclusionLevel.DRAFT.value:
            return ""
        return get_relative_url(target.url, page.url) + "#" + ref.anchor

    def article_link(path: str) -> str:
        target = files.get_file_from_path(path)
        if target is None or target.inclusion.value <= InclusionLevel.DRAFT.value:
            return ""
        return get_relative_url(target.url, page.url)

    trust = site_trust(((p.article, p.trust) for p in articles), link_status)
    html = renderer.sources_index(
        groups,
        reliability_histogram(groups),
        link=link,
        trust=trust,
        article_link=article_link,
    )
    content = page.content.replace(f"<p>{SOURCES_INDEX_MARKER}</p>", SOURCES_INDEX_MARKER)
    if SOURCES_INDEX_MARKER in content:
        page.content = content.replace(SOURCES_INDEX_MARKER, html, 1)
    else:
        page.content = content.rstrip() + "\n" + html
    return True
