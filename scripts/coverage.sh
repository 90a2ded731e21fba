#!/usr/bin/env bash
# Measure what the test suite covers of the package, the real `mkdocs build` subprocesses
# included (coverage's subprocess patch), and print the report. Arguments go to pytest.
# Slower than scripts/test.sh (every line is traced), so not one of its gates.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export COVERAGE_FILE="$PWD/.coverage-data/.coverage"
rm -rf .coverage-data
mkdir .coverage-data
.venv/bin/python -m coverage run -m pytest -n auto --dist loadfile -q "$@"
.venv/bin/python -m coverage combine -q
.venv/bin/python -m coverage report
