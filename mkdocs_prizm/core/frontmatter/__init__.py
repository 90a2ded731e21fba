"""Front matter: split from the body and loaded, then read into ``Article`` fields.

* [`split`][mkdocs_prizm.core.frontmatter.split]: the YAML block found, loaded and its faults
  reported (``PRZ101``–``PRZ103``, ``PRZ108``–``PRZ110``, ``PRZ113``); a second block merged;
* [`loader`][mkdocs_prizm.core.frontmatter.loader]: the YAML loader that leaves a bad value
  out instead of failing, and refuses alias bombs;
* [`fields`][mkdocs_prizm.core.frontmatter.fields]: the declarative table of the fields read
  from it, their aliases and checks (``PRZ104``–``PRZ107``, ``PRZ111``, ``PRZ112``,
  ``PRZ114``, ``PRZ115``);
* [`readers`][mkdocs_prizm.core.frontmatter.readers]: the checks of one value the table uses.
"""

from __future__ import annotations

from mkdocs_prizm.core.frontmatter.fields import (
    ARTICLE_KEYS,
    AUTHOR_KEYS,
    DATE_KEYS,
    FIELDS,
    IMAGE_KEYS,
    LANGUAGE_KEYS,
    ArticleFields,
    FieldRule,
    FrontMatterFields,
    host_meta,
    looks_like_article,
    normalise,
)
from mkdocs_prizm.core.frontmatter.readers import safe_text
from mkdocs_prizm.core.frontmatter.split import (
    DuplicateKey,
    FrontMatter,
    KeyLines,
    KeySource,
    LazyKeyLines,
    load_yaml_block,
    locate_front_matter,
    normalise_newlines,
    remove_controls,
    split_front_matter,
    take_second_block,
)

__all__ = [
    "ARTICLE_KEYS",
    "AUTHOR_KEYS",
    "DATE_KEYS",
    "FIELDS",
    "IMAGE_KEYS",
    "LANGUAGE_KEYS",
    "ArticleFields",
    "DuplicateKey",
    "FieldRule",
    "FrontMatter",
    "FrontMatterFields",
    "KeyLines",
    "KeySource",
    "LazyKeyLines",
    "host_meta",
    "load_yaml_block",
    "locate_front_matter",
    "looks_like_article",
    "normalise",
    "normalise_newlines",
    "remove_controls",
    "safe_text",
    "split_front_matter",
    "take_second_block",
]
