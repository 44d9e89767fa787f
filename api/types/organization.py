"""`Organization`, with its kind labels (Company, Exchange, Marketplace, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, page_cost
from api.selection import arguments_below
from api.types.common import as_list, as_str
from api.types.entity import Entity, entity_fields
from graph.investigate import limits as caps
from graph.investigate.types import EntityRecord

if TYPE_CHECKING:
    from api.types.wallet_pages import WalletConnection


@strawberry.type(description="A company, exchange, marketplace, OTC desk, scam operation, ...")
class Organization(Entity):
    kinds: list[str] = strawberry.field(description="Kind labels, e.g. Company, Exchange.")
    aliases: list[str]
    country: list[str] = strawberry.field(description="ISO 3166-1 alpha-2 codes.")
    registration_numbers: list[str]
    categories: list[str]
    website: str | None

    @guard(Role.READER, cost=page_cost("first"), bounds={"first": (1, caps.MAX_PAGE)},
           description="The wallets it controls (CONTROLLED_BY, DEPOSIT_ADDRESS_OF), its "
                       "resolved cluster's included, by id. Its group's: `group(id)`.")
    async def wallets(self, info: Info, first: int = 50, after: str | None = None
                      ) -> Annotated[WalletConnection, strawberry.lazy("api.types.wallet_pages")]:
        from api.types.wallet_pages import (
            WalletConnection,
            fetched_wallets,
            prefetched,
            transfers_below,
        )
        from graph.investigate import organization_wallets

        ctx = info.context
        if not arguments_below(info, ("edges", "node"), "WalletEdge"):
            page = await ctx.call(organization_wallets, ctx.graph, str(self.id), first, after)
            return WalletConnection.from_record(page, after)
        # The wallets' records, and their transfers when asked, in the same statement (the
        # one that found this organisation, when `entity(id)` saw this field coming).
        wanted = transfers_below(info, ("edges", "node", "transfers"))
        got = fetched_wallets(ctx, str(self.id), first, after, wanted) or await prefetched(
            info, organisation=str(self.id), first=first, after=after, transfers=wanted)
        assert got.page is not None  # an organisation's call always answers a page
        return WalletConnection.from_record(got.page, after, got.records)

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Organization:
        p = rec.properties
        return cls(
            **entity_fields(rec), kinds=list(rec.kinds), aliases=as_list(p.get("aliases")),
            country=as_list(p.get("country")),
            registration_numbers=as_list(p.get("registration_numbers")),
            categories=as_list(p.get("categories")), website=as_str(p.get("website")),
        )
