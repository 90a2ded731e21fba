"""Link health as data: the cache ``mkdocs-prizm links`` writes and builds read.

The network is never touched here.  The command's HTTP adapter
([`mkdocs_prizm.cli.links_http`][]) turns answers into
[`LinkRecord`][mkdocs_prizm.core.links.LinkRecord]s; this module says what a record means
(dead, redirected, unreachable), when it is too old, how the cache file is written (stable,
sorted JSON, committed next to ``mkdocs.yml``) and read back, and which problems an article's
dead sources give.  A build reads the cache only: it stays offline and reproducible.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

from mkdocs_prizm.core.article import Article, Source
from mkdocs_prizm.core.problems import Problem, Severity

__all__ = [
    "CACHE_VERSION",
    "CacheError",
    "LinkRecord",
    "LinkState",
    "dump_cache",
    "is_stale",
    "link_problems",
    "load_cache",
    "looks_like_not_found",
    "parse_wayback",
    "redirect_kind",
    "source_urls",
    "utc_text",
    "wayback_timestamp",
]

#: The cache file's format version, written into it.
CACHE_VERSION = 1

#: Statuses that say the page is gone.  401, 403 and 429 are left out: they often mean that a
#: robot is turned away from a page that a reader would see.
_GONE_EXCLUDED = frozenset({401, 403, 407, 429})
_PERMANENT = frozenset({301, 308})

#: Words of an error page's title or first heading, in French and English (casefolded,
#: accents and apostrophes simplified; see ``_fold``).
_NOT_FOUND = re.compile(
    r"\b404\b|\b410\b|page not found|not found|no longer (?:available|exists)|"
    r"(?:does|do) not exist|doesn't exist|cannot be found|can't be found|"
    r"introuvable|n'existe (?:pas|plus)|non trouvee|page inexistante|"
    r"plus disponible|erreur 404|page manquante"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})


class CacheError(ValueError):
    """The cache file is not a links cache this version can read."""


class LinkState(str, enum.Enum):
    """What a check found; the value is the BEM modifier (``prizm-source--dead``)."""

    OK = "ok"
    REDIRECTED = "redirected"
    DEAD = "dead"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True, slots=True)
class LinkRecord:
    """What the last check of one URL found.

    Attributes:
        status: The HTTP status of the last answer (after redirects), 0 when none came.
        final_url: Where redirects led, empty when the URL answered itself.
        redirect: ``"permanent"`` (only 301 and 308 on the way), ``"temporary"`` or empty.
        soft_404: Whether a page answered 200 with a title saying it does not exist.
        error: Why no answer came (``timeout``, ``connection refused``), else empty.
        checked_at: When the check ran, ISO 8601 in UTC (``2026-01-31T10:00:00Z``).
        archive_url: A Wayback Machine snapshot of the URL, empty when none is known.
        archive_date: The snapshot's date and time, ISO 8601 in UTC, empty when none.
    """

    status: int = 0
    final_url: str = ""
    redirect: str = ""
    soft_404: bool = False
    error: str = ""
    checked_at: str = ""
    archive_url: str = ""
    archive_date: str = ""

    @property
    def state(self) -> LinkState:
        """Dead (gone, or a soft 404), unreachable (no answer, server error), redirected, ok."""
        if self.soft_404 or (400 <= self.status < 500 and self.status not in _GONE_EXCLUDED):
            return LinkState.DEAD
        if self.status == 0 or self.status >= 400:
            return LinkState.UNREACHABLE
        if self.final_url:
            return LinkState.REDIRECTED
        return LinkState.OK

    @property
    def dead(self) -> bool:
        """Whether the link is dead: what a build marks."""
        return self.state is LinkState.DEAD

    @property
    def archive_day(self) -> str:
        """The snapshot's date alone (``2024-05-01``), for ``data-versiondate``."""
        return self.archive_date[:10]

    def describe(self) -> str:
        """The finding in a few words: ``404``, ``200, soft 404``, ``timeout``."""
        if self.error:
            return self.error
        text = str(self.status)
        if self.soft_404:
            text += ", a page saying it does not exist (soft 404)"
        if self.final_url:
            text += f", after a {self.redirect} redirect to {self.final_url}"
        return text

    def as_json(self) -> dict[str, Any]:
        """The record as the cache stores it: empty fields left out."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_json(cls, data: Any) -> LinkRecord:
        """Read one record of the cache; unknown keys are ignored (a newer version's)."""
        if not isinstance(data, Mapping):
            raise CacheError("a link entry is not a mapping")
        values: dict[str, Any] = {}
        for spec in fields(cls):
            if spec.name not in data:
                continue
            value = data[spec.name]
            expected = type(spec.default)
            if type(value) is not expected:
                raise CacheError(f"'{spec.name}' is not a {expected.__name__}: {value!r:.60}")
            values[spec.name] = value
        return cls(**values)


def load_cache(text: str) -> dict[str, LinkRecord]:
    """Read the cache file's text: URL → record.

    Raises:
        CacheError: The text is not JSON, or not a links cache of a known version.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CacheError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("links"), dict):
        raise CacheError("expected a mapping with a 'links' mapping")
    version = data.get("version", CACHE_VERSION)
    if version != CACHE_VERSION:
        raise CacheError(f"version {version!r} is not supported (expected {CACHE_VERSION})")
    records: dict[str, LinkRecord] = {}
    for url, entry in data["links"].items():
        try:
            records[url] = LinkRecord.from_json(entry)
        except CacheError as exc:
            raise CacheError(f"{url}: {exc}") from None
    return records


def dump_cache(records: Mapping[str, LinkRecord]) -> str:
    """The cache file's text: sorted, indented JSON, so that a re-check gives a small diff."""
    data = {
        "version": CACHE_VERSION,
        "links": {url: records[url].as_json() for url in sorted(records)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def utc_text(moment: dt.datetime) -> str:
    """A moment as ISO 8601 in UTC, to the second (``2026-01-31T10:00:00Z``)."""
    moment = moment.astimezone(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    return moment.isoformat() + "Z"


def _parse_utc(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def is_stale(record: LinkRecord | None, now: dt.datetime, max_age: dt.timedelta | None) -> bool:
    """Whether a URL is to be checked (again): never checked, or checked over ``max_age`` ago.

    Args:
        record: The cached record, or ``None``.
        now: The current moment (aware).
        max_age: How old a record may be; ``None`` keeps every record.
    """
    if record is None:
        return True
    if max_age is None:
        return False
    checked = _parse_utc(record.checked_at)
    return checked is None or now - checked > max_age


def redirect_kind(statuses: Iterable[int]) -> str:
    """``"permanent"`` when every redirect on the way was 301 or 308, else ``"temporary"``."""
    codes = list(statuses)
    if not codes:
        return ""
    return "permanent" if all(code in _PERMANENT for code in codes) else "temporary"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def looks_like_not_found(texts: Iterable[str]) -> bool:
    """Whether a page's ``<title>`` or first heading says the page does not exist.

    Matches "404", "Page not found", "Page introuvable", "Cette page n'existe pas"... in
    French and English, whatever the case, accents and apostrophes.
    """
    return any(_NOT_FOUND.search(_fold(text)) for text in texts if text)


def wayback_timestamp(moment: dt.date) -> str:
    """The Wayback Machine's timestamp for a date (``20240501``)."""
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"


def parse_wayback(data: Any) -> tuple[str, str] | None:
    """The closest snapshot in an availability API answer: ``(url, ISO date)``, or ``None``.

    The answer looks like ``{"archived_snapshots": {"closest": {"available": true,
    "url": "http://web.archive.org/web/2024.../https://...", "timestamp": "20240501103000",
    "status": "200"}}}``; a snapshot of an error page is not used.
    """
    if not isinstance(data, Mapping):
        return None
    snapshots = data.get("archived_snapshots")
    closest = snapshots.get("closest") if isinstance(snapshots, Mapping) else None
    if not isinstance(closest, Mapping) or closest.get("available") is not True:
        return None
    url, stamp = closest.get("url"), closest.get("timestamp")
    if not isinstance(url, str) or not isinstance(stamp, str) or not url.startswith("http"):
        return None
    if str(closest.get("status", "200")) != "200":
        return None
    try:
        moment = dt.datetime.strptime(stamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    url = url.replace("http://web.archive.org/", "https://web.archive.org/", 1)
    return url, utc_text(moment.replace(tzinfo=dt.timezone.utc))


def source_urls(article: Article) -> Iterator[Source]:
    """The article's sources that have a safe http(s) URL: the ones a check looks at."""
    section = article.sources
    if section is None:
        return
    for source in section.entries:
        if source.url and source.url_safe:
            yield source


def link_problems(
    article: Article,
    records: Mapping[str, LinkRecord],
    *,
    file: str,
    line_offset: int = 0,
    everything: bool = False,
) -> list[Problem]:
    """The problems of an article's source links, as the cache knows them.

    Args:
        article: The article.
        records: The cache: URL → record.
        file: The file to name.
        line_offset: Added to ``Source.line`` to give file lines.
        everything: Also report unreachable links (``PRZ373``) and permanent redirects
            (``PRZ372``), as the ``links`` command does; a build reports dead links only.
    """
    problems: list[Problem] = []
    for source in source_urls(article):
        record = records.get(source.url)
        if record is None:
            continue
        state = record.state
        where = f"source {source.number} «{source.title}»: {source.url}"
        line = source.line + line_offset if source.line else 0
        if state is LinkState.DEAD:
            archive = f"; archived copy: {record.archive_url}" if record.archive_url else ""
            message = f"{where} is a dead link ({record.describe()}){archive}"
            problems.append(Problem(file, line, 0, Severity.WARNING, "PRZ371", message))
        elif not everything:
            continue
        elif state is LinkState.UNREACHABLE:
            message = f"{where} could not be checked ({record.describe()})"
            problems.append(Problem(file, line, 0, Severity.WARNING, "PRZ373", message))
        elif state is LinkState.REDIRECTED and record.redirect == "permanent":
            message = f"{where} moved permanently to {record.final_url}"
            problems.append(Problem(file, line, 0, Severity.INFO, "PRZ372", message))
    return problems
