#!/usr/bin/env bash
# Set up .venv and build the example site (Material for MkDocs) with --strict.
set -euo pipefail
cd "$(dirname "$0")/.."
PRIZM_SKIP_BROWSER=1 bash scripts/setup.sh
.venv/bin/mkdocs build --strict --clean -f example_site/mkdocs.yml
echo "Example site built: $(pwd)/example_site/site/index.html"
