"""Neighbours of one entity, bounded by depth, relationship types, time and a node limit."""

from __future__ import annotations

import enum
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache

from graph.db import Graph
from graph.investigate import convert, limits
from graph.investigate.entities import without_nulls
from graph.investigate.supernodes import degree_threshold
from graph.investigate.trace import SUPERNODE_TAGS
from graph.investigate.types import EdgeRecord, EntityId, EntityRecord, Provenance, Subgraph
from scamgraph.errors import NotFoundError

# Relationships read per level, per node the caller may see.
RELS_PER_NODE = 10
NO_PROVENANCE = Provenance(sources=(), first_seen=None, last_seen=None, confidence=None)


class EdgeSet(enum.Enum):
    """ALL: every relationship among the nodes; TREE: one per node, the one a breadth-first
    walk from the entity reaches it by (the light form for drawing a large neighbourhood)."""

    ALL = "ALL"
    TREE = "TREE"


def tree(start: EntityId, edges: Iterable[EdgeRecord]) -> tuple[EdgeRecord, ...]:
    """The breadth-first spanning tree from `start` over the edges (either direction); among
    the edges that reach a node first, the lowest key wins, so the answer is stable."""
    around: dict[str, list[tuple[str, EdgeRecord]]] = defaultdict(list)
    for e in sorted(edges, key=lambda e: e.key):
        around[e.start].append((e.end, e))
        around[e.end].append((e.start, e))
    seen, kept, queue = {start}, [], deque([start])
    while queue:
        for other, e in around[queue.popleft()]:
            if other not in seen:
                seen.add(other)
                kept.append(e)
                queue.append(other)
    return tuple(sorted(kept, key=lambda e: e.key))


def light_record(id: EntityId, labels: Sequence[str], name: str | None) -> EntityRecord:
    """A node of the light form: id, labels and name; no properties, provenance, sanctions."""
    label, ordered = _labelled(tuple(labels))
    return EntityRecord(id=id, label=label, labels=ordered, name=name,
                        properties={"id": id, "name": name}, provenance=NO_PROVENANCE,
                        sanctions=())


@lru_cache(maxsize=256)
def _labelled(labels: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The primary label and the sorted labels (a few label sets recur across every node)."""
    ordered = tuple(sorted(labels))
    return convert.primary_label(list(ordered)), ordered


def neighbourhood(
    graph: Graph, id: EntityId, rel_types: Sequence[str] = (), depth: int = 1, limit: int = 100,
    since: datetime | None = None, until: datetime | None = None,
    *, expand_supernodes: bool = False, supernode_degree: int | None = None,
    edges: EdgeSet | str = EdgeSet.ALL, timeout_s: float | None = None, light: bool = False,
) -> Subgraph:
    """The entity, its neighbours up to `depth` links, and the links among them (ALL) or the
    ones that reach each neighbour (TREE). `light`: the same nodes and edges, but each node's
    record holds only its id, labels and name, and no edge its properties (for callers that
    read nothing else: the full records were most of the statement's time)."""
    form = limits.check_choice("edges", edges, EdgeSet)
    limits.check_range("depth", depth, 1, limits.MAX_DEPTH)
    limits.check_range("limit", limit, 1, limits.MAX_NEIGHBOURS)
    types = limits.check_allowed("rel_types", list(rel_types), limits.REL_TYPES) or sorted(
        limits.REL_TYPES)
    rows = graph.read_plain("investigations/neighbourhood", {
        "id": id, "rel_types": types, "depth": depth, "limit": limit,
        "since": convert.utc(since), "until": convert.utc(until),
        "rel_limit": limit * RELS_PER_NODE, "expand_supernodes": expand_supernodes,
        "supernode_degree": degree_threshold(supernode_degree), "supernode_tags": SUPERNODE_TAGS,
        "records": not light,
    }, timeout_s=timeout_s)
    if not rows:
        raise NotFoundError(f"no entity with id {id!r}", hint="pass an id from search")
    row = rows[0]
    if light:
        fallback = dict(row["unnamed"])
        records = {i: light_record(i, labels, fallback.get(i) if name is None else name)
                   for i, labels, name in zip(row["nodes"], row["labels"], row["names"],
                                              strict=True)}
        found = {str(k): EdgeRecord(str(k), t, a, b, {}, NO_PROVENANCE) for k, t, a, b in zip(
            row["keys"], row["types"], row["starts"], row["ends"], strict=True)}
    else:
        records = {r["id"]: convert.entity(without_nulls(r)) for r in row["records"]}
        found = {e["key"]: convert.edge(e) for e in row["edges"]}
    links = tree(id, found.values()) if form is EdgeSet.TREE else tuple(
        found[k] for k in sorted(found))
    cut = bool(row["cut"])
    return Subgraph(
        nodes=tuple(records[n] for n in row["nodes"] if n in records),
        edges=links, partial=cut,
        reason=f"limit of {limit} nodes (or {limit * RELS_PER_NODE} links a level) reached"
        if cut else None,
    )
