"""Citation previews in a real browser: keyboard, pointer, Escape, no script, every theme.

Builds ``example_site`` (Material with its improved tooltips and instant navigation on, and the
readthedocs and mkdocs themes), serves it on 127.0.0.1 and drives Debian's headless chromium
(``tests/browser/cdp.py``) with real key and mouse events.  One screenshot per theme and scheme
goes to ``.artifacts/screenshots/preview-*.png`` for people to look at.  Skipped when chromium
is not installed.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.browser.cdp import Browser, Page
from tests.browser.serving import serve
from tests.conftest import ROOT, run_build

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "example_site"
ARTIFACTS = ROOT / ".artifacts" / "screenshots"
ARTICLE = "articles/2025-07-29-ia-generative-pme-paradoxe/"

#: The sites built: Material as the example has it plus its tooltips and instant navigation,
#: and the other themes offline (their highlight.js comes from a CDN unless turned off).
THEMES: dict[str, dict[str, Any] | None] = {
    "material": None,
    "material-previews": None,
    "readthedocs": {"name": "readthedocs", "highlightjs": False, "locale": "fr"},
    "mkdocs": {"name": "mkdocs", "highlightjs": False, "locale": "fr"},
    "mkdocs-dark": {"name": "mkdocs", "highlightjs": False, "locale": "fr", "color_mode": "dark"},
}
#: Material's features turned on, on top of the example's.
FEATURES = {
    "material": ["content.tooltips", "navigation.instant"],
    "material-previews": ["navigation.instant", "navigation.instant.preview"],
}
#: (site, prefers-color-scheme) pairs checked.
CASES = [
    ("material", "light"),
    ("material", "dark"),
    ("readthedocs", "light"),
    ("mkdocs", "light"),
    ("mkdocs-dark", "dark"),
]

#: Focuses the tabbable element just before the first citation, so that one real Tab key
#: reaches the citation (the theme's navigation before it has dozens of links).
BEFORE_FIRST_CITATION_JS = r"""
(() => {
  const all = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length);
  const at = all.findIndex((el) => el.matches("a.prizm-cite"));
  all[at - 1].focus();
  return document.activeElement === all[at - 1];
})()
"""

STATE_JS = r"""
(() => {
  const tip = document.querySelector(".prizm-preview");
  const link = document.activeElement && document.activeElement.matches("a.prizm-cite")
    ? document.activeElement : document.querySelector("a.prizm-cite[aria-describedby]");
  const shown = !!tip && !tip.hidden && tip.getClientRects().length > 0;
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height,
             top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const entry = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const title = entry && entry.querySelector(".prizm-source__title");
  const style = tip && getComputedStyle(tip);
  return {
    shown,
    role: tip && tip.getAttribute("role"),
    tipId: tip && tip.id,
    text: tip ? tip.textContent.replace(/\s+/g, " ").trim() : "",
    links: tip ? tip.querySelectorAll("a, [tabindex], button").length : 0,
    ids: tip ? tip.querySelectorAll("[id]").length : 0,
    badge: !!(tip && tip.querySelector(".prizm-badge")),
    active: document.activeElement && document.activeElement.id,
    activeIsCitation: !!(document.activeElement && document.activeElement.matches("a.prizm-cite")),
    describedBy: link && link.getAttribute("aria-describedby"),
    linkTitle: link && link.getAttribute("title"),
    sourceTitle: title ? title.textContent.replace(/\s+/g, " ").trim() : "",
    tip: box(tip), link: box(link),
    viewport: { width: document.documentElement.clientWidth,
                height: document.documentElement.clientHeight },
    bg: style && style.backgroundColor, fg: style && style.color,
    fontSize: style && parseFloat(style.fontSize),
    scheme: document.body.getAttribute("data-md-color-scheme")
      || document.documentElement.getAttribute("data-bs-theme") || "",
  };
})()
"""


def _build(root: Path, theme: dict[str, Any] | None, features: list[str], url: str) -> Path:
    project = root / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    # Where it is served: Material's instant navigation and previews follow the sitemap's URLs.
    config["site_url"] = url
    if theme is None:
        config["theme"].setdefault("features", []).extend(features)
    else:
        config["theme"] = theme
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build = run_build(project)
    assert build.ok, build.log[-3000:]
    return build.site


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[str]:
    """Every site on one local server: ``http://127.0.0.1:PORT/<site>/``."""
    root = tmp_path_factory.mktemp("served")
    with serve(root) as base:  # the sites are built with their address as site_url
        for name, theme in THEMES.items():
            features = FEATURES.get(name, [])
            built = _build(tmp_path_factory.mktemp(name), theme, features, f"{base}/{name}/")
            shutil.copytree(built, root / name)
        yield base


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(chromium, tmp_path_factory.mktemp("profile")) as driven:
        yield driven


def _open(browser: Browser, url: str, scheme: str, *, script: bool = True) -> Page:
    page = browser.new_page(1280, 900)
    page.send("Runtime.enable")
    page.send("Log.enable")
    page.color_scheme(scheme)
    if not script:
        page.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(url)
    return page


def _key(page: Page, key: str, code: int, *, shift: bool = False) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        page.send(
            "Input.dispatchKeyEvent",
            {
                "type": kind,
                "key": key,
                "code": key,
                "windowsVirtualKeyCode": code,
                "modifiers": 8 if shift else 0,
            },
        )


def _mouse(page: Page, x: float, y: float) -> None:
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})


def _state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(STATE_JS)
    return state


def _wait(page: Page, shown: bool, timeout: float = 3.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    state = _state(page)
    while state["shown"] is not shown and time.monotonic() < deadline:
        time.sleep(0.05)
        state = _state(page)
    return state


#: A fault of the theme itself, with or without the plugin: the mkdocs theme's dark mode
#: script disables highlight.js's stylesheets, which are not there with ``highlightjs: false``.
THEME_FAULTS = ("/js/darkmode.js",)


def _until(page: Page, condition: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"!!({condition})"):
        assert time.monotonic() < deadline, condition
        time.sleep(0.1)


def _errors(browser: Browser, page: Page) -> list[Any]:
    """Uncaught exceptions, console errors and script errors logged by this tab."""
    found = []
    for event in browser.events:
        if event.get("sessionId") != page.session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            if not str(details.get("url", "")).endswith(THEME_FAULTS):
                found.append(details)
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            found.append(params.get("args"))
        elif method == "Log.entryAdded" and params["entry"].get("source") == "javascript":
            found.append(params["entry"])
    return found


def _assert_shown(state: dict[str, Any]) -> None:
    assert state["shown"], state
    assert state["role"] == "tooltip"
    assert state["tipId"]
    assert state["tipId"] in (state["describedBy"] or "").split()
    assert state["sourceTitle"]
    assert state["sourceTitle"] in state["text"], state
    assert state["badge"], "no reliability badge in the preview"
    assert state["links"] == 0, "a tooltip holds nothing focusable"
    assert state["ids"] == 0, "copied ids would duplicate the entry's"
    assert state["fontSize"] >= 12
    tip, link, view = state["tip"], state["link"], state["viewport"]
    # Next to the citation, inside the viewport, not over the cited text.
    assert tip["left"] >= 0
    assert tip["right"] <= view["width"]
    assert tip["top"] >= 0
    assert tip["bottom"] <= view["height"]
    assert tip["top"] >= link["bottom"] or tip["bottom"] <= link["top"]
    assert min(abs(tip["top"] - link["bottom"]), abs(link["top"] - tip["bottom"])) < 40


def _assert_hidden(state: dict[str, Any]) -> None:
    assert not state["shown"], state
    assert not state["describedBy"], state


def _screenshot(page: Page, state: dict[str, Any], name: str) -> None:
    tip, link = state["tip"], state["link"]
    top = min(tip["y"], link["y"]) - 60
    bottom = max(tip["y"] + tip["height"], link["y"] + link["height"]) + 60
    clip = {"x": 0, "y": max(top, 0), "width": 1280, "height": bottom - max(top, 0)}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(ARTIFACTS / f"preview-{name}.png", clip)


@pytest.mark.parametrize(("site", "scheme"), CASES)
def test_keyboard_and_pointer(browser: Browser, server: str, site: str, scheme: str) -> None:
    page = _open(browser, f"{server}/{site}/{ARTICLE}", scheme)
    assert page.evaluate("document.querySelectorAll('a.prizm-cite').length") > 0
    # Keyboard: one Tab reaches the first citation, which shows its source.
    assert page.evaluate(BEFORE_FIRST_CITATION_JS)
    _key(page, "Tab", 9)
    state = _wait(page, shown=True)
    assert state["activeIsCitation"], state
    _assert_shown(state)
    _screenshot(page, state, f"{site}-{scheme}")
    if site == "material":
        assert state["scheme"] == ("slate" if scheme == "dark" else "default")
        # Material's own tooltip (content.tooltips) does not show too.
        assert not page.evaluate("!!document.querySelector('.md-tooltip2--active')")
    # Escape hides it and leaves the focus where it was (no trap).
    cited = state["active"]
    _key(page, "Escape", 27)
    state = _wait(page, shown=False)
    _assert_hidden(state)
    assert state["active"] == cited
    # Focus again, then blur: hidden.
    _key(page, "Tab", 9, shift=True)
    _key(page, "Tab", 9)
    _assert_shown(_wait(page, shown=True))
    page.evaluate("document.activeElement.blur()")
    _assert_hidden(_wait(page, shown=False))
    # Pointer: hovering shows it, leaving hides it.
    link = page.evaluate(
        "(() => { const a = document.querySelectorAll('a.prizm-cite')[1];"
        " a.scrollIntoView({block: 'center'}); const r = a.getClientRects()[0];"
        " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
    )
    _mouse(page, link["x"], link["y"])
    state = _wait(page, shown=True)
    _assert_shown(state)
    _mouse(page, 2, 2)
    _assert_hidden(_wait(page, shown=False))
    assert not _errors(browser, page)


def test_material_instant_navigation(browser: Browser, server: str) -> None:
    """A page reached by Material's instant navigation previews its citations too."""
    page = _open(browser, f"{server}/material/", "light")
    # Material intercepts links once it has read the sitemap.
    _until(page, "performance.getEntriesByType('resource').some((e) => /sitemap/.test(e.name))")
    page.evaluate("window.__prizmMark = 1")
    page.evaluate("document.querySelector('a[href*=ia-generative-pme-paradoxe]').click()")
    _until(page, "document.querySelectorAll('a.prizm-cite').length > 0")
    # Reached without a page load: Material swapped the content in.
    assert page.evaluate("window.__prizmMark === 1")
    assert page.evaluate("location.pathname").endswith(ARTICLE)
    assert page.evaluate("window.__prizmPreview === true")
    assert page.evaluate(BEFORE_FIRST_CITATION_JS)
    _key(page, "Tab", 9)
    _assert_shown(_wait(page, shown=True))
    _key(page, "Escape", 27)
    _assert_hidden(_wait(page, shown=False))
    # Material's instant navigation runs the new page's inline scripts again, without their
    # type: the JSON-LD <script type="application/ld+json"> in the content fails as JavaScript
    # (not this script's fault, and harmless; the structured data is in the HTML as served).
    errors = [e for e in _errors(browser, page) if "prizm.js" in json.dumps(e)]
    assert not errors, errors


def test_material_instant_previews_win(browser: Browser, server: str) -> None:
    """With Material's own previews of every link, the script leaves them the place."""
    page = _open(browser, f"{server}/material-previews/{ARTICLE}", "light")
    assert page.evaluate("window.__prizmPreview === true")
    assert page.evaluate(BEFORE_FIRST_CITATION_JS)
    _key(page, "Tab", 9)
    time.sleep(0.5)
    assert page.evaluate("document.activeElement.matches('a.prizm-cite')")
    assert not page.evaluate("!!document.querySelector('.prizm-preview')")
    assert not _errors(browser, page)


@pytest.mark.parametrize("site", ["material", "readthedocs", "mkdocs"])
def test_without_javascript(browser: Browser, server: str, site: str) -> None:
    """Without script, a citation is a plain link to its entry on the page."""
    page = _open(browser, f"{server}/{site}/{ARTICLE}", "light", script=False)
    links = page.evaluate(
        "[...document.querySelectorAll('a.prizm-cite')].map((a) => ["
        " a.getAttribute('href'), !!document.getElementById(a.getAttribute('href').slice(1)),"
        " a.hasAttribute('aria-describedby')])"
    )
    assert links
    for href, target, described in links:
        assert href.startswith("#prizm-source-")
        assert target
        assert not described
    assert not page.evaluate("!!document.querySelector('.prizm-preview')")
