"""Trace results: organisations reached (rolled up when asked), unattributed endpoints, evidence."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Info
from api.types.common import AssetAmount, resolver
from api.types.entity import Entity
from api.types.records import load_entities, load_entity
from api.types.transfer import Evidence
from graph.investigate.types import (
    Conservation,
    Direction,
    EndpointReached,
    OrganisationReached,
    TraceMethod,
    TraceResult,
    WalletValue,
)

DirectionEnum = strawberry.enum(Direction, name="Direction")
TraceMethodEnum = strawberry.enum(
    TraceMethod, name="TraceMethod",
    description="PATHS: whole transfers on paths (default). POISON: any contact taints fully "
                "(not conserved). HAIRCUT, FIFO, LIFO: the seeds' own value, conserved.")


@strawberry.type(description="Where the seeds' value in one asset is at the end of the window, "
                             "in base units: sent = attributed + stillHeld + returnedToSeeds + "
                             "the dropped parts, exactly. BACKWARD (sources of funds): received "
                             "= attributed + unexplained + returnedToSeeds + the dropped parts.")
class TraceConservation:
    asset: str
    decimals: int | None
    sent_raw: str
    attributed_raw: str
    still_held_raw: str
    returned_to_seeds_raw: str
    dropped_min_amount_raw: str
    dropped_hop_cap_raw: str
    dropped_budget_raw: str
    received_raw: str
    unexplained_raw: str

    @classmethod
    def from_record(cls, rec: Conservation) -> TraceConservation:
        raw = {k: str(getattr(rec, k)) for k in (
            "sent_raw", "attributed_raw", "still_held_raw", "returned_to_seeds_raw",
            "dropped_min_amount_raw", "dropped_hop_cap_raw", "dropped_budget_raw",
            "received_raw", "unexplained_raw")}
        return cls(asset=rec.asset, decimals=rec.decimals, **raw)


@strawberry.type(description="The seeds' value at one wallet in one asset (base units).")
class TracedWallet:
    wallet_id: strawberry.ID
    asset: str
    role: str
    hops: int
    received: float
    held: float
    received_raw: str
    passed_on_raw: str
    held_raw: str

    @classmethod
    def from_record(cls, rec: WalletValue) -> TracedWallet:
        return cls(wallet_id=strawberry.ID(rec.wallet_id), asset=rec.asset, role=rec.role,
                   hops=rec.hops, received=rec.received, held=rec.held,
                   received_raw=str(rec.received_raw), passed_on_raw=str(rec.passed_on_raw),
                   held_raw=str(rec.held_raw))


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
    method: TraceMethodEnum  # type: ignore[valid-type]
    max_hops: int
    seed_wallet_ids: list[strawberry.ID]
    organisations: list[OrganisationReach]
    unattributed: list[EndpointReach]
    paths_explored: int
    amount_semantics: str = strawberry.field(description="How amounts are counted along paths.")
    partial: bool = strawberry.field(description="True when a budget cut the result short.")
    reason: str | None
    conservation: list[TraceConservation] = strawberry.field(
        description="Per asset, for HAIRCUT, FIFO and LIFO; empty for PATHS and POISON.")
    wallets: list[TracedWallet] = strawberry.field(
        description="Value methods: the wallets the seeds' value reached, held and passed on.")

    @strawberry.field
    async def seed_wallets(self, info: Info) -> list[Entity]:
        return await load_entities(info, self.seed_wallet_ids)

    @classmethod
    def from_record(cls, rec: TraceResult) -> Trace:
        return cls(
            direction=rec.params.direction, method=rec.method, max_hops=rec.params.max_hops,
            seed_wallet_ids=[strawberry.ID(s) for s in rec.seed_wallets],
            organisations=[OrganisationReach.from_record(o) for o in rec.organisations],
            unattributed=[EndpointReach.from_record(e) for e in rec.unattributed],
            paths_explored=rec.paths_explored, amount_semantics=rec.amount_semantics,
            partial=rec.partial, reason=rec.reason,
            conservation=[TraceConservation.from_record(c) for c in rec.conservation],
            wallets=[TracedWallet.from_record(w) for w in rec.wallets],
        )
