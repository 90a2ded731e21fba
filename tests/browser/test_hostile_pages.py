"""Hostile pages in a real browser: nothing an article's author wrote opens a dialog.

Builds a small site (Material with ``theme.font: false``, and the plain mkdocs theme) whose
article carries the usual script injections, and whose other page has markup in its title;
serves it on 127.0.0.1 and loads every page in headless chromium.  Two witnesses: a script
installed before any page script (``Page.addScriptToEvaluateOnNewDocument``) records every call
of ``alert``, ``confirm``, ``prompt`` and ``print`` in any frame, and the DevTools event
``Page.javascriptDialogOpening`` must never arrive.  Every link of the page is clicked
(navigation to other pages is held back, so that ``javascript:`` links would run in place).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.cdp import Browser, Page, find_chromium
from tests.browser.serving import serve
from tests.conftest import run_build, write_project

pytestmark = pytest.mark.browser

ARTICLE = """
---
title: "Article piégé"
author: "Prizm AI"
pubDate: "2025-07-29"
readingTime: "1 min"
image: "javascript:alert(1)"
---

# Article piégé

Un script <script>alert(1)</script> dans le texte.

Une image <img src=x onerror=alert(1)> dans le texte.

<iframe src="javascript:alert(1)"></iframe>

Un [x](javascript:alert(1)) et un [y](jav&#x61;script:alert(1)) en ligne.

<svg onload=alert(1)><circle r="4"></circle></svg>

<a href="javascript:alert(1)" onclick="alert(1)">Un lien cliquable</a>

## Sources

1. **Source piégée** - Site
   - URL : javascript:alert(1)
   - Fiabilité : 8/10

2. **Utilisateur** - Site
   - URL : https://prizm.fr@evil.example/
   - Fiabilité : 8/10
"""

PAGE = """
---
title: Page <img src=x onerror=alert(1)>
---

Une page ordinaire, écrite par le site (son corps n'est pas un article).
"""

THEMES: dict[str, dict[str, Any]] = {
    "material": {"name": "material", "font": False, "language": "fr"},
    "mkdocs": {"name": "mkdocs", "locale": "fr", "highlightjs": False},
}
PAGES = ("", "article/", "page/")

#: Runs in every frame before the page's own scripts: dialogs are recorded, not opened.
RECORD_DIALOGS_JS = r"""
(() => {
  let sink = window;
  try { if (window.top.location.href) sink = window.top; } catch (e) { sink = window; }
  sink.__prizmDialogs = sink.__prizmDialogs || [];
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { sink.__prizmDialogs.push(name + "(" + args.join(",") + ")"); };
  }
})();
"""

#: Clicks every link; a link to another page or to an anchor is held back, nothing else.
CLICK_LINKS_JS = r"""
new Promise((resolve) => {
  const links = [...document.querySelectorAll("a")];
  document.addEventListener("click", (event) => {
    const a = event.target.closest("a");
    if (a && /^(https?:|about:|#|$)/.test(a.href || "")) event.preventDefault();
  }, true);
  for (const a of links) a.click();
  for (const el of document.querySelectorAll("img, svg, [onmouseover]")) {
    el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  }
  setTimeout(() => resolve(links.length), 300);
})
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile site built with each theme: ``http://127.0.0.1:PORT/<theme>/``."""
    if find_chromium() is None:
        pytest.skip("chromium is not installed (scripts/setup.sh installs Debian's)")
    root = tmp_path_factory.mktemp("hostile")
    served = root / "served"
    served.mkdir()
    for name, theme in THEMES.items():
        if name == "material":
            pytest.importorskip("material")
        config = {"site_name": "Test", "theme": theme, "plugins": ["search", "prizm"]}
        config["site_dir"] = str(served / name)
        project = write_project(root / name, {"index.md": PAGE, "article.md": ARTICLE}, config)
        (project / "docs" / "page.md").write_text(PAGE.lstrip("\n"), encoding="utf-8")
        build = run_build(project)
        assert build.ok, build.log[-3000:]
    with serve(served) as base:
        yield base


@pytest.fixture(scope="module")
def hostile_browser(
    hostile_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    executable = find_chromium()
    assert executable is not None
    with Browser(executable, tmp_path_factory.mktemp("profile"), timeout=20) as driven:
        yield driven


def _dialog_events(browser: Browser, page: Page) -> list[dict[str, Any]]:
    return [
        event
        for event in browser.events
        if event.get("method") == "Page.javascriptDialogOpening"
        and event.get("sessionId") == page.session
    ]


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_no_dialog_opens(hostile_browser: Browser, hostile_server: str, theme: str) -> None:
    started = time.monotonic()
    page = hostile_browser.new_page(1280, 1200)
    page.send("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_DIALOGS_JS})
    clicked = 0
    for path in PAGES:
        page.goto(f"{hostile_server}/{theme}/{path}")
        assert page.evaluate("document.title"), path
        clicked += page.evaluate(CLICK_LINKS_JS)
        assert page.evaluate("window.__prizmDialogs") == [], path
        assert not _dialog_events(hostile_browser, page), path
        if path == "page/":  # the title's markup is not markup in the page
            assert page.evaluate("document.title").startswith("Page")
            assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert clicked > 0
    # The witness works: a real call is recorded (and no dialog opens).
    page.evaluate("alert('witness')")
    assert page.evaluate("window.__prizmDialogs") == ["alert(witness)"]
    assert not _dialog_events(hostile_browser, page)
    assert time.monotonic() - started < 30


def test_article_text_is_still_there(hostile_browser: Browser, hostile_server: str) -> None:
    page = hostile_browser.new_page(1280, 1200)
    page.goto(f"{hostile_server}/mkdocs/article/")
    text = page.evaluate("document.body.innerText")
    assert "Un script" in text
    assert "Un lien cliquable" in text
    assert "evil.example" in text  # the refused source URL, shown as text
    hrefs: list[str] = page.evaluate("[...document.links].map((a) => a.href)")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert page.evaluate("[...document.links].filter((a) => a.username).length") == 0
