"""``mkdocs-prizm``: check articles before they reach a build (editors, pre-commit, CI).

```
mkdocs-prizm check [PATH ...] [-f mkdocs.yml] [--language fr] [--article-paths GLOB]
                   [--all-articles] [--strict] [--format text|json|github] [-q | -v]
mkdocs-prizm codes [--format text|json]
```

``check`` runs exactly the pipeline the plugin runs
([`process_source`][mkdocs_prizm.core.pipeline.process_source]) on each Markdown file and prints
one line per problem, ``FILE:LINE:COL: severity CODE message``, then a summary on stderr.

Exit status: 0 when clean, 1 when an error was found (or a warning, with ``--strict``),
2 on a usage error (unknown option, a path that does not exist, an unusable ``-f`` file).

The module imports neither MkDocs nor Jinja: it starts fast enough for pre-commit hooks.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mkdocs_prizm.core.problems import CODES, Problem, Severity

if TYPE_CHECKING:
    from mkdocs_prizm.core.pipeline import Options

__all__ = ["main"]

PROG = "mkdocs-prizm"
FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class UsageError(Exception):
    """A command-line mistake: reported on stderr with exit status 2."""


# --------------------------------------------------------------------------- arguments


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check Prizm articles with the same rules as the mkdocs-prizm plugin.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser(
        "check",
        help="check Markdown files or folders",
        description="Check Markdown files (folders are searched recursively for *.md). "
        "Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage error.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default with -f: the site's docs_dir)",
    )
    check.add_argument(
        "-f",
        "--config",
        metavar="MKDOCS_YML",
        help="read the 'prizm' plugin options (and docs_dir) from this mkdocs.yml",
    )
    check.add_argument("--language", help="language of the articles (fr, en); default fr")
    check.add_argument(
        "--article-paths",
        action="append",
        default=None,
        metavar="GLOB",
        help="treat files matching GLOB (relative to docs_dir or to the folder given) as "
        "articles; repeatable",
    )
    check.add_argument(
        "--all-articles",
        action="store_true",
        help="treat every file as an article, whatever its front matter",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="check in N processes (0: one per CPU); output order is unchanged. Default 1",
    )
    check.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    check.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    level = check.add_mutually_exclusive_group()
    level.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print errors only (and warnings with --strict), no summary",
    )
    level.add_argument("-v", "--verbose", action="store_true", help="print informational notes too")

    codes = commands.add_parser("codes", help="list the problem codes")
    codes.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}")
    return value


def _version() -> str:
    from mkdocs_prizm import __version__  # noqa: PLC0415 - the package is already imported

    return __version__


# --------------------------------------------------------------------------- configuration


@dataclasses.dataclass
class _Settings:
    options: Options
    docs_dir: Path | None = None


def _settings(args: argparse.Namespace) -> _Settings:
    from mkdocs_prizm.core.pipeline import Options  # noqa: PLC0415 - keep `codes` instant

    plugin: dict[str, Any] = {}
    docs_dir: Path | None = None
    theme_language: str | None = None
    if args.config:
        plugin, docs_dir, theme_language = _read_mkdocs_yml(Path(args.config))
    kwargs = _options_from_plugin(plugin, docs_dir)
    language = args.language or plugin.get("language") or theme_language or "fr"
    from mkdocs_prizm.core.i18n import normalise_language  # noqa: PLC0415

    kwargs["language"] = normalise_language(str(language), default="fr")
    if args.article_paths:
        kwargs["article_paths"] = tuple(args.article_paths)
    if args.all_articles:
        kwargs["article_paths"] = ("*",)
    return _Settings(Options(**kwargs), docs_dir)


def _config_loader() -> type:
    """A YAML loader that reads mkdocs.yml safely: ``!ENV`` resolved, other tags inert."""
    import yaml  # noqa: PLC0415

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        pass

    def env_tag(loader: Any, node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        elif isinstance(node, yaml.SequenceNode):
            items = loader.construct_sequence(node)
            names, default = items[:-1], items[-1] if items else None
        else:
            return None
        for name in names:
            if isinstance(name, str) and name in os.environ:
                return yaml.safe_load(os.environ[name])
        return default

    def ignore(loader: Any, suffix: str, node: Any) -> Any:
        return None  # !!python/name:... and other tags: never executed

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("", ignore)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", ignore)
    return Loader


def _read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], Path, str | None]:
    """The prizm plugin's options, the docs_dir and the theme language of a mkdocs.yml."""
    import yaml  # noqa: PLC0415

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_config_loader())  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise UsageError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UsageError(f"{path} is not a mapping of MkDocs settings")
    plugin: Any = None
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    if isinstance(plugins, list):
        for item in plugins:
            if item == "prizm":
                plugin = {}
            elif isinstance(item, dict) and "prizm" in item:
                plugin = item["prizm"] or {}
    if plugin is None:
        raise UsageError(f"{path} does not enable the 'prizm' plugin")
    if not isinstance(plugin, dict):
        raise UsageError(f"{path}: the 'prizm' plugin options are not a mapping")
    docs_dir = path.parent / str(data.get("docs_dir") or "docs")
    theme = data.get("theme")
    language = None
    if isinstance(theme, dict):
        language = theme.get("language") or theme.get("locale")
    return plugin, docs_dir, str(language) if language else None


#: Plugin option → (Options field, expected type).  Options the check does not use are ignored.
_OPTION_FIELDS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "articles_detect": ("detect_articles", bool),
    "articles_paths": ("article_paths", list),
    "lists_fix": ("fix_lists", bool),
    "sources": ("sources", bool),
    "sources_headings": ("sources_headings", list),
    "citations": ("citations", bool),
    "readtime_words_per_minute": ("words_per_minute", int),
    "readtime_include_code": ("readtime_include_code", bool),
    "readtime_split_elisions": ("readtime_split_elisions", bool),
    "readtime_tolerance": ("readtime_tolerance", (int, float)),
    "blog_compat": ("blog_compat", bool),
}


def _options_from_plugin(plugin: Mapping[str, Any], docs_dir: Path | None) -> dict[str, Any]:
    from mkdocs_prizm.core.comments import (  # noqa: PLC0415
        DEFAULT_DIRECTIVES,
        DEFAULT_NOTE_PATTERNS,
        NoteMatcher,
    )

    def typed(name: str, expected: type | tuple[type, ...]) -> Any:
        value = plugin[name]
        if isinstance(value, bool) and expected in (int, (int, float)):
            raise UsageError(f"prizm option '{name}' must be a number, not {value!r}")
        if not isinstance(value, expected):
            raise UsageError(f"prizm option '{name}' has the wrong type: {value!r}")
        if isinstance(value, list):
            return tuple(str(v) for v in value)
        return value

    kwargs: dict[str, Any] = {}
    for name, (field, expected) in _OPTION_FIELDS.items():
        if plugin.get(name) is not None:
            kwargs[field] = typed(name, expected)
    notes: dict[str, Any] = {}
    if plugin.get("notes_patterns") is not None:
        notes["patterns"] = typed("notes_patterns", list)
    if plugin.get("notes_strip_all") is not None:
        notes["strip_all"] = typed("notes_strip_all", bool)
    if plugin.get("notes_directives") is not None:
        notes["directives"] = typed("notes_directives", list)
    if notes:
        kwargs["notes"] = NoteMatcher(
            notes.get("patterns", DEFAULT_NOTE_PATTERNS),
            strip_all=notes.get("strip_all", False),
            directives=notes.get("directives", DEFAULT_DIRECTIVES),
        )
    if plugin.get("reports_patterns") is not None:
        kwargs["report_patterns"] = typed("reports_patterns", list)
    if plugin.get("reports_exclude") is not None and not typed("reports_exclude", bool):
        kwargs["report_patterns"] = ()
    if docs_dir is not None:
        authors, given = _load_authors(plugin, docs_dir)
        kwargs["authors"] = authors
        kwargs["authors_file_given"] = given
    return kwargs


def _load_authors(plugin: Mapping[str, Any], docs_dir: Path) -> tuple[dict[str, Any], bool]:
    """The authors file as the plugin finds it (problems in it are the build's business)."""
    from mkdocs_prizm.core.authors import parse_authors  # noqa: PLC0415
    from mkdocs_prizm.core.problems import ProblemSink  # noqa: PLC0415

    given = plugin.get("authors_file")
    candidates = [str(given)] if given else [".authors.yml", "blog/.authors.yml"]
    for name in candidates:
        path = docs_dir / name
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return {}, True
            return parse_authors(text, ProblemSink(str(path))), True
    return {}, False


# --------------------------------------------------------------------------- files


@dataclasses.dataclass(frozen=True)
class _Target:
    shown: str  # the path as the user knows it, named in problems
    match: str  # the path matched against article_paths (relative, "/"-separated)
    path: Path


def _targets(paths: Sequence[str], docs_dir: Path | None) -> list[_Target]:
    """Expand the command line into files: folders recursively (``*.md``), sorted, no repeats."""
    docs = docs_dir.resolve() if docs_dir is not None else None
    found: list[_Target] = []
    seen: set[Path] = set()
    for arg in paths:
        root = Path(arg)
        if root.is_dir():
            files = sorted(
                (p for p in root.rglob("*.md") if p.is_file()),
                key=lambda p: p.relative_to(root).as_posix(),
            )
            pairs = [(p, p.relative_to(root).as_posix()) for p in files]
        elif root.exists():
            pairs = [(root, root.as_posix())]
        else:
            raise UsageError(f"no such file or folder: {arg}")
        for path, relative in pairs:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            match = relative
            if docs is not None and resolved.is_relative_to(docs):
                match = resolved.relative_to(docs).as_posix()
            found.append(_Target(str(path), match, path))
    return found


def _check_file(target: _Target, options: Any) -> tuple[list[Problem], bool]:
    """Problems of one file (file named as given) and whether it is an article."""
    from mkdocs_prizm.core.pipeline import process_source  # noqa: PLC0415

    try:
        source = target.path.read_bytes().decode("utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return [_unreadable(target.shown, f"cannot be read: {reason}")], False
    except UnicodeDecodeError as exc:
        return [
            _unreadable(
                target.shown,
                f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
                "save it as UTF-8",
            )
        ], False
    processed = process_source(source, target.match, options)
    problems = sorted(processed.problems, key=lambda p: (p.line, p.column))
    if target.match != target.shown:
        problems = [dataclasses.replace(p, file=target.shown) for p in problems]
    return problems, processed.article.is_article


def _unreadable(file: str, message: str) -> Problem:
    return Problem(file, 0, 0, Severity.ERROR, "PRZ901", f"file {message}")


def _results(
    targets: Sequence[_Target], options: Options, jobs: int
) -> Iterator[tuple[list[Problem], bool]]:
    """Check the files in order, in ``jobs`` processes when asked (0: one per CPU)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(targets) < 64:
        for target in targets:
            yield _check_file(target, options)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_check_file, targets, [options] * len(targets), chunksize=16)


# --------------------------------------------------------------------------- output


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


def _write(out: TextIO, problems: Sequence[Problem], fmt: str) -> None:
    if fmt == "json":
        from mkdocs_prizm.core.report import problem_record  # noqa: PLC0415

        json.dump([problem_record(p) for p in problems], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for problem in problems:
        out.write((github_annotation(problem) if fmt == "github" else problem.format()) + "\n")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(files: int, articles: int, counts: Mapping[Severity, int], hidden: int) -> str:
    text = (
        f"{PROG}: checked {_plural(files, 'file')} ({_plural(articles, 'article')}): "
        f"{_plural(counts[Severity.ERROR], 'error')}, "
        f"{_plural(counts[Severity.WARNING], 'warning')}, "
        f"{counts[Severity.INFO]} info"
    )
    if hidden:
        text += f" ({hidden} not shown; -v shows info)"
    return text


# --------------------------------------------------------------------------- commands


def _run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    settings = _settings(args)
    paths = list(args.paths)
    if not paths:
        if settings.docs_dir is None:
            raise UsageError("give at least one PATH, or -f mkdocs.yml to check its docs_dir")
        paths = [str(settings.docs_dir)]
    targets = _targets(paths, settings.docs_dir)

    shown_levels = {Severity.ERROR, Severity.WARNING}
    if args.verbose:
        shown_levels.add(Severity.INFO)
    if args.quiet:
        shown_levels = {Severity.ERROR} | ({Severity.WARNING} if args.strict else set())

    counts = dict.fromkeys(Severity, 0)
    shown: list[Problem] = []
    articles = 0
    for problems, is_article in _results(targets, settings.options, args.jobs):
        articles += is_article
        for problem in problems:
            counts[problem.severity] += 1
            if problem.severity in shown_levels:
                shown.append(problem)
        if args.format != "json":  # stream, so long runs show progress
            _write(out, [p for p in problems if p.severity in shown_levels], args.format)
    if args.format == "json":
        _write(out, shown, "json")
    out.flush()
    if not args.quiet:
        hidden = sum(counts.values()) - len(shown)
        err.write(_summary(len(targets), articles, counts, hidden) + "\n")
    failed = counts[Severity.ERROR] > 0 or (args.strict and counts[Severity.WARNING] > 0)
    return 1 if failed else 0


def _run_codes(args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "json":
        json.dump(CODES, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for code, summary in CODES.items():
            out.write(f"{code}  {summary}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 clean, 1 problems that fail the check, 2 usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, mistakes exit 2
        return exc.code if isinstance(exc.code, int) else 2
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "codes":
            return _run_codes(args, out)
        return _run_check(args, out, err)
    except UsageError as exc:
        err.write(f"{PROG}: error: {exc}\n")
        return 2
    except BrokenPipeError:  # `mkdocs-prizm check docs | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
