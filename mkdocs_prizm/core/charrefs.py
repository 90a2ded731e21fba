"""Write characters outside the Basic Multilingual Plane (emoji) as escapes.

CPython stores a string with as many bytes per character as its widest character needs: one
emoji (U+1F680, from an article's ``emoji`` field or a source title) makes every character of
the page four bytes wide. A page of a large site is mostly navigation (250,000 characters for
1,000 pages), so one emoji in a fragment the plugin adds turned the theme's output into a
1 MB string, twice the size of the same page without it, and every copy of it (the template's
join, MkDocs' ``strip`` and ``encode``) paid for it. Written as a character reference
(``&#x1F680;``), the emoji looks the same in the browser and the page stays two bytes wide.

Only the plugin's own fragments are rewritten; the author's body is left as it was.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["astral_to_charrefs", "astral_to_json_escapes"]

#: One character above U+FFFF.
RE_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character above U+FFFF.

    UTF-16 writes each such character, and only those, as two code units: the encoder's
    output says it in one pass of C, several times faster than a regular expression visiting
    every character of a page's French text (which ``str.isascii`` cannot rule out).
    """
    if text.isascii():
        return False
    # "surrogatepass": a lone surrogate (which YAML escapes can give) is one unit, not an error.
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _charref(match: re.Match[str]) -> str:
    return f"&#x{ord(match.group()):X};"


def _json_escape(match: re.Match[str]) -> str:
    # JSON writes a character above U+FFFF as its UTF-16 surrogate pair.
    offset = ord(match.group()) - 0x10000
    return f"\\u{0xD800 + (offset >> 10):04x}\\u{0xDC00 + (offset & 0x3FF):04x}"


def astral_to_charrefs(html: str) -> str:
    """Write every character above U+FFFF in ``html`` as a hexadecimal character reference.

    Valid in HTML text and attribute values, not inside ``<script>`` or ``<style>``.
    ``html`` is returned as it is (the same object) when it has no such character.

    >>> astral_to_charrefs('<span title="Lancement 🚀">🚀</span>')
    '<span title="Lancement &#x1F680;">&#x1F680;</span>'
    """
    if not _has_astral(html):
        return html
    return RE_ASTRAL.sub(_charref, html)


def astral_to_json_escapes(text: str) -> str:
    r"""Write every character above U+FFFF in JSON ``text`` as a ``\uXXXX\uXXXX`` pair.

    Only valid inside JSON strings, which is the only place JSON allows such a character.

    >>> astral_to_json_escapes('{"name":"🚀"}')
    '{"name":"\\ud83d\\ude80"}'
    """
    if not _has_astral(text):
        return text
    return RE_ASTRAL.sub(_json_escape, text)
