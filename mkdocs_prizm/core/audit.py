"""Finding, in the bytes of a published file, what must never be published.

The plugin keeps internal notes out of what it renders, but a note can reach the site by
routes it does not guard: a theme rendering ``site_description`` or ``extra``, a ``title:``
set in the configuration, a hook or another plugin writing a file, a feed built from the raw
Markdown.  The post-build audit reads every file a build wrote once and looks for:

* the internal notes' patterns (``notes_patterns``: ``Score intégrité``...), ``NOTE``;
* the plugin's own working markers, which must all have been swapped for HTML
  (``<!-- prizm:sources -->``, ``<!-- prizm:byline -->``), ``PLACEHOLDER``;
* the publishing pipeline's residue, ``RESIDUE``, only on a site that keeps it out.

A leak is what the site's options keep out: notes and the plugin's markers, but no note pattern
on a site that publishes the pipeline's reports (``reports_exclude: false``), made of the notes'
words.  Residue is published by default, with a warning (``PRZ801``-``PRZ804``, the editor's to
fix): it is looked for only when ``residue_exclude`` keeps those articles out (it then came by
another route), and only the residue certain in a published file
([`residue_markers`][mkdocs_prizm.core.audit.residue_markers]).

A [`Marker`][mkdocs_prizm.core.audit.Marker] is found in two steps: its *anchor*, a piece of
ASCII text that every published form of the marker contains as it is, is searched first (one
``bytes.find`` per anchor over the file); only around a hit is the marker's full expression
tried.  A text marker is matched with the case and the accents it is written with, between
word boundaries, each of its characters in any encoding a published file uses: UTF-8
(precomposed or decomposed), an HTML character reference (``&eacute;``, ``&#233;``,
``&#xE9;``) or a JSON escape (``\\u00e9``, as in ``search/search_index.json``).  What a file
shares with the file scanned before it is compared, not searched (see
[`unshared`][mkdocs_prizm.core.shared.unshared]).

Pure: bytes in, [`Leak`][mkdocs_prizm.core.audit.Leak] records out.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.entities import codepoint2name

from mkdocs_prizm.core.shared import unshared

__all__ = [
    "PLUGIN_MARKERS",
    "RESIDUE_TEXTS",
    "Auditor",
    "Leak",
    "LeakKind",
    "Marker",
    "default_markers",
    "note_markers",
    "plugin_markers",
    "residue_markers",
]


class LeakKind(enum.Enum):
    """What a leak is; the value is its problem code."""

    NOTE = "PRZ951"
    PLACEHOLDER = "PRZ952"
    RESIDUE = "PRZ953"


#: ASCII characters a published file holds as they are (never escaped by HTML, JSON or feeds).
_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%()*+,-.:;=?@[]^_`{|}~"
)
#: How far back the start of a code element is looked for.
_CODE_REACH = 100_000
#: A run of plain characters this long is anchor enough.
_ANCHOR = 6
#: At most this many bytes stand for one character of a text marker (``&#x000E9;``).
_WIDEST = 10
#: Before a text marker that starts with a letter or digit: no other letter or digit, unless it
#: ends a JSON escape (``\n``, ``\u00a0``) or a character reference.
_LEAD = rb"(?:(?<![A-Za-z0-9])|(?<=\\[nrtbf])|(?<=\\u[0-9A-Fa-f]{4})|(?<=;))"
#: After a text marker that ends with a letter or digit: no other letter or digit.
_TAIL = rb"(?![A-Za-z0-9])"


@dataclass(frozen=True, slots=True)
class Marker:
    """Something that must not be in a published file.

    A text marker is matched around each hit of its anchor: ``head`` must end where the anchor
    starts, ``tail`` start where it ends.  A marker given as an expression is searched for
    ``reach`` bytes around each hit.

    Attributes:
        kind: What it is (its problem code).
        label: How messages name it (``Score intégrité``).
        anchor: Bytes that every published form of the marker contains as they are; they are
            searched for first.
        regex: The whole marker (an expression marker), or ``None`` (a text marker).
        head: What comes before the anchor, ending the text (``\\Z``): a text marker's.
        tail: What comes after the anchor: a text marker's.
        reach: How many bytes before and after a hit of ``anchor`` the marker may span.
        width: The most bytes a match of the marker spans.
    """

    kind: LeakKind
    label: str
    anchor: bytes
    regex: re.Pattern[bytes] | None = None
    head: re.Pattern[bytes] | None = None
    tail: re.Pattern[bytes] | None = None
    reach: int = 0
    width: int = 0

    @classmethod
    def from_text(cls, kind: LeakKind, text: str) -> Marker:
        """The marker of ``text``, as written, in any encoding (see the module's docstring).

        Raises:
            ValueError: ``text`` holds no ASCII letter or digit to search for.
        """
        text = " ".join(text.split())
        anchor = _anchor(text)
        if not any(ch.isalnum() for ch in anchor):
            raise ValueError(f"{text!r}: no ASCII letter or digit to search for")
        at = text.index(anchor)
        before, after = text[:at], text[at + len(anchor) :]
        lead = _LEAD if text[0].isascii() and text[0].isalnum() else b""
        end = _TAIL if text[-1].isascii() and text[-1].isalnum() else b""
        return cls(
            kind,
            text,
            anchor.encode("ascii"),
            # The lead is checked where the head starts (or the anchor, without a head).
            head=re.compile(_encoded(before) + rb"\Z") if before else None,
            tail=re.compile(_encoded(after) + end),
            regex=re.compile(lead) if lead else None,
            reach=_WIDEST * (len(before) + 1),
            width=_WIDEST * (len(before) + 1) + len(anchor) + 16 * len(after),
        )

    @classmethod
    def from_regex(
        cls, kind: LeakKind, label: str, anchor: bytes, regex: bytes, reach: int = 200
    ) -> Marker:
        """A marker given as a regular expression over the file's bytes.

        Args:
            kind: What it is.
            label: How messages name it.
            anchor: Bytes every match contains (searched for first: the longer, the faster).
            regex: The expression, over UTF-8 bytes (``re`` syntax).
            reach: How far from a hit of ``anchor`` a match may start or end.
        """
        if not anchor:
            raise ValueError(f"{label!r}: the anchor is empty")
        return cls(
            kind, label, anchor, re.compile(regex), reach=reach, width=2 * reach + len(anchor)
        )

    def match_at(self, data: bytes, at: int) -> tuple[int, int] | None:
        """Where the marker is in ``data`` around its anchor's hit at ``at``, if it is."""
        end = at + len(self.anchor)
        if self.tail is None:  # an expression
            assert self.regex is not None  # noqa: S101 - set by from_regex
            found = self.regex.search(data, max(0, at - self.reach), end + self.reach)
            return None if found is None else found.span()
        after = self.tail.match(data, end)
        if after is None:
            return None
        start = at
        if self.head is not None:
            before = self.head.search(data, max(0, at - self.reach), at)
            if before is None:
                return None
            start = before.start()
        if self.regex is not None and self.regex.match(data, start) is None:
            return None  # a letter or digit goes before it: part of another word
        return start, after.end()


@dataclass(frozen=True, slots=True)
class Leak:
    """One marker found in a file (its first occurrence there).

    Attributes:
        kind: What it is.
        label: The marker's label.
        line: 1-based line of the file.
        column: 1-based column (in characters) on that line.
        found: The bytes found, decoded (an escaped form shows as it is written).
    """

    kind: LeakKind
    label: str
    line: int
    column: int
    found: str

    @property
    def message(self) -> str:
        """The problem's message: what was published."""
        what = {
            LeakKind.NOTE: "internal note",
            LeakKind.PLACEHOLDER: "Prizm marker",
            LeakKind.RESIDUE: "pipeline residue",
        }[self.kind]
        written = f" (written {self.found!r})" if self.found != self.label else ""
        return f'{what} "{self.label}"{written} published'


class Auditor:
    """Scans the bytes of published files for a set of markers.

    Attributes:
        markers: What is looked for.
    """

    __slots__ = ("_anchors", "_margin", "markers")

    def __init__(self, markers: Iterable[Marker]) -> None:
        self.markers = tuple(markers)
        groups: dict[bytes, list[Marker]] = {}  # one search per anchor, however many share it
        for marker in self.markers:
            groups.setdefault(marker.anchor, []).append(marker)
        self._anchors = tuple((anchor, tuple(group)) for anchor, group in groups.items())
        # Around a part not shared: a marker reaching into it, or its word boundary there.
        self._margin = max((m.width for m in self.markers), default=0) + 8

    def scan(
        self,
        data: bytes,
        *,
        markup: bool = True,
        previous: bytes = b"",
        examples: set[str] | None = None,
    ) -> list[Leak]:
        """The markers found in ``data`` (UTF-8 bytes), each at its first place, in order.

        With ``previous`` (the file scanned before, of the same kind), only the parts of
        ``data`` it does not share are searched ([`unshared`][mkdocs_prizm.core.shared.unshared]):
        a marker in the shared parts was looked for in ``previous``, and reported there.

        A marker inside an HTML ``<code>`` or ``<pre>`` element is the author's content (an
        example of a note): it is not a leak.  In a file that is not markup (``markup=False``:
        a search index, which holds the pages' text), a marker inside a comment written as text
        (``<!-- ... -->``) comes from such an example: a real comment never reaches the text of
        a page.

        ``examples`` gathers the labels of markers found in code in markup; in a file that is
        not, a marker of those labels is an example too (an index holds inline code as text).
        """
        if not self._anchors:
            return []
        parts = unshared(previous, data, self._margin) if previous else [(0, len(data))]
        inside = _in_code if markup else _in_text_comment
        shown = set() if examples is None else examples
        found: list[tuple[int, int, Marker]] = []
        for anchor, markers in self._anchors:
            left = list(markers)  # those not found yet
            for lo, hi in parts:
                at = data.find(anchor, lo, hi) if left else -1
                while at >= 0 and left:
                    for marker in tuple(left):
                        span = marker.match_at(data, at)
                        if span is None or (not markup and marker.label in shown):
                            continue
                        if not inside(data, span[0]):
                            found.append((*span, marker))
                            left.remove(marker)
                        elif markup:
                            shown.add(marker.label)
                    at = data.find(anchor, at + 1, hi)
        found.sort(key=lambda item: item[0])
        return [_leak(marker, data, start, end) for start, end, marker in found]


def _in_code(data: bytes, start: int) -> bool:
    """Whether ``start`` is inside an HTML ``<code>`` or ``<pre>`` element.

    A note shown in a code block is the author's content (the plugin keeps notes in code), not
    a leak.  Looked for at most ``_CODE_REACH`` bytes back, only where a marker was found.
    """
    lo = max(0, start - _CODE_REACH)
    opened = max(data.rfind(b"<code", lo, start), data.rfind(b"<pre", lo, start))
    if opened < 0:
        return False
    closed = max(data.rfind(b"</code>", lo, start), data.rfind(b"</pre>", lo, start))
    return opened > closed


def _in_text_comment(data: bytes, start: int) -> bool:
    """Whether ``start`` is in code, or after an opened ``<!--`` not yet closed, written as text.

    For a search index: MkDocs' holds the pages' text (``<!--`` as is, or ``\\u003c!--``),
    Material's keeps code elements, their text escaped (``&lt;!--``).
    """
    if _in_code(data, start):
        return True
    lo = max(0, start - _CODE_REACH)
    opened = max(data.rfind(form, lo, start) for form in (b"<!--", b"\\u003c!--", b"&lt;!--"))
    if opened < 0:
        return False
    return all(data.find(form, opened, start) < 0 for form in (b"-->", b"--\\u003e", b"--&gt;"))


def _leak(marker: Marker, data: bytes, start: int, end: int) -> Leak:
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    found = data[start:end].decode("utf-8", "replace")
    return Leak(marker.kind, marker.label, data.count(b"\n", 0, start) + 1, column, found)


def _anchor(text: str) -> str:
    """A run of ``text`` made of characters always published as they are.

    The first of at least ``_ANCHOR`` characters (the start of a marker is often rarer than
    its end: ``Rapport d`` rather than ``optimisation``), else the longest.
    """
    runs = [
        run.strip() for run in re.findall("[" + re.escape("".join(sorted(_PLAIN))) + "]+", text)
    ]
    return next((run for run in runs if len(run) >= _ANCHOR), max(runs, key=len, default=""))


def _encoded(text: str) -> bytes:
    """A regular expression over bytes matching ``text`` in any published encoding."""
    return b"".join(_forms(ch) for ch in text)


@functools.lru_cache(maxsize=512)
def _forms(ch: str) -> bytes:
    """A regular expression over bytes matching ``ch`` in any published encoding."""
    if ch.isascii() and (ch.isalnum() or ch == " "):
        return re.escape(ch.encode("ascii"))
    code = ord(ch)
    forms = [re.escape(ch.encode("utf-8"))]
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed != ch:
        forms.append(re.escape(decomposed.encode("utf-8")))
    if ch.isascii():
        forms.append(rb"\\" + re.escape(ch.encode("ascii")))  # JSON's \" \\ \/
    name = codepoint2name.get(code)
    if name is not None:
        forms.append(b"&" + name.encode("ascii") + b";")
    if code == 0x27:
        forms.append(b"&apos;")
    forms.append(b"&#0{0,3}%d;" % code)
    forms.append(b"&#[xX]0{0,3}" + _hex(code) + b";")
    if code <= 0xFFFF:
        forms.append(rb"\\u" + _hex(code, 4))
    else:  # JSON writes it as a UTF-16 surrogate pair
        offset = code - 0x10000
        forms.append(rb"\\u" + _hex(0xD800 + (offset >> 10), 4))
        forms[-1] += rb"\\u" + _hex(0xDC00 + (offset & 0x3FF), 4)
    return b"(?:" + b"|".join(forms) + b")"


def _hex(code: int, width: int = 0) -> bytes:
    """``code`` in hexadecimal, either case (``[eE]9``), at least ``width`` digits."""
    digits = f"{code:0{width}x}" if width else f"{code:x}"
    return b"".join(
        f"[{d}{d.upper()}]".encode("ascii") if d.isalpha() else d.encode("ascii") for d in digits
    )


#: The plugin's working markers, swapped for HTML before a page is written.
PLUGIN_MARKERS: tuple[str, ...] = ("<!-- prizm:",)


def note_markers(patterns: Sequence[str]) -> tuple[Marker, ...]:
    """The markers of the internal notes' patterns (``notes_patterns``).

    A pattern without an ASCII letter or digit cannot be searched for cheaply; it is left out.
    """
    markers = []
    for pattern in patterns:
        try:
            markers.append(Marker.from_text(LeakKind.NOTE, pattern))
        except ValueError:
            continue
    return tuple(markers)


def plugin_markers() -> tuple[Marker, ...]:
    """The plugin's own markers: the HTML comments it swaps for its fragments."""
    return tuple(Marker.from_text(LeakKind.PLACEHOLDER, text) for text in PLUGIN_MARKERS)


#: Residue of the publishing pipeline as it is published: the assistant talking to the pipeline
#: (``PRZ801``) and the end of a placeholder standing for the sources (``PRZ804``), in the words
#: the corpus shows and [`find_residue`][mkdocs_prizm.core.residue.find_residue] reports.
RESIDUE_TEXTS: tuple[str, ...] = (
    "Je vais transformer cet article",
    "Souhaitez-vous me fournir",
    "Cela me permettra de rédiger",
    "à l'original]",
    "à l'identique]",
)


def residue_markers() -> tuple[Marker, ...]:
    """The pipeline's residue that is certain: ``RESIDUE_TEXTS`` as written, template tokens.

    A template token (``PRZ803``) is an upper-case name in double brackets: ``[[PATTERN]]``.
    """
    return (
        *(Marker.from_text(LeakKind.RESIDUE, text) for text in RESIDUE_TEXTS),
        Marker.from_regex(
            LeakKind.RESIDUE, "[[TOKEN]]", b"[[", rb"\[\[[A-Z][A-Z0-9_]{2,}\]\]", reach=40
        ),
    )


def default_markers(note_patterns: Sequence[str], *, residue: bool = False) -> tuple[Marker, ...]:
    """Everything the audit looks for: notes, the plugin's markers, residue if ``residue``.

    ``residue`` is set when the site keeps the articles that hold residue out
    (``residue_exclude``): see the module's docstring.
    """
    markers = (*note_markers(note_patterns), *plugin_markers())
    return (*markers, *residue_markers()) if residue else markers
