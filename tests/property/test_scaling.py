"""Linear scaling on pathological inputs: ten times the input must not take much more than ten
times the time.

For each generator, ``n`` is doubled until ``process_source`` takes at least ~20 ms, then the
best of three runs at ``n`` and at ``10 n`` are compared with a generous bound
(``t(10n) <= 20 t(n) + 50 ms``): a quadratic algorithm gives about 100 times.  The runs at
``10 n`` stop at the first within the bound (the best of three is within it if any run is).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from mkdocs_prizm.core.pipeline import analyse

FRONT_MATTER = "---\ntitle: Essai\ndate: 2025-07-29\nauthor: Prizm AI\n---\n\n"
SECTION = "\n\n## Sources et références\n\n"
TARGET_SECONDS = 0.02
EPSILON_SECONDS = 0.05
MAX_N = 1 << 20


def _unclosed(n: int) -> str:
    return "Texte <!-- jamais fermé " * n + "\n" + "<!-- ARTICLE FINAL\n" * n


def _closed(n: int) -> str:
    return "Mot <!-- commentaire --> et <!-- Score intégrité : 9% --> suite " * n


def _reliability(n: int) -> str:
    return "Fiabilité : " * n + SECTION + "1. **Titre** - " + "Fiabilité : 8/10 " * n


def _citations(n: int) -> str:
    return "(Source : " * n + " (Source : A)" * n + SECTION + "1. **A** - Type\n"


def _backticks(n: int) -> str:
    return "".join("`" * (k % 7 + 1) + "x <!--" for k in range(n))


def _entries(n: int) -> str:
    entries = "\n".join(
        f"{k + 1}. **Éditeur {k}** - Étude\n   - Date : 24/06/2025\n"
        f"   - URL : https://example.org/{k}\n   - Fiabilité : {k % 11}/10"
        for k in range(n)
    )
    return "Texte (Source : Éditeur 7).\n\n" + SECTION + entries + "\n"


def _links(n: int) -> str:
    return "[](" * n + "\n" + "![" * n + "\n" + "[" * n + "](" * n + SECTION + "- [A](" * n


def _figures_and_brackets(n: int) -> str:
    return "87 % <x " * n


GENERATORS: dict[str, Callable[[int], str]] = {
    "unclosed <!--": _unclosed,
    "closed <!--": _closed,
    "Fiabilité :": _reliability,
    "(Source :": _citations,
    "backtick runs": _backticks,
    "sources entries": _entries,
    "[]( and ![": _links,
    "figures and unclosed <": _figures_and_brackets,
}


def _best_of_three(text: str, enough: float = 0.0) -> float:
    """The CPU time of the quickest of three runs (other processes' load barely moves it), or
    of the first run taking at most ``enough`` seconds."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        analyse(text, "article.md")
        best = min(best, time.process_time() - start)
        if best <= enough:
            break
    return best


def _within_bound(make: Callable[[int], str]) -> tuple[int, float, float]:
    """``n``, the time at ``n`` and the time at ``10 n`` (see the module's docstring)."""
    n = 16
    small = _best_of_three(make(n))
    while small < TARGET_SECONDS and n < MAX_N:
        n *= 2
        small = _best_of_three(make(n))
    large = _best_of_three(make(10 * n), enough=20 * small + EPSILON_SECONDS)
    return n, small, large


@pytest.mark.parametrize("name", list(GENERATORS))
def test_linear_scaling(name: str) -> None:
    n, small, large = _within_bound(lambda n: FRONT_MATTER + GENERATORS[name](n))
    assert large <= 20 * small + EPSILON_SECONDS, (
        f"{name}: n={n} took {small:.3f}s, 10n took {large:.3f}s"
    )


def _keys(n: int) -> str:
    return "".join(f"cle{k}: valeur {k}\n" for k in range(n))


def _bad_items(n: int) -> str:
    return "tags: [" + ", ".join(f"[a{k}, [b, [c]]]" for k in range(n)) + "]\n"


def _duplicates(n: int) -> str:
    return "".join(f"titre: valeur {k}\n" for k in range(n))


def _bad_values(n: int) -> str:
    return "".join(f"d{k}: 2025-02-30\n" for k in range(n))


def _shared(n: int) -> str:
    return "base: &b {nom: x}\n" + "".join(f"k{k}: *b\n" for k in range(n))


def _controls(n: int) -> str:
    return "x: 1\n---\n\n" + "mot\x1b[0m\n" * n + "---\nfin: 1\n"


FRONT_MATTER_GENERATORS: dict[str, Callable[[int], str]] = {
    "many keys": _keys,
    "wrong list items": _bad_items,
    "duplicate keys": _duplicates,
    "impossible dates": _bad_values,
    "small aliases": _shared,
    "control characters": _controls,
}


@pytest.mark.parametrize("name", list(FRONT_MATTER_GENERATORS))
def test_linear_scaling_of_front_matter(name: str) -> None:
    def make(n: int) -> str:
        return "---\ntitle: Essai\ndate: 2025-07-29\nauthor: Prizm AI\n" + (
            FRONT_MATTER_GENERATORS[name](n) + "---\n\nTexte.\n"
        )

    n, small, large = _within_bound(make)
    assert large <= 20 * small + EPSILON_SECONDS, (
        f"{name}: n={n} took {small:.3f}s, 10n took {large:.3f}s"
    )


def test_a_large_article_stays_linear() -> None:
    # 70 kB of ordinary cited prose against 700 kB.
    body = "Un mot et un autre, (Source : A). " * 2_000
    small = _best_of_three(FRONT_MATTER + body)
    bound = 20 * small + EPSILON_SECONDS
    large = _best_of_three(FRONT_MATTER + body * 10, enough=bound)
    assert large <= bound, f"70 kB took {small:.3f}s, 700 kB took {large:.3f}s"
