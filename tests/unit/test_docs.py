"""The documentation lists every problem code and every option."""

from __future__ import annotations

from pathlib import Path

from mkdocs_prizm.core.options import option_docs
from mkdocs_prizm.core.problems import CODES

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_problem_code_is_documented() -> None:
    text = (DOCS / "problem-codes.md").read_text(encoding="utf-8")
    assert [code for code in CODES if f"`{code}`" not in text] == []


def test_every_option_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert [name for name, _, _ in option_docs() if f"### `{name}`" not in text] == []
