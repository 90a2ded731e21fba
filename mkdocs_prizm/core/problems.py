"""One problem type for everything the plugin, the extension and the CLI report.

Codes are stable identifiers: documentation, CI annotations and editors' tooling refer to
them, so a code is never reused for another meaning.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "CODES",
    "ROUTINE_CODES",
    "Problem",
    "ProblemSink",
    "Severity",
]


class Severity(str, enum.Enum):
    """How serious a problem is; errors fail the build, warnings fail ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: Every problem code, with a one-line summary (the docs' problem table is built from this).
CODES: dict[str, str] = {
    # front matter
    "PRZ101": "Front matter is not valid YAML.",
    "PRZ102": "Front matter is not a mapping of keys to values.",
    "PRZ103": "A second front matter block follows the first one.",
    "PRZ104": "A front matter value has the wrong type or form.",
    "PRZ105": "A front matter text field contains markup; it is published as plain text.",
    "PRZ106": "Two front matter aliases disagree (for example `date` and `pubDate`).",
    "PRZ107": "A date Material's blog plugin rejects (quoted, or only in `pubDate`).",
    "PRZ108": "A front matter value YAML cannot read (`2025-02-30`, `!!int abc`); it is left out.",
    "PRZ109": "A front matter key is written twice; the last value is used.",
    "PRZ110": "Control characters (NUL, ESC...) were removed from the text or front matter.",
    "PRZ111": "A front matter date is after the build date.",
    "PRZ112": "The front matter names an unknown language; the site's language is used.",
    "PRZ113": "Front matter aliases expand too far (an alias bomb) or refer to themselves.",
    "PRZ114": "A value YAML 1.1 misreads (`12:30` as 750, `NO` as false).",
    "PRZ115": "A front matter title is written on several lines; they are joined.",
    "PRZ116": "An article's image names no file of the site.",
    # internal notes
    "PRZ201": "An internal note (HTML comment) is never closed with `-->`.",
    "PRZ202": "An internal optimisation report was filed as an article; it is not published.",
    "PRZ203": "An HTML comment is closed by something like `-->` (`–>`, `-- >`, `--!>`).",
    # sources
    "PRZ301": "A sources item could not be structured; it is published as written.",
    "PRZ302": "A reliability score is out of range or not a number.",
    "PRZ303": "A source has no reliability score.",
    "PRZ304": "A source date could not be understood; it is shown as written.",
    "PRZ305": "A source URL is not a safe http(s) link; it is shown as inert text.",
    "PRZ306": "Source numbering has gaps or duplicates; entries are renumbered 1..n.",
    "PRZ307": "A source has no URL.",
    "PRZ308": "A source URL's host mixes scripts (a possible look-alike); it is shown as punycode.",
    # link health (the links cache)
    "PRZ371": "A source link is dead (gone, or a page saying it does not exist).",
    "PRZ372": "A source link redirects permanently to another address.",
    "PRZ373": "A source link could not be checked (timeout, no connection, server error).",
    "PRZ374": "The links cache is missing or cannot be read; no link is marked.",
    # trust: sources' freshness
    "PRZ351": "A source is dated after the article (its update date, else its publication date).",
    "PRZ352": "A source is older than `sources_max_age_years` before the article.",
    # trust: reliability floors
    "PRZ361": "The mean reliability of an article's sources is under `reliability_floor_average`.",
    "PRZ362": "A source the text relies on scores under `reliability_floor_cited`.",
    # citations
    "PRZ401": "An inline citation matches no entry of the sources section.",
    # trust: citation coverage
    "PRZ451": "A source of the sources section is never cited in the text (which cites others).",
    "PRZ452": "The text cites none of the sources of its sources section.",
    "PRZ453": "Figures (87 %, 1,5 M€, 3 fois plus) in a paragraph that cites no source.",
    # reading time
    "PRZ501": "The declared reading time differs from the computed one beyond the tolerance.",
    # authors
    "PRZ601": "An author is not described in the authors file.",
    "PRZ602": "The authors file cannot be read.",
    # AI disclosure
    "PRZ621": "An article names no human reviewer, and `disclosure_require_reviewer` is on.",
    # sanitising (rendered HTML)
    "PRZ701": "An HTML element that can run script or is not allowed was removed from a page.",
    "PRZ702": "An HTML attribute that is not allowed (an event handler, a style) was removed.",
    "PRZ703": "A URL with an unsafe scheme (`javascript:`, `data:` ...) was removed.",
    "PRZ704": "Markup a browser would read differently (an unfinished tag) was rewritten.",
    "PRZ705": "A page title contained markup; it is published as plain text.",
    # pipeline residue
    "PRZ801": "The article's text talks to the publishing pipeline (the assistant's answer).",
    "PRZ802": "A placeholder the publishing pipeline left in the text (`[Donnée à insérer]`).",
    "PRZ803": "A template token the publishing pipeline left in the text (`[[PATTERN]]`).",
    "PRZ804": "The sources section holds a placeholder instead of its entries.",
    "PRZ805": "A page with pipeline residue is kept out of the site (`residue_exclude`).",
    "PRZ806": "A title ends with the site's name (`... | Prizm AI`); published without it.",
    # post-build audit
    "PRZ951": "An internal note was found in a published file (HTML, search index, feed...).",
    "PRZ952": "A Prizm working marker (`<!-- prizm:...`) was left in a published file.",
    "PRZ953": "Publishing pipeline residue was found in a published file.",
    # usage (CLI)
    "PRZ901": "A file cannot be read (missing, unreadable or not UTF-8).",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """A fault found in an article.

    Attributes:
        file: Path of the file, as the user knows it (relative to ``docs_dir`` or as given).
        line: 1-based line in that file; 0 when the problem concerns the whole file.
        column: 1-based column; 0 when unknown.
        severity: How serious it is.
        code: A stable identifier from [`CODES`][mkdocs_prizm.core.problems.CODES].
        message: What is wrong and what was expected, in one sentence.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    @property
    def log_level(self) -> int:
        """The ``logging`` level adapters log it at: routine notes at debug level."""
        if self.severity is Severity.ERROR:
            return logging.ERROR
        if self.severity is Severity.WARNING:
            return logging.WARNING
        return logging.DEBUG if self.code in ROUTINE_CODES else logging.INFO

    def format(self) -> str:
        """Return the ``FILE:LINE:COL: severity CODE message`` form used by every tool."""
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.severity.value} {self.code} {self.message}"


#: Informational problems about what a page simply lacks (a link list's scores and URLs, a
#: citation in an article without sources, citations of its sources or of its figures).  The
#: MkDocs adapter logs them at debug level, and does not read a file again just to give them a
#: line (unless a report is written); ``mkdocs-prizm check -v`` shows them.
ROUTINE_CODES: frozenset[str] = frozenset(
    {"PRZ303", "PRZ307", "PRZ401", "PRZ451", "PRZ452", "PRZ453"}
)


class ProblemSink:
    """Collects problems for one file; core parsers receive one and append to it.

    Lines given to [`add`][mkdocs_prizm.core.problems.ProblemSink.add] are relative to the text
    being parsed; ``line_offset`` turns them into file lines.  A callable offset is asked for
    only when a problem needs it; routine informational problems (``defer``) do not ask for it,
    and keep line 0 (unknown) unless another problem had it computed anyway.
    """

    __slots__ = ("_deferred", "defer", "file", "items", "line_offset")

    def __init__(
        self,
        file: str,
        line_offset: int | Callable[[], int] = 0,
        *,
        defer: frozenset[str] = frozenset(),
    ) -> None:
        self.file = file
        self.items: list[Problem] = []
        self.line_offset = line_offset
        self.defer = defer
        self._deferred: list[int] = []

    def offset(self) -> int:
        """The offset added to lines; a callable one is asked once, at the first problem."""
        if callable(self.line_offset):
            self.line_offset = self.line_offset()
        return self.line_offset

    def add(
        self, severity: Severity, code: str, message: str, line: int = 0, column: int = 0
    ) -> None:
        """Record a problem at ``line`` (relative to the text being parsed) and ``column``."""
        if line and callable(self.line_offset) and severity is Severity.INFO and code in self.defer:
            self._deferred.append(len(self.items))
        elif line:
            line += self.offset()
        self.items.append(Problem(self.file, line, column, severity, code, message))

    def discard_from(self, mark: int) -> None:
        """Forget the problems recorded since there were ``mark`` of them."""
        del self.items[mark:]
        self._deferred = [index for index in self._deferred if index < mark]

    def finish(self) -> list[Problem]:
        """The problems, deferred lines resolved when the offset is known, else set to 0."""
        resolved = not callable(self.line_offset)
        for index in self._deferred:
            problem = self.items[index]
            line = problem.line + self.offset() if resolved else 0
            self.items[index] = dataclasses.replace(problem, line=line)
        self._deferred = []
        return self.items

    def error(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        """Record an error."""
        self.add(Severity.ERROR, code, message, line, column)

    def warning(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        """Record a warning."""
        self.add(Severity.WARNING, code, message, line, column)

    def info(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        """Record an informational note."""
        self.add(Severity.INFO, code, message, line, column)
