"""Rendering HTML fragments (byline, sources list, badges) with Jinja templates.

Templates are looked up through the theme's search path, where the plugin appends its own
``templates/`` folder last: a theme's ``custom_dir`` file at ``prizm/byline.html`` wins.
Autoescaping is always on in these fragments, whatever the theme does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markupsafe

from mkdocs_prizm.core.article import Article, Source, SourceDate, Tier
from mkdocs_prizm.core.charrefs import astral_to_charrefs
from mkdocs_prizm.core.i18n import format_date, format_score, labels_for
from mkdocs_prizm.core.pipeline import SOURCES_CLOSE, SOURCES_LIST, SOURCES_OPEN
from mkdocs_prizm.core.sources import reliability_tier
from mkdocs_prizm.core.sources_index import UNRATED_BUCKET, ArticleRef, HistogramBucket, SourceGroup
from mkdocs_prizm.fastrender import render_byline, render_sources

#: The package's own templates folder (appended last to the theme's search path).
TEMPLATES_DIR = Path(__file__).parent / "templates"

TIER_ICONS: dict[Tier, str] = {
    Tier.VERY_HIGH: "●●●●",
    Tier.HIGH: "●●●○",
    Tier.MEDIUM: "●●○○",
    Tier.LOW: "●○○○",
    Tier.UNRATED: "○○○○",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How fragments look: language, labels, tiers and links."""

    language: str = "fr"
    labels: Mapping[str, str] | None = None
    thresholds: tuple[float, float, float] = (9.0, 7.0, 5.0)
    link_rel: str = "noopener noreferrer"
    link_target: str | None = None
    tags_url: str | None = None
    #: Turns a tag into the fragment of its entry on the tags page (Material's own slug rule
    #: when its tags plugin is on); ``None`` for the built-in ``tag:<slug>`` form.
    tag_anchor: Callable[[str], str] | None = None
    base_url: str = ""


class Helpers:
    """The ``prizm`` object templates receive: small formatting functions."""

    def __init__(self, options: RenderOptions, labels: Mapping[str, str]) -> None:
        self.options = options
        self.labels = labels
        self.link_rel = options.link_rel
        self.link_target = options.link_target

    def date(self, value: dt.date) -> str:
        """Long localised date: ``29 juillet 2025``."""
        return format_date(value, self.options.language)

    def source_date(self, value: SourceDate) -> str:
        """A source's date: localised when known to the day, as written otherwise."""
        if value.value is not None and value.precision == "day":
            return format_date(value.value, self.options.language)
        return value.raw

    def score(self, value: float) -> str:
        """Score with the locale's decimal sign: ``7,5``."""
        return format_score(value, self.options.language)

    def tier(self, source: Source) -> Tier:
        """Reliability tier of ``source``."""
        return reliability_tier(source.reliability.score, self.options.thresholds)

    def tier_label(self, tier: Tier) -> str:
        """Words for a tier (``fiable``)."""
        return self.labels.get("tier_" + tier.value.replace("-", "_"), tier.value)

    def tier_icon(self, tier: Tier) -> str:
        """A shape for the tier (filled dots), next to its words."""
        return TIER_ICONS[tier]

    def short_url(self, url: str) -> str:
        """The host and the start of the path, for display."""
        parts = urlsplit(url)
        shown = parts.netloc + parts.path
        return shown if len(shown) <= 60 else shown[:57] + "…"

    def tag_url(self, tag: str) -> str:
        """Link of a tag on the tags page, relative to the current page; empty when none.

        ``tags_url`` is site-relative (``tags/``) unless it is absolute (``/tags/``, a URL).
        """
        if not self.options.tags_url:
            return ""
        if self.options.tag_anchor is not None:
            anchor = self.options.tag_anchor(tag)
        else:
            slug = "".join(ch if ch.isalnum() else "-" for ch in tag.casefold()).strip("-")
            anchor = f"tag:{slug}"
        return f"{self.asset(self.options.tags_url)}#{anchor}"

    def asset(self, path: str) -> str:
        """Make a site-relative asset path usable from the current page."""
        if "://" in path or path.startswith(("/", "data:")):
            return path
        if not self.options.base_url:
            return path
        # "./" is the home page's URL: from "articles/x/" it is "../../", not "../.././".
        return self.options.base_url.rstrip("/") + "/" + path.removeprefix("./")


def _is_packaged(env: jinja2.Environment, name: str) -> bool:
    """Whether the template ``name`` is the package's own file (not a theme's override).

    Asks the loader where the file is, without compiling it.
    """
    if env.loader is None:
        return False
    try:
        _, filename, _ = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        return False
    return filename is not None and Path(filename).parent.parent == TEMPLATES_DIR


def make_environment(search_path: Sequence[str | Path]) -> jinja2.Environment:
    """An autoescaping environment over ``search_path`` (theme dirs, then the package's)."""
    dirs = [str(p) for p in search_path]
    if str(TEMPLATES_DIR) not in dirs:
        dirs.append(str(TEMPLATES_DIR))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(dirs),
        autoescape=True,
        auto_reload=False,
        keep_trailing_newline=False,
        undefined=jinja2.ChainableUndefined,
    )


class Renderer:
    """Renders an article's fragments; one per build (templates are compiled once)."""

    def __init__(self, env: jinja2.Environment, options: RenderOptions) -> None:
        self.env = env
        self.options = options
        self.labels = labels_for(options.language, options.labels)
        self._labels: dict[str, dict[str, str]] = {options.language: self.labels}
        self._sources_page: jinja2.Template | None = None
        # The package's own templates have faster Python twins (mkdocs_prizm.fastrender); a
        # theme's override of a template switches back to the template.  Only templates that
        # are used are compiled (an override now, so that its errors stop the build at once).
        self._fast_byline = _is_packaged(env, "prizm/byline.html")
        self._fast_sources = _is_packaged(env, "prizm/sources.html") and _is_packaged(
            env, "prizm/badge.html"
        )
        self._byline = None if self._fast_byline else env.get_template("prizm/byline.html")
        self._sources = None if self._fast_sources else env.get_template("prizm/sources.html")

    @property
    def options(self) -> RenderOptions:
        """How fragments look; setting it (the plugin does in ``on_files``) starts afresh."""
        return self._options

    @options.setter
    def options(self, value: RenderOptions) -> None:
        self._options = value
        self._helpers: dict[tuple[str, str], tuple[dict[str, str], Helpers]] = {}

    def _context(self, article: Article, base_url: str = "") -> dict[str, Any]:
        # An article may declare its own language (``lang: en`` on a French site).
        language = article.language or self.options.language
        key = (language, base_url)
        found = self._helpers.get(key)
        if found is None:  # a site has few languages and few page depths
            options = dataclasses.replace(self.options, language=language, base_url=base_url)
            labels = self.labels
            if language != self.options.language:
                labels = self._labels.get(language) or self._labels.setdefault(
                    language, labels_for(language, self.options.labels)
                )
            found = self._helpers[key] = (labels, Helpers(options, labels))
        labels, helpers = found
        return {"article": article, "section": article.sources, "labels": labels, "prizm": helpers}

    def byline(self, article: Article, *, base_url: str = "") -> str:
        """The byline's HTML."""
        context = self._context(article, base_url)
        if self._byline is None:
            html = render_byline(article, context["labels"], context["prizm"])
        else:
            html = self._byline.render(context).strip()
        return astral_to_charrefs(html)

    def sources(self, article: Article) -> str:
        """The sources list's HTML (empty when the article has no entries)."""
        if article.sources is None or not article.sources.entries:
            return ""
        context = self._context(article)
        if self._sources is None:
            html = render_sources(article.sources, context["labels"], context["prizm"])
        else:
            html = self._sources.render(context).strip()
        return astral_to_charrefs(html)

    def fill_sources(
        self, text: str, article: Article, wrap: Callable[[str], str] | None = None
    ) -> str:
        """Swap the core's sources markers in ``text`` for the rendered block.

        ``wrap`` turns each HTML fragment into what ``text`` should hold instead (the Markdown
        extension stashes them as Python-Markdown placeholders); by default the HTML itself.
        """
        return swap_markers(text, self.sources_fragments(article, wrap))

    def sources_fragments(
        self, article: Article, wrap: Callable[[str], str] | None = None
    ) -> list[tuple[str, str]]:
        """The sources block as ``(marker, html)`` pairs.

        For [`swap_markers`][mkdocs_prizm.render.swap_markers].
        """
        pairs = [
            (SOURCES_OPEN, self.section_open(article)),
            (SOURCES_LIST, self.sources(article)),
            (SOURCES_CLOSE, self.section_close()),
        ]
        if wrap is not None:
            pairs = [(marker, wrap(html)) for marker, html in pairs]
        return pairs

    def section_open(self, article: Article) -> str:
        """The opening tag of the sources block."""
        heading = article.sources.heading if article.sources else self.labels["sources"]
        escaped = astral_to_charrefs(markupsafe.escape(heading))
        count = len(article.sources.entries) if article.sources else 0
        return f'<section class="prizm-sources" aria-label="{escaped}" data-count="{count}">'

    @staticmethod
    def section_close() -> str:
        """The closing tag of the sources block."""
        return "</section>"

    def sources_index(
        self,
        groups: Sequence[SourceGroup],
        histogram: Sequence[HistogramBucket],
        *,
        link: Callable[[ArticleRef], str],
        base_url: str = "",
    ) -> str:
        """The public sources page's index: the histogram, then every source and its articles.

        Args:
            groups: The sources, from [`sources_index`][mkdocs_prizm.core.report.sources_index].
            histogram: The buckets, from
                [`reliability_histogram`][mkdocs_prizm.core.report.reliability_histogram].
            link: Gives the URL of a citing article's entry, relative to the sources page
                (empty when the article is not in the site).
            base_url: Relative path from the sources page to the site root.
        """
        if self._sources_page is None:
            self._sources_page = self.env.get_template("prizm/sources_page.html")
        options = dataclasses.replace(self.options, base_url=base_url)
        articles = {ref.path for group in groups for ref in group.articles}
        html = self._sources_page.render(
            groups=groups,
            histogram=histogram,
            bars=histogram_bars(histogram, self.options.thresholds),
            articles_count=len(articles),
            link=link,
            labels=self.labels,
            prizm=Helpers(options, self.labels),
        ).strip()
        return astral_to_charrefs(html)


def swap_markers(text: str, swaps: Sequence[tuple[str, str]], tail: str = "") -> str:
    """Replace the first occurrence of each marker in ``text``, then append ``tail``.

    The page is copied once, whatever the number of markers (``str.replace`` for each would copy
    it each time); a marker that is not in ``text`` is ignored.

    Args:
        text: The page's HTML.
        swaps: ``(marker, html)`` pairs.
        tail: Appended to the result.
    """
    found = sorted((at, marker, html) for marker, html in swaps if (at := text.find(marker)) >= 0)
    pieces: list[str] = []
    pos = 0
    for at, marker, html in found:
        if at < pos:  # inside a marker already replaced (markers never overlap in practice)
            continue
        pieces += (text[pos:at], html)
        pos = at + len(marker)
    if not pieces and not tail:
        return text
    pieces += (text[pos:], tail)
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class HistogramBar:
    """Geometry of one histogram bar (SVG user units; the chart is ``CHART_WIDTH`` wide)."""

    label: str
    count: int
    tier: Tier
    x: int
    y: int
    height: int
    text_x: int


#: Size of the reliability histogram's drawing area.
CHART_WIDTH = 408
CHART_HEIGHT = 120
_BAR_STEP = 34
_BAR_WIDTH = 26


def histogram_bars(
    histogram: Sequence[HistogramBucket], thresholds: tuple[float, float, float] = (9.0, 7.0, 5.0)
) -> list[HistogramBar]:
    """Lay out the buckets as bars: heights proportional to counts, the tallest one full height.

    Args:
        histogram: The buckets, in order (``0``..``10`` then unrated).
        thresholds: The tiers' lowest scores, to colour each bar by its tier.
    """
    top = max((b.count for b in histogram), default=0) or 1
    bars = []
    for index, bucket in enumerate(histogram):
        score = None if bucket.label == UNRATED_BUCKET else float(bucket.label)
        height = round(CHART_HEIGHT * bucket.count / top)
        x = index * _BAR_STEP + (_BAR_STEP - _BAR_WIDTH) // 2
        bars.append(
            HistogramBar(
                label=bucket.label,
                count=bucket.count,
                tier=reliability_tier(score, thresholds),
                x=x,
                y=CHART_HEIGHT + 16 - height,
                height=height,
                text_x=x + _BAR_WIDTH // 2,
            )
        )
    return bars
