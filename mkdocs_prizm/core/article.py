"""The normalised article: frozen dataclasses built from front matter, notes and sources.

Everything here is plain data.  Templates receive it as ``page.meta["prizm"]`` (see the theme
authors' guide in the docs); the editorial report serialises it
([`article_record`][mkdocs_prizm.core.report.article_record]).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

__all__ = [
    "Article",
    "Author",
    "InternalNote",
    "ReadingTime",
    "Reliability",
    "Source",
    "SourceDate",
    "SourcesSection",
    "Tier",
    "source_anchor",
]


class Tier(str, enum.Enum):
    """Reliability tiers; the value is the BEM modifier (``prizm-badge--high``)."""

    VERY_HIGH = "very-high"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    UNRATED = "unrated"


@dataclass(frozen=True, slots=True)
class Reliability:
    """A reliability score as the author wrote it.

    Attributes:
        score: The score out of 10, or ``None`` when unrated (missing, out of range, not a number).
        raw: The text as written (``"8/10"``, ``"huit"``), empty when missing.
        note: A justification written after the score (``"source institutionnelle"``).
    """

    score: float | None = None
    raw: str = ""
    note: str = ""

    @property
    def rated(self) -> bool:
        """Whether the source carries a usable score."""
        return self.score is not None

    @property
    def data_value(self) -> str:
        """The ``data-reliability`` attribute value: ``"8"``, ``"7.5"`` or ``"unrated"``."""
        if self.score is None:
            return "unrated"
        return f"{self.score:g}"


@dataclass(frozen=True, slots=True)
class SourceDate:
    """A source's date: parsed when possible, always kept as written.

    Attributes:
        raw: The date text as written, without the trailing note.
        value: The parsed date (day precision; the first day for a month or a year).
        precision: ``"day"``, ``"month"``, ``"year"`` or ``""`` when unparsed.
        note: Text after the date, kept (``"avec mise à jour avril 2024"``).
    """

    raw: str
    value: dt.date | None = None
    precision: str = ""
    note: str = ""

    @property
    def iso(self) -> str:
        """The ``datetime`` value: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; empty if unparsed."""
        if self.value is None:
            return ""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


def source_anchor(number: int) -> str:
    """The element id of source entry ``number`` in its article: ``prizm-source-N``."""
    return f"prizm-source-{number}"


@dataclass(frozen=True, slots=True)
class Source:
    """One entry of the sources section.

    Attributes:
        number: Position in the section, 1..n (as rendered; the author's number may differ).
        title: The source's name or title, plain text.
        kind: Its type as written (``"Article"``, ``"Étude"``), possibly empty.
        date: Its date, or ``None``.
        url: The URL as written (possibly unsafe; check ``url_safe``).
        url_safe: Whether ``url`` is an http(s) URL with a host, safe to render as a link.
        reliability: The reliability score.
        description: Any further text of the entry (publisher, details), plain text.
        raw: The Markdown of the entry exactly as written (published as is when ``structured``
            is false).
        structured: Whether the parser understood the entry.
        line: Line of the entry in the article body (1-based).
        form: Which form it was written in: ``"numbered"``, ``"block"``, ``"inline"``, ``"link"``,
            ``"superscript"`` or ``"raw"``.
        citations: The ids of the places in the text that cite it (``prizm-cite-1-1``, ...).
        host: The URL's host as it is shown (``check_url``'s: Unicode only when that is safe,
            else punycode), kept by the parser when it checked the URL; empty when the URL is
            not safe, or when the entry was not parsed.
    """

    number: int
    title: str
    kind: str = ""
    date: SourceDate | None = None
    url: str = ""
    url_safe: bool = False
    reliability: Reliability = field(default_factory=Reliability)
    description: str = ""
    raw: str = ""
    structured: bool = True
    line: int = 0
    form: str = "numbered"
    citations: tuple[str, ...] = ()
    host: str = ""

    @property
    def anchor(self) -> str:
        """The entry's element id, ``prizm-source-N``."""
        return source_anchor(self.number)


@dataclass(frozen=True, slots=True)
class Citation:
    """One place in the text that cites a source entry.

    Attributes:
        line: Line of the citation in the article body (1-based, as ``Source.line``).
        start: Column where the cited text starts (0-based, as a Python slice of the line).
        end: Column where it ends (exclusive).
        number: The cited entry's ``number``.
        index: Which citation of that entry it is, in reading order (1-based).
        superscript: Whether it is a superscript marker (``européen¹``) rather than a name.
    """

    line: int
    start: int
    end: int
    number: int
    index: int
    superscript: bool = False

    @property
    def anchor(self) -> str:
        """The citation's element id, ``prizm-cite-N-K``."""
        return f"prizm-cite-{self.number}-{self.index}"

    @property
    def target(self) -> str:
        """The cited entry's element id, ``prizm-source-N``."""
        return source_anchor(self.number)


@dataclass(frozen=True, slots=True)
class SourcesSection:
    """The parsed "Sources et références" section.

    Attributes:
        heading: The heading text as written (``"Sources et références"``).
        level: The heading level (2 for ``##``).
        intro: Markdown written between the heading and the first entry (the italic line).
        entries: The sources, in the author's order, numbered 1..n.
        trailing: Markdown after the entries that is not a source (published as written).
        start_line: Line of the heading in the body (1-based).
        end_line: Last line of the section in the body (1-based, inclusive).
        entries_start_line: First line of the entries (1-based; 0 without entries).
        entries_end_line: Line after the entries: where the trailing text starts, or the line
            after the section (1-based).
    """

    heading: str
    level: int
    intro: str = ""
    entries: tuple[Source, ...] = ()
    trailing: str = ""
    start_line: int = 0
    end_line: int = 0
    entries_start_line: int = 0
    entries_end_line: int = 0


@dataclass(frozen=True, slots=True)
class InternalNote:
    """The fields of an internal optimisation note (never rendered).

    Attributes:
        kind: Its first line (``"ARTICLE FINAL - OPTIMISÉ STYLE PRIZM"``).
        fields: Every ``Key : value`` line, in order, as written.
        version: ``Version`` field, if any.
        integrity_score: ``Score intégrité`` as a percentage, if any.
        conversational_score: ``Score conversationnel`` as a percentage, if any.
        optimised_at: ``Optimisé le`` timestamp as written, if any.
        line: Line of the note in the body.
    """

    kind: str
    fields: tuple[tuple[str, str], ...] = ()
    version: str | None = None
    integrity_score: float | None = None
    conversational_score: float | None = None
    optimised_at: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Author:
    """An author, optionally described by the authors file.

    Attributes:
        key: The name as written in front matter (the authors file key).
        name: Display name.
        description: Short description (role).
        avatar: Avatar URL or path, if known.
        url: Profile URL, if known and safe.
    """

    key: str
    name: str
    description: str = ""
    avatar: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class ReadingTime:
    """Reading time, declared and computed.

    Attributes:
        minutes: What is shown: the declared minutes when given, otherwise the computed ones.
        declared: The front matter value as written (``"3 min"``), or ``None``.
        declared_minutes: The declared value in minutes, or ``None`` if absent or unreadable.
        computed_minutes: The estimate from the text.
        words: Number of words counted.
        images: Number of images counted.
    """

    minutes: int
    declared: str | None = None
    declared_minutes: int | None = None
    computed_minutes: int = 0
    words: int = 0
    images: int = 0

    @property
    def iso8601(self) -> str:
        """Duration for schema.org ``timeRequired``: ``PT3M``."""
        return f"PT{max(self.minutes, 1)}M"


@dataclass(frozen=True, slots=True)
class Article:
    """An article, normalised from every front matter variant Prizm writes.

    Attributes:
        is_article: Whether the page is treated as an article (byline, sources, structured data).
        title: Plain-text title.
        description: Plain-text description (possibly empty).
        date: Publication date (``date`` or ``pubDate``).
        updated: Update date (``updatedDate``).
        authors: Authors, in order.
        categories: Categories (``categories`` list or ``category`` string).
        tags: Tags.
        image: Image path or URL (``image``, ``imageUrl`` or ``heroImage``).
        featured: The ``featured`` flag.
        emoji: The ``emoji`` field.
        kind: The ``type`` field (``"analyse"``, ``"opinion"``).
        declared_sources: The ``sources`` count from front matter, if any.
        language: Language used for labels, dates and reading speed (``"fr"``, ``"en"``).
        reading_time: Reading time, declared and computed.
        note: The internal optimisation note's fields, if the article had one.
        sources: The parsed sources section, if any.
        unmatched_citations: Citation names that match no source.
        path: Source path relative to ``docs_dir``.
        reviewers: The people who reviewed the AI-written text (front matter ``reviewer``,
            else the ``disclosure_reviewer`` option), resolved in the authors file.
    """

    is_article: bool = False
    title: str = ""
    description: str = ""
    date: dt.date | None = None
    updated: dt.date | None = None
    authors: tuple[Author, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str = ""
    featured: bool = False
    emoji: str = ""
    kind: str = ""
    declared_sources: int | None = None
    language: str = "fr"
    reading_time: ReadingTime | None = None
    note: InternalNote | None = None
    sources: SourcesSection | None = None
    unmatched_citations: tuple[str, ...] = ()
    path: str = ""
    reviewers: tuple[Author, ...] = ()
