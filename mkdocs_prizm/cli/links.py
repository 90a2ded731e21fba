"""``mkdocs-prizm links``: check the source links of articles and keep the answers in a cache.

```
mkdocs-prizm links [PATH ...] [-f mkdocs.yml] [--cache FILE] [--max-age DAYS] [--wayback]
                   [-j N] [--timeout S] [--per-host N] [--contact EMAIL_OR_URL]
                   [--strict] [--format text|json|github] [-q]
```

The only command that uses the network, and only when run.  It finds every article's sources
with the plugin's pipeline, asks each URL not checked within ``--max-age`` days (threads,
at most ``--per-host`` requests to one host at a time), writes the cache (stable sorted JSON,
meant to be committed next to ``mkdocs.yml``) and prints one line per dead, moved or
unreachable link, ``FILE:LINE:COL: severity CODE message``.  Builds read the cache only.

Exit status: 0 when no link is dead, 1 when one is (or one could not be checked, with
``--strict``), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, TextIO

from mkdocs_prizm.cli.config import UsageError, check_site
from mkdocs_prizm.cli.links_http import WAYBACK_API, HttpSettings, LinkChecker, user_agent
from mkdocs_prizm.cli.output import FORMATS, PROG, write_problems
from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.links import (
    CacheError,
    LinkRecord,
    LinkState,
    dump_cache,
    is_stale,
    link_problems,
    load_cache,
    source_urls,
)
from mkdocs_prizm.core.pipeline import Pipeline
from mkdocs_prizm.core.problems import Problem, Severity

__all__ = ["DEFAULT_CACHE", "add_links_parser", "run_links"]

#: The cache's name when neither ``--cache`` nor the ``links_cache`` option names one.
DEFAULT_CACHE = "prizm-links.json"
#: Environment variables read when the options are not given (CI secrets, test servers).
ENV_CONTACT = "PRIZM_LINKS_CONTACT"
ENV_WAYBACK_API = "PRIZM_WAYBACK_API"


def add_links_parser(commands: Any) -> None:
    """Add the ``links`` command to the ``mkdocs-prizm`` subcommands."""
    links = commands.add_parser(
        "links",
        help="check the source links of articles (uses the network) and update the cache",
        description="Check the source URLs of the articles under PATH and write the links "
        "cache builds read. Exit status: 0 no dead link, 1 dead links (or unchecked ones with "
        "--strict), 2 usage error.",
    )
    links.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles")
    links.add_argument("-f", "--config", metavar="MKDOCS_YML", help="the site's mkdocs.yml")
    links.add_argument(
        "--cache",
        metavar="FILE",
        help=f"the cache file (default: the links_cache option, else {DEFAULT_CACHE} next to "
        "mkdocs.yml, or in the current folder)",
    )
    links.add_argument(
        "--max-age",
        type=_number(float, "a number of days"),
        default=30.0,
        metavar="DAYS",
        help="check again links checked more than DAYS ago (0: all). Default 30",
    )
    links.add_argument(
        "--wayback",
        action="store_true",
        help="look up a Wayback Machine snapshot of each link checked",
    )
    links.add_argument(
        "--wayback-api",
        metavar="URL",
        default=os.environ.get(ENV_WAYBACK_API) or WAYBACK_API,
        help=f"the availability API (default: ${ENV_WAYBACK_API}, else {WAYBACK_API})",
    )
    links.add_argument(
        "-j",
        "--jobs",
        type=_number(int, "a number of threads above 0"),
        default=8,
        metavar="N",
        help="check N links at a time. Default 8",
    )
    links.add_argument(
        "--per-host",
        type=_number(int, "a number above 0"),
        default=2,
        metavar="N",
        help="at most N requests to one host at a time. Default 2",
    )
    links.add_argument(
        "--timeout",
        type=_number(float, "a number of seconds above 0"),
        default=10.0,
        metavar="SECONDS",
        help="give up on a server after SECONDS. Default 10",
    )
    links.add_argument(
        "--contact",
        default=os.environ.get(ENV_CONTACT, ""),
        metavar="EMAIL_OR_URL",
        help=f"who to contact, named in the User-Agent (default: ${ENV_CONTACT})",
    )
    links.add_argument(
        "--no-soft-404",
        dest="soft_404",
        action="store_false",
        help="do not read HTML pages' titles (HEAD requests only, unless HEAD fails)",
    )
    links.add_argument(
        "--prune", action="store_true", help="drop cache entries no article under PATH cites"
    )
    links.add_argument("--strict", action="store_true", help="links not checked fail too")
    links.add_argument("--format", choices=FORMATS, default="text", help="output format")
    links.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")


def _number(kind: type[float] | type[int], what: str) -> Any:
    def read(text: str) -> float | int:
        try:
            value = kind(text)
        except ValueError:
            value = -1
        if value < 0 or (value == 0 and what.endswith("above 0")):
            raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")
        return value

    return read


# --------------------------------------------------------------------------- articles


def _markdown_files(paths: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    seen: set[Path] = set()
    for arg in paths:
        root = Path(arg)
        if root.is_dir():
            files = sorted(root.rglob("*.md"), key=lambda p: p.relative_to(root).as_posix())
        elif root.is_file():
            files = [root]
        else:
            raise UsageError(f"no such file or folder: {arg}")
        for path in files:
            if path.is_file() and path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(path)
    return found


def _articles(files: Iterable[Path], pipeline: Pipeline) -> list[tuple[str, Article]]:
    """The articles among ``files`` (unreadable files are left to ``mkdocs-prizm check``)."""
    articles: list[tuple[str, Article]] = []
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        article = pipeline.process_source(text, path.as_posix()).article
        if article.is_article and article.sources is not None:
            articles.append((str(path), article))
    return articles


def _cache_path(args: argparse.Namespace, pipeline: Pipeline) -> Path:
    if args.cache:
        return Path(args.cache)
    base = Path(args.config).parent if args.config else Path()
    return base / (pipeline.options.links_cache or DEFAULT_CACHE)


def _read_cache(path: Path) -> dict[str, LinkRecord]:
    if not path.exists():
        return {}
    try:
        return load_cache(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, CacheError) as exc:
        raise UsageError(f"cannot read the links cache {path}: {exc}") from None


# --------------------------------------------------------------------------- progress


class _Progress:
    """A bar redrawn on a terminal; plain lines otherwise (CI logs); nothing when quiet."""

    def __init__(self, err: TextIO, total: int, *, quiet: bool) -> None:
        self.err, self.total, self.quiet = err, total, quiet
        self.tty = not quiet and err.isatty()
        self.done = 0

    def step(self, url: str, record: LinkRecord) -> None:
        self.done += 1
        if self.quiet:
            return
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (width - filled)
            self.err.write(f"\r[{bar}] {self.done}/{self.total} links")
            if self.done == self.total:
                self.err.write("\n")
        else:
            state = record.state.value
            self.err.write(f"[{self.done}/{self.total}] {state} ({record.describe()}) {url}\n")
        self.err.flush()


# --------------------------------------------------------------------------- command


def _check(
    wanted: Mapping[str, Any], settings: HttpSettings, args: argparse.Namespace, err: TextIO
) -> dict[str, LinkRecord]:
    """Check the ``wanted`` URLs (URL → snapshot date) in a pool of threads."""
    checker = LinkChecker(settings)
    progress = _Progress(err, len(wanted), quiet=args.quiet)
    results: dict[str, LinkRecord] = {}
    with ThreadPoolExecutor(max_workers=args.jobs, thread_name_prefix="prizm-links") as pool:
        futures = {
            pool.submit(checker.check, url, wayback=when if args.wayback else None): url
            for url, when in wanted.items()
        }
        for future in as_completed(futures):
            url = futures[future]
            results[url] = future.result()
            progress.step(url, results[url])
    return results


def run_links(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``mkdocs-prizm links``; returns the exit status."""
    site = check_site(args.config)
    paths = list(args.paths)
    if not paths:
        if site.docs_dir is None:
            raise UsageError("give at least one PATH, or -f mkdocs.yml to check its docs_dir")
        paths = [str(site.docs_dir)]
    articles = _articles(_markdown_files(paths), site.pipeline)
    cache_path = _cache_path(args, site.pipeline)
    cache = _read_cache(cache_path)

    now = dt.datetime.now(dt.timezone.utc)
    max_age = dt.timedelta(days=args.max_age)
    wanted: dict[str, dt.date] = {}
    for _, article in articles:
        for source in source_urls(article):
            when = source.date.value if source.date and source.date.value else now.date()
            if is_stale(cache.get(source.url), now, max_age):
                wanted.setdefault(source.url, when)
    from mkdocs_prizm import __version__  # noqa: PLC0415 - the package is already imported

    settings = HttpSettings(
        user_agent=user_agent(__version__, args.contact),
        timeout=args.timeout,
        per_host=args.per_host,
        wayback_api=args.wayback_api if args.wayback else "",
        soft_404=args.soft_404,
    )
    checked = _check(wanted, settings, args, err) if wanted else {}
    if args.prune:
        cited = {s.url for _, a in articles for s in source_urls(a)}
        cache = {url: record for url, record in cache.items() if url in cited}
    cache.update(checked)
    try:
        cache_path.write_text(dump_cache(cache), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write the links cache {cache_path}: {exc}") from None

    problems: list[Problem] = []
    for file, article in articles:
        problems.extend(link_problems(article, cache, file=file, everything=True))
    write_problems(out, problems, args.format)
    out.flush()
    counts = dict.fromkeys(LinkState, 0)
    cited_urls = {s.url for _, a in articles for s in source_urls(a)}
    for url in cited_urls:
        counts[cache[url].state] += 1
    if not args.quiet:
        err.write(
            f"{PROG}: {len(cited_urls)} links in {len(articles)} articles, {len(checked)} "
            f"checked now: {counts[LinkState.DEAD]} dead, {counts[LinkState.REDIRECTED]} "
            f"redirected, {counts[LinkState.UNREACHABLE]} not reachable; cache {cache_path}\n"
        )
    failing = {Severity.WARNING} if args.strict else set()
    dead = any(p.code == "PRZ371" for p in problems)
    return 1 if dead or any(p.severity in failing for p in problems) else 0
