"""Exposure results: risky share of inflow per category, direct and within N hops."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.types.common import AssetAmount
from api.types.entity import Entity
from api.types.records import load_entities, load_entity
from graph.investigate.types import (
    AssetShare,
    CategoryExposure,
    ExposureMethod,
    ExposureResult,
    RiskCategory,
    TimeTreatment,
)

ExposureMethodEnum = strawberry.enum(ExposureMethod, name="ExposureMethod")
TimeTreatmentEnum = strawberry.enum(TimeTreatment, name="TimeTreatment")
RiskCategoryEnum = strawberry.enum(RiskCategory, name="RiskCategory")


@strawberry.type(description="Risky amount of one asset and its share of that asset's inflow.")
class AssetExposure:
    asset: str
    amount: float
    share: float | None
    amount_raw: str | None = strawberry.field(
        description="Exact base units, when the method counts in them (HAIRCUT_TIMED).")

    @classmethod
    def from_record(cls, rec: AssetShare) -> AssetExposure:
        return cls(asset=rec.asset, amount=rec.amount, share=rec.share, amount_raw=rec.amount_raw)


@strawberry.type(
    name="CategoryExposure", description="Exposure to one category; indirect includes direct."
)
class CategoryExposureInfo:
    category: RiskCategoryEnum  # type: ignore[valid-type]
    direct: list[AssetExposure]
    indirect: list[AssetExposure]
    direct_amount: float
    direct_share: float | None
    indirect_amount: float
    indirect_share: float | None
    direct_source_ids: list[strawberry.ID] = strawberry.field(
        description="The risky wallets of this category that paid the target directly.")

    @strawberry.field
    async def direct_sources(self, info: Info) -> list[Entity]:
        """The direct risky senders as entities (directSourceIds)."""
        return await load_entities(info, self.direct_source_ids)

    @classmethod
    def from_record(cls, rec: CategoryExposure) -> CategoryExposureInfo:
        return cls(
            category=rec.category, direct=[AssetExposure.from_record(a) for a in rec.direct],
            indirect=[AssetExposure.from_record(a) for a in rec.indirect],
            direct_amount=rec.direct_amount, direct_share=rec.direct_share,
            indirect_amount=rec.indirect_amount, indirect_share=rec.indirect_share,
            direct_source_ids=[strawberry.ID(w) for w in rec.direct_sources],
        )


@strawberry.type(description="What share of a wallet's or organisation's inflow is risky.")
class Exposure:
    target_id: strawberry.ID
    target_wallet_ids: list[strawberry.ID]
    method: ExposureMethodEnum  # type: ignore[valid-type]
    max_hops: int
    inflow: list[AssetAmount]
    categories: list[CategoryExposureInfo]
    explanation: str = strawberry.field(description="The method, in words, so numbers reproduce.")
    partial: bool
    reason: str | None
    time_treatment: TimeTreatmentEnum = strawberry.field(  # type: ignore[valid-type]
        description="UNORDERED: one pool per wallet over the record; TIME_ORDERED: a payment "
                    "carries only value its sender received before it.")
    hop_cut: bool = strawberry.field(
        description="The hop budget stopped the region at senders that received transfers "
                    "themselves: more hops may find more exposure.")
    more_hops: int | None = strawberry.field(
        description="The maxHops that would reach further (when hopCut and under the cap).")

    @strawberry.field
    async def target(self, info: Info) -> Entity | None:
        return await load_entity(info, self.target_id)

    @strawberry.field
    async def target_wallets(self, info: Info) -> list[Entity]:
        return await load_entities(info, self.target_wallet_ids)

    @classmethod
    def from_record(cls, rec: ExposureResult) -> Exposure:
        return cls(
            target_id=strawberry.ID(rec.target),
            target_wallet_ids=[strawberry.ID(w) for w in rec.target_wallets], method=rec.method,
            max_hops=rec.max_hops, inflow=[AssetAmount.from_record(a) for a in rec.inflow],
            categories=[CategoryExposureInfo.from_record(c) for c in rec.categories],
            explanation=rec.explanation, partial=rec.partial, reason=rec.reason,
            time_treatment=rec.time_treatment, hop_cut=rec.hop_cut, more_hops=rec.more_hops,
        )
