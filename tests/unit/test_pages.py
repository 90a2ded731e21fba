"""What the plugin reads from MkDocs pages: an article's file, read again."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from mkdocs_prizm import pages


def _page(file: File) -> Page:
    return Page("Essai", file, MkDocsConfig())


def test_the_file_is_read_as_mkdocs_reads_it(tmp_path: Path) -> None:
    head = '\ufeff---\r\ntitle: "Essai"\r\ntitle: Encore\r\n---\r\n\r\n# Titre\r\n'
    whole = head + "Texte.\r\n" * 1000
    (tmp_path / "a.md").write_bytes(whole.encode())
    file = File("a.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    # Without the byte-order mark, with Unix newlines.
    assert pages.file_text(_page(file)) == whole[1:].replace("\r\n", "\n")


def test_a_file_in_memory_or_missing(tmp_path: Path) -> None:
    made = File("b.md", None, str(tmp_path / "site"), use_directory_urls=True)
    made.content_string = "---\ntitle: B\n---\nTexte.\n"
    made.generated_by = "another plugin"
    assert pages.file_text(_page(made)) == "---\ntitle: B\n---\nTexte.\n"
    gone = File("c.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    assert pages.file_text(_page(gone)) is None
