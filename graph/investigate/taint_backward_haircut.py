"""BACKWARD HAIRCUT at one wallet: the demand on its payments, back to its inflows, in one pass.

A haircut pool scales every unit it holds by r_j = (B_j - taken_j) / B_j at each payment j
(B_j: the balance before it, taken_j = min(a_j, B_j), the rest of a_j is the shortfall), so
inflow i still has amount_i x prod(r_j, i < j < k) in the pool when payment k takes the share
taken_k / B_k of it. The traced part t_k of the demand on k (split taken_k : shortfall) thus
reaches inflow i as amount_i x sum(t_k / B_k x prod(r_j, i < j < k), k > i): walking the
ledger from the latest back, one accumulator A <- t_k / B_k + r_k x A per payment gives each
inflow its share, amount_i x A, in O(1). (A pool labelled by inflow was O(inflows x payments):
171 s for a wallet with 5 000 of each.) Shares are rounded to base units; the earliest inflow
of each epoch (since the pool was last empty) takes what is left of the epoch's traced demand,
so the integers add up exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.investigate.taint_backward_funding import split


@dataclass(frozen=True)
class _Pay:
    amount: int
    held: int  # the known balance just before the payment
    taken: int
    funded_before: bool


class HaircutBack:
    """One wallet's ledger (one asset, replay order); call pay() for every payment and
    receive() for every inflow, from the latest back."""

    def __init__(self, wallet: str, ledger: list[tuple[dict[str, Any], int]]) -> None:
        self.pays: dict[str, _Pay] = {}
        self.earliest: set[str] = set()
        held, funded, empty = 0, False, True
        for t, amount in ledger:
            tid = str(t["id"])
            if t["from"] == wallet:
                taken = min(amount, held)
                self.pays[tid] = _Pay(amount, held, taken, funded)
                held -= taken
                empty = empty or held == 0
            elif t["to"] == wallet:
                if empty:
                    self.earliest.add(tid)
                held, funded, empty = held + amount, True, False
        self.acc = 0.0
        self.pending = 0  # traced demand not yet given to an inflow

    def pay(self, tid: str, demand: int) -> tuple[int, int, bool]:
        """(traced to the inflows, shortfall, funded before) of the demand on payment tid."""
        p = self.pays.get(tid)
        if p is None:
            return 0, demand, False
        traced = split(demand, {0: p.taken, 1: p.amount - p.taken}).get(0, 0)
        ratio = (p.held - p.taken) / p.held if p.held else 0.0
        self.acc = (traced / p.held if p.held else 0.0) + ratio * self.acc
        self.pending += traced
        return traced, demand - traced, p.funded_before

    def receive(self, tid: str, amount: int) -> int:
        """The demand on inflow tid (base units)."""
        share = self.pending if tid in self.earliest else min(
            self.pending, round(amount * self.acc))
        self.pending -= share
        return share
