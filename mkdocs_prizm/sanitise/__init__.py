"""Untrusted article HTML made safe: an allowlist sanitiser over nh3 (ammonia, html5ever).

Articles are written by a model from web pages, so their rendered HTML may carry script:
``<script>``, event handler attributes (``onerror``), ``javascript:`` links (also entity-encoded,
``jav&#x61;script:``), frames and forms.  [`Sanitiser.clean`][mkdocs_prizm.sanitise.Sanitiser.clean]
keeps what MkDocs, Python-Markdown, pymdownx and Material render (admonitions, details, tabs,
highlighted code, tables, footnotes, task lists, math, ``attr_list`` classes and ids, headings
and permalinks, HTML comments such as ``<!-- more -->`` and the plugin's markers) and removes
everything else, reporting each removal.

* [`allowlist`][mkdocs_prizm.sanitise.allowlist]: the elements, attributes and URL schemes kept;
* [`cleaner`][mkdocs_prizm.sanitise.cleaner]: the cleaning itself, what it removed and where
  that stands in the source file; page titles made plain text.
"""

from __future__ import annotations

from mkdocs_prizm.sanitise.allowlist import ALLOWED_TAGS, EXTRA_TAG_ATTRIBUTES, NEVER_ALLOWED
from mkdocs_prizm.sanitise.cleaner import Removal, Sanitiser, locate, plain_title

__all__ = [
    "ALLOWED_TAGS",
    "EXTRA_TAG_ATTRIBUTES",
    "NEVER_ALLOWED",
    "Removal",
    "Sanitiser",
    "locate",
    "plain_title",
]
