"""The MkDocs adapter: events only, each a few lines calling the core and the renderer."""

from __future__ import annotations

import dataclasses
import logging
import warnings
from html import unescape
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_prizm import editorial
from mkdocs_prizm.config import PrizmConfig
from mkdocs_prizm.core.article import Article, Author
from mkdocs_prizm.core.authors import parse_authors
from mkdocs_prizm.core.comments import NoteMatcher
from mkdocs_prizm.core.i18n import normalise_language
from mkdocs_prizm.core.jsonld import build_blogposting, dumps_jsonld
from mkdocs_prizm.core.pipeline import (
    SOURCES_LIST,
    Options,
    Processed,
    finish_html,
    process_body,
)
from mkdocs_prizm.core.problems import ROUTINE_CODES, Problem, ProblemSink, Severity
from mkdocs_prizm.render import (
    TEMPLATES_DIR,
    Renderer,
    RenderOptions,
    make_environment,
    swap_markers,
)
from mkdocs_prizm.sanitise import Sanitiser, locate, plain_title
from mkdocs_prizm.tags import find_tags_plugin, listing_url, tag_anchor

log = get_plugin_logger(__name__)

#: Where the stylesheet is published in the site.
CSS_URI = "assets/prizm/prizm.css"
CSS_SOURCE = Path(__file__).parent / "assets" / "prizm.css"
#: Where the byline goes in the page content, until ``on_post_page`` renders it.
BYLINE_MARKER = "<!-- prizm:byline -->"
#: ``page.meta`` key holding the [`Article`][mkdocs_prizm.core.article.Article].
META_KEY = "prizm"
AUTHORS_CANDIDATES = (".authors.yml", "blog/.authors.yml")


#: An article's rendered HTML, waiting to be put into its page: the sources block's
#: ``(marker, html)`` pairs (empty without a sources list), the byline, and the JSON-LD
#: ``<script>`` element (or empty).  A plain tuple of strings and tuples of strings, which the
#: garbage collector stops tracking once it has seen it (it keeps tracking instances of tuple
#: subclasses such as named tuples): the fragments of every page, kept from
#: ``on_page_markdown`` to ``on_page_context``, do not make its full collections longer.
_Fragments = tuple[tuple[tuple[str, str], ...], str, str]


class PrizmPlugin(BasePlugin[PrizmConfig]):  # type: ignore[no-untyped-call]
    """Publishes Prizm articles: front matter, byline, sources, citations, no internal notes."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.options = Options()
        self.renderer: Renderer | None = None
        self.language = "fr"
        self.articles: dict[str, Processed] = {}
        self.problems: list[Problem] = []  # kept for the editorial report only
        self.errors = 0
        self.fragments: dict[str, _Fragments] = {}
        self.nav: Navigation | None = None
        self.report_path: Path | None = None
        self.sanitiser: Sanitiser | None = None

    # -- configuration ---------------------------------------------------------------------

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """Validate the options; an unknown option is an error, not MkDocs' mere warning."""
        errors, warnings_ = super().load_config(options, config_file_path)
        unknown = [w for w in warnings_ if "Unrecognised configuration name" in str(w[1])]
        if unknown:
            known = ", ".join(sorted(self.config._schema_keys))
            for key, message in unknown:
                errors.append((key, ValidationError(f"{message} (known options: {known})")))
            warnings_ = [w for w in warnings_ if w not in unknown]
        return errors, warnings_

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Resolve the language, load the authors file, register templates and stylesheet."""
        if not self.config.enabled:
            return None
        self.language = normalise_language(
            self.config.language or _theme_language(config), default="fr"
        )
        # Last in the search path: the theme's custom_dir and the theme itself win.
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES_DIR))
        # Checked before building: the report must never land in the published site.
        self.report_path = editorial.report_path(config, self.config.report_file)
        # Problems are counted from here: the authors file's count too.
        self.problems = []
        self.errors = 0
        authors, authors_given = self._load_authors(config)
        self.options = Options(
            notes=NoteMatcher(
                self.config.notes_patterns,
                strip_all=self.config.notes_strip_all,
                directives=self.config.notes_directives,
            ),
            detect_articles=self.config.articles_detect,
            article_paths=tuple(self.config.articles_paths),
            fix_lists=self.config.lists_fix,
            sources=self.config.sources,
            sources_headings=tuple(self.config.sources_headings),
            citations=self.config.citations,
            language=self.language,
            words_per_minute=self.config.readtime_words_per_minute,
            readtime_include_code=self.config.readtime_include_code,
            readtime_split_elisions=self.config.readtime_split_elisions,
            readtime_tolerance=self.config.readtime_tolerance,
            authors=authors,
            authors_file_given=authors_given,
            # Routine notes are logged at debug level: unless debug output or a report is
            # wanted, they get no file line, so that no file is read again for them.
            defer_lines=(
                frozenset()
                if self.config.report_file or log.isEnabledFor(logging.DEBUG)
                else ROUTINE_CODES
            ),
            report_patterns=(
                tuple(self.config.reports_patterns) if self.config.reports_exclude else ()
            ),
            blog_compat=self.config.blog_compat,
            # Markdown without raw HTML (see on_page_content and finish_html), unless a plugin
            # converts page.markdown again without the page events (Material's blog excerpts).
            plain_placeholders=not _reconverts_markdown(config),
        )
        thresholds = tuple(self.config.sources_thresholds)
        if len(thresholds) != 3 or list(thresholds) != sorted(thresholds, reverse=True):
            raise PluginError(
                "prizm: 'sources_thresholds' must be three scores from high to low, "
                f"for example [9, 7, 5]; got {list(thresholds)}"
            )
        render_options = RenderOptions(
            language=self.language,
            labels={str(k): str(v) for k, v in self.config.labels.items()},
            thresholds=(thresholds[0], thresholds[1], thresholds[2]),
            link_rel=self.config.sources_link_rel,
            link_target=self.config.sources_link_target,
            tags_url=self.config.tags_url,
            # With Material's tags plugin on, tags link to its listing with its own anchors.
            tag_anchor=tag_anchor(tags) if (tags := find_tags_plugin(config)) else None,
        )
        self.renderer = Renderer(make_environment(config.theme.dirs), render_options)
        self.sanitiser = None
        if self.config.sanitise != "off":
            try:
                self.sanitiser = Sanitiser(self.config.sanitise_allow_tags)
            except ValueError as error:
                raise PluginError(f"prizm: sanitise_allow_tags: {error}") from error
        if self.config.css and CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    def _load_authors(self, config: MkDocsConfig) -> tuple[dict[str, Author], bool]:
        docs = Path(config.docs_dir)
        given = self.config.authors_file
        candidates = [given] if given else list(AUTHORS_CANDIDATES)
        for name in candidates:
            path = docs / name
            if not path.is_file():
                continue
            sink = ProblemSink(str(Path(config.docs_dir).name + "/" + name))
            authors = parse_authors(path.read_text(encoding="utf-8-sig"), sink)
            self._report(sink.items)
            return authors, True
        if given:
            raise PluginError(f"prizm: authors_file '{given}' not found in docs_dir")
        return {}, False

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Start a build with no state from the previous one (``mkdocs serve``).

        The problems were reset by ``on_config``, which runs before every build too: those of
        the authors file are kept.
        """
        self.articles = {}
        self.fragments = {}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Find the tags listing page to link tags to, and publish the stylesheet."""
        if not self.config.enabled:
            return None
        if self.config.sources_page and self.renderer is not None:
            title = self.renderer.labels["sources_index_title"]
            editorial.add_sources_page(files, config, self.config.sources_page, title)
        tags = find_tags_plugin(config)
        if self.renderer is not None and tags is not None and not self.config.tags_url:
            options = self.renderer.options
            if options.tag_anchor is not None:
                found = listing_url(tags, files)
                self.renderer.options = dataclasses.replace(options, tags_url=found)
        if not self.config.css:
            return None
        if files.get_file_from_path(CSS_URI) is None:
            files.append(File.generated(config, CSS_URI, abs_src_path=str(CSS_SOURCE)))
        return files

    # -- pages -----------------------------------------------------------------------------

    # Early, so that later plugins (blog excerpts, RSS, search) never see an internal note.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Process the page's Markdown: notes out, sources and citations in, article out."""
        if not self.config.enabled:
            return None
        path = page.file.src_uri
        processed = process_body(
            markdown, page.meta, path, self.options, locate=lambda: _file_text(page)
        )
        if processed.problems:
            self._report(processed.problems)
        for key, value in processed.meta.items():
            page.meta.setdefault(key, value)
        page.meta.update(processed.meta_updates)
        page.meta[META_KEY] = processed.article
        if processed.internal_report:
            self._exclude(page)
            return ""
        article = processed.article
        if article.is_article:
            if self.config.report_file or self.config.sources_page:
                # Kept for the report and the sources page only: a large site's builds stay lean.
                self.articles[path] = processed
            if self.renderer is not None:
                # Rendered now, while the article is fresh in the processor's caches; inserted
                # into the page's HTML later (on_page_content, on_page_context).
                self.fragments[path] = self._render(article, page, config)
        return processed.markdown

    def _render(self, article: Article, page: Page, config: MkDocsConfig) -> _Fragments:
        """Render the article's sources block, byline and JSON-LD for ``page``."""
        assert self.renderer is not None  # noqa: S101 - checked by the callers
        sources = tuple(self.renderer.sources_fragments(article)) if article.sources else ()
        byline = ""
        if self.config.byline:
            byline = self.renderer.byline(article, base_url=_base_url(page))
        jsonld = ""
        if self.config.jsonld:
            words = article.reading_time.words if article.reading_time else None
            data = build_blogposting(
                article, url=page.canonical_url or "", site_name=config.site_name, word_count=words
            )
            # JSON-LD is valid anywhere in the document; in the content it costs no search
            # through the whole rendered page (whose navigation grows with the site).
            jsonld = f'\n<script type="application/ld+json">{dumps_jsonld(data)}</script>'
        return (sources, byline, jsonld)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Remember the navigation, to take excluded internal reports out of it."""
        self.nav = nav
        return None

    def _exclude(self, page: Page) -> None:
        """Keep an internal report out of the build, the navigation and the search index."""
        page.file.inclusion = InclusionLevel.EXCLUDED
        nav = self.nav
        if nav is not None:
            if page in nav.pages:
                nav.pages.remove(page)
            siblings = page.parent.children if page.parent is not None else nav.items
            if page in siblings:
                siblings.remove(page)
        before, after = page.previous_page, page.next_page
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before

    # Early, so that later plugins see the final content.
    @event_priority(50)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Finish the HTML; mark where the byline goes; render the sources now if asked.

        The processed Markdown held plain-text sources markers and ``prizm-cite:`` links
        (``Options.plain_placeholders``): they become the comment markers and the citation
        anchors here, before other plugins read the HTML.  By default the byline and the sources
        block are rendered in ``on_page_context``: the search index and feeds then skip
        them (the byline is page furniture) and the search plugin does not parse them again,
        which keeps the build fast.  ``sources_in_content`` renders the sources block here
        instead, for search and full-content feeds.
        """
        if not self.config.enabled:
            return None
        if self.sanitiser is not None:
            self._plain_titles(page)
        article = page.meta.get(META_KEY)
        if not isinstance(article, Article) or not article.is_article:
            if self.config.sanitise == "all":
                return self._sanitise(html, page)
            return None
        section = article.sources
        if self.options.plain_placeholders and section is not None and section.entries:
            # The sources markers and the citation links were left in the Markdown as plain
            # text and Markdown links (``plain_placeholders``), which Python-Markdown renders
            # without stashing raw HTML: give them their final form before anyone reads them.
            cited = any(entry.citations for entry in section.entries)
            html = finish_html(html, markers=True, citations=cited)
        # After finish_html (its ``prizm-cite:`` links are the plugin's, not the author's) and
        # before the sources block is rendered in: only what the article's author wrote.
        html = self._sanitise(html, page)
        if self.renderer is None:
            return html
        if self.config.sources_in_content and SOURCES_LIST in html:
            fragments = self.fragments.get(page.file.src_uri)
            if fragments is None:
                html = self.renderer.fill_sources(html, article)
            else:
                html = swap_markers(html, fragments[0])
            # Plugins reading page.content instead of their argument (mkdocs-rss-plugin's
            # full-content feeds) must see the rendered block, not the markers.
            page.content = html
        if self.config.byline:
            html = _insert_byline(html, BYLINE_MARKER)
        return html

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Fill the sources page: every page's content is built by now, templates not yet."""
        if not self.config.enabled or not self.config.sources_page or self.renderer is None:
            return None
        if not editorial.fill_sources_page(
            files, self.config.sources_page, self.articles.values(), self.renderer
        ):
            log.warning(f"prizm: sources_page '{self.config.sources_page}' was not built")
        return None

    # Late: after the search plugin has indexed page.content, so that the byline, the sources
    # list and the structured data stay out of the index, and before the theme renders it.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put the byline, the sources block and the schema.org structured data into the page."""
        if not self.config.enabled or self.renderer is None or page.content is None:
            return None
        article = page.meta.get(META_KEY)
        if not isinstance(article, Article) or not article.is_article:
            return None
        fragments = self.fragments.pop(page.file.src_uri, None)
        if fragments is None:  # the page's Markdown did not go through on_page_markdown
            fragments = self._render(article, page, config)
        sources, byline, jsonld = fragments
        page.content = swap_markers(page.content, [*sources, (BYLINE_MARKER, byline)], jsonld)
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the editorial report, then fail the build when errors were reported."""
        if not self.config.enabled:
            return
        if self.report_path is not None:
            editorial.write_report(
                self.report_path, self.articles, self.problems, version=_version()
            )
            log.info(f"prizm: editorial report written to {self.report_path}")
        if self.errors and self.config.strict_errors:
            raise PluginError(
                f"prizm: {self.errors} error(s) in the articles or the authors file (see above); "
                "fix them or set 'strict_errors: false'"
            )

    # -- helpers ---------------------------------------------------------------------------

    def _sanitise(self, html: str, page: Page) -> str:
        """The page's HTML without what can run script; one warning per removal."""
        if self.sanitiser is None:
            return html
        clean, removals = self.sanitiser.clean(html)
        if removals:
            removals = locate(removals, _file_text(page))
            path = page.file.src_uri
            self._report(
                Problem(path, r.line, 0, Severity.WARNING, r.code, r.message) for r in removals
            )
        return clean

    def _plain_titles(self, page: Page) -> None:
        """Strip markup from the page title and its table of contents (themes print them raw).

        ``page.title`` is final here: front matter, else the first heading (set by
        ``render``).  Navigation of every page is rendered after every page's content.
        """
        title = page.title
        plain = plain_title(title) if isinstance(title, str) else None
        if plain is not None:
            page.title = plain  # MkDocs' weak_property: an assignment wins for good
            if isinstance(page.meta.get("title"), str):
                page.meta["title"] = plain
        if plain is not None and isinstance(title, str) and _lost_text(title, plain):
            self._report(
                [
                    Problem(
                        page.file.src_uri,
                        1,
                        0,
                        Severity.WARNING,
                        "PRZ705",
                        f"The page title {_shorten(title)!r} contains markup; "
                        f"published as {_shorten(plain)!r}.",
                    )
                ]
            )
        stack = list(page.toc)
        while stack:
            item = stack.pop()
            plain = plain_title(item.title)
            if plain is not None:
                item.title = plain
            stack.extend(item.children)

    def _report(self, problems: Any) -> None:
        if self.report_path is not None:
            # Kept only for the report: a large site's builds keep no problem in memory.
            self.problems.extend(problems)
        for problem in problems:
            if problem.severity is Severity.ERROR:
                self.errors += 1
            level = problem.log_level
            if log.isEnabledFor(level):  # routine notes are at debug level: not even formatted
                log.log(level, problem.format())


def _theme_language(config: MkDocsConfig) -> str | None:
    """The theme's language, only when the site owner set it (themes default to English)."""
    chosen = False
    with warnings.catch_warnings():
        # Deprecated without a replacement in MkDocs 1.6; if it goes, French stays the default.
        warnings.simplefilter("ignore", DeprecationWarning)
        user_configs = getattr(config, "user_configs", ())
    for user_config in user_configs:
        theme = user_config.get("theme") if isinstance(user_config, dict) else None
        if isinstance(theme, dict) and ("language" in theme or "locale" in theme):
            chosen = True
    if not chosen:
        return None
    for key in ("language", "locale"):
        value = config.theme.get(key)
        if value:
            return str(value)
    return None


def _file_text(page: Page) -> str | None:
    """The page's file, read again only to give problems their file lines."""
    if not page.file.abs_src_path and page.file.generated_by is None:
        return None
    try:
        return page.file.content_string
    except (OSError, ValueError):
        return None


def _base_url(page: Page) -> str:
    depth = page.url.count("/") if page.url else 0
    return "/".join([".."] * depth) if depth else "."


def _reconverts_markdown(config: MkDocsConfig) -> bool:
    """Whether an enabled plugin renders ``page.markdown`` again on its own.

    Material's blog plugin converts each post's Markdown a second time for its excerpts, with
    its own Python-Markdown instance and no ``page_content`` event: the plain placeholders
    would stay in the excerpts, so the plugin then writes the HTML markers and anchors.
    """
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.blog"):
            options = getattr(plugin, "config", None)
            if options is None or options.get("enabled", True):
                return True
    return False


def _lost_text(before: str, after: str) -> bool:
    """Whether making a title plain removed more than escaping (tags, not just quotes)."""
    return unescape(after) != " ".join(unescape(before).split())


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _insert_byline(html: str, byline: str) -> str:
    """After the page's leading ``<h1>`` when it has one, else at the top."""
    head = html.lstrip()
    if head.startswith("<h1"):
        end = html.find("</h1>")
        if end >= 0:
            end += len("</h1>")
            return html[:end] + "\n" + byline + html[end:]
    return byline + "\n" + html


def _version() -> str:
    from mkdocs_prizm import __version__  # noqa: PLC0415 - the package imports this module's deps

    return __version__
