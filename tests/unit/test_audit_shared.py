"""The audit reads only what a file does not share with the file scanned before it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_prizm.core.audit import Auditor, default_markers
from mkdocs_prizm.core.comments import DEFAULT_NOTE_PATTERNS
from mkdocs_prizm.core.shared import unshared

AUDITOR = Auditor(default_markers(DEFAULT_NOTE_PATTERNS))

#: Lines a generated page is made of: a theme's frame, article text, leaks in their encodings.
LINES = [
    *(
        f'<li><a href="../{n:05}/" class="dropdown-item">Article {n}</a></li>'.encode()
        for n in range(40)
    ),
    "<p>Les PME françaises et l'intelligence artificielle.</p>".encode(),
    b'<li class="active"><a href="#">Article</a></li>',
    "<p>Score intégrité : 92 %</p>".encode(),
    b"<p>Score int&eacute;grit&eacute;</p>",
    b"ARTICLE FINAL",
    b"<p>Rapport d&#x27;optimisation</p>",
    b'{"text":"Optimis\\u00e9 le 3 mai"}',
    b"<!-- prizm:sources -->",
    b"x" * 700,
]


def labels(data: bytes, previous: bytes = b"") -> set[str]:
    return {leak.label for leak in AUDITOR.scan(data, previous=previous)}


@given(
    st.lists(st.sampled_from(range(len(LINES))), min_size=0, max_size=300),
    st.lists(
        st.tuples(st.integers(0, 299), st.integers(0, 20), st.sampled_from(range(len(LINES)))),
        max_size=8,
    ),
)
def test_a_marker_left_out_is_found_in_the_previous_file(
    lines: list[int], edits: list[tuple[int, int, int]]
) -> None:
    previous_lines = [LINES[n] for n in lines]
    current = list(previous_lines)
    for at, removed, line in edits:  # replace, insert, delete lines
        current[at : at + removed] = [LINES[line]]
    previous, data = b"\n".join(previous_lines), b"\n".join(current)
    assert labels(data) <= labels(data, previous) | labels(previous)


def test_what_is_shared_is_left_out() -> None:
    frame = b"".join(f"<li>Article {n}</li>\n".encode() for n in range(5000))
    first = b"<title>Un</title>\n" + frame + b"<p>Premier article.</p>\n" + frame
    second = b"<title>Deux</title>\n" + frame + "<p>Score intégrité</p>\n".encode() + frame
    parts = unshared(first, second, 100)
    assert sum(end - start for start, end in parts) < len(second) // 20
    assert labels(second, first) == {"Score intégrité"}  # the new part is read


def test_a_marker_in_the_shared_frame_is_reported_in_the_first_file() -> None:
    frame = b"".join(f"<li>Article {n}</li>\n".encode() for n in range(3000))
    frame += b"<li>ARTICLE FINAL</li>\n" + frame
    first, second = b"<p>Un</p>\n" + frame, b"<p>Deux</p>\n" + frame
    assert labels(first) == {"ARTICLE FINAL"}
    assert labels(second, first) == set()


def test_a_word_boundary_at_the_edge_of_a_shared_part() -> None:
    # The same bytes, but the letter before the marker differs: only the second is a leak.
    frame = b"<li>x</li>\n" * 2000
    first = frame + b"NotScore int\xc3\xa9grit\xc3\xa9\n" + frame
    second = frame + b"Ma Score int\xc3\xa9grit\xc3\xa9\n" + frame
    assert labels(first) == set()
    assert labels(second, first) == {"Score intégrité"}


def test_unrelated_or_empty_files() -> None:
    assert unshared(b"", b"abc", 10) == [(0, 3)]
    assert unshared(b"abc", b"", 10) == []
    assert unshared(b"a" * 5000, b"a" * 5000, 10) == []
    data = bytes(range(256)) * 40
    assert unshared(b"z" * 10_000, data, 10) == [(0, len(data))]
