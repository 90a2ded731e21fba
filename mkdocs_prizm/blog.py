"""Material's blog plugin: Prizm articles as posts, and clean excerpts on its index pages.

Material's blog renders each post's excerpt on its index, archive and category pages by
converting the post's Markdown again, with its own Markdown instance, and cuts it at the
excerpt separator (``<!-- more -->``).  Prizm posts come without one, so the plugin:

* puts the separator after the introduction when the author did not (``blog_excerpt``);
* gives Material the article's reading time and authors, so that the post header and the
  byline agree (the byline then leaves out what the header shows);
* cleans each excerpt rendered on an index page: its citations point to the post's own page,
  carry no id (an index holds several posts), and no sources block is left in it.

Material is read through its plugin objects only (``config.plugins``), never imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.blocks import introduction_end
from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.render import SOURCES_CLOSE, SOURCES_OPEN

__all__ = [
    "SHOWN_BY_MATERIAL",
    "blog_of",
    "clean_excerpt",
    "excerpt_cut",
    "excerpt_post_url",
    "find_blogs",
    "give_post_details",
    "post_excerpts",
    "separator",
]

#: What Material's post header shows, so that the byline does not repeat it.
SHOWN_BY_MATERIAL = frozenset({"date", "reading_time", "authors", "categories"})
_CITE_HREF = 'href="#prizm-source-'
_CITE_ID = ' id="prizm-cite-'


def find_blogs(config: MkDocsConfig) -> list[Any]:
    """The enabled instances of Material's blog plugin."""
    return [
        plugin
        for plugin in config.plugins.values()
        if type(plugin).__module__.startswith("material.plugins.blog")
        and getattr(plugin, "config", {}).get("enabled", True)
    ]


def blog_of(blogs: Iterable[Any], page: Page) -> Any | None:
    """The blog instance whose post ``page`` is, if any."""
    for blog in blogs:
        root = getattr(blog, "blog", None)
        if root is not None and page in getattr(root, "posts", ()):
            return blog
    return None


def separator(blog: Any) -> str:
    """The blog's excerpt separator (``<!-- more -->`` by default)."""
    return str(blog.config.get("post_excerpt_separator") or "<!-- more -->")


def give_post_details(blog: Any, page: Page, article: Article) -> None:
    """Hand Material the article's reading time and authors, unless the post sets them."""
    post_config = getattr(page, "config", None)
    if post_config is None:
        return
    if article.reading_time is not None and not post_config.get("readtime"):
        post_config["readtime"] = article.reading_time.minutes
    known = getattr(blog, "authors", {}) or {}
    if blog.config.get("authors", True) and not post_config.get("authors"):
        post_config["authors"] = [a.key for a in article.authors if a.key in known]


def post_excerpts(context: Any) -> Sequence[Any]:
    """The excerpts Material put into an index page's context (empty elsewhere)."""
    posts = context.get("posts") if hasattr(context, "get") else None
    return posts if isinstance(posts, list) else ()


def clean_excerpt(html: str, post_url: str) -> str:
    """An excerpt fit for an index page.

    Args:
        html: The excerpt as Material rendered it.
        post_url: The post's URL, relative to the index page.

    Returns:
        ``html`` without the sources block, its citations linked to the post's page and
        without their ids.
    """
    start = html.find(SOURCES_OPEN)
    if start >= 0:
        end = html.find(SOURCES_CLOSE, start)
        html = html[:start] + (html[end + len(SOURCES_CLOSE) :] if end >= 0 else "")
    if _CITE_HREF not in html:
        return html
    html = html.replace(_CITE_HREF, f'href="{post_url}#prizm-source-')
    pieces = html.split(_CITE_ID)
    # Each piece after the first starts with the rest of a citation id: "N-K"".
    return pieces[0] + "".join(piece[piece.find('"') + 1 :] for piece in pieces[1:])


def excerpt_post_url(excerpt: Any, view: Page) -> str:
    """The post's URL from the index page ``view``."""
    return get_relative_url(excerpt.post.url, view.url)


def excerpt_cut(processed: Processed, separator: str) -> tuple[int, str] | None:
    """Where a post's excerpt ends when its author did not say: after the introduction.

    Returns:
        ``(line, separator)`` for ``article_markdown``, or ``None`` when the post has its
        separator or no introduction.
    """
    if separator in processed.body:
        return None
    section = processed.article.sources
    lines = processed.body.split("\n")
    stop = section.start_line - processed.body_offset - 1 if section else None
    at = introduction_end(processed.body, lines, stop=stop)
    return None if at is None else (at, separator)
