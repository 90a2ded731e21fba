"""The plugin's options, typed with MkDocs' ``config_options``.

Every option has a default that suits a French Prizm site, so ``plugins: [prizm]`` is enough.
An unknown option is an error, as MkDocs does for every plugin.  Options are grouped by prefix:
``articles_*``, ``notes_*``, ``sources_*``, ``citations``, ``readtime_*``, ``byline*``,
``jsonld``, ``report_*``, ``sanitise*``.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_prizm.core.comments import DEFAULT_DIRECTIVES, DEFAULT_NOTE_PATTERNS
from mkdocs_prizm.core.sources import DEFAULT_HEADINGS


class PrizmConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the ``prizm`` plugin (see the configuration reference in the docs)."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for example ``enabled: !ENV [PRIZM, true]``)."""

    language = c.Optional(c.Type(str))
    """Language of labels, dates and reading speed (``fr``, ``en``).

    Default: the theme's ``language`` (Material) or ``locale`` (mkdocs, readthedocs), else ``fr``.
    """

    articles_detect = c.Type(bool, default=True)
    """Treat a page as an article when its front matter carries article fields: any of
    ``readingTime``, ``pubDate``, ``updatedDate``, ``sources``, ``featured``, ``emoji``,
    ``heroImage``, ``imageUrl``, or an ``author``/``authors`` together with a ``date``/``pubDate``.
    """

    articles_paths = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns (relative to ``docs_dir``, ``/``-separated) of pages that are articles
    whatever their front matter, for example ``["blog/**", "articles/*.md"]``."""

    notes_patterns = c.ListOfItems(c.Type(str), default=list(DEFAULT_NOTE_PATTERNS))
    """Texts that mark an HTML comment as an internal note (matched ignoring case and accents).
    Notes are removed from every page."""

    notes_strip_all = c.Type(bool, default=False)
    """Remove every HTML comment that is not a directive, not only the notes."""

    notes_directives = c.ListOfItems(c.Type(str), default=list(DEFAULT_DIRECTIVES))
    """Comment prefixes that are other tools' directives (``<!-- more -->``,
    ``<!-- material/tags -->``): never removed."""

    reports_exclude = c.Type(bool, default=True)
    """Keep the pipeline's internal reports ("Rapport d'optimisation ...", filed as articles by
    mistake) out of the site, with a warning."""

    reports_patterns = c.ListOfItems(c.Type(str), default=["Rapport d'optimisation"])
    """Title beginnings (ignoring case, accents and apostrophes) of internal reports."""

    lists_fix = c.Type(bool, default=True)
    """In articles, start a list that directly follows a paragraph line as a list (as CommonMark
    does), instead of Python-Markdown's run-on paragraph."""

    sources = c.Type(bool, default=True)
    """Render the sources section as a structured block with reliability badges."""

    sources_headings = c.ListOfItems(c.Type(str), default=list(DEFAULT_HEADINGS))
    """Headings (``##`` or ``###``) that open the sources section, matched ignoring case
    and accents."""

    sources_in_content = c.Type(bool, default=False)
    """Render the sources block into ``page.content``, so that the search index and
    full-content feeds (mkdocs-rss-plugin) include it.  Off by default: the block is added to
    the final page instead, which keeps the search index lean and the build faster."""

    sources_thresholds = c.ListOfItems(c.Type(float), default=[9.0, 7.0, 5.0])
    """Lowest scores of the tiers *très fiable*, *fiable* and *à vérifier*; below the last one a
    source is *peu fiable*.  Three numbers, from high to low."""

    sources_link_target = c.Optional(c.Type(str))
    """``target`` of source links, for example ``_blank``; unset by default."""

    sources_link_rel = c.Type(str, default="noopener noreferrer")
    """``rel`` of source links (``nofollow`` is a common addition)."""

    citations = c.Type(bool, default=True)
    """Link inline citations ``(Source : Name)`` and superscript markers to their entry."""

    readtime_words_per_minute = c.Optional(c.Type(int))
    """Reading speed; default 214 words per minute in French and 238 in English."""

    readtime_include_code = c.Type(bool, default=False)
    """Count the words of code blocks."""

    readtime_split_elisions = c.Type(bool, default=True)
    """Count "l'IA" as two words, as a French reader reads it."""

    readtime_tolerance = c.Type(float, default=0.25)
    """Report a declared ``readingTime`` that differs from the computed one by more than this
    fraction (and at least two minutes)."""

    byline = c.Type(bool, default=True)
    """Show the byline (authors, dates, reading time, categories, tags) on articles."""

    authors_file = c.Optional(c.Type(str))
    """Path (relative to ``docs_dir``) of an authors file in Material's ``.authors.yml`` format.
    Default: ``.authors.yml`` or ``blog/.authors.yml`` when one exists."""

    tags_url = c.Optional(c.Type(str))
    """URL of the tags page to link byline tags to, site-relative (``tags/``) or absolute.

    Default: with Material's tags plugin on, the page holding a bare ``<!-- material/tags -->``
    listing (or its ``tags_file``), anchors formed with its slug settings; otherwise unlinked."""

    jsonld = c.Type(bool, default=True)
    """Add schema.org ``BlogPosting`` structured data to articles."""

    css = c.Type(bool, default=True)
    """Add the plugin's stylesheet to the site."""

    labels = c.Type(dict, default={})
    """Override any label, for example ``{tier_high: "solide"}`` (see the theme authors' guide)."""

    report_file = c.Optional(c.Type(str))
    """Path, relative to ``mkdocs.yml``, of a JSON editorial report written after each build.
    Off by default; never written into the site."""

    sources_page = c.Optional(c.Type(str))
    """Site path of a public page listing every source cited across the site (``sources.md``).
    Off by default."""

    strict_errors = c.Type(bool, default=True)
    """Fail the build when an error (invalid front matter) was reported."""

    blog_compat = c.Type(bool, default=False)
    """Note (PRZ107) article dates that Material's blog plugin rejects: a quoted ``date``, or a
    ``pubDate`` without ``date``.  For sites that are moving their articles into a blog."""

    sanitise = c.Choice(("articles", "all", "off"), default="articles")
    """Remove what can run script from the rendered HTML (``<script>``, ``onerror=``,
    ``javascript:`` links, frames, forms), keeping everything MkDocs and Material render:
    ``articles`` (model-written, untrusted), ``all`` pages, or ``off``.  Each removal is a
    warning (PRZ701-PRZ704).  Unless ``off``, every page title loses its tags (PRZ705)."""

    sanitise_allow_tags = c.ListOfItems(c.Type(str), default=[])
    """Extra elements kept by the sanitiser, for example ``[iframe]`` for embedded videos;
    their attributes and URLs are still checked.  ``script`` can never be allowed."""
