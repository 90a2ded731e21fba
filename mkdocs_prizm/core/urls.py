"""URL safety: decide whether an author-supplied URL may become a clickable link, and show it.

Only absolute ``http`` and ``https`` URLs with a host are safe.  The check is deliberately an
allow-list: whatever a browser might interpret as script (``javascript:``, ``vbscript:``,
``data:``), as a local resource (``file:``) or as a relative reference (``//host``,
``/path``) is refused, however it is disguised (letter case, control characters or whitespace
inside the scheme, HTML entities, percent-encoding).

A safe scheme is not enough for a link that tells the truth about where it leads, so these are
refused too:

* user info before the host (``https://prizm.fr@evil.example/`` leads to ``evil.example``);
* a bidirectional control character anywhere (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
  U+061C), which can make a URL read as another;
* a host that is not a plain host name: another full stop than ``.`` (``。`` U+3002 and its
  kin, which browsers read as a dot), percent-encoding, symbols or invisible characters, or an
  internationalised label that IDNA refuses.

Internationalised hosts are shown in Unicode only when each label is written in one script
(Latin, or Cyrillic, or Greek..., with ASCII digits and hyphens; Han may go with kana, Hangul
or Bopomofo, as in Japanese, Korean or Chinese names): ``élysée.fr`` stays readable while
``аpple.com`` (a Cyrillic ``а``) is shown as ``xn--pple-43d.com``.
"""

from __future__ import annotations

import encodings.idna
import html
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["UrlCheck", "check_url", "display_host", "is_safe_reference", "is_safe_url"]

#: The only accepted beginning: a literal http(s) scheme followed by ``//``.
RE_SAFE_SCHEME = re.compile(r"https?://", re.IGNORECASE)

#: Characters that must never appear anywhere in a safe URL (controls, whitespace, DEL).
RE_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\s\\]")

#: Bidirectional controls: they reorder what is shown, so a URL could read as another.
RE_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: A plain host name right after ``http(s)://``, then the end or one of ``/?#``: the common case,
#: decided without ``urlsplit`` (nothing in it can be a user, a port or an IPv6 address).
RE_PLAIN_HOST = re.compile(
    r"https?://(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)\.?(?:[/?#]|\Z)", re.IGNORECASE
)

#: An ASCII host label (underscores occur in real host names and browsers accept them).
RE_ASCII_LABEL = re.compile(r"[a-z0-9_-]+")

#: Full stops other than ``.`` that IDNA maps to a dot: a host hiding its real labels.
_OTHER_DOTS = frozenset("\u3002\uff0e\uff61")

#: How many rounds of HTML entity decoding are applied (``&amp;#106;`` needs two).
_MAX_UNESCAPE_ROUNDS = 4

#: Scripts that may share a label: Han with Japanese kana, Korean Hangul or Bopomofo, each
#: also with Latin (as Unicode's "highly restrictive" profile allows).
_SCRIPT_SETS = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
)

#: First words of character names that mean another script than themselves.
_SCRIPT_ALIASES = {
    "CJK": "HAN",
    "IDEOGRAPHIC": "HAN",
    "KATAKANA-HIRAGANA": "KATAKANA",
}


@dataclass(frozen=True, slots=True)
class UrlCheck:
    """What [`check_url`][mkdocs_prizm.core.urls.check_url] found.

    Attributes:
        safe: The URL may be written as a link.
        reason: Why it may not, as a phrase that follows the URL (``carries user info ...``);
            empty when safe.
        host: The host as it should be shown (Unicode when that is safe, else punycode);
            empty when the URL is not safe.
        lookalike: The host is safe to link to but was written with characters that could pass
            for another host (mixed scripts); it is shown as punycode.
    """

    safe: bool
    reason: str = ""
    host: str = ""
    lookalike: bool = False


def _unescape(url: str) -> str:
    for _ in range(_MAX_UNESCAPE_ROUNDS):
        decoded = html.unescape(url)
        if decoded == url:
            break
        url = decoded
    return url


def _refused(reason: str) -> UrlCheck:
    return UrlCheck(False, reason)


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def _script(char: str) -> str | None:
    """The script of a host character: ``""`` for digits, hyphens and marks, ``None`` if unknown."""
    if char.isascii():
        return "LATIN" if char.isalpha() else ""
    category = unicodedata.category(char)
    if category[0] == "M":
        return ""  # combining marks take the script of the letter they follow
    if category[0] != "L":
        return None  # digits of other systems, symbols: nothing to vouch for them
    first = unicodedata.name(char, "?").split(" ", 1)[0]
    return _SCRIPT_ALIASES.get(first, first)


def _single_script(label: str) -> bool:
    scripts = {_script(char) for char in label} - {""}
    if None in scripts:
        return False
    return len(scripts) <= 1 or any(scripts <= allowed for allowed in _SCRIPT_SETS)


def display_host(host: str) -> tuple[str, bool] | None:
    """How to show a host name, or ``None`` when it is not a valid host name.

    Labels are lower-cased and NFKC-normalised (full-width letters become plain ones), as a
    browser maps them.  A label in Unicode is shown as it is only when it is written in one
    script; otherwise the whole host is shown in its ASCII (punycode) form.

    Args:
        host: A host name without port or brackets, as written (Unicode or ASCII).

    Returns:
        ``(shown, lookalike)``: the host to show, and whether it is shown as punycode because
        a label mixes scripts; ``None`` for an invalid host.

    Examples:
        >>> display_host("Élysée.fr")
        ('élysée.fr', False)
        >>> display_host("\\u0430pple.com")
        ('xn--pple-43d.com', True)
    """
    if not host or any(char in _OTHER_DOTS for char in host):
        return None
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()  # a fully qualified name's trailing dot
    shown: list[str] = []
    ascii_form: list[str] = []
    lookalike = False
    for raw in labels:
        if raw.isascii():
            label = raw.lower()
            if not RE_ASCII_LABEL.fullmatch(label):
                return None
            shown.append(label)
            ascii_form.append(label)
            continue
        label = unicodedata.normalize("NFKC", raw).lower()
        if not label or not all(
            char == "-" or unicodedata.category(char)[0] in "LMN" for char in label
        ):
            return None
        try:
            encodings.idna.ToASCII(label)  # nameprep: prohibited characters, bidi rules, length
            puny = "xn--" + label.encode("punycode").decode("ascii")
        except UnicodeError:
            return None
        if len(puny) > 63:
            return None
        lookalike = lookalike or not _single_script(label)
        shown.append(label)
        ascii_form.append(puny)
    return (".".join(ascii_form) if lookalike else ".".join(shown)), lookalike


def check_url(url: str) -> UrlCheck:
    """Check an author's URL: may it be a link, and how should its host be shown?

    HTML entities are decoded first (repeatedly, for double-encoded input) because the URL may
    end up in an attribute that the browser decodes.  Leading and trailing spaces are ignored;
    any whitespace or control character left inside the URL makes it unsafe, as does a
    backslash (browsers treat it as a slash).  Percent-encoded schemes are unsafe simply
    because they do not spell ``http`` or ``https``.

    Args:
        url: The URL as written by the author.

    Returns:
        The verdict, with the reason of a refusal and the host to show.

    Examples:
        >>> check_url("https://prizm.fr@evil.example/").reason
        "carries user info before '@' (it leads to evil.example, not to what it shows)"
    """
    if not url:
        return _refused("is empty")
    candidate = _unescape(url).strip(" \t\r\n\f\v")
    bidi = RE_BIDI.search(candidate)
    if bidi:
        return _refused(
            f"contains the bidirectional control {_codepoint(bidi.group())}, "
            "which can make it read as another URL"
        )
    if not RE_SAFE_SCHEME.match(candidate):
        return _refused("is not an absolute http(s) URL")
    if RE_FORBIDDEN.search(candidate):
        return _refused("contains whitespace, a control character or a backslash")
    plain = RE_PLAIN_HOST.match(candidate)
    if plain:
        return UrlCheck(True, host=plain.group("host").lower())
    try:
        parts = urlsplit(candidate)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return _refused("has a malformed host or port")
    netloc = parts.netloc
    if "@" in netloc:
        real = netloc.rpartition("@")[2]
        return _refused(
            f"carries user info before '@' (it leads to {real or 'nowhere'}, not to what it shows)"
        )
    hostname = parts.hostname or ""
    if not hostname:
        return _refused("has no host")
    if netloc.startswith("["):
        try:
            ipaddress.IPv6Address(hostname)
        except ValueError:
            return _refused("has a malformed IPv6 address")
        return UrlCheck(True, host=f"[{hostname}]")
    shown = display_host(netloc.rpartition(":")[0] if ":" in netloc else netloc)
    if shown is None:
        odd = next((c for c in hostname if c in _OTHER_DOTS or c in "%"), "")
        detail = f" ({_codepoint(odd)})" if odd and odd != "%" else ""
        return _refused(f"has a host that is not a valid host name{detail}")
    return UrlCheck(True, host=shown[0], lookalike=shown[1])


def is_safe_url(url: str) -> bool:
    """Tell whether ``url`` is an absolute http(s) URL with a host, safe to render as a link.

    See [`check_url`][mkdocs_prizm.core.urls.check_url] for the rules and the reasons.

    Args:
        url: The URL as written by the author.

    Returns:
        ``True`` only for ``http://host...`` or ``https://host...`` URLs that show where they
        lead.

    Examples:
        >>> is_safe_url("https://example.org/a?b=c")
        True
        >>> is_safe_url("&#106;avascript:alert(1)")
        False
        >>> is_safe_url("//example.org")
        False
        >>> is_safe_url("https://prizm.fr@evil.example/")
        False
    """
    return bool(url) and check_url(url).safe


#: A scheme at the start of a reference (``javascript:``, ``data:``, ``C:``...).
RE_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

#: Raster images written inline: inert wherever they are used.
RE_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp|avif);", re.IGNORECASE)


def is_safe_reference(url: str, *, data_images: bool = False) -> bool:
    """Tell whether ``url`` is a safe http(s) URL or a plain relative path (an image, an avatar).

    A relative path has no scheme, does not start with ``//`` or a backslash (another host),
    and holds no control or bidirectional character; spaces inside it are allowed.

    Args:
        url: The URL or path as written by the author.
        data_images: Also accept inline ``data:image/...`` rasters (for ``<img src>``).

    Examples:
        >>> is_safe_reference("images/cover.png")
        True
        >>> is_safe_reference("javascript:alert(1)")
        False
    """
    candidate = _unescape(url).strip(" \t\r\n\f\v") if url else ""
    if (
        not candidate
        or RE_BIDI.search(candidate)
        or RE_FORBIDDEN.search(candidate.replace(" ", ""))
    ):
        return False
    if data_images and RE_DATA_IMAGE.match(candidate):
        return True
    if RE_SCHEME.match(candidate):
        return is_safe_url(candidate)
    return not candidate.startswith("//")
