"""Reading time: count the words of a Markdown page and turn them into minutes.

The estimate is deliberately simple and documented so that authors can predict it:

* words are counted on the Markdown source in one linear pass (no HTML rendering), skipping what
  a reader does not read: HTML comments (internal notes), HTML tags, link and image targets,
  bare URLs, footnote markers, attribute lists, entities and, unless asked, fenced code blocks;
* the silent reading speed defaults to [`DEFAULT_WPM`][mkdocs_prizm.core.readtime.DEFAULT_WPM]
  (Brysbaert, 2019: 238 words per minute for English non-fiction, 214 for French);
* every image adds a flat [`IMAGE_SECONDS`][mkdocs_prizm.core.readtime.IMAGE_SECONDS];
* the result is rounded **up** to whole minutes, with a minimum of one minute.

A reading time declared in front matter (``readingTime: "3 min"``) wins over the estimate; both
are kept in [`ReadingTime`][mkdocs_prizm.core.article.ReadingTime] so that the editorial report
can flag declarations that [`disagrees`][mkdocs_prizm.core.readtime.disagrees] with the text.
"""

from __future__ import annotations

import math
import re
from typing import Final

from mkdocs_prizm.core.article import ReadingTime
from mkdocs_prizm.core.fences import may_have_fences
from mkdocs_prizm.core.i18n import normalise_language
from mkdocs_prizm.core.markdown_scan import chars_after

__all__ = [
    "DEFAULT_WPM",
    "IMAGE_SECONDS",
    "count_words",
    "disagrees",
    "estimate_minutes",
    "parse_declared",
    "reading_time",
]

#: Silent reading speed in words per minute, by language (Brysbaert, M. (2019). How many words
#: do we read per minute? A review and meta-analysis of reading rate. *Journal of Memory and
#: Language*, 109). Languages not listed use the English figure.
DEFAULT_WPM: Final[dict[str, int]] = {"fr": 214, "en": 238}

#: Seconds added per image. A flat 12 seconds per image, whatever the number of images (no
#: decreasing scale): a reader glances at an illustration and its caption, then moves on.
IMAGE_SECONDS: Final = 12

# -- tokens ----------------------------------------------------------------------------------
#
# Counting runs on every page of large sites, so it avoids a Python step per word: constructs
# that are not read (code, comments, tags, link targets, URLs...) are removed by regexes that
# only run when a cheap substring test says the construct may be there; what remains is turned
# into bytes whose punctuation is deleted in one ``translate`` and split on white space.  Every
# regex is bounded by a newline or a closing delimiter, or has a bounded length, so the work is
# linear in the length of the text even for adversarial input.  ``(?=(?P<x>...))(?P=x)`` is an
# atomic group (Python 3.10 has no ``(?>...)``).

RE_FRONT: Final = re.compile(r"\A---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
RE_FENCE: Final = re.compile(
    r"^[ \t]*(?P<fchars>(?P<fch>[`~])(?P=fch){2,})[^\n]*\n?"
    r"(?P<fbody>.*?)(?:^[ \t]*(?P=fchars)(?P=fch)*[ \t]*$|\Z)",
    re.DOTALL | re.MULTILINE,
)
RE_COMMENT: Final = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
RE_SCRIPT: Final = re.compile(
    r"<(?P<stag>script|style)\b[^<>]*>.*?(?:</(?P=stag)\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
RE_HTML_IMAGE: Final = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
RE_TAG: Final = re.compile(
    r"<(?:https?://|mailto:)[^<>\s]*>|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
)
RE_MD_IMAGE: Final = re.compile(
    r"!\[[^\]\n]{0,500}\](?:\((?=(?P<isrc>[^)\n]{0,2000}))(?P=isrc)\)|\[[^\]\n]{0,500}\])"
)
RE_TARGET: Final = re.compile(
    r"\]\((?=(?P<href>[^)\s]{0,2000}))(?P=href)"
    r"(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^)\n]{0,500}\)))?[ \t]*\)"
    r"|\]\[[^\]\n]{0,500}\]"
)
# Like RE_OLIST, starts with the newline before the line (the text gets a leading one).
RE_REFDEF: Final = re.compile(r"\n[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[^\n]*")
RE_FOOTREF: Final = re.compile(r"\[\^[^\]\s]{1,100}\]")
RE_URL: Final = re.compile(r"https?://[^\s<>()\[\]]+")
# "www." first, a literal the regex engine finds fast; the lookbehind then plays ``\b``.
RE_WWW: Final = re.compile(r"www\.(?<!\wwww\.)[^\s<>()\[\]]+")
RE_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
RE_ATTRS: Final = re.compile(r"\{:?[ \t]*[.#][^}\n]{0,500}\}")
RE_ADMONITION: Final = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+", re.MULTILINE)
# An ordered list number on a line after the first, found by the newline before it (a literal
# the regex engine finds fast); ``RE_OLIST_FIRST`` on the first line.  Each is one word of its
# own once punctuation is deleted: the matches are counted and taken off the word count.
RE_OLIST_FIRST: Final = re.compile(r"[ \t>]*\d{1,9}[.)](?=[ \t\n])")
RE_OLIST: Final = re.compile("\n" + RE_OLIST_FIRST.pattern)
#: Non-ASCII punctuation and superscript citation markers: never words, never inside one.
WIDE_PUNCT: Final = (
    "«»—–•…“”‘\u00b2\u00b3\u00b9\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u00a0\u202f"
)
#: Elided words read as a word of their own ("l'IA" is "l'" + "IA").
ELISIONS: Final = frozenset(
    {"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu"} | {"puisqu", "quoiqu"}
)

# Words are counted without a list of them: one ``translate`` deletes ASCII punctuation (so
# "peut-être", "3,5" and "87%" stay one word and a lone "-" or ":" is no word) and turns every
# other byte into "x", or into a space for white space and the underscore ("snake_case" is two
# words); the words are then the " x" pairs.
_DELETE: Final = b"#*>|-:;!?.,()[]{}\"/`~=+<%&@$^\\'"
_SPACES: Final = b" \t\n\r\x0b\x0c_"  # what bytes.split() splits on, and the underscore
_TABLE: Final = bytes(0x20 if byte in _SPACES else 0x78 for byte in range(256))
# In code, punctuation separates identifiers: "f(x)" is two words.
_CODE_TABLE: Final = bytes(0x20 if byte in _SPACES + _DELETE else 0x78 for byte in range(256))


def _either_case(word: str) -> str:
    return "".join(f"[{char}{char.upper()}]" for char in word)


def _elision_pattern(prefixes: frozenset[str]) -> re.Pattern[str]:
    """An apostrophe that ends one of ``prefixes`` (a whole word) and is followed by a letter.

    The pattern starts with the apostrophe, which the regex engine finds fast; the prefix is
    checked behind it, one lookbehind per length.  Letters and digits are ``[^\\W_]`` (what
    ``str.isalnum`` accepts): an underscore separates words here, as in the word count.
    """
    alnum = r"[^\W_]"
    single = "".join(sorted(p + p.upper() for p in prefixes if len(p) == 1))
    branches = [f"(?<=(?<!{alnum})[{single}]')"] if single else []
    by_ending: dict[str, list[str]] = {}
    for prefix in sorted(prefixes, key=lambda p: (-len(p), p)):
        if len(prefix) > 1:
            by_ending.setdefault(prefix[-2:], []).append(prefix)
    for ending, words in sorted(by_ending.items()):
        inner = "|".join(f"(?<=(?<!{alnum}){_either_case(w)}')" for w in words)
        branches.append(f"(?<={_either_case(ending)}')(?:{inner})")
    return re.compile(f"'(?={alnum})(?:{'|'.join(branches)})")


#: An elided word followed by the word it is joined to ("l'IA", "jusqu'ici"; not "aujourd'hui").
RE_ELISION: Final = _elision_pattern(ELISIONS)


def _count(text: str, split_elisions: bool, *, code: bool = False) -> int:
    if ":" in text and "http" in text:
        text = RE_URL.sub(" ", text)
    if "w" in text and "www." in text:
        text = RE_WWW.sub(" ", text)
    if "&" in text:
        text = RE_ENTITY.sub(" ", text)
    for mark in WIDE_PUNCT:
        if mark in text:
            text = text.replace(mark, " ")
    if "’" in text:
        text = text.replace("’", "'")
    data = text.encode("utf-8")
    data = data.translate(_CODE_TABLE) if code else data.translate(_TABLE, _DELETE)
    words = data.count(b" x") + data.startswith(b"x")
    if split_elisions and "'" in text:
        words += len(RE_ELISION.findall(text))
    return words


RE_DECLARED: Final = re.compile(
    r"""
    ^[~≈]?\s*(?:environ\s+|about\s+|approx\.?\s+)?
    (?:(?P<hours>\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hours?|heures?)\.?(?![a-z]))?
    \s*
    (?:(?P<minutes>\d+(?:[.,]\d+)?)\s*(?:minutes?|mins?|mn|m)?\.?)?
    \s*(?:de\s+lecture|read|reading(?:\s+time)?)?\s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""A declared reading time: ``"3 min"``, ``"3"``, ``"3.5 minutes"``, ``"1 h 5 min"``, ``"1h05"``."""

RE_ISO_DURATION: Final = re.compile(
    r"^PT(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?$", re.IGNORECASE
)
"""An ISO 8601 duration as used by schema.org: ``"PT3M"``, ``"PT1H5M"``."""


def count_words(
    markdown: str, *, include_code: bool = False, split_elisions: bool = True
) -> tuple[int, int]:
    """Count the words a reader reads and the images they look at.

    Nothing is rendered: the constructs that are not read are removed from the Markdown (each
    only when a substring test says it may be present), and the rest is split into words after
    its punctuation is deleted, all in C-level string operations. What counts:

    * words of the text, including link texts (``[text](url)`` counts ``text`` only), inline
      code, table cells and footnote definitions;
    * numbers as one word each, with their separators and percent sign (``87%``, ``3,5``);
    * hyphenated words as one word (``peut-être``, ``Provence-Alpes-Côte``);
    * with ``split_elisions`` (the default), a French elided article or pronoun as a word of its
      own: ``l'IA`` and ``d’un`` are two words each, as a French reader reads two words. Only
      the elision prefixes (``c d j l m n s t qu jusqu lorsqu puisqu quoiqu``) split, so
      ``aujourd'hui`` and ``Prizm's`` stay one word.

    What does not count: a leading front matter block, HTML comments, HTML tags (the text
    between them counts), ``<script>``/``<style>`` content, link and image targets, reference
    definitions, footnote markers (``[^1]``, superscript digits), bare URLs, heading, list,
    quote and emphasis markers, ordered list numbers, admonition markers, attribute lists,
    HTML entities, and fenced code blocks unless ``include_code`` (their info string never
    counts). Indented code blocks are counted as text: telling them from list continuations
    needs a full Markdown parser.

    Images are ``![alt](src)``, ``![alt][ref]`` and ``<img>``; their alt text is not counted.

    Args:
        markdown: The page's Markdown, without front matter.
        include_code: Count the words of fenced code blocks.
        split_elisions: Count French elisions as two words (``l'IA`` → 2).

    Returns:
        ``(words, images)``.
    """
    text = markdown
    code_words = 0
    images = 0
    # Single-character tests first: they are much cheaper than substring searches.
    if text.startswith("---"):
        text = RE_FRONT.sub("", text, count=1)
    if may_have_fences(text):
        if include_code:
            code_words = sum(
                _count(m.group("fbody"), split_elisions, code=True) for m in RE_FENCE.finditer(text)
            )
        text = RE_FENCE.sub("\n", text)
    if "<" in text:
        if "<!--" in text:
            text = RE_COMMENT.sub(" ", text)
        # Tests on the two spellings of "<s" and "<i" spare a lowered copy of the text.
        if ("<s" in text or "<S" in text) and RE_SCRIPT.search(text):
            text = RE_SCRIPT.sub(" ", text)
        if ("<i" in text or "<I" in text) and RE_HTML_IMAGE.search(text):
            images += len(RE_HTML_IMAGE.findall(text))
            text = RE_HTML_IMAGE.sub(" ", text)
        text = RE_TAG.sub("", text)
    # What follows each "!", "]" and "?" is read with one single-character search per
    # occurrence: much cheaper than a search for each two-character sequence ("![", "](",
    # "][", "]:", "!!", "??") through the whole text.
    bang = chars_after(text, "!")
    if "]" in text:
        if "[" in bang:
            images += len(RE_MD_IMAGE.findall(text))
            text = RE_MD_IMAGE.sub(" ", text)
        closing = chars_after(text, "]")
        if "(" in closing or "[" in closing:
            text = RE_TARGET.sub("] ", text)
        if ":" in closing:
            text = RE_REFDEF.sub("\n", "\n" + text)
        if "^" in text and "[^" in text:
            text = RE_FOOTREF.sub(" ", text)
    if "{" in text:
        text = RE_ATTRS.sub(" ", text)
    if ("!" in bang and "!!!" in text) or ("?" in chars_after(text, "?") and "???" in text):
        text = RE_ADMONITION.sub(" ", text)
    numbers = len(RE_OLIST.findall(text)) + (RE_OLIST_FIRST.match(text) is not None)
    return _count(text, split_elisions) - numbers + code_words, images


def estimate_minutes(words: int, images: int, wpm: int) -> int:
    """Turn a word and image count into whole minutes.

    ``minutes = ceil(words / wpm + images × IMAGE_SECONDS / 60)``, at least 1. The ceiling is
    computed with integers, so 428 words at 214 wpm is exactly 2 minutes and 429 words is 3:
    a reading time is a promise, better slightly generous than short.

    Args:
        words: Number of words.
        images: Number of images.
        wpm: Reading speed in words per minute (positive).

    Returns:
        The reading time in minutes, at least 1.

    Raises:
        ValueError: If ``wpm`` is not positive.
    """
    if wpm <= 0:
        msg = f"reading speed must be positive, got {wpm!r} words per minute"
        raise ValueError(msg)
    # total seconds × wpm, kept integral: words × 60 + images × IMAGE_SECONDS × wpm
    numerator = max(words, 0) * 60 + max(images, 0) * IMAGE_SECONDS * wpm
    minutes = -(-numerator // (60 * wpm))
    return max(minutes, 1)


# Longer declarations are not reading times; the bound also keeps ``RE_DECLARED`` cheap.
_DECLARED_MAX_LENGTH: Final = 64


def _to_number(text: str | None) -> float:
    if not text:
        return 0.0
    return float(text.replace(",", "."))


def parse_declared(value: object) -> int | None:
    """Read a declared reading time, in whole minutes.

    Accepted: positive numbers (``3``, ``3.5``) and text such as ``"3"``, ``"3 min"``,
    ``"3min"``, ``"3 mn"``, ``"3 minute(s)"``, ``"3,5 min"``, ``"3 min de lecture"``,
    ``"~3 min"``, ``"1 h 5 min"``, ``"1h05"``, ``"2 heures"`` and ISO 8601 durations
    (``"PT3M"``). Fractions are rounded up (``"3.5 min"`` → 4), like computed times.

    Args:
        value: The front matter value.

    Returns:
        The minutes, or ``None`` when the value is missing, a boolean, not understood
        (``"huit"``), zero, negative or not finite.
    """
    if value is None or isinstance(value, bool):
        return None
    total: float
    if isinstance(value, int | float):
        total = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > _DECLARED_MAX_LENGTH:
            return None
        match = RE_ISO_DURATION.match(text) or RE_DECLARED.match(text)
        if match is None or not (match.group("hours") or match.group("minutes")):
            return None
        total = _to_number(match.group("hours")) * 60 + _to_number(match.group("minutes"))
    else:
        return None
    if not math.isfinite(total) or total <= 0:
        return None
    return math.ceil(total)


def reading_time(
    markdown: str,
    *,
    language: str = "fr",
    declared: object = None,
    declared_minutes: int | None = None,
    wpm: int | None = None,
    include_code: bool = False,
    split_elisions: bool = True,
) -> ReadingTime:
    """Compute a page's reading time and combine it with the declared one.

    Args:
        markdown: The page's Markdown, without front matter.
        language: Language of the page (``"fr"``, ``"fr_FR"``, ``"en-US"``); chooses the
            reading speed from [`DEFAULT_WPM`][mkdocs_prizm.core.readtime.DEFAULT_WPM],
            English for languages not listed.
        declared: The front matter value (``readingTime``), or ``None``.
        declared_minutes: ``declared`` in minutes, when the caller has read it already
            ([`parse_declared`][mkdocs_prizm.core.readtime.parse_declared]); read here
            otherwise.
        wpm: Reading speed overriding the language's default.
        include_code: Count the words of fenced code blocks.
        split_elisions: Count French elisions as two words.

    Returns:
        The reading time; ``minutes`` is the declared value when it parses, else the estimate.
    """
    words, images = count_words(markdown, include_code=include_code, split_elisions=split_elisions)
    if wpm is None:
        lang = normalise_language(language, default="en")
        wpm = DEFAULT_WPM.get(lang, DEFAULT_WPM["en"])
    computed = estimate_minutes(words, images, wpm)
    if declared_minutes is None:
        declared_minutes = parse_declared(declared)
    return ReadingTime(
        minutes=declared_minutes if declared_minutes is not None else computed,
        declared=None if declared is None else str(declared),
        declared_minutes=declared_minutes,
        computed_minutes=computed,
        words=words,
        images=images,
    )


def disagrees(rt: ReadingTime, tolerance: float = 0.5) -> bool:
    """Tell whether a declared reading time is far from the text's.

    Both conditions must hold, so that short articles are not flagged for a minute's
    difference and long ones are not flagged for a small relative one:

    * ``|declared - computed| > tolerance × computed`` (relative: 50 % by default);
    * ``|declared - computed| >= 2`` minutes.

    Args:
        rt: The reading time.
        tolerance: Accepted relative difference, as a fraction of the computed minutes.

    Returns:
        ``False`` when nothing (readable) was declared.
    """
    if rt.declared_minutes is None:
        return False
    difference = abs(rt.declared_minutes - rt.computed_minutes)
    return difference >= 2 and difference > tolerance * rt.computed_minutes
