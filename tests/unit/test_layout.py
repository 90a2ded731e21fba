"""The package's layout: modules a newcomer reads in one pass, and imports that flow one way.

* every module imports on its own (nothing relies on another module having been imported first);
* the import graph between the package's modules has no cycle;
* no module is longer than ``MAX_LINES``;
* every public module says what it exports (``__all__``);
* ``core/`` stays pure: no MkDocs, Jinja, MarkupSafe, nh3 or BeautifulSoup.
"""

from __future__ import annotations

import ast
import fnmatch
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mkdocs_prizm"
ROOT = PACKAGE.parent
MAX_LINES = 420
#: Modules allowed past ``MAX_LINES`` for now, each with the reason; remove once it is split.
TOO_LONG_FOR_NOW: dict[str, str] = {}
#: Top-level packages the pure core must never import.
NOT_IN_CORE = frozenset({"mkdocs", "jinja2", "markupsafe", "nh3", "bs4"})


def module_name(path: Path) -> str:
    """``mkdocs_prizm/core/fences.py`` → ``mkdocs_prizm.core.fences`` (packages by their name)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(path): path for path in FILES}


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def imported_modules(path: Path, *, top_level_only: bool) -> set[str]:
    """The modules ``path`` imports, absolute (relative imports resolved).

    ``from package import name`` counts as an import of ``package.name`` when that is a module
    of this package, else of ``package``.  With ``top_level_only``, imports inside functions
    (run late, when called) are left out; those inside ``if``/``try`` at module level count.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    nodes: list[ast.AST] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        nodes.append(node)
        if top_level_only and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        pending.extend(ast.iter_child_nodes(node))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports when it is itself imported."""
    return {
        name: {
            target
            for target in imported_modules(path, top_level_only=True)
            if target in MODULES and target != name
        }
        for name, path in MODULES.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as a list of modules (first repeated last), or ``[]``."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, targets = stack[-1]
            if not targets:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            target = targets.pop()
            if target in on_path:
                return [*path[path.index(target) :], target]
            if target not in done:
                stack.append((target, sorted(graph[target])))
                path.append(target)
                on_path.add(target)
    return []


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_import_graph_has_no_cycle() -> None:
    graph = import_graph()
    assert "mkdocs_prizm.core.citations.matcher" in graph["mkdocs_prizm.core.citations.locator"]
    assert find_cycle(graph) == []


def test_every_module_imports_on_its_own() -> None:
    # `import mkdocs_prizm.a.b` imports the package, then `mkdocs_prizm.a`, then the module:
    # each module is imported in a process forked from one that has just imported its parent
    # package that way (the package itself first, with none of its modules loaded), so that it
    # sees only what its parents import.  Third-party modules stay loaded, to keep this quick:
    # every module is imported once before the package's modules are forgotten.
    script = textwrap.dedent(
        """
        import importlib, os, sys, traceback
        names = sys.argv[1:]
        package = names[0]
        for name in names:
            try:
                importlib.import_module(name)
            except BaseException:
                pass  # reported below, from a process of its own
        for loaded in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[loaded]

        def failures(name):
            # Import `name` (its parent package just imported), then check its modules.
            try:
                importlib.import_module(name)
            except BaseException:
                print(name, traceback.format_exc(), sep="\\n", flush=True)
                return 1
            count = 0
            for child in [n for n in names if n.rpartition(".")[0] == name]:
                pid = os.fork()
                if pid == 0:
                    os._exit(1 if failures(child) else 0)
                count += os.waitpid(pid, 0)[1] != 0
            return count

        sys.exit(1 if failures(package) else 0)
        """
    )
    names = sorted(name for name in MODULES if not name.endswith("__main__"))
    assert names[0] == PACKAGE.name
    result = subprocess.run(
        [sys.executable, "-c", script, *names],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=relative)
def test_no_module_is_too_long(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if relative(path) in TOO_LONG_FOR_NOW:
        pytest.skip(TOO_LONG_FOR_NOW[relative(path)])
    assert lines <= MAX_LINES, f"{relative(path)}: {lines} lines; split it by job"


@pytest.mark.parametrize(
    "path",
    [path for path in FILES if path.name == "__init__.py" or not path.name.startswith("_")],
    ids=relative,
)
def test_every_public_module_defines_all(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    targets = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ] + [
        node.target.id
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    ]
    assert "__all__" in targets


@pytest.mark.parametrize(
    "path", [path for path in FILES if "core" in path.relative_to(PACKAGE).parts], ids=relative
)
def test_the_core_stays_pure(path: Path) -> None:
    tops = {name.split(".")[0] for name in imported_modules(path, top_level_only=False)}
    assert not tops & NOT_IN_CORE


def test_every_test_folder_is_collected(pytestconfig: pytest.Config) -> None:
    # pytest skips folders matching `norecursedirs` without a word ("build" by default).
    skipped = pytestconfig.getini("norecursedirs")
    tests = Path(__file__).resolve().parents[1]
    folders = [p for p in tests.rglob("*") if p.is_dir() and any(p.glob("test_*.py"))]
    assert folders
    for folder in folders:
        for part in folder.relative_to(tests).parts:
            assert not any(fnmatch.fnmatch(part, pattern) for pattern in skipped), folder
