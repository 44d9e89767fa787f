"""Neo4j values as plain JSON-ready Python values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time


def node_json(node: Node) -> dict[str, Any]:
    return {"labels": sorted(node.labels), "properties": to_jsonable(dict(node))}


def rel_json(rel: Relationship) -> dict[str, Any]:
    start = rel.start_node["id"] if rel.start_node is not None else None
    end = rel.end_node["id"] if rel.end_node is not None else None
    return {"type": rel.type, "start": start, "end": end, "properties": to_jsonable(dict(rel))}


def to_jsonable(value: Any) -> Any:
    """Recursively convert driver types (nodes, paths, temporal, spatial) to JSON types."""
    if isinstance(value, Node):
        return node_json(value)
    if isinstance(value, Relationship):
        return rel_json(value)
    if isinstance(value, Path):
        return {"nodes": [node_json(n) for n in value.nodes],
                "relationships": [rel_json(r) for r in value.relationships]}
    if isinstance(value, DateTime | Date | Time):
        return value.iso_format()
    # graph/investigate converts driver temporals to Python ones before they get here.
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value
