"""The browser tests' fixture: Debian's chromium (the tests are skipped without it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.cdp import Browser, find_chromium


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium, or the test is skipped."""
    found = find_chromium()
    if found is None:
        pytest.skip("chromium is not installed (scripts/setup.sh installs Debian's)")
    return found


@pytest.fixture(autouse=True)
def _close_pages(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test, empty the module's tab (a blank page, nothing stored): a test's page
    keeps running scripts and using the CPU otherwise."""
    yield
    browser = request.node.funcargs.get("browser")
    if isinstance(browser, Browser):
        browser.close_pages()
