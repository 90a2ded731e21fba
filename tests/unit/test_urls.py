from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core import urls
from mkdocs_prizm.core.urls import is_safe_url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "http://example.org/path?q=1#frag",
        "HTTPS://EXAMPLE.ORG/",
        "https://example.org:8080/x",
        "  https://example.org/padded  ",
        "https://lelab.bpifrance.fr/content/download/4745/pdf/2025-06_L'IA%20dans.pdf?disposition=inline",
        "https://[2001:db8::1]/ipv6",
        "https://example.org/a&amp;b",
    ],
)
def test_safe_urls(url: str) -> None:
    assert is_safe_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\x00script:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&amp;#106;avascript:alert(1)",
        "%6Aavascript:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "ftp://example.org/",
        "mailto:someone@example.org",
        "//example.org/protocol-relative",
        "/relative/path",
        "example.org",
        "http:///no-host",
        "https:",
        "https://",
        "http:example.org",
        "https:\\\\example.org",
        "ht tp://example.org",
        "https://exa mple.org",
        "https://example.org/\x7f",
        "https://example.org:99999/",
        "https://[::1",
        "http://@/x",
    ],
)
def test_unsafe_urls(url: str) -> None:
    assert not is_safe_url(url)


def test_entity_decoded_safe_scheme_is_accepted() -> None:
    # Entities that decode to a genuine https URL are harmless once decoded.
    assert is_safe_url("https&#58;//example.org")
    assert is_safe_url("h&#116;tps://example.org")


def test_long_hostile_input_is_fast() -> None:
    assert not is_safe_url("&#" * 50_000 + "javascript:alert(1)")
    assert not is_safe_url("https://" + "\t" * 100_000)


_URL_PIECES = st.sampled_from(
    [
        *("a", "Z", "0", ".", "-", "_", "/", "?", "#", ":", "80", ":x", "@", "[", "]", "::1"),
        *("é", "%2e", "&amp;", "~", "xn--", "\u3002", "\uff0e", " ", "\\"),
    ]
)


@given(
    st.sampled_from(["http://", "https://", "HTTPS://", "http:", ""]),
    st.lists(_URL_PIECES, max_size=8).map("".join),
)
def test_plain_hosts_decided_as_urlsplit_would(scheme: str, rest: str) -> None:
    url = scheme + rest
    fast = is_safe_url(url)
    # The same URL with the plain-host shortcut switched off: every URL goes to urlsplit.
    with mock.patch.object(urls, "RE_PLAIN_HOST", re.compile(r"(?!)")):
        assert is_safe_url(url) == fast
