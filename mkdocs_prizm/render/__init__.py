"""HTML for every host, from the packaged templates (the one rendering path).

* [`environment`][mkdocs_prizm.render.environment]: the Jinja environment over the host's
  template folders, and template faults as errors naming the template and line;
* [`views`][mkdocs_prizm.render.views]: what templates show, worked out in Python;
* [`renderer`][mkdocs_prizm.render.renderer]: byline, sources list, citations, JSON-LD and the
  sources page rendered from the templates;
* [`notices`][mkdocs_prizm.render.notices]: the AI disclosure line and "Cite this article";
* [`markdown`][mkdocs_prizm.render.markdown]: the published Markdown of an article and the swap
  of markers for the rendered fragments.
"""

from __future__ import annotations

from mkdocs_prizm.render.environment import TEMPLATES_DIR, TemplateError, make_environment
from mkdocs_prizm.render.fragments import Fragments, PageContext, render_fragments
from mkdocs_prizm.render.markdown import article_markdown, swap_markers
from mkdocs_prizm.render.notices import disclosure_data
from mkdocs_prizm.render.renderer import (
    SOURCES_CLOSE,
    SOURCES_LIST,
    SOURCES_OPEN,
    Renderer,
    RenderOptions,
)

__all__ = [
    "SOURCES_CLOSE",
    "SOURCES_LIST",
    "SOURCES_OPEN",
    "TEMPLATES_DIR",
    "Fragments",
    "PageContext",
    "RenderOptions",
    "Renderer",
    "TemplateError",
    "article_markdown",
    "disclosure_data",
    "make_environment",
    "render_fragments",
    "swap_markers",
]
