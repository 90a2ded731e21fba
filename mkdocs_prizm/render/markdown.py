"""The published Markdown of an article, and the swap of markers for rendered HTML.

The core hands back data: the body without notes, where the citations are, where lists need a
blank line, and the sources section's lines.  ``article_markdown`` makes the Markdown the host
renders, in one pass over the body's lines: each citation wrapped in its link
(``prizm/citation.html``), a blank line before each list that needs one,
and the sources section's entries swapped for the markers where the rendered block goes.
[`swap_markers`][mkdocs_prizm.render.markdown.swap_markers] then puts the rendered fragments
into the HTML.  The same encoding serves every host, with or without Material's blog plugin.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from mkdocs_prizm.core.article import Citation
from mkdocs_prizm.core.pipeline import Processed
from mkdocs_prizm.render.renderer import SOURCES_CLOSE, SOURCES_LIST, SOURCES_OPEN

__all__ = ["article_markdown", "swap_markers"]


def article_markdown(
    processed: Processed,
    cite: Callable[[Citation, str], str],
    *,
    excerpt: tuple[int, str] | None = None,
) -> str:
    """The Markdown to render for a processed page.

    Args:
        processed: The core's result.
        cite: Makes the link of one citation around its text (``Renderer.citer(article)``,
            or ``Renderer.citation``).
        excerpt: ``(line, separator)``: put an excerpt separator (``<!-- more -->``) before
            that 0-based line of the body.

    Returns:
        ``processed.body`` for an ordinary page; for an article, the body with its citations
        linked, its lists separated and its sources entries replaced by the markers.
    """
    article = processed.article
    section = article.sources if article.sources and article.sources.entries else None
    if not article.is_article or not (
        processed.citations or processed.list_breaks or section or excerpt
    ):
        return processed.body
    lines = processed.body.split("\n")
    for line, group in groupby(processed.citations, key=lambda c: c.line):
        lines[line - 1] = _link(lines[line - 1], list(group), cite)
    offset = processed.body_offset + 1
    if section is not None:
        # The heading, intro and trailing text stay as written, around the block's markers.
        heading = section.start_line - offset
        lines[heading] = "\n".join(("", SOURCES_OPEN, "", lines[heading]))
    if excerpt is not None:  # before the line's text, whatever it has become
        at, separator = excerpt
        lines[at] = "\n".join(("", separator, "", lines[at]))
    start = end = len(lines)
    if section is not None:
        start, end = section.entries_start_line - offset, section.entries_end_line - offset
        lines[start:end] = ["\n".join(("", SOURCES_LIST, "", SOURCES_CLOSE, ""))]
    # Blank lines last, from the bottom up, so that earlier indexes stay valid; a list inside
    # the replaced entries is the sources list itself.
    shift = (end - start) - 1
    for index in reversed(processed.list_breaks):
        if start <= index < end:
            continue
        lines.insert(index - shift if index >= end else index, "")
    return "\n".join(lines)


def _link(line: str, citations: Sequence[Citation], cite: Callable[[Citation, str], str]) -> str:
    pieces: list[str] = []
    pos = 0
    for citation in citations:
        pieces += (line[pos : citation.start], cite(citation, line[citation.start : citation.end]))
        pos = citation.end
    pieces.append(line[pos:])
    return "".join(pieces)


def swap_markers(text: str, swaps: Sequence[tuple[str, str]], tail: str = "") -> str:
    """Replace the first occurrence of each marker in ``text``, then append ``tail``.

    The page is copied once, whatever the number of markers; a marker that is not in ``text``
    is ignored.

    Args:
        text: The page's HTML.
        swaps: ``(marker, html)`` pairs.
        tail: Appended to the result.
    """
    found = sorted((at, marker, html) for marker, html in swaps if (at := text.find(marker)) >= 0)
    pieces: list[str] = []
    pos = 0
    for at, marker, html in found:
        if at < pos:  # inside a marker already replaced
            continue
        pieces += (text[pos:at], html)
        pos = at + len(marker)
    if not pieces and not tail:
        return text
    pieces += (text[pos:], tail)
    return "".join(pieces)
