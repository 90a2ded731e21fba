"""schema.org structured data for articles, safe to embed in a ``<script>`` element.

[`build_blogposting`][mkdocs_prizm.core.jsonld.build_blogposting] maps an
[`Article`][mkdocs_prizm.core.article.Article] to a ``BlogPosting``;
[`dumps_jsonld`][mkdocs_prizm.core.jsonld.dumps_jsonld] serialises it compactly and escapes
what could end the ``<script type="application/ld+json">`` element early.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, Final
from urllib.parse import quote, urljoin

from mkdocs_prizm.core.article import Article, Author, Source
from mkdocs_prizm.core.charrefs import astral_to_json_escapes
from mkdocs_prizm.core.urls import is_safe_reference, is_safe_url

__all__ = ["SCHEMA_CONTEXT", "build_blogposting", "dumps_jsonld"]

#: The ``@context`` of every object built here.
SCHEMA_CONTEXT: Final = "https://schema.org"

# Characters escaped after ``json.dumps``: markup delimiters (a title containing
# ``</script>`` cannot close the element, ``<!--`` cannot open a comment) and the two line
# separators JavaScript once refused inside strings. The escapes are valid JSON.
_JSONLD_REPLACEMENTS: Final = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


#: Words that name a team, not a person ("L'équipe Prizm AI", "La rédaction").
RE_TEAM = re.compile(r"\b(?:[ée]quipe|team|r[ée]daction|staff|editorial|newsroom)\b", re.IGNORECASE)


# An author's kind is asked for on each of their pages, by the JSON-LD and the citation.
@functools.lru_cache(maxsize=256)
def is_organization(name: str, site_name: str = "") -> bool:
    """Whether an author's name names a team or the publisher itself (``Prizm AI``)."""
    name = " ".join(name.split())
    site = " ".join(site_name.split())
    if RE_TEAM.search(name):
        return True
    # The publisher signing its own articles: the site's name, or its leading words.
    return bool(name) and (site == name or site.startswith(name + " "))


def _person(author: Author, site_name: str = "") -> dict[str, Any]:
    name = author.name or author.key
    kind = "Organization" if is_organization(name, site_name) else "Person"
    person: dict[str, Any] = {"@type": kind, "name": name}
    if author.url and is_safe_url(author.url):
        person["url"] = author.url
    return person


def _citation(source: Source) -> dict[str, Any] | None:
    name = source.title or source.description
    url = source.url if source.url_safe else ""
    if not name and not url:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if name:
        work["name"] = name
    if url:
        work["url"] = url
    published = source.date.iso if source.date is not None else ""
    if published:
        work["datePublished"] = published
    return work


def _image(image: str, url: str) -> str:
    """The image's URL: a safe http(s) URL, or a relative path resolved against ``url``."""
    image = image.strip()
    if not image:
        return ""
    if is_safe_url(image):
        return image
    if not is_safe_reference(image):
        return ""
    if not url:
        return image
    joined = urljoin(url, quote(image, safe="/?#&=%:;@+,!$'()*~"))
    return joined if is_safe_url(joined) else ""


def build_blogposting(
    article: Article,
    *,
    url: str = "",
    site_name: str = "",
    word_count: int | None = None,
) -> dict[str, Any]:
    """Describe an article as a schema.org ``BlogPosting``.

    Keys are always inserted in the same order and empty values are left out, so the same
    article gives the same JSON, byte for byte. Mapping:

    * ``headline``: the title; ``description``: the description;
    * ``datePublished``: the date; ``dateModified``: the update date, else the date;
    * ``author``: a list of ``Person`` (``name``, and ``url`` when the authors file gives a
      safe one);
    * ``image``: the image, resolved against ``url`` when relative and ``url`` is given; left
      out unless it is a safe http(s) URL or a relative path (see
      [`is_safe_reference`][mkdocs_prizm.core.urls.is_safe_reference]);
    * ``keywords``: the tags joined by ``", "``; ``articleSection``: the category, a list when
      there are several;
    * ``inLanguage``; ``wordCount``: ``word_count``, else the words counted for the reading time;
    * ``timeRequired``: the reading time as an ISO 8601 duration (``PT3M``);
    * ``mainEntityOfPage`` and ``url``: the page URL; ``publisher``: an ``Organization`` named
      ``site_name``;
    * ``citation``: one ``CreativeWork`` per source, with ``name``, ``url`` (only safe http(s)
      URLs) and ``datePublished`` (as precise as known: ``2024``, ``2024-03``, ``2024-03-05``).

    Args:
        article: The article.
        url: The page's canonical URL, if known.
        site_name: The site's name, if known.
        word_count: Words in the article, overriding the reading-time count.

    Returns:
        A JSON-ready dict.
    """
    data: dict[str, Any] = {"@context": SCHEMA_CONTEXT, "@type": "BlogPosting"}
    if article.title:
        data["headline"] = article.title
    if article.description:
        data["description"] = article.description
    published = article.date.isoformat() if article.date is not None else ""
    if published:
        data["datePublished"] = published
    modified = article.updated.isoformat() if article.updated is not None else published
    if modified:
        data["dateModified"] = modified
    if article.authors:
        data["author"] = [_person(author, site_name) for author in article.authors]
    image = _image(article.image, url)
    if image:
        data["image"] = image
    if article.tags:
        data["keywords"] = ", ".join(article.tags)
    if article.categories:
        categories = list(article.categories)
        data["articleSection"] = categories[0] if len(categories) == 1 else categories
    if article.language:
        data["inLanguage"] = article.language
    rt = article.reading_time
    if word_count is None and rt is not None and rt.words > 0:
        word_count = rt.words
    if word_count is not None and word_count > 0:
        data["wordCount"] = word_count
    if rt is not None:
        data["timeRequired"] = rt.iso8601
    if url:
        data["mainEntityOfPage"] = url
        data["url"] = url
    if site_name:
        data["publisher"] = {"@type": "Organization", "name": site_name}
    if article.sources is not None:
        citations = [
            work
            for work in (_citation(source) for source in article.sources.entries)
            if work is not None
        ]
        if citations:
            data["citation"] = citations
    return data


# Made once: ``json.dumps`` with any non-default option builds a new encoder on every call.
# The C encoder serves every option used here; without ``check_circular`` it keeps no table of
# the containers it is in (JSON-LD is a tree: a cycle would end in ``RecursionError``).
_ENCODER: Final = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False
)


def dumps_jsonld(data: Any) -> str:
    r"""Serialise JSON-LD for a ``<script type="application/ld+json">`` element.

    The JSON is compact, keeps non-ASCII characters (``é`` stays ``é``) and keeps the key
    order of ``data``; characters above U+FFFF (emoji) are written as escaped surrogate pairs,
    which keeps the page a narrower string (see [`charrefs`][mkdocs_prizm.core.charrefs]).
    ``<``, ``>``, ``&``, U+2028 and U+2029 are then written as ``\uXXXX``
    escapes: still the same JSON for any parser, but nothing in a value can close the script
    element (``</script>``) or open an HTML comment.

    Args:
        data: A JSON-ready value (dicts, lists, strings, numbers, booleans, ``None``).

    Returns:
        The JSON text.

    Raises:
        ValueError: If ``data`` contains NaN or infinity, which JSON cannot represent.
        TypeError: If ``data`` contains a value JSON cannot represent.
    """
    text = _ENCODER.encode(data)
    # A few C-level replaces beat ``str.translate`` with a mapping on every character.
    for char, escaped in _JSONLD_REPLACEMENTS:
        if char in text:
            text = text.replace(char, escaped)
    return astral_to_json_escapes(text)
