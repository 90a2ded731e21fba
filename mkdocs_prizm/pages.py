"""What the plugin reads from and writes into MkDocs pages, apart from its events."""

from __future__ import annotations

import warnings
from html import unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_prizm.core.problems import Problem, Severity
from mkdocs_prizm.sanitise import Sanitiser, locate, plain_title

__all__ = [
    "base_url",
    "exclude",
    "file_text",
    "insert_byline",
    "plain_titles",
    "sanitise",
    "theme_language",
]


def theme_language(config: MkDocsConfig) -> str | None:
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


def file_text(page: Page) -> str | None:
    """The page's file, read again only to give problems their file lines."""
    if not page.file.abs_src_path and page.file.generated_by is None:
        return None
    try:
        return page.file.content_string
    except (OSError, ValueError):
        return None


def base_url(page: Page) -> str:
    """The relative path from ``page`` to the site's root (``../..``, or ``.``)."""
    depth = page.url.count("/") if page.url else 0
    return "/".join([".."] * depth) if depth else "."


def _lost_text(before: str, after: str) -> bool:
    """Whether making a title plain removed more than escaping (tags, not just quotes)."""
    return unescape(after) != " ".join(unescape(before).split())


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def insert_byline(html: str, byline: str) -> str:
    """After the page's leading ``<h1>`` when it has one, else at the top."""
    head = html.lstrip()
    if head.startswith("<h1"):
        end = html.find("</h1>")
        if end >= 0:
            end += len("</h1>")
            return html[:end] + "\n" + byline + html[end:]
    return byline + "\n" + html


def plain_titles(page: Page) -> list[Problem]:
    """Strip markup from the page title and its table of contents (themes print them raw).

    ``page.title`` is final when the page's content is built: front matter, else the first
    heading.  Navigation of every page is rendered after every page's content.

    Returns:
        A warning (``PRZ705``) when text was removed from the title, not merely escaped.
    """
    problems: list[Problem] = []
    title = page.title
    plain = plain_title(title) if isinstance(title, str) else None
    if plain is not None and isinstance(title, str):
        page.title = plain  # MkDocs' weak_property: an assignment wins for good
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = plain
        if _lost_text(title, plain):
            message = (
                f"The page title {_shorten(title)!r} contains markup; "
                f"published as {_shorten(plain)!r}."
            )
            problems.append(Problem(page.file.src_uri, 1, 0, Severity.WARNING, "PRZ705", message))
    stack = list(page.toc)
    while stack:
        item = stack.pop()
        plain = plain_title(item.title)
        if plain is not None:
            item.title = plain
        stack.extend(item.children)
    return problems


def exclude(page: Page, nav: Navigation | None) -> None:
    """Keep a page out of the build, the navigation and the search index."""
    page.file.inclusion = InclusionLevel.EXCLUDED
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


def sanitise(sanitiser: Sanitiser, html: str, page: Page) -> tuple[str, list[Problem]]:
    """The page's HTML without what can run script, and one warning per removal."""
    clean, removals = sanitiser.clean(html)
    if not removals:
        return clean, []
    path = page.file.src_uri
    return clean, [
        Problem(path, r.line, 0, Severity.WARNING, r.code, r.message)
        for r in locate(removals, file_text(page))
    ]
