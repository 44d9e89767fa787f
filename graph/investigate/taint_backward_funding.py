"""BACKWARD value tracing, step 1: what funded each outflow of one wallet.

The forward replay's pools (taint_pools) with the wallet's own inflow transfers as labels
instead of tainted/clean: replaying one wallet's ledger in the same (ts, tx, index, id) order,
each outflow gets its funding, the pieces of earlier inflows it spent and the shortfall
(what it paid beyond what the wallet was known to hold). A piece is (inflow id, start, end)
in the inflow's own units; None stands for the shortfall. HAIRCUT takes every inflow still
in the pool in proportion (start 0, end = units; exact integers, the remainder to the largest
fractions); FIFO takes the oldest units first and LIFO the newest, as positions, so that a
piece of an inflow maps onto the pieces its sender spent for it. A funding depends only on the
wallet's own ledger, so each wallet is replayed once, when the demand first reaches it.
"""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass
from typing import Any

from graph.investigate.types_value import TraceMethod

Piece = tuple[str | None, int, int]


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


class _Haircut:
    def __init__(self) -> None:
        self.units: dict[str, int] = {}

    def receive(self, tid: str, amount: int) -> None:
        self.units[tid] = self.units.get(tid, 0) + amount

    def send(self, amount: int) -> list[Piece]:
        held = sum(self.units.values())
        parts = split(min(amount, held), self.units)
        for tid, u in parts.items():
            self.units[tid] -= u
            if not self.units[tid]:
                del self.units[tid]
        pieces: list[Piece] = [(tid, 0, u) for tid, u in parts.items() if u]
        return [*pieces, (None, 0, amount - held)] if amount > held else pieces


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
    """Per outflow id of `wallet`, its funding; `ledger` is one asset's, in replay order."""
    pool = _Haircut() if method is TraceMethod.HAIRCUT else _Lots(method is TraceMethod.LIFO)
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
