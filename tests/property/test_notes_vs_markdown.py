"""Notes and code as Python-Markdown sees them: on generated documents mixing prose, notes
(well-formed, almost closed, unclosed), directives, fences of every form, indented code and
code spans, every sentence reaches the page and no note does, outside code."""

from __future__ import annotations

from dataclasses import dataclass, field

import markdown
import pytest
from bs4 import BeautifulSoup, Comment
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_prizm.core.pipeline import analyse
from mkdocs_prizm.render import Renderer, RenderOptions, article_markdown, make_environment

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
EXTENSIONS = {
    "fenced_code": ["toc", "tables", "fenced_code"],
    "superfences": ["toc", "tables", "pymdownx.highlight", "pymdownx.superfences"],
}


@dataclass
class Doc:
    """A generated page, the sentences it must show and the note words it must not."""

    blocks: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)
    directives: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


FENCE_HEADERS = ["", "python", ".python", "{ .python }", 'python title="x.py"', "foo bar!"]
ALMOST = ["–>", "—>", "‐>", "-- >", "--!>"]


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    doc = Doc()
    counter = 0

    def word(prefix: str) -> str:
        nonlocal counter
        counter += 1
        return f"{prefix}{counter}q"

    def sentence() -> str:
        text = f"La phrase {word('Zt')} reste publiée."
        doc.sentences.append(text)
        return text

    def note(close: str = "-->") -> str:
        secret = word("SECRETnote")
        doc.secrets.append(secret)
        return f"<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nScore intégrité : 90% {secret} {close}"

    kinds = st.sampled_from(
        [
            *("prose", "note", "inline-note", "almost", "unclosed", "directive"),
            *("fence", "indented", "span", "heading"),
        ]
    )
    for kind in draw(st.lists(kinds, min_size=1, max_size=10)):
        if kind == "prose":
            doc.blocks.append(f"{sentence()} {sentence()}")
        elif kind == "note":
            doc.blocks.append(note())
        elif kind == "inline-note":
            secret = word("SECRETnote")
            doc.secrets.append(secret)
            doc.blocks.append(f"{sentence()} <!-- Score intégrité : 1% {secret} --> {sentence()}")
        elif kind == "almost":
            closer = draw(st.sampled_from(ALMOST))
            doc.blocks.append(note(closer))
        elif kind == "unclosed":
            doc.blocks.append(note(""))
        elif kind == "directive":
            directive = draw(st.sampled_from(["<!-- more -->", "<!-- material/tags -->"]))
            doc.directives.append(directive)
            doc.blocks.append(directive)
        elif kind == "heading":
            doc.blocks.append(f"## {sentence()}")
        elif kind == "fence":
            char = draw(st.sampled_from("`~"))
            fence = char * draw(st.integers(3, 5))
            indent = " " * draw(st.integers(0, 3))
            header = draw(st.sampled_from(FENCE_HEADERS))
            closed = draw(st.booleans())
            # Fence content: a sentence, and sometimes a note (code, or text if the fence
            # is no fence for the renderer: either way it must not be published as a note).
            body = [f"{indent}{sentence()}"]
            if draw(st.booleans()):
                secret = word("SECRETnote")
                doc.secrets.append(secret)
                body.append(f"{indent}<!-- Score intégrité : 1% {secret} -->")
            lines = [f"{indent}{fence}{' ' if header else ''}{header}", *body]
            if closed:
                lines.append(f"{indent}{fence}")
            doc.blocks.append("\n".join(lines))
        elif kind == "indented":
            secret = word("SECRETnote")
            doc.secrets.append(secret)
            doc.blocks.append(f"    {sentence()}\n    <!-- Score intégrité : 1% {secret} -->")
        else:
            secret = word("SECRETnote")
            doc.secrets.append(secret)
            escaped = draw(st.booleans())
            tick = "\\`" if escaped else "`"
            doc.blocks.append(
                f"{sentence()} {tick}<!-- Score intégrité : 1% {secret} -->{tick} {sentence()}"
            )
    return doc


def _outside_code(html: str) -> tuple[str, str]:
    """The page's text and comments outside ``<pre>`` and ``<code>``, and the whole text."""
    soup = BeautifulSoup(html, "html.parser")
    everything = soup.get_text()
    comments = " ".join(str(c) for c in soup.find_all(string=lambda s: isinstance(s, Comment)))
    for element in soup.find_all(["pre", "code"]):
        element.decompose()
    return soup.get_text() + " " + comments, everything


RENDERER = Renderer(make_environment(), RenderOptions())


@pytest.mark.parametrize("renderer", sorted(EXTENSIONS))
@SETTINGS
@given(doc=documents())
def test_sentences_published_and_notes_not(renderer: str, doc: Doc) -> None:
    processed = analyse(doc.text, "page.md")
    published = article_markdown(processed, RENDERER.citation)
    html = markdown.markdown(published, extensions=EXTENSIONS[renderer])
    outside, everything = _outside_code(html)
    flat = " ".join(everything.split())
    for sentence in doc.sentences:
        assert sentence in flat, (sentence, published, html)
    for secret in doc.secrets:
        assert secret not in outside, (secret, published, html)
    for directive in doc.directives:
        assert directive in published
