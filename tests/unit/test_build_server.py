"""The build server's template cache (``tests/build_server.py``): a template's compiled code
is reused only where compiling it again would give the same code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from tests.build_server import template_cache

SOURCE = "{{ 'x' | shout }}"


def upper(value: str) -> str:
    return value.upper()


def lower(value: str) -> str:
    return value.lower()


def _environment(cache: jinja2.BytecodeCache, shout: Callable[[str], str]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"t.html": SOURCE}), bytecode_cache=cache, autoescape=True
    )
    env.filters["shout"] = shout
    return env


def _key(env: jinja2.Environment) -> str:
    assert env.bytecode_cache is not None
    return str(env.bytecode_cache.get_bucket(env, "t.html", None, SOURCE).key)


def test_the_same_settings_share_compiled_code(tmp_path: Path) -> None:
    cache = template_cache(str(tmp_path))
    first = _environment(cache, upper)
    second = _environment(cache, upper)
    assert first.get_template("t.html").render() == "X"
    assert _key(first) == _key(second) != ""
    # Stored by the first environment, loaded by the second.
    assert any(tmp_path.iterdir())
    assert second.get_template("t.html").render() == "X"


def test_a_replaced_filter_is_described_again(tmp_path: Path) -> None:
    # Jinja folds a filter of a constant while compiling: the code depends on the filter.
    cache = template_cache(str(tmp_path))
    env = _environment(cache, upper)
    before = _key(env)
    assert env.get_template("t.html").render() == "X"
    env.filters["shout"] = lower
    assert env.cache is not None
    env.cache.clear()
    assert _key(env) != before
    assert env.get_template("t.html").render() == "x"


def test_an_environment_it_cannot_describe_is_never_stored(tmp_path: Path) -> None:
    cache = template_cache(str(tmp_path))
    env = _environment(cache, upper)
    env.filters["bound"] = "".join  # a method of an object: not described
    assert _key(env) == ""
    assert env.get_template("t.html").render() == "X"
    assert not any(tmp_path.iterdir())
