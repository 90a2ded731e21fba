"""A fork server for the tests' ``python -m MODULE`` runs: ``mkdocs build``, ``mkdocs-prizm``.

Most of a small test build's time is the interpreter importing MkDocs, Markdown, Jinja and the
plugin: this process imports the modules named on its command line once, then, for each request
read on stdin (one JSON line), forks a child that runs ``python -m MODULE ARGS`` exactly as a
fresh interpreter would (``runpy``, with ``sys.argv``, the working folder, the environment and
``sys.path[0]`` of that command) and writes its stdout and stderr to the files named.  The server
itself never runs a command: every run starts from the same just-imported state in a process of
its own, and nothing one run does reaches another.  It answers each request with the child's
exit code, and stops at the end of its input.

Differences from a fresh interpreter, by design: the string hash seed is the server's for every
run (tests that compare two builds for reproducibility ask ``run_build(fresh=True)``); the
warning filters are those of the server's start (``tests/conftest.py`` keeps one server per
``PYTHONWARNINGS`` value), and so is ``sys.path`` (the tests pass the server's ``PYTHONPATH`` on);
and the modules imported here were imported before the run's
environment was set (none of them reads the environment when imported), and the objects
they made are left out of a run's garbage collections (``gc.freeze``: the modules' objects,
alive for the whole run anyway; collecting walked and copied the whole inherited heap, about a
quarter of a small build's time).  With a folder in
``PRIZM_TESTS_TEMPLATE_CACHE``, every Jinja environment the runs create keeps its compiled
templates there (Jinja's own ``FileSystemBytecodeCache``): a template is compiled once per
server and folder, not in every build (about half of a small build's time).  The cache key is
the template's name, file and source and everything about its environment that compiling reads
(the settings, the extensions, the policies, the filters and tests, which Jinja calls on
constants while compiling), so a run loads only the code it would have compiled; a template
whose environment holds anything it cannot name (a closure, a bound method) is compiled every
time; an environment is described again only when one of its settings, filters, tests,
extensions or policies has been replaced since.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import json
import os
import runpy
import sys
import types
import weakref
from pathlib import Path
from typing import Any

#: The environment's settings read elsewhere than while compiling (or set here).
_NOT_COMPILING = frozenset(
    {"bytecode_cache", "auto_reload", "cache", "globals", "loader", "shared"}
)
#: What the cache key cannot describe: the template is then compiled every time.
_UNNAMED = object()


def _describe(value: Any, depth: int = 0) -> Any:
    """``value`` as plain data that names it exactly, or ``_UNNAMED``."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if depth > 8:
        return _UNNAMED
    deeper = depth + 1
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        items = [(repr(k), _describe(v, deeper)) for k, v in pairs]
        if any(v is _UNNAMED for _, v in items):
            return _UNNAMED
        ordered = isinstance(value, (list, tuple))
        return (type(value).__name__, items if ordered else sorted(items, key=repr))
    if isinstance(value, types.MethodType):
        # Jinja's extensions add their methods to the environment (i18n's install_*): the
        # extension's own state is described with the environment's ``extensions``.
        if type(value.__self__).__module__.startswith("jinja2."):
            return ("method", _describe(type(value.__self__), deeper), _describe(value.__func__))
        return _UNNAMED
    if isinstance(value, types.BuiltinFunctionType):
        owner = getattr(value, "__self__", None)
        if owner is not None and not isinstance(owner, types.ModuleType):
            return _UNNAMED  # a method of some object
        return ("builtin", value.__module__, value.__qualname__)
    if isinstance(value, type):
        return ("class", value.__module__, value.__qualname__)
    if isinstance(value, types.FunctionType):
        # Its code, defaults and closure (Jinja's filters are wrapped in closures).
        code = value.__code__
        cells = [cell.cell_contents for cell in value.__closure__ or ()]
        parts = [value.__defaults__, value.__kwdefaults__, cells]
        described = [_describe(part, deeper) for part in parts]
        if any(part is _UNNAMED for part in described):
            return _UNNAMED
        where = (value.__module__, value.__qualname__, code.co_filename, code.co_firstlineno)
        return ("function", where, str(getattr(value, "jinja_pass_arg", "")), described)
    if not callable(value) and hasattr(value, "__dict__"):
        # An extension: its class and its own settings.
        state = {k: v for k, v in vars(value).items() if k != "environment"}
        return (_describe(type(value)), _describe(state, deeper))
    return _UNNAMED


def _parts(settings: dict[str, Any]) -> list[Any]:
    """The settings' names and values, and the entries of those that are dicts (the filters,
    the tests, the extensions, the policies): what a change to the environment replaces."""
    parts: list[Any] = []
    for key, value in settings.items():
        parts += (key, value)
        if isinstance(value, dict):
            for item in value.items():
                parts += item
    return parts


def _same(before: list[Any], now: list[Any]) -> bool:
    """Whether ``now`` holds the very objects of ``before`` (kept alive by ``before``), in order."""
    return len(before) == len(now) and all(a is b for a, b in zip(before, now, strict=True))


def template_cache(folder: str) -> Any:
    """A Jinja bytecode cache in ``folder``, keyed as the module's docstring says."""
    import jinja2  # noqa: PLC0415 - only when asked for
    from jinja2.bccache import Bucket, FileSystemBytecodeCache  # noqa: PLC0415

    # Each environment's description with what it was made from: describing takes about a
    # third of a small build, and a build loads a dozen templates from one environment.
    described_for: weakref.WeakKeyDictionary[jinja2.Environment, tuple[list[Any], Any]]
    described_for = weakref.WeakKeyDictionary()

    class Cache(FileSystemBytecodeCache):
        def get_bucket(
            self, environment: jinja2.Environment, name: str, filename: str | None, source: str
        ) -> Bucket:
            settings = {k: v for k, v in vars(environment).items() if k not in _NOT_COMPILING}
            parts = _parts(settings)
            known = described_for.get(environment)
            if known is not None and _same(known[0], parts):
                described = known[1]
            else:
                described = _describe((type(environment), settings))
                described_for[environment] = (parts, described)
            if described is _UNNAMED:
                return Bucket(environment, "", "")  # empty: compiled, and never stored
            key = hashlib.sha256(repr((name, filename, described)).encode()).hexdigest()
            bucket = Bucket(environment, key, self.get_source_checksum(source))
            self.load_bytecode(bucket)
            return bucket

        def dump_bytecode(self, bucket: Bucket) -> None:
            if bucket.key:
                super().dump_bytecode(bucket)

    Path(folder).mkdir(parents=True, exist_ok=True)
    return Cache(folder)


def _cache_templates(folder: str) -> None:
    """Give every Jinja environment created from now on a bytecode cache in ``folder``."""
    import jinja2  # noqa: PLC0415 - only when asked for

    cache = template_cache(folder)
    original = jinja2.Environment.__init__

    def init(self: jinja2.Environment, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if self.bytecode_cache is None:
            self.bytecode_cache = cache

    jinja2.Environment.__init__ = init  # type: ignore[method-assign]


def _child(request: dict[str, Any]) -> None:
    """Become ``python -m MODULE ARGS`` run in ``cwd`` with ``env``; never returns."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, fd)
        os.close(out)
    sys.argv = ["-m", *request["args"]]  # runpy puts the module's file first, as -m does
    sys.path[0:0] = [str(Path.cwd())]
    # Raises SystemExit as the command would: the interpreter then exits as it would.
    runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    sys.exit(0)


def main() -> None:
    """Import the modules named in the arguments, then serve requests until stdin closes."""
    # The script's folder (tests/) is not on the path of the commands this stands for.
    del sys.path[0]
    for name in sys.argv[1:]:
        # A module that fails to import is left to each run, which then reports it as the
        # command would.
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    folder = os.environ.get("PRIZM_TESTS_TEMPLATE_CACHE")
    if folder:
        _cache_templates(folder)
    # What is imported stays for the process' life: the children's garbage collections then
    # skip it, instead of walking (and copying, page by page) the whole inherited heap.
    gc.freeze()
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
