"""How to cite an article (``core/citing.py``): BibTeX escaping, keys, plain citations."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mkdocs_prizm.core.citing import (
    CitedWork,
    bibtex_entry,
    bibtex_escape,
    bibtex_key,
    bibtex_url,
    join_names,
    plain_citation,
)

WORK = CitedWork(
    title="L'IA générative dans les PME",
    authors=("Jeanne Dupont",),
    date=dt.date(2025, 7, 29),
    site_name="Prizm AI",
    url="https://example.org/prizm/ia/",
    language="fr",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain text", "Plain text"),
        ("L'IA générative à 87 %", r"L'IA générative à 87 \%"),
        ("R&D", r"R\&D"),
        ("{lone brace", r"\textbraceleft{}lone brace"),
        ("closing}", r"closing\textbraceright{}"),
        ("$5 #1 a_b", r"\$5 \#1 a\_b"),
        ("x^2 ~ y", r"x\^{}2 \~{} y"),
        ("back\\slash", r"back\textbackslash{}slash"),
        ("two\nlines  and   spaces", "two lines and spaces"),
        ("Ça coûte 10 €, naïf", "Ça coûte 10 €, naïf"),  # accents stay UTF-8
        ("", ""),
    ],
)
def test_bibtex_escape(text: str, expected: str) -> None:
    assert bibtex_escape(text) == expected


@pytest.mark.parametrize(
    "text",
    ["{", "}", "}{", "a { b", "\\{", "%{}}}"],
)
def test_bibtex_escape_keeps_braces_balanced(text: str) -> None:
    escaped = bibtex_escape(text)
    depth = 0
    for char in escaped:  # BibTeX counts every brace, even after a backslash
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a_b?q=1&r=%20#top", "https://example.org/a_b?q=1&r=%20#top"),
        ("https://example.org/{x}", "https://example.org/%7Bx%7D"),
        ("https://example.org/a b", "https://example.org/a%20b"),
    ],
)
def test_bibtex_url(url: str, expected: str) -> None:
    assert bibtex_url(url) == expected


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({}, "dupont2025generative"),
        (
            {"authors": ("Prizm AI",), "organizations": frozenset({"Prizm AI"})},
            "prizmai2025generative",
        ),
        ({"authors": ()}, "prizmai2025generative"),  # the site's name
        ({"date": None}, "dupontgenerative"),
        ({"title": "Éléphants et IA"}, "dupont2025elephants"),
        ({"title": "The AI Act for small businesses"}, "dupont2025small"),
        ({"title": "", "authors": (), "site_name": "", "date": None}, "article"),
    ],
)
def test_bibtex_key(changes: dict[str, object], key: str) -> None:
    work = dataclasses.replace(WORK, **changes)
    assert bibtex_key(work) == key
    assert bibtex_key(work) == bibtex_key(work)


def test_bibtex_entry() -> None:
    work = dataclasses.replace(
        WORK,
        title="Coûts & {gains} : 50 %",
        authors=("Jeanne Dupont", "Prizm AI"),
        organizations=frozenset({"Prizm AI"}),
    )
    assert bibtex_entry(work) == (
        "@online{dupont2025couts,\n"
        "  author = {Jeanne Dupont and {Prizm AI}},\n"
        r"  title = {Coûts \& \textbraceleft{}gains\textbraceright{} : 50 \%}," + "\n"
        "  date = {2025-07-29},\n"
        "  organization = {Prizm AI},\n"
        "  url = {https://example.org/prizm/ia/},\n"
        "  langid = {french},\n"
        "}"
    )


def test_bibtex_entry_leaves_out_empty_fields() -> None:
    work = CitedWork(title="Sans date", language="en")
    assert bibtex_entry(work) == "@online{date,\n  title = {Sans date},\n  langid = {english},\n}"


@pytest.mark.parametrize(
    ("names", "language", "joined"),
    [
        ((), "fr", ""),
        (("A",), "fr", "A"),
        (("A", "B"), "fr", "A et B"),
        (("A", "B", "C"), "fr", "A, B et C"),
        (("A", "B"), "en", "A and B"),
        (("A", "B", "C"), "en", "A, B, and C"),
    ],
)
def test_join_names(names: tuple[str, ...], language: str, joined: str) -> None:
    assert join_names(names, language) == joined


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        (
            {},
            f"Jeanne Dupont. «{NBSP}L'IA générative dans les PME{NBSP}». Prizm AI, "
            "29 juillet 2025. https://example.org/prizm/ia/",
        ),
        (
            {"language": "en", "title": "Generative AI in SMEs"},
            "Jeanne Dupont. \u201cGenerative AI in SMEs.\u201d Prizm AI, July 29, 2025. "
            "https://example.org/prizm/ia/",
        ),
        (
            {"authors": ("A", "B"), "url": "", "site_name": ""},
            f"A et B. «{NBSP}L'IA générative dans les PME{NBSP}». 29 juillet 2025.",
        ),
        (
            {"authors": (), "date": None, "url": ""},
            f"«{NBSP}L'IA générative dans les PME{NBSP}». Prizm AI.",
        ),
    ],
)
def test_plain_citation(changes: dict[str, object], text: str) -> None:
    work = dataclasses.replace(WORK, **changes)
    assert plain_citation(work) == text
