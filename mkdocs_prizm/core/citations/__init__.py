"""Inline citations (``(Source : Name)``, superscripts) linked to the sources section's entries.

* [`locator`][mkdocs_prizm.core.citations.locator]: finds the citations in the text, as
  positions ([`Citation`][mkdocs_prizm.core.article.Citation]);
* [`matcher`][mkdocs_prizm.core.citations.matcher]: tells which entry a cited name names.
"""

from __future__ import annotations

from mkdocs_prizm.core.citations.locator import locate_citations
from mkdocs_prizm.core.citations.matcher import CitationMatcher

__all__ = [
    "CitationMatcher",
    "locate_citations",
]
