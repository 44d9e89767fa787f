"""Money questions (analyst role): trace, exposure, flows."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, hops_cost
from api.selection import selects
from api.types.exposure import Exposure, ExposureMethodEnum
from api.types.flows import Flow, GroupByEnum
from api.types.trace import DirectionEnum, Trace, TraceMethodEnum
from graph import investigate
from graph.investigate import limits as caps
from graph.investigate.types import Direction, ExposureMethod, GroupBy, TraceMethod, TraceParams

HOPS = {"maxHops": (1, caps.MAX_HOPS)}
TRACE_BOUNDS = {**HOPS, "maxPaths": (1, caps.MAX_PATHS), "evidencePerEntity": (0, 100)}
FromArg = Annotated[strawberry.ID, strawberry.argument(name="from")]


@strawberry.type
class MoneyQueries:
    @guard(Role.ANALYST, cost=hops_cost("maxHops", base=50), bounds=TRACE_BOUNDS,
           description="Where money went (FORWARD) or came from (BACKWARD) within maxHops.")
    async def trace(
        self, info: Info, seeds: list[strawberry.ID],
        direction: DirectionEnum = Direction.FORWARD,  # type: ignore[valid-type]
        max_hops: int = 3, since: datetime | None = None, until: datetime | None = None,
        min_amount: float | None = None, assets: list[str] | None = None,
        time_ordered: bool = True, stop_at: list[str] | None = None, rollup: bool = False,
        max_paths: int = 1000, expand_supernodes: bool = False, evidence_per_entity: int = 3,
        method: TraceMethodEnum = TraceMethod.PATHS,  # type: ignore[valid-type]
    ) -> Trace:
        params = TraceParams(
            seeds=tuple(seeds), direction=direction, max_hops=max_hops, since=since, until=until,
            min_amount=min_amount, assets=tuple(assets or ()), time_ordered=time_ordered,
            stop_at=tuple(stop_at or ()), rollup=rollup, max_paths=max_paths,
            expand_supernodes=expand_supernodes,
            # Evidence paths only when the query reads them (building them is most of a
            # large trace's conversion work).
            evidence_per_entity=evidence_per_entity if _reads_evidence(info) else 0,
            supernode_degree=info.context.settings.supernode_degree, method=method,
        )
        ctx = info.context
        return Trace.from_record(await ctx.call(investigate.trace, ctx.graph, params))

    @guard(Role.ANALYST, cost=hops_cost("maxHops", base=50), bounds=HOPS,
           description="Share of a wallet's or organisation's inflow from risky sources.")
    async def exposure(
        self, info: Info, target: strawberry.ID, max_hops: int = 3,
        method: ExposureMethodEnum = ExposureMethod.HAIRCUT_TIMED,  # type: ignore[valid-type]
    ) -> Exposure:
        ctx = info.context
        res = await ctx.call(investigate.exposure, ctx.graph, target, max_hops, method)
        return Exposure.from_record(res)

    @guard(Role.ANALYST, cost=hops_cost("maxHops", base=50), bounds=HOPS,
           description="Value moved from one organisation's wallets to another's, by month.")
    async def flows(
        self, info: Info, from_: FromArg, to: strawberry.ID, max_hops: int = 3,
        group_by: GroupByEnum = GroupBy.MONTH,  # type: ignore[valid-type]
    ) -> Flow:
        ctx = info.context
        res = await ctx.call(investigate.flows, ctx.graph, from_, to, max_hops, group_by)
        return Flow.from_record(res)


def _reads_evidence(info: Info) -> bool:
    return selects(info, "organisations", "evidence") or selects(info, "unattributed", "evidence")
