"""The trust layer: do an article's claims stand on good, recent, cited sources?

* [`figures`][mkdocs_prizm.core.trust.figures]: figures in the text, and whether their
  paragraph cites a source;
* [`checks`][mkdocs_prizm.core.trust.checks]: one article's freshness, coverage and
  reliability floors (``PRZ35x``, ``PRZ36x``, ``PRZ45x``);
* [`summary`][mkdocs_prizm.core.trust.summary]: the report's records and the site-wide counts.
"""

from __future__ import annotations

from mkdocs_prizm.core.trust.checks import Trust, assess
from mkdocs_prizm.core.trust.figures import FigureParagraph, figure_paragraphs, find_figures

__all__ = ["FigureParagraph", "Trust", "assess", "figure_paragraphs", "find_figures"]
