"""``mkdocs-prizm``: check articles before they reach a build (editors, pre-commit, CI).

```
mkdocs-prizm check [PATH ...] [-f mkdocs.yml] [--language fr] [--article-paths GLOB]
                   [--all-articles] [--strict] [--format text|json|github] [-q | -v]
mkdocs-prizm codes [--format text|json]
mkdocs-prizm links [PATH ...] [-f mkdocs.yml] [--wayback] ...   (see ``cli.links``)
```

``check`` runs exactly the pipeline the plugin runs, with the plugin's options read from
``mkdocs.yml`` by the same schema ([`Pipeline`][mkdocs_prizm.core.pipeline.Pipeline]), on each
Markdown file and prints
one line per problem, ``FILE:LINE:COL: severity CODE message``, then a summary on stderr.

Exit status: 0 when clean, 1 when an error was found (or a warning, with ``--strict``),
2 on a usage error (unknown option, a path that does not exist, an unusable ``-f`` file).

The command imports neither MkDocs nor Jinja: it starts fast enough for pre-commit hooks.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from mkdocs_prizm.cli.config import UsageError, check_site
from mkdocs_prizm.cli.links import add_links_parser, run_links
from mkdocs_prizm.cli.output import FORMATS, PROG, github_annotation, summary, write_problems
from mkdocs_prizm.core.pipeline import Pipeline
from mkdocs_prizm.core.problems import CODES, Problem, Severity

__all__ = ["github_annotation", "main"]


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
    add_links_parser(commands)
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


# --------------------------------------------------------------------------- files


@dataclasses.dataclass(frozen=True)
class _Target:
    shown: str  # the path as the user knows it, named in problems
    match: str  # the path matched against articles_paths (relative, "/"-separated)
    path: Path
    problem: str = ""  # why the file cannot be checked (a broken link, not a regular file)


def _kind_problem(path: Path) -> str:
    """Why ``path`` cannot be read as a Markdown file, or empty: FIFOs and devices never are."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "is a broken symbolic link" if path.is_symlink() else "does not exist"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a FIFO, socket or device): not read"
    return ""


def _targets(paths: Sequence[str], docs_dir: Path | None) -> list[_Target]:
    """Expand the command line into files: folders recursively (``*.md``), sorted, no repeats."""
    docs = docs_dir.resolve() if docs_dir is not None else None
    found: list[_Target] = []
    seen: set[Path] = set()
    for arg in paths:
        root = Path(arg)
        if root.is_dir():
            files = sorted(
                (p for p in root.rglob("*.md") if not p.is_dir()),
                key=lambda p: p.relative_to(root).as_posix(),
            )
            pairs = [(p, p.relative_to(root).as_posix()) for p in files]
        elif root.exists() or root.is_symlink():
            pairs = [(root, root.as_posix())]
        else:
            raise UsageError(f"no such file or folder: {arg}")
        for path, relative in pairs:
            problem = _kind_problem(path)
            resolved = path.resolve() if not problem else path.absolute()
            if resolved in seen:
                continue
            seen.add(resolved)
            match = relative
            if docs is not None and resolved.is_relative_to(docs):
                match = resolved.relative_to(docs).as_posix()
            found.append(_Target(str(path), match, path, problem))
    return found


def _check_file(target: _Target, pipeline: Pipeline) -> tuple[list[Problem], bool]:
    """Problems of one file (file named as given) and whether it is an article."""
    if target.problem:
        return [_unreadable(target.shown, target.problem)], False
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
    processed = pipeline.process_source(source, target.match)
    problems = sorted(processed.problems, key=lambda p: (p.line, p.column))
    if target.match != target.shown:
        problems = [dataclasses.replace(p, file=target.shown) for p in problems]
    return problems, processed.article.is_article


def _unreadable(file: str, message: str) -> Problem:
    return Problem(file, 0, 0, Severity.ERROR, "PRZ901", f"file {message}")


def _results(
    targets: Sequence[_Target], pipeline: Pipeline, jobs: int
) -> Iterator[tuple[list[Problem], bool]]:
    """Check the files in order, in ``jobs`` processes when asked (0: one per CPU)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(targets) < 64:
        for target in targets:
            yield _check_file(target, pipeline)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_check_file, targets, [pipeline] * len(targets), chunksize=16)


# --------------------------------------------------------------------------- commands


def _run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    site = check_site(
        args.config,
        language=args.language,
        article_paths=args.article_paths,
        all_articles=args.all_articles,
    )
    paths = list(args.paths)
    if not paths:
        if site.docs_dir is None:
            raise UsageError("give at least one PATH, or -f mkdocs.yml to check its docs_dir")
        paths = [str(site.docs_dir)]
    targets = _targets(paths, site.docs_dir)

    shown_levels = {Severity.ERROR, Severity.WARNING}
    if args.verbose:
        shown_levels.add(Severity.INFO)
    if args.quiet:
        shown_levels = {Severity.ERROR} | ({Severity.WARNING} if args.strict else set())

    counts = dict.fromkeys(Severity, 0)
    shown: list[Problem] = []
    articles = 0
    results = _results(targets, site.pipeline, args.jobs)
    for problems, is_article in itertools.chain([(list(site.problems), False)], results):
        articles += is_article
        for problem in problems:
            counts[problem.severity] += 1
            if problem.severity in shown_levels:
                shown.append(problem)
        if args.format != "json":  # stream, so long runs show progress
            write_problems(out, [p for p in problems if p.severity in shown_levels], args.format)
    if args.format == "json":
        write_problems(out, shown, "json")
    out.flush()
    if not args.quiet:
        hidden = sum(counts.values()) - len(shown)
        err.write(summary(len(targets), articles, counts, hidden) + "\n")
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
        if args.command == "links":
            return run_links(args, out, err)
        return _run_check(args, out, err)
    except UsageError as exc:
        err.write(f"{PROG}: error: {exc}\n")
        return 2
    except BrokenPipeError:  # `mkdocs-prizm check docs | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
