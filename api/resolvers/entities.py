"""Lookups and structure: search, wallet, entity, neighbourhood, paths, ownership, compounds."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import expansion_cost, guard, hops_cost, page_cost
from api.selection import arguments_below, selected_names
from api.types.entity import Entity
from api.types.ownership import Control, LinkedCompound, Ownership
from api.types.paths import Neighbourhood, NeighbourhoodEdges, Paths
from api.types.records import load_entity
from api.types.search import SearchConnection
from api.types.wallet import Wallet
from api.types.wallet_pages import prefetched, transfers_below
from graph import investigate
from graph.investigate import limits as caps
from graph.investigate.neighbourhood import EdgeSet

FromArg = Annotated[strawberry.ID, strawberry.argument(name="from")]
# What the light neighbourhood answers (graph.investigate.neighbourhood's `light`).
LIGHT_NODE = frozenset({"id", "name", "labels", "__typename"})
LIGHT_EDGE = frozenset({"key", "type", "startId", "endId", "__typename"})


def light_enough(info: Info) -> bool:
    """The query reads nothing of the nodes and edges that the light form leaves out."""
    return (selected_names(info, "nodes") <= LIGHT_NODE
            and selected_names(info, "edges") <= LIGHT_EDGE)


@strawberry.type
class EntityQueries:
    @guard(Role.READER, cost=page_cost("first"), bounds={"first": (1, caps.MAX_PAGE)},
           description="Full-text search over names, aliases (transliterations) and addresses.")
    async def search(self, info: Info, text: str, kinds: list[str] | None = None,
                     first: int = 20, after: str | None = None) -> SearchConnection:
        ctx = info.context
        page = await ctx.call(investigate.search, ctx.graph, text, kinds or (), first, after)
        return SearchConnection.from_record(page, after)

    @guard(Role.READER, description="A wallet by chain and address (normalised per chain).")
    async def wallet(self, info: Info, chain: str, address: str) -> Wallet | None:
        found = await _with_transfers(info, investigate.wallet_id(chain, address))
        return found if isinstance(found, Wallet) else None

    @guard(Role.READER, description="Any entity by id.")
    async def entity(self, info: Info, id: strawberry.ID) -> Entity | None:
        return await _with_transfers(info, id)

    @guard(Role.READER, cost=expansion_cost("limit", "depth"),
           bounds={"depth": (1, caps.MAX_DEPTH), "limit": (1, caps.MAX_NEIGHBOURS)},
           description="Entities and relationships within `depth` links of one entity.")
    async def neighbourhood(
        self, info: Info, id: strawberry.ID, rel_types: list[str] | None = None, depth: int = 1,
        limit: int = 100, since: datetime | None = None, until: datetime | None = None,
        expand_supernodes: bool = False,
        edges: NeighbourhoodEdges = EdgeSet.ALL,  # type: ignore[valid-type]
    ) -> Neighbourhood:
        ctx = info.context
        sub = await ctx.call(
            investigate.neighbourhood, ctx.graph, id, rel_types or (), depth, limit, since, until,
            expand_supernodes=expand_supernodes, supernode_degree=ctx.settings.supernode_degree,
            edges=edges, light=light_enough(info))
        return Neighbourhood.from_record(sub)

    @guard(Role.READER, cost=hops_cost("maxLength", base=1, size_arg="k"),
           bounds={"maxLength": (1, caps.MAX_PATH_LENGTH), "k": (1, caps.MAX_K)},
           description="The k shortest connections across ownership, control, attribution, money.")
    async def paths(self, info: Info, from_: FromArg, to: strawberry.ID, max_length: int = 4,
                    rel_types: list[str] | None = None, exclude_supernodes: bool = True,
                    k: int = 3) -> Paths:
        ctx = info.context
        res = await ctx.call(investigate.paths, ctx.graph, from_, to, max_length, rel_types or (),
                             exclude_supernodes, k,
                             supernode_degree=ctx.settings.supernode_degree)
        return Paths.from_record(res)

    @guard(Role.READER, cost=hops_cost("maxDepth", base=2),
           bounds={"maxDepth": (1, caps.MAX_OWNERSHIP_DEPTH)},
           description="Ownership chains of a company with effective shares.")
    async def owners(self, info: Info, company: strawberry.ID, max_depth: int = 6) -> Ownership:
        ctx = info.context
        res = await ctx.call(investigate.owners, ctx.graph, company, max_depth)
        return Ownership.from_record(res)

    @guard(Role.READER, cost=hops_cost("maxDepth", base=2),
           bounds={"maxDepth": (1, caps.MAX_OWNERSHIP_DEPTH)},
           description="Companies, wallets and compounds a person controls.")
    async def controlled_by(self, info: Info, person: strawberry.ID, max_depth: int = 4) -> Control:
        ctx = info.context
        res = await ctx.call(investigate.controlled_by, ctx.graph, person, max_depth)
        return Control.from_record(res)

    @guard(Role.READER, cost=hops_cost("maxHops", base=2), bounds={"maxHops": (1, caps.MAX_HOPS)},
           description="Compounds operated by organisations linked to an entity.")
    async def compounds(self, info: Info, linked_to: strawberry.ID,
                        max_hops: int = 4) -> list[LinkedCompound]:
        ctx = info.context
        recs = await ctx.call(investigate.compounds_linked, ctx.graph, linked_to, max_hops)
        return [LinkedCompound.from_record(r) for r in recs]


async def _with_transfers(info: Info, id: str) -> Entity | None:
    """The entity through the DataLoader; when the query asks for its transfers (a wallet),
    or for its page of wallets (an organisation), the record and that page come in one
    statement and the loaders are primed with them."""
    wanted = transfers_below(info, ("transfers",))
    wallets = arguments_below(info, ("wallets",), "Organization")
    if wanted is None and len(wallets) == 1 and arguments_below(
            info, ("wallets", "edges", "node"), "WalletEdge"):
        page = wallets[0]
        await prefetched(info, ids=[id], organisation=id, first=page["first"],
                         after=page.get("after"),
                         transfers=transfers_below(info, ("wallets", "edges", "node",
                                                          "transfers")))
    elif wanted is not None:
        await prefetched(info, ids=[id], transfers=wanted)
    return await load_entity(info, id)
