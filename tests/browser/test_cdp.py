"""The browser tests' tab (``tests/browser/cdp.py``): used again by every test, it starts as a
new tab would, with nothing a previous test stored or set."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.cdp import Browser
from tests.browser.serving import serve

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><title>t</title>
<style>
body { background: white }
@media (prefers-color-scheme: dark) { body { background: black } }
</style>
<script>document.documentElement.dataset.ran = "1"</script>
<p>page</p>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    with serve(root) as base:
        yield f"{base}/index.html"


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(chromium, tmp_path_factory.mktemp("profile")) as driven:
        yield driven


STATE_JS = """({
  local: localStorage.getItem("k"), session: sessionStorage.getItem("k"),
  cookie: document.cookie, recorded: window.__recorded || null,
  background: getComputedStyle(document.body).backgroundColor,
  width: innerWidth, ran: document.documentElement.dataset.ran || null,
})"""


def test_a_tab_used_again_starts_empty(browser: Browser, site: str) -> None:
    page = browser.new_page(800, 600)
    page.send("Page.addScriptToEvaluateOnNewDocument", {"source": "window.__recorded = 1"})
    page.send("Runtime.enable")
    page.color_scheme("dark")
    page.goto(site)
    page.evaluate('localStorage.setItem("k", "1"); sessionStorage.setItem("k", "1")')
    page.evaluate('document.cookie = "k=1"; console.error("left behind")')
    assert page.evaluate(STATE_JS) == {
        "local": "1",
        "session": "1",
        "cookie": "k=1",
        "recorded": 1,
        "background": "rgb(0, 0, 0)",
        "width": 800,
        "ran": "1",
    }
    page.send("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.close_pages()
    assert page.evaluate("location.href") == "about:blank"
    assert not [e for e in browser.events if e.get("sessionId") == page.session]

    again = browser.new_page(1000, 700)
    again.goto(site)
    assert again.evaluate(STATE_JS) == {
        "local": None,
        "session": None,
        "cookie": "",
        "recorded": None,
        "background": "rgb(255, 255, 255)",
        "width": 1000,
        "ran": "1",  # the page's own scripts run again
    }
