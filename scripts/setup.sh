#!/usr/bin/env bash
# Set up everything the project needs (idempotent): .venv with the package and its dev extras;
# .venv-materialx with the package and MaterialX (its 'materialx' extra), for the MaterialX
# compatibility tests - a venv of its own, as MaterialX ships the same `material` package as
# mkdocs-material (PRIZM_SKIP_MATERIALX=1 skips it); and, for the browser tests, Debian's
# chromium when running as root on a Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# A venv is installed again only when the project's requirements (pyproject.toml) or this
# script changed since it was last set up (the package itself is an editable install); delete
# the venv to start over.
wanted=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ "$(cat .venv/.prizm-setup 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  echo "$wanted" > .venv/.prizm-setup
fi
if [ "${PRIZM_SKIP_MATERIALX:-0}" != "1" ]; then
  if [ ! -x .venv-materialx/bin/python ]; then
    "$PYTHON" -m venv .venv-materialx
  fi
  if [ "$(cat .venv-materialx/.prizm-setup 2>/dev/null)" != "$wanted" ]; then
    .venv-materialx/bin/python -m pip install --quiet --disable-pip-version-check \
      -e '.[materialx]'
    echo "$wanted" > .venv-materialx/.prizm-setup
  fi
fi
if [ "${PRIZM_SKIP_BROWSER:-0}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium not found and not root: browser tests will be skipped." >&2
  fi
fi
