"""The sources section parsed: found, cut into blocks, each entry read, numbering checked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mkdocs_prizm.core.article import Source, SourcesSection
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.core.sources.entries import Context, build_source, raw_source
from mkdocs_prizm.core.sources.forms import split_blocks
from mkdocs_prizm.core.sources.section import DEFAULT_HEADINGS, find_section

__all__ = ["parse_sources"]


def _join(lines: Sequence[str]) -> str:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def parse_sources(
    body: str,
    sink: ProblemSink,
    *,
    headings: Iterable[str] = DEFAULT_HEADINGS,
    line_offset: int = 0,
    lines: Sequence[str] | None = None,
    code_blocks: bool | None = None,
) -> SourcesSection | None:
    """Find the sources section of an article and parse its entries.

    Problems (``PRZ301``–``PRZ307``) are added to ``sink`` at the entry's line, with messages
    that name the entry (``source 2 «Dihnamic»: ...``).  Lines stored in the result
    (``Source.line``, ``start_line``, ``end_line``) are 1-based lines of ``body`` plus
    ``line_offset``; lines given to ``sink`` are 1-based lines of ``body`` (the sink applies
    its own ``line_offset``, so give it the same offset to get file lines in both).

    Args:
        body: The article's Markdown without front matter.
        sink: Where problems go.
        headings: Accepted section headings (see
            [`find_section`][mkdocs_prizm.core.sources.find_section]).
        line_offset: Added to the line numbers stored in the result.
        lines: ``body.split("\\n")``, when the caller has it already.
        code_blocks: Whether ``body`` may hold code blocks, when the caller knows it
            ([`may_have_code_blocks`][mkdocs_prizm.core.fences.may_have_code_blocks]).

    Returns:
        The parsed section, or ``None`` when the article has no sources heading.
    """
    if lines is None:
        lines = body.split("\n")
    if "\r" in body:
        lines = [line.rstrip("\r") for line in lines]
    # Without code blocks, no fences: the headings are read from the end of the text.
    located = find_section(lines, headings, text=body, fences=None if code_blocks else False)
    if located is None:
        return None
    start, end, level, heading = located
    ctx = Context(sink, line_offset)
    blocks = split_blocks(lines[start + 1 : end], start + 1)

    last_line = end - 1
    while last_line > start and not lines[last_line].strip():
        last_line -= 1

    entry_positions = [i for i, b in enumerate(blocks) if b.form]
    if not entry_positions:
        intro = _join(blocks[0].lines) if blocks else ""
        trailing = _join(lines[blocks[1].start : end]) if len(blocks) > 1 else ""
        return SourcesSection(
            heading=heading,
            level=level,
            intro=intro,
            trailing=trailing,
            start_line=start + 1 + line_offset,
            end_line=last_line + 1 + line_offset,
        )

    first, last = entry_positions[0], entry_positions[-1]
    intro = _join(lines[start + 1 : blocks[first].start])
    after = blocks[last + 1].start if last + 1 < len(blocks) else end
    trailing = _join(lines[after:end])

    entries: list[Source] = []
    author_numbers: list[int] = []
    for block in blocks[first : last + 1]:
        number = len(entries) + 1
        if block.form:
            entries.append(build_source(block, number, ctx))
            if block.number is not None:
                author_numbers.append(block.number)
        else:
            entries.append(raw_source(block, number, ctx))

    if author_numbers != list(range(1, len(author_numbers) + 1)):
        shown = ", ".join(str(n) for n in author_numbers[:12])
        if len(author_numbers) > 12:
            shown += ", …"
        sink.warning(
            "PRZ306",
            f"sources are numbered {shown}: gaps or duplicates; renumbered 1..{len(entries)}",
            start + 1,
            1,
        )

    return SourcesSection(
        heading=heading,
        level=level,
        intro=intro,
        entries=tuple(entries),
        trailing=trailing,
        start_line=start + 1 + line_offset,
        end_line=last_line + 1 + line_offset,
        entries_start_line=blocks[first].start + 1 + line_offset,
        entries_end_line=after + 1 + line_offset,
    )
