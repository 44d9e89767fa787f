"""The k shortest connections between two entities, across ownership, control, attribution
and money flow, with supernodes excluded as intermediate nodes unless asked."""

from __future__ import annotations

from collections.abc import Sequence

from graph.db import Graph
from graph.investigate import convert, limits
from graph.investigate.entities import get_entities
from graph.investigate.supernodes import degree_threshold
from graph.investigate.trace import SUPERNODE_TAGS
from graph.investigate.types import EntityId, PathRecord, PathsResult
from scamgraph.errors import NotFoundError


def paths(
    graph: Graph, from_id: EntityId, to_id: EntityId, max_length: int = 4,
    rel_types: Sequence[str] = (), exclude_supernodes: bool = True, k: int = 3,
    *, timeout_s: float | None = None, supernode_degree: int | None = None,
) -> PathsResult:
    """Up to k shortest paths (shortest first) of at most max_length links; rel_types () = all."""
    limits.check_range("max_length", max_length, 1, limits.MAX_PATH_LENGTH)
    limits.check_range("k", k, 1, limits.MAX_K)
    types = limits.check_allowed("rel_types", list(rel_types), limits.REL_TYPES) or sorted(
        limits.REL_TYPES)
    found = get_entities(graph, [from_id, to_id])
    missing = [i for i in (from_id, to_id) if i not in found]
    if missing:
        raise NotFoundError(f"no entity with id {missing[0]!r}", hint="pass ids from search")
    rows = graph.read("investigations/paths", {
        "from": from_id, "to": to_id, "max_length": max_length, "k": k, "rel_types": types,
        "exclude_supernodes": exclude_supernodes, "supernode_tags": SUPERNODE_TAGS,
        "supernode_degree": degree_threshold(supernode_degree),
    }, timeout_s=timeout_s)
    records = get_entities(graph, sorted({n for row in rows for n in row["nodes"]}))
    result = tuple(
        PathRecord(tuple(records[n] for n in row["nodes"]),
                   tuple(convert.edge(e) for e in row["edges"]))
        for row in rows
    )
    return PathsResult(from_id=from_id, to_id=to_id, paths=result)
