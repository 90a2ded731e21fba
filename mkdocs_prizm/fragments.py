"""An article's HTML fragments for a MkDocs page, rendered once from its data.

The byline (with the AI disclosure), the sources block, what follows the article (the
"Cite this article" block) and the schema.org data are rendered as soon as the article's
Markdown is processed, and put into the page later by the plugin's events.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_prizm import blog, pages
from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.jsonld import build_blogposting
from mkdocs_prizm.core.options import PrizmOptions
from mkdocs_prizm.render import Renderer, disclosure_data

__all__ = ["Fragments", "render_fragments"]

#: An article's rendered HTML, waiting to be put into its page: the sources block's
#: ``(marker, html)`` pairs (empty without a sources list), the byline and disclosure line,
#: what follows the article (the "Cite this article" block, and the JSON-LD unless it goes
#: into the page's head), and the JSON-LD ``<script>`` element for the head (or empty).
Fragments = tuple[tuple[tuple[str, str], ...], str, str, str]


def render_fragments(
    renderer: Renderer,
    options: PrizmOptions,
    article: Article,
    page: Page,
    config: MkDocsConfig,
    *,
    post: bool,
    jsonld_in_head: bool,
) -> Fragments:
    """Render the article's sources block, byline, disclosure, citation and JSON-LD.

    Args:
        renderer: The build's renderer.
        options: The plugin's options.
        article: The article.
        page: Its page.
        config: The site's configuration.
        post: Whether the page is a post of Material's blog: the byline then leaves out what
            the post's header shows.
        jsonld_in_head: Whether the JSON-LD goes into the page's head rather than after the
            article.
    """
    sources = tuple(renderer.sources_fragments(article)) if article.sources else ()
    url = page.canonical_url or ""
    byline = ""
    if options.byline:
        hide = blog.SHOWN_BY_MATERIAL if post else frozenset()
        byline = renderer.byline(article, base_url=pages.base_url(page), hide=hide)
    if options.disclosure:  # right after the byline: where the reader starts
        byline += renderer.disclosure(article, base_url=pages.base_url(page))
    jsonld = ""
    if options.jsonld:
        words = article.reading_time.words if article.reading_time else None
        data = build_blogposting(article, url=url, site_name=config.site_name, word_count=words)
        if options.disclosure:
            principles = options.disclosure_principles_url
            data.update(disclosure_data(article, principles, config.site_url or ""))
        jsonld = renderer.jsonld(data)
    after = ""
    if options.cite_block:  # after the article
        after = "\n" + renderer.cite(article, url=url, site_name=config.site_name)
    if not jsonld_in_head:  # valid anywhere; in the content it costs no page copy
        after, jsonld = after + "\n" + jsonld if jsonld else after, ""
    return (sources, byline, after, jsonld)
