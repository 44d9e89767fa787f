"""Trace results: organisations reached (rolled up when asked), unattributed endpoints, evidence."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Info
from api.types.common import AssetAmount, resolver
from api.types.entity import Entity
from api.types.records import load_entities, load_entity
from api.types.transfer import Evidence
from graph.investigate.types import Direction, EndpointReached, OrganisationReached, TraceResult

DirectionEnum = strawberry.enum(Direction, name="Direction")


@strawberry.type(description="An organisation (or its group, when rolled up) that a trace reached.")
class OrganisationReach:
    id: strawberry.ID
    name: str | None
    kinds: list[str]
    group_id: strawberry.ID | None
    group_name: str | None
    member_ids: list[strawberry.ID]
    amounts: list[AssetAmount]
    path_count: int
    first_ts: datetime | None
    last_ts: datetime | None
    min_hops: int
    evidence: list[Evidence]

    @resolver(description="The organisation (the group when rolled up).")
    async def organization(self, info: Info) -> Entity | None:
        return await load_entity(info, self.id)

    @resolver(description="Organisations inside the group whose wallets were reached.")
    async def members(self, info: Info) -> list[Entity]:
        return await load_entities(info, self.member_ids)

    @classmethod
    def from_record(cls, rec: OrganisationReached) -> OrganisationReach:
        return cls(
            id=strawberry.ID(rec.id), name=rec.name, kinds=list(rec.kinds),
            group_id=strawberry.ID(rec.group_id) if rec.group_id else None,
            group_name=rec.group_name, member_ids=[strawberry.ID(m) for m in rec.members],
            amounts=[AssetAmount.from_record(a) for a in rec.amounts], path_count=rec.path_count,
            first_ts=rec.first_ts, last_ts=rec.last_ts, min_hops=rec.min_hops,
            evidence=[Evidence.from_record(e) for e in rec.evidence],
        )


@strawberry.type(description="A wallet without a known controller where paths ended.")
class EndpointReach:
    wallet_id: strawberry.ID
    amounts: list[AssetAmount]
    path_count: int
    first_ts: datetime | None
    last_ts: datetime | None
    evidence: list[Evidence]

    @strawberry.field
    async def wallet(self, info: Info) -> Entity | None:
        return await load_entity(info, self.wallet_id)

    @classmethod
    def from_record(cls, rec: EndpointReached) -> EndpointReach:
        return cls(
            wallet_id=strawberry.ID(rec.wallet_id),
            amounts=[AssetAmount.from_record(a) for a in rec.amounts], path_count=rec.path_count,
            first_ts=rec.first_ts, last_ts=rec.last_ts,
            evidence=[Evidence.from_record(e) for e in rec.evidence],
        )


@strawberry.type(description="Where money went (FORWARD) or came from (BACKWARD).")
class Trace:
    direction: DirectionEnum  # type: ignore[valid-type]
    max_hops: int
    seed_wallet_ids: list[strawberry.ID]
    organisations: list[OrganisationReach]
    unattributed: list[EndpointReach]
    paths_explored: int
    amount_semantics: str = strawberry.field(description="How amounts are counted along paths.")
    partial: bool = strawberry.field(description="True when a budget cut the result short.")
    reason: str | None

    @strawberry.field
    async def seed_wallets(self, info: Info) -> list[Entity]:
        return await load_entities(info, self.seed_wallet_ids)

    @classmethod
    def from_record(cls, rec: TraceResult) -> Trace:
        return cls(
            direction=rec.params.direction, max_hops=rec.params.max_hops,
            seed_wallet_ids=[strawberry.ID(s) for s in rec.seed_wallets],
            organisations=[OrganisationReach.from_record(o) for o in rec.organisations],
            unattributed=[EndpointReach.from_record(e) for e in rec.unattributed],
            paths_explored=rec.paths_explored, amount_semantics=rec.amount_semantics,
            partial=rec.partial, reason=rec.reason,
        )
