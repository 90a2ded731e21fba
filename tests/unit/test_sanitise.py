"""The sanitiser: hostile markup out (and reported), everything MkDocs and Material render kept."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_prizm.sanitise import Sanitiser, locate, plain_title
from tests.conftest import FIXTURES

FEATURES = FIXTURES / "sanitise" / "features.md"

#: The extensions a Material site typically enables, configured as Material's docs advise.
EXTENSIONS = [
    *("abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"),
    *("toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"),
    *("pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.mark"),
    *("pymdownx.tasklist", "pymdownx.arithmatex", "pymdownx.emoji"),
]


def material_html(text: str) -> str:
    emoji = pytest.importorskip("material.extensions.emoji")
    configs = {
        "toc": {"permalink": True},
        "pymdownx.tabbed": {"alternate_style": True},
        "pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span"},
        "pymdownx.tasklist": {"custom_checkbox": True},
        "pymdownx.arithmatex": {"generic": True},
        "pymdownx.emoji": {"emoji_index": emoji.twemoji, "emoji_generator": emoji.to_svg},
    }
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=configs)


@pytest.fixture(scope="module")
def sanitiser() -> Sanitiser:
    return Sanitiser()


def test_material_features_come_out_unchanged(sanitiser: Sanitiser) -> None:
    html = material_html(FEATURES.read_text(encoding="utf-8"))
    # The page really holds what the keep-list promises.
    for needle in (
        'class="admonition note"',
        "<details",
        'type="radio"',
        "<label for=",
        "highlighttable",
        'style="text-align: center;"',
        'class="footnote-backref"',
        "<abbr title=",
        'type="checkbox"',
        'class="arithmatex"',
        "<math>",
        'class="headerlink"',
        "<!-- more -->",
        "<!-- prizm:sources -->",
        'class="prizm-cite"',
        "<svg",
        "data-tabs",
        'loading="lazy"',
        'target="_blank"',
    ):
        assert needle in html, needle
    clean, removals = sanitiser.clean(html)
    assert removals == []
    assert clean is html


@pytest.mark.parametrize(
    ("hostile", "code", "kept", "gone"),
    [
        ("<p>avant <script>alert(1)</script> après</p>", "PRZ701", "avant  après", "alert"),
        ("<p><SCRIPT src=//evil.example/x.js></SCRIPT>t</p>", "PRZ701", "t", "script"),
        (
            '<p>x <img src="a.png" onerror="alert(1)"> y</p>',
            "PRZ702",
            '<img src="a.png">',
            "onerror",
        ),
        ('<p onclick="alert(1)">texte</p>', "PRZ702", "<p>texte</p>", "onclick"),
        ('<iframe src="javascript:alert(1)">repli</iframe>', "PRZ701", "repli", "iframe"),
        ('<p><a href="javascript:alert(1)">lien</a></p>', "PRZ703", "<a>lien</a>", "javascript"),
        ('<p><a href="jav&#x61;script:alert(1)">x</a></p>', "PRZ703", "<a>x</a>", "script:"),
        ('<p><a href="java\tscript:alert(1)">x</a></p>', "PRZ703", "<a>x</a>", "script:"),
        ('<p><a href=" JAVASCRIPT:alert(1)">x</a></p>', "PRZ703", "<a>x</a>", "alert"),
        ('<p><a href="vbscript:msgbox(1)">x</a></p>', "PRZ703", "<a>x</a>", "vbscript"),
        ('<p><a href="data:text/html,&lt;script&gt;">x</a></p>', "PRZ703", "<a>x</a>", "data:"),
        ('<p><img src="data:image/svg+xml,x" alt="a"></p>', "PRZ703", 'alt="a"', "data:"),
        ('<object data="x.swf">objet</object>', "PRZ701", "objet", "object"),
        ('<embed src="x.swf">suite', "PRZ701", "suite", "embed"),
        ('<form action="https://evil.example"><p>champ</p></form>', "PRZ701", "champ", "form"),
        ("<style>body{display:none}</style><p>t</p>", "PRZ701", "<p>t</p>", "display"),
        ('<p style="position:fixed">t</p>', "PRZ702", "<p>t</p>", "position"),
        ("<svg><script>alert(1)</script></svg><p>t</p>", "PRZ701", "<p>t</p>", "alert"),
        ("<math><annotation-xml>x</annotation-xml></math>", "PRZ701", "<math>", "annotation"),
        ('<base href="https://evil.example/"><p>t</p>', "PRZ701", "<p>t</p>", "base"),
        ("<p>t</p><img src=x onerror=alert(1) ", "PRZ702", "<p>t</p>", "onerror"),
        ('<p>t</p><img src=x title="a>', "PRZ704", "<p>t</p>", "img"),
    ],
)
def test_hostile_markup_is_removed_and_reported(
    sanitiser: Sanitiser, hostile: str, code: str, kept: str, gone: str
) -> None:
    clean, removals = sanitiser.clean(hostile)
    assert kept in clean
    assert gone not in clean.lower()
    assert code in {removal.code for removal in removals}
    assert all(removal.message for removal in removals)
    # The result is a fixed point: cleaning it again removes nothing.
    again, more = sanitiser.clean(clean)
    assert (again, more) == (clean, [])


def test_allowed_extra_tags_keep_their_url_rules() -> None:
    sanitiser = Sanitiser(["iframe"])
    video = '<iframe src="https://www.youtube-nocookie.com/embed/x" width="560"></iframe>'
    assert sanitiser.clean(video) == (video, [])
    clean, removals = sanitiser.clean('<iframe src="javascript:alert(1)"></iframe>')
    assert clean == "<iframe></iframe>"
    assert [removal.code for removal in removals] == ["PRZ703"]
    clean, _ = sanitiser.clean('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')
    assert "srcdoc" not in clean


def test_script_can_never_be_allowed() -> None:
    with pytest.raises(ValueError, match="script"):
        Sanitiser(["script"])


def test_comments_survive_cleaning(sanitiser: Sanitiser) -> None:
    clean, _ = sanitiser.clean("<!-- more --><p>a<script>x</script></p><!-- prizm:sources -->")
    assert clean == "<!-- more --><p>a</p><!-- prizm:sources -->"


def test_removals_are_located_in_the_source(sanitiser: Sanitiser) -> None:
    source = (
        "---\ntitle: T\n---\n\nTexte.\n\nUne <img src=x onerror=alert(1)> image.\n\n"
        "[l](javascript:alert(2))\n"
    )
    html = (
        '<p>Texte.</p>\n<p>Une <img src="x" onerror="alert(1)"> image.</p>\n'
        '<p><a href="javascript:alert(2)">l</a></p>'
    )
    _, removals = sanitiser.clean(html)
    located = locate(removals, source)
    assert [(r.code, r.line) for r in located] == [("PRZ702", 7), ("PRZ703", 9)]
    assert all(r.found for r in located)
    unknown = locate(removals, "rien\n")
    assert [r.line for r in unknown] == [1, 1]
    assert "not located" in unknown[0].message


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Page <img src=x onerror=alert(1)>", "Page"),
        ("Avant <script>alert(1)</script> après", "Avant après"),
        ("Page <img src=x onerror=alert(1)", "Page"),
        ('x" onmouseover="alert(1)', "x&quot; onmouseover=&quot;alert(1)"),
        ("a < b", "a &lt; b"),
        ("Titre simple", None),
        ("Tom &amp; Jerry", None),
        ("L’IA & les PME", None),
    ],
)
def test_plain_title(title: str, plain: str | None) -> None:
    assert plain_title(title) == plain
