"""mkdocs-rss-plugin feeds of Prizm articles: no internal note, dates and categories from the
normalised front matter (``pubDate`` → ``date``, ``category`` → ``categories``)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from mkdocs_prizm.core.pipeline import analyse
from tests.compat.articles import ARTICLE, NOTE_WORDS
from tests.conftest import run_build, write_project

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mkdocs_rss_plugin") is None,
    reason="mkdocs-rss-plugin is not installed (the 'dev' extras install it)",
)

#: A second article as the pipeline also writes it: a quoted ``date``, an ``updatedDate``.
QUOTED_DATE = """\
---
title: "L'IA dans la comptabilité"
date: "2025-08-16"
updatedDate: "2025-09-01"
author: "Prizm AI"
categories: ["guides", "finance"]
readingTime: "1 min"
---

<!-- ARTICLE FINAL - Score intégrité : 98% -->

# L'IA dans la comptabilité

Les cabinets automatisent la saisie (Source : Ordre des experts-comptables).

## Sources et références

1. **Ordre des experts-comptables** - Étude
   - Date : 03/06/2025
   - URL : https://www.experts-comptables.fr/ia
   - Fiabilité : 9/10
"""

#: The configuration documented in docs/compatibility.md.
RSS = {
    "use_git": False,
    "match_path": "articles/.*",
    "date_from_meta": {"as_creation": "date", "as_update": "updatedDate"},
    "categories": ["categories"],
}


def _build(tmp_path: Path, rss: dict[str, Any], *, sources_in_content: bool = False) -> Path:
    prizm: dict[str, Any] = {"prizm": {"sources_in_content": sources_in_content}}
    project = write_project(
        tmp_path,
        {
            "index.md": "# Accueil\n",
            "articles/aides.md": ARTICLE,
            "articles/compta.md": QUOTED_DATE,
        },
        {
            "site_name": "Prizm",
            "site_url": "https://example.org/",
            "site_description": "Articles sourcés",
            "theme": "mkdocs",
            "plugins": [prizm, {"rss": rss}],
        },
    )
    build = run_build(project, strict=True)
    assert build.ok, build.log
    return build.site


def _items(site: Path) -> dict[str, ElementTree.Element]:
    root = ElementTree.parse(site / "feed_rss_created.xml").getroot()  # noqa: S314 (our build)
    return {str(item.findtext("title")): item for item in root.iter("item")}


def test_feeds_carry_no_internal_note(tmp_path: Path) -> None:
    site = _build(tmp_path, {**RSS, "abstract_chars_count": -1}, sources_in_content=True)
    for name in (
        "feed_rss_created.xml",
        "feed_rss_updated.xml",
        "feed_json_created.json",
        "feed_json_updated.json",
    ):
        text = (site / name).read_text(encoding="utf-8")
        decoded = (
            json.dumps(json.loads(text), ensure_ascii=False) if name.endswith(".json") else text
        )
        for words in NOTE_WORDS:
            assert words not in decoded, name
    # With sources_in_content, full-content feeds get the rendered block and linked citations.
    full = (site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "prizm-badge" in full
    assert "prizm-cite" in full


def test_dates_and_categories_from_normalised_front_matter(tmp_path: Path) -> None:
    items = _items(_build(tmp_path, RSS))
    assert set(items) == {"Les aides publiques à l'IA", "L'IA dans la comptabilité"}
    aides = items["Les aides publiques à l'IA"]
    assert aides.findtext("pubDate", "").startswith("Fri, 07 Nov 2025")  # from pubDate
    assert [c.text for c in aides.iter("category")] == ["financement"]  # from category
    compta = items["L'IA dans la comptabilité"]
    assert compta.findtext("pubDate", "").startswith("Sat, 16 Aug 2025")  # quoted date
    assert [c.text for c in compta.iter("category")] == ["finance", "guides"]
    for item in items.values():
        assert "ARTICLE FINAL" not in (item.findtext("description") or "")


def test_updated_feed_uses_updated_date(tmp_path: Path) -> None:
    site = _build(tmp_path, RSS)
    root = ElementTree.parse(site / "feed_rss_updated.xml").getroot()  # noqa: S314 (our build)
    items = {str(item.findtext("title")): item for item in root.iter("item")}
    # A quoted updatedDate is a date too; an article without one gets the build date.
    compta = items["L'IA dans la comptabilité"]
    assert compta.findtext("pubDate", "").startswith("Mon, 01 Sep 2025")


def test_dates_written_as_text_become_dates() -> None:
    quoted = analyse(QUOTED_DATE, "compta.md")
    assert quoted.meta_updates["date"] == dt.date(2025, 8, 16)
    assert quoted.meta_updates["updatedDate"] == dt.date(2025, 9, 1)
    alias = analyse(ARTICLE, "aides.md")
    assert alias.meta_updates["date"] == dt.date(2025, 11, 7)
    assert alias.meta_updates["categories"] == ["financement"]
    plain = analyse(QUOTED_DATE.replace('"2025-08-16"', "2025-08-16"), "compta.md")
    assert "date" not in plain.meta_updates  # a YAML date is left as the author wrote it
