"""The pure core: text and data in, dataclasses out; no MkDocs or Jinja imports.

Nothing is re-exported here: import from the module that does the job
(``mkdocs_prizm.core.pipeline``, ``mkdocs_prizm.core.citations``...).
"""

from __future__ import annotations

__all__: list[str] = []
