"""Stream the items of one top-level list of a YAML document (a TagPack's `tags`, an ActorPack's
`actors`) without loading the document.

Python objects are built from the parser's events one item at a time, with the same tag
resolution and constructors as `yaml.safe_load` (SafeLoader's resolver and SafeConstructor),
so only safe types come out. A first pass reads the header (every top-level key but the list,
wherever it sits in the file) and skips the list; the second pass yields the list's items.
The C parser is used when PyYAML has it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from scamgraph.errors import InputError

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_START = (ev.SequenceStartEvent, ev.MappingStartEvent)
# Bounds on one value (a header field, a list item): nesting depth, and nodes built counting
# each alias as the nodes it stands for, so an anchor bomb (2 KB that expands to GBs) stops
# while it is being composed instead of when it is serialised.
MAX_DEPTH = 100
MAX_NODES = 100_000
_END = (ev.SequenceEndEvent, ev.MappingEndEvent)


class _Builder:
    """Builds Python values from a stream of events (one per call to `value`)."""

    def __init__(self, events: Iterator[ev.Event]) -> None:
        self.events = events
        self.anchors: dict[str, Any] = {}
        self.constructor = SafeConstructor()
        self.sizes: dict[str, int] = {}  # anchor -> nodes its value stands for
        self.depth = self.nodes = 0

    def value(self, first: ev.Event) -> Any:
        """One whole value (a header field, a list item), within MAX_DEPTH and MAX_NODES."""
        self.depth = self.nodes = 0
        return self._node(first)

    def _node(self, first: ev.Event) -> Any:
        if isinstance(first, ev.AliasEvent):
            if first.anchor not in self.anchors:
                raise _bound(first, f"undefined alias {first.anchor!r}")
            self._count(first, self.sizes[first.anchor])
            return self.anchors[first.anchor]
        _check_tag(first)
        start = self.nodes
        self._count(first, 1)
        if isinstance(first, ev.ScalarEvent):
            built = self._scalar(first)
        elif isinstance(first, ev.SequenceStartEvent):
            built = list(self._until(first, ev.SequenceEndEvent))
        elif isinstance(first, ev.MappingStartEvent):
            pairs = list(self._until(first, ev.MappingEndEvent))
            try:
                built = dict(zip(pairs[::2], pairs[1::2], strict=True))
            except TypeError:
                raise _bound(first, "a mapping key is a list or mapping") from None
        else:
            raise _bound(first, f"unexpected {type(first).__name__}")
        anchor = getattr(first, "anchor", None)
        if anchor:
            self.anchors[anchor], self.sizes[anchor] = built, self.nodes - start
        return built

    def _count(self, event: ev.Event, nodes: int) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise _bound(event, f"a value expands to more than {MAX_NODES} nodes "
                         "(aliases counted as what they repeat)")

    def _until(self, first: ev.Event, end: type) -> Iterator[Any]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _bound(first, f"nested deeper than {MAX_DEPTH} levels")
        for event in self.events:
            if isinstance(event, end):
                self.depth -= 1
                return
            yield self._node(event)

    def _scalar(self, event: ev.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        node = ScalarNode(tag, event.value, style=event.style)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            # e.g. `lastmod: 2019-13-45` looks like a date but is none, or an integer beyond
            # Python's 4300-digit limit: keep the text.
            return event.value
        finally:
            # The constructor memoises every node it built; a stream must not keep them.
            self.constructor.constructed_objects.clear()

    def skip(self, first: ev.Event) -> None:
        depth = 1 if isinstance(first, _START) else 0
        while depth:
            event = next(self.events)
            depth += isinstance(event, _START) - isinstance(event, _END)


def _bound(event: ev.Event, problem: str) -> yaml.MarkedYAMLError:
    """A YAML error at `event`'s line, which `_guard` turns into an InputError."""
    mark: Any = event.start_mark  # the C parser's Mark has the same fields
    return yaml.MarkedYAMLError(problem=problem, problem_mark=mark)


def check_document(path: Path, name: str) -> None:
    """InputError unless every YAML document in `path` is within MAX_DEPTH and MAX_NODES.

    For files handed whole to yaml.safe_load (a FollowTheMoney mapping): its composer and
    constructor recurse per level and share aliased values, which later walks then expand.
    """
    with _guard(name), path.open("rb") as fh:
        events = _events(fh)
        builder = _Builder(events)
        for event in events:
            if isinstance(event, (*_START, ev.ScalarEvent, ev.AliasEvent)):
                builder.value(event)


def _check_tag(event: ev.Event) -> None:
    """Refuse explicit tags safe_load would refuse (e.g. !!python/object/apply)."""
    tag = getattr(event, "tag", None)
    if tag in (None, "!") or tag in SafeConstructor.yaml_constructors:
        return
    raise yaml.constructor.ConstructorError(None, None, f"tag {tag!r} is not allowed",
                                            getattr(event, "start_mark", None))


def _events(fh: IO[bytes]) -> Iterator[ev.Event]:
    loader = _Loader(fh)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _top_level(fh: IO[bytes], name: str) -> Iterator[tuple[str, _Builder, ev.Event]]:
    """(key, builder, first event of the value) for each top-level key of the first document."""
    events = _events(fh)
    builder = _Builder(events)
    for event in events:
        if isinstance(event, ev.MappingStartEvent):
            break
        if isinstance(event, (*_START, ev.ScalarEvent)):
            raise InputError(f"{name}: the YAML document is not a mapping")
    else:
        raise InputError(f"{name}: the YAML file holds no document")
    for event in events:
        if isinstance(event, ev.MappingEndEvent):
            return
        key = builder.value(event)
        yield str(key), builder, next(events)


def read_header(path: Path, list_key: str, name: str) -> dict[str, Any]:
    """Every top-level key and value except `list_key` (whose items are skipped)."""
    header: dict[str, Any] = {}
    with _guard(name), path.open("rb") as fh:
        for key, builder, first in _top_level(fh, name):
            if key == list_key:
                builder.skip(first)
            else:
                header[key] = builder.value(first)
    return header


def stream_list(path: Path, list_key: str, name: str) -> Iterator[tuple[int, Any]]:
    """(line, item) for each item of the top-level list `list_key`; lines are 1-based."""
    with _guard(name), path.open("rb") as fh:
        for key, builder, first in _top_level(fh, name):
            if key != list_key:
                builder.skip(first)
                continue
            if not isinstance(first, ev.SequenceStartEvent):
                raise InputError(f"{name}: `{list_key}` is not a list")
            for event in builder.events:
                if isinstance(event, ev.SequenceEndEvent):
                    break
                line = event.start_mark.line + 1 if event.start_mark else 0
                yield line, builder.value(event)


class _guard:
    """YAML syntax and encoding errors become InputError naming the file and line."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, yaml.YAMLError):
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise InputError(f"{self.name}: not valid YAML{where}: {exc}") from None
        if isinstance(exc, UnicodeDecodeError):
            raise InputError(f"{self.name}: not UTF-8 at byte {exc.start}") from None
