"""Neighbours of one entity, bounded by depth, relationship types, time and a node limit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from graph.db import Graph
from graph.investigate import convert, limits
from graph.investigate.entities import get_entities
from graph.investigate.supernodes import degree_threshold
from graph.investigate.trace import SUPERNODE_TAGS
from graph.investigate.types import EntityId, Subgraph
from scamgraph.errors import NotFoundError

# Relationships read per level, per node the caller may see.
RELS_PER_NODE = 10


def neighbourhood(
    graph: Graph, id: EntityId, rel_types: Sequence[str] = (), depth: int = 1, limit: int = 100,
    since: datetime | None = None, until: datetime | None = None,
    *, expand_supernodes: bool = False, supernode_degree: int | None = None,
    timeout_s: float | None = None,
) -> Subgraph:
    """The entity, its neighbours up to `depth` links, and the links among them."""
    limits.check_range("depth", depth, 1, limits.MAX_DEPTH)
    limits.check_range("limit", limit, 1, limits.MAX_NEIGHBOURS)
    types = limits.check_allowed("rel_types", list(rel_types), limits.REL_TYPES) or sorted(
        limits.REL_TYPES)
    rows = graph.read("investigations/neighbourhood", {
        "id": id, "rel_types": types, "depth": depth, "limit": limit,
        "since": convert.utc(since), "until": convert.utc(until),
        "rel_limit": limit * RELS_PER_NODE, "expand_supernodes": expand_supernodes,
        "supernode_degree": degree_threshold(supernode_degree), "supernode_tags": SUPERNODE_TAGS,
    }, timeout_s=timeout_s)
    if not rows:
        raise NotFoundError(f"no entity with id {id!r}", hint="pass an id from search")
    row = rows[0]
    records = get_entities(graph, row["nodes"])
    edges = {e["key"]: convert.edge(e) for e in row["edges"]}
    cut = bool(row["cut"])
    return Subgraph(
        nodes=tuple(records[n] for n in row["nodes"] if n in records),
        edges=tuple(edges[k] for k in sorted(edges)), partial=cut,
        reason=f"limit of {limit} nodes (or {limit * RELS_PER_NODE} links a level) reached"
        if cut else None,
    )
