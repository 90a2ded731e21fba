"""Citation previews: the script that shows a citation's source without leaving the page.

``assets/prizm.js`` finds the cited entry in the page's sources list (the citation's ``href``,
``#prizm-source-N``) and shows a copy of its title, type, date and badge in a ``role="tooltip"``
bubble when the citation is focused or hovered.  It needs nothing from the build but the page
itself: the plugin only publishes the file and lists it in ``extra_javascript`` when
``citations_preview`` is on (the default).  The Markdown extension cannot add files to a site:
there, the script is added by hand (see ``docs/theme-authors.md``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_prizm.core.options import PrizmOptions

__all__ = ["JS_SOURCE", "JS_URI", "add_script", "publish_script"]

#: Where the script is published in the site.
JS_URI = "assets/prizm/prizm.js"
JS_SOURCE = Path(__file__).parent / "assets" / "prizm.js"


def add_script(config: MkDocsConfig, options: PrizmOptions) -> None:
    """List the script in ``extra_javascript`` (once) when previews are on."""
    scripts = config.extra_javascript
    if options.citations_preview and all(str(s) != JS_URI for s in scripts):
        scripts.append(JS_URI)


def publish_script(files: Files, config: MkDocsConfig, options: PrizmOptions) -> None:
    """Add the script to the site's files when previews are on (a theme's own copy wins)."""
    if options.citations_preview and files.get_file_from_path(JS_URI) is None:
        files.append(File.generated(config, JS_URI, abs_src_path=str(JS_SOURCE)))
