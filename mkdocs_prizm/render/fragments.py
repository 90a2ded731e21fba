"""An article's HTML fragments, rendered once from its data, for every host.

The byline (with the AI disclosure), the sources block, what follows the article (the
"Cite this article" block) and the schema.org data.  The MkDocs plugin puts them into the
page later, in its events; the Markdown extension stashes them in the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.jsonld import build_blogposting
from mkdocs_prizm.core.options import PrizmOptions
from mkdocs_prizm.render.notices import disclosure_data
from mkdocs_prizm.render.renderer import Renderer

__all__ = ["Fragments", "PageContext", "render_fragments"]

#: An article's rendered HTML, waiting to be put into its page: the sources block's
#: ``(marker, html)`` pairs (empty without a sources list), the byline and disclosure line,
#: what follows the article (the "Cite this article" block, and the JSON-LD unless it goes
#: into the page's head), and the JSON-LD ``<script>`` element for the head (or empty).
Fragments = tuple[tuple[tuple[str, str], ...], str, str, str]


@dataclass(frozen=True, slots=True)
class PageContext:
    """Where an article is published, as its host knows it.

    Attributes:
        url: The page's canonical URL (empty when unknown).
        base_url: The relative path from the page to the site's root (``../..``).
        site_name: The site's name.
        site_url: The site's URL (empty when unknown).
    """

    url: str = ""
    base_url: str = ""
    site_name: str = ""
    site_url: str = ""


def render_fragments(
    renderer: Renderer,
    options: PrizmOptions,
    article: Article,
    where: PageContext,
    *,
    hide: frozenset[str] = frozenset(),
    jsonld_in_head: bool = False,
) -> Fragments:
    """Render the article's sources block, byline, disclosure, citation and JSON-LD.

    Args:
        renderer: The host's renderer.
        options: The site's options.
        article: The article.
        where: Its page.
        hide: What the theme shows already, left out of the byline (see ``byline_view``).
        jsonld_in_head: Whether the JSON-LD goes into the page's head rather than after the
            article.
    """
    sources = renderer.sources_fragments(article) if article.sources else ()
    byline = ""
    if options.byline:
        byline = renderer.byline(article, base_url=where.base_url, hide=hide)
    if options.disclosure:  # right after the byline: where the reader starts
        byline += renderer.disclosure(article, base_url=where.base_url)
    jsonld = ""
    if options.jsonld:
        words = article.reading_time.words if article.reading_time else None
        data = build_blogposting(
            article, url=where.url, site_name=where.site_name, word_count=words
        )
        if options.disclosure:
            principles = options.disclosure_principles_url
            data.update(disclosure_data(article, principles, where.site_url))
        jsonld = renderer.jsonld(data)
    after = ""
    if options.cite_block:  # after the article
        after = "\n" + renderer.cite(article, url=where.url, site_name=where.site_name)
    if not jsonld_in_head:  # valid anywhere; in the content it costs no page copy
        after, jsonld = after + "\n" + jsonld if jsonld else after, ""
    return (sources, byline, after, jsonld)
