"""BACKWARD value tracing, FIFO and LIFO: what funded each outflow of one wallet.

The forward replay's lot pools (taint_pools) with the wallet's own inflow transfers as labels
instead of tainted/clean: replaying one wallet's ledger in the same (ts, tx, index, id) order,
each outflow gets its funding, the pieces of earlier inflows it spent and the shortfall
(what it paid beyond what the wallet was known to hold). A piece is (inflow id, start, end)
in the inflow's own units; None stands for the shortfall. FIFO takes the oldest units first
and LIFO the newest, as positions, so that a piece of an inflow maps onto the pieces its
sender spent for it. A funding depends only on the wallet's own ledger, so each wallet is
replayed once, when the demand first reaches it. HAIRCUT: taint_backward_haircut.
"""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass
from typing import Any

from graph.investigate.types_value import TraceMethod

Piece = tuple[str | None, int, int]
Span = tuple[int, int]  # units [start, end) of one transfer
Demand = int | list[Span]  # HAIRCUT and POISON: base units; FIFO and LIFO: unit intervals


@dataclass(frozen=True)
class Funding:
    pieces: tuple[Piece, ...]
    funded_before: bool  # the wallet had received something (this asset) before paying


def split(total: int, weights: dict[Any, int]) -> dict[Any, int]:
    """`total` over `weights` in proportion, floored, the remainder to the largest fractions
    (ties in key order): the parts add up to `total` exactly."""
    whole = sum(weights.values())
    if whole <= 0 or total <= 0:
        return {}
    parts = {k: total * w // whole for k, w in weights.items()}
    left = total - sum(parts.values())
    if left:
        rests = ((total * w % whole, i, k) for i, (k, w) in enumerate(weights.items()))
        for _, _, k in heapq.nlargest(left, rests, key=lambda r: (r[0], -r[1])):
            parts[k] += 1
    return parts


class _Lots:
    def __init__(self, newest_first: bool) -> None:
        self.lots: deque[list[Any]] = deque()  # [inflow id, start, end]
        self.newest_first = newest_first

    def receive(self, tid: str, amount: int) -> None:
        self.lots.append([tid, 0, amount])

    def send(self, amount: int) -> list[Piece]:
        pieces: list[Piece] = []
        left = amount
        while left > 0 and self.lots:
            lot = self.lots[-1] if self.newest_first else self.lots[0]
            u = min(left, lot[2] - lot[1])
            if self.newest_first:  # the newest units are the inflow's last ones
                pieces.append((lot[0], lot[2] - u, lot[2]))
                lot[2] -= u
            else:
                pieces.append((lot[0], lot[1], lot[1] + u))
                lot[1] += u
            left -= u
            if lot[1] >= lot[2]:
                self.lots.pop() if self.newest_first else self.lots.popleft()
        return [*pieces, (None, 0, left)] if left > 0 else pieces


def fundings(method: TraceMethod, wallet: str,
             ledger: list[tuple[dict[str, Any], int]]) -> dict[str, Funding]:
    """Per outflow id of `wallet`, its funding (FIFO, LIFO); `ledger` is one asset's, in
    replay order. HAIRCUT: taint_backward_haircut."""
    pool = _Lots(method is TraceMethod.LIFO)
    out: dict[str, Funding] = {}
    funded = False
    for t, amount in ledger:
        tid = str(t["id"])
        if t["from"] == t["to"]:
            continue  # a move to itself funds nothing new (the backward walk skips it)
        if t["from"] == wallet:
            out[tid] = Funding(tuple(pool.send(amount)), funded)
        if t["to"] == wallet:
            pool.receive(tid, amount)
            funded = True
    return out


def size(d: Demand) -> int:
    return d if isinstance(d, int) else sum(e - s for s, e in d)


def parts(pieces: tuple[Piece, ...], d: Demand) -> list[tuple[Piece, Demand]]:
    if isinstance(d, int):  # FIFO and LIFO carry intervals
        raise TypeError("a FIFO/LIFO demand is a list of unit intervals")
    out: list[tuple[Piece, Demand]] = []
    offset = 0
    for p in pieces:  # FIFO/LIFO: the demanded units of this transfer, piece by piece
        length = p[2] - p[1]
        spans = [(p[1] + max(s, offset) - offset, p[1] + min(e, offset + length) - offset)
                 for s, e in d if s < offset + length and e > offset]
        if spans:
            out.append((p, spans))
        offset += length
    return out


def add(demand: dict[str, Demand], tid: str, part: Demand) -> None:
    have = demand.get(tid)
    if have is None:
        demand[tid] = part
    elif isinstance(have, int) and isinstance(part, int):
        demand[tid] = have + part
    elif isinstance(have, list) and isinstance(part, list):
        demand[tid] = _merge(have + part)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
