"""`Transfer` (one hop of money) and `Relationship` (any edge, with provenance)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Info
from api.types.common import JSON
from api.types.ends import from_field, to_field
from api.types.entity import Entity
from api.types.records import load_entity
from graph.db import jsonable
from graph.investigate.types import EdgeRecord, EvidencePath, Hop


@strawberry.type(description="One on-chain transfer; amount is scaled, amountRaw is exact.")
class Transfer:
    id: strawberry.ID
    tx: str
    from_id: strawberry.ID
    to_id: strawberry.ID
    asset: str
    amount: float
    amount_raw: str | None = strawberry.field(description="Exact amount in base units.")
    ts: datetime

    from_ = from_field()
    to = to_field()

    @classmethod
    def from_record(cls, hop: Hop) -> Transfer:
        return cls(
            id=strawberry.ID(hop.transfer_id), tx=hop.tx, from_id=strawberry.ID(hop.from_id),
            to_id=strawberry.ID(hop.to_id), asset=hop.asset, amount=hop.amount,
            amount_raw=hop.amount_raw, ts=hop.ts,
        )


@strawberry.type(description="A chain of transfers that supports a finding.")
class Evidence:
    hops: list[Transfer]

    @classmethod
    def from_record(cls, path: EvidencePath) -> Evidence:
        return cls(hops=[Transfer.from_record(h) for h in path.hops])


@strawberry.type(description="A relationship between two entities, with its provenance.")
class Relationship:
    key: str = strawberry.field(description="The transfer id, or the database element id.")
    type: str
    start_id: strawberry.ID
    end_id: strawberry.ID
    properties: JSON
    sources: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    confidence: float | None

    @strawberry.field
    async def start(self, info: Info) -> Entity | None:
        return await load_entity(info, self.start_id)

    @strawberry.field
    async def end(self, info: Info) -> Entity | None:
        return await load_entity(info, self.end_id)

    @classmethod
    def from_record(cls, rec: EdgeRecord) -> Relationship:
        prov = rec.provenance
        return cls(
            key=rec.key, type=rec.type, start_id=strawberry.ID(rec.start),
            end_id=strawberry.ID(rec.end), properties=jsonable(dict(rec.properties)),
            sources=list(prov.sources), first_seen=prov.first_seen, last_seen=prov.last_seen,
            confidence=prov.confidence,
        )
