"""``python -m mkdocs_prizm``: the ``mkdocs-prizm`` command line."""

from __future__ import annotations

import sys

from mkdocs_prizm.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
