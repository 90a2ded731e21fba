"""The sanitiser: nh3's allowlist cleaning, and a report of what it removed.

A page with nothing to remove is returned unchanged, the very same string, so that clean pages
stay byte-identical: the page is cleaned twice by the same parser, once with the allowlist and
once with everything found in it allowed; equal results mean the allowlist removed nothing.
A sentinel comment appended to both runs proves the page ends outside any tag or comment
(html5ever drops an unfinished tag at the end of its input; a browser would read on into the
theme).  Otherwise the allowlisted result is returned: well-formed HTML in the same parser's
serialisation, which is how browsers parse it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from mkdocs_prizm.sanitise.allowlist import (
    ALLOWED_TAGS,
    CONTENT_REMOVED,
    EXTRA_TAG_ATTRIBUTES,
    GLOBAL_ATTRIBUTES,
    GLOBAL_PREFIXES,
    NEVER_ALLOWED,
    TAG_ATTRIBUTE_VALUES,
    TAG_ATTRIBUTES,
    URL_ATTRIBUTES,
    URL_SCHEMES,
)

__all__ = [
    "Removal",
    "Sanitiser",
    "locate",
    "plain_title",
]

#: The comment appended to both runs: found intact at the end, the page ended in text.
_SENTINEL = "<!--prizm-sanitise-end-->"
_SENTINEL_NAME = "prizm-sanitise-end"
_RE_SENTINEL_END = re.compile(re.escape(_SENTINEL) + r"((?:</[a-zA-Z][^>]*>)*)\Z")
#: Every tag name the tokenizer may see (a superset: ``<`` then a letter starts a tag).
_RE_TAG_NAME = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
#: Every scheme-like word, once entities are decoded (a superset of the URLs' schemes).
_RE_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_RE_SCHEME_OF_URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
#: Elements the parser creates without a tag in the page (implied table sections).
_IMPLIED = frozenset({"tbody", "tr", "colgroup", "html", "head", "body"})
_SHORT = 60


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing the sanitiser removed from a page.

    Attributes:
        code: ``PRZ701`` an element, ``PRZ702`` an attribute, ``PRZ703`` an unsafe URL,
            ``PRZ704`` markup changed for another reason (an unfinished tag at the end).
        name: The element (``script``) or attribute (``onerror``) name.
        value: The offending value or content, shortened.
        line: 1-based line in the source file where it was found; 1 when it was not found.
        found: Whether ``line`` points at it in the source file.
    """

    code: str
    name: str
    value: str
    line: int = 1
    found: bool = False

    @property
    def message(self) -> str:
        """What was removed, in one sentence (the value is quoted with ``repr``)."""
        value = f" {self.value!r}" if self.value else ""
        where = "" if self.found else " (not located in the source)"
        if self.code == "PRZ701":
            return f"Removed the <{self.name}> element{value}{where}."
        if self.code == "PRZ702":
            return f"Removed the attribute {self.name}={value.strip()}{where}."
        if self.code == "PRZ703":
            return f"Removed the unsafe URL {self.name}={value.strip()}{where}."
        return f"Changed markup the browser would read differently: {self.value!r}{where}."


class Sanitiser:
    """Cleans untrusted HTML with an allowlist; build one per build and call ``clean``.

    Args:
        allow_tags: Extra elements the site owner allows (``iframe``, ``video``...), with the
            attributes listed in
            [`EXTRA_TAG_ATTRIBUTES`][mkdocs_prizm.sanitise.EXTRA_TAG_ATTRIBUTES]; their URLs
            are checked like any other.

    Raises:
        ValueError: When ``allow_tags`` names an element that always runs script.
    """

    def __init__(self, allow_tags: Iterable[str] = ()) -> None:
        extra = {tag.strip().lower() for tag in allow_tags if tag.strip()}
        refused = sorted(extra & NEVER_ALLOWED)
        if refused:
            raise ValueError(f"these elements can never be allowed: {', '.join(refused)}")
        self.tags = frozenset(ALLOWED_TAGS | extra)
        attributes: dict[str, set[str]] = {"*": set(GLOBAL_ATTRIBUTES)}
        for tag, names in TAG_ATTRIBUTES.items():
            attributes.setdefault(tag, set()).update(names)
        for tag in extra:
            attributes.setdefault(tag, set()).update(EXTRA_TAG_ATTRIBUTES.get(tag, ()))
        self.attributes = {tag: frozenset(names) for tag, names in attributes.items()}
        #: Lower-case names per element, globals included, as ``html.parser`` reports them.
        self.lowered = {
            tag: frozenset(name.lower() for name in names | GLOBAL_ATTRIBUTES)
            for tag, names in self.attributes.items()
        }
        self.content_removed = frozenset(CONTENT_REMOVED - self.tags)
        values = {
            tag: {name: set(allowed) for name, allowed in names.items()}
            for tag, names in TAG_ATTRIBUTE_VALUES.items()
        }
        self._strict = {
            "tags": set(self.tags),
            "clean_content_tags": set(self.content_removed),
            "attributes": {tag: set(names) for tag, names in self.attributes.items()},
            "tag_attribute_values": values,
            "generic_attribute_prefixes": set(GLOBAL_PREFIXES),
            "url_schemes": set(URL_SCHEMES),
            "strip_comments": False,
            "link_rel": None,
        }
        self._cleaner = nh3.Cleaner(**self._strict)  # type: ignore[arg-type]

    def clean(self, text: str) -> tuple[str, list[Removal]]:
        """Sanitise a page's rendered HTML.

        Args:
            text: The HTML (``page.content`` as Python-Markdown produced it).

        Returns:
            ``(html, removals)``: ``text`` itself when nothing was removed, else the cleaned
            HTML and one [`Removal`][mkdocs_prizm.sanitise.Removal] per thing removed, at
            line 1 until [`locate`][mkdocs_prizm.sanitise.locate] finds their lines.
        """
        # Most pages have nothing to remove: the allowlist's output is then the page itself,
        # but for the ``<br />`` form of void elements, which the parser writes ``<br>``.
        cleaned = self._cleaner.clean(text)
        if cleaned == text or cleaned == text.replace(" />", ">"):
            return text, []
        probe = text + _SENTINEL
        strict = self._cleaner.clean(probe)
        loose = nh3.clean(probe, **_loose_options(probe))  # type: ignore[arg-type]
        if strict == loose and _ends_in_text(loose):
            return text, []
        removals = [r for r in _Finder(self).find(loose) if _SENTINEL_NAME not in r.name]
        if not removals:
            # Removed by the parser's reading, not seen by ours (or an unfinished ending):
            # reported as a change, never silently.
            removals = [Removal("PRZ704", "", _first_difference(text, strict))]
        return cleaned, removals


def plain_title(title: str) -> str | None:
    """A page title safe as text and in a double-quoted attribute, or ``None`` if it is.

    Themes print ``page.title`` unescaped (MkDocs' themes are not autoescaped): tags are
    stripped (with the content of ``script`` and ``style``), the text kept, and ``<``, ``>``,
    ``&`` and ``"`` escaped.  A title without ``<``, ``>`` or ``"`` is returned as ``None``
    (unchanged), so that entities MkDocs itself left in titles are not escaped twice.
    """
    if "<" not in title and ">" not in title and '"' not in title:
        return None
    text = nh3.clean(
        title,
        tags=set(),
        clean_content_tags={"script", "style"},
        attributes={},
        link_rel=None,
    )
    text = " ".join(text.replace('"', "&quot;").split())
    return None if text == title else text


def _loose_options(probe: str) -> dict[str, object]:
    """nh3 options keeping everything ``probe`` may hold: every tag, attribute and scheme."""
    tags = {name.lower() for name in _RE_TAG_NAME.findall(probe)} | _IMPLIED
    decoded = html.unescape(probe) if "&" in probe else probe
    decoded = decoded.lower().replace("\t", "").replace("\n", "").replace("\r", "")
    schemes = set(_RE_SCHEME.findall(decoded)) | URL_SCHEMES
    return {
        "tags": tags,
        "clean_content_tags": set(),
        "attributes": {},
        "generic_attribute_prefixes": {""},
        "url_schemes": schemes,
        "strip_comments": False,
        "link_rel": None,
    }


def _ends_in_text(cleaned: str) -> bool:
    """Whether the sentinel survived as the last node, outside any comment."""
    match = _RE_SENTINEL_END.search(cleaned)
    if match is None:
        return False
    before = cleaned[: match.start()]
    opening = before.rfind("<!--")
    return opening < 0 or before.find("-->", opening) >= 0


def _url_scheme(value: str) -> str | None:
    """The scheme of a URL as browsers read it (spaces, tabs and newlines ignored)."""
    compact = "".join(value.split())
    compact = "".join(ch for ch in compact if ord(ch) > 0x20)
    match = _RE_SCHEME_OF_URL.match(compact)
    return match.group(1).lower() if match else None


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _SHORT else value[: _SHORT - 1] + "…"


def _first_difference(before: str, after: str) -> str:
    index = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
        min(len(before), len(after)),
    )
    return _short(before[max(0, index - 20) : index + 40])


class _Finder(HTMLParser):
    """Lists what the allowlist removes, from the loose (well-formed) serialisation."""

    def __init__(self, sanitiser: Sanitiser) -> None:
        super().__init__(convert_charrefs=True)
        self.sanitiser = sanitiser
        self.removals: list[Removal] = []
        self._content: list[str] | None = None
        self._content_tag = ""

    def find(self, text: str) -> list[Removal]:
        self.feed(text)
        self.close()
        return self.removals

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._content is not None:
            return
        if tag not in self.sanitiser.tags:
            if tag in self.sanitiser.content_removed:
                self._content, self._content_tag = [], tag
                self.removals.append(Removal("PRZ701", tag, ""))
            else:
                shown = " ".join(f"{name}={value or ''}" for name, value in attrs)
                self.removals.append(Removal("PRZ701", tag, _short(shown)))
            return
        allowed = self.sanitiser.lowered.get(tag, GLOBAL_ATTRIBUTES)
        values = TAG_ATTRIBUTE_VALUES.get(tag, {})
        for name, value in attrs:
            if name in values:
                kept = (value or "") in values[name]
            else:
                kept = name in allowed or name.startswith(tuple(GLOBAL_PREFIXES))
            if not kept:
                self.removals.append(Removal("PRZ702", name, _short(value or "")))
            elif name in URL_ATTRIBUTES and value is not None:
                scheme = _url_scheme(value)
                if scheme is not None and scheme not in URL_SCHEMES:
                    self.removals.append(Removal("PRZ703", name, _short(value)))

    def handle_data(self, data: str) -> None:
        if self._content is not None:
            self._content.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._content is not None and tag == self._content_tag:
            last = self.removals[-1]
            body = _short("".join(self._content))
            self.removals[-1] = Removal(last.code, last.name, body)
            self._content = None


def locate(removals: list[Removal], source: str | None) -> list[Removal]:
    """Give each removal the line of the source file where it stands.

    A cheap search, in order, of the element's opening (``<script``), the attribute
    (``onerror=``) or the value in the source text, ignoring case; a removal not found keeps
    line 1 and says so in its message.

    Args:
        removals: What [`Sanitiser.clean`][mkdocs_prizm.sanitise.Sanitiser.clean] removed.
        source: The page's source file (front matter included), or ``None``.
    """
    if not source:
        return removals
    lowered = source.lower()
    located: list[Removal] = []
    cursor = 0
    for removal in removals:
        needles = [removal.value.rstrip("…")[:40].lower()] if removal.value else []
        if removal.code == "PRZ701":
            needles.insert(0, f"<{removal.name}")
        elif removal.code == "PRZ702":
            needles.insert(0, f"{removal.name}=")
        position = -1
        for needle in filter(None, needles):
            position = lowered.find(needle, cursor)
            if position < 0:
                position = lowered.find(needle)
            if position >= 0:
                break
        if position < 0:
            located.append(removal)
            continue
        cursor = position + 1
        line = source.count("\n", 0, position) + 1
        located.append(Removal(removal.code, removal.name, removal.value, line, found=True))
    return located
