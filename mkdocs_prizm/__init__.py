"""mkdocs-prizm: publish source-backed articles with MkDocs.

The public API is the pure core (usable without MkDocs) re-exported here; the MkDocs plugin is
registered as ``prizm`` and the Python-Markdown extension is ``mkdocs_prizm.extension``.
"""

from __future__ import annotations

from mkdocs_prizm.core.article import (
    Article,
    Author,
    InternalNote,
    ReadingTime,
    Reliability,
    Source,
    SourceDate,
    SourcesSection,
    Tier,
)
from mkdocs_prizm.core.pipeline import Options, Processed, process_body, process_source
from mkdocs_prizm.core.problems import CODES, Problem, Severity

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "Article",
    "Author",
    "InternalNote",
    "Options",
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
    "process_body",
    "process_source",
]
