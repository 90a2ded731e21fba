"""Renders an article's fragments (byline, disclosure, sources, citations, structured data).

One rendering path for every host: the packaged templates (``prizm/*.html``), looked up through
the host's search path so that a theme's override wins, rendered from the view models of
[`views`][mkdocs_prizm.render.views].  The MkDocs plugin, the Markdown extension and the CLI's
sources page all call this class.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
import jinja2.meta
import markupsafe

from mkdocs_prizm.core.article import Article, Citation, Source
from mkdocs_prizm.core.charrefs import astral_to_charrefs
from mkdocs_prizm.core.i18n import labels_for
from mkdocs_prizm.core.jsonld import dumps_jsonld
from mkdocs_prizm.core.links import LinkRecord
from mkdocs_prizm.core.options import PrizmOptions
from mkdocs_prizm.core.sources_index import ArticleRef, HistogramBucket, SourceGroup
from mkdocs_prizm.core.trust.summary import SiteTrust
from mkdocs_prizm.render.environment import load
from mkdocs_prizm.render.histogram import histogram_bars
from mkdocs_prizm.render.notices import cite_view, disclosure_view
from mkdocs_prizm.render.trust import trust_rows
from mkdocs_prizm.render.views import SourceView, byline_view, citation_summary, source_view

__all__ = ["SOURCES_CLOSE", "SOURCES_LIST", "SOURCES_OPEN", "Labels", "RenderOptions", "Renderer"]

#: Where the sources block goes in a page: markers written into the Markdown (HTML comments,
#: which Python-Markdown keeps as they are), swapped for the rendered block in the HTML.
SOURCES_OPEN = "<!-- prizm:sources-open -->"
SOURCES_LIST = "<!-- prizm:sources -->"
SOURCES_CLOSE = "<!-- prizm:sources-close -->"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How fragments look: language, labels, tiers, links.

    Attributes:
        language: The site's language; an article may declare its own.
        labels: Overrides of the labels.
        thresholds: The tiers' lowest scores.
        link_rel: ``rel`` of source links.
        link_target: ``target`` of source links, or ``None``.
        tags_url: The tags page, site-relative (``tags/``) or absolute, or ``None``.
        tag_anchor: Turns a tag into the fragment of its entry on the tags page (Material's
            own slug rule when its tags plugin is on); ``None`` for ``tag:<slug>``.
        links: The links cache (URL → record): dead links are marked.
        links_archive: Offer archived copies, with Robust Links attributes.
        citation_title: Give each citation its source in words as a ``title`` (when the
            script's previews are off).
        disclosure_text: The site's own AI disclosure sentence, or ``None`` for the labels.
        principles_url: The site's page on its use of AI, linked from the disclosure.
    """

    language: str = "fr"
    labels: Mapping[str, str] = dataclasses.field(default_factory=dict)
    thresholds: tuple[float, float, float] = (9.0, 7.0, 5.0)
    link_rel: str = "noopener noreferrer"
    link_target: str | None = None
    tags_url: str | None = None
    tag_anchor: Callable[[str], str] | None = None
    links: Mapping[str, LinkRecord] = dataclasses.field(default_factory=dict)
    links_archive: bool = False
    citation_title: bool = False
    disclosure_text: str | None = None
    principles_url: str | None = None

    @classmethod
    def from_options(cls, options: PrizmOptions, language: str, **extra: Any) -> RenderOptions:
        """The rendering part of the site's options."""
        return cls(
            language=language,
            labels=options.labels,
            thresholds=options.sources_thresholds,
            link_rel=options.sources_link_rel,
            link_target=options.sources_link_target,
            tags_url=options.tags_url,
            links_archive=options.links_archive,
            citation_title=not options.citations_preview,
            disclosure_text=options.disclosure_text,
            principles_url=options.disclosure_principles_url,
            **extra,
        )


class Labels(dict[str, str]):
    """The labels of one language: a dict whose keys are also attributes.

    Templates read ``labels.by``, and Jinja looks an attribute up before a key: on a plain
    dict that lookup fails, at a cost several times the value's, for every label of every page.
    Made once per language and never changed; a key named like a dict method (``items``) stays
    a key only, as it was.
    """

    def __init__(self, labels: Mapping[str, str]) -> None:
        super().__init__(labels)
        for key, value in labels.items():
            if key.isidentifier() and not hasattr(dict, key):
                setattr(self, key, value)


class Renderer:
    """Renders fragments with the templates of ``env``; one per build (compiled once).

    Every template is compiled when the renderer is made, so that a fault in a theme's
    override stops the build at once, with the template's name and line
    ([`TemplateError`][mkdocs_prizm.render.environment.TemplateError]).
    """

    def __init__(self, env: jinja2.Environment, options: RenderOptions) -> None:
        self.env = env
        self.options = options
        self._labels: dict[str, Labels] = {}
        self.labels = self.labels_for(options.language)
        self._byline = load(env, "prizm/byline.html")
        self._sources = load(env, "prizm/sources.html")
        self._citation = load(env, "prizm/citation.html")
        # The packaged citation.html reads the cited source only for its title: with previews
        # on, the sources' views are not made for citations, unless an override reads them.
        self._citation_entry = options.citation_title or _reads(env, "prizm/citation.html", "entry")
        self._jsonld = load(env, "prizm/jsonld.html")
        self._disclosure = load(env, "prizm/disclosure.html")
        self._cite = load(env, "prizm/cite.html")
        self._sources_page: Callable[..., str] | None = None

    def labels_for(self, language: str) -> Labels:
        """The labels in ``language`` with the site's overrides (a site has few languages)."""
        found = self._labels.get(language)
        if found is None:
            found = self._labels[language] = Labels(labels_for(language, self.options.labels))
        return found

    # -- article fragments -----------------------------------------------------------------

    def byline(
        self, article: Article, *, base_url: str = "", hide: frozenset[str] = frozenset()
    ) -> str:
        """The byline's HTML (empty when it has nothing to show).

        Args:
            article: The article.
            base_url: Leads from the page to the site's root.
            hide: What the theme shows already (see ``byline_view``).
        """
        labels = self.labels_for(article.language)
        view = byline_view(
            article,
            labels,
            asset=lambda path: _relative(path, base_url),
            tag_url=lambda tag: self._tag_url(tag, base_url),
            hide=hide,
        )
        if view.empty:
            return ""
        return astral_to_charrefs(self._byline(byline=view, article=article, labels=labels))

    def disclosure(self, article: Article, *, base_url: str = "") -> str:
        """The AI disclosure line's HTML (``prizm/disclosure.html``), put after the byline."""
        labels = self.labels_for(article.language)
        view = disclosure_view(
            article,
            labels,
            text=self.options.disclosure_text,
            principles_url=self.options.principles_url,
            asset=lambda path: _relative(path, base_url),
        )
        html = self._disclosure(disclosure=view, article=article, labels=labels)
        return astral_to_charrefs(html)

    def cite(self, article: Article, *, url: str = "", site_name: str = "") -> str:
        """The "Cite this article" block's HTML (``prizm/cite.html``), put after the article."""
        labels = self.labels_for(article.language)
        view = cite_view(article, url=url, site_name=site_name)
        return astral_to_charrefs(self._cite(cite=view, article=article, labels=labels))

    def sources(self, article: Article) -> str:
        """The sources list's HTML (empty when the article has no entries)."""
        if article.sources is None or not article.sources.entries:
            return ""
        language = article.language
        labels = self.labels_for(language)
        thresholds, links = self.options.thresholds, self.options.links
        archive = self.options.links_archive
        entries = [
            source_view(s, labels, language, thresholds, link=links.get(s.url), archive=archive)
            for s in article.sources.entries
        ]
        html = self._sources(
            entries=entries,
            article=article,
            labels=labels,
            link_rel=self.options.link_rel,
            link_target=self.options.link_target,
        )
        return astral_to_charrefs(html)

    def sources_fragments(self, article: Article) -> tuple[tuple[str, str], ...]:
        """The sources block as ``(marker, html)`` pairs, for ``swap_markers``."""
        return (
            (SOURCES_OPEN, self.section_open(article)),
            (SOURCES_LIST, self.sources(article)),
            (SOURCES_CLOSE, "</section>"),
        )

    def section_open(self, article: Article) -> str:
        """The opening tag of the sources block."""
        heading = article.sources.heading if article.sources else self.labels["sources"]
        escaped = astral_to_charrefs(markupsafe.escape(heading))
        count = len(article.sources.entries) if article.sources else 0
        return f'<section class="prizm-sources" aria-label="{escaped}" data-count="{count}">'

    def citation(self, citation: Citation, text: str, entry: SourceView | None = None) -> str:
        """The link of one citation, around ``text`` (Markdown, as the author wrote it).

        Args:
            citation: The citation.
            text: The cited text.
            entry: The view of the cited source, when known: its summary becomes the link's
                ``title`` with ``citation_title``.
        """
        title = ""
        if entry is not None and self.options.citation_title:
            title = _markdown_inert(citation_summary(entry))
        # The text is the author's Markdown, rendered (and sanitised) after the link is put in.
        return self._citation(
            citation=citation,
            text=markupsafe.Markup(text),  # noqa: S704
            entry=entry,
            title=title,
        )

    def citer(self, article: Article) -> Callable[[Citation, str], str]:
        """The citation maker of ``article``, for ``article_markdown``.

        Each citation is rendered with the view of the source it cites, made once per source.
        """
        if not self._citation_entry:
            return self.citation
        sources = {s.number: s for s in article.sources.entries} if article.sources else {}
        labels = self.labels_for(article.language)
        views: dict[int, SourceView] = {}

        def cite(citation: Citation, text: str) -> str:
            entry = views.get(citation.number)
            source = sources.get(citation.number)
            if entry is None and source is not None:
                entry = views[citation.number] = source_view(
                    source, labels, article.language, self.options.thresholds
                )
            return self.citation(citation, text, entry)

        return cite

    def jsonld(self, data: Mapping[str, Any]) -> str:
        """The ``<script type="application/ld+json">`` element of ``data``."""
        # dumps_jsonld escapes what could end the script element.
        return self._jsonld(json=markupsafe.Markup(dumps_jsonld(data)), data=data)  # noqa: S704

    # -- the site's sources page -------------------------------------------------------------

    def sources_index(
        self,
        groups: Sequence[SourceGroup],
        histogram: Sequence[HistogramBucket],
        *,
        link: Callable[[ArticleRef], str],
        trust: SiteTrust | None = None,
        article_link: Callable[[str], str] | None = None,
    ) -> str:
        """The public sources page's index: histogram, sources and articles, trust summary.

        The trust summary is ``prizm/sources_trust.html``, included by the page's template.

        Args:
            groups: The sources, from ``sources_index``.
            histogram: The buckets, from
                [`reliability_histogram`][mkdocs_prizm.core.sources_index.reliability_histogram].
            link: Gives the URL of a citing article's entry, relative to the sources page
                (empty when the article is not in the site).
            trust: The trust checks counted across the site; ``None`` leaves the summary out.
            article_link: Gives the URL of an article (by path) relative to the sources page,
                empty when it is not in the site.
        """
        if self._sources_page is None:
            self._sources_page = load(self.env, "prizm/sources_page.html")
        language = self.options.language
        labels, thresholds = self.labels, self.options.thresholds
        articles = {ref.path for group in groups for ref in group.articles}
        views = [
            (group, source_view(_as_source(group), labels, language, thresholds))
            for group in groups
        ]
        html = self._sources_page(
            groups=views,
            histogram=histogram,
            bars=histogram_bars(histogram, thresholds, labels),
            articles_count=len(articles),
            link=link,
            labels=labels,
            link_rel=self.options.link_rel,
            link_target=self.options.link_target,
            trust=trust,
            trust_rows=trust_rows(trust, labels, language, article_link) if trust else [],
        )
        return astral_to_charrefs(html)

    # -- helpers ----------------------------------------------------------------------------

    def _tag_url(self, tag: str, base_url: str) -> str:
        """Link of a tag on the tags page, relative to the current page; empty when none."""
        options = self.options
        if not options.tags_url:
            return ""
        if options.tag_anchor is not None:
            anchor = options.tag_anchor(tag)
        else:
            slug = "".join(ch if ch.isalnum() else "-" for ch in tag.casefold()).strip("-")
            anchor = f"tag:{slug}"
        return f"{_relative(options.tags_url, base_url)}#{anchor}"


#: What Python-Markdown's inline patterns read before raw HTML is set aside (code spans,
#: escapes, links, math): written as character references inside an attribute of the citation.
_MARKDOWN_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "`\\[]()*_$~^=:{}|!"})


def _markdown_inert(text: str) -> markupsafe.Markup:
    """``text`` escaped for an HTML attribute that goes through Markdown unchanged."""
    escaped = str(markupsafe.escape(text)).translate(_MARKDOWN_INERT)
    return markupsafe.Markup(astral_to_charrefs(escaped))  # noqa: S704 - escaped above


def _reads(env: jinja2.Environment, name: str, variable: str) -> bool:
    """Whether template ``name`` reads ``variable`` (when its source cannot be read: yes)."""
    if env.loader is None:
        return True
    try:
        source = env.loader.get_source(env, name)[0]
        return variable in jinja2.meta.find_undeclared_variables(env.parse(source))
    except jinja2.TemplateError:
        return True


def _relative(path: str, base_url: str) -> str:
    """Make a site-relative path usable from a page ``base_url`` away from the root."""
    if "://" in path or path.startswith(("/", "data:")) or not base_url:
        return path
    # "./" is the home page's URL: from "articles/x/" it is "../../", not "../.././".
    return base_url.rstrip("/") + "/" + path.removeprefix("./")


def _as_source(group: SourceGroup) -> Source:
    """A site-wide source as an entry, for its badge."""
    return Source(
        number=0,
        title=group.title,
        kind=group.kind,
        url=group.url,
        url_safe=bool(group.url),
        reliability=group.reliability,
    )
