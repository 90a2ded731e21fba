"""The site ``mkdocs-prizm check`` checks: options, ``docs_dir`` and language from ``mkdocs.yml``.

The plugin's options are read with the one schema
([`PrizmOptions`][mkdocs_prizm.core.options.PrizmOptions]) and the authors file and language are
found as the plugin finds them ([`site`][mkdocs_prizm.site]), so that the check reports what a
build of the same site reports.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_prizm.core.options import OptionsError, PrizmOptions
from mkdocs_prizm.core.pipeline import Pipeline
from mkdocs_prizm.core.problems import Problem
from mkdocs_prizm.site import load_authors, site_language

__all__ = ["CheckSite", "UsageError", "check_site"]


class UsageError(Exception):
    """A command-line mistake: reported on stderr with exit status 2."""


@dataclass(frozen=True, slots=True)
class CheckSite:
    """What a check run needs: the pipeline, the site's ``docs_dir`` and the authors' problems."""

    pipeline: Pipeline
    docs_dir: Path | None = None
    problems: tuple[Problem, ...] = ()


def check_site(
    config_file: str | None,
    *,
    language: str | None = None,
    article_paths: list[str] | None = None,
    all_articles: bool = False,
) -> CheckSite:
    """The site to check, from an optional ``mkdocs.yml`` and the command line's overrides.

    Raises:
        UsageError: The ``mkdocs.yml`` cannot be read or its ``prizm`` options are wrong.
    """
    plugin: dict[str, Any] = {}
    docs_dir: Path | None = None
    theme_language: str | None = None
    site_name = ""
    if config_file:
        plugin, docs_dir, theme_language, site_name = _read_mkdocs_yml(Path(config_file))
    if article_paths:
        plugin["articles_paths"] = list(article_paths)
    if all_articles:
        plugin["articles_paths"] = ["*", "**/*"]
    try:
        options = PrizmOptions.from_mapping(plugin)
    except OptionsError as exc:
        raise UsageError(f"prizm options in {config_file}: {exc}") from None
    authors_problems: tuple[Problem, ...] = ()
    authors: dict[str, Any] = {}
    found = False
    if docs_dir is not None:
        try:
            loaded = load_authors(docs_dir, options.authors_file)
        except FileNotFoundError as exc:
            raise UsageError(str(exc)) from None
        authors, found, authors_problems = loaded.authors, loaded.found, tuple(loaded.problems)
    pipeline = Pipeline(
        options,
        language=language or site_language(options.language, theme_language),
        authors=authors,
        authors_file_given=found,
        file_exists=None if docs_dir is None else DocsFile(docs_dir),
        site_name=site_name,
    )
    return CheckSite(pipeline, docs_dir, authors_problems)


@dataclass(frozen=True, slots=True)
class DocsFile:
    """Whether a path of the site is a file of ``docs_dir`` (picklable, for ``--jobs``)."""

    docs_dir: Path

    def __call__(self, path: str) -> bool:
        """``path`` is relative to ``docs_dir``, ``/``-separated."""
        return (self.docs_dir / path).is_file()


def _config_loader() -> type:
    """A YAML loader that reads mkdocs.yml safely: ``!ENV`` resolved, other tags inert."""
    import yaml  # noqa: PLC0415

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        pass

    def env_tag(loader: Any, node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        elif isinstance(node, yaml.SequenceNode):
            items = loader.construct_sequence(node)
            names, default = items[:-1], items[-1] if items else None
        else:
            return None
        for name in names:
            if isinstance(name, str) and name in os.environ:
                return yaml.safe_load(os.environ[name])
        return default

    def ignore(loader: Any, suffix: str, node: Any) -> Any:
        return None  # !!python/name:... and other tags: never executed

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("", ignore)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", ignore)
    return Loader


def _read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], Path, str | None, str]:
    """The prizm plugin's options, the docs_dir, theme language and site name of a mkdocs.yml."""
    import yaml  # noqa: PLC0415

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_config_loader())  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError) as exc:
        raise UsageError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UsageError(f"{path} is not a mapping of MkDocs settings")
    plugin: Any = None
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    if isinstance(plugins, list):
        for item in plugins:
            if item == "prizm":
                plugin = {}
            elif isinstance(item, dict) and "prizm" in item:
                plugin = item["prizm"] or {}
    if plugin is None:
        raise UsageError(f"{path} does not enable the 'prizm' plugin")
    if not isinstance(plugin, dict):
        raise UsageError(f"{path}: the 'prizm' plugin options are not a mapping")
    docs_dir = path.parent / str(data.get("docs_dir") or "docs")
    theme = data.get("theme")
    language = None
    if isinstance(theme, dict):
        language = theme.get("language") or theme.get("locale")
    site_name = data.get("site_name")
    return (
        dict(plugin),
        docs_dir,
        str(language) if language else None,
        site_name if isinstance(site_name, str) else "",
    )
