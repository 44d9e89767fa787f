"""Mutations: saving an investigation (analyst role)."""

from __future__ import annotations

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard
from api.saved_investigations import save_investigation
from api.types.admin import Investigation
from api.types.common import JSON


@strawberry.type
class Mutation:
    @guard(Role.ANALYST, description="Save the browser's investigation state under a name.")
    async def save_investigation(self, info: Info, name: str, data: JSON) -> Investigation:
        ctx = info.context
        who = f"{ctx.principal.role.label}:{ctx.principal.fingerprint}"
        row = await ctx.call(save_investigation, ctx.graph, name, data, who)
        return Investigation.from_record(row)
