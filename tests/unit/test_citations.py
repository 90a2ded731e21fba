from __future__ import annotations

import re
import textwrap
import time
from pathlib import Path

import pytest

from mkdocs_prizm.core.article import Citation, Source, SourcesSection
from mkdocs_prizm.core.citations import CitationMatcher, locate_citations
from mkdocs_prizm.core.problems import ProblemSink, Severity
from mkdocs_prizm.core.sources import parse_sources
from mkdocs_prizm.render import Renderer, RenderOptions, make_environment

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "prizmia"
SEED = SHARED / "seed" / "000_3a96af19274584b3.txt"


RENDERER = Renderer(make_environment(), RenderOptions())


def link_citations(
    body: str, section: SourcesSection | None, sink: ProblemSink, *, line_offset: int = 0
) -> tuple[str, SourcesSection | None, tuple[str, ...]]:
    """The body with each located citation wrapped in the packaged template's link."""
    citations, section, unmatched = locate_citations(body, section, sink, line_offset=line_offset)
    lines = body.split("\n")
    pieces: dict[int, list[str]] = {}
    done: dict[int, int] = {}
    for citation in citations:
        line, at = lines[citation.line - 1], done.get(citation.line, 0)
        text = line[citation.start : citation.end]
        cited = RENDERER.citation(citation, text)
        pieces.setdefault(citation.line, []).extend((line[at : citation.start], cited))
        done[citation.line] = citation.end
    for number, parts in pieces.items():
        lines[number - 1] = "".join(parts) + lines[number - 1][done[number] :]
    return "\n".join(lines), section, unmatched


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def run(
    text: str, *, line_offset: int = 0
) -> tuple[str, SourcesSection | None, tuple[str, ...], ProblemSink]:
    body = md(text)
    sink = ProblemSink("a.md")
    section = parse_sources(body, sink, line_offset=line_offset)
    sink.items.clear()
    linked, section, unmatched = link_citations(body, section, sink, line_offset=line_offset)
    return linked, section, unmatched, sink


def cite(number: int, k: int, text: str, *, sup: bool = False) -> str:
    css = "prizm-cite prizm-cite--sup" if sup else "prizm-cite"
    return f'<a class="{css}" id="prizm-cite-{number}-{k}" href="#prizm-source-{number}">{text}</a>'


RE_ANCHOR = re.compile(
    r'<a class="prizm-cite[^"]*" id="prizm-cite-\d+-\d+" href="#prizm-source-\d+">([^<]*)</a>'
)


def unlink(text: str) -> str:
    """Remove the anchors added by link_citations: only they may differ."""
    return RE_ANCHOR.sub(r"\1", text)


def section_of(*titles: str, url: str = "") -> SourcesSection:
    return SourcesSection(
        heading="Sources",
        level=2,
        entries=tuple(
            Source(number=i, title=t, url=url, url_safe=bool(url)) for i, t in enumerate(titles, 1)
        ),
        start_line=100,
        end_line=100 + len(titles),
    )


ARTICLE = """
    # Titre

    Vu (Source : CCI Provence-Alpes-Côte d'Azur). Encore (Source : CCI Provence-Alpes-Côte d’Azur).
    Selon DFM (Source : DFM) et [Source: dfm.fr] et (Source : Dihnamic).

    ## Sources et références

    1. **CCI Provence-Alpes-Côte d’Azur – Article** - Article
       - URL : https://www.paca.cci.fr/x
       - Fiabilité : 8/10

    2. **Dihnamic – Actualités & Études** - Article
       - URL : https://www.dihnamic.eu/fr/actualites/
       - Fiabilité : 7/10

    3. **DFM.fr – Article d’analyse** - Article (Source : DFM)
       - URL : https://dfm.fr/articles/x
       - Fiabilité : 8/10
"""


def test_seed_like_article() -> None:
    linked, section, unmatched, sink = run(ARTICLE)
    lines = linked.split("\n")
    assert lines[2] == (
        f"Vu (Source : {cite(1, 1, 'CCI Provence-Alpes-Côte d' + chr(39) + 'Azur')}). "
        f"Encore (Source : {cite(1, 2, 'CCI Provence-Alpes-Côte d’Azur')})."
    )
    assert lines[3] == (
        f"Selon DFM (Source : {cite(3, 1, 'DFM')}) et [Source: {cite(3, 2, 'dfm.fr')}] "
        f"et (Source : {cite(2, 1, 'Dihnamic')})."
    )
    # The sources section itself is never touched.
    assert lines[15] == "3. **DFM.fr – Article d’analyse** - Article (Source : DFM)"
    assert section is not None
    assert [e.citations for e in section.entries] == [
        ("prizm-cite-1-1", "prizm-cite-1-2"),
        ("prizm-cite-2-1",),
        ("prizm-cite-3-1", "prizm-cite-3-2"),
    ]
    assert unmatched == ()
    assert sink.items == []


def test_input_section_is_not_mutated() -> None:
    body = md(ARTICLE)
    section = parse_sources(body, ProblemSink("a.md"))
    assert section is not None
    _, updated, _ = link_citations(body, section, ProblemSink("a.md"))
    assert all(e.citations == () for e in section.entries)
    assert updated is not section


@pytest.mark.parametrize(
    ("titles", "name", "number"),
    [
        (("CCI Provence-Alpes-Côte d’Azur – Article",), "CCI Provence-Alpes-Côte d'Azur", 1),
        (("cci provence alpes cote d azur",), "CCI PROVENCE-ALPES-CÔTE D’AZUR", 1),
        (("Other", "DFM.fr"), "DFM", 2),
        (("Bpifrance Big Media - Nouvelles tendances IA 2026",), "Bpifrance Big Media", 1),
        (("Clotilde.ai - Tendances IA PME 2026",), "Clotilde.ai", 1),
        (("Bpifrance Le Lab",), "BPI France", 1),
        (("Informatique News",), "InformatiqueNews", 1),
        (("France Numérique (Magazine du numérique)",), "France Numérique", 1),
        (
            ("Multimodale, locale, agentique... quelle IA en 2025 ?",),
            "Multimodale, locale, agentique... quelle IA en 2025 ?",
            1,
        ),
        # exact beats prefix, whatever the numbers
        (("DFM.fr", "DFM"), "DFM", 2),
        # the first by number among equals
        (("Bpifrance Le Lab", "Bpifrance Le Lab"), "Bpifrance Le Lab", 1),
        (("Bpifrance Le Lab - Étude", "Bpifrance Le Lab - Rapport"), "Bpifrance Le Lab", 1),
        (("Le Monde",), "Le", 1),
        (("Le Monde",), "Monde", None),
        (("Le Monde",), "Le Mond", 1),  # compact prefix
        (("Le Monde",), "Lem", 1),
        (("Le Monde",), "Lx", None),
        (("IA",), "IA", 1),
        (("IA News",), "I", None),
        (("Bpifrance",), "Bpifrance 2024", None),
        (("McKinsey",), "", None),
    ],
)
def test_matching_rules(titles: tuple[str, ...], name: str, number: int | None) -> None:
    assert CitationMatcher.for_section(section_of(*titles)).match(name) == number


def test_match_by_url_host() -> None:
    section = section_of("Juwa", url="https://www.juwa.co/blog/x")
    assert CitationMatcher.for_section(section).match("Juwa.co") == 1


def test_raw_entries_are_not_matched() -> None:
    section = SourcesSection(
        heading="Sources",
        level=2,
        entries=(Source(number=1, title="", raw="Paris", structured=False, form="raw"),),
    )
    assert CitationMatcher.for_section(section).match("Paris") is None


def test_lists_and_partial_matches() -> None:
    linked, _, unmatched, sink = run(
        """
        Texte (Sources : Clotilde.ai, Juwa) et [Sources: GPO Mag; McKinsey 2024].

        *Sources : Clotilde.ai, Swiftask.ai, GPO Mag*

        ## Sources

        - [Clotilde.ai](https://clotilde.ai/blog)
        - [Juwa](https://juwa.co/blog)
        - [GPO Mag](https://www.gpomag.fr/x)
        """
    )
    lines = linked.split("\n")
    assert lines[0] == (
        f"Texte (Sources : {cite(1, 1, 'Clotilde.ai')}, {cite(2, 1, 'Juwa')}) et "
        f"[Sources: {cite(3, 1, 'GPO Mag')}; McKinsey 2024]."
    )
    assert lines[2] == (
        f"*Sources : {cite(1, 2, 'Clotilde.ai')}, Swiftask.ai, {cite(3, 2, 'GPO Mag')}*"
    )
    assert unmatched == ("McKinsey 2024", "Swiftask.ai")
    assert [(p.code, p.severity, p.line) for p in sink.items] == [
        ("PRZ401", Severity.WARNING, 1),
        ("PRZ401", Severity.WARNING, 3),
    ]
    assert (
        sink.items[0].message == "citation «McKinsey 2024» matches no entry of the sources section"
    )
    original = "Texte (Sources : Clotilde.ai, Juwa) et [Sources: GPO Mag; McKinsey 2024]."
    assert sink.items[0].column == original.index("McKinsey") + 1


def test_unmatched_without_section_is_info_and_text_unchanged() -> None:
    text = "Un chiffre (Source : Big Média) et (Source : Big Média).\n"
    linked, section, unmatched, sink = run(text)
    assert linked == text
    assert section is None
    assert unmatched == ("Big Média",)
    assert [(p.code, p.severity, p.line, p.column) for p in sink.items] == [
        ("PRZ401", Severity.INFO, 1, 22),
        ("PRZ401", Severity.INFO, 1, 46),
    ]
    assert "no sources section" in sink.items[0].message


def test_section_without_entries_reports_info() -> None:
    _, _, unmatched, sink = run(
        "Texte (Source : DFM).\n\n## Sources et références\n\n[Sources identiques]\n"
    )
    assert unmatched == ("DFM",)
    assert [p.severity for p in sink.items] == [Severity.INFO]


@pytest.mark.parametrize(
    "text",
    [
        "```\n(Source : DFM)\n```\n",
        "~~~python\n(Source : DFM)\n~~~\n",
        "Para.\n\n    (Source : DFM)\n",
        "Du code `(Source : DFM)` ici.\n",
        "Du code ``a ` (Source : DFM)`` ici.\n",
        "<!-- (Source : DFM) -->\n",
        "<!--\nnote (Source : DFM)\n-->\n",
        "[Source: DFM](https://dfm.fr)\n",
        "[Source: DFM][ref]\n",
        "(Source : DFM]\n",
        "(Source : )\n",
        "Une source : DFM.\n",
    ],
)
def test_untouched_places(text: str) -> None:
    body = text + "\n## Sources\n\n- [DFM](https://dfm.fr)\n"
    sink = ProblemSink("a.md")
    section = parse_sources(body, sink)
    sink.items.clear()
    linked, updated, unmatched = link_citations(body, section, sink)
    assert linked == body
    assert unmatched == ()
    assert sink.items == []
    assert updated is section


def test_list_item_continuation_is_not_code() -> None:
    linked, *_ = run(
        """
        - item

          (Source : DFM)

        ## Sources

        - [DFM](https://dfm.fr)
        """
    )
    assert cite(1, 1, "DFM") in linked


MANIFESTE = """
    En tête du classement européen¹. Aux États-Unis³, « chiffre »². Voir aussi¹⁰ et m².
    ⁴ en début de ligne et mot ⁵ isolé.

    ```
    code³
    ```

    ### Sources et références

    ¹ Eurostat (2025). *Adoption*. Statistiques.

    ² Squid Impact (2025). *Chiffres*. Étude.

    ³ AllAboutAI (2025). *Stats*. Rapport.

    ¹⁰ The Times (2025). *British firms*. Analyse.
"""


def test_superscripts() -> None:
    linked, section, unmatched, sink = run(MANIFESTE)
    lines = linked.split("\n")
    assert lines[0] == (
        f"En tête du classement européen{cite(1, 1, '¹', sup=True)}. "
        f"Aux États-Unis{cite(3, 1, '³', sup=True)}, « chiffre »{cite(2, 1, '²', sup=True)}. "
        f"Voir aussi{cite(4, 1, '¹⁰', sup=True)} et m{cite(2, 2, '²', sup=True)}."
    )
    assert lines[1] == "⁴ en début de ligne et mot ⁵ isolé."
    assert lines[4] == "code³"
    assert section is not None
    assert section.entries[3].citations == ("prizm-cite-4-1",)
    assert unmatched == ()
    assert sink.items == []


def test_unmatched_superscript() -> None:
    _, _, unmatched, sink = run("Texte⁹.\n\n## Sources\n\n¹ Eurostat (2025). *A*.\n")
    assert unmatched == ("⁹",)
    assert [(p.code, p.severity) for p in sink.items] == [("PRZ401", Severity.WARNING)]


def test_superscripts_ignored_without_superscript_section() -> None:
    text = "Surface en m² et note¹.\n\n## Sources\n\n- [Eurostat](https://ec.europa.eu)\n"
    linked, _, unmatched, sink = run(text)
    assert linked == md(text)
    assert unmatched == ()
    assert sink.items == []


def test_line_offset_and_crlf() -> None:
    body = (
        "Texte (Source : DFM).\r\nAutre (Source : Inconnu).\r\n\r\n## Sources\r\n\r\n"
        "- [DFM](https://dfm.fr)\r\n- (Source : DFM)\r\n"
    )
    sink = ProblemSink("a.md", line_offset=7)
    section = parse_sources(body, sink, line_offset=7)
    assert section is not None
    assert section.start_line == 11
    sink.items.clear()
    linked, _, unmatched = link_citations(body, section, sink, line_offset=7)
    assert linked.split("\r\n")[0] == f"Texte (Source : {cite(1, 1, 'DFM')})."
    assert linked.endswith("- (Source : DFM)\r\n")
    assert linked.count("\r\n") == body.count("\r\n")
    assert unmatched == ("Inconnu",)
    assert [p.line for p in sink.items] == [9]


def test_hostile_names_are_left_as_text() -> None:
    text = 'Texte (Source : <script>alert(1)</script>) et (Source : " onmouseover="x).\n'
    linked, _, unmatched, _ = run(text + "\n## Sources\n\n- [A](https://a.example)\n")
    assert linked.startswith(text)
    assert unmatched == ('" onmouseover="x',)


def test_many_citations_are_linear() -> None:
    entries = "\n".join(f"- [Source numéro {i}](https://example.org/{i})" for i in range(1, 2001))
    paragraph = " ".join(f"Fait (Source : Source numéro {i})." for i in range(1, 2001))
    body = paragraph + "\n\n" + ("(Source : " * 20_000) + "\n\n## Sources\n\n" + entries + "\n"
    sink = ProblemSink("big.md")
    start = time.perf_counter()
    section = parse_sources(body, sink)
    _, section, unmatched = link_citations(body, section, sink)
    elapsed = time.perf_counter() - start
    assert section is not None
    assert all(e.citations == (f"prizm-cite-{e.number}-1",) for e in section.entries)
    assert unmatched == ()
    assert elapsed < 2.0


@pytest.mark.parametrize(
    "hostile",
    [
        "(Source :" + " " * 50_000 + "x",
        "[Source:" + "a," * 50_000,
        "*Sources : " + "a, " * 30_000 + "*",
        "`" * 10_000 + "(Source : x)" + "``" * 10_000,
        "<!--" * 20_000,
        "x¹" * 30_000,
    ],
)
def test_hostile_bodies_are_fast(hostile: str) -> None:
    body = hostile + "\n\n## Sources\n\n¹ Eurostat (2025). *A*.\n"
    sink = ProblemSink("h.md")
    start = time.perf_counter()
    section = parse_sources(body, sink)
    locate_citations(body, section, sink)
    assert time.perf_counter() - start < 2.0


# --------------------------------------------------------------------------- real corpus

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")


@pytest.mark.corpus
@needs_corpus
def test_seed_citations() -> None:
    body = SEED.read_text(encoding="utf-8")
    sink = ProblemSink("seed")
    section = parse_sources(body, sink)
    linked, section, unmatched = link_citations(body, section, sink)
    assert section is not None
    assert section.entries[0].citations == ("prizm-cite-1-1", "prizm-cite-1-2", "prizm-cite-1-3")
    assert unmatched == ()
    assert sink.items == []
    assert linked.count('class="prizm-cite"') == 3
    assert unlink(linked) == body


EXPECTED = {
    # name: (linked citations, unmatched names)
    "2025-08-12-manifeste-prizm-ai-c9f325b7.md": (7, ()),
    "2025-08-15-ia-generative-et-productivite-opportunites-concretes-pour-pm-185fb4cc.md": (15, ()),
    "2026-01-11-les-agents-ia-autonomes-deviennent-la-norme-pour-les-pme-en--32d60efd.md": (
        4,
        ("McKinsey 2024", "France Num 2024"),
    ),
    "2026-01-12-agents-ia-autonomes-la-fin-des-chatbots-passifs-pour-les-pme-97705f65.md": (16, ()),
    "2026-01-12-la-gouvernance-des-donnees-cle-de-voute-des-projets-ia-en-en-1583485e.md": (9, ()),
    "2026-01-12-les-agents-ia-multimodaux-quand-la-voix-et-l-image-transform-a84365c5.md": (10, ()),
    "2025-07-30-lia-dans-votre-pme-etes-vous-pret-a-franchir-le-pas-le-plan--8206ef03.md": (
        0,
        ("Banque des Territoires", "DFM", "Big Média"),
    ),
}


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_corpus_citations(name: str, expected: tuple[int, tuple[str, ...]]) -> None:
    body = (CORPUS / name).read_text(encoding="utf-8")
    sink = ProblemSink(name)
    section = parse_sources(body, sink)
    linked, section, unmatched = link_citations(body, section, sink)
    assert (linked.count('class="prizm-cite'), unmatched) == expected
    total = sum(len(e.citations) for e in section.entries) if section else 0
    assert total == expected[0]
    assert unlink(linked) == body


@pytest.mark.corpus
@needs_corpus
def test_whole_corpus_links_without_error() -> None:
    linked_total = 0
    for path in sorted(CORPUS.glob("*.md")):
        body = path.read_text(encoding="utf-8")
        sink = ProblemSink(path.name)
        section = parse_sources(body, sink)
        linked, _, _ = link_citations(body, section, sink)
        linked_total += linked.count('class="prizm-cite')
        assert unlink(linked) == body
    assert linked_total >= 90


# -- positions and links ------------------------------------------------------------------


def test_citations_are_positions_in_the_body() -> None:
    body = md(MANIFESTE)
    sink = ProblemSink("a.md")
    section = parse_sources(body, sink)
    citations, _, _ = locate_citations(body, section, sink)
    first = citations[0]
    assert first == Citation(1, first.start, first.end, 1, 1, superscript=True)
    assert body.split("\n")[0][first.start : first.end] == "¹"
    assert (first.anchor, first.target) == ("prizm-cite-1-1", "prizm-source-1")
    assert locate_citations("Rien à citer ici.", None, ProblemSink("a.md")) == ((), None, ())


@pytest.mark.parametrize(
    "line",
    [
        "[voir (Source : Alpha)](https://x.example/)",
        "[voir (Source : Alpha)][ref]",
        '<a href="https://x.example/">voir (Source : Alpha)</a>',
        "![graphique (Source : Alpha)](chart.png)",
    ],
)
def test_no_citation_link_inside_a_link(line: str) -> None:
    """A link inside a link is not HTML: such a citation stays as written."""
    body = f"{line}\n\n## Sources\n\n1. **Alpha** - Fiabilité : 8/10\n"
    sink = ProblemSink("a.md")
    section = parse_sources(body, sink)
    citations, _, unmatched = locate_citations(body, section, sink)
    assert citations == ()
    assert unmatched == ()


def test_a_citation_beside_a_link_is_linked() -> None:
    body = "[voir](https://x.example/) (Source : Alpha)\n\n## Sources\n\n1. **Alpha**\n"
    sink = ProblemSink("a.md")
    section = parse_sources(body, sink)
    linked, _, _ = link_citations(body, section, sink)
    assert linked.split("\n")[0] == f"[voir](https://x.example/) (Source : {cite(1, 1, 'Alpha')})"


@pytest.mark.parametrize(
    "cited",
    [
        "Optimia citant Gartner",
        "Optimia, citant Gartner",
        "Optimia d'après Gartner",
        "Optimia via X",
    ],
)
def test_a_relayed_citation_cites_its_first_source(cited: str) -> None:
    body = f"Un chiffre (Source : {cited}).\n\n## Sources\n\n1. **Optimia** - Étude\n"
    sink = ProblemSink("a.md")
    section = parse_sources(body, sink)
    linked, _, unmatched = link_citations(body, section, sink)
    assert unmatched == ()
    assert cite(1, 1, "Optimia") in linked
    assert [p for p in sink.items if p.code == "PRZ401"] == []
