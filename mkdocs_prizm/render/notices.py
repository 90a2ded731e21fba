"""View models of what an article tells its readers: the AI disclosure and "Cite this article".

The sentences are worked out in the core ([`disclosure`][mkdocs_prizm.core.disclosure],
[`citing`][mkdocs_prizm.core.citing]); these views hand them to the templates
``prizm/disclosure.html`` and ``prizm/cite.html`` with the links a page needs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from mkdocs_prizm.core.article import Article
from mkdocs_prizm.core.citing import CitedWork, bibtex_entry, bibtex_key, plain_citation
from mkdocs_prizm.core.disclosure import (
    DIGITAL_SOURCE_TYPE,
    disclosure_jsonld,
    disclosure_sentence,
)
from mkdocs_prizm.core.jsonld import is_organization
from mkdocs_prizm.core.urls import is_safe_reference, is_safe_url
from mkdocs_prizm.render.views import LinkView

__all__ = [
    "CiteView",
    "DisclosureView",
    "cite_view",
    "cited_work",
    "disclosure_data",
    "disclosure_view",
]


@dataclass(slots=True)
class DisclosureView:
    """The disclosure line's values, ready to show.

    Attributes:
        article: The core article.
        text: The sentence (``Article rédigé avec l'aide de l'IA, relu par Jeanne Martin.``).
        reviewed: Whether a human reviewer is named.
        reviewers: Each reviewer's name and profile link (``href`` empty when none).
        principles: The link to the site's page on its use of AI, or ``None``.
        source_type: The IPTC digital source type of the text (also in the JSON-LD).
    """

    article: Article
    text: str
    reviewed: bool
    reviewers: tuple[LinkView, ...]
    principles: LinkView | None
    source_type: str = DIGITAL_SOURCE_TYPE


@dataclass(slots=True)
class CiteView:
    """The "Cite this article" block's values.

    Attributes:
        article: The core article.
        plain: The citation as one line of text, in the article's language.
        bibtex: The biblatex ``@online`` entry.
        key: The entry's key (``dupont2025generative``).
        language: The article's language (the block's ``lang``).
    """

    article: Article
    plain: str
    bibtex: str
    key: str
    language: str


def disclosure_view(
    article: Article,
    labels: Mapping[str, str],
    *,
    text: str | None = None,
    principles_url: str | None = None,
    asset: Callable[[str], str] = str,
) -> DisclosureView:
    """The view of an article's disclosure line.

    Args:
        article: The article (its ``reviewers`` are already the site's when it names none).
        labels: The labels in the article's language.
        text: The site's own sentence (``disclosure_text``), or ``None`` for the labels.
        principles_url: The site's page on its use of AI: absolute, or site-relative.
        asset: Makes a site-relative path usable from the page.
    """
    names = tuple(r.name or r.key for r in article.reviewers)
    principles = None
    if principles_url:
        absolute, relative = _principles(principles_url)
        if absolute or relative:
            href = principles_url if absolute else asset(principles_url)
            principles = LinkView(labels["disclosure_principles"], href)
    return DisclosureView(
        article=article,
        text=disclosure_sentence(names, labels, article.language, text),
        reviewed=bool(names),
        reviewers=tuple(
            LinkView(r.name or r.key, r.url if is_safe_url(r.url) else "")
            for r in article.reviewers
        ),
        principles=principles,
    )


def cited_work(article: Article, *, url: str = "", site_name: str = "") -> CitedWork:
    """What a citation of ``article`` names; the URL only when it is a safe http(s) one."""
    names = tuple(a.name or a.key for a in article.authors)
    return CitedWork(
        title=article.title,
        authors=names,
        date=article.date,
        site_name=site_name,
        url=url if is_safe_url(url) else "",
        language=article.language,
        organizations=frozenset(n for n in names if is_organization(n, site_name)),
    )


def cite_view(article: Article, *, url: str = "", site_name: str = "") -> CiteView:
    """The view of an article's "Cite this article" block.

    Args:
        article: The article.
        url: The page's canonical URL (empty when the site has no ``site_url``).
        site_name: The site's name.
    """
    work = cited_work(article, url=url, site_name=site_name)
    key = bibtex_key(work)
    return CiteView(
        article=article,
        plain=plain_citation(work),
        bibtex=bibtex_entry(work, key),
        key=key,
        language=article.language,
    )


def disclosure_data(
    article: Article, principles_url: str | None, site_url: str = ""
) -> dict[str, Any]:
    """The disclosure's schema.org properties, a site-relative principles page made absolute.

    Args:
        article: The article.
        principles_url: The ``disclosure_principles_url`` option: absolute, or relative to
            the site's root (``ia/``), which needs ``site_url`` to be stated.
        site_url: The site's URL (``site_url``), or empty.
    """
    if principles_url:
        principles_url = _absolute_principles(principles_url, site_url)
    return disclosure_jsonld(article.reviewers, principles_url)


# The principles page is an option: the same for every article, so checked once per site.
@functools.lru_cache(maxsize=16)
def _principles(principles_url: str) -> tuple[bool, bool]:
    """Whether the principles page is a safe http(s) URL, and whether a safe relative path."""
    if is_safe_url(principles_url):
        return True, False
    return False, is_safe_reference(principles_url)


@functools.lru_cache(maxsize=16)
def _absolute_principles(principles_url: str, site_url: str) -> str | None:
    """The principles page as an absolute URL: a relative one joined to ``site_url``."""
    absolute, relative = _principles(principles_url)
    if absolute:
        return principles_url
    return urljoin(site_url, principles_url) if relative and site_url else None
