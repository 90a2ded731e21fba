"""Link health as data: records, the cache file, soft 404 titles, Wayback answers."""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap

import pytest

from mkdocs_prizm.cli.links_http import page_headings, user_agent
from mkdocs_prizm.core.links import (
    CacheError,
    LinkRecord,
    LinkState,
    dump_cache,
    is_stale,
    link_problems,
    load_cache,
    looks_like_not_found,
    parse_wayback,
    redirect_kind,
)
from mkdocs_prizm.core.pipeline import analyse

UTC = dt.timezone.utc


@pytest.mark.parametrize(
    ("record", "state"),
    [
        (LinkRecord(status=200), LinkState.OK),
        (
            LinkRecord(status=200, final_url="https://b.example/", redirect="permanent"),
            "redirected",
        ),
        (LinkRecord(status=404), LinkState.DEAD),
        (LinkRecord(status=410), LinkState.DEAD),
        (LinkRecord(status=200, soft_404=True), LinkState.DEAD),
        (LinkRecord(status=403), LinkState.UNREACHABLE),  # often a robot turned away
        (LinkRecord(status=429), LinkState.UNREACHABLE),
        (LinkRecord(status=503), LinkState.UNREACHABLE),
        (LinkRecord(error="timeout"), LinkState.UNREACHABLE),
    ],
)
def test_states(record: LinkRecord, state: str) -> None:
    assert record.state == state


@pytest.mark.parametrize(
    "title",
    [
        "404",
        "Erreur 404 - Le Monde",
        "Page not found",
        "Page Introuvable",
        "Cette page n’existe pas",
        "Cette page n'existe plus",
        "PAGE NON TROUVÉE",
        "Sorry, this page doesn't exist",
        "This page is no longer available",
    ],
)
def test_soft_404_titles(title: str) -> None:
    assert looks_like_not_found([title])


@pytest.mark.parametrize(
    "title",
    ["Rapport annuel 2024", "Les 4040 entreprises", "Accueil", "Trouver un emploi", ""],
)
def test_ordinary_titles(title: str) -> None:
    assert not looks_like_not_found([title])


def test_redirect_kind() -> None:
    assert redirect_kind([301, 308]) == "permanent"
    assert redirect_kind([301, 302]) == "temporary"
    assert redirect_kind([307]) == "temporary"
    assert redirect_kind([]) == ""


def test_cache_round_trip_is_sorted_and_stable() -> None:
    records = {
        "https://b.example/": LinkRecord(status=404, checked_at="2025-01-02T00:00:00Z"),
        "https://a.example/": LinkRecord(
            status=200,
            checked_at="2025-01-01T00:00:00Z",
            archive_url="https://web.archive.org/web/2024/https://a.example/",
            archive_date="2024-05-01T10:30:00Z",
        ),
    }
    text = dump_cache(records)
    assert list(json.loads(text)["links"]) == ["https://a.example/", "https://b.example/"]
    assert "soft_404" not in text  # empty fields are left out
    assert load_cache(text) == records
    assert dump_cache(load_cache(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[]",
        '{"links": []}',
        '{"version": 2, "links": {}}',
        '{"links": {"https://a.example/": {"status": "200"}}}',
        '{"links": {"https://a.example/": []}}',
    ],
)
def test_bad_caches(text: str) -> None:
    with pytest.raises(CacheError):
        load_cache(text)


def test_unknown_keys_are_ignored() -> None:
    assert load_cache('{"links": {"u": {"status": 200, "later": 1}}}') == {
        "u": LinkRecord(status=200)
    }


def test_staleness() -> None:
    now = dt.datetime(2025, 3, 1, tzinfo=UTC)
    record = LinkRecord(status=200, checked_at="2025-02-20T00:00:00Z")
    assert is_stale(None, now, dt.timedelta(days=30))
    assert not is_stale(record, now, dt.timedelta(days=30))
    assert is_stale(record, now, dt.timedelta(days=5))
    assert is_stale(record, now, dt.timedelta(0))
    assert not is_stale(record, now, None)
    assert is_stale(LinkRecord(status=200, checked_at="hier"), now, dt.timedelta(days=30))


def test_wayback_answers() -> None:
    found = {
        "archived_snapshots": {
            "closest": {
                "available": True,
                "url": "http://web.archive.org/web/20240501103000/https://a.example/",
                "timestamp": "20240501103000",
                "status": "200",
            }
        }
    }
    assert parse_wayback(found) == (
        "https://web.archive.org/web/20240501103000/https://a.example/",
        "2024-05-01T10:30:00Z",
    )
    assert parse_wayback({"archived_snapshots": {}}) is None
    assert parse_wayback([]) is None
    error_page = json.loads(json.dumps(found))
    error_page["archived_snapshots"]["closest"]["status"] = "404"
    assert parse_wayback(error_page) is None
    hostile = json.loads(json.dumps(found))
    hostile["archived_snapshots"]["closest"]["url"] = "javascript:alert(1)"
    assert parse_wayback(hostile) is None


def test_page_headings() -> None:
    html = "<html><head><title> Oups &amp; \n zut </title></head><h1>Page <b>introuvable</b></h1>"
    assert page_headings(html) == ("Oups & zut", "Page introuvable")
    assert page_headings("<p>nothing") == ()


def test_user_agent_names_project_and_contact() -> None:
    agent = user_agent("1.2.3", "ops@example.org")
    assert agent.startswith("mkdocs-prizm/1.2.3 (")
    assert "ops@example.org" in agent


ARTICLE = textwrap.dedent(
    """\
    ---
    title: "T"
    date: 2025-07-29
    ---

    Texte.

    ## Sources

    1. **Mort** - Article
       - URL : https://dead.example/
       - Fiabilité : 8/10

    2. **Vivant** - Article
       - URL : https://ok.example/
       - Fiabilité : 8/10
    """
)


def test_link_problems_at_file_lines() -> None:
    article = analyse(ARTICLE, "a.md").article
    records = {
        "https://dead.example/": LinkRecord(status=404),
        "https://ok.example/": LinkRecord(
            status=200, final_url="https://ok.example/new", redirect="permanent"
        ),
    }
    found = link_problems(article, records, file="a.md")
    assert [(p.code, p.line, p.severity.value) for p in found] == [("PRZ371", 10, "warning")]
    everything = link_problems(article, records, file="a.md", everything=True)
    assert [p.code for p in everything] == ["PRZ371", "PRZ372"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal() -> None:
    from mkdocs_prizm.cli.links import _Progress  # noqa: PLC0415 - the command's own helper

    err = _Terminal()
    progress = _Progress(err, 2, quiet=False)
    progress.step("https://a.example/", LinkRecord(status=200))
    progress.step("https://b.example/", LinkRecord(status=404))
    text = err.getvalue()
    assert text.count("\r") == 2
    assert text.endswith("2/2 links\n")
    assert "https://" not in text  # the bar, not lines
