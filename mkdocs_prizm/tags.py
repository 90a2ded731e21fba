"""Linking byline tags to Material's tags plugin pages (MkDocs adapter, no core logic).

How Material for MkDocs (9.6 and later) forms tag links, read from its ``plugins/tags``:

* there is no fixed tags page: a *listing* is rendered wherever a page contains the
  directive ``<!-- material/tags -->`` (the ``listings_directive`` option; the older
  ``tags_file`` option still names one such page);
* a tag's entry in a listing has the id ``tags_slugify_format.format(slug=...)``, by default
  ``tag:{slug}``, where the slug is ``tags_slugify(name, tags_slugify_separator)``, by default
  pymdownx's ``slugify(case="lower")`` with ``-`` (``"Transformation digitale"`` →
  ``tag:transformation-digitale``); with ``tags_hierarchy`` each level is slugified and the
  levels joined with ``tags_hierarchy_separator``.

A link is only certain for a listing that shows every tag: a directive without options.
Listings with options (scopes, include/exclude filters) may leave a tag out, and Material
versions without ``tags_slugify_format`` form anchors differently; in those cases the byline's
tags stay unlinked unless the site sets the plugin's ``tags_url`` option.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

__all__ = ["find_tags_plugin", "listing_url", "tag_anchor"]

#: Names the tags plugin is registered under in ``config.plugins``.
TAGS_PLUGIN_NAMES = ("material/tags", "materialx/tags", "tags")


def find_tags_plugin(config: MkDocsConfig) -> Any | None:
    """Material's tags plugin instance when it is enabled and renders tags, else ``None``."""
    for name in TAGS_PLUGIN_NAMES:
        plugin = config.plugins.get(name)
        if plugin is None or not type(plugin).__module__.startswith("material.plugins.tags"):
            continue
        options = plugin.config
        if not options.get("enabled", True) or not options.get("listings", True):
            return None
        return plugin
    return None


def tag_anchor(plugin: Any) -> Callable[[str], str] | None:
    """The function turning a tag into its listing anchor, with the plugin's own settings.

    Returns:
        ``None`` when the installed Material has no ``tags_slugify_format`` setting (before
        9.6), whose anchors are not known here.
    """
    options = plugin.config
    fmt = options.get("tags_slugify_format")
    slugify = options.get("tags_slugify")
    if not isinstance(fmt, str) or not callable(slugify):
        return None
    separator = str(options.get("tags_slugify_separator", "-"))
    hierarchy = bool(options.get("tags_hierarchy", False))
    levels = str(options.get("tags_hierarchy_separator", "/"))

    def anchor(tag: str) -> str:
        names = tag.split(levels) if hierarchy else [tag]
        return fmt.format(slug=levels.join(str(slugify(name, separator)) for name in names))

    return anchor


def listing_url(plugin: Any, files: Files) -> str | None:
    """Site-relative URL of a page listing every tag, if there is one.

    The legacy ``tags_file`` option wins; otherwise the documentation pages are searched for
    the bare listing directive. With several, each lists every tag: the shallowest page is
    taken (Material links each page to its closest one, any of them is a valid target).
    """
    options = plugin.config
    legacy = options.get("tags_file")
    if isinstance(legacy, str) and legacy:
        file = files.get_file_from_path(legacy)
        return file.url if file is not None else None
    directive = str(options.get("listings_directive") or "material/tags")
    bare = re.compile(rf"<!--\s*{re.escape(directive)}\s*-->", re.IGNORECASE)
    found: list[str] = []
    for file in files.documentation_pages():
        try:
            text = file.content_string
        except (OSError, ValueError):
            continue
        if bare.search(text):
            found.append(file.url)
    return min(found, key=lambda url: (url.count("/"), url)) if found else None
