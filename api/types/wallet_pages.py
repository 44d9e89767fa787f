"""`Wallet.transfers` (a wallet's transfers in time order) and `Organization.wallets`, as
Relay connections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import strawberry
from strawberry.dataloader import DataLoader

from api.context import Context, Info
from api.selection import arguments_below
from api.types.common import PageInfo, offset_cursors
from api.types.entity import Entity
from api.types.records import entity_from_record
from api.types.transfer import Transfer
from api.types.wallet import TransferDirection
from graph.investigate.types import EntityRecord
from graph.investigate.wallet_transfers import TransferDirection as Way
from graph.investigate.wallet_transfers import (
    TransferFilter,
    TransferPage,
    WalletIdPage,
    WalletRecords,
    pages_of,
    wallet_records,
)
from scamgraph.errors import ValidationError


def transfer_filter(args: Mapping[str, Any]) -> TransferFilter:
    """Wallet.transfers' arguments (GraphQL names) as the page they ask for: the key its
    resolver loads by and a parent prefetching it (api/selection.py) primes."""
    return TransferFilter(
        Way(args.get("direction") or Way.BOTH), args.get("since"), args.get("until"),
        args.get("minAmount"), tuple(args.get("assets") or ()), args.get("first", 20),
        args.get("after"), not args.get("oldestFirst", False))


def transfer_pages(ctx: Context, key: TransferFilter) -> DataLoader[str, TransferPage]:
    """The request's loader of one page (these arguments) of wallets' transfers: the wallets
    asked in one tick of the event loop (an organisation's, a trace's) make one graph call."""
    name = ("wallet_transfers", key)
    if name not in ctx.loaders:
        async def load(wallets: Sequence[str]) -> list[TransferPage]:
            pages = await ctx.call(pages_of, ctx.graph, list(wallets), key)
            return [pages[w] for w in wallets]
        ctx.loaders[name] = DataLoader(load_fn=load)
    loader: DataLoader[str, TransferPage] = ctx.loaders[name]
    return loader


def transfers_below(info: Info, path: tuple[str, ...]) -> TransferFilter | None:
    """The one page of Wallet.transfers selected at `path` below this field, when its
    arguments are valid (else the field itself reports the error); None when there is none,
    or several different ones (each then loads its own)."""
    found = {transfer_filter(a) for a in arguments_below(info, path, "Wallet")}
    if len(found) != 1:
        return None
    page = found.pop()
    try:
        page.params()
    except ValidationError:
        return None
    return page


async def prefetched(info: Info, ids: Sequence[str] = (), organisation: str | None = None,
                     first: int = 50, after: str | None = None,
                     transfers: TransferFilter | None = None) -> WalletRecords:
    """Entities (or an organisation's page of wallets) with their transfers in one statement,
    handed to the DataLoaders the child fields read (an id not found is primed as absent)
    and kept where Wallet.transfers finds them without awaiting."""
    ctx = info.context
    got = await ctx.call(wallet_records, ctx.graph, ids=ids, organisation=organisation,
                         first=first, after=after, transfers=transfers)
    listed = [*ids, *(got.page.wallets if got.page else ())]
    ctx.entities.prime_many({i: got.records.get(i) for i in listed})
    if transfers is not None:
        transfer_pages(ctx, transfers).prime_many(got.transfers)
        known_pages(ctx, transfers).update(got.transfers)
    if organisation is not None:
        ctx.fetched[("wallet_page", organisation, first, after, transfers)] = got
    return got


def fetched_wallets(ctx: Context, organisation: str, first: int, after: str | None,
                    transfers: TransferFilter | None) -> WalletRecords | None:
    """The page of an organisation's wallets (these arguments) that `entity(id)` fetched with
    the organisation's own record, if it did."""
    found: WalletRecords | None = ctx.fetched.get(
        ("wallet_page", organisation, first, after, transfers))
    return found


def known_pages(ctx: Context, key: TransferFilter) -> dict[str, TransferPage]:
    """The pages of `key` a parent fetched in its own statement, by wallet id."""
    pages: dict[str, TransferPage] = ctx.fetched.setdefault(("wallet_transfers", key), {})
    return pages


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
    # Built from the records fetched with the page (Organization.wallets fetches them whenever
    # `node` is selected), so no DataLoader task per wallet.
    node: Entity | None = None


@strawberry.type(description="The wallets an organisation (or its resolved cluster) controls.")
class WalletConnection:
    edges: list[WalletEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def from_record(cls, page: WalletIdPage, after: str | None,
                    records: Mapping[str, EntityRecord] | None = None) -> WalletConnection:
        """The page; with `records`, each edge's node (else none: it was not selected)."""
        cursors = offset_cursors(after, len(page.wallets))
        known = records or {}
        edges = [WalletEdge(cursor=k, wallet_id=strawberry.ID(w),
                            node=entity_from_record(known[w]) if w in known else None)
                 for k, w in zip(cursors, page.wallets, strict=True)]
        return cls(edges=edges, page_info=PageInfo.of(page), total_count=page.total)
