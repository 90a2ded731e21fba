"""What the plugin reads from MkDocs pages: the start of an article's file, read again."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from mkdocs_prizm import pages


def _page(file: File) -> Page:
    return Page("Essai", file, MkDocsConfig())


def test_the_start_of_the_file_is_read_as_far_as_its_front_matter(tmp_path: Path) -> None:
    head = '\ufeff---\r\ntitle: "Essai"\r\ntitle: Encore\r\n---\r\n\r\n# Titre\r\n'
    (tmp_path / "a.md").write_bytes((head + "Texte.\r\n" * 1000).encode())
    file = File("a.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    # As MkDocs reads it: without the byte-order mark, with Unix newlines.
    assert pages.front_matter_text(_page(file)) == head[1:].replace("\r\n", "\n")


def test_a_file_in_memory_or_missing(tmp_path: Path) -> None:
    made = File("b.md", None, str(tmp_path / "site"), use_directory_urls=True)
    made.content_string = "---\ntitle: B\n---\nTexte.\n"
    made.generated_by = "another plugin"
    assert pages.front_matter_text(_page(made)) == "---\ntitle: B\n---\nTexte.\n"
    gone = File("c.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    assert pages.front_matter_text(_page(gone)) is None
