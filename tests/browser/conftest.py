"""The browser tests' fixture: Debian's chromium (the tests are skipped without it)."""

from __future__ import annotations

import pytest

from tests.browser.cdp import find_chromium


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium, or the test is skipped."""
    found = find_chromium()
    if found is None:
        pytest.skip("chromium is not installed (scripts/setup.sh installs Debian's)")
    return found
