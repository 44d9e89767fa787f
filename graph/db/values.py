"""Driver values as plain Python: the one converter between Neo4j's types and ours.

`native` gives Python values (datetimes stay datetimes, for arithmetic and GraphQL's
DateTime); `jsonable` gives JSON types (times as ISO strings) for raw output and JSON scalars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

# Exact types passed through as they are (a subclass, e.g. a str enum, takes the long way).
_PLAIN = frozenset({str, int, float, bool})


def _node(node: Node, text: bool) -> dict[str, Any]:
    return {"labels": sorted(node.labels), "properties": _convert(dict(node), text)}


def _rel(rel: Relationship, text: bool) -> dict[str, Any]:
    start = rel.start_node["id"] if rel.start_node is not None else None
    end = rel.end_node["id"] if rel.end_node is not None else None
    return {"type": rel.type, "start": start, "end": end,
            "properties": _convert(dict(rel), text)}


def _convert(value: Any, text: bool) -> Any:
    # Most values are plain scalars: answer those before the dozen type tests below.
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, DateTime):
        # The driver's own form keeps nanoseconds, which Python's datetime would cut.
        return value.iso_format() if text else value.to_native()
    if isinstance(value, Date | Time):
        return value.iso_format()
    if text and isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, Node):
        return _node(value, text)
    if isinstance(value, Relationship):
        return _rel(value, text)
    if isinstance(value, Path):
        return {"nodes": [_node(n, text) for n in value.nodes],
                "relationships": [_rel(r, text) for r in value.relationships]}
    if isinstance(value, Mapping):
        return {k: _convert(v, text) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_convert(v, text) for v in value]
    if text and isinstance(value, bytes):
        return value.hex()
    return value


def native(value: Any) -> Any:
    """Python values: DateTime as datetime, dates and times as ISO strings, points as maps."""
    return _convert(value, False)


def jsonable(value: Any) -> Any:
    """JSON types: as `native`, with datetimes as ISO strings and bytes as hex."""
    return _convert(value, True)


def as_datetime(value: Any) -> dt.datetime | None:
    """A datetime from a driver, Python or ISO-string value; None for anything else."""
    converted = native(value)
    if isinstance(converted, dt.datetime):
        return converted
    if isinstance(converted, dt.date):
        return dt.datetime.fromisoformat(converted.isoformat())
    if isinstance(converted, str):
        try:
            return dt.datetime.fromisoformat(converted)
        except ValueError:
            return None
    return None
