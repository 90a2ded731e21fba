"""The Prizm features as a Python-Markdown extension, for tools that run no MkDocs plugin.

Use it as ``markdown_extensions: [mkdocs_prizm.extension]`` in MkDocs, ProperDocs or Zensical,
or as ``markdown.markdown(text, extensions=["mkdocs_prizm.extension"])``.  It calls the same
core as the plugin ([`process_body`][mkdocs_prizm.core.pipeline.process_body]) and renders the
same templates, so a page looks the same whichever way it was built.

Where the page's front matter comes from:

* Zensical hands it over through its rendering context (read without importing Zensical);
* plain Python-Markdown leaves it in the text: a leading YAML block is read and removed;
* MkDocs and ProperDocs remove it before any extension runs and do not pass it on: there, with
  ``articles: auto``, a document is an article when it has a sources section (use the
  ``prizm`` plugin for the byline, structured data and file names in messages).

Processors:

| Kind         | Name    | Priority | Does                                                      |
| ------------ | ------- | -------- | --------------------------------------------------------- |
| preprocessor | `prizm` | 28       | removes internal notes, links citations, and swaps the    |
|              |         |          | sources list (and the byline) for stashed HTML            |

Priority 28 runs after ``normalize_whitespace`` (30) and before ``meta`` (27) and
``html_block`` (20): notes never reach the HTML stash, and a leading front matter block is read
here before the ``meta`` extension would take it (it is handed back when ``meta`` is enabled).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from mkdocs_prizm.core.comments import DEFAULT_DIRECTIVES, DEFAULT_NOTE_PATTERNS, NoteMatcher
from mkdocs_prizm.core.i18n import normalise_language
from mkdocs_prizm.core.pipeline import (
    SOURCES_LIST,
    Options,
    Processed,
    process_body,
)
from mkdocs_prizm.core.problems import Problem
from mkdocs_prizm.core.sources import DEFAULT_HEADINGS
from mkdocs_prizm.render import Renderer, RenderOptions, make_environment

__all__ = ["PrizmExtension", "PrizmPreprocessor", "makeExtension"]

#: Under ``mkdocs.plugins`` so that ``mkdocs build --strict`` counts the warnings logged here.
LOGGER_NAME = "mkdocs.plugins.mkdocs_prizm.extension"
log = logging.getLogger(LOGGER_NAME)

#: A leading YAML front matter block (plain Python-Markdown leaves it in the text).
RE_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
#: The first level-one ATX heading, after which the byline goes.
RE_H1 = re.compile(r"^# +\S")

ARTICLE_MODES = ("auto", "meta", "all")
#: Name of Zensical's rendering-context preprocessor, which holds the page and its metadata.
CONTEXT_PREPROCESSOR = "rendering_context"
DEFAULT_PATH = "document.md"


class PrizmPreprocessor(Preprocessor):
    """Runs the Prizm pipeline over the document's lines and stashes the rendered fragments."""

    def __init__(self, md: Markdown, extension: PrizmExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        """Process the document; return its lines with fragments as stash placeholders."""
        ext = self.extension
        ext.reset()
        text = "\n".join(lines)
        context_meta, path = self._context()
        processed = ext.process(text, context_meta, path)
        ext.processed = processed
        ext.report(processed.problems)
        if isinstance(context_meta, dict) and processed.meta_updates:
            # Zensical's templates read this mapping: give them the safe, normalised values.
            context_meta.update(processed.meta_updates)
        markdown = processed.markdown
        if processed.article.is_article:
            markdown = self._fragments(processed)
        front = RE_FRONT_MATTER.match(text) if processed.meta and context_meta is None else None
        if front is not None and "meta" in self.md.preprocessors:
            # Hand the block back to the ``meta`` extension, which runs next.
            markdown = front.group(0).rstrip("\n") + "\n\n" + markdown
        return markdown.split("\n")

    def _context(self) -> tuple[Mapping[str, Any] | None, str]:
        """The page's metadata and path when the host passes them on (Zensical does)."""
        processors = self.md.preprocessors
        if CONTEXT_PREPROCESSOR in processors:
            page = getattr(processors[CONTEXT_PREPROCESSOR], "page", None)
            meta = getattr(page, "meta", None)
            path = getattr(page, "path", None)
            if isinstance(meta, Mapping):
                return meta, str(path) if path else self.extension.getConfig("path")
        return None, self.extension.getConfig("path")

    def _fragments(self, processed: Processed) -> str:
        """Swap the sources markers (and add the byline) as stashed HTML placeholders."""
        ext = self.extension
        renderer = ext.renderer
        article = processed.article
        stash = self.md.htmlStash
        markdown = processed.markdown
        if SOURCES_LIST in markdown:
            markdown = renderer.fill_sources(markdown, article, stash.store)
        if ext.getConfig("byline"):
            markdown = _insert_byline(markdown, stash.store(renderer.byline(article)))
        return markdown


class PrizmExtension(Extension):
    """Strips internal notes and renders sources and citations, as the ``prizm`` plugin does.

    After a conversion, ``processed`` holds the last document's result (article, front matter,
    problems); ``reset()`` clears it.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "language": ["fr", "Language of labels, dates and reading speed ('fr', 'en')."],
            "articles": [
                "auto",
                "Which documents are articles: 'auto' (front matter fields decide when the "
                "front matter is known, else a sources section does), 'meta' (front matter "
                "only) or 'all'.",
            ],
            "notes_patterns": [
                list(DEFAULT_NOTE_PATTERNS),
                "Texts that mark an HTML comment as an internal note.",
            ],
            "strip_all_comments": [False, "Remove every HTML comment that is not a directive."],
            "notes_directives": [
                list(DEFAULT_DIRECTIVES),
                "Comment prefixes that are other tools' directives, never removed.",
            ],
            "sources": [True, "Render the sources section with reliability badges."],
            "sources_headings": [
                list(DEFAULT_HEADINGS),
                "Headings that open the sources section (ignoring case and accents).",
            ],
            "sources_thresholds": [
                [9.0, 7.0, 5.0],
                "Lowest scores of the tiers 'très fiable', 'fiable' and 'à vérifier'.",
            ],
            "sources_link_rel": ["noopener noreferrer", "'rel' of source links."],
            "sources_link_target": ["", "'target' of source links ('' for none)."],
            "citations": [True, "Link inline citations to their source entry."],
            "lists_fix": [True, "Start a list that directly follows a paragraph line."],
            "byline": [False, "Add the byline (authors, dates, reading time) after the title."],
            "labels": [{}, "Override labels, for example {'tier_high': 'solide'}."],
            "path": [DEFAULT_PATH, "File name used in messages when the host gives none."],
        }
        super().__init__(**kwargs)
        self.processed: Processed | None = None
        self._renderer: Renderer | None = None
        self._options: dict[bool, Options] = {}

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        """Register the preprocessor and this extension (for ``reset()``)."""
        md.registerExtension(self)
        md.preprocessors.register(PrizmPreprocessor(md, self), "prizm", 28)

    def reset(self) -> None:
        """Forget the previous document."""
        self.processed = None

    # -- configuration ---------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The configured language, normalised (``fr`` when unknown)."""
        return normalise_language(str(self.getConfig("language") or "fr"), default="fr")

    def options(self, *, every_page: bool) -> Options:
        """Core options from this extension's configuration (built once per mode)."""
        cached = self._options.get(every_page)
        if cached is not None:
            return cached
        mode = self.getConfig("articles")
        if mode not in ARTICLE_MODES:
            raise ValueError(
                f"mkdocs_prizm.extension: 'articles' must be one of {', '.join(ARTICLE_MODES)}; "
                f"got {mode!r}"
            )
        options = Options(
            notes=NoteMatcher(
                _strings(self.getConfig("notes_patterns")),
                strip_all=bool(self.getConfig("strip_all_comments")),
                directives=_strings(self.getConfig("notes_directives")),
            ),
            detect_articles=True,
            article_paths=("*",) if every_page else (),
            fix_lists=bool(self.getConfig("lists_fix")),
            sources=bool(self.getConfig("sources")),
            sources_headings=_strings(self.getConfig("sources_headings")),
            citations=bool(self.getConfig("citations")),
            language=self.language,
            report_patterns=(),
        )
        self._options[every_page] = options
        return options

    @property
    def renderer(self) -> Renderer:
        """The renderer over the package's templates (compiled once per extension)."""
        if self._renderer is None:
            thresholds = tuple(float(x) for x in self.getConfig("sources_thresholds"))
            if len(thresholds) != 3 or list(thresholds) != sorted(thresholds, reverse=True):
                raise ValueError(
                    "mkdocs_prizm.extension: 'sources_thresholds' must be three scores from "
                    f"high to low, for example [9, 7, 5]; got {list(thresholds)}"
                )
            labels = self.getConfig("labels") or {}
            options = RenderOptions(
                language=self.language,
                labels={str(k): str(v) for k, v in dict(labels).items()},
                thresholds=(thresholds[0], thresholds[1], thresholds[2]),
                link_rel=str(self.getConfig("sources_link_rel")),
                link_target=str(self.getConfig("sources_link_target")) or None,
            )
            self._renderer = Renderer(make_environment([]), options)
        return self._renderer

    # -- processing ------------------------------------------------------------------------

    def process(self, text: str, meta: Mapping[str, Any] | None, path: str) -> Processed:
        """Run the core pipeline on one document.

        Args:
            text: The document (with its front matter in plain Python-Markdown).
            meta: The front matter when the host passes it on, else ``None``.
            path: The file name to use in problems.
        """
        mode = self.getConfig("articles")
        processed = process_body(text, meta or {}, path, self.options(every_page=mode == "all"))
        if mode != "auto" or processed.article.is_article or processed.meta:
            return processed
        # No front matter known: an article is a document with a sources section.
        forced = process_body(text, {}, path, self.options(every_page=True))
        section = forced.article.sources
        if section is not None and section.entries:
            return forced
        return processed

    def report(self, problems: tuple[Problem, ...]) -> None:
        """Log problems (warnings and errors count in ``mkdocs build --strict``)."""
        for problem in problems:
            log.log(problem.log_level, "mkdocs_prizm: %s", problem.format())


def _strings(value: Any) -> tuple[str, ...]:
    """A list option as a tuple of texts (a single text is accepted as a one-item list)."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value or ())


def _insert_byline(markdown: str, placeholder: str) -> str:
    """Put the byline placeholder after the first ``# Title`` line, else at the top."""
    lines = markdown.split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and RE_H1.match(line):
            return "\n".join([*lines[: index + 1], "", placeholder, "", *lines[index + 1 :]])
    return placeholder + "\n\n" + markdown


def makeExtension(**kwargs: Any) -> PrizmExtension:  # noqa: N802 (Python-Markdown's API)
    """Return the extension (Python-Markdown calls this for ``"mkdocs_prizm.extension"``)."""
    return PrizmExtension(**kwargs)
