"""The trust checks: figures, freshness, citation coverage and reliability floors."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest

from mkdocs_prizm.core.options import OptionsError, PrizmOptions
from mkdocs_prizm.core.pipeline import Processed, analyse
from mkdocs_prizm.core.report import article_record, build_report
from mkdocs_prizm.core.trust import figure_paragraphs, find_figures
from mkdocs_prizm.core.trust.checks import period_end
from mkdocs_prizm.core.trust.summary import LINK_DEAD, site_trust


@pytest.mark.parametrize(
    ("line", "figures"),
    [
        ("87 % des PME", ["87 %"]),
        ("87% des PME", ["87%"]),
        ("12,5 % et 3.5%", ["12,5 %", "3.5%"]),
        ("une enveloppe de 1,5 M€ puis 300 000 euros", ["1,5 M€", "300 000 euros"]),
        (
            "2 milliards d'euros et 5 millions de dollars",
            ["2 milliards d'euros", "5 millions de dollars"],
        ),
        ("$5 billion, 180€ par mois", ["$5 billion", "180€"]),
        ("3 fois plus rapide, 2 fois moins cher", ["3 fois plus", "2 fois moins"]),
        ("un gain 3×, puis ×4, multiplié par 10", ["3×", "×4", "multiplié par 10"]),
        # not figures
        ("100 % français, 100% en ligne", []),
        ("deux fois par semaine, 3 fois par jour", []),
        ("en 2025, 3 min de lecture, 24/7", []),
        ("une image 1920x1080, un tableau 3 x 4", []),
        ("le lien [rapport](https://ex.org/a%20b/87%25) et https://ex.org/50%", []),
        ("du code `87 %` ici", []),
        ("prévoyez un budget de 2 000 à 5 000 €", []),
        ("max3 et box2", []),
    ],
)
def test_find_figures(line: str, figures: list[str]) -> None:
    assert [text for _, text in find_figures(line)] == figures


def paragraphs(text: str, **kwargs: Any) -> list[tuple[int, tuple[str, ...], bool]]:
    lines = textwrap.dedent(text).strip("\n").split("\n")
    return [(p.line, p.figures, p.cited) for p in figure_paragraphs(lines, **kwargs)]


def test_a_paragraph_citing_anywhere_counts() -> None:
    text = """
        En 2024, 13 % des PME utilisaient l'IA.
        Elles sont 26 % en 2025 (Source : France Num).

        Un chiffre seul : 87 % hésitent.

        Selon McKinsey, 65 % des organisations.

        Le rapport [Insee](https://insee.fr) donne 40 %.

        Les données d'Epsilon révèlent 51 %.

        Subventions jusqu'à 500 000 € (Info.gouv.fr).

        La même source révèle 11 %.
    """
    assert paragraphs(text) == [
        (1, ("13 %", "26 %"), True),
        (4, ("87 %",), False),
        (6, ("65 %",), True),
        (8, ("40 %",), True),
        (10, ("51 %",), True),
        (12, ("500 000 €",), True),
        (14, ("11 %",), True),
    ]


def test_a_source_named_in_the_paragraph_counts() -> None:
    text = "Bpifrance Le Lab révèle que 58 % des dirigeants."
    assert paragraphs(text) == [(1, ("58 %",), False)]
    assert paragraphs(text, names=("bpifrance le lab",)) == [(1, ("58 %",), True)]


def test_headings_code_tables_and_the_skipped_lines_are_not_paragraphs() -> None:
    text = """
        # 87 % des PME

        | Part 50 % | Part 20 % |
        |-----------|-----------|
        | 30 %      | 10 %      |

        *Par Prizm AI, 87 % de confiance*

        <!-- 12 % -->

        ```
        print("45 %")
        ```

        Dans les sources : 99 %.
    """
    lines = textwrap.dedent(text).strip("\n").split("\n")
    code = [False] * len(lines)
    code[10:13] = [True, True, True]
    found = figure_paragraphs(lines, code=code, skip=range(14, 15))
    assert [(p.line, p.figures) for p in found] == [(5, ("30 %", "10 %"))]


def test_the_lines_given_as_cited_count() -> None:
    assert paragraphs("A 13 %.\nB.", cited_lines={1}) == [(1, ("13 %",), True)]


ARTICLE = """---
title: "Un article"
date: 2025-07-29
---

# Un article

En 2025, 13 % des PME (Source : CCI) et 40 % des ETI (Source : Vieux).

Un chiffre isolé : 87 % hésitent.

## Sources et références

1. **CCI** (Fiabilité : 8/10)
   - Article du 24/06/2025
   - https://www.example.org/cci

2. **Futur** (Fiabilité : 7/10)
   - Article du 12/09/2025
   - https://www.example.org/futur

3. **Vieux** (Fiabilité : 4/10)
   - Article du 02/03/2012
   - https://www.example.org/vieux
"""


def codes(processed: Processed) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for problem in processed.problems:
        found.setdefault(problem.code, []).append(problem.line)
    return found


def test_every_check_with_file_lines() -> None:
    processed = analyse(ARTICLE)
    found = codes(processed)
    assert found["PRZ351"] == [18]  # Futur: after the article
    assert found["PRZ352"] == [22]  # Vieux: 2012, over five years
    assert found["PRZ362"] == [22]  # Vieux is cited and scores 4
    assert found["PRZ451"] == [18]  # Futur is never cited
    assert found["PRZ453"] == [10]
    assert "PRZ361" not in found  # mean 6.33
    assert "PRZ452" not in found
    severity = {p.code: p.severity.value for p in processed.problems}
    assert severity["PRZ351"] == "warning"
    assert severity["PRZ352"] == "info"
    assert severity["PRZ453"] == "info"
    trust = processed.trust
    assert trust is not None
    assert trust.future == (2,)
    assert trust.stale == (3,)
    assert trust.cited == (1, 3)
    assert trust.weakest_cited is not None
    assert trust.weakest_cited.number == 3


@pytest.mark.parametrize(
    ("options", "absent", "present"),
    [
        ({"sources_max_age_years": False}, {"PRZ352"}, {"PRZ351"}),
        ({"sources_max_age_years": 20}, {"PRZ352"}, set()),
        ({"reliability_floor_cited": False}, {"PRZ362"}, set()),
        ({"reliability_floor_average": 7}, set(), {"PRZ361"}),
        ({"trust_figures": "off"}, {"PRZ453"}, set()),
    ],
)
def test_options(options: dict[str, Any], absent: set[str], present: set[str]) -> None:
    found = set(codes(analyse(ARTICLE, options=options)))
    assert not absent & found
    assert present <= found


def test_figures_as_warnings() -> None:
    processed = analyse(ARTICLE, options={"trust_figures": "warning"})
    assert {p.severity.value for p in processed.problems if p.code == "PRZ453"} == {"warning"}


@pytest.mark.parametrize(
    "options",
    [
        {"reliability_floor_average": 11},
        {"reliability_floor_cited": "high"},
        {"sources_max_age_years": -1},
        {"trust_figures": "loud"},
    ],
)
def test_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(OptionsError):
        PrizmOptions.from_mapping(options)


def test_an_article_citing_nothing_gets_one_note() -> None:
    text = ARTICLE.replace("(Source : CCI)", "").replace("(Source : Vieux)", "")
    found = codes(analyse(text))
    assert found["PRZ452"] == [12]
    assert "PRZ451" not in found
    # every listed source is relied on: the weakest (4/10) is under the floor
    assert "PRZ362" in found


def test_the_update_date_is_the_reference() -> None:
    text = ARTICLE.replace("date: 2025-07-29", "date: 2025-07-29\nupdatedDate: 2025-10-01")
    assert "PRZ351" not in codes(analyse(text))


def test_ordinary_pages_and_internal_reports_are_not_checked() -> None:
    assert analyse("# Page\n\n87 % des cas.\n").trust is None
    report = '---\ntitle: "Rapport d\'optimisation"\ndate: 2025-07-29\n---\n\nScore : 90 %\n'
    assert analyse(report).trust is None


def test_period_end() -> None:
    assert period_end(dt.date(2019, 1, 1), "year") == dt.date(2019, 12, 31)
    assert period_end(dt.date(2024, 12, 1), "month") == dt.date(2024, 12, 31)
    assert period_end(dt.date(2024, 5, 6), "day") == dt.date(2024, 5, 6)


def test_report_records_and_site_counts() -> None:
    processed = analyse(ARTICLE, "blog/a.md")
    record = article_record(processed)
    trust = record["trust"]
    assert trust["freshness"]["future"] == [2]
    assert trust["freshness"]["stale"] == [3]
    assert trust["coverage"]["uncited"] == [2]
    assert trust["coverage"]["uncited_figure_paragraphs"] == 1
    assert trust["coverage"]["figures"][1] == {"line": 10, "figures": ["87 %"], "cited": False}
    assert trust["floors"]["weakest_cited"]["number"] == 3
    assert trust["floors"]["below_cited_floor"] is True
    assert trust["links"] == {"dead": None}
    summary = build_report([record], generator_version="0")["summary"]["trust"]
    assert summary["future_sources"] == 1
    assert summary["uncited_figure_paragraphs"] == 1
    assert summary["articles_below_cited_floor"] == 1
    assert summary["dead_links"] is None

    def status(source: Any) -> str:
        return LINK_DEAD if source.number == 3 else "ok"

    dead = article_record(processed, status)["trust"]["links"]
    assert dead == {"dead": 1}
    site = site_trust([(processed.article, processed.trust)], status)
    assert site.dead_links == 1
    assert site.stale_sources == 1
    assert site_trust([(processed.article, processed.trust)]).dead_links is None
