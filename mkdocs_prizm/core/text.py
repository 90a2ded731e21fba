"""Small text helpers shared by the core: accent folding, Markdown inline text made plain.

One function per job, imported wherever it is needed, so that two comparisons of the same
words never disagree:

* [`fold`][mkdocs_prizm.core.text.fold]: case and accents ignored (note patterns, authors,
  month names, headings);
* [`plain_text`][mkdocs_prizm.core.text.plain_text]: a Markdown fragment as plain text (links,
  emphasis and escapes resolved);
* [`normalise_name`][mkdocs_prizm.core.text.normalise_name]: the comparison key of a name or a
  title (both of the above, punctuation made separators);
* [`LinkScanner`][mkdocs_prizm.core.text.LinkScanner] and
  [`replace_links`][mkdocs_prizm.core.text.replace_links]: ``[label](url)`` links, found
  linearly.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs_prizm.core.problems import ProblemSink

__all__ = [
    "RE_CONTROL",
    "LinkScanner",
    "fold",
    "normalise_name",
    "plain_text",
    "remove_controls",
    "replace_links",
]

#: Markdown emphasis markers to drop from plain-text fields.
RE_STRONG = re.compile(r"\*\*|__")
#: A lone underscore used as emphasis (at a word boundary, never inside ``snake_case``).
RE_UNDERSCORE_EMPHASIS = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
#: A backslash escape of ASCII punctuation.
RE_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: Escaped punctuation parked in the private use area by ``plain_text``.
_ESCAPE_BASE = 0xE000
RE_PARKED = re.compile("[\ue021-\ue07e]")
#: A character plain_text may change besides white space (escapes, links, emphasis, code,
#: and the private-use characters it parks escapes in).
RE_MARKUP_CHAR = re.compile("[\\\\\\[*_`\ue021-\ue07e]")
#: Where a link destination may nest or end: parentheses, spaces and tabs.
RE_URL_STOP = re.compile(r"[() \t]")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return ``text`` case-folded, without accents, with typographic apostrophes made plain.

    Args:
        text: Any text (``"Optimisé le"``, ``"Février"``, ``"d’Azur"``).

    Returns:
        The folded text (``"optimise le"``, ``"fevrier"``, ``"d'azur"``).
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(slots=True)
class LinkScanner:
    """Finds ``[label](url)`` links in one text, linearly (url scans are memoised)."""

    text: str
    _url_cache: dict[int, tuple[str, int] | None] = field(default_factory=dict)
    _next_close: int = -1

    def url_at(self, start: int) -> tuple[str, int] | None:
        """Parse the destination starting after ``](`` at ``start``; return (url, end)."""
        if start in self._url_cache:
            return self._url_cache[start]
        text = self.text
        depth = 0
        pos = start
        result: tuple[str, int] | None = None
        # Jump from one parenthesis or space to the next instead of stepping through the URL.
        while (stop := RE_URL_STOP.search(text, pos)) is not None:
            c = stop.group()
            i = stop.start()
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    result = (text[start:i].strip().strip("<>"), i + 1)
                    break
                depth -= 1
            else:
                # A link title may follow: `[a](url "title")`.
                close = text.find(")", i)
                if close != -1:
                    result = (text[start:i].strip("<>"), close + 1)
                break
            pos = i + 1
        self._url_cache[start] = result
        return result

    def link_at(self, index: int) -> tuple[str, str, int] | None:
        """Parse a link whose ``[`` is at ``index``; return (label, url, end) or ``None``."""
        if self._next_close < index:
            self._next_close = self.text.find("]", index)
            if self._next_close == -1:
                self._next_close = len(self.text) + 1
                return None
        close = self._next_close
        if close > len(self.text) or self.text[close + 1 : close + 2] != "(":
            return None
        found = self.url_at(close + 2)
        if found is None:
            return None
        url, end = found
        return self.text[index + 1 : close], url, end


def replace_links(text: str) -> tuple[str, str]:
    """Replace Markdown links by their labels; return (text, first url)."""
    if "[" not in text:
        return text, ""
    scanner = LinkScanner(text)
    parts: list[str] = []
    first_url = ""
    pos = 0
    search = 0
    while True:
        index = text.find("[", search)
        if index == -1:
            break
        found = scanner.link_at(index)
        if found is None:
            search = index + 1
            continue
        label, url, end = found
        # `![alt](src)` images become their alt text too.
        start = index - 1 if index > 0 and text[index - 1] == "!" else index
        parts.append(text[pos:start])
        parts.append(label)
        if not first_url:
            first_url = url
        pos = search = end
    parts.append(text[pos:])
    return "".join(parts), first_url


def plain_text(text: str) -> str:
    """Turn a Markdown fragment into plain text.

    Links become their label, emphasis markers (``**``, ``__``, ``*``, ``_`` at word boundaries)
    and backticks are dropped, backslash escapes are resolved, whitespace is collapsed.  HTML is
    *not* removed: the result is text, escaped by whoever renders it.

    Args:
        text: Markdown inline text.

    Returns:
        The plain text.
    """
    if RE_MARKUP_CHAR.search(text) is None:  # most titles, types and dates: nothing to remove
        return " ".join(text.split())
    # Escaped punctuation is parked in the private use area while markers are removed.
    text = RE_ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)
    text, _ = replace_links(text)
    text = RE_STRONG.sub("", text)
    text = text.replace("*", "").replace("`", "")
    text = RE_UNDERSCORE_EMPHASIS.sub("", text)
    text = RE_PARKED.sub(lambda m: chr(ord(m.group(0)) - _ESCAPE_BASE), text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=8192)
def normalise_name(text: str) -> str:
    """Return a comparison key: plain text, folded, letters and digits separated by single spaces.

    Typographic apostrophes, punctuation and emphasis all become separators, so
    ``"CCI Provence-Alpes-Côte d’Azur"`` and ``"cci provence alpes cote d'azur"`` give the same
    key.

    Args:
        text: A name, title or heading.

    Returns:
        The key (possibly empty).
    """
    folded = fold(plain_text(text))
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


#: Control characters (C0 but tab and newline, DEL, C1): invisible, and they break feeds,
#: terminals and XML.  Carriage returns are newlines by then.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC",
                  0x7F: "DEL", 0x85: "NEL"}  # fmt: skip
#: Lines with control characters reported one by one; the others are counted in one problem.
MAX_CONTROL_LINES = 5


def remove_controls(text: str, sink: ProblemSink, first_line: int = 1) -> str:
    """Remove control characters from ``text``, reporting them (``PRZ110``) by line.

    Tab and newline stay.  The first lines holding some are reported one by one, the others
    together, so that a binary file pasted in does not flood the log.  Linear in the text.

    Args:
        text: The text, newlines already normalised.
        sink: Where problems go.
        first_line: The line of ``text[0]`` (as ``sink`` counts lines).
    """
    if RE_CONTROL.search(text) is None:
        return text
    line, at, last, reported, more = first_line, 0, 0, 0, 0
    for match in RE_CONTROL.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        if line == last:
            continue
        last = line
        if reported >= MAX_CONTROL_LINES:
            more += 1
            continue
        reported += 1
        code = ord(match.group())
        name = _CONTROL_NAMES.get(code, "a control character")
        sink.warning(
            "PRZ110",
            f"{name} (U+{code:04X}) is removed: control characters are invisible and break "
            "pages, feeds and search; expected text without them",
            line,
            at - text.rfind("\n", 0, at),
        )
    if more:
        sink.warning(
            "PRZ110", f"control characters are also removed from {more} more line(s)", last, 0
        )
    return RE_CONTROL.sub("", text)
