"""Typologies (analyst role): the catalogue and the hits of one typology in a scope."""

from __future__ import annotations

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, typology_cost
from api.types.common import JSON
from api.types.typology import TypologyHitConnection, TypologyInfo, TypologyScopeInput
from graph.investigate import limits as caps
from graph.investigate.typologies import TYPOLOGIES, TypologyScope, typology_hits
from scamgraph.errors import ValidationError


def _params(params: JSON | None) -> dict[str, object]:
    if params is None:
        return {}
    if not isinstance(params, dict):
        raise ValidationError("params must be an object of parameter names to values",
                              hint='pass e.g. {"min_senders": 10}')
    return dict(params)


@strawberry.type
class TypologyQueries:
    @guard(Role.ANALYST, description="The named laundering typologies and their parameters.")
    def typologies(self) -> list[TypologyInfo]:
        return [TypologyInfo.from_record(t) for t in TYPOLOGIES]

    @guard(Role.ANALYST, cost=typology_cost("first"), bounds={"first": (1, caps.MAX_PAGE)},
           description="Hits of one typology in a scope (a whole-graph scan needs a window).")
    async def typology_hits(
        self, info: Info, name: str, params: JSON | None = None,
        scope: TypologyScopeInput | None = None, first: int = 20, after: str | None = None,
    ) -> TypologyHitConnection:
        s = scope or TypologyScopeInput()
        where = TypologyScope(wallet=s.wallet, organisation=s.organisation, since=s.since,
                              until=s.until)
        ctx = info.context
        res = await ctx.call(typology_hits, ctx.graph, name, _params(params), where, first, after)
        return TypologyHitConnection.from_record(res)
