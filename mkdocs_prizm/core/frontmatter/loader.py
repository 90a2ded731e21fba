"""A YAML loader that never raises on one bad value and refuses alias bombs.

[`load_mapping`][mkdocs_prizm.core.frontmatter.loader.load_mapping] reads a YAML mapping with
the C safe loader (YAML 1.1, as MkDocs reads front matter) and differs from it in three ways:

* a value YAML cannot build (``2025-02-30``, ``!!int abc``, ``!!bool maybe``, an offset of
  ``+99:00``, an unknown tag...) does not abort the whole document: it is left out and
  reported with its line, column and what was expected (``PRZ108``);
* before anything is built, the node graph is measured in one pass: aliases that would expand
  the document by more than [`ALIAS_LIMIT`][mkdocs_prizm.core.frontmatter.loader.ALIAS_LIMIT]
  values (a "billion laughs" bomb) or that refer to the value containing them refuse the
  document (``PRZ113``), so that no later reader walks an exponential or endless value;
* a key written twice in one mapping is reported (``PRZ109``); the last value is used, as YAML
  and MkDocs do.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["ALIAS_LIMIT", "Loaded", "Refused", "ValueFault", "expansion", "load_mapping"]

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

#: How many values aliases may add to a document once expanded.  Anchors and aliases are rare
#: in front matter; ten thousand values is generous, and cheap for any reader to walk.
ALIAS_LIMIT = 10_000
_CAP = 10**12  # sizes are counted up to this, so bomb sizes stay small integers

_TAG = "tag:yaml.org,2002:"
#: What a value of each standard tag looks like, for messages.
EXPECTED: dict[str, str] = {
    "timestamp": "a real date such as 2025-07-29, or a date and time such as "
    "2025-07-29 10:30:00+02:00",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "binary": "base64-encoded data",
    "null": "null or nothing",
}


@dataclass(frozen=True, slots=True)
class ValueFault:
    """A value YAML could not build.

    Attributes:
        line: 0-based line in the YAML text.
        column: 0-based column.
        text: The value as written (its first 60 characters).
        expected: What a right value looks like.
        reason: Why it could not be built.
        path: Where it is in the document (``date``, ``authors.prizm.name``, ``tags[2]``).
    """

    line: int
    column: int
    text: str
    expected: str
    reason: str
    path: str = ""


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A key written again in one mapping (0-based lines and column of the second time).

    Attributes:
        key: The key.
        line: The line of its second occurrence.
        column: Its column.
        first_line: The line of its first occurrence.
        times: How many times it is written in that mapping.
    """

    key: str
    line: int
    column: int
    first_line: int
    times: int = 2


class Refused(Exception):  # noqa: N818 - a refusal, not an error of the code
    """The document is refused as a whole (alias bomb, recursive alias)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class Loaded:
    """What [`load_mapping`][mkdocs_prizm.core.frontmatter.loader.load_mapping] read.

    Attributes:
        data: The document (bad values left out), or ``None`` for an empty one.
        faults: The values left out.
        duplicates: Keys written twice in one mapping.
    """

    data: Any
    faults: tuple[ValueFault, ...] = ()
    duplicates: tuple[DuplicateKey, ...] = ()


class _Bad:
    """Stands for a value that could not be built, until it is taken out of the document."""

    __slots__ = ("fault",)

    def __init__(self, fault: ValueFault) -> None:
        self.fault = fault

    def __repr__(self) -> str:
        return self.fault.text


class _Loader(_Base):
    """The safe loader, with values that cannot be built replaced by ``_Bad`` markers."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.faults: list[ValueFault] = []
        self.duplicates: list[DuplicateKey] = []

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        self.duplicates = _measure(node)
        return self.construct_document(node)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        deep_construct = self.deep_construct
        try:
            return super().construct_object(node, deep)
        except (
            ConstructorError,
            ValueError,
            TypeError,
            OverflowError,
            KeyError,
            AttributeError,
            IndexError,
        ) as exc:
            self.recursive_objects.pop(node, None)
            self.deep_construct = deep_construct
            fault = _fault(node, exc)
            self.faults.append(fault)
            bad = _Bad(fault)
            self.constructed_objects[node] = bad
            return bad


def _fault(node: Node, exc: Exception) -> ValueFault:
    tag = str(node.tag)
    short = tag.removeprefix(_TAG)
    text = node.value if isinstance(node, ScalarNode) else f"a {type(node).__name__}"
    text = str(text).strip()
    if len(text) > 60:
        text = text[:57] + "..."
    if tag.startswith(_TAG) and short in EXPECTED:
        expected = EXPECTED[short]
        reason = f"not a valid {short}"
        if isinstance(exc, ValueError | OverflowError) and str(exc):
            reason += f": {str(exc)[:120]}"
    else:
        expected = f"a value without the tag '{tag}'"
        reason = f"the tag '{tag}' is unknown" if not tag.startswith(_TAG) else "it cannot be read"
    mark = node.start_mark
    return ValueFault(mark.line, mark.column, text, expected, reason)


def _children(node: Node) -> Iterable[Node]:
    if isinstance(node, MappingNode):
        return chain.from_iterable(node.value)
    return node.value if isinstance(node, SequenceNode) else ()


def _measure(root: Node) -> list[DuplicateKey]:
    """Refuse alias bombs and recursive aliases; find duplicate keys.  One pass, no recursion.

    Each distinct node is visited once; the expanded size of each collection is computed from
    its children's, so a bomb costs as little to measure as it took to write.

    Raises:
        Refused: The aliases expand the document by more than ``ALIAS_LIMIT`` values, or one
            refers to a value containing it.
    """
    size: dict[int, int] = {}  # expanded size of each collection node
    scalars: set[int] = set()
    active: set[int] = set()
    duplicates: list[DuplicateKey] = []
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            total = 1
            for child in _children(node):
                total += size.get(id(child), 1)
            size[key] = min(_CAP, total)
            continue
        if isinstance(node, ScalarNode):
            scalars.add(key)
            continue
        if key in size:
            continue
        active.add(key)
        stack.append((node, True))
        if isinstance(node, MappingNode):
            duplicates.extend(_duplicates(node))
        for child in _children(node):
            child_key = id(child)
            if isinstance(child, ScalarNode):
                scalars.add(child_key)
            elif child_key in active:
                raise Refused(
                    "an alias refers to the value that contains it (a recursive value)",
                    child.start_mark.line,
                    child.start_mark.column,
                )
            elif child_key not in size:
                stack.append((child, False))
    expanded = size.get(id(root), 1)
    written = len(size) + len(scalars)
    if expanded - written > ALIAS_LIMIT:
        raise Refused(
            f"its aliases expand it by more than {ALIAS_LIMIT} values "
            f"(about {expanded:.3g}, from {written} written)",
            root.start_mark.line,
            root.start_mark.column,
        )
    return duplicates


def _duplicates(node: MappingNode) -> list[DuplicateKey]:
    """Keys written more than once, each reported once (at its second occurrence)."""
    seen: dict[tuple[str, str], int] = {}
    found: dict[tuple[str, str], DuplicateKey] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag == _TAG + "merge":
            continue
        mark = key_node.start_mark
        ident = (str(key_node.tag), str(key_node.value))
        first = seen.get(ident)
        if first is None:
            seen[ident] = mark.line
        elif ident in found:
            found[ident] = replace(found[ident], times=found[ident].times + 1)
        else:
            found[ident] = DuplicateKey(str(key_node.value), mark.line, mark.column, first)
    return list(found.values())


def _clean(data: Any, faults: list[ValueFault]) -> Any:
    """Take the ``_Bad`` markers out of ``data``, recording each with its path.

    Walks each container once (the alias limit keeps the walk small); no recursion.
    """
    if isinstance(data, _Bad):
        faults.append(data.fault)
        return None
    seen_bad: set[int] = set()

    def found(bad: _Bad, path: str) -> None:
        if id(bad) not in seen_bad:
            seen_bad.add(id(bad))
            fault = bad.fault
            faults.append(
                ValueFault(fault.line, fault.column, fault.text, fault.expected, fault.reason, path)
            )

    visited: set[int] = set()
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if id(value) in visited:
            continue
        visited.add(id(value))
        if isinstance(value, dict):
            for key, item in list(value.items()):
                where = f"{path}.{key}" if path else str(key)
                if isinstance(key, _Bad) or isinstance(item, _Bad):
                    found(key if isinstance(key, _Bad) else item, where)
                    del value[key]
                elif isinstance(item, dict | list | set):
                    stack.append((item, where))
        elif isinstance(value, list):
            kept = []
            for index, item in enumerate(value):
                where = f"{path}[{index}]"
                if isinstance(item, _Bad):
                    found(item, where)
                    continue
                if isinstance(item, tuple) and any(isinstance(x, _Bad) for x in item):
                    for x in item:
                        if isinstance(x, _Bad):
                            found(x, where)
                    item = tuple(x for x in item if not isinstance(x, _Bad))  # noqa: PLW2901
                elif isinstance(item, dict | list | set):
                    stack.append((item, where))
                kept.append(item)
            value[:] = kept
        elif isinstance(value, set):
            for item in [x for x in value if isinstance(x, _Bad)]:
                found(item, path)
                value.discard(item)
    return data


def load_mapping(text: str) -> Loaded:
    """Load one YAML document, leaving out the values that cannot be built.

    Args:
        text: The YAML text.

    Returns:
        The document and what was left out or found twice.

    Raises:
        yaml.YAMLError: The text is not YAML (a syntax error).
        Refused: Aliases that expand too far or refer to themselves.
        RecursionError: Nesting too deep for the pure-Python loader (libyaml stops at 1000).
    """
    # The loader makes many small objects that all live on: the cyclic garbage collector would
    # walk them again and again (a 10 times longer block took 25 times longer), so it waits.
    collecting = gc.isenabled()
    gc.disable()
    parser = _Loader(text)
    try:
        data = parser.get_single_data()
    finally:
        parser.dispose()
        if collecting:
            gc.enable()
    faults: list[ValueFault] = []
    if parser.faults:
        data = _clean(data, faults)
        reported = {(f.line, f.column) for f in faults}
        faults.extend(f for f in parser.faults if (f.line, f.column) not in reported)
        faults.sort(key=lambda f: (f.line, f.column))
    return Loaded(data, tuple(faults), tuple(parser.duplicates))


def expansion(data: Any) -> tuple[int, bool]:
    """How many values shared references add to ``data`` once expanded; whether it loops.

    For front matter another YAML loader built (MkDocs' keeps aliases as shared objects): one
    pass over the distinct containers, however far they would expand.

    Returns:
        The values added by sharing (0 without aliases), and whether a container holds itself.
    """
    size: dict[int, int] = {}
    active: set[int] = set()
    leaves = 0
    # A container, then (when its children are done) the container again with its container
    # children and how many other values it holds: its size is summed from those alone.
    stack: list[tuple[Any, list[Any] | None, int]] = [(data, None, 0)]
    while stack:
        value, children, own = stack.pop()
        key = id(value)
        if children is not None:
            active.discard(key)
            total = 1 + own
            for child in children:
                total += size[id(child)]
            size[key] = min(_CAP, total)
            continue
        if key in size:
            continue
        active.add(key)
        children, own = [], 0
        for item in _items(value):
            if not isinstance(item, _CONTAINERS):
                own += 1
            elif id(item) in active:
                return _CAP, True
            else:
                children.append(item)
        leaves += own
        if not children:  # done already: most containers hold plain values only
            active.discard(key)
            size[key] = min(_CAP, 1 + own)
            continue
        stack.append((value, children, own))
        for child in children:
            if id(child) not in size:
                stack.append((child, None, 0))
    written = len(size) + leaves
    return max(0, size.get(id(data), 1) - written), False


_CONTAINERS = (dict, list, tuple, set, frozenset)


def _items(value: Any) -> Iterable[Any]:
    if isinstance(value, dict):  # its keys and its values, without a pair for each
        return chain(value, value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return value
    return ()
