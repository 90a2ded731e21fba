"""Properties of the core on generated articles: nothing raises, prose survives, notes go,
stripping is idempotent and no hostile URL becomes a link."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_prizm.core.comments import strip_notes
from mkdocs_prizm.core.pipeline import Processed, analyse
from mkdocs_prizm.core.problems import ProblemSink
from mkdocs_prizm.render import Renderer, RenderOptions, article_markdown, make_environment

HOSTILE_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example",
    "http:///x",
    "https://",
    "/relative/path",
    " javascript:alert(1)",
    "%6Aavascript:alert(1)",
    "file:///etc/passwd",
)
SAFE_URLS = ("https://example.org/a?b=c", "http://example.com/", "https://www.bpifrance.fr/x")

FRONT_MATTER = "---\ntitle: Essai\ndate: 2025-07-29\nauthor: Prizm AI\ncategory: IA\n---\n\n"

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass
class Doc:
    """A generated article and what its output must (not) contain."""

    text: str
    sentences: list[str] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)
    verbatim: list[str] = field(default_factory=list)


def _sentence(k: int) -> str:
    # Unique marker words that no other generated text contains.
    return f"La phrase témoin Zq{k}x reste publiée."


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    """An article mixing prose, notes, comments, directives, code and source fragments."""
    kinds = draw(
        st.lists(
            st.sampled_from(
                [
                    "prose",
                    "prose",
                    "inline-note",
                    "note",
                    "unclosed-note",
                    "comment",
                    "directive",
                    "fence",
                    "inline-code",
                    "reliability",
                    "citation",
                    "entry-like",
                    "list",
                ]
            ),
            min_size=1,
            max_size=14,
        )
    )
    blocks: list[tuple[str, list[str], list[str], list[str]]] = []
    counter = 0

    def sentence() -> str:
        nonlocal counter
        counter += 1
        return _sentence(counter)

    for kind in kinds:
        secret = f"SECRETnote{counter}q"
        s: list[str] = []
        hidden: list[str] = []
        kept: list[str] = []
        if kind == "prose":
            s = [sentence(), sentence()]
            text = " ".join(s)
        elif kind == "inline-note":
            s = [sentence(), sentence()]
            hidden = [secret]
            text = f"{s[0]} <!-- Score intégrité : 92% {secret} --> {s[1]}"
        elif kind == "note":
            hidden = [secret]
            text = f"<!-- ARTICLE FINAL - OPTIMISÉ STYLE PRIZM\nVersion : 2\n{secret}\n-->"
        elif kind == "unclosed-note":
            hidden = [secret]
            text = f"<!-- STYLE CONVERSATIONNEL APPLIQUÉ\nScore conversationnel : 80% {secret}"
        elif kind == "comment":
            s = [sentence()]
            text = f"{s[0]} <!-- remarque éditoriale -->"
        elif kind == "directive":
            text = draw(st.sampled_from(["<!-- more -->", "<!-- material/tags -->"]))
            kept = [text]
        elif kind == "fence":
            fence = f"```html\n<!-- ARTICLE FINAL code{counter} -->\n<p>x</p>\n```"
            kept = [fence]
            text = fence
        elif kind == "inline-code":
            s = [sentence()]
            text = f"{s[0]} Écrivez `<!--` pour ouvrir un commentaire."
            kept = ["`<!--`"]
        elif kind == "reliability":
            s = [sentence()]
            score = draw(st.sampled_from(["8/10", "7,5/10", "11/10", "-2/10", "x/10", ""]))
            text = f"{s[0]} Fiabilité : {score}"
        elif kind == "citation":
            s = [sentence()]
            name = draw(st.sampled_from(["Bpifrance", "Inconnu", "Éditeur 1", ""]))
            closer = draw(st.sampled_from([")", "", "]"]))
            text = f"{s[0]} (Source : {name}{closer}"
        elif kind == "entry-like":
            s = [sentence()]
            text = f"{s[0]}\n\n1. **Titre {counter}** - Type"
        else:
            s = [sentence()]
            text = f"{s[0]}\n- point un\n- point deux"
        blocks.append((text, s, hidden, kept))

    # An unclosed note runs to the next "-->" when there is one (as in HTML): keep what follows
    # it free of "-->" so that "outside a note" is easy to tell.
    cleaned: list[tuple[str, list[str], list[str], list[str]]] = []
    unclosed = False
    for text, s, hidden, kept in blocks:
        if unclosed and "-->" in text:
            continue
        if "-->" not in text and "STYLE CONVERSATIONNEL" in text:
            unclosed = True
        cleaned.append((text, s, hidden, kept))

    with_sources = draw(st.booleans())
    parts = [text for text, *_ in cleaned]
    if with_sources:
        parts.append("## Sources et références\n\n" + draw(source_entries()))
    article = draw(st.booleans())
    body = "\n\n".join(parts) + "\n"
    return Doc(
        text=(FRONT_MATTER if article else "") + body,
        sentences=[x for _, s, _, _ in cleaned for x in s],
        secrets=[x for _, _, h, _ in cleaned for x in h],
        verbatim=[x for _, _, _, k in cleaned for x in k],
    )


@st.composite
def source_entries(draw: st.DrawFn) -> str:
    """A sources list in one of the corpus' forms, with safe and hostile URLs."""
    count = draw(st.integers(min_value=1, max_value=5))
    lines: list[str] = []
    for number in range(1, count + 1):
        url = draw(st.sampled_from(HOSTILE_URLS + SAFE_URLS))
        form = draw(st.sampled_from(["numbered", "inline", "link", "block"]))
        if form == "numbered":
            lines.append(
                f"{number}. **Éditeur {number}** - Étude\n   - Date : 24/06/2025\n"
                f"   - URL : {url}\n   - Fiabilité : {number + 4}/10"
            )
        elif form == "inline":
            lines.append(f"{number}. **Éditeur {number}** (Fiabilité : 8/10)\n   - {url}")
        elif form == "link":
            lines.append(f"- [Éditeur {number}]({url})")
        else:
            lines.append(f"**Source {number}** : Éditeur {number} — Rapport\n- URL : {url}")
    return "\n".join(lines) + "\n"


def _safe_href(href: str) -> bool:
    if href.startswith("#prizm-"):
        return True
    parts = urlsplit(href)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


RENDERER = Renderer(make_environment([]), RenderOptions())


def published(processed: Processed) -> str:
    """The Markdown the plugin hands to Python-Markdown."""
    return article_markdown(processed, RENDERER.citation)


@PROPERTY_SETTINGS
@given(documents())
def test_processing_keeps_prose_and_drops_notes(doc: Doc) -> None:
    processed = analyse(doc.text, "article.md")
    out = published(processed)
    for sentence in doc.sentences:
        assert sentence in out
    for secret in doc.secrets:
        assert secret not in out
    for text in doc.verbatim:
        assert text in out


@PROPERTY_SETTINGS
@given(documents())
def test_stripping_is_idempotent(doc: Doc) -> None:
    first = strip_notes(doc.text, ProblemSink("a.md"))
    second = strip_notes(first.text, ProblemSink("a.md"))
    assert second.removed == 0
    assert second.text == first.text


@PROPERTY_SETTINGS
@given(documents())
def test_no_hostile_url_becomes_a_link(doc: Doc) -> None:
    processed = analyse(doc.text, "article.md")
    article = processed.article
    html = RENDERER.byline(article) if article.is_article else ""
    if article.sources is not None:
        html += RENDERER.section_open(article) + RENDERER.sources(article)
        html += "</section>"
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.find_all("a"):
        href = anchor.get("href")
        assert isinstance(href, str)
        assert _safe_href(href), href
    # The citation anchors the core writes into the Markdown only point at entries.
    cites = BeautifulSoup(published(processed), "html.parser").select("a.prizm-cite")
    for anchor in cites:
        assert str(anchor.get("href", "")).startswith("#prizm-source-")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<!->`* \n:()[]#1.Sourcefiablté/")), max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    processed = analyse(FRONT_MATTER + text, "article.md")
    again = strip_notes(published(processed), ProblemSink("a.md"))
    assert again.removed == 0


@PROPERTY_SETTINGS
@given(source_entries())
def test_sources_section_links_only_safe_urls(entries: str) -> None:
    text = FRONT_MATTER + "Texte (Source : Éditeur 1).\n\n## Sources et références\n\n" + entries
    article = analyse(text, "article.md").article
    assert article.sources is not None
    html = RENDERER.sources(article)
    links = BeautifulSoup(html, "html.parser").find_all("a")
    for anchor in links:
        href = anchor.get("href")
        assert isinstance(href, str)
        assert _safe_href(href), href
    safe = [s for s in article.sources.entries if s.url_safe]
    assert all(urlsplit(s.url).scheme in {"http", "https"} for s in safe)
