"""One article through every core step: the single entry point the adapters call.

``source text → front matter → notes removed → sources parsed → citations linked → lists
separated → Article``.  The MkDocs plugin, the Markdown extension and the CLI all call
[`process_source`][mkdocs_prizm.core.pipeline.process_source] or
[`process_body`][mkdocs_prizm.core.pipeline.process_body], so they agree on every detail.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_prizm.core.article import Article, Author, InternalNote, SourcesSection
from mkdocs_prizm.core.authors import resolve
from mkdocs_prizm.core.blocks import separate_lists
from mkdocs_prizm.core.citations import finish_citation_links, link_citation_lines
from mkdocs_prizm.core.comments import NoteMatcher, strip_notes
from mkdocs_prizm.core.frontmatter import (
    FrontMatter,
    locate_front_matter,
    looks_like_article,
    normalise,
    normalise_newlines,
    split_front_matter,
    take_second_block,
)
from mkdocs_prizm.core.i18n import normalise_language
from mkdocs_prizm.core.markdown_scan import find_all, may_have_code_blocks
from mkdocs_prizm.core.problems import Problem, ProblemSink, Severity
from mkdocs_prizm.core.readtime import disagrees, reading_time
from mkdocs_prizm.core.sources import DEFAULT_HEADINGS, parse_sources
from mkdocs_prizm.core.text import fold

#: Titles of the pipeline's internal reports, which must not be published as articles.
DEFAULT_REPORT_PATTERNS: tuple[str, ...] = ("Rapport d'optimisation",)
RE_FIRST_H1 = re.compile(r"^# +(.+?)\s*#*\s*$", re.MULTILINE)

#: Markers left in the Markdown where adapters put the rendered sources block.
SOURCES_OPEN = "<!-- prizm:sources-open -->"
SOURCES_LIST = "<!-- prizm:sources -->"
SOURCES_CLOSE = "<!-- prizm:sources-close -->"

#: The same markers written as plain-text paragraphs (``Options.plain_placeholders``), in the
#: order they stand in an article: [`finish_html`][mkdocs_prizm.core.pipeline.finish_html]
#: turns ``<p>MARK</p>`` back into the comment markers above.
PLAIN_MARKERS: dict[str, str] = {
    "PRIZMSOURCESOPENMARK": SOURCES_OPEN,
    "PRIZMSOURCESLISTMARK": SOURCES_LIST,
    "PRIZMSOURCESCLOSEMARK": SOURCES_CLOSE,
}


@dataclass(frozen=True, slots=True)
class Options:
    """Everything the core needs to know, built by each adapter from its own configuration."""

    notes: NoteMatcher = field(default_factory=NoteMatcher)
    detect_articles: bool = True
    article_paths: tuple[str, ...] = ()
    fix_lists: bool = True
    sources: bool = True
    sources_headings: tuple[str, ...] = DEFAULT_HEADINGS
    citations: bool = True
    language: str = "fr"
    words_per_minute: int | None = None
    readtime_include_code: bool = False
    readtime_split_elisions: bool = True
    readtime_tolerance: float = 0.25
    authors: Mapping[str, Author] = field(default_factory=dict)
    authors_file_given: bool = False
    report_patterns: tuple[str, ...] = DEFAULT_REPORT_PATTERNS
    #: Informational codes whose file lines are not worth reading a file again for (see
    #: [`process_body`][mkdocs_prizm.core.pipeline.process_body]).
    defer_lines: frozenset[str] = frozenset()
    #: Note dates Material's blog plugin rejects (PRZ107).
    blog_compat: bool = False
    #: Leave no raw HTML in the Markdown: sources markers as plain-text paragraphs, citations
    #: as Markdown links to ``prizm-cite:`` URLs.  Python-Markdown then has nothing to stash
    #: and restore in most articles (restoring runs a regex over the whole page), and
    #: [`finish_html`][mkdocs_prizm.core.pipeline.finish_html] gives the rendered HTML the
    #: usual markers and citation anchors.  For adapters that render the Markdown with
    #: Python-Markdown and see its HTML (the MkDocs plugin).
    plain_placeholders: bool = False


@dataclass(frozen=True, slots=True)
class Processed:
    """The result of processing one page.

    Attributes:
        article: The normalised article (``is_article`` false for ordinary pages).
        markdown: The Markdown to render: notes removed and, for articles, citations linked,
            lists separated and the sources list replaced by markers.
        meta: The front matter, with keys from a second block filled in.
        meta_updates: ``page.meta`` keys to set: plain-text versions of unsafe text fields and
            keys taken from a second front matter block.
        problems: Everything found, with file lines.
        lists_separated: How many lists were separated from the paragraph before them.
        notes_removed: How many comments were removed.
        internal_report: Whether the page is one of the pipeline's internal reports filed as an
            article ("Rapport d'optimisation ..."): adapters keep it out of the site.
    """

    article: Article
    markdown: str
    meta: dict[str, Any]
    meta_updates: dict[str, Any]
    problems: tuple[Problem, ...]
    lists_separated: int = 0
    notes_removed: int = 0
    internal_report: bool = False

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of error severity."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


def is_article_path(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``path`` (relative, ``/``-separated) matches one of the glob ``patterns``."""
    return any(fnmatch.fnmatchcase(path, p) for p in patterns)


def is_internal_report(meta: Mapping[str, Any], body: str, patterns: tuple[str, ...]) -> bool:
    """Whether the title (or the first heading) starts like one of the pipeline's reports."""
    if not patterns:
        return False
    title = meta.get("title")
    candidates = [title] if isinstance(title, str) else []
    heading = _first_h1(body[:2000])
    if heading is not None:
        candidates.append(heading)
    folded = [fold(c).replace("'", "").strip() for c in candidates]
    wanted = [fold(p).replace("'", "").strip() for p in patterns]
    return any(c.startswith(w) for c in folded for w in wanted if w)


def _first_h1(text: str) -> str | None:
    """The text of the first level-1 ATX heading (``# Title``) of ``text``, if any.

    Only the lines starting with ``#`` are tried, found by substring search.
    """
    starts = itertools.chain(
        [0] if text.startswith("#") else [], (at + 1 for at in find_all(text, "\n#"))
    )
    for start in starts:
        match = RE_FIRST_H1.match(text, start)
        if match:
            return match.group(1)
    return None


def process_source(source: str, path: str, options: Options | None = None) -> Processed:
    """Process a whole file (front matter included), as the CLI reads it.

    Args:
        source: The file's text.
        path: The path to name in problems (and to match ``article_paths`` against).
        options: Core options; defaults suit a French Prizm site.
    """
    sink = ProblemSink(path)
    fm = split_front_matter(source, sink)
    body_sink = ProblemSink(path, line_offset=fm.body_line - 1)
    return _process(fm, path, options or Options(), sink, body_sink)


def process_body(
    body: str,
    meta: Mapping[str, Any],
    path: str,
    options: Options | None = None,
    *,
    locate: Callable[[], str | None] | None = None,
) -> Processed:
    """Process a page body whose front matter was already read (as MkDocs does).

    ``locate`` returns the file's whole text.  It is called only when a problem is reported,
    to turn body lines into file lines and to find the front matter keys' lines: problem-free
    pages are never read twice.  Without it, problems carry body lines.  Lines stored in the
    result (``Source.line``) are body lines.  When MkDocs could not read the front matter it
    hands the whole file over as the body: that case is recognised and handled as a file.
    """
    options = options or Options()
    body = normalise_newlines(body)
    if not meta and body.startswith("---"):
        return process_source(body, path, options)
    where = _Location(locate)
    body_sink = ProblemSink(path, line_offset=where.offset, defer=options.defer_lines)
    fm = take_second_block(FrontMatter(dict(meta), body, 1, where), body_sink)
    return _process(fm, path, options, ProblemSink(path), body_sink)


class _Location(Mapping[str, int]):
    """The file lines of the front matter keys and of the body, read from the file on demand."""

    def __init__(self, locate: Callable[[], str | None] | None) -> None:
        self._locate = locate
        self._found: FrontMatter | None = None

    def _load(self) -> FrontMatter:
        if self._found is None:
            source = self._locate() if self._locate is not None else None
            self._found = FrontMatter({}, "", 1)
            if source is not None:
                self._found = locate_front_matter(source)
        return self._found

    def offset(self) -> int:
        """How many file lines come before the body."""
        return self._load().body_line - 1 if self._locate is not None else 0

    def __getitem__(self, key: str) -> int:
        return self._load().field_lines[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load().field_lines)

    def __len__(self) -> int:
        return len(self._load().field_lines)


def _process(
    fm: FrontMatter, path: str, options: Options, sink: ProblemSink, body_sink: ProblemSink
) -> Processed:
    """Run every step; ``sink`` takes file lines, ``body_sink`` lines of ``fm.body``."""
    offset = fm.body_line - 1
    body = fm.body
    notes = strip_notes(body, body_sink, options.notes)
    body = notes.text
    report = is_internal_report(fm.meta, body, options.report_patterns)
    if report:
        sink.warning(
            "PRZ202",
            "this page is an internal optimisation report filed as an article; it is kept out "
            "of the site (remove it from docs_dir, or set 'reports_exclude: false')",
            1,
            1,
        )

    article_page = (options.detect_articles and looks_like_article(fm.meta)) or is_article_path(
        path, options.article_paths
    )
    if not article_page:
        sink.items.extend(body_sink.finish())
        return Processed(
            Article(is_article=False, path=path, note=_first(notes.notes)),
            body,
            fm.meta,
            {},
            tuple(sink.items),
            notes_removed=notes.removed,
            internal_report=report,
        )

    norm = normalise(fm.meta, sink, fm.field_lines, blog_compat=options.blog_compat)
    meta_updates = dict(norm.safe_meta)
    language = normalise_language(norm.language, default=options.language)

    # The body's lines, read by the sources parser, then changed in place by the citation
    # linker and the section replacement, and joined once.  Whether the body may hold code
    # blocks is found once for the linker and the list repair: linking citations and replacing
    # the sources list never make a code block appear.  (Removing a note can: "<!-- note -->
    # text" with four spaces becomes an indented line, so this looks at the text without notes.)
    lines = body.split("\n")
    code_blocks = may_have_code_blocks(body)
    changed = False
    section: SourcesSection | None = None
    if options.sources:
        section = parse_sources(
            body, body_sink, headings=options.sources_headings, line_offset=offset, lines=lines
        )
    unmatched: tuple[str, ...] = ()
    if options.citations:
        changed, section, unmatched = link_citation_lines(
            body,
            lines,
            section,
            body_sink,
            line_offset=offset,
            markdown_links=options.plain_placeholders,
            code_blocks=code_blocks,
        )

    rt = reading_time(
        body,
        language=language,
        declared=norm.reading_time,
        wpm=options.words_per_minute,
        include_code=options.readtime_include_code,
        split_elisions=options.readtime_split_elisions,
    )
    if rt.declared_minutes is not None and disagrees(rt, options.readtime_tolerance):
        sink.info(
            "PRZ501",
            f"readingTime declares {rt.declared_minutes} min but the text takes about "
            f"{rt.computed_minutes} min ({rt.words} words at the {language} reading speed)",
            fm.field_lines.get("readingTime", 1),
            1,
        )

    if section is not None and section.entries:
        _replace_section(lines, section, offset, plain=options.plain_placeholders)
        changed = True
    linked = "\n".join(lines) if changed else body
    lists = 0
    if options.fix_lists:
        linked, lists = separate_lists(linked, lines=lines, code_blocks=code_blocks)

    authors = tuple(_author(name, options, sink, fm.field_lines) for name in norm.authors)
    fields = norm.article
    if fields["date"] is not None and not isinstance(fm.meta.get("date"), dt.date):
        # Themes and plugins (Material, RSS) read page.meta["date"] as a date: give them the
        # alias (pubDate) or the parsed value of a date written as text ("2025-07-29").
        meta_updates["date"] = fields["date"]
    if fields["updated"] is not None and isinstance(fm.meta.get("updatedDate"), str):
        meta_updates["updatedDate"] = fields["updated"]
    if fm.meta.get("categories") is None and fields["categories"]:
        meta_updates["categories"] = list(fields["categories"])

    article = Article(
        is_article=True,
        **fields,
        authors=authors,
        language=language,
        reading_time=rt,
        note=_first(notes.notes),
        sources=section,
        unmatched_citations=unmatched,
        path=path,
    )
    sink.items.extend(body_sink.finish())
    problems = tuple(sorted(sink.items, key=lambda p: (p.line, p.column)))
    return Processed(article, linked, fm.meta, meta_updates, problems, lists, notes.removed, report)


def _first(notes: tuple[InternalNote, ...]) -> InternalNote | None:
    return notes[0] if notes else None


def _author(name: str, options: Options, sink: ProblemSink, lines: Mapping[str, int]) -> Author:
    found = resolve(name, options.authors)
    if found is not None:
        return found
    if options.authors_file_given:
        sink.info(
            "PRZ601",
            f"author '{name}' is not described in the authors file; shown by name only",
            lines.get("author", lines.get("authors", 1)),
            1,
        )
    return _name_only(name)


# Most sites have a handful of authors: the articles of one share one immutable object.
@functools.lru_cache(maxsize=256)
def _name_only(name: str) -> Author:
    return Author(key=name, name=name)


def _replace_section(
    lines: list[str], section: SourcesSection, offset: int, *, plain: bool
) -> None:
    """Swap the section's entries for the markers, keeping heading, intro and trailing text.

    ``lines`` are the body's lines, changed in place; they stay one item per line.
    """
    start = section.start_line - offset - 1
    end = section.end_line - offset
    heading = lines[start]
    opening, listing, closing = PLAIN_MARKERS if plain else PLAIN_MARKERS.values()
    block = [opening, "", heading, ""]
    if plain:  # the blank line keeps the first plain marker out of a paragraph above it
        block.insert(0, "")
    if section.intro.strip():
        block += [*section.intro.strip().split("\n"), ""]
    block += [listing, "", closing, ""]
    if section.trailing.strip():
        block += [*section.trailing.strip("\n").split("\n"), ""]
    lines[start:end] = block


def finish_html(html: str, *, markers: bool = True, citations: bool = True) -> str:
    """Turn the plain placeholders of ``Options.plain_placeholders`` into their final HTML.

    ``<p>PRIZMSOURCESLISTMARK</p>`` (and the two others) become the comment markers
    ([`SOURCES_LIST`][mkdocs_prizm.core.pipeline.SOURCES_LIST]...) the renderers swap; a link
    to ``prizm-cite:N:K`` becomes the citation anchor ``class="prizm-cite"
    id="prizm-cite-N-K" href="#prizm-source-N"``.  Each kind is looked for only when asked.

    Args:
        html: The page's HTML, as Python-Markdown rendered the processed Markdown.
        markers: Whether the page may hold sources markers.
        citations: Whether it may hold citation links.
    """
    if citations:
        html = finish_citation_links(html)
    start = html.find("<p>PRIZMSOURCES") if markers else -1
    if start >= 0:
        # The three markers are together near the end of the article: only that part is
        # searched and copied for each.
        tail = html[start:]
        for plain, comment in PLAIN_MARKERS.items():
            tail = tail.replace(f"<p>{plain}</p>", comment, 1)
        html = html[:start] + tail
    return html
