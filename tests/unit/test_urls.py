from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core import urls
from mkdocs_prizm.core.urls import check_url, display_host, is_safe_reference, is_safe_url


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


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://prizm.fr@evil.example/", "leads to evil.example"),
        ("https://user:pass@example.org/", "user info"),
        ("https://prizm.fr&#64;evil.example/", "user info"),
        ("https://example.org@/", "user info"),
        ("https://example.org/\u202egnp.exe", "U+202E"),
        ("https://exa\u202emple.org/", "U+202E"),
        ("\u202ahttps://example.org/", "U+202A"),
        ("https://example.org/\u2066x\u2069", "U+2066"),
        ("https://example.org/\u200f", "U+200F"),
        ("https://example.org/\u200e", "U+200E"),
        ("https://example.org/\u061c", "U+061C"),
        ("https://example.org/&#x202E;", "U+202E"),
        ("https://prizm\u3002fr/", "U+3002"),
        ("https://prizm\uff0efr/", "U+FF0E"),
        ("https://prizm\uff61fr/", "U+FF61"),
        ("https://evil%2Eexample/", "not a valid host name"),
        ("https://exa\u200bmple.org/", "not a valid host name"),
        ("https://ex\u00a0ample.org/", "whitespace"),
        ("https://a..b/", "not a valid host name"),
        ("https://\u2665.example/", "not a valid host name"),
        ("https://example.org:99999/", "malformed host or port"),
        ("javascript:alert(1)", "not an absolute http(s) URL"),
        ("", "is empty"),
    ],
)
def test_misleading_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    verdict = check_url(url)
    assert not verdict.safe
    assert not is_safe_url(url)
    assert reason in verdict.reason
    assert verdict.host == ""


@pytest.mark.parametrize(
    ("url", "host", "lookalike"),
    [
        ("https://example.org/a", "example.org", False),
        ("https://Example.ORG./a", "example.org", False),
        ("https://example.org:8443/a", "example.org", False),
        ("https://[2001:db8::1]/", "[2001:db8::1]", False),
        ("https://my_host.example.org/", "my_host.example.org", False),
        ("https://xn--pple-43d.com/", "xn--pple-43d.com", False),
        ("https://Élysée.fr/", "élysée.fr", False),
        ("https://straße.de/", "straße.de", False),
        ("https://пример.рф/", "пример.рф", False),
        ("https://παράδειγμα.gr/", "παράδειγμα.gr", False),
        ("https://例え.jp/", "例え.jp", False),
        ("https://ひらがなカタカナ漢字.jp/", "ひらがなカタカナ漢字.jp", False),
        ("https://한국어.kr/", "한국어.kr", False),
        ("https://مثال.إختبار/", "مثال.إختبار", False),
        ("https://café2024.fr/", "café2024.fr", False),
        ("https://ＡＰＰＬＥ.com/", "apple.com", False),  # full-width letters: what browsers visit
        # One script per label: the labels themselves may differ.
        ("https://пример.com/", "пример.com", False),
        # Mixed scripts in a label: shown as punycode.
        ("https://\u0430pple.com/", "xn--pple-43d.com", True),  # Cyrillic а
        ("https://p\u0430ypal.com/", "xn--pypal-4ve.com", True),
        ("https://g\u03bfogle.com/", "xn--gogle-rce.com", True),  # Greek ο
        ("https://\u0430pple.пример.com/", "xn--pple-43d.xn--e1afmkfd.com", True),
        ("https://аpple.com:8080/", "xn--pple-43d.com", True),
        ("https://exam\u0661ple.com/", "xn--example-...", True),  # an Arabic-Indic digit
    ],
)
def test_hosts_are_shown_in_unicode_only_when_single_script(
    url: str, host: str, lookalike: bool
) -> None:
    verdict = check_url(url)
    assert verdict.safe
    if host.endswith("..."):
        assert verdict.host.startswith("xn--")
    else:
        assert verdict.host == host
    assert verdict.lookalike is lookalike


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("example.org", ("example.org", False)),
        ("Élysée.FR", ("élysée.fr", False)),
        ("\u0430pple.com", ("xn--pple-43d.com", True)),
        ("a\u3002b", None),
        ("", None),
        ("a b", None),
    ],
)
def test_display_host(host: str, shown: tuple[str, bool] | None) -> None:
    assert display_host(host) == shown


@pytest.mark.parametrize(
    ("url", "images", "safe"),
    [
        ("images/cover.png", False, True),
        ("../img/my cover.png", False, True),
        ("https://example.org/a.png", False, True),
        ("data:image/png;base64,iVBORw0KGgo=", True, True),
        ("data:image/png;base64,iVBORw0KGgo=", False, False),
        ("data:image/svg+xml;base64,PHN2Zz4=", True, False),
        ("data:text/html,<script>alert(1)</script>", True, False),
        ("javascript:alert(1)", True, False),
        ("jav&#x61;script:alert(1)", True, False),
        ("//evil.example/a.png", False, False),
        ("https://prizm.fr@evil.example/a.png", False, False),
        ("images/\u202egnp.png", False, False),
        ("images/a\tb.png", False, False),
        ("", False, False),
    ],
)
def test_safe_references(url: str, images: bool, safe: bool) -> None:
    assert is_safe_reference(url, data_images=images) is safe
