from __future__ import annotations

import datetime as dt
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core.article import SourcesSection, Tier
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.sources import (
    DEFAULT_HEADINGS,
    find_section,
    parse_reliability,
    parse_sources,
    reliability_tier,
)
from mkdocs_prizm.core.text import plain_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "prizmia"
SEED = SHARED / "seed" / "000_3a96af19274584b3.txt"


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def parse(text: str, line_offset: int = 0) -> tuple[SourcesSection, ProblemSink]:
    sink = ProblemSink("article.md")
    section = parse_sources(md(text), sink, line_offset=line_offset)
    assert section is not None
    return section, sink


def codes(sink: ProblemSink) -> list[tuple[str, Severity]]:
    return [(p.code, p.severity) for p in sink.items]


SEED_LIKE = """
    # Titre

    Texte (Source : DFM).

    ## Sources et références

    *Cet article a été rédigé à partir de sources vérifiées :*

    1. **CCI Provence-Alpes-Côte d’Azur – Article** - Article
       - Date : 24/06/2025\x20\x20
       - URL : https://www.paca.cci.fr/actualite/ia\x20\x20
       - Fiabilité : 8/10

    2. **Dihnamic – Actualités & Études** - Article
       - Date : 02/03/2023 (avec mise à jour avril 2024)\x20\x20
       - URL : https://www.dihnamic.eu/fr/actualites/\x20\x20
       - Fiabilité : 7/10

    3. **DFM.fr – Article d’analyse** - Article
       - Date : 22/05/2025\x20\x20
       - URL : https://dfm.fr/articles/etat-des-lieux-ia-pme-france/\x20\x20
       - Fiabilité : 8/10
"""


# --------------------------------------------------------------------------- find_section


@pytest.mark.parametrize(
    "heading",
    [
        "## Sources et références",
        "### Sources et références",
        "## Sources",
        "## Sources and references",
        "## References",
        "## Références",
        "## SOURCES ET REFERENCES :",
        "## **Sources et références**",
        "## Sources et références ##",
        "#### sources",
    ],
)
def test_heading_variants(heading: str) -> None:
    lines = ["# T", "", "Texte", "", heading, "", "- [A](https://a.example)"]
    found = find_section(lines, DEFAULT_HEADINGS)
    assert found is not None
    start, end, level, _ = found
    assert (start, end) == (4, 7)
    assert level == heading.index(" ")


def test_heading_not_matching() -> None:
    assert find_section(["## Sources de l'IA", "text"], DEFAULT_HEADINGS) is None
    assert find_section(["#Sources", "text"], DEFAULT_HEADINGS) is None
    assert find_section(["    ## Sources", "text"], DEFAULT_HEADINGS) is None


def test_custom_headings() -> None:
    lines = ["## Bibliographie", "- [A](https://a.example)"]
    assert find_section(lines, DEFAULT_HEADINGS) is None
    assert find_section(lines, ("Bibliographie",)) == (0, 2, 2, "Bibliographie")


@pytest.mark.parametrize("fence", ["```", "~~~", "````markdown"])
def test_headings_in_fences_are_ignored(fence: str) -> None:
    lines = md(
        f"""
        ## Sources

        - [Real](https://real.example)

        {fence}
        ## Sources
        - [Fake](https://fake.example)
        {fence[0] * 4}

        ## Next
        """
    ).split("\n")
    assert find_section(lines, DEFAULT_HEADINGS) == (0, 9, 2, "Sources")


def test_last_heading_wins_and_section_ends_at_same_level() -> None:
    lines = md(
        """
        ## Sources
        early
        ## Middle
        ### Sources
        - [A](https://a.example)
        #### Deeper heading stays inside
        ### Sibling ends it
        text
        """
    ).split("\n")
    assert find_section(lines, DEFAULT_HEADINGS) == (3, 6, 3, "Sources")


# --------------------------------------------------------------------------- seed / numbered


def test_seed_like_section() -> None:
    section, sink = parse(SEED_LIKE)
    assert section.heading == "Sources et références"
    assert section.level == 2
    assert section.intro == "*Cet article a été rédigé à partir de sources vérifiées :*"
    assert section.trailing == ""
    assert section.start_line == 5
    assert section.end_line == 22
    assert [e.number for e in section.entries] == [1, 2, 3]
    first, second, third = section.entries
    assert first.title == "CCI Provence-Alpes-Côte d’Azur – Article"
    assert first.kind == "Article"
    assert first.form == "numbered"
    assert first.structured
    assert first.line == 9
    assert first.url == "https://www.paca.cci.fr/actualite/ia"
    assert first.url_safe
    assert first.reliability.score == 8
    assert first.reliability.raw == "8/10"
    assert first.date is not None
    assert first.date.value == dt.date(2025, 6, 24)
    assert second.date is not None
    assert second.date.note == "(avec mise à jour avril 2024)"  # as written
    assert second.reliability.score == 7
    assert third.title == "DFM.fr – Article d’analyse"
    assert first.raw.startswith("1. **CCI")
    assert first.raw.endswith("Fiabilité : 8/10")
    assert sink.items == []


def test_line_offset_applies_to_result_not_sink() -> None:
    section, sink = parse(SEED_LIKE.replace("8/10\n\n    2.", "11/10\n\n    2."), line_offset=10)
    assert section.start_line == 15
    assert section.entries[0].line == 19
    assert [p.line for p in sink.items] == [12]  # the Fiabilité line of the entry


def test_crlf_body() -> None:
    body = md(SEED_LIKE).replace("\n", "\r\n")
    section = parse_sources(body, ProblemSink("a.md"))
    assert section is not None
    assert len(section.entries) == 3
    assert section.entries[2].reliability.score == 8
    assert section.entries[0].url == "https://www.paca.cci.fr/actualite/ia"


@pytest.mark.parametrize(
    ("line", "score", "raw", "note"),
    [
        ("- Fiabilité : 8/10", 8.0, "8/10", ""),
        ("- Fiabilité : 8/10  ", 8.0, "8/10", ""),
        ("- **Fiabilité** : 9/10", 9.0, "9/10", ""),
        ("- **Fiabilité :** 9/10", 9.0, "9/10", ""),
        ("- Fiabilite: 6/10", 6.0, "6/10", ""),
        ("- Reliability: 7.5/10", 7.5, "7.5/10", ""),
        ("- Fiabilité : 7,5 / 10", 7.5, "7,5 / 10", ""),
        ("- Fiabilité : 0/10", 0.0, "0/10", ""),
        ("- Fiabilité : 10/10", 10.0, "10/10", ""),
        ("- Fiabilité : **8/10**", 8.0, "8/10", ""),
        (
            "- Fiabilité : 8/10 (source institutionnelle)",
            8.0,
            "8/10",
            "source institutionnelle",
        ),
        ("- Fiabilité : 8/10 - très citée", 8.0, "8/10", "très citée"),
    ],
)
def test_reliability_forms(line: str, score: float, raw: str, note: str) -> None:
    section, sink = parse(
        f"## Sources\n\n1. **Src** - Article\n   {line}\n   - URL : https://s.example\n"
    )
    reliability = section.entries[0].reliability
    assert (reliability.score, reliability.raw, reliability.note) == (score, raw, note)
    assert sink.items == []


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("11/10", "'11/10' is out of range 0–10"),
        ("-3/10", "'-3/10' is out of range 0–10"),
        ("10.5/10", "'10.5/10' is out of range 0–10"),
        ("huit", "'huit' is not a score out of 10"),
        ("8", "'8' is not a score out of 10"),
        ("8/100", "'8/100' is not a score out of 10"),
    ],
)
def test_invalid_reliability_is_unrated(value: str, fragment: str) -> None:
    text = (
        "## Sources\n\n1. **Src** - A\n   - URL : https://s.example\n"
        "2. **Dihnamic** - B\n   - URL : https://d.example\n"
        f"   - Fiabilité : {value}\n   - Fiabilité : 9/10\n"
    )
    section, sink = parse(text)
    entry = section.entries[1]
    assert entry.reliability.score is None
    assert not entry.reliability.rated
    assert entry.reliability.data_value == "unrated"
    problems = [p for p in sink.items if p.code == "PRZ302"]
    assert len(problems) == 1
    assert problems[0].severity is Severity.WARNING
    assert problems[0].line == 7  # the Fiabilité line
    assert problems[0].message.startswith("source 2 «Dihnamic»: reliability ")
    assert fragment in problems[0].message
    # A second score is kept in the description, never silently dropped.
    assert "9/10" in entry.description


def test_missing_reliability_severity_depends_on_form() -> None:
    _, sink = parse(
        """
        ## Sources

        1. **Numbered** - Article
           - URL : https://n.example
        """
    )
    assert codes(sink) == [("PRZ303", Severity.WARNING)]
    assert "source 1 «Numbered»: no reliability score" in sink.items[0].message
    _, sink = parse("## Sources\n\n- [Link](https://l.example)\n")
    assert codes(sink) == [("PRZ303", Severity.INFO)]


def test_broken_nested_variant() -> None:
    section, sink = parse(
        """
        ## Sources et références

        *Cet article a été rédigé à partir de sources vérifiées :*

        1. **DFM.fr** - Article
         - Date : 22/05/2025
         - URL : https://dfm.fr/articles/etat-des-lieux-ia-pme-france/
         - 2. **Bpifrance Le Lab** - Étude
         - Date : 10/02/2025
         - URL : https://lelab.bpifrance.fr/Etudes/31
         - 3. **Usine Digitale** - Article (connu)
         - Date : 10/08/2025
         - URL :\x20
         -\x20
        """
    )
    assert [e.title for e in section.entries] == ["DFM.fr", "Bpifrance Le Lab", "Usine Digitale"]
    assert [e.kind for e in section.entries] == ["Article", "Étude", "Article (connu)"]
    assert [e.line for e in section.entries] == [5, 8, 11]
    assert section.entries[1].url == "https://lelab.bpifrance.fr/Etudes/31"
    assert section.entries[2].url == ""
    assert not section.entries[2].url_safe
    assert all(e.structured and e.form == "numbered" for e in section.entries)
    assert ("PRZ307", Severity.INFO) in codes(sink)
    assert [c for c, _ in codes(sink)].count("PRZ303") == 3
    assert section.trailing == ""


def test_inline_form_with_free_sub_bullets_and_trailing() -> None:
    section, sink = parse(
        """
        ## Sources et références

        Pour que vous puissiez creuser le sujet, voici nos sources (toutes vérifiées) :

        1. **CCI Provence-Alpes-Côte d'Azur** (Fiabilité : 8/10)
           - Article du 24/06/2025
           - https://www.paca.cci.fr/actualite/x

        [Autres sources conservées à l'identique...]

        Et vous, par quelle étape comptez-vous commencer ?
        """
    )
    assert section.intro.startswith("Pour que vous puissiez")
    (entry,) = section.entries
    assert entry.form == "inline"
    assert entry.title == "CCI Provence-Alpes-Côte d'Azur"
    assert entry.kind == "Article"
    assert entry.reliability.score == 8
    assert entry.date is not None
    assert entry.date.value == dt.date(2025, 6, 24)
    assert entry.url == "https://www.paca.cci.fr/actualite/x"
    assert section.trailing == (
        "[Autres sources conservées à l'identique...]\n\n"
        "Et vous, par quelle étape comptez-vous commencer ?"
    )
    assert sink.items == []


def test_inline_reliability_with_note() -> None:
    section, _ = parse(
        "## Sources\n\n1. **INSEE** (Fiabilité : 9/10 (source institutionnelle)) - Étude\n"
        "   - URL : https://insee.fr\n"
    )
    entry = section.entries[0]
    assert (entry.title, entry.kind) == ("INSEE", "Étude")
    assert entry.reliability.score == 9
    assert entry.reliability.note == "source institutionnelle"


def test_block_form() -> None:
    section, sink = parse(
        """
        ## Sources

        **Source 1** : Bpifrance Le Lab — Étude
        - Date : juin 2025
        - URL : https://lelab.bpifrance.fr/
        - Fiabilité : 9/10

        **Source 2 :** *Le Monde* — Article
        Date : 2025-01-15
        URL : <https://www.lemonde.fr/x>
        Fiabilité : 7/10
        """
    )
    first, second = section.entries
    assert (first.form, first.title, first.kind) == ("block", "Bpifrance Le Lab", "Étude")
    assert first.date is not None
    assert first.date.precision == "month"
    assert (second.title, second.kind, second.url) == (
        "Le Monde",
        "Article",
        "https://www.lemonde.fr/x",
    )
    assert second.reliability.score == 7
    assert sink.items == []


def test_link_form() -> None:
    section, sink = parse(
        """
        ## Sources

        - [Le Monde Informatique](https://www.lemondeinformatique.fr/x.html)
        - [Bpifrance Le Lab](https://lelab.bpifrance.fr/a%20b.pdf?disposition=inline)
        * [Wiki (fr)](https://fr.wikipedia.org/wiki/IA_(informatique)) - encyclopédie
        - **[Bold](https://bold.example)**
        """
    )
    assert [e.title for e in section.entries] == [
        "Le Monde Informatique",
        "Bpifrance Le Lab",
        "Wiki (fr)",
        "Bold",
    ]
    assert section.entries[2].url == "https://fr.wikipedia.org/wiki/IA_(informatique)"
    assert section.entries[2].description == "encyclopédie"
    assert all(e.form == "link" and e.url_safe for e in section.entries)
    assert set(codes(sink)) == {("PRZ303", Severity.INFO)}


def test_superscript_form() -> None:
    section, sink = parse(
        """
        ### Sources et références

        ¹ Eurostat (2025). *Adoption de l'IA dans les entreprises*. Statistiques, janvier 2025.

        ² Squid Impact (juin 2025). *Chiffres clés*. Étude sectorielle. https://squid.example/x.

        ¹⁰ The Times (2025). *British firms lag*. Analyse.
        """
    )
    first, second, third = section.entries
    assert first.form == "superscript"
    assert first.title == "Eurostat"
    assert first.date is not None
    assert (first.date.precision, first.date.iso) == ("year", "2025")
    assert first.description == (
        "Adoption de l'IA dans les entreprises. Statistiques, janvier 2025."
    )
    assert second.url == "https://squid.example/x"
    assert second.date is not None
    assert second.date.iso == "2025-06"
    assert third.title == "The Times"
    assert [e.number for e in section.entries] == [1, 2, 3]
    # ¹, ², ¹⁰: a gap, renumbered
    assert ("PRZ306", Severity.WARNING) in codes(sink)
    assert ("PRZ303", Severity.INFO) in codes(sink)
    assert ("PRZ303", Severity.WARNING) not in codes(sink)


def test_raw_items_between_entries_and_numbering_problems() -> None:
    section, sink = parse(
        """
        ## Sources

        1. **A** - Article
           - URL : https://a.example
           - Fiabilité : 8/10

        Un paragraphe perdu au milieu.
        Sur deux lignes.

        3. **B** - Article
           - URL : https://b.example
           - Fiabilité : 8/10
        3. **C** - Article
           - URL : https://c.example
           - Fiabilité : 8/10

        ---

        Des questions ?
        """
    )
    assert [e.number for e in section.entries] == [1, 2, 3, 4]
    raw = section.entries[1]
    assert (raw.structured, raw.form, raw.title) == (False, "raw", "")
    assert raw.raw == "Un paragraphe perdu au milieu.\nSur deux lignes."
    assert raw.line == 7
    assert section.trailing == "---\n\nDes questions ?"
    assert ("PRZ301", Severity.WARNING) in codes(sink)
    (gap,) = [p for p in sink.items if p.code == "PRZ306"]
    assert "1, 3, 3" in gap.message
    assert gap.line == 1


def test_entry_without_title_is_raw() -> None:
    section, sink = parse(
        "## Sources\n\n1. ** ** - \n2. **B**\n   - URL : https://b.example\n   - Fiabilité : 5/10\n"
    )
    assert section.entries[0].structured is False
    assert section.entries[0].raw == "1. ** ** - "
    assert section.entries[1].title == "B"
    assert codes(sink)[0] == ("PRZ301", Severity.WARNING)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example",
        "http:///nohost",
    ],
)
def test_unsafe_url_is_kept_but_flagged(url: str) -> None:
    section, sink = parse(f"## Sources\n\n1. **X** - A\n   - URL : {url}\n   - Fiabilité : 8/10\n")
    entry = section.entries[0]
    assert entry.url == url
    assert not entry.url_safe
    (problem,) = sink.items
    assert (problem.code, problem.severity) == ("PRZ305", Severity.WARNING)
    assert problem.message.startswith("source 1 «X»: URL ")


def test_unsafe_markdown_link_in_link_form() -> None:
    section, sink = parse("## Sources\n\n- [Click](javascript:alert(1))\n")
    assert section.entries[0].url == "javascript:alert(1)"
    assert not section.entries[0].url_safe
    assert ("PRZ305", Severity.WARNING) in codes(sink)


def test_unparseable_date_is_kept() -> None:
    section, sink = parse(
        "## Sources\n\n1. **X** - A\n   - Date : bientôt\n"
        "   - URL : https://x.example\n   - Fiabilité : 8/10\n"
    )
    date = section.entries[0].date
    assert date is not None
    assert (date.raw, date.value) == ("bientôt", None)
    (problem,) = sink.items
    assert problem.code == "PRZ304"
    assert "source 1 «X»: date 'bientôt'" in problem.message


def test_other_keys_go_to_description() -> None:
    section, _ = parse(
        """
        ## Sources

        1. **X**
           - Type : Rapport
           - Éditeur : **Ministère**
           - Remarque libre
           - Date : 2025
           - URL : [le site](https://x.example)
           - Fiabilité : 8/10
        """
    )
    entry = section.entries[0]
    assert entry.kind == "Rapport"
    assert entry.description == "Éditeur : Ministère Remarque libre"
    assert entry.url == "https://x.example"


@pytest.mark.parametrize(
    ("header", "title", "kind", "url"),
    [
        ("**<script>alert(1)</script>** - Article", "<script>alert(1)</script>", "Article", ""),
        (
            "**[Le Monde](https://lemonde.fr)** - Article",
            "Le Monde",
            "Article",
            "https://lemonde.fr",
        ),
        ("[Le Monde](https://lemonde.fr) — Article", "Le Monde", "Article", "https://lemonde.fr"),
        ("Eurostat - Rapport", "Eurostat", "Rapport", ""),
        ("__Under__ - `Code` *kind*", "Under", "Code kind", ""),
        ("*Italique* : Étude", "Italique", "Étude", ""),
        ("**snake_case_name**", "snake_case_name", "", ""),
    ],
)
def test_title_parsing(header: str, title: str, kind: str, url: str) -> None:
    section, _ = parse(f"## Sources\n\n1. {header}\n")
    entry = section.entries[0]
    assert (entry.title, entry.kind, entry.url) == (title, kind, url)


def test_section_without_entries_keeps_everything() -> None:
    section, sink = parse(
        """
        ## Sources et références

        *Cet article s'appuie sur des sources vérifiées :*

        [Les mêmes sources que dans l'article original]

        ---

        Vous avez des questions ?
        """
    )
    assert section.entries == ()
    assert section.intro == "*Cet article s'appuie sur des sources vérifiées :*"
    assert section.trailing == (
        "[Les mêmes sources que dans l'article original]\n\n---\n\nVous avez des questions ?"
    )
    assert section.end_line == 9
    assert sink.items == []


def test_no_section() -> None:
    assert parse_sources("# T\n\nText (Source : X)\n", ProblemSink("a.md")) is None


def test_empty_section() -> None:
    section, _ = parse("## Sources\n")
    assert (section.entries, section.intro, section.trailing) == ((), "", "")
    assert section.start_line == section.end_line == 1


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        (None, Tier.UNRATED),
        (10.0, Tier.VERY_HIGH),
        (9.0, Tier.VERY_HIGH),
        (8.9, Tier.HIGH),
        (7.0, Tier.HIGH),
        (5.0, Tier.MEDIUM),
        (4.9, Tier.LOW),
        (0.0, Tier.LOW),
    ],
)
def test_reliability_tier(score: float | None, tier: Tier) -> None:
    assert reliability_tier(score) is tier


def test_reliability_tier_custom_thresholds() -> None:
    assert reliability_tier(8.0, (8.0, 6.0, 4.0)) is Tier.VERY_HIGH
    assert reliability_tier(4.0, (8.0, 6.0, 4.0)) is Tier.MEDIUM


@pytest.mark.parametrize(
    ("value", "status", "score"),
    [("8/10", "ok", 8.0), ("", "missing", None), ("huit", "nan", None), ("12/10", "range", None)],
)
def test_parse_reliability(value: str, status: str, score: float | None) -> None:
    reliability, got = parse_reliability(value)
    assert (got, reliability.score) == (status, score)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**Bold** and *it* and _em_", "Bold and it and em"),
        ("`code` [label](https://x.example)", "code label"),
        ("snake_case stays", "snake_case stays"),
        ("a\\*b", "a*b"),
        ("  many   spaces ", "many spaces"),
    ],
)
def test_plain_text(text: str, plain: str) -> None:
    assert plain_text(text) == plain


# --------------------------------------------------------------------------- linearity


def _timed(body: str) -> tuple[float, SourcesSection | None]:
    start = time.perf_counter()
    section = parse_sources(body, ProblemSink("big.md"))
    return time.perf_counter() - start, section


def test_two_thousand_entries_parse_fast() -> None:
    entries = "\n".join(
        f"{i}. **Source {i}** - Article\n   - Date : 24/06/2025\n"
        f"   - URL : https://example.org/{i}\n   - Fiabilité : {i % 11}/10\n"
        for i in range(1, 2001)
    )
    elapsed, section = _timed("# T\n\n## Sources et références\n\n" + entries)
    assert section is not None
    assert len(section.entries) == 2000
    assert section.entries[-1].reliability.score == 2000 % 11
    assert elapsed < 2.0


@pytest.mark.parametrize(
    "hostile",
    [
        "1. **X** " + "Fiabilité : " * 20_000,
        "1. **X** " + "(Fiabilité : " * 20_000,
        "1. **X**\n   - Fiabilité : " + "Fiabilité : " * 20_000,
        "1. " + "[" * 20_000 + "](" * 20_000,
        "- [a](" + "(" * 40_000,
        "1. **X**\n" + "   - Date : " + "1 " * 20_000,
        "¹ " + "(" * 20_000,
        "1. " + "**" * 20_000,
        "1. **X** " + " " * 40_000 + "-",
        "**Source 1" + " " * 40_000,
    ],
)
def test_hostile_sections_parse_fast(hostile: str) -> None:
    elapsed, section = _timed("## Sources\n\n" + hostile + "\n")
    assert section is not None
    assert elapsed < 2.0


# --------------------------------------------------------------------------- real corpus

EXPECTED_ENTRIES = {
    "2025-07-29-87-des-pme-francaises-nutilisent-pas-encore-lia-pourquoi-une-a749829d.md": 1,
    "2025-07-30-lia-en-pme-pourquoi-87-des-entreprises-francaises-passent-en-9f1761ae.md": 0,
    "2025-07-30-lia-generative-dans-les-pme-francaises-le-grand-paradoxe-de--8c57f8cb.md": 3,
    "2025-08-12-manifeste-prizm-ai-c9f325b7.md": 8,
    "2025-08-15-ia-generative-et-productivite-opportunites-concretes-pour-pm-185fb4cc.md": 3,
    "2025-08-16-adoption-de-l-ia-dans-les-pme-francaises-etat-des-lieux-25c8d28d.md": 5,
    "2025-08-16-chatgpt-pour-les-avocats-cas-d-usage-et-limites-286a942c.md": 4,
    "2025-11-07-etat-des-lieux-adoption-ia-pme-francaises-2025-cf4ead90.md": 5,
    "2026-01-12-agents-ia-autonomes-la-fin-des-chatbots-passifs-pour-les-pme-97705f65.md": 4,
    "2026-01-12-les-agents-ia-multimodaux-quand-la-voix-et-l-image-transform-a84365c5.md": 5,
}

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")


@pytest.mark.corpus
@needs_corpus
def test_seed_article() -> None:
    sink = ProblemSink("seed")
    section = parse_sources(SEED.read_text(encoding="utf-8"), sink)
    assert section is not None
    assert [e.title for e in section.entries] == [
        "CCI Provence-Alpes-Côte d’Azur – Article",
        "Dihnamic – Actualités & Études",
        "DFM.fr – Article d’analyse",
    ]
    assert [e.reliability.score for e in section.entries] == [8, 7, 8]
    assert all(e.url_safe and e.date and e.date.value for e in section.entries)
    assert sink.items == []


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize(("name", "count"), sorted(EXPECTED_ENTRIES.items()))
def test_corpus_entry_counts(name: str, count: int) -> None:
    section = parse_sources((CORPUS / name).read_text(encoding="utf-8"), ProblemSink(name))
    assert section is not None
    assert len(section.entries) == count
    assert all(e.structured for e in section.entries)


@pytest.mark.corpus
@needs_corpus
def test_every_corpus_article_with_a_heading_parses() -> None:
    with_heading = 0
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        lines = [line.rstrip("\r") for line in text.split("\n")]
        sink = ProblemSink(path.name)
        section = parse_sources(text, sink)
        if find_section(lines, DEFAULT_HEADINGS) is None:
            assert section is None
            continue
        with_heading += 1
        assert section is not None, path.name
        assert all(p.code.startswith("PRZ3") for p in sink.items)
        for entry in section.entries:
            assert entry.structured, (path.name, entry.raw)
            assert entry.title
            assert entry.reliability.score is None or 0 <= entry.reliability.score <= 10
    assert with_heading == 38


SECTION_LINES = st.sampled_from(
    [
        "",
        "Texte avec un #hashtag",
        "## Sources",
        "### Sources et références",
        "# Titre",
        "## Conclusion",
        "### Détail",
        "   ## Sources",
        "    ## Sources",
        "##Sources",
        "## Sources ##",
        "1. **Source** - Article",
        "   - Fiabilité : 8/10",
        "#",
        "####### Sources",
        "## Références #",
        "```",
        "~~~",
    ]
)


@given(st.lists(SECTION_LINES, max_size=14), st.booleans())
def test_section_found_from_the_text_is_the_section_found_from_the_lines(
    lines: list[str], crlf: bool
) -> None:
    # The text path reads only the lines holding "#", from the end; it must agree with the
    # walk over every line (which the text path also uses when the text may hold fences).
    text = ("\r\n" if crlf else "\n").join(lines)
    split = [line.rstrip("\r") for line in text.split("\n")]
    assert find_section(split, DEFAULT_HEADINGS, text=text) == find_section(split, DEFAULT_HEADINGS)


def test_source_problems_point_at_the_field_or_value() -> None:
    _, sink = parse(
        """
        ## Sources

        1. **Alpha** - Web
           - Date : vers la fin
           - URL : javascript:alert(1)
           - Fiabilité : 12/10

        Un paragraphe perdu

        3. **Gamma** (Fiabilité : huit)
        4. **Delta**
        """
    )
    found = {(p.code, p.line): p.column for p in sink.items}
    assert found[("PRZ304", 4)] == len("   - Date : ") + 1
    assert found[("PRZ305", 5)] == len("   - URL : ") + 1
    assert found[("PRZ302", 6)] == len("   - Fiabilité : ") + 1
    assert found[("PRZ301", 8)] == 1
    assert found[("PRZ302", 10)] == len("3. **Gamma** (Fiabilité : ") + 1
    assert found[("PRZ303", 11)] == 1
    assert found[("PRZ307", 11)] == 1
    assert found[("PRZ306", 1)] == 1
    assert all(p.column for p in sink.items)
