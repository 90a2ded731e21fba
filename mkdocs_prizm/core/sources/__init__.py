"""The "Sources et références" section of an article, as data.

Read in this order:

* [`section`][mkdocs_prizm.core.sources.section]: finding the section and its heading;
* [`forms`][mkdocs_prizm.core.sources.forms]: the forms an entry is written in (numbered,
  inline, block, link, superscript) and the section cut into blocks;
* [`fields`][mkdocs_prizm.core.sources.fields]: an entry's fields read from its lines;
* [`entries`][mkdocs_prizm.core.sources.entries]: the fields checked into a
  [`Source`][mkdocs_prizm.core.article.Source], faults reported at their lines;
* [`reliability`][mkdocs_prizm.core.sources.reliability]: scores out of ten and their tiers;
* [`parser`][mkdocs_prizm.core.sources.parser]:
  [`parse_sources`][mkdocs_prizm.core.sources.parser.parse_sources], the entry point.

Every regular expression here is anchored or free of nested/adjacent unbounded quantifiers, and
every scan moves forward, so parsing is linear in the size of the section.
"""

from __future__ import annotations

from mkdocs_prizm.core.sources.fields import RE_TITLE_SEPARATOR
from mkdocs_prizm.core.sources.forms import superscript_value
from mkdocs_prizm.core.sources.parser import parse_sources
from mkdocs_prizm.core.sources.reliability import parse_reliability, reliability_tier
from mkdocs_prizm.core.sources.section import DEFAULT_HEADINGS, find_section

__all__ = [
    "DEFAULT_HEADINGS",
    "RE_TITLE_SEPARATOR",
    "find_section",
    "parse_reliability",
    "parse_sources",
    "reliability_tier",
    "superscript_value",
]
