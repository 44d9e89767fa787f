"""A wallet's transfers, newest (or oldest) first, one page at a time: the question "what did
this wallet send and receive" without a trace. Filters: direction, window, minimum amount,
assets. A wallet's degree bounds the work (an exchange hot wallet is sorted whole, up to
MAX_TOTAL transfers; beyond that the page says the count is a lower bound). Also an
organisation's wallets, one page at a time, and (`wallet_records`) entities or an
organisation's page of wallets with their records and transfers in one statement."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph
from graph.investigate import convert, limits
from graph.investigate.entities import without_nulls
from graph.investigate.types import EntityId, EntityRecord, Hop

# Transfers sorted and counted per request, at most (a hot wallet's whole history is more).
MAX_TOTAL = 100_000


class TransferDirection(enum.Enum):
    OUT = "OUT"
    IN = "IN"
    BOTH = "BOTH"


@dataclass(frozen=True)
class WalletTransfer:
    hop: Hop
    direction: TransferDirection  # OUT: the wallet sent it; IN: the wallet received it


@dataclass(frozen=True)
class TransferPage:
    transfers: tuple[WalletTransfer, ...]
    total: int
    total_is_lower_bound: bool
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True)
class TransferFilter:
    """The arguments of one page of wallets' transfers (hashable: a request's loader key)."""

    direction: TransferDirection | str = TransferDirection.BOTH
    since: datetime | None = None
    until: datetime | None = None
    min_amount: float | None = None
    assets: tuple[str, ...] = ()
    first: int = 20
    after: str | None = None
    newest_first: bool = True

    def params(self) -> dict[str, Any]:
        """The query parameters (ValidationError for a bad direction, size or cursor)."""
        way = limits.check_choice("direction", self.direction, TransferDirection)
        limits.check_range("first", self.first, 1, limits.MAX_PAGE)
        return {"direction": way.value, "since": convert.utc(self.since),
                "until": convert.utc(self.until), "min_amount": self.min_amount,
                "assets": list(self.assets), "newest": self.newest_first,
                "offset": convert.decode_cursor(self.after), "first": self.first,
                "max_total": MAX_TOTAL}


def _hop(row: dict[str, Any]) -> Hop:
    # Times come as epoch ms: hydrating a driver DateTime per transfer cost more than the rest.
    return Hop(row["id"], row.get("tx") or "", row["from"], row["to"], row.get("asset") or "",
               float(row.get("amount") or 0.0), row.get("amount_raw"),
               datetime.fromtimestamp(row["ts"] / 1000, UTC))


def wallets_transfers(
    graph: Graph, wallets: Sequence[EntityId],
    direction: TransferDirection | str = TransferDirection.BOTH,
    since: datetime | None = None, until: datetime | None = None,
    min_amount: float | None = None, assets: Sequence[str] = (), first: int = 20,
    after: str | None = None, newest_first: bool = True, *, timeout_s: float | None = None,
) -> dict[EntityId, TransferPage]:
    """The same page of each wallet's transfers, in one statement; an unknown wallet gives an
    empty page."""
    page = TransferFilter(direction, since, until, min_amount, tuple(assets),
                          first, after, newest_first)
    return pages_of(graph, wallets, page, timeout_s=timeout_s)


def pages_of(graph: Graph, wallets: Sequence[EntityId], page: TransferFilter, *,
             timeout_s: float | None = None) -> dict[EntityId, TransferPage]:
    """`wallets_transfers` with its page arguments as one TransferFilter."""
    params = page.params()
    rows = graph.read_plain("investigations/wallet_transfers",
                      {**params, "wallets": list(dict.fromkeys(wallets))}, timeout_s=timeout_s)
    found = {r["wallet"]: _page(int(r["total"]), r["page"], params["offset"], page.first)
             for r in rows}
    return {w: found.get(w) or _page(0, [], params["offset"], page.first) for w in wallets}


def _page(total: int, rows: list[dict[str, Any]], offset: int, first: int) -> TransferPage:
    page = tuple(WalletTransfer(_hop(r), TransferDirection(r["direction"])) for r in rows[:first])
    return TransferPage(page, total, total >= MAX_TOTAL,
                        convert.encode_cursor(offset + len(page)) if page else None,
                        len(rows) > first)


def wallet_transfers(
    graph: Graph, wallet: EntityId, direction: TransferDirection | str = TransferDirection.BOTH,
    since: datetime | None = None, until: datetime | None = None,
    min_amount: float | None = None, assets: Sequence[str] = (), first: int = 20,
    after: str | None = None, newest_first: bool = True, *, timeout_s: float | None = None,
) -> TransferPage:
    """One page of the wallet's transfers in time order; an unknown wallet gives an empty page."""
    return wallets_transfers(graph, [wallet], direction, since, until, min_amount, assets, first,
                             after, newest_first, timeout_s=timeout_s)[wallet]


@dataclass(frozen=True)
class WalletIdPage:
    wallets: tuple[EntityId, ...]
    total: int
    end_cursor: str | None
    has_next_page: bool


def organization_wallets(graph: Graph, organisation: EntityId, first: int = 50,
                         after: str | None = None, *, timeout_s: float | None = None
                         ) -> WalletIdPage:
    """One page (by id) of the wallets an organisation, or its resolved cluster, controls."""
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    offset = convert.decode_cursor(after)
    rows = graph.read_plain("investigations/organization_wallets", {
        "id": organisation, "offset": offset, "first": first}, timeout_s=timeout_s)
    if not rows:
        return WalletIdPage((), 0, None, False)
    return _id_page(rows[0]["page"], int(rows[0]["total"]), offset, first)


def _id_page(listed: Sequence[EntityId], total: int, offset: int, first: int) -> WalletIdPage:
    """A page of wallet ids from the `first` + 1 listed after `offset` (one more: a next page)."""
    page = tuple(listed[:first])
    return WalletIdPage(page, total, convert.encode_cursor(offset + len(page)) if page else None,
                        len(listed) > first)


@dataclass(frozen=True)
class WalletRecords:
    """Entities (and one page of each wallet's transfers) fetched in one statement."""

    records: dict[EntityId, EntityRecord]
    transfers: dict[EntityId, TransferPage]  # empty unless a TransferFilter was given
    page: WalletIdPage | None  # the organisation's page of wallets, when one was asked


def wallet_records(
    graph: Graph, *, ids: Sequence[EntityId] = (), organisation: EntityId | None = None,
    first: int = 50, after: str | None = None, transfers: TransferFilter | None = None,
    timeout_s: float | None = None,
) -> WalletRecords:
    """The entities `ids` and/or one page of `organisation`'s wallets (as
    organization_wallets), with their records (as get_entities) and, given `transfers`, each
    wallet's page of them (as wallets_transfers): what would otherwise be a round trip per
    level, in one."""
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    offset = convert.decode_cursor(after)
    t_params = (transfers or TransferFilter()).params()
    rows = graph.read_plain("investigations/wallet_records", {
        **t_params, "t_offset": t_params["offset"], "t_first": t_params["first"],
        "org": organisation, "ids": list(dict.fromkeys(ids)), "offset": offset, "first": first,
        "transfers": transfers is not None}, timeout_s=timeout_s)
    row = rows[0]
    records = {r["id"]: convert.entity(without_nulls(r)) for r in row["records"]}
    pages = {r["id"]: _page(int(r["t_total"]), r["t_page"], t_params["offset"], t_params["first"])
             for r in row["records"]} if transfers is not None else {}
    page = (_id_page(row["listed"], int(row["total"]), offset, first)
            if organisation is not None else None)
    return WalletRecords(records, pages, page)
