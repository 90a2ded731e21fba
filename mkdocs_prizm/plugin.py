"""The MkDocs adapter: events only, each a few lines calling the core and the renderer.

Options are read by the one schema ([`PrizmOptions`][mkdocs_prizm.core.options.PrizmOptions]);
MkDocs itself leaves a plugin with ``enabled: false`` unloaded, so every handler here runs only
for an enabled plugin.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.base import ConfigErrors, ConfigWarnings, LegacyConfig, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_prizm import audit, blog, editorial, link_health, pages, preview
from mkdocs_prizm.core.article import Article, Source
from mkdocs_prizm.core.audit import Auditor, default_markers
from mkdocs_prizm.core.fences import fences_for
from mkdocs_prizm.core.links import LinkRecord
from mkdocs_prizm.core.options import OptionsError, PrizmOptions
from mkdocs_prizm.core.pipeline import Pipeline, Processed
from mkdocs_prizm.core.problems import ROUTINE_CODES, Problem, Severity
from mkdocs_prizm.render import (
    SOURCES_LIST,
    TEMPLATES_DIR,
    Fragments,
    PageContext,
    Renderer,
    RenderOptions,
    TemplateError,
    article_markdown,
    make_environment,
    render_fragments,
    swap_markers,
)
from mkdocs_prizm.sanitise import Sanitiser
from mkdocs_prizm.site import load_authors, site_language
from mkdocs_prizm.tags import find_tags_plugin, listing_url, tag_anchor

__all__ = ["META_KEY", "PrizmPlugin"]

log = get_plugin_logger(__name__)

#: Where the stylesheet is published in the site.
CSS_URI = "assets/prizm/prizm.css"
CSS_SOURCE = Path(__file__).parent / "assets" / "prizm.css"
#: Where the byline goes in the page content, until ``on_page_context`` renders it.
BYLINE_MARKER = "<!-- prizm:byline -->"
#: ``page.meta`` key holding the [`Article`][mkdocs_prizm.core.article.Article].
META_KEY = "prizm"


class PrizmPlugin(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Publishes Prizm articles: front matter, byline, sources, citations, no internal notes."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.options = PrizmOptions()
        self.pipeline = Pipeline()
        self.renderer: Renderer | None = None
        self.articles: dict[str, Processed] = {}
        self.problems: list[Problem] = []  # kept for the editorial report only
        self.errors = 0
        self.fragments: dict[str, Fragments] = {}
        self.nav: Navigation | None = None
        self.report_path: Path | None = None
        self.sanitiser: Sanitiser | None = None
        self.blogs: list[Any] = []  # Material's blog plugin instances
        self.files: Files | None = None
        self.jsonld_in_head = False
        self.links: dict[str, LinkRecord] = {}  # the links cache (links_cache)
        self.auditor: Auditor | None = None

    # -- configuration ---------------------------------------------------------------------

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """Read the options with the one schema; an unknown option is an error."""
        self.config = LegacyConfig((), config_file_path=config_file_path)
        try:
            self.options = PrizmOptions.from_mapping(options)
        except OptionsError as exc:
            return [(f.name, ValidationError(f.message)) for f in exc.faults], []
        self.config.load_dict(self.options.as_dict())
        return [], []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Resolve the language, load the authors file, register templates and stylesheet."""
        options = self.options
        language = site_language(options.language, pages.theme_language(config))
        # Last in the search path: the theme's custom_dir and the theme itself win.
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES_DIR))
        # Checked before building: the report must never land in the published site.
        self.report_path = editorial.report_path(config, options.report_file)
        # Problems are counted from here: the authors file's count too.
        self.problems = []
        self.errors = 0
        try:
            authors = load_authors(
                Path(config.docs_dir), options.authors_file, Path(config.docs_dir).name
            )
        except FileNotFoundError as exc:
            raise PluginError(f"prizm: {exc}") from None
        self._report(authors.problems)
        self.links, cache_problems = link_health.read_cache(
            config.config_file_path, options.links_cache
        )
        self._report(cache_problems)
        # Routine notes are logged at debug level: unless debug output or a report is wanted,
        # they get no file line (no file is read again for them), and the checks that only
        # ever give such notes are skipped unless the sources page shows their counts.
        notes_read = bool(options.report_file) or log.isEnabledFor(logging.DEBUG)
        self.pipeline = Pipeline(
            options,
            language=language,
            authors=authors.authors,
            authors_file_given=authors.found,
            defer_lines=frozenset() if notes_read else ROUTINE_CODES,
            notes_wanted=notes_read or bool(options.sources_page),
            fences=fences_for(config.markdown_extensions),
            file_exists=self._site_file,
            site_name=config.site_name,
        )
        render_options = RenderOptions.from_options(
            options,
            language,
            # With Material's tags plugin on, tags link to its listing with its own anchors.
            tag_anchor=tag_anchor(tags) if (tags := find_tags_plugin(config)) else None,
            links=self.links,
        )
        try:
            env = make_environment(config.theme.dirs, strict=bool(config.strict))
            self.renderer = Renderer(env, render_options)
        except TemplateError as exc:
            raise PluginError(f"prizm: {exc}") from None
        self.blogs = blog.find_blogs(config)
        self.jsonld_in_head = "navigation.instant" in (config.theme.get("features") or ())
        self.sanitiser = None
        if options.sanitise != "off":
            try:
                self.sanitiser = Sanitiser(options.sanitise_allow_tags)
            except ValueError as error:
                raise PluginError(f"prizm: sanitise_allow_tags: {error}") from None
        if options.css and CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        self.auditor = None
        if options.audit:  # what the options keep out (see core.audit)
            notes = options.notes_patterns if options.reports_exclude else ()
            residue = options.residue and options.residue_exclude
            self.auditor = Auditor(default_markers(notes, residue=residue))
        preview.add_script(config, options)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Start a build with no state from the previous one (``mkdocs serve``).

        The problems were reset by ``on_config``, which runs before every build too: those of
        the authors file are kept.
        """
        self.articles = {}
        self.fragments = {}

    def _site_file(self, path: str) -> bool:
        """Whether ``path`` (``/``-separated, relative to ``docs_dir``) is a file of the site."""
        return self.files is not None and path in self.files.src_uris

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the sources page, find the tags listing to link tags to, publish the assets."""
        self.files = files
        renderer = self.renderer
        if renderer is None:
            return None
        if self.options.sources_page:
            title = renderer.labels["sources_index_title"]
            editorial.add_sources_page(files, config, self.options.sources_page, title)
        tags = find_tags_plugin(config)
        if tags is not None and not self.options.tags_url and renderer.options.tag_anchor:
            found = listing_url(tags, files)
            renderer.options = dataclasses.replace(renderer.options, tags_url=found)
        if self.options.css and files.get_file_from_path(CSS_URI) is None:
            files.append(File.generated(config, CSS_URI, abs_src_path=str(CSS_SOURCE)))
        preview.publish_script(files, config, self.options)
        return files

    # -- pages -----------------------------------------------------------------------------

    # Early, so that later plugins (blog excerpts, RSS, search) never see an internal note.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Process the page's Markdown: notes out, citations linked, sources block marked."""
        path = page.file.src_uri
        processed = self.pipeline.process_body(
            markdown, page.meta, path, locate=lambda: pages.file_text(page)
        )
        if processed.problems:
            self._report(processed.problems)
        for key, value in processed.meta.items():
            page.meta.setdefault(key, value)
        page.meta.update(processed.meta_updates)
        article = processed.article
        page.meta[META_KEY] = article
        if processed.keep_out:  # an internal report, or residue with residue_exclude
            pages.exclude(page, self.nav)
            return ""
        if not article.is_article or self.renderer is None:
            return processed.body
        if self.links:
            self._report(
                link_health.page_problems(article, self.links, path, lambda: pages.file_text(page))
            )
        if self.options.report_file or self.options.sources_page:
            # Kept for the report and the sources page only: a large site's builds stay lean.
            self.articles[path] = processed
        post_of = blog.blog_of(self.blogs, page) if self.blogs else None
        excerpt = None
        if post_of is not None:
            blog.give_post_details(post_of, page, article)
            if self.options.blog_excerpt == "intro":
                excerpt = blog.excerpt_cut(processed, blog.separator(post_of))
        try:
            # The fragments are rendered now and put into the page's HTML later
            # (on_page_content, on_page_context).
            where = PageContext(
                page.canonical_url or "",
                pages.base_url(page),
                config.site_name,
                config.site_url or "",
            )
            self.fragments[path] = render_fragments(
                self.renderer,
                self.options,
                article,
                where,
                # On a post of Material's blog, the byline leaves out what its header shows.
                hide=blog.SHOWN_BY_MATERIAL if post_of is not None else frozenset(),
                jsonld_in_head=self.jsonld_in_head,
            )
            return article_markdown(processed, self.renderer.citer(article), excerpt=excerpt)
        except TemplateError as exc:
            raise PluginError(f"prizm: {path}: {exc}") from None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Remember the navigation, to take excluded internal reports out of it."""
        self.nav = nav
        return None

    # Early, so that later plugins see the final content.
    @event_priority(50)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Mark where the byline goes; render the sources into the content when asked.

        By default the byline and the sources block are put into the page in
        ``on_page_context``: the search index and feeds then skip them (the byline is page
        furniture) and the search plugin does not parse them again.  ``sources_in_content``
        puts the sources block here instead, for search and full-content feeds.
        """
        if self.sanitiser is not None:
            self._report(pages.plain_titles(page))
        fragments = self.fragments.get(page.file.src_uri)
        if fragments is None:  # not an article
            return self._sanitise(html, page) if self.options.sanitise == "all" else None
        # Before the plugin's own fragments go in: only what the article's author wrote.
        html = self._sanitise(html, page)
        if self.options.sources_in_content and SOURCES_LIST in html:
            html = swap_markers(html, fragments[0])
            # Plugins reading page.content instead of their argument (mkdocs-rss-plugin's
            # full-content feeds) must see the rendered block, not the markers.
            page.content = html
        if fragments[1]:
            html = pages.insert_byline(html, BYLINE_MARKER)
        article = page.meta.get(META_KEY)
        if isinstance(article, Article) and article.language != self.pipeline.language:
            # An English article on a French site: screen readers and search read it as such.
            html = f'<div lang="{article.language}">\n{html}\n</div>'
        return html

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Fill the sources page: every page's content is built by now, templates not yet."""
        if not self.options.sources_page or self.renderer is None:
            return None
        try:
            built = editorial.fill_sources_page(
                files,
                self.options.sources_page,
                self.articles.values(),
                self.renderer,
                link_status=self._link_status,
            )
        except TemplateError as exc:
            raise PluginError(f"prizm: {exc}") from None
        if not built:
            log.warning(f"sources_page '{self.options.sources_page}' was not built")
        return None

    # Late: after the search plugin has indexed page.content, so that the byline, the sources
    # list and the structured data stay out of the index, after Material's blog has rendered
    # its excerpts (-100), and before the theme renders the page.
    @event_priority(-110)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put the byline, the sources block and the schema.org structured data into the page.

        On the index pages of Material's blog, clean the excerpts of Prizm posts.
        """
        for excerpt in blog.post_excerpts(context) if self.blogs else ():
            post_article = excerpt.post.meta.get(META_KEY)
            if isinstance(post_article, Article) and post_article.is_article:
                url = blog.excerpt_post_url(excerpt, page)
                excerpt.content = blog.clean_excerpt(excerpt.content, url)
        fragments = self.fragments.get(page.file.src_uri)
        if fragments is None or page.content is None:
            return None
        sources, byline, after, _ = fragments
        page.content = swap_markers(page.content, [*sources, (BYLINE_MARKER, byline)], after)
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the structured data into the page's ``<head>`` when the content is no place.

        Material's instant navigation (``navigation.instant``) runs the scripts of the
        content it loads again, without their type: JSON-LD there would run as JavaScript.
        Elsewhere it stays in the content, which spares copying every page once more.
        """
        fragments = self.fragments.pop(page.file.src_uri, None)
        if fragments is None or not fragments[3]:
            return None
        # One copy of the page (a theme's navigation can make it large), not a slice and a copy.
        return output.replace("</head>", fragments[3] + "\n</head>", 1)

    # Last, even after plugins that put themselves last (-100): the audit reads what every
    # other plugin wrote (search index, feeds).
    @event_priority(-1000)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Audit the published files, write the editorial report, fail the build on errors."""
        leaks = 0
        if self.auditor is not None:
            shown = audit.shown_site_dir(config.site_dir, config.config_file_path)
            found = audit.audit_site(
                Path(config.site_dir), self.auditor, shown_as=shown, skip=self.options.audit_skip
            )
            leaks = len(found)
            self._report(found)
        if self.report_path is not None:
            editorial.write_report(
                self.report_path,
                self.articles,
                self.problems,
                version=_version(),
                link_status=self._link_status,
            )
            log.info(f"editorial report written to {self.report_path}")
        if leaks:
            raise PluginError(
                f"prizm: {leaks} internal note(s) or marker(s) published (see above); remove "
                "them where they come from, or set 'audit_skip' or 'audit: false'"
            )
        if self.errors and self.options.strict_errors:
            raise PluginError(
                f"prizm: {self.errors} error(s) in the articles or the authors file (see above); "
                "fix them or set 'strict_errors: false'"
            )

    # -- helpers ---------------------------------------------------------------------------

    def _sanitise(self, html: str, page: Page) -> str:
        """The page's HTML without what can run script; one warning per removal."""
        if self.sanitiser is None:
            return html
        clean, problems = pages.sanitise(self.sanitiser, html, page)
        self._report(problems)
        return clean

    def _link_status(self, source: Source) -> str:
        """What the links cache says of a source's link (``unknown`` when not checked)."""
        record = self.links.get(source.url) if self.options.links_cache else None
        return record.state.value if record is not None else "unknown"

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


def _version() -> str:
    from mkdocs_prizm import __version__  # noqa: PLC0415 - the package imports this module's deps

    return __version__
