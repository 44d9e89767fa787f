"""The two untimed exposure methods, computed over the region fetched by exposure.py.

(HAIRCUT_TIMED, which applies time order, replays the same region's ledger with the value
trace's engine: exposure_timed.py.)

Notation: in(x, a) is the set of transfers into wallet x in asset a (summed per sender),
risky_C(x) whether x is a source of category C, N = max_hops.

HAIRCUT (proportional): f_0(x) = 1 if risky_C(x) else 0; for k > 0,
f_k(x) = 1 if risky_C(x), else sum(amount(e) * f_{k-1}(from(e)) for e in in(x, a)) /
sum(amount(e) for e in in(x, a)), and 0 when x has no inflow in a or is a supernode (not
expanded). Each wallet passes on the risky fraction of its inflow in the same asset;
time order is not applied (all recorded transfers form one pool). The target's exposure is
sum(amount(e) * f_{N-1}(from(e))) over transfers e into the target from outside it.

ANY_CONTACT: g_0(x) = risky_C(x); g_k(x) = risky_C(x) or any sender y of x (any asset) with
g_{k-1}(y). The target's exposure is the full amount of every transfer e into the target
whose sender has g_{N-1}(from(e)).

Direct exposure (1 hop) is the same for both methods: transfers from risky senders.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edge:
    """Transfers from one wallet to another in one asset, summed."""

    sender: str
    receiver: str
    asset: str
    amount: float
    transfers: int


class Region:
    """Inflow edges of the expanded wallets, indexed for the recursions."""

    def __init__(self, edges: list[Edge], expanded: set[str]) -> None:
        self.expanded = expanded
        self.inflow: dict[tuple[str, str], list[Edge]] = defaultdict(list)
        self.senders: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            self.inflow[(e.receiver, e.asset)].append(e)
            self.senders[e.receiver].add(e.sender)

    def haircut(self, risky: Callable[[str], bool]) -> Callable[[str, str, int], float]:
        """f(wallet, asset, k): the risky fraction of the wallet's inflow in that asset."""

        @functools.cache
        def f(wallet: str, asset: str, k: int) -> float:
            if risky(wallet):
                return 1.0
            edges = self.inflow.get((wallet, asset), [])
            total = sum(e.amount for e in edges)
            if k == 0 or wallet not in self.expanded or total <= 0:
                return 0.0
            return sum(e.amount * f(e.sender, asset, k - 1) for e in edges) / total

        return f

    def contact(self, risky: Callable[[str], bool]) -> Callable[[str, int], bool]:
        """g(wallet, k): a risky wallet is within k links back from the wallet."""

        @functools.cache
        def g(wallet: str, k: int) -> bool:
            if risky(wallet):
                return True
            if k == 0 or wallet not in self.expanded:
                return False
            return any(g(sender, k - 1) for sender in sorted(self.senders.get(wallet, ())))

        return g
