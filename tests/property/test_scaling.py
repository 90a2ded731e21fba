"""Linear scaling of the whole pipeline on pathological inputs (see ``tests.timing``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mkdocs_prizm.core.pipeline import analyse
from tests.timing import best_of_three, bound, scaling

FRONT_MATTER = "---\ntitle: Essai\ndate: 2025-07-29\nauthor: Prizm AI\n---\n\n"
SECTION = "\n\n## Sources et références\n\n"


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


@pytest.mark.parametrize("name", list(GENERATORS))
def test_linear_scaling(name: str) -> None:
    measured = scaling(analyse, lambda n: FRONT_MATTER + GENERATORS[name](n))
    assert not measured, f"{name}: {measured}"


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

    measured = scaling(analyse, make)
    assert not measured, f"{name}: {measured}"


def test_a_large_article_stays_linear() -> None:
    # 70 kB of ordinary cited prose against 700 kB.
    body = "Un mot et un autre, (Source : A). " * 2_000
    small = best_of_three(analyse, FRONT_MATTER + body)
    large = best_of_three(analyse, FRONT_MATTER + body * 10, enough=bound(small))
    assert large <= bound(small), f"70 kB took {small:.3f}s, 700 kB took {large:.3f}s"
