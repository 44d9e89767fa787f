"""`Wallet.transfers` (a wallet's transfers in time order) and `Organization.wallets`, as
Relay connections."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader

from api.context import Context, Info
from api.types.common import PageInfo, offset_cursors
from api.types.entity import Entity
from api.types.records import load_entity
from api.types.transfer import Transfer
from api.types.wallet import TransferDirection
from graph.investigate.wallet_transfers import TransferPage, WalletIdPage, wallets_transfers

# Wallet.transfers' arguments: direction, since, until, minAmount, assets, first, after, newest.
PageKey = tuple[Any, datetime | None, datetime | None, float | None, tuple[str, ...], int,
                str | None, bool]


def transfer_pages(ctx: Context, key: PageKey) -> DataLoader[str, TransferPage]:
    """The request's loader of one page (these arguments) of wallets' transfers: the wallets
    asked in one tick of the event loop (an organisation's, a trace's) make one graph call."""
    name = ("wallet_transfers", key)
    if name not in ctx.loaders:
        async def load(wallets: Sequence[str]) -> list[TransferPage]:
            pages = await ctx.call(wallets_transfers, ctx.graph, list(wallets), *key[:4],
                                   key[4], key[5], key[6], key[7])
            return [pages[w] for w in wallets]
        ctx.loaders[name] = DataLoader(load_fn=load)
    loader: DataLoader[str, TransferPage] = ctx.loaders[name]
    return loader


@strawberry.type
class WalletTransferEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this edge.")
    direction: TransferDirection  # type: ignore[valid-type]
    node: Transfer


@strawberry.type(description="A wallet's transfers, newest (or oldest) first.")
class WalletTransferConnection:
    edges: list[WalletTransferEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Transfers matching the filters.")
    total_is_lower_bound: bool = strawberry.field(
        description="The wallet has more transfers than are counted per request (100,000).")

    @classmethod
    def from_record(cls, page: TransferPage, after: str | None) -> WalletTransferConnection:
        cursors = offset_cursors(after, len(page.transfers))
        edges = [WalletTransferEdge(cursor=k, direction=t.direction,
                                    node=Transfer.from_record(t.hop))
                 for k, t in zip(cursors, page.transfers, strict=True)]
        return cls(edges=edges, page_info=PageInfo.of(page), total_count=page.total,
                   total_is_lower_bound=page.total_is_lower_bound)


@strawberry.type
class WalletEdge:
    cursor: str
    wallet_id: strawberry.ID

    @strawberry.field
    async def node(self, info: Info) -> Entity | None:
        return await load_entity(info, self.wallet_id)


@strawberry.type(description="The wallets an organisation (or its resolved cluster) controls.")
class WalletConnection:
    edges: list[WalletEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def from_record(cls, page: WalletIdPage, after: str | None) -> WalletConnection:
        cursors = offset_cursors(after, len(page.wallets))
        edges = [WalletEdge(cursor=k, wallet_id=strawberry.ID(w))
                 for k, w in zip(cursors, page.wallets, strict=True)]
        return cls(edges=edges, page_info=PageInfo.of(page), total_count=page.total)
