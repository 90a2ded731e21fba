"""The example site seen in a real browser: visible, readable, light and dark, offline.

Builds ``example_site`` (copied to a temporary folder), serves it on 127.0.0.1 and drives
Debian's headless chromium over the DevTools protocol (``tests/browser/cdp.py``, stdlib only).
Screenshots are kept in ``.artifacts/screenshots/`` (git-ignored) for people to look at.
Skipped when chromium is not installed.
"""

from __future__ import annotations

import json
import shutil
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
#: WCAG AA for normal text.
MIN_CONTRAST = 4.5

#: Other themes, offline (their highlight.js comes from a CDN unless turned off).
THEMES: dict[str, dict[str, Any]] = {
    "mkdocs": {"name": "mkdocs", "highlightjs": False, "locale": "fr"},
    "readthedocs": {"name": "readthedocs", "highlightjs": False, "locale": "fr"},
    "mkdocs-dark-mode": {
        "name": "mkdocs",
        "highlightjs": False,
        "locale": "fr",
        "color_mode": "dark",
    },
}

# Measures every text element of the byline and the sources block: size, visibility and the
# contrast ratio of its colour over the backgrounds it is painted on (alpha composited).
MEASURE_JS = r"""
(() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const hex = (c) => "#" + c.slice(0, 3)
    .map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  const selectors = [
    ".prizm-byline__authors", ".prizm-byline__author a", ".prizm-byline__date",
    ".prizm-byline__updated", ".prizm-byline__readtime", ".prizm-byline__category",
    ".prizm-byline__tag", ".prizm-byline__featured",
    ".prizm-source__title a", ".prizm-source__type", ".prizm-source__meta",
    ".prizm-source__url", ".prizm-source__backrefs-label", ".prizm-source__backref",
    ".prizm-badge", ".prizm-badge__label", ".prizm-badge__score",
  ];
  const out = [];
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const bg = backdrop(el);
      const fgRaw = parse(style.color);
      const fg = fgRaw ? over(fgRaw, bg) : null;
      const [hi, lo] = fg ? [lum(fg), lum(bg)].sort((a, b) => b - a) : [0, 0];
      const ratio = fg ? (hi + 0.05) / (lo + 0.05) : 0;
      out.push({
        selector, text: el.textContent.trim().replace(/\s+/g, " ").slice(0, 60),
        width: rect.width, height: rect.height, top: rect.top + window.scrollY,
        left: rect.left + window.scrollX,
        visible: style.display !== "none" && style.visibility !== "hidden"
          && Number(style.opacity) > 0,
        fontSize: parseFloat(style.fontSize), color: style.color,
        fg: fg ? hex(fg) : null, bg: hex(bg), ratio: Math.round(ratio * 100) / 100,
      });
    }
  }
  const box = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  };
  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    bodyBg: hex(backdrop(document.body)),
    byline: box(".prizm-byline"), sources: box(".prizm-sources"), h1: box("h1"),
    items: out,
  };
})()
"""

TOGGLE_JS = r"""
new Promise((resolve) => {
  const label = [...document.querySelectorAll("form[data-md-component=palette] label")]
    .find((l) => !l.hidden && l.offsetParent !== null);
  if (label) label.click();
  setTimeout(() => resolve(document.body.getAttribute("data-md-color-scheme")), 300);
})
"""


def _build_example(root: Path, theme: dict[str, Any] | None) -> Path:
    project = root / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    if theme is not None:
        config_path = project / "mkdocs.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        config["theme"] = theme
        config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build = run_build(project)
    assert build.ok, build.log[-3000:]
    return build.site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> dict[str, Path]:
    built = {"material": _build_example(tmp_path_factory.mktemp("material"), None)}
    for name, theme in THEMES.items():
        built[name] = _build_example(tmp_path_factory.mktemp(name), theme)
    return built


@pytest.fixture(scope="module")
def server(sites: dict[str, Path]) -> Iterator[str]:
    """One local server for every built site: ``http://127.0.0.1:PORT/<theme>/``."""
    root = next(iter(sites.values())).parents[2] / "served"
    root.mkdir(exist_ok=True)
    for name, site in sites.items():
        shutil.copytree(site, root / name)
    with serve(root) as base:
        yield base


@pytest.fixture(scope="module")
def browser(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(chromium, tmp_path_factory.mktemp("profile")) as driven:
        yield driven


def _open(browser: Browser, url: str, scheme: str) -> Page:
    page = browser.new_page(1280, 2000)
    page.color_scheme(scheme)
    page.goto(url)
    return page


def _check(page: Page, name: str, base: str) -> dict[str, Any]:
    """Measure, keep screenshots, and assert visibility, readability and no remote request."""
    measured: dict[str, Any] = page.evaluate(MEASURE_JS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(ARTIFACTS / f"{name}-top.png")
    sources = measured["sources"]
    assert sources is not None, "no sources block"
    clip = {
        "x": max(sources["x"] - 24, 0),
        "y": max(sources["y"] - 24, 0),
        "width": sources["width"] + 48,
        "height": sources["height"] + 48,
    }
    page.screenshot(ARTIFACTS / f"{name}-sources.png", clip)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(measured, indent=1), encoding="utf-8")

    byline = measured["byline"]
    assert byline is not None, "no byline"
    assert byline["width"] > 200
    assert byline["height"] > 10
    assert byline["y"] < 1000, "the byline is not near the top of the page"
    assert measured["h1"] is not None
    assert byline["y"] >= measured["h1"]["y"] + measured["h1"]["height"] - 1

    items = measured["items"]
    badges = [i for i in items if i["selector"] == ".prizm-badge"]
    assert [b["text"].split()[1] for b in badges] == ["8/10", "7/10", "8/10"]
    for item in items:
        assert item["visible"], item
        assert item["width"] > 0, item
        assert item["height"] > 0, item
        assert item["fontSize"] >= 10, item
    unreadable = [i for i in items if i["ratio"] < MIN_CONTRAST]
    assert not unreadable, unreadable

    remote = [u for u in page.requested_urls() if not u.startswith((base, "data:", "about:"))]
    assert not remote, remote
    return measured


def _summary(measured: dict[str, Any]) -> str:
    worst = min(measured["items"], key=lambda i: i["ratio"])
    return f"min contrast {worst['ratio']} ({worst['selector']} {worst['fg']} on {worst['bg']})"


def test_material_light(browser: Browser, server: str) -> None:
    page = _open(browser, f"{server}/material/{ARTICLE}", "light")
    measured = _check(page, "material-light", server)
    assert measured["scheme"] == "default"
    print("material light:", _summary(measured))  # noqa: T201 - shown with -s


def test_material_dark(browser: Browser, server: str) -> None:
    page = _open(browser, f"{server}/material/{ARTICLE}", "dark")
    measured = _check(page, "material-dark", server)
    assert measured["scheme"] == "slate"
    assert measured["bodyBg"] != "#ffffff"
    print("material dark:", _summary(measured))  # noqa: T201


def test_material_toggled_between_schemes(browser: Browser, server: str) -> None:
    """The reader's choice wins over the system's: light chosen on a dark system, and back."""
    page = _open(browser, f"{server}/material/{ARTICLE}", "dark")
    assert page.evaluate(TOGGLE_JS) == "default"
    light = _check(page, "material-light-on-dark-system", server)
    assert light["bodyBg"] == "#ffffff"
    assert page.evaluate(TOGGLE_JS) == "slate"
    _check(page, "material-dark-toggled", server)
    # Leave the next tests the system's choice.
    page.evaluate("localStorage.clear()")


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_other_themes(browser: Browser, server: str, theme: str, scheme: str) -> None:
    page = _open(browser, f"{server}/{theme}/{ARTICLE}", scheme)
    measured = _check(page, f"{theme}-{scheme}", server)
    print(f"{theme} {scheme}:", _summary(measured))  # noqa: T201
