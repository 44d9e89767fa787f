"""The `Entity` interface: what every investigative node has, provenance included."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from api.context import Info
from api.types.common import JSON, as_list, resolver
from graph.db import jsonable
from graph.investigate.types import EntityRecord, SanctionSummary


@strawberry.type(description="A designation that lists an entity (sanctions list entry).")
class SanctionRef:
    id: strawberry.ID
    authority: str | None
    program: str | None
    listing_id: str | None
    listed_on: str | None

    @classmethod
    def from_record(cls, rec: SanctionSummary) -> SanctionRef:
        return cls(id=strawberry.ID(rec.id), authority=rec.authority, program=rec.program,
                   listing_id=rec.listing_id, listed_on=rec.listed_on)


@strawberry.interface(description="A node of the investigation graph, with its provenance.")
class Entity:
    id: strawberry.ID
    name: str | None
    labels: list[str]
    sources: list[str] = strawberry.field(description="Ids of the sources that assert this entity.")
    first_seen: datetime | None
    last_seen: datetime | None
    confidence: float | None
    sanctions: list[SanctionRef]
    # Converted to JSON only when `properties` is selected (a 211-node neighbourhood spent
    # a third of its object building on it for queries that never read it).
    stored: strawberry.Private[dict[str, Any]]
    cluster_id: strawberry.ID | None = strawberry.field(
        description="The canonical id of the resolved cluster it belongs to (docs/MODEL.md "
                    "\"Resolution\"); null outside a cluster.")
    cluster_member_ids: list[strawberry.ID] = strawberry.field(
        description="Every member id of its cluster, itself included, sorted; empty outside one.")
    cluster_sources: list[str] = strawberry.field(
        description="Every source of every cluster member, sorted; empty outside a cluster.")

    @resolver(description="Every stored property, as JSON.")
    def properties(self) -> JSON:
        converted: JSON = jsonable(self.stored)
        return converted

    @resolver(description="True when any SANCTIONED_BY designation lists it.")
    def sanctioned(self) -> bool:
        return bool(self.sanctions)

    @resolver(description="The members of its cluster (each answering as the cluster), in "
                          "clusterMemberIds order; empty outside a cluster.")
    async def cluster_members(self, info: Info) -> list[Entity]:
        # records.py imports this module (for the concrete types), so it is imported here.
        from api.types.records import load_entities

        return await load_entities(info, self.cluster_member_ids)


def entity_fields(rec: EntityRecord) -> dict[str, Any]:
    """Constructor arguments shared by every Entity type."""
    prov = rec.provenance
    return {
        "id": strawberry.ID(rec.id), "name": rec.name, "labels": list(rec.labels),
        "sources": list(prov.sources), "first_seen": prov.first_seen,
        "last_seen": prov.last_seen, "confidence": prov.confidence,
        "sanctions": [SanctionRef.from_record(s) for s in rec.sanctions],
        "stored": dict(rec.properties),
        **cluster_fields(rec),
    }


def cluster_fields(rec: EntityRecord) -> dict[str, Any]:
    """The cluster the record answers for (entities.cypher sets these props on a member)."""
    p = rec.properties
    cluster = p.get("cluster_id")
    return {
        "cluster_id": strawberry.ID(str(cluster)) if cluster else None,
        "cluster_member_ids": [strawberry.ID(m) for m in sorted(as_list(p.get("cluster_members")))],
        "cluster_sources": sorted(set(as_list(p.get("cluster_sources")))),
    }
