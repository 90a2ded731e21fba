"""mkdocs-prizm: publish source-backed articles with MkDocs.

The public API is the pure core (usable without MkDocs) re-exported here:
[`analyse`][mkdocs_prizm.core.pipeline.analyse] reads one article's text and returns its
``Article``, sources, citations and problems.  The MkDocs plugin is registered as ``prizm`` and
the Python-Markdown extension is ``mkdocs_prizm.extension``.
"""

from __future__ import annotations

from mkdocs_prizm.core.article import (
    Article,
    Author,
    Citation,
    InternalNote,
    ReadingTime,
    Reliability,
    Source,
    SourceDate,
    SourcesSection,
    Tier,
)
from mkdocs_prizm.core.options import OptionsError, PrizmOptions
from mkdocs_prizm.core.pipeline import Pipeline, Processed, analyse
from mkdocs_prizm.core.problems import CODES, Problem, Severity

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "Article",
    "Author",
    "Citation",
    "InternalNote",
    "OptionsError",
    "Pipeline",
    "PrizmOptions",
    "Problem",
    "Processed",
    "ReadingTime",
    "Reliability",
    "Severity",
    "Source",
    "SourceDate",
    "SourcesSection",
    "Tier",
    "__version__",
    "analyse",
]
