"""The package's own templates (sources list, badge, byline), written in Python.

Rendering the sources list is the largest cost the plugin adds to a page, and most of it is the
template engine's attribute lookups.  When a site does not override these templates, the
[`Renderer`][mkdocs_prizm.render.Renderer] uses this module instead; it produces the same HTML
(a test renders every real article both ways and compares them).  Any override in a theme's
``custom_dir`` switches back to the templates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from markupsafe import escape

if TYPE_CHECKING:
    from mkdocs_prizm.core.article import Article, Source, SourcesSection
    from mkdocs_prizm.render import Helpers


#: A character that HTML escaping changes.
_SPECIAL = re.compile("[&<>\"']").search


def _e(value: object) -> str:
    # Most values have nothing to escape: skip markupsafe's Markup object and its copy.
    if type(value) is str and _SPECIAL(value) is None:
        return value
    return str(escape(value))


def render_sources(section: SourcesSection, labels: Mapping[str, str], prizm: Helpers) -> str:
    """The ``<ol>`` of sources, as ``prizm/sources.html`` renders it."""
    rel = _e(prizm.link_rel)
    target = f' target="{_e(prizm.link_target)}"' if prizm.link_target else ""
    unsafe = _e(labels["unsafe_link"])
    out = ['<ol class="prizm-sources__list">']
    add = out.append
    for source in section.entries:
        head = (
            f'\n  <li id="{source.anchor}" class="prizm-source'
            f'{"" if source.structured else " prizm-source--raw"}" '
            f'data-reliability="{source.reliability.data_value}" value="{source.number}">'
        )
        add(head)
        if not source.structured:
            add(f'\n    <div class="prizm-source__raw">{_e(source.raw)}</div>\n  </li>')
            continue
        title = _e(source.title)
        if source.url_safe:
            title = f'<a href="{_e(source.url)}" rel="{rel}"{target}>{title}</a>'
        add(
            '\n    <div class="prizm-source__head">'
            f'\n      <span class="prizm-source__title">{title}</span>'
        )
        if source.kind:
            add(f' <span class="prizm-source__type">{_e(source.kind)}</span>')
        add("\n      " + render_badge(source, labels, prizm) + "\n    </div>")
        date = source.date
        if date or source.url or source.description:
            add('\n    <div class="prizm-source__meta">')
            if date:
                if date.iso:
                    when = f'<time datetime="{date.iso}">{_e(prizm.source_date(date))}</time>'
                else:
                    when = _e(date.raw)
                if date.note:
                    when += f' <span class="prizm-source__date-note">{_e(date.note)}</span>'
                add(f'\n      <span class="prizm-source__date">{when}</span>')
            if source.description:
                add(
                    '\n      <span class="prizm-source__description">'
                    f"{_e(source.description)}</span>"
                )
            if source.url:
                if source.url_safe:
                    add(
                        f'\n      <a class="prizm-source__url" href="{_e(source.url)}" '
                        f'rel="{rel}"{target}>{_e(prizm.short_url(source.url))}</a>'
                    )
                else:
                    add(
                        '\n      <span class="prizm-source__url prizm-source__url--unsafe" '
                        f'title="{unsafe}"><code>{_e(source.url)}</code> ({unsafe})</span>'
                    )
            add("\n    </div>")
        if source.citations:
            add(
                '\n    <div class="prizm-source__backrefs">'
                f'<span class="prizm-source__backrefs-label">{_e(labels["cited_in"])}</span>'
            )
            back = labels["back_to_citation"]
            for n, cite in enumerate(source.citations, start=1):
                add(
                    f' <a href="#{_e(cite)}" class="prizm-source__backref" '
                    f'aria-label="{_e(back.format(n=n))}">↩&#xFE0E;{n}</a>'
                )
            add("\n    </div>")
        add("\n  </li>")
    add("\n</ol>")
    return "".join(out)


def render_badge(source: Source, labels: Mapping[str, str], prizm: Helpers) -> str:
    """One badge, as ``prizm/badge.html`` renders it."""
    tier = prizm.tier(source)
    reliability = source.reliability
    title = _e(labels["reliability"])
    if reliability.raw:
        title += " : " + _e(reliability.raw)
    out = [
        f'<span class="prizm-badge prizm-badge--{tier.value}" '
        f'data-reliability="{reliability.data_value}" data-tier="{tier.value}" title="{title}">'
        f'\n  <span class="prizm-badge__icon" aria-hidden="true">{prizm.tier_icon(tier)}</span>'
    ]
    if reliability.rated and reliability.score is not None:
        score = labels["score_out_of"].format(score=prizm.score(reliability.score))
        out.append(f'\n  <span class="prizm-badge__score">{_e(score)}</span>')
    out.append(f'\n  <span class="prizm-badge__label">{_e(prizm.tier_label(tier))}</span>')
    if reliability.note:
        out.append(f'\n  <span class="prizm-badge__note">({_e(reliability.note)})</span>')
    out.append("\n</span>")
    return "".join(out)


def render_byline(article: Article, labels: Mapping[str, str], prizm: Helpers) -> str:
    """The byline, as ``prizm/byline.html`` renders it."""
    out = ['<div class="prizm-byline" data-prizm="byline">']
    add = out.append
    if article.emoji:
        add(f'<span class="prizm-byline__emoji" aria-hidden="true">{_e(article.emoji)}</span>')
    if article.featured:
        add(f'<span class="prizm-byline__featured">{_e(labels["featured"])}</span>')
    if article.authors:
        add(f'\n  <span class="prizm-byline__authors">{_e(labels["by"])}')
        last = len(article.authors) - 1
        for index, author in enumerate(article.authors):
            add('\n    <span class="prizm-byline__author">')
            if author.avatar:
                add(
                    '<img class="prizm-byline__avatar" '
                    f'src="{_e(prizm.asset(author.avatar))}" alt="" width="24" height="24" '
                    'loading="lazy">'
                )
            name = _e(author.name)
            add(f'<a href="{_e(author.url)}" rel="author">{name}</a>' if author.url else name)
            add("</span>" + ("," if index < last else ""))
        add("\n  </span>")
    for value, css, label in (
        (article.date, "date", "published"),
        (article.updated, "updated", "updated"),
    ):
        if value:
            add(
                f'\n  <span class="prizm-byline__{css}">{_e(labels[label])} '
                f'<time datetime="{value.isoformat()}">{_e(prizm.date(value))}</time></span>'
            )
    if article.reading_time:
        minutes = article.reading_time.minutes
        add(
            f'\n  <span class="prizm-byline__readtime" data-minutes="{minutes}">'
            f"{_e(labels['reading_time'].format(minutes=minutes))}</span>"
        )
    if article.categories:
        add(
            '\n  <span class="prizm-byline__categories">'
            f'<span class="prizm-byline__label">{_e(labels["categories"])}</span>'
        )
        for category in article.categories:
            add(f' <span class="prizm-byline__category">{_e(category)}</span>')
        add("</span>")
    if article.tags:
        add(
            '\n  <span class="prizm-byline__tags">'
            f'<span class="prizm-byline__label">{_e(labels["tags"])}</span>'
        )
        for tag in article.tags:
            href = prizm.tag_url(tag)
            if href:
                add(f' <a class="prizm-byline__tag" href="{_e(href)}">#{_e(tag)}</a>')
            else:
                add(f' <span class="prizm-byline__tag">#{_e(tag)}</span>')
        add("</span>")
    add("\n</div>")
    return "".join(out)
