"""The Prizm features as a Python-Markdown extension, for tools that run no MkDocs plugin.

Use it as ``markdown_extensions: [mkdocs_prizm.extension]`` in Zensical, MkDocs or ProperDocs,
or as ``markdown.markdown(text, extensions=["mkdocs_prizm.extension"])``.  It takes the same
options as the plugin (one schema, [`PrizmOptions`][mkdocs_prizm.core.options.PrizmOptions]),
runs the same core ([`Pipeline`][mkdocs_prizm.core.pipeline.Pipeline]) and renders the same
templates, so a page looks the same whichever way it was built.

Where the page's front matter comes from:

* Zensical hands it over through its rendering context (read without importing Zensical),
  with the site's name, URL and language, which the byline and the structured data use;
* plain Python-Markdown leaves it in the text: a leading YAML block is read and removed;
* MkDocs and ProperDocs remove it before any extension runs and do not pass it on: there an
  article is recognised by its content (a rated sources section or a Prizm internal note), and
  the ``prizm`` plugin is the better choice (file names in messages, the authors file, the
  report).

Processors:

| Kind         | Name    | Priority | Does                                                      |
| ------------ | ------- | -------- | --------------------------------------------------------- |
| preprocessor | `prizm` | 28       | removes internal notes, links citations, and puts the     |
|              |         |          | sources list, the byline and the structured data in as    |
|              |         |          | stashed HTML                                              |

Priority 28 runs after ``normalize_whitespace`` (30) and before ``meta`` (27) and
``html_block`` (20): notes never reach the HTML stash, and a leading front matter block is read
here before the ``meta`` extension would take it (it is handed back when ``meta`` is enabled).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import get_plugin_logger

from mkdocs_prizm.core.fences import Fences, code_flags, fences_for, may_have_code_blocks
from mkdocs_prizm.core.options import PrizmOptions, option_docs
from mkdocs_prizm.core.pipeline import Pipeline, Processed
from mkdocs_prizm.core.problems import Problem
from mkdocs_prizm.render import (
    PageContext,
    Renderer,
    RenderOptions,
    article_markdown,
    make_environment,
    render_fragments,
    swap_markers,
)
from mkdocs_prizm.site import site_language

__all__ = ["PrizmExtension", "PrizmPreprocessor", "makeExtension"]

log = get_plugin_logger(__name__)

#: A leading YAML front matter block (plain Python-Markdown leaves it in the text).
RE_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
#: The first level-one ATX heading, after which the byline goes.
RE_H1 = re.compile(r"^# +\S")

#: Name of Zensical's rendering-context preprocessor, which holds the page and the site config.
CONTEXT_PREPROCESSOR = "rendering_context"
#: The file named in messages when the host gives none (the extension's one own setting).
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
        context = self._context()
        meta = context.get("meta")
        path = str(context.get("path") or ext.getConfig("path"))
        fences = fences_for(type(e).__module__ for e in self.md.registeredExtensions)
        pipeline = ext.pipeline(context.get("language"), fences, context.get("site_name") or "")
        processed = pipeline.process_body(text, meta if isinstance(meta, Mapping) else {}, path)
        ext.processed = processed
        ext.report(processed.problems)
        if isinstance(meta, dict) and processed.meta_updates:
            # Zensical's templates read this mapping: give them the safe, normalised values.
            meta.update(processed.meta_updates)
        markdown = processed.body
        if processed.article.is_article:
            markdown = self._article(processed, context)
        front = RE_FRONT_MATTER.match(text) if processed.meta and meta is None else None
        if front is not None and "meta" in self.md.preprocessors:
            # Hand the block back to the ``meta`` extension, which runs next.
            markdown = front.group(0).rstrip("\n") + "\n\n" + markdown
        return markdown.split("\n")

    def _context(self) -> dict[str, Any]:
        """The page's metadata, path and URL, and the site's, when the host passes them on."""
        processors = self.md.preprocessors
        if CONTEXT_PREPROCESSOR not in processors:
            return {}
        holder = processors[CONTEXT_PREPROCESSOR]
        page = getattr(holder, "page", None)
        config = getattr(holder, "config", None)
        config = config if isinstance(config, Mapping) else {}
        theme = config.get("theme")
        theme = theme if isinstance(theme, Mapping) else {}
        site_url = str(config.get("site_url") or "")
        url = str(getattr(page, "url", "") or "")
        return {
            "meta": getattr(page, "meta", None),
            "path": getattr(page, "path", None),
            "url": site_url.rstrip("/") + "/" + url.lstrip("/") if site_url else "",
            "depth": url.strip("/").count("/") + 1 if url.strip("/") else 0,
            "site_name": str(config.get("site_name") or ""),
            "site_url": site_url,
            "language": theme.get("language") or theme.get("locale"),
        }

    def _article(self, processed: Processed, context: Mapping[str, Any]) -> str:
        """The article's Markdown with its fragments stashed.

        The byline and the disclosure line go after the title, the sources block where the
        section was, the "Cite this article" block and the structured data at the end.
        """
        ext = self.extension
        options = ext.options
        renderer = ext.renderer(str(context.get("language") or ""))
        article = processed.article
        store = self.md.htmlStash.store
        markdown = article_markdown(processed, renderer.citer(article))
        depth = int(context.get("depth") or 0)
        where = PageContext(
            url=str(context.get("url") or ""),
            base_url=("/".join([".."] * depth) if depth else ".") if context else "",
            site_name=str(context.get("site_name") or ""),
            site_url=str(context.get("site_url") or ""),
        )
        sources, byline, after, _ = render_fragments(renderer, options, article, where)
        markdown = swap_markers(markdown, [(marker, store(html)) for marker, html in sources])
        if byline:  # with the disclosure line, after the title, as the plugin puts it
            markdown = _insert_byline(markdown, store(byline))
        if after:  # the "Cite this article" block and the structured data
            markdown += "\n\n" + store(after) + "\n"
        return markdown


class PrizmExtension(Extension):
    """Strips internal notes and renders sources and citations, as the ``prizm`` plugin does.

    Its options are the plugin's (see the configuration reference), plus ``path``, the file
    name used in messages when the host gives none.  After a conversion, ``processed`` holds
    the last document's result (article, front matter, problems); ``reset()`` clears it.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {name: [default, doc] for name, default, doc in option_docs()}
        self.config["path"] = [DEFAULT_PATH, "File name used in messages when the host gives none."]
        self._values: dict[str, Any] = {}
        super().__init__(**kwargs)
        path = self._values.pop("path", DEFAULT_PATH)
        self.config["path"][0] = path
        try:
            self.options = PrizmOptions.from_mapping(self._values)
        except ValueError as exc:
            raise ValueError(f"mkdocs_prizm.extension: {exc}") from None
        self.processed: Processed | None = None
        self._pipelines: dict[tuple[str, Fences, str], Pipeline] = {}
        self._renderers: dict[str, Renderer] = {}

    def setConfig(self, key: str, value: Any) -> None:  # noqa: N802 (Python-Markdown's API)
        """Keep the value as given: the options schema reads and checks it (unknown names too)."""
        self._values[key] = value

    def getConfig(self, key: str, default: Any = "") -> Any:  # noqa: N802 (Python-Markdown's API)
        """The option's value (``path``, or any option of the schema)."""
        if key == "path":
            return self.config["path"][0]
        if hasattr(self, "options") and key in self.config:
            return getattr(self.options, key)
        return default

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        """Register the preprocessor and this extension (for ``reset()``)."""
        md.registerExtension(self)
        md.preprocessors.register(PrizmPreprocessor(md, self), "prizm", 28)

    def reset(self) -> None:
        """Forget the previous document."""
        self.processed = None

    def _language(self, theme_language: str | None) -> str:
        return site_language(self.options.language, theme_language)

    def pipeline(
        self, theme_language: str | None = None, fences: Fences = Fences.BOTH, site_name: str = ""
    ) -> Pipeline:
        """The core pipeline for the site (built once for each language, fences and name)."""
        language = self._language(theme_language)
        key = (language, fences, site_name)
        found = self._pipelines.get(key)
        if found is None:
            found = Pipeline(self.options, language=language, fences=fences, site_name=site_name)
            self._pipelines[key] = found
        return found

    def renderer(self, theme_language: str | None = None) -> Renderer:
        """The renderer over the package's templates (compiled once per language)."""
        language = self._language(theme_language)
        found = self._renderers.get(language)
        if found is None:
            options = RenderOptions.from_options(self.options, language)
            found = self._renderers[language] = Renderer(make_environment(), options)
        return found

    def report(self, problems: tuple[Problem, ...]) -> None:
        """Log problems (warnings and errors count in ``mkdocs build --strict``)."""
        for problem in problems:
            log.log(problem.log_level, problem.format())


def _insert_byline(markdown: str, placeholder: str) -> str:
    """Put the byline placeholder after the first ``# Title`` line, else at the top."""
    lines = markdown.split("\n")
    code = code_flags(lines) if may_have_code_blocks(markdown) else None
    for index, line in enumerate(lines):
        if (code is None or not code[index]) and RE_H1.match(line):
            return "\n".join([*lines[: index + 1], "", placeholder, "", *lines[index + 1 :]])
    return placeholder + "\n\n" + markdown


def makeExtension(**kwargs: Any) -> PrizmExtension:  # noqa: N802 (Python-Markdown's API)
    """Return the extension (Python-Markdown calls this for ``"mkdocs_prizm.extension"``)."""
    return PrizmExtension(**kwargs)
