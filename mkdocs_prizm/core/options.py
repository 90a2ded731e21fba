"""The one options schema, shared by the MkDocs plugin, the Markdown extension and the CLI.

Each option has one name and one default, declared once as a field of
[`PrizmOptions`][mkdocs_prizm.core.options.PrizmOptions].  Every host builds it the same way,
from a plain mapping (``PrizmOptions.from_mapping``): the plugin from its ``plugins: - prizm:``
entry in ``mkdocs.yml``, the extension from its ``markdown_extensions`` options,
``mkdocs-prizm check`` from the same ``mkdocs.yml``.  So the same site gives
the same articles, problems and HTML whichever way it is built.

Options are grouped by prefix: ``articles_*``, ``notes_*``, ``reports_*``, ``sources_*``,
``readtime_*``, ``report_*``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_prizm.core.comments import DEFAULT_DIRECTIVES, DEFAULT_NOTE_PATTERNS
from mkdocs_prizm.core.sources import DEFAULT_HEADINGS

__all__ = ["OptionFault", "OptionsError", "PrizmOptions", "option_docs"]

#: Titles of the pipeline's internal reports, which must not be published as articles.
DEFAULT_REPORT_PATTERNS: tuple[str, ...] = ("Rapport d'optimisation",)


@dataclass(frozen=True, slots=True)
class OptionFault:
    """One option that could not be read: its name and what was expected."""

    name: str
    message: str

    def __str__(self) -> str:
        return f"option '{self.name}': {self.message}"


class OptionsError(ValueError):
    """Options that cannot be used; ``faults`` names each, with what was expected."""

    def __init__(self, faults: list[OptionFault]) -> None:
        super().__init__("; ".join(str(f) for f in faults))
        self.faults = faults


# -- readers: turn a value from YAML or keyword arguments into the option's type ----------


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError("expected true or false")


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise TypeError("expected a text")


def _optional_text(value: Any) -> str | None:
    return None if value is None or value == "" else _text(value)


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):  # one item written without a list
        return (value,)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError("expected a list of texts")


def _number(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise TypeError("expected a number")


def _optional_positive_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise TypeError("expected a whole number above 0")


def _limit(value: Any, read: Callable[[Any], Any]) -> Any:
    """``false`` or 0 turns a limit off (``None``); other values are read by ``read``."""
    if value is False or (
        isinstance(value, int | float) and not isinstance(value, bool) and value == 0
    ):
        return None
    return read(value)


def _optional_years(value: Any) -> int | None:
    return _limit(value, _optional_positive_int)  # type: ignore[no-any-return]


def _optional_floor(value: Any) -> float | None:
    def read(value: Any) -> float:
        score = _number(value)
        if 0 < score <= 10:
            return score
        raise TypeError("expected a score from 0 to 10, or false to turn the check off")

    return _limit(value, read)  # type: ignore[no-any-return]


def _thresholds(value: Any) -> tuple[float, float, float]:
    if isinstance(value, list | tuple) and len(value) == 3:
        scores = tuple(_number(v) for v in value)
        if list(scores) == sorted(scores, reverse=True):
            return (scores[0], scores[1], scores[2])
    raise TypeError("expected three scores from high to low, for example [9, 7, 5]")


def _labels(value: Any) -> Mapping[str, str]:
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    raise TypeError("expected a mapping of label names to texts")


def _choice(*allowed: str) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if value in allowed:
            return str(value)
        raise TypeError(f"expected one of {', '.join(allowed)}")

    return read


def _option(default: Any, read: Callable[[Any], Any], doc: str) -> Any:
    """A field of the schema: its default, how a value is read, and its documentation.

    A mapping default is given as ``dict`` (the type), for a fresh empty mapping.
    """
    metadata = {"read": read, "doc": doc}
    if default is dict:
        return field(default_factory=dict, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True, slots=True)
class PrizmOptions:
    """Every option of mkdocs-prizm, with its default (suited to a French Prizm site).

    Build it with [`from_mapping`][mkdocs_prizm.core.options.PrizmOptions.from_mapping]; the
    fields' documentation is in ``docs/configuration.md`` and in
    [`option_docs`][mkdocs_prizm.core.options.option_docs].
    """

    enabled: bool = _option(True, _bool, "Turn the whole plugin off.")
    language: str | None = _option(
        None,
        _optional_text,
        "Language of labels, dates and reading speed (fr, en). Default: the theme's language, "
        "else fr.",
    )
    articles_detect: bool = _option(
        True,
        _bool,
        "Treat a page as an article when its front matter carries article fields, or when it "
        "has a rated sources section or a Prizm internal note.",
    )
    articles_paths: tuple[str, ...] = _option(
        (), _texts, "Glob patterns of pages that are articles whatever their content."
    )
    notes_patterns: tuple[str, ...] = _option(
        DEFAULT_NOTE_PATTERNS, _texts, "Texts that mark an HTML comment as an internal note."
    )
    notes_strip_all: bool = _option(
        False, _bool, "Remove every HTML comment that is not a directive."
    )
    notes_directives: tuple[str, ...] = _option(
        DEFAULT_DIRECTIVES, _texts, "Comment names that are other tools' directives: kept."
    )
    reports_exclude: bool = _option(
        True, _bool, "Keep the pipeline's internal reports out of the site, with a warning."
    )
    reports_patterns: tuple[str, ...] = _option(
        DEFAULT_REPORT_PATTERNS, _texts, "Title beginnings of internal reports."
    )
    lists_fix: bool = _option(
        True,
        _bool,
        "Start a list that directly follows a paragraph line as a list; make the lines an "
        "article starts with a typographic bullet (• or ◦) list items.",
    )
    titles_strip_suffixes: tuple[str, ...] = _option(
        ("Prizm AI",),
        _texts,
        "Site names stripped from the end of article titles and first headings, after ' | ', "
        "' - ', ' – ' or ' — ' (ignoring case and accents); the plugin adds its site_name.",
    )
    residue: bool = _option(
        True,
        _bool,
        "Report what the publishing pipeline left in articles: the assistant talking to it, "
        "placeholders, template tokens (warnings: --strict fails).",
    )
    residue_exclude: bool = _option(
        False, _bool, "Keep the articles with pipeline residue out of the site (plugin)."
    )
    sources: bool = _option(True, _bool, "Render the sources section as a structured block.")
    sources_headings: tuple[str, ...] = _option(
        DEFAULT_HEADINGS, _texts, "Headings that open the sources section."
    )
    sources_in_content: bool = _option(
        False, _bool, "Render the sources block into page.content (search, full-content feeds)."
    )
    sources_thresholds: tuple[float, float, float] = _option(
        (9.0, 7.0, 5.0), _thresholds, "Lowest scores of the tiers très fiable, fiable, à vérifier."
    )
    sources_link_target: str | None = _option(
        None, _optional_text, "target of source links (_blank); unset by default."
    )
    sources_link_rel: str = _option("noopener noreferrer", _text, "rel of source links.")
    citations: bool = _option(True, _bool, "Link inline citations to their source entry.")
    readtime_words_per_minute: int | None = _option(
        None, _optional_positive_int, "Reading speed; default 214 (fr) or 238 (en)."
    )
    readtime_include_code: bool = _option(False, _bool, "Count the words of code blocks.")
    readtime_split_elisions: bool = _option(True, _bool, "Count l'IA as two words.")
    readtime_tolerance: float = _option(
        0.25, _number, "Report a declared readingTime this far (a fraction) from the text's."
    )
    byline: bool = _option(True, _bool, "Show the byline on articles.")
    authors_file: str | None = _option(
        None, _optional_text, "Authors file in Material's .authors.yml format (in docs_dir)."
    )
    tags_url: str | None = _option(
        None, _optional_text, "URL of the tags page byline tags link to."
    )
    jsonld: bool = _option(True, _bool, "Add schema.org BlogPosting structured data.")
    css: bool = _option(True, _bool, "Add the plugin's stylesheet to the site.")
    labels: Mapping[str, str] = _option(
        dict, _labels, "Override any label, for example {tier_high: solide}."
    )
    report_file: str | None = _option(
        None, _optional_text, "JSON editorial report written after each build."
    )
    sources_page: str | None = _option(
        None, _optional_text, "Site path of a public page listing every source."
    )
    strict_errors: bool = _option(True, _bool, "Fail the build when an error was reported.")
    blog_compat: bool = _option(
        False, _bool, "Note article dates that Material's blog plugin rejects."
    )
    blog_excerpt: str = _option(
        "intro",
        _choice("intro", "off"),
        "With Material's blog: cut a post without <!-- more --> after its introduction.",
    )
    sanitise: str = _option(
        "articles",
        _choice("articles", "all", "off"),
        "Remove what can run script from the rendered HTML of articles, all pages, or off.",
    )
    sanitise_allow_tags: tuple[str, ...] = _option(
        (), _texts, "Extra elements the sanitiser keeps (iframe...); attributes still checked."
    )
    # -- link health (mkdocs-prizm links) --
    links_cache: str | None = _option(
        None,
        _optional_text,
        "Links cache written by `mkdocs-prizm links` (next to mkdocs.yml); dead links marked.",
    )
    links_archive: bool = _option(
        False,
        _bool,
        "Offer the archived copy of dead source links, with Robust Links attributes.",
    )
    # -- post-build audit --
    audit: bool = _option(
        True,
        _bool,
        "After each build, scan every published file for internal notes, Prizm markers and "
        "pipeline residue; fail the build when one is found.",
    )
    audit_skip: tuple[str, ...] = _option(
        (), _texts, "Glob patterns of site files (relative to site_dir) the audit does not scan."
    )
    # -- trust checks: sources' freshness, citation coverage, reliability floors -------------
    sources_max_age_years: int | None = _option(
        5,
        _optional_years,
        "Note (PRZ352) a source older than this many years before the article; false: off.",
    )
    reliability_floor_average: float | None = _option(
        6.0,
        _optional_floor,
        "Warn (PRZ361) when the mean reliability of an article's sources is under this "
        "score; false: off.",
    )
    reliability_floor_cited: float | None = _option(
        5.0,
        _optional_floor,
        "Warn (PRZ362) when a source the text relies on scores under this; false: off.",
    )
    trust_figures: str = _option(
        "info",
        _choice("info", "warning", "off"),
        "Figures (87 %, 1,5 M€, 3 fois plus) in a paragraph citing no source (PRZ453): "
        "info, warning or off.",
    )
    # -- citation previews
    citations_preview: bool = _option(
        True,
        _bool,
        "Show a citation's source (title, type, date, badge) when it is focused or hovered "
        "(prizm.js); when off, the citation carries that summary as a plain title.",
    )
    # -- For readers: the AI disclosure and "Cite this article" (#19) --------------------
    disclosure: bool = _option(
        True, _bool, "Tell readers each article was written with AI, and by whom it was reviewed."
    )
    disclosure_text: str | None = _option(
        None,
        _optional_text,
        "The disclosure sentence, replacing the labels; {reviewer} stands for the reviewers.",
    )
    disclosure_reviewer: tuple[str, ...] = _option(
        (), _texts, "Reviewer(s) named when an article's front matter names none."
    )
    disclosure_principles_url: str | None = _option(
        None, _optional_text, "Page on how the site uses AI: linked, and publishingPrinciples."
    )
    disclosure_require_reviewer: bool = _option(
        False, _bool, "Warn (PRZ621) about an article that names no human reviewer."
    )
    cite_block: bool = _option(
        True, _bool, "Show a 'Cite this article' block (plain text and BibTeX) on articles."
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None = None) -> PrizmOptions:
        """Read options from a plain mapping (YAML or keyword arguments).

        A key set to ``None`` takes the default.

        Raises:
            OptionsError: Unknown names and values of the wrong type, all of them at once.
        """
        faults: list[OptionFault] = []
        kwargs: dict[str, Any] = {}
        known = {f.name: f for f in dataclasses.fields(cls)}
        for name, value in (values or {}).items():
            spec = known.get(str(name))
            if spec is None:
                faults.append(
                    OptionFault(str(name), f"unknown option (known: {', '.join(sorted(known))})")
                )
                continue
            if value is None:
                continue
            try:
                kwargs[spec.name] = spec.metadata["read"](value)
            except TypeError as exc:
                faults.append(OptionFault(spec.name, f"{exc}; got {value!r:.80}"))
        if faults:
            raise OptionsError(faults)
        return cls(**kwargs)

    def as_dict(self) -> dict[str, Any]:
        """The options by name (what ``from_mapping`` reads back)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def option_docs() -> Iterator[tuple[str, Any, str]]:
    """``(name, default, documentation)`` of every option, in the schema's order."""
    for spec in dataclasses.fields(PrizmOptions):
        default = spec.default if spec.default is not dataclasses.MISSING else {}
        yield spec.name, default, spec.metadata["doc"]
