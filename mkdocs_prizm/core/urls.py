"""URL safety: decide whether an author-supplied URL may become a clickable link.

Only absolute ``http`` and ``https`` URLs with a host are safe.  The check is deliberately an
allow-list: whatever a browser might interpret as script (``javascript:``, ``vbscript:``,
``data:``), as a local resource (``file:``) or as a relative reference (``//host``,
``/path``) is refused, however it is disguised (letter case, control characters or whitespace
inside the scheme, HTML entities, percent-encoding).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

__all__ = ["is_safe_url"]

#: The only accepted beginning: a literal http(s) scheme followed by ``//``.
RE_SAFE_SCHEME = re.compile(r"https?://", re.IGNORECASE)

#: Characters that must never appear anywhere in a safe URL (controls, whitespace, DEL).
RE_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\s\\]")

#: A plain host name right after ``http(s)://``, then the end or one of ``/?#``: the common case,
#: decided without ``urlsplit`` (nothing in it can be a user, a port or an IPv6 address).
RE_PLAIN_HOST = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#]|\Z)", re.IGNORECASE)

#: How many rounds of HTML entity decoding are applied (``&amp;#106;`` needs two).
_MAX_UNESCAPE_ROUNDS = 4


def _unescape(url: str) -> str:
    for _ in range(_MAX_UNESCAPE_ROUNDS):
        decoded = html.unescape(url)
        if decoded == url:
            break
        url = decoded
    return url


def is_safe_url(url: str) -> bool:
    """Tell whether ``url`` is an absolute http(s) URL with a host, safe to render as a link.

    HTML entities are decoded first (repeatedly, for double-encoded input) because the URL may
    end up in an attribute that the browser decodes.  Leading and trailing spaces are ignored;
    any whitespace or control character left inside the URL makes it unsafe, as does a
    backslash (browsers treat it as a slash).  Percent-encoded schemes are unsafe simply
    because they do not spell ``http`` or ``https``.

    Args:
        url: The URL as written by the author.

    Returns:
        ``True`` only for ``http://host...`` or ``https://host...`` URLs.

    Examples:
        >>> is_safe_url("https://example.org/a?b=c")
        True
        >>> is_safe_url("&#106;avascript:alert(1)")
        False
        >>> is_safe_url("//example.org")
        False
    """
    if not url:
        return False
    candidate = _unescape(url).strip(" \t\r\n\f\v")
    if not RE_SAFE_SCHEME.match(candidate) or RE_FORBIDDEN.search(candidate):
        return False
    if RE_PLAIN_HOST.match(candidate):
        return True
    try:
        parts = urlsplit(candidate)
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(hostname)
