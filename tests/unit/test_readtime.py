"""Tests for mkdocs_prizm.core.readtime."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
import yaml

from mkdocs_prizm.core.article import ReadingTime
from mkdocs_prizm.core.readtime import (
    DEFAULT_WPM,
    IMAGE_SECONDS,
    count_words,
    disagrees,
    estimate_minutes,
    parse_declared,
    reading_time,
)
from tests.timing import scaling

SEED = Path("/work/shared/seed/000_3a96af19274584b3.txt")
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "prizmia"
RE_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = RE_FRONT.match(text)
    if match is None:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    assert isinstance(meta, dict)
    return meta, text[match.end() :]


# -- count_words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("", (0, 0), id="empty"),
        pytest.param("Un deux trois", (3, 0), id="plain"),
        pytest.param("87% des PME", (3, 0), id="percent-is-one-word"),
        pytest.param("87 % des PME", (3, 0), id="spaced-percent-sign-not-a-word"),
        pytest.param("3,5 millions et 1.5 million", (5, 0), id="decimal-numbers"),
        pytest.param("peut-être Provence-Alpes-Côte", (2, 0), id="hyphenated"),
        pytest.param("l'IA d’un", (4, 0), id="elisions-split"),
        pytest.param("L'IA, qu'il jusqu'à lorsqu'on", (8, 0), id="elision-prefixes"),
        pytest.param("aujourd'hui Prizm's don't", (3, 0), id="apostrophes-that-are-not-elisions"),
        pytest.param("[le lien](https://example.com/a-b-c) ici", (3, 0), id="link-text-only"),
        pytest.param('[lien](https://example.com "Un titre") ici', (2, 0), id="link-title"),
        pytest.param("[lien][ref] ici\n\n[ref]: https://example.com", (2, 0), id="reference-link"),
        pytest.param("![une image](/a/b.png) texte", (1, 1), id="markdown-image"),
        pytest.param("![alt][logo] texte", (1, 1), id="reference-image"),
        pytest.param('<img src="a.png" alt="un deux"> texte', (1, 1), id="html-image"),
        pytest.param("[![badge](b.svg)](https://ci.example.com)", (0, 1), id="linked-image"),
        pytest.param("<!-- note interne\nScore : 100% -->\nTexte", (1, 0), id="html-comment"),
        pytest.param("<!-- jamais fermé\nbeaucoup de mots", (0, 0), id="unclosed-comment"),
        pytest.param("<div class='x'>un <b>deux</b></div>", (2, 0), id="html-tags"),
        pytest.param("<script>var a = b;</script>mot", (1, 0), id="script-content"),
        pytest.param("# Titre\n\n## Sous-titre", (2, 0), id="heading-markers"),
        pytest.param("- un\n* deux\n+ trois\n• quatre", (4, 0), id="bullets"),
        pytest.param("1. un\n2) deux\n10. trois", (3, 0), id="ordered-list-numbers"),
        pytest.param("**gras** _italique_ ~~barré~~", (3, 0), id="emphasis"),
        pytest.param("une note[^1] ici\n\n[^1]: Le texte lu.", (6, 0), id="footnotes"),
        pytest.param("Source⁸ et ¹²", (2, 0), id="superscript-markers"),
        pytest.param("voir https://example.com/x?y=1 ici", (2, 0), id="bare-url"),
        pytest.param("<https://example.com> ici", (1, 0), id="autolink"),
        pytest.param("A&nbsp;B &amp; C", (3, 0), id="entities"),
        pytest.param("## Titre { #ancre .classe }", (1, 0), id="attribute-list"),
        pytest.param('!!! note "Un titre"\n    Corps', (3, 0), id="admonition-marker"),
        pytest.param("utilisez `pip install` ici", (4, 0), id="inline-code-counts"),
        pytest.param("| a | b |\n|---|---|\n| c | d |", (4, 0), id="table"),
        pytest.param("> une citation", (2, 0), id="blockquote"),
        pytest.param("snake_case", (2, 0), id="underscore-separates"),
    ],
)
def test_count_words(markdown: str, expected: tuple[int, int]) -> None:
    assert count_words(markdown) == expected


FENCED = dedent(
    """\
    Avant le code.

    ```python
    def f(x):
        return x
    ```

    ~~~~
    ![pas une image](a.png)
    ~~~~

    Après.
    """
)


@pytest.mark.parametrize(
    ("include_code", "expected"),
    [
        pytest.param(False, (4, 0), id="code-skipped"),
        # + def, f, x, return, x and pas, une, image, a, png; never an image, never "python"
        pytest.param(True, (14, 0), id="code-counted"),
    ],
)
def test_fenced_code(include_code: bool, expected: tuple[int, int]) -> None:
    assert count_words(FENCED, include_code=include_code) == expected


def test_unclosed_fence_runs_to_end() -> None:
    text = dedent(
        """\
        Un deux.

        ````
        code sans fin
        ```
        encore
        """
    )
    assert count_words(text) == (2, 0)
    assert count_words(text, include_code=True) == (2 + 4, 0)


@pytest.mark.parametrize(
    ("markdown", "split", "expected"),
    [
        ("l'IA d’un l’État", True, 6),
        ("l'IA d’un l’État", False, 3),
        ("qu'est-ce", True, 2),
        ("qu'est-ce", False, 1),
    ],
)
def test_split_elisions_option(markdown: str, split: bool, expected: int) -> None:
    assert count_words(markdown, split_elisions=split)[0] == expected


def test_front_matter_left_in_is_ignored() -> None:
    text = dedent(
        """\
        ---
        title: "Un titre de cinq mots"
        ---
        Corps.
        """
    )
    assert count_words(text) == (1, 0)


@pytest.mark.parametrize(
    "unit",
    ["![", "](", "[^", "{.", "![a](", '](x "', "<a ", "<img ", "<http://", "<script", "`a "],
)
def test_linear_on_adversarial_input(unit: str) -> None:
    measured = scaling(count_words, lambda n: unit * n, start=1_000)
    assert not measured, f"{unit!r} repeated: {measured}"


# -- estimate_minutes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "images", "wpm", "expected"),
    [
        (0, 0, 214, 1),
        (1, 0, 214, 1),
        (214, 0, 214, 1),
        (215, 0, 214, 2),
        (428, 0, 214, 2),
        (429, 0, 214, 3),
        (0, 5, 214, 1),  # 60 s exactly
        (0, 6, 214, 2),  # 72 s
        (214, 5, 214, 2),
        (2380, 0, 238, 10),
    ],
)
def test_estimate_minutes(words: int, images: int, wpm: int, expected: int) -> None:
    assert estimate_minutes(words, images, wpm) == expected


def test_image_seconds_is_flat() -> None:
    assert IMAGE_SECONDS == 12
    assert estimate_minutes(0, 50, 214) == 10


@pytest.mark.parametrize("wpm", [0, -1])
def test_estimate_minutes_rejects_bad_speed(wpm: int) -> None:
    with pytest.raises(ValueError, match="reading speed"):
        estimate_minutes(100, 0, wpm)


# -- parse_declared --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3 min", 3),
        ("3", 3),
        (3, 3),
        ("3 minutes", 3),
        ("3 minute", 3),
        ("3 mn", 3),
        ("3min", 3),
        ("3 Min.", 3),
        ("  9 min  ", 9),
        ("3.5 min", 4),
        ("3,5 min", 4),
        (3.5, 4),
        (3.0, 3),
        ("1 h 5 min", 65),
        ("1h05", 65),
        ("2 heures", 120),
        ("~3 min", 3),
        ("3 min de lecture", 3),
        ("5 min read", 5),
        ("PT3M", 3),
        ("PT1H5M", 65),
        (True, None),
        (False, None),
        (None, None),
        ("huit", None),
        ("", None),
        ("min", None),
        ("0", None),
        (0, None),
        ("-3 min", None),
        (-3, None),
        (float("nan"), None),
        (float("inf"), None),
        (["3 min"], None),
        ("3 min 30 s", None),
        ("3" + " " * 10_000 + "x", None),
        ("3 min" + " " * 100 + "de lecture", None),
    ],
)
def test_parse_declared(value: object, expected: int | None) -> None:
    assert parse_declared(value) == expected


# -- reading_time ----------------------------------------------------------------------------


def test_reading_time_declared_wins() -> None:
    rt = reading_time("mot " * 1000, declared="3 min")
    assert rt == ReadingTime(
        minutes=3,
        declared="3 min",
        declared_minutes=3,
        computed_minutes=5,
        words=1000,
        images=0,
    )


def test_reading_time_unreadable_declaration_keeps_text() -> None:
    rt = reading_time("mot " * 1000, declared="huit")
    assert rt.declared == "huit"
    assert rt.declared_minutes is None
    assert rt.minutes == rt.computed_minutes == 5


@pytest.mark.parametrize(
    ("language", "expected_wpm"),
    [("fr", 214), ("fr_FR", 214), ("fr-CA", 214), ("en", 238), ("en_US", 238), ("de", 238)],
)
def test_reading_time_language_speed(language: str, expected_wpm: int) -> None:
    words = expected_wpm * 3
    assert reading_time("mot " * words, language=language).computed_minutes == 3
    assert reading_time("mot " * (words + 1), language=language).computed_minutes == 4


def test_reading_time_options() -> None:
    text = "l'IA " * 100 + "\n```\n" + "code " * 300 + "\n```\n"
    assert reading_time(text, wpm=100).words == 200
    assert reading_time(text, wpm=100).computed_minutes == 2
    assert reading_time(text, wpm=100, split_elisions=False).words == 100
    assert reading_time(text, wpm=100, include_code=True).computed_minutes == 5


def test_default_wpm() -> None:
    assert DEFAULT_WPM == {"fr": 214, "en": 238}


# -- disagrees -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "computed", "expected"),
    [
        (None, 5, False),
        (3, 3, False),
        (1, 2, False),  # 50 % off but only one minute
        (1, 3, True),  # 2 min, more than 50 % of 3
        (7, 12, False),  # 5 min, within 50 % of 12
        (5, 12, True),  # 7 min > 6
        (20, 12, True),
        (3, 6, False),  # exactly 50 %: not more
    ],
)
def test_disagrees(declared: int | None, computed: int, expected: bool) -> None:
    rt = ReadingTime(
        minutes=declared or computed, declared_minutes=declared, computed_minutes=computed
    )
    assert disagrees(rt) is expected


def test_disagrees_tolerance() -> None:
    rt = ReadingTime(minutes=7, declared_minutes=7, computed_minutes=12)
    assert not disagrees(rt)
    assert disagrees(rt, tolerance=0.25)


# -- real articles ---------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.is_file(), reason="seed article not available")
def test_seed_article_reading_time() -> None:
    meta, body = split_front_matter(SEED.read_text(encoding="utf-8"))
    rt = reading_time(body, language="fr", declared=meta.get("readingTime"))
    print(f"seed: {rt}")  # noqa: T201
    assert rt.declared_minutes == 3
    assert 350 <= rt.words <= 700
    assert 2 <= rt.computed_minutes <= 4
    assert not disagrees(rt)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available")
def test_corpus_reading_times() -> None:
    paths = sorted(CORPUS.glob("*.md"))
    assert paths
    rows = []
    for path in paths:
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        declared = meta.get("readingTime")
        rt = reading_time(body, language="fr", declared=declared)
        if declared is not None:
            assert rt.declared_minutes is not None, f"{path.name}: {declared!r} does not parse"
        assert rt.computed_minutes >= 1
        rows.append((path.name, rt))
    declared_count = sum(rt.declared_minutes is not None for _, rt in rows)
    flagged = [name for name, rt in rows if disagrees(rt)]
    print(  # noqa: T201
        f"corpus: {len(rows)} articles, {declared_count} declared, {len(flagged)} disagree"
    )
    assert declared_count >= len(rows) // 2
    # the corpus' declared times were written from the text: few should be far off
    assert len(flagged) <= len(rows) // 10


def test_elision_after_a_leading_apostrophe_counts() -> None:
    # "'l'IA": the second apostrophe elides "l" (an earlier version stopped at the first one).
    assert count_words("'l'IA est là") == (4, 0)
    assert count_words("l'IA, jusqu'ici, qu'il, aujourd'hui") == (7, 0)


def test_underscore_separates_words_and_elisions() -> None:
    assert count_words("snake_case _l'IA") == (4, 0)
