"""The sanitiser's allowlist: elements, attributes and URL schemes kept in article HTML.

What MkDocs, Python-Markdown, pymdownx and Material render (admonitions, details, tabs,
highlighted code, tables, footnotes, task lists, math, icons), and nothing that runs script.
Plain data, read by [`Sanitiser`][mkdocs_prizm.sanitise.Sanitiser].
"""

from __future__ import annotations

__all__ = [
    "ALLOWED_TAGS",
    "CONTENT_REMOVED",
    "EXTRA_TAG_ATTRIBUTES",
    "GLOBAL_ATTRIBUTES",
    "GLOBAL_PREFIXES",
    "NEVER_ALLOWED",
    "TAG_ATTRIBUTES",
    "TAG_ATTRIBUTE_VALUES",
    "URL_ATTRIBUTES",
    "URL_SCHEMES",
]

#: MathML elements (no ``annotation-xml``: it can hold HTML).
_MATHML_TAGS = frozenset(
    {
        *("math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt"),
        *("mroot", "mstyle", "merror", "mpadded", "mphantom", "mfenced", "menclose", "msub"),
        *("msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts", "mprescripts"),
        *("none", "mtable", "mtr", "mtd", "mlabeledtr", "semantics", "annotation"),
    }
)
#: The SVG of inline icons and emoji (pymdownx.emoji with Material's icons): shapes only,
#: no ``use``, ``script``, ``animate`` or ``foreignObject``.
_SVG_TAGS = frozenset(
    {"svg", "g", "path", "circle", "ellipse", "line", "polygon", "polyline", "rect"}
)

#: Elements kept: Python-Markdown and its extensions, pymdownx, Material, MathML, and the
#: SVG subset of icons.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        *("a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br"),
        *("caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del"),
        *("details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1"),
        *("h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "input", "ins"),
        *("kbd", "label", "li", "main", "mark", "nav", "ol", "p", "picture", "pre", "q", "rp"),
        *("rt", "ruby", "s", "samp", "section", "small", "source", "span", "strike"),
        *("strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead"),
        *("time", "tr", "tt", "u", "ul", "var", "wbr"),
        *_MATHML_TAGS,
        *_SVG_TAGS,
    }
)

#: Elements that no option allows: they run script whatever their attributes.
NEVER_ALLOWED: frozenset[str] = frozenset({"script", "base", "meta", "link", "frame", "frameset"})

#: Elements removed with their content (code, styles, hidden fallbacks), unless allowed.
CONTENT_REMOVED = frozenset({"script", "style", "noscript", "template"})

GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "hidden"})
GLOBAL_PREFIXES = frozenset({"aria-", "data-"})
_SVG_ATTRIBUTES = frozenset(
    {
        *("xmlns", "viewBox", "width", "height", "fill", "stroke", "stroke-width", "d", "cx"),
        *("cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "points", "transform"),
        *("fill-rule", "clip-rule", "opacity", "fill-opacity", "stroke-linecap"),
        *("stroke-linejoin", "focusable", "preserveAspectRatio", "version"),
    }
)
_MATHML_ATTRIBUTES = frozenset(
    {
        *("xmlns", "display", "mathvariant", "mathsize", "stretchy", "fence", "separator"),
        *("lspace", "rspace", "accent", "accentunder", "columnalign", "rowalign", "width"),
        *("columnspacing", "rowspacing", "displaystyle", "scriptlevel", "encoding", "height"),
        *("linethickness", "depth", "notation", "open", "close", "separators", "form"),
        *("movablelimits", "largeop", "symmetric", "minsize", "maxsize", "columnlines"),
        *("rowlines", "frame", "voffset", "align", "columnspan", "rowspan"),
    }
)

#: Attributes kept per element, on top of ``class``, ``id``, ``title``, ``lang``, ``dir``,
#: ``role``, ``hidden``, ``aria-*`` and ``data-*``.
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "name", "rel", "target", "hreflang", "type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding", "align"}),
    "source": frozenset({"srcset", "type", "media", "sizes", "width", "height"}),
    "input": frozenset({"checked", "disabled", "name"}),
    "label": frozenset({"for"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "ul": frozenset({"type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "align"}),
    "td": frozenset({"colspan", "rowspan", "headers", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "hr": frozenset({"align", "width", "size"}),
    **dict.fromkeys(_SVG_TAGS, _SVG_ATTRIBUTES),
    **dict.fromkeys(_MATHML_TAGS, _MATHML_ATTRIBUTES),
}

#: Attributes kept only with one of these values: Python-Markdown's table alignment (the one
#: ``style`` kept) and the check boxes and radio buttons of task lists and content tabs.
_ALIGN_STYLES = frozenset(f"text-align: {side};" for side in ("left", "right", "center"))
TAG_ATTRIBUTE_VALUES: dict[str, dict[str, frozenset[str]]] = {
    "th": {"style": _ALIGN_STYLES},
    "td": {"style": _ALIGN_STYLES},
    "input": {"type": frozenset({"checkbox", "radio"})},
}

#: Attributes of elements a site owner may allow (``sanitise_allow_tags``); their URLs are
#: checked like any other.  Never ``srcdoc``: it is a whole document.
EXTRA_TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "iframe": frozenset(
        {"src", "width", "height", "allow", "allowfullscreen", "loading", "name"}
        | {"referrerpolicy", "sandbox", "frameborder"}
    ),
    "video": frozenset(
        {"src", "poster", "controls", "width", "height", "muted", "loop", "preload"}
        | {"playsinline", "autoplay"}
    ),
    "audio": frozenset({"src", "controls", "muted", "loop", "preload", "autoplay"}),
    "source": frozenset({"src", "srcset", "type", "media", "sizes", "width", "height"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
    "object": frozenset({"data", "type", "width", "height", "name"}),
    "embed": frozenset({"src", "type", "width", "height"}),
    "form": frozenset({"action", "method", "name"}),
    "button": frozenset({"type", "name", "value", "disabled"}),
    "select": frozenset({"name", "disabled", "multiple"}),
    "option": frozenset({"value", "selected", "disabled"}),
    "textarea": frozenset({"name", "rows", "cols", "placeholder", "disabled"}),
    "style": frozenset({"media"}),
}

#: URL schemes kept; relative URLs (``../page/``, ``#fn:1``, ``//host/``) are kept too.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "cite"})
