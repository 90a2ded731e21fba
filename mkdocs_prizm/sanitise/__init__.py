"""Untrusted article HTML made safe: an allowlist sanitiser over nh3 (ammonia, html5ever).

Articles are written by a model from web pages, so their rendered HTML may carry script:
``<script>``, event handler attributes (``onerror``), ``javascript:`` links (also entity-encoded,
``jav&#x61;script:``), frames and forms.  [`Sanitiser.clean`][mkdocs_prizm.sanitise.Sanitiser.clean]
keeps what MkDocs, Python-Markdown, pymdownx and Material render (admonitions, details, tabs,
highlighted code, tables, footnotes, task lists, math, ``attr_list`` classes and ids, headings
and permalinks, HTML comments such as ``<!-- more -->`` and the plugin's markers) and removes
everything else, reporting each removal.

A page with nothing to remove is returned unchanged, the very same string, so that clean pages
stay byte-identical: the page is cleaned twice by the same parser, once with the allowlist and
once with everything found in it allowed; equal results mean the allowlist removed nothing.
A sentinel comment appended to both runs proves the page ends outside any tag or comment
(html5ever drops an unfinished tag at the end of its input; a browser would read on into the
theme).  Otherwise the allowlisted result is returned: well-formed HTML in the same parser's
serialisation, which is how browsers parse it.
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
