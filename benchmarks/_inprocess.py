"""One ``mkdocs build`` in this process, with a plugin's event handlers timed.

``bench_build.py`` runs this file in a fresh process, in the benchmark site's folder::

    python benchmarks/_inprocess.py mkdocs-prizm.yml [--plugin prizm] [--time MODULE:NAME ...]

It does what ``mkdocs build -f CONFIG`` does (load the configuration, the ``startup`` event,
the build, the ``shutdown`` event), after wrapping every ``on_*`` event handler of the plugin
registered under ``--plugin`` (the ``mkdocs.plugins`` entry point) in a CPU clock
(``time.process_time``).  Whatever the handlers are named or do, and whatever they call
(rendering fragments, templates), their time is counted; a handler called from inside another
is counted once.  The last line of the output is a JSON object:

- ``handlers``: CPU seconds spent in the plugin's handlers; ``by_event``: the same per handler;
- ``process``: CPU seconds of the whole process (interpreter start-up included), as
  ``mkdocs build`` would take;
- ``build``: CPU seconds from loading the configuration to the end of the build;
- ``plugin_import``: CPU seconds importing the plugin's module (start-up, outside handlers);
- ``share``: ``handlers / process``, the plugin's own share of the build;
- ``functions``: CPU seconds spent in each function named with ``--time``
  (``mkdocs_prizm.audit:audit_site``, ``mkdocs_prizm.render.renderer:Renderer.cite``: the
  module, then the name where callers look it up), inclusive of what it calls.

Nothing here knows the plugin's internals beyond its entry point name and the functions named
with ``--time``.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import CombinedEvent


class HandlerClock:
    """CPU time spent in wrapped handlers, in total and per handler name."""

    def __init__(self) -> None:
        self.total = 0.0
        self.by_event: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._depth = 0

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function`` timed under ``name``; keeps its attributes (MkDocs' priorities)."""

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:  # called from another handler: already on the clock
                return function(*args, **kwargs)
            self._depth += 1
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                self._depth -= 1
                self.total += spent
                self.by_event[name] = self.by_event.get(name, 0.0) + spent
                self.calls[name] = self.calls.get(name, 0) + 1

        return timed


class FunctionClock:
    """CPU time spent in wrapped functions, per function (a recursive call counted once)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._depth: dict[str, int] = {}

    def wrap(self, spec: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function`` timed under ``spec``."""
        self.spent[spec] = 0.0
        self._depth[spec] = 0

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth[spec]:
                return function(*args, **kwargs)
            self._depth[spec] += 1
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[spec] += time.process_time() - start
                self._depth[spec] -= 1

        return timed


def time_functions(specs: Sequence[str], clock: FunctionClock) -> None:
    """Wrap each ``module:Qual.name`` of ``specs`` in ``clock``; exits on a name not found."""
    for spec in specs:
        module_name, _, path = spec.partition(":")
        try:
            owner: Any = importlib.import_module(module_name)
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            function = inspect.getattr_static(owner, name)
        except (ImportError, AttributeError, ValueError):
            sys.exit(f"--time {spec}: no such function")
        if not inspect.isfunction(function):
            sys.exit(f"--time {spec}: not a plain function or method")
        setattr(owner, name, clock.wrap(spec, function))


def instrument(cls: type, clock: HandlerClock) -> list[str]:
    """Wrap every ``on_*`` event handler of ``cls`` in ``clock``; returns their names.

    Done on the class before MkDocs creates the plugin, since MkDocs registers the instance's
    bound handlers as soon as it creates it.  Handlers grouped with ``CombinedEvent`` are
    wrapped one by one; static and class methods stay what they are.
    """
    names: list[str] = []
    for name in dir(cls):
        if not name.startswith("on_"):
            continue
        found = inspect.getattr_static(cls, name)
        wrapped: object
        if isinstance(found, CombinedEvent):
            wrapped = CombinedEvent(*(clock.wrap(name, method) for method in found.methods))
        elif isinstance(found, staticmethod):
            wrapped = staticmethod(clock.wrap(name, found.__func__))
        elif isinstance(found, classmethod):
            wrapped = classmethod(clock.wrap(name, found.__func__))
        elif callable(found):
            wrapped = clock.wrap(name, found)
        else:
            continue
        setattr(cls, name, wrapped)
        names.append(name)
    return names


def plugin_class(name: str) -> type:
    """The class registered as the MkDocs plugin ``name``; exits when there is none."""
    found = entry_points(group="mkdocs.plugins", name=name)
    if not found:
        sys.exit(f"no MkDocs plugin registered as {name!r}")
    loaded = next(iter(found)).load()
    if not isinstance(loaded, type):
        sys.exit(f"the MkDocs plugin {name!r} is not a class: {loaded!r}")
    return loaded


def measure(config_file: str, plugin: str, functions: Sequence[str] = ()) -> dict[str, object]:
    """Build ``config_file`` with ``plugin``'s handlers timed; the figures described above."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)

    clock = HandlerClock()
    started = time.process_time()
    cls = plugin_class(plugin)
    imported = time.process_time()
    handlers = instrument(cls, clock)
    timed = FunctionClock()
    time_functions(functions, timed)
    config = load_config(config_file)
    if not any(isinstance(p, cls) for p in config.plugins.values()):
        sys.exit(f"{config_file} does not use the plugin {plugin!r}")
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    ended = time.process_time()
    return {
        "plugin": plugin,
        "handlers_wrapped": handlers,
        "handlers": clock.total,
        "by_event": clock.by_event,
        "calls": clock.calls,
        "process": ended,
        "build": ended - imported,
        "plugin_import": imported - started,
        "share": clock.total / ended,
        "functions": timed.spent,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: print the figures as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", help="the MkDocs configuration file to build")
    parser.add_argument("--plugin", default="prizm", help="the plugin whose handlers are timed")
    parser.add_argument(
        "--time",
        action="append",
        default=[],
        metavar="MODULE:NAME",
        help="also time this function (the module where callers look it up, then its name)",
    )
    options = parser.parse_args(argv)
    print(json.dumps(measure(options.config, options.plugin, options.time)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
