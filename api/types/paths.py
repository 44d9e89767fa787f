"""Connections between entities (`paths`) and neighbourhoods (`neighbourhood`)."""

from __future__ import annotations

import strawberry

from api.types.ends import from_field, to_field
from api.types.entity import Entity
from api.types.light import bare_edge, edge_like
from api.types.records import entity_from_record
from api.types.transfer import Relationship
from graph.investigate.neighbourhood import EdgeSet
from graph.investigate.types import EdgeRecord, PathRecord, PathsResult, Subgraph

NeighbourhoodEdges = strawberry.enum(
    EdgeSet, name="NeighbourhoodEdges",
    description="ALL: every relationship the walk found between the nodes; TREE: one per "
                "node, the one a breadth-first walk from the entity reaches it by (light).")


@strawberry.type(description="Entities and relationships around one entity.")
class Neighbourhood:
    nodes: list[Entity]
    edges: list[Relationship]
    partial: bool
    reason: str | None

    @classmethod
    def from_record(cls, rec: Subgraph) -> Neighbourhood:
        return cls(nodes=[entity_from_record(n) for n in rec.nodes],
                   edges=[relationship_from_record(e) for e in rec.edges],
                   partial=rec.partial, reason=rec.reason)


def relationship_from_record(rec: EdgeRecord) -> Relationship:
    return edge_like(Relationship, rec) if bare_edge(rec) else Relationship.from_record(rec)


@strawberry.type(description="One connection: nodes[i] -edges[i]- nodes[i+1].")
class Path:
    nodes: list[Entity]
    edges: list[Relationship]
    length: int

    @classmethod
    def from_record(cls, rec: PathRecord) -> Path:
        return cls(nodes=[entity_from_record(n) for n in rec.nodes],
                   edges=[Relationship.from_record(e) for e in rec.edges], length=rec.length)


@strawberry.type(description="The k shortest connections between two entities.")
class Paths:
    from_id: strawberry.ID
    to_id: strawberry.ID
    paths: list[Path]
    partial: bool
    reason: str | None

    from_ = from_field()
    to = to_field()

    @classmethod
    def from_record(cls, rec: PathsResult) -> Paths:
        return cls(from_id=strawberry.ID(rec.from_id), to_id=strawberry.ID(rec.to_id),
                   paths=[Path.from_record(p) for p in rec.paths],
                   partial=rec.partial, reason=rec.reason)
