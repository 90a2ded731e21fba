#!/usr/bin/env bash
# Set up .venv and .venv-materialx, then build the example site with --strict twice: with
# Material for MkDocs (MkDocs) and with MaterialX (ProperDocs, example_site/mkdocs.materialx.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
PRIZM_SKIP_BROWSER=1 bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1  # Material's end-of-life banner, printed on every build
.venv/bin/mkdocs build --strict --clean -f example_site/mkdocs.yml
echo "Example site built: $(pwd)/example_site/site/index.html"
if [ -x .venv-materialx/bin/properdocs ]; then
  .venv-materialx/bin/properdocs build --strict --clean -f example_site/mkdocs.materialx.yml
  echo "Example site built with MaterialX: $(pwd)/example_site/site-materialx/index.html"
fi
