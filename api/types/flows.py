"""Organisation-to-organisation flows by month."""

from __future__ import annotations

import strawberry

from api.types.ends import from_field, to_field
from graph.investigate.types import FlowBucket, FlowResult, GroupBy

GroupByEnum = strawberry.enum(GroupBy, name="GroupBy")


@strawberry.type(description="Value of one asset landing in the destination in one period.")
class FlowPeriod:
    period: str = strawberry.field(description="YYYY-MM (UTC) of the landing transfer.")
    asset: str
    amount: float
    transfers: int
    amount_raw: str | None = strawberry.field(
        description="The exact sum in base units (null when a transfer has no amountRaw).")
    decimals: int | None = strawberry.field(
        description="The asset's decimals shared by the period's transfers, else null.")

    @classmethod
    def from_record(cls, rec: FlowBucket) -> FlowPeriod:
        return cls(period=rec.period, asset=rec.asset, amount=rec.amount, transfers=rec.transfers,
                   amount_raw=rec.amount_raw, decimals=rec.decimals)


@strawberry.type(description="Value moved from one organisation's wallets to another's.")
class Flow:
    from_id: strawberry.ID
    to_id: strawberry.ID
    max_hops: int
    group_by: GroupByEnum  # type: ignore[valid-type]
    direct: list[FlowPeriod]
    within: list[FlowPeriod] = strawberry.field(description="Within maxHops (includes direct).")
    amount_semantics: str
    partial: bool
    reason: str | None

    from_ = from_field()
    to = to_field()

    @classmethod
    def from_record(cls, rec: FlowResult) -> Flow:
        return cls(
            from_id=strawberry.ID(rec.from_org), to_id=strawberry.ID(rec.to_org),
            max_hops=rec.max_hops, group_by=rec.group_by,
            direct=[FlowPeriod.from_record(b) for b in rec.direct],
            within=[FlowPeriod.from_record(b) for b in rec.within],
            amount_semantics=rec.amount_semantics, partial=rec.partial, reason=rec.reason,
        )
