"""View models: what the templates show, worked out once in Python.

Templates only arrange these values; tiers, labels, short URLs and localised dates are computed
here, so that a theme's override of a template never has to repeat that logic.  Each view also
carries the core object it was made from (``source``, ``article``) for overrides that want more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs_prizm.core.article import Article, Source, Tier
from mkdocs_prizm.core.i18n import format_date, format_score
from mkdocs_prizm.core.links import LinkRecord, LinkState
from mkdocs_prizm.core.sources import reliability_tier
from mkdocs_prizm.core.urls import RE_BIDI, check_url, is_safe_reference, is_safe_url

__all__ = [
    "TIER_ICONS",
    "ArchiveView",
    "BylineView",
    "DateView",
    "LinkView",
    "SourceView",
    "byline_view",
    "citation_summary",
    "inert_url",
    "short_url",
    "source_view",
    "tier_label",
]

#: A shape for each tier (filled dots), shown next to its words: colour is never the only sign.
TIER_ICONS: dict[Tier, str] = {
    Tier.VERY_HIGH: "●●●●",
    Tier.HIGH: "●●●○",
    Tier.MEDIUM: "●●○○",
    Tier.LOW: "●○○○",
    Tier.UNRATED: "○○○○",
}
#: What a view shows of each tier: its value (the BEM modifier), its label's key, its icon.
_TIERS: dict[Tier, tuple[str, str, str]] = {
    tier: (tier.value, "tier_" + tier.value.replace("-", "_"), TIER_ICONS[tier]) for tier in Tier
}
_SHORT_URL_LENGTH = 60
_DEAD = LinkState.DEAD.value


@dataclass(slots=True)
class DateView:
    """A date as shown: ``iso`` for ``<time datetime>`` (empty when unknown), ``text``, ``note``."""

    iso: str
    text: str
    note: str = ""


@dataclass(slots=True)
class LinkView:
    """A name with an optional link (``href`` empty when none) and a label for screen readers."""

    text: str
    href: str = ""
    label: str = ""
    image: str = ""


@dataclass(slots=True)
class ArchiveView:
    """An archived copy of a source's page (Robust Links' ``data-versionurl``/``versiondate``).

    Attributes:
        url: The snapshot's address.
        date: Its date, ``YYYY-MM-DD``.
        title: A tooltip in words (``Copie archivée le 1 mai 2024``).
    """

    url: str
    date: str
    title: str


@dataclass(slots=True)
class SourceView:
    """One entry of the sources list, ready to show.

    Attributes:
        source: The core entry.
        tier: The reliability tier's value (``high``), for the BEM modifier and ``data-tier``.
        tier_label: The tier in words (``fiable``).
        tier_icon: The tier as dots (``●●●○``).
        score: The score as shown (``7,5/10``), empty when unrated.
        title_attribute: The badge's tooltip (``Fiabilité : 8/10``).
        date: The entry's date, or ``None``.
        short_url: Host and start of the path, for display; an unsafe URL as inert text.
        backrefs: Links back to each citation of the entry in the text.
        link_state: What the links cache says of the URL (``ok``, ``redirected``, ``dead``,
            ``unreachable``), empty when it says nothing.
        archive: The archived copy to offer (``links_archive``), or ``None``.
    """

    source: Source
    tier: str
    tier_label: str
    tier_icon: str
    score: str
    title_attribute: str
    date: DateView | None
    short_url: str
    backrefs: tuple[LinkView, ...]
    link_state: str = ""
    archive: ArchiveView | None = None

    @property
    def dead(self) -> bool:
        """Whether the links cache found the source's URL dead."""
        return self.link_state == _DEAD


@dataclass(slots=True)
class BylineView:
    """The byline's values, ready to show.

    Attributes:
        article: The core article.
        authors: Name, profile link and avatar URL of each author.
        date: Publication date, or ``None``.
        updated: Update date, or ``None``.
        reading_minutes: Minutes of reading, or ``None``.
        reading_time: The reading time in words (``7 min de lecture``), or empty.
        categories: The categories.
        tags: Each tag with its link on the tags page (``href`` empty when none).
    """

    article: Article
    authors: tuple[LinkView, ...]
    date: DateView | None
    updated: DateView | None
    reading_minutes: int | None
    reading_time: str
    categories: tuple[str, ...]
    tags: tuple[LinkView, ...]

    @property
    def empty(self) -> bool:
        """Whether the byline has nothing to show."""
        article = self.article
        return not (
            self.authors
            or self.date
            or self.updated
            or self.reading_minutes
            or self.categories
            or self.tags
            or article.featured
            or article.emoji
        )


def tier_label(tier: Tier, labels: Mapping[str, str]) -> str:
    """Words for a tier (``fiable``)."""
    value, key, _ = _TIERS[tier]
    return labels.get(key, value)


def short_url(url: str, host: str = "") -> str:
    """The host and the start of the path, for display.

    The host is shown as [`check_url`][mkdocs_prizm.core.urls.check_url] says (Unicode only
    when a label is written in one script, else punycode).  A URL that is not safe is shown as
    it is, with bidirectional controls made visible (``<U+202E>``) so they cannot reorder it.

    Args:
        url: The URL as written.
        host: Its host as ``check_url`` showed it, when the URL was found safe already (a
            parsed [`Source`][mkdocs_prizm.core.article.Source]'s ``host``): it is not checked
            again.  Empty: the URL is checked here.
    """
    if not host:
        verdict = check_url(url)
        if not verdict.safe:
            return inert_url(url)
        host = verdict.host
    parts = urlsplit(url.strip())
    if ":" in parts.netloc:  # a port (or an IPv6 address, which has its own colons)
        try:
            port = parts.port
        except ValueError:  # pragma: no cover - check_url refused these
            port = None
        if port is not None:
            host += f":{port}"
    shown = host + parts.path
    if len(shown) <= _SHORT_URL_LENGTH:
        return shown
    return shown[: _SHORT_URL_LENGTH - 3] + "…"


def inert_url(url: str) -> str:
    """A refused URL as text: bidirectional controls shown as ``<U+202E>``, not obeyed."""
    return RE_BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", url)


def _date(value: dt.date, language: str) -> DateView:
    return DateView(value.isoformat(), format_date(value, language))


def source_view(
    source: Source,
    labels: Mapping[str, str],
    language: str,
    thresholds: tuple[float, float, float],
    *,
    link: LinkRecord | None = None,
    archive: bool = False,
) -> SourceView:
    """The view of one source entry.

    Args:
        source: The entry.
        labels: The labels in the article's language.
        language: The article's language.
        thresholds: The tiers' lowest scores.
        link: What the links cache says of the entry's URL, if anything.
        archive: Offer the archived copy the cache knows (``links_archive``).
    """
    reliability = source.reliability
    level = reliability_tier(reliability.score, thresholds)
    tier, _, tier_icon = _TIERS[level]
    score = ""
    if reliability.score is not None:
        score = labels["score_out_of"].format(score=format_score(reliability.score, language))
    title = labels["reliability"]
    if reliability.raw:
        title = labels["reliability_of"].format(value=reliability.raw)
    date = None
    if source.date is not None:
        value = source.date
        if value.value is not None and value.precision == "day":
            text = format_date(value.value, language)
        else:
            text = value.raw
        date = DateView(value.iso, text, value.note or "")
    backrefs: tuple[LinkView, ...] = ()
    if source.citations:
        back = labels["back_to_citation"]
        backrefs = tuple(
            LinkView(f"↩\ufe0e{n}", f"#{cite}", back.format(n=n))
            for n, cite in enumerate(source.citations, start=1)
        )
    return SourceView(
        source=source,
        tier=tier,
        tier_label=tier_label(level, labels),
        tier_icon=tier_icon,
        score=score,
        title_attribute=title,
        date=date,
        short_url=short_url(source.url, source.host) if source.url_safe else inert_url(source.url),
        backrefs=backrefs,
        link_state=link.state.value if link is not None and source.url_safe else "",
        archive=_archive(link, labels, language) if archive and source.url_safe else None,
    )


def _archive(
    link: LinkRecord | None, labels: Mapping[str, str], language: str
) -> ArchiveView | None:
    """The archived copy of a link, when the cache knows a safe one."""
    if link is None or not link.archive_url or not is_safe_url(link.archive_url):
        return None
    day = link.archive_day
    try:
        shown = format_date(dt.date.fromisoformat(day), language)
    except ValueError:
        return None
    return ArchiveView(link.archive_url, day, labels["link_archive_of"].format(date=shown))


def citation_summary(entry: SourceView) -> str:
    """The cited source in one line of plain text, for a citation's ``title``.

    ``Titre (Type, 12 mars 2025) — fiable, 8/10``; an entry the parser did not understand is
    given as written, cut to 200 characters.
    """
    source = entry.source
    if not source.structured:
        raw = " ".join(source.raw.split())
        return raw if len(raw) <= 200 else raw[:199] + "…"
    details = ", ".join(d for d in (source.kind, entry.date.text if entry.date else "") if d)
    summary = f"{source.title} ({details})" if details else source.title
    rating = f"{entry.tier_label}, {entry.score}" if entry.score else entry.tier_label
    return f"{summary} — {rating}"


def byline_view(
    article: Article,
    labels: Mapping[str, str],
    *,
    asset: Callable[[str], str],
    tag_url: Callable[[str], str],
    hide: frozenset[str] = frozenset(),
) -> BylineView:
    """The view of an article's byline.

    Args:
        article: The article.
        labels: The labels in the article's language.
        asset: Makes a site-relative path usable from the page (avatars).
        tag_url: The link of a tag on the tags page, empty when none.
        hide: What the theme shows already: ``date``, ``reading_time``, ``authors``,
            ``categories`` (left out of the byline).
    """
    language = article.language
    minutes = article.reading_time.minutes if article.reading_time else None
    if "reading_time" in hide:
        minutes = None
    authors = () if "authors" in hide else article.authors
    return BylineView(
        article=article,
        authors=tuple(
            LinkView(
                a.name,
                a.url if is_safe_url(a.url) else "",
                image=asset(a.avatar) if is_safe_reference(a.avatar, data_images=True) else "",
            )
            for a in authors
        ),
        date=_date(article.date, language) if article.date and "date" not in hide else None,
        updated=_date(article.updated, language) if article.updated else None,
        reading_minutes=minutes,
        reading_time=labels["reading_time"].format(minutes=minutes) if minutes else "",
        categories=() if "categories" in hide else article.categories,
        tags=tuple(LinkView(tag, tag_url(tag)) for tag in article.tags),
    )
