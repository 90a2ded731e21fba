"""One article through every core step: the single entry point the adapters call.

``source text → front matter → notes removed → sources located → citations located →
lists repaired → Article``.  The MkDocs plugin, the Markdown extension and the CLI all build a
[`Pipeline`][mkdocs_prizm.core.pipeline.Pipeline] from the one options schema
([`PrizmOptions`][mkdocs_prizm.core.options.PrizmOptions]), so they agree on every detail.
Scripts call [`analyse`][mkdocs_prizm.core.pipeline.analyse].

The result is data: the [`Article`][mkdocs_prizm.core.article.Article] (with its sources
section), the citations' positions, where lists need a blank line, and the problems.  Turning
them into HTML is the renderer's job (``mkdocs_prizm.render``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from mkdocs_prizm.core.article import Article, Author, Citation, InternalNote, SourcesSection
from mkdocs_prizm.core.authors import resolve
from mkdocs_prizm.core.blocks import list_breaks, replace_pseudo_bullets
from mkdocs_prizm.core.citations import locate_citations
from mkdocs_prizm.core.comments import NoteMatcher, strip_notes
from mkdocs_prizm.core.dates import build_date
from mkdocs_prizm.core.detect import check_image, is_article_path, is_internal_report, rated
from mkdocs_prizm.core.disclosure import check_reviewer
from mkdocs_prizm.core.fences import Fences, code_flags, may_have_code_blocks
from mkdocs_prizm.core.frontmatter import (
    FrontMatter,
    LazyKeyLines,
    host_meta,
    looks_like_article,
    normalise,
    normalise_newlines,
    split_front_matter,
    take_second_block,
)
from mkdocs_prizm.core.i18n import normalise_language
from mkdocs_prizm.core.options import PrizmOptions
from mkdocs_prizm.core.problems import Problem, ProblemSink, Severity
from mkdocs_prizm.core.readtime import disagrees, reading_time
from mkdocs_prizm.core.residue import report_residue
from mkdocs_prizm.core.sources import parse_sources
from mkdocs_prizm.core.titles import strip_titles
from mkdocs_prizm.core.trust import Trust, assess

__all__ = ["Pipeline", "Processed", "analyse"]


@dataclass(frozen=True, slots=True)
class Processed:
    """The result of processing one page.

    Attributes:
        article: The normalised article (``is_article`` false for ordinary pages), with its
            sources section (``article.sources``).
        body: The page's Markdown without front matter and internal notes: what
            ``citations`` and ``list_breaks`` point into (the renderer builds the published
            Markdown from it).  In an article, lines starting with a typographic bullet
            (``• item``) are ``- item`` list items (with ``lists_fix``).
        body_offset: How many file lines come before ``body`` (front matter); ``Source.line``
            and the section's lines are body lines plus this offset.
        citations: Where the text cites a source, in reading order (empty for ordinary pages).
        list_breaks: 0-based lines of ``body`` that need a blank line before them: lists
            written right after a paragraph line, which Python-Markdown would otherwise fold
            into the paragraph.
        meta: The front matter, with keys from a second block filled in.
        meta_updates: ``page.meta`` keys to set: plain-text versions of unsafe text fields and
            keys taken from a second front matter block.
        problems: Everything found, with file lines.
        notes_removed: How many comments were removed.
        internal_report: Whether the page is one of the pipeline's internal reports filed as an
            article ("Rapport d'optimisation ...").
        residue: How many pieces of text the publishing pipeline left in the article
            (``PRZ801``-``PRZ804``, see [`find_residue`][mkdocs_prizm.core.residue.find_residue]).
        keep_out: Whether adapters keep the page out of the site: an internal report, or an
            article with residue when ``residue_exclude`` is set.
        trust: The trust checks' findings (freshness, coverage, floors); ``None`` for
            ordinary pages.
    """

    article: Article
    body: str
    meta: dict[str, Any]
    meta_updates: dict[str, Any]
    problems: tuple[Problem, ...]
    body_offset: int = 0
    citations: tuple[Citation, ...] = ()
    list_breaks: tuple[int, ...] = ()
    notes_removed: int = 0
    internal_report: bool = False
    residue: int = 0
    keep_out: bool = False
    trust: Trust | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of error severity."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The core steps, set up once for a site (a build, a check run, a Markdown instance).

    Attributes:
        options: The site's options.
        language: The site's language (``options.language``, else the theme's, else ``fr``).
        authors: The authors file's entries, by key.
        authors_file_given: Whether the site has an authors file (unknown authors are noted).
        defer_lines: Informational codes whose file lines are not worth reading a file again
            for (see [`process_body`][mkdocs_prizm.core.pipeline.Pipeline.process_body]).
        fences: The fence syntax of the site's renderer, so that a note is kept exactly where
            the renderer shows code ([`fences_for`][mkdocs_prizm.core.fences.fences_for]).
        file_exists: Whether a path of the site (relative to ``docs_dir``, ``/``-separated)
            is one of its files, to report an article's missing image; ``None`` checks nothing.
        notes_wanted: Whether anyone reads the checks that only ever give notes (figures in
            paragraphs citing no source, citations in an article whose sources section lists
            no entry): a build with no report, no sources page and no debug output skips them.
        site_name: The site's name, stripped from the end of titles as the
            ``titles_strip_suffixes`` are.
        today: The build date, after which a front matter date is reported
            ([`build_date`][mkdocs_prizm.core.dates.build_date] by default).
        notes: Which comments are internal notes (built from the options).
    """

    options: PrizmOptions = field(default_factory=PrizmOptions)
    language: str = "fr"
    authors: Mapping[str, Author] = field(default_factory=dict)
    authors_file_given: bool = False
    defer_lines: frozenset[str] = frozenset()
    fences: Fences = Fences.BOTH
    file_exists: Callable[[str], bool] | None = None
    notes_wanted: bool = True
    site_name: str = ""
    today: dt.date = field(default_factory=build_date)
    notes: NoteMatcher = field(init=False)

    def __post_init__(self) -> None:
        options = self.options
        matcher = NoteMatcher(
            options.notes_patterns,
            strip_all=options.notes_strip_all,
            directives=options.notes_directives,
            fences=self.fences,
        )
        object.__setattr__(self, "notes", matcher)
        object.__setattr__(self, "language", normalise_language(self.language, default="fr"))

    def process_source(self, source: str, path: str) -> Processed:
        """Process a whole file (front matter included), as the CLI reads it.

        Args:
            source: The file's text.
            path: The path to name in problems (and to match ``articles_paths`` against).
        """
        sink = ProblemSink(path)
        fm = split_front_matter(source, sink)
        body_sink = ProblemSink(path, line_offset=fm.body_line - 1)
        return self._process(fm, path, sink, body_sink)

    def process_body(
        self,
        body: str,
        meta: Mapping[str, Any],
        path: str,
        *,
        locate: Callable[[], str | None] | None = None,
    ) -> Processed:
        """Process a page body whose front matter was already read (as MkDocs does).

        ``locate`` returns the file's text.  It is called once, for what MkDocs' YAML loses
        (keys written twice, values as written), the keys' lines and the body's file lines.
        Without it, problems carry body lines.  When MkDocs could not read the front matter it
        hands the whole file over as the body: that case is recognised and handled as a file.
        """
        body = normalise_newlines(body)
        if not meta and body.startswith("---"):
            return self.process_source(body, path)
        where = LazyKeyLines(locate)
        body_sink = ProblemSink(path, line_offset=where.offset, defer=self.defer_lines)
        fm = take_second_block(FrontMatter(dict(meta), body, 1, where), body_sink)
        return self._process(fm, path, ProblemSink(path), body_sink)

    def is_article(self, meta: Mapping[str, Any], path: str) -> bool:
        """Whether the front matter or the path alone make the page an article."""
        options = self.options
        return (options.articles_detect and looks_like_article(meta)) or is_article_path(
            path, options.articles_paths
        )

    def _process(
        self, fm: FrontMatter, path: str, sink: ProblemSink, body_sink: ProblemSink
    ) -> Processed:
        """Run every step; ``sink`` takes file lines, ``body_sink`` lines of ``fm.body``."""
        options = self.options
        offset = fm.body_line - 1
        notes = strip_notes(fm.body, body_sink, self.notes)
        # Found once, on the text without notes (removing "<!-- note -->" before "    text"
        # can make an indented code block).
        has_code = may_have_code_blocks(notes.text)
        body = notes.text
        if options.lists_fix:
            # "• item" lines become "- item", one character for one: an article's published
            # body (an ordinary page keeps ``notes.text``).
            body, _ = replace_pseudo_bullets(body, code_blocks=has_code)
        patterns = options.reports_patterns if options.reports_exclude else ()
        report = is_internal_report(fm.meta, body, patterns)
        if report:
            sink.warning(
                "PRZ202",
                "this page is an internal optimisation report filed as an article; it is kept "
                "out of the site (remove it from docs_dir, or set 'reports_exclude: false')",
                1,
                1,
            )

        # The body's lines, read by the sources parser and the citation finder.
        lines = body.split("\n")
        section: SourcesSection | None = None
        article_page = self.is_article(fm.meta, path)
        if options.sources and (article_page or options.articles_detect):
            mark = len(body_sink.items)
            section = parse_sources(
                body,
                body_sink,
                headings=options.sources_headings,
                line_offset=offset,
                lines=lines,
                code_blocks=has_code,
            )
            if not article_page:
                # Without article fields, a page is still a Prizm article when it carries
                # what only the Prizm pipeline writes: a rated sources section, or an
                # internal note.  Otherwise its sources are not the plugin's business.
                article_page = rated(section) or bool(notes.notes)
                if not article_page:
                    body_sink.discard_from(mark)
                    section = None
        elif not article_page and options.articles_detect:
            article_page = bool(notes.notes)
        if not article_page:
            sink.items.extend(body_sink.finish())
            return Processed(
                Article(is_article=False, path=path, note=_first(notes.notes)),
                notes.text,
                fm.meta,
                {},
                tuple(sink.items),
                body_offset=offset,
                notes_removed=notes.removed,
                internal_report=report,
                keep_out=report,
            )

        norm = normalise(
            fm.meta, sink, fm.field_lines, blog_compat=options.blog_compat, today=self.today
        )
        meta_updates = dict(norm.safe_meta)
        fields = norm.article
        suffixes = self.title_suffixes
        if suffixes:
            body = strip_titles(body, lines, fm, fields, meta_updates, suffixes, sink, body_sink)
        language = normalise_language(norm.language, default=self.language)

        code = code_flags(lines) if has_code else None  # the code lines, for every step below
        citations: tuple[Citation, ...] = ()
        unmatched: tuple[str, ...] = ()
        if options.citations and (self.notes_wanted or (section is not None and section.entries)):
            citations, section, unmatched = locate_citations(
                body,
                section,
                body_sink,
                line_offset=offset,
                lines=lines,
                code_blocks=has_code,
                code=code,
            )

        rt = reading_time(
            body,
            language=language,
            declared=norm.reading_time,
            declared_minutes=norm.reading_minutes,
            wpm=options.readtime_words_per_minute,
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

        residue = 0
        if options.residue and not report:
            residue = report_residue(body, lines, code, section, offset, body_sink)
            if residue and options.residue_exclude:
                sink.warning(
                    "PRZ805",
                    "this article holds text the publishing pipeline left in it; it is kept out "
                    "of the site (fix it, or set 'residue_exclude: false')",
                    1,
                    1,
                )

        breaks: tuple[int, ...] = ()
        if options.lists_fix:
            breaks = tuple(list_breaks(body, lines=lines, code_blocks=has_code, code=code))

        authors = tuple(self._author(name, sink, fm.field_lines) for name in norm.authors)
        named = norm.reviewers or options.disclosure_reviewer
        reviewers = tuple(resolve(name, self.authors) or _name_only(name) for name in named)
        if options.disclosure and options.disclosure_require_reviewer:
            check_reviewer(reviewers, sink, fm.field_lines)
        if fields["image"] and self.file_exists is not None:
            check_image(fields["image"], path, self.file_exists, sink, fm.field_lines)
        trust = None
        if not report:
            trust = assess(
                section,
                citations,
                lines,
                body_sink,
                options=options,
                dates=(fields["date"], fields["updated"]),
                today=self.today,
                line_offset=offset,
                code=code,
                notes=self.notes_wanted,
            )
        meta_updates.update(host_meta(fm.meta, fields))

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
            reviewers=reviewers,
        )
        sink.items.extend(body_sink.finish())
        problems = tuple(sorted(sink.items, key=attrgetter("line", "column")))
        return Processed(
            article,
            body,
            fm.meta,
            meta_updates,
            problems,
            body_offset=offset,
            citations=citations,
            list_breaks=breaks,
            notes_removed=notes.removed,
            internal_report=report,
            residue=residue,
            keep_out=report or bool(residue and options.residue_exclude),
            trust=trust,
        )

    @property
    def title_suffixes(self) -> tuple[str, ...]:
        """The site names stripped from the end of titles (the option's, and the site's)."""
        suffixes = self.options.titles_strip_suffixes
        return (*suffixes, self.site_name) if self.site_name else suffixes

    def _author(self, name: str, sink: ProblemSink, lines: Mapping[str, int]) -> Author:
        found = resolve(name, self.authors)
        if found is not None:
            return found
        if self.authors_file_given:
            sink.info(
                "PRZ601",
                f"author '{name}' is not described in the authors file; shown by name only",
                lines.get("author", lines.get("authors", 1)),
                1,
            )
        return _name_only(name)


def analyse(
    text: str,
    path: str = "article.md",
    options: PrizmOptions | Mapping[str, Any] | None = None,
) -> Processed:
    """Read one article's text: its ``Article``, sources, citations and problems.

    The one call for scripts and pre-commit hooks; it runs what the plugin runs on a page.

    Args:
        text: The file's text, front matter included.
        path: The path to name in problems (and to match ``articles_paths`` against).
        options: The plugin's options, as a mapping (``{"language": "en"}``) or built.

    Raises:
        OptionsError: An option is unknown or of the wrong type.
    """
    if not isinstance(options, PrizmOptions):
        options = PrizmOptions.from_mapping(options)
    return Pipeline(options, language=options.language or "fr").process_source(text, path)


def _first(notes: tuple[InternalNote, ...]) -> InternalNote | None:
    return notes[0] if notes else None


# Most sites have a handful of authors: the articles of one share one immutable object.
@functools.lru_cache(maxsize=256)
def _name_only(name: str) -> Author:
    return Author(key=name, name=name)
