"""A wallet's transfers, newest (or oldest) first, one page at a time: the question "what did
this wallet send and receive" without a trace. Filters: direction, window, minimum amount,
assets. A wallet's degree bounds the work (an exchange hot wallet is sorted whole, up to
MAX_TOTAL transfers; beyond that the page says the count is a lower bound). Also an
organisation's wallets, one page at a time."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.db import Graph
from graph.db.values import native
from graph.investigate import convert, limits
from graph.investigate.types import EntityId, Hop

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


def _hop(row: dict[str, Any]) -> Hop:
    return Hop(row["id"], row.get("tx") or "", row["from"], row["to"], row.get("asset") or "",
               float(row.get("amount") or 0.0), row.get("amount_raw"), row["ts"])


def wallets_transfers(
    graph: Graph, wallets: Sequence[EntityId],
    direction: TransferDirection | str = TransferDirection.BOTH,
    since: datetime | None = None, until: datetime | None = None,
    min_amount: float | None = None, assets: Sequence[str] = (), first: int = 20,
    after: str | None = None, newest_first: bool = True, *, timeout_s: float | None = None,
) -> dict[EntityId, TransferPage]:
    """The same page of each wallet's transfers, in one statement; an unknown wallet gives an
    empty page."""
    way = limits.check_choice("direction", direction, TransferDirection)
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    offset = convert.decode_cursor(after)
    rows = graph.read("investigations/wallet_transfers", {
        "wallets": list(dict.fromkeys(wallets)), "direction": way.value,
        "since": convert.utc(since), "until": convert.utc(until), "min_amount": min_amount,
        "assets": list(assets), "newest": newest_first, "offset": offset, "first": first,
        "max_total": MAX_TOTAL,
    }, timeout_s=timeout_s)
    found = {r["wallet"]: _page(int(r["total"]), native(r["page"]), offset, first) for r in rows}
    return {w: found.get(w) or _page(0, [], offset, first) for w in wallets}


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
    rows = graph.read("investigations/organization_wallets", {
        "id": organisation, "offset": offset, "first": first}, timeout_s=timeout_s)
    if not rows:
        return WalletIdPage((), 0, None, False)
    ids = tuple(rows[0]["page"])
    page = ids[:first]
    return WalletIdPage(page, int(rows[0]["total"]),
                        convert.encode_cursor(offset + len(page)) if page else None,
                        len(ids) > first)
