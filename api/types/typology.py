"""Typologies: the catalogue and the hits of one scan (evidence, amounts, organisations)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from api.context import Info
from api.types.common import JSON, PageInfo, resolver
from api.types.entity import Entity
from api.types.records import load_entities, load_entity
from api.types.transfer import Transfer
from graph.db import jsonable
from graph.investigate.typologies import (
    HitAmount,
    HitOrganisation,
    Param,
    Typology,
    TypologyHit,
    TypologyHits,
)


@strawberry.input(description="Where a typology looks: a wallet, an organisation's wallets "
                               "(with its subsidiaries'), a time window. With neither wallet "
                               "nor organisation, since and until are required (whole graph).")
class TypologyScopeInput:
    wallet: strawberry.ID | None = None
    organisation: strawberry.ID | None = None
    since: datetime | None = None
    until: datetime | None = None


@strawberry.type(description="One parameter of a typology, with its default and limits.")
class TypologyParameter:
    name: str
    kind: str = strawberry.field(description="int, float or list (of strings).")
    default: JSON
    min: float | None
    max: float | None
    description: str

    @classmethod
    def from_record(cls, p: Param) -> TypologyParameter:
        return cls(name=p.name, kind=p.kind, default=jsonable(p.default), min=p.low,
                   max=p.high, description=p.description)


@strawberry.type(description="A named laundering typology (cypher/typologies/).")
class TypologyInfo:
    name: str
    description: str
    score: str = strawberry.field(description="What a hit's score measures.")
    parameters: list[TypologyParameter]

    @classmethod
    def from_record(cls, t: Typology) -> TypologyInfo:
        return cls(name=t.name, description=t.description, score=t.score,
                   parameters=[TypologyParameter.from_record(p) for p in t.params])


@strawberry.type(description="An organisation controlling wallets of a hit, with its group.")
class TypologyOrganisation:
    id: strawberry.ID
    name: str | None
    kinds: list[str]
    group_id: strawberry.ID
    group_name: str | None
    wallet_ids: list[strawberry.ID]

    @resolver(description="The organisation itself.")
    async def organization(self, info: Info) -> Entity | None:
        return await load_entity(info, self.id)

    @classmethod
    def from_record(cls, o: HitOrganisation) -> TypologyOrganisation:
        return cls(id=strawberry.ID(o.id), name=o.name, kinds=list(o.kinds),
                   group_id=strawberry.ID(o.group_id or o.id), group_name=o.group_name,
                   wallet_ids=[strawberry.ID(w) for w in o.wallets])


@strawberry.type(description="A hit's total of one asset: the float sum and the exact one.")
class TypologyAmount:
    asset: str
    amount: float = strawberry.field(description="The float sum (what thresholds compare).")
    transfers: int
    amount_raw: str | None = strawberry.field(
        description="The exact sum in base units, summed from the transfers' amountRaw as "
                    "integers (null when a transfer has none).")
    decimals: int | None = strawberry.field(
        description="The asset's decimals shared by the summed transfers, else null.")

    @classmethod
    def from_record(cls, a: HitAmount) -> TypologyAmount:
        return cls(asset=a.asset, amount=a.amount, transfers=a.transfers,
                   amount_raw=a.amount_raw, decimals=a.decimals)


@strawberry.type(description="One hit: the wallets and transfers that make it (evidence).")
class TypologyHitResult:
    typology: str
    key: str = strawberry.field(description="Stable id of the hit within its typology.")
    score: float
    anchor_id: strawberry.ID
    wallet_ids: list[strawberry.ID]
    transfers: list[Transfer]
    amounts: list[TypologyAmount]
    organisations: list[TypologyOrganisation]
    detail: JSON = strawberry.field(description="Typology-specific figures.")
    first_seen: datetime | None = strawberry.field(
        description="When a stored run (typologies run --store) first recorded the hit.")
    new: bool = strawberry.field(description="Not among the hits stored by earlier runs.")

    @resolver(description="The hub wallet of the hit (collector, source, chain start...).")
    async def anchor(self, info: Info) -> Entity | None:
        return await load_entity(info, self.anchor_id)

    @resolver(description="The wallets involved.")
    async def wallets(self, info: Info) -> list[Entity]:
        return await load_entities(info, self.wallet_ids)

    @classmethod
    def from_record(cls, h: TypologyHit) -> TypologyHitResult:
        detail: Any = jsonable(dict(h.detail))
        return cls(typology=h.typology, key=h.key, score=h.score,
                   anchor_id=strawberry.ID(h.anchor),
                   wallet_ids=[strawberry.ID(w) for w in h.wallets],
                   transfers=[Transfer.from_record(t) for t in h.transfers],
                   amounts=[TypologyAmount.from_record(a) for a in h.amounts],
                   organisations=[TypologyOrganisation.from_record(o) for o in h.organisations],
                   detail=detail, first_seen=h.first_seen, new=h.new)


@strawberry.type(description="One page of a typology's hits, best score first.")
class TypologyHitConnection:
    typology: str
    params: JSON = strawberry.field(description="The parameters used (defaults filled in).")
    hits: list[TypologyHitResult]
    total: int = strawberry.field(description="Hits in the scope (at most 1000).")
    page_info: PageInfo
    partial: bool
    reason: str | None

    @classmethod
    def from_record(cls, rec: TypologyHits) -> TypologyHitConnection:
        return cls(typology=rec.typology, params=jsonable(dict(rec.params)),
                   hits=[TypologyHitResult.from_record(h) for h in rec.hits], total=rec.total,
                   page_info=PageInfo.of(rec), partial=rec.partial, reason=rec.reason)
