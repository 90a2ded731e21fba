"""Bad front matter on real builds: each fault is reported with file, line and column, the
build finishes, no traceback, and ``--strict`` fails."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import BuildSite, run_build

THEMES: dict[str, Any] = {
    "mkdocs": {"theme": "mkdocs"},
    "material": {"theme": {"name": "material", "font": False}},
}

HEAD = "---\ntitle: Essai {name}\nauthor: Prizm AI\nreadingTime: 1 min\n"
BODY = "---\n\nLe texte de {name}.\n"

#: page → (the line added to the front matter at line 5, the problem expected at 5).
BAD_VALUES: dict[str, tuple[str, str]] = {
    "feb30": ("date: 2025-02-30", "5:7: warning PRZ108"),
    "month13": ("date: 2025-13-01", "5:7: warning PRZ108"),
    "hour25": ("date: 2025-06-24 25:00:00", "5:7: warning PRZ108"),
    "offset": ("date: 2025-06-24 10:00:00 +99:00", "5:7: warning PRZ108"),
    "int": ("sources: !!int abc", "5:10: warning PRZ108"),
    "bool": ("featured: !!bool maybe", "5:11: warning PRZ108"),
    "timestamp": ("date: !!timestamp nope", "5:7: warning PRZ108"),
    "duplicate": ("title: Encore", "5:1: warning PRZ109"),
    "sexagesimal": ("readingTime: 12:30", "5:1: warning PRZ114"),
    "norwegian": ("lang: NO", "5:1: warning PRZ114"),
    "unknown_lang": ("lang: xx", "5:1: warning PRZ112"),
    "future": ("date: 2999-01-01", "5:1: warning PRZ111"),
    "control": ('description: "a\\e[31mb"', "5:1: warning PRZ110"),
}


def pages() -> dict[str, str]:
    built = {"index.md": "# Accueil\n"}
    for name, (line, _) in BAD_VALUES.items():
        built[f"{name}.md"] = HEAD.format(name=name) + line + "\n" + BODY.format(name=name)
    built["second.md"] = (
        HEAD.format(name="second") + "---\n\n---\ndate: 2025-02-30\n---\n\nLe texte de second.\n"
    )
    # Windows newlines and a byte-order mark: the keys' lines are read again from the file.
    built["crlf.md"] = "\ufeff" + (
        HEAD.format(name="crlf") + "title: Encore\n" + BODY.format(name="crlf")
    ).replace("\n", "\r\n")
    built["body_controls.md"] = (
        HEAD.format(name="body") + "date: 2025-01-01\n---\n\nUn \x1b[31mmot\x00 en couleur.\n"
    )
    built["bomb.md"] = (
        "---\ntitle: Bombe\nauthor: A\ndate: 2025-01-01\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join([f'*{chr(97 + k)}'] * 9)}]\n"
            for k in range(7)
        )
        + "tags: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n---\n\nLe texte de la bombe.\n"
    )
    return built


@pytest.mark.parametrize("theme", list(THEMES))
def test_bad_values_are_reported_and_the_site_builds(build_site: BuildSite, theme: str) -> None:
    built = pages()
    config = {**THEMES[theme], "plugins": [{"prizm": {"strict_errors": False}}]}
    build = build_site(built, config, env={"SOURCE_DATE_EPOCH": "1753747200"})
    assert build.ok, build.log
    assert "Traceback" not in build.log
    for name, (_, where) in BAD_VALUES.items():
        assert f"{name}.md:{where}" in build.log, (name, build.log)
        text = build.soup(f"{name}.md").get_text()
        assert f"Le texte de {name}." in text
        assert "---" not in text.split("Le texte")[0][-200:]
    assert "second.md:8:7: warning PRZ108" in build.log
    assert "bomb.md:1:1: error PRZ113" in build.log  # MkDocs read the YAML: no line
    assert "Le texte de la bombe." in build.soup("bomb.md").get_text()
    assert "body_controls.md:8:4: warning PRZ110" in build.log
    assert "crlf.md:5:1: warning PRZ109" in build.log
    html = build.html("body_controls.md")
    assert "\x1b" not in html
    assert "\x00" not in html
    for name in ("control", "duplicate"):
        assert "\x1b" not in build.html(f"{name}.md")
    assert "<title>Encore" in build.html("duplicate.md")


def test_strict_fails_on_a_bad_value(build_site: BuildSite) -> None:
    page = HEAD.format(name="x") + "date: 2025-02-30\n" + BODY.format(name="x")
    lenient = build_site({"bad.md": page}, THEMES["mkdocs"])
    assert lenient.ok, lenient.log
    assert "bad.md:5:7: warning PRZ108" in lenient.log
    assert "Le texte de x." in lenient.soup("bad.md").get_text()
    strict = build_site({"bad.md": page}, THEMES["mkdocs"], strict=True)
    assert not strict.ok
    assert "Traceback" not in strict.log


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"authors:\n  prizm:\n    name: Prizm\n    since: 2025-02-30\n", ".authors.yml:4:12"),
        (b"authors:\n  prizm:\n    name: !!int abc\n", ".authors.yml:3:11"),
        (b"authors:\n  prizm:\n    name: \xe9quipe\n", ".authors.yml:1:"),
    ],
)
def test_bad_authors_file(build_site: BuildSite, content: bytes, expected: str) -> None:
    page = HEAD.format(name="x") + "date: 2025-01-01\n" + BODY.format(name="x")
    build = build_site({"a.md": page, ".authors.yml": "placeholder\n"}, THEMES["mkdocs"])
    project = build.project
    (project / "docs" / ".authors.yml").write_bytes(content)

    build = run_build(project)
    assert "Traceback" not in build.log
    assert "PRZ602" in build.log
    assert expected in build.log
    assert "Le texte de x." in build.soup("a.md").get_text()
