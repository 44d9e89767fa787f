"""Ownership chains (`owners`), what a person controls (`controlledBy`), linked compounds."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.types.entity import Entity
from api.types.records import entity_from_record, load_entities, load_entity
from graph.investigate.types import (
    CompoundRecord,
    ControlledCompany,
    ControlledWallet,
    ControlResult,
    OwnershipChain,
    OwnershipLink,
    OwnershipResult,
    UltimateOwner,
)


@strawberry.type(description="owner -OWNS/SUBSIDIARY_OF- owned, with the share in percent.")
class OwnershipEdge:
    owner_id: strawberry.ID
    owned_id: strawberry.ID
    type: str
    share: float | None

    @strawberry.field
    async def owner(self, info: Info) -> Entity | None:
        return await load_entity(info, self.owner_id)

    @strawberry.field
    async def owned(self, info: Info) -> Entity | None:
        return await load_entity(info, self.owned_id)

    @classmethod
    def from_record(cls, rec: OwnershipLink) -> OwnershipEdge:
        return cls(owner_id=strawberry.ID(rec.owner), owned_id=strawberry.ID(rec.owned),
                   type=rec.type, share=rec.share)


@strawberry.type(description="Links from the company upward; effectiveShare is their product.")
class OwnershipPath:
    links: list[OwnershipEdge]
    effective_share: float | None

    @classmethod
    def from_record(cls, rec: OwnershipChain) -> OwnershipPath:
        return cls(links=[OwnershipEdge.from_record(x) for x in rec.links],
                   effective_share=rec.effective_share)


@strawberry.type(name="UltimateOwner")
class UltimateOwnerInfo:
    entity: Entity
    effective_share: float | None
    chains: int

    @classmethod
    def from_record(cls, rec: UltimateOwner) -> UltimateOwnerInfo:
        return cls(entity=entity_from_record(rec.entity), effective_share=rec.effective_share,
                   chains=rec.chains)


@strawberry.type(description="Who ultimately owns or controls a company.")
class Ownership:
    company: Entity
    chains: list[OwnershipPath]
    ultimate_owners: list[UltimateOwnerInfo]
    partial: bool
    reason: str | None

    @classmethod
    def from_record(cls, rec: OwnershipResult) -> Ownership:
        return cls(company=entity_from_record(rec.company),
                   chains=[OwnershipPath.from_record(c) for c in rec.chains],
                   ultimate_owners=[UltimateOwnerInfo.from_record(u) for u in rec.ultimate_owners],
                   partial=rec.partial, reason=rec.reason)


@strawberry.type(description="A compound and the organisations operating it.")
class LinkedCompound:
    compound: Entity
    operator_ids: list[strawberry.ID]
    hops: int = strawberry.field(description="Links between the asked entity and the operator.")

    @strawberry.field
    async def operators(self, info: Info) -> list[Entity]:
        return await load_entities(info, self.operator_ids)

    @classmethod
    def from_record(cls, rec: CompoundRecord) -> LinkedCompound:
        return cls(compound=entity_from_record(rec.entity),
                   operator_ids=[strawberry.ID(o) for o in rec.operators], hops=rec.hops)


@strawberry.type(name="ControlledCompany")
class ControlledCompanyInfo:
    entity: Entity
    via: str
    depth: int
    effective_share: float | None

    @classmethod
    def from_record(cls, rec: ControlledCompany) -> ControlledCompanyInfo:
        return cls(entity=entity_from_record(rec.entity), via=rec.via, depth=rec.depth,
                   effective_share=rec.effective_share)


@strawberry.type(name="ControlledWallet")
class ControlledWalletInfo:
    wallet: Entity
    controller_id: strawberry.ID = strawberry.field(description="Who the wallet is attributed to.")

    @strawberry.field
    async def controller(self, info: Info) -> Entity | None:
        return await load_entity(info, self.controller_id)

    @classmethod
    def from_record(cls, rec: ControlledWallet) -> ControlledWalletInfo:
        return cls(wallet=entity_from_record(rec.entity),
                   controller_id=strawberry.ID(rec.controller))


@strawberry.type(description="Companies, wallets and compounds a person controls.")
class Control:
    person: Entity
    companies: list[ControlledCompanyInfo]
    wallets: list[ControlledWalletInfo]
    compounds: list[LinkedCompound]
    partial: bool
    reason: str | None

    @classmethod
    def from_record(cls, rec: ControlResult) -> Control:
        return cls(
            person=entity_from_record(rec.person),
            companies=[ControlledCompanyInfo.from_record(c) for c in rec.companies],
            wallets=[ControlledWalletInfo.from_record(w) for w in rec.wallets],
            compounds=[LinkedCompound.from_record(c) for c in rec.compounds],
            partial=rec.partial, reason=rec.reason,
        )
