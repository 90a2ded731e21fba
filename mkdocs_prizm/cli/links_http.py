"""The network adapter of ``mkdocs-prizm links``: asks servers and the Wayback Machine.

Standard library only (``urllib.request``, ``html.parser``): the project does not depend on
``requests``, and a link check needs no more than status lines, redirects and a page title.
Redirects are followed by hand, so that each hop's status is known (permanent or temporary)
and no hop leaves http(s).  Each URL is asked with ``HEAD`` first; ``GET`` follows when
``HEAD`` is refused or fails, and for HTML pages, whose title tells a soft 404.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from http.client import HTTPException, HTTPResponse
from urllib.parse import quote, urljoin, urlsplit

from mkdocs_prizm.core.links import (
    LinkRecord,
    looks_like_not_found,
    parse_wayback,
    redirect_kind,
    utc_text,
    wayback_timestamp,
)

__all__ = ["WAYBACK_API", "HttpSettings", "LinkChecker", "page_headings", "user_agent"]

#: The Wayback Machine's availability API.
WAYBACK_API = "https://archive.org/wayback/available"
_MAX_REDIRECTS = 10
_READ_LIMIT = 256 * 1024  # enough for a page's <title> and first <h1>


def user_agent(version: str, contact: str = "") -> str:
    """A polite ``User-Agent``: the project, its version, what it does, whom to contact."""
    text = f"mkdocs-prizm/{version} (link check of article sources; +https://pypi.org/project/mkdocs-prizm/"
    if contact:
        text += f"; contact: {contact}"
    return text + ")"


@dataclass(frozen=True, slots=True)
class HttpSettings:
    """How the checker talks to servers.

    Attributes:
        user_agent: The ``User-Agent`` header.
        timeout: Seconds to wait for each connection or read.
        per_host: How many requests one host gets at a time.
        wayback_api: The availability API's address (a local server in tests), or empty to
            look no snapshot up.
        soft_404: Read the title of HTML pages (a ``GET`` after the ``HEAD``) for soft 404s.
    """

    user_agent: str
    timeout: float = 10.0
    per_host: int = 2
    wayback_api: str = ""
    soft_404: bool = True


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    url: str
    content_type: str = ""
    headings: tuple[str, ...] = ()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back as they are: the checker follows them itself."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class _Headings(HTMLParser):
    """Collects the text of ``<title>`` and of the first ``<h1>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, list[str]] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "h1") and tag not in self.texts:
            self._open = tag
            self.texts[tag] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.texts[self._open].append(data)


def page_headings(html: str) -> tuple[str, ...]:
    """The texts of a page's ``<title>`` and first ``<h1>`` (what a soft 404 says)."""
    parser = _Headings()
    with contextlib.suppress(AssertionError):  # html.parser gives up on some broken markup
        parser.feed(html)
        parser.close()
    return tuple(" ".join("".join(parts).split()) for parts in parser.texts.values())


class LinkChecker:
    """Checks URLs; one instance is shared by the threads of a run (thread-safe)."""

    def __init__(self, settings: HttpSettings) -> None:
        self.settings = settings
        self._opener = urllib.request.build_opener(_NoRedirects())
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def check(
        self, url: str, *, wayback: dt.date | None = None, now: dt.datetime | None = None
    ) -> LinkRecord:
        """Check ``url``: status, redirects, soft 404.

        Args:
            url: The http(s) URL.
            wayback: Look up the snapshot closest to this date (the source's date, or today).
            now: The moment recorded as ``checked_at`` (default: now).
        """
        moment = now or dt.datetime.now(dt.timezone.utc)
        statuses: list[int] = []
        try:
            answer = self._follow(url, "HEAD", statuses)
            soft = self.settings.soft_404 and _is_html(answer.content_type)
            if answer.status >= 400 or soft:
                statuses = []
                answer = self._follow(url, "GET", statuses)
        except _NoAnswerError as failure:
            answer, error = None, str(failure)
            if error != "timeout":  # HEAD may be what failed (a server that drops it)
                statuses = []
                with contextlib.suppress(_NoAnswerError):
                    answer = self._follow(url, "GET", statuses)
        record = LinkRecord(checked_at=utc_text(moment))
        if answer is not None:
            moved = answer.url if answer.url != url else ""
            record = LinkRecord(
                status=answer.status,
                final_url=moved,
                redirect=redirect_kind(statuses) if moved else "",
                soft_404=answer.status == 200 and looks_like_not_found(answer.headings),
                checked_at=record.checked_at,
            )
        else:
            record = LinkRecord(error=error, checked_at=record.checked_at)
        if wayback is not None and self.settings.wayback_api:
            found = self.snapshot(url, wayback)
            if found is not None:
                record = dataclasses.replace(record, archive_url=found[0], archive_date=found[1])
        return record

    def snapshot(self, url: str, when: dt.date) -> tuple[str, str] | None:
        """The Wayback Machine's snapshot of ``url`` closest to ``when``, or ``None``."""
        api = self.settings.wayback_api
        query = f"url={quote(url, safe='')}&timestamp={wayback_timestamp(when)}"
        address = f"{api}{'&' if '?' in api else '?'}{query}"
        request = urllib.request.Request(address, headers=self._headers())  # noqa: S310
        try:
            with (
                self._slot(address),
                self._opener.open(request, timeout=self.settings.timeout) as response,
            ):
                data = json.loads(response.read(_READ_LIMIT).decode("utf-8", "replace"))
        except (OSError, HTTPException, ValueError):
            return None
        return parse_wayback(data)

    # -- helpers ----------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {
            "User-Agent": self.settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "fr,en;q=0.8",
        }

    @contextlib.contextmanager
    def _slot(self, url: str) -> Iterator[None]:
        """At most ``per_host`` requests to one host at a time."""
        host = (urlsplit(url).hostname or "").casefold()
        with self._lock:
            gate = self._hosts.get(host)
            if gate is None:
                gate = self._hosts[host] = threading.BoundedSemaphore(self.settings.per_host)
        with gate:
            yield

    def _follow(self, url: str, method: str, statuses: list[int]) -> _Answer:
        """Ask ``url`` and follow its redirects; each hop's status goes into ``statuses``."""
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            answer = self._ask(current, method)
            location = answer.url
            if not (300 <= answer.status < 400 and location):
                return _Answer(answer.status, current, answer.content_type, answer.headings)
            target = urljoin(current, location)
            if urlsplit(target).scheme not in ("http", "https"):
                raise _NoAnswerError(f"redirect to a non-http(s) address: {target:.80}")
            statuses.append(answer.status)
            current = target
        raise _NoAnswerError(f"more than {_MAX_REDIRECTS} redirects")

    def _ask(self, url: str, method: str) -> _Answer:
        """One request; ``url`` of the answer is its ``Location`` header (empty when none)."""
        request = urllib.request.Request(url, method=method, headers=self._headers())  # noqa: S310
        try:
            with self._slot(url):
                try:
                    response = self._opener.open(request, timeout=self.settings.timeout)
                except urllib.error.HTTPError as exc:  # 3xx (not followed), 4xx, 5xx
                    with exc:
                        return _Answer(exc.code, exc.headers.get("Location", "") or "")
                with response:
                    return self._read(response, method)
        except TimeoutError:
            raise _NoAnswerError("timeout") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise _NoAnswerError("timeout") from None
            raise _NoAnswerError(_reason(reason)) from None
        except (OSError, HTTPException, ValueError) as exc:
            raise _NoAnswerError(_reason(exc)) from None

    def _read(self, response: HTTPResponse, method: str) -> _Answer:
        content_type = response.headers.get("Content-Type", "") or ""
        headings: tuple[str, ...] = ()
        if method == "GET" and _is_html(content_type):
            charset = response.headers.get_content_charset() or "utf-8"
            body = response.read(_READ_LIMIT)
            try:
                text = body.decode(charset, "replace")
            except LookupError:
                text = body.decode("utf-8", "replace")
            headings = page_headings(text)
        return _Answer(response.status, "", content_type, headings)


class _NoAnswerError(Exception):
    """No answer came: the message says why."""


def _is_html(content_type: str) -> bool:
    return content_type.split(";", maxsplit=1)[0].strip().casefold() in (
        "text/html",
        "application/xhtml+xml",
    )


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.casefold()
    return str(reason) or type(reason).__name__
