#!/usr/bin/env bash
# Set up .venv (and chromium), then run every quality gate: ruff, mypy --strict, the whole
# pytest suite (warnings are errors) and the documentation build with --strict.
set -euo pipefail
cd "$(dirname "$0")/.."
# Bytecode caches as an installed Python keeps them: where the environment turns them off,
# each pytest process rewrites every test module's assertions again, and each build
# subprocess compiles the plugin from source.
unset PYTHONDONTWRITEBYTECODE
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/mkdocs build --strict --clean -f mkdocs.yml -d "$(mktemp -d)/docs-site"
# One worker per core; a test file stays on one worker (module fixtures build sites once).
.venv/bin/pytest -n auto --dist loadfile "$@"
