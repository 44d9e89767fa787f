"""What one wallet holds of the seeds' value, per tracing method (see taint.py for the rules).

Amounts are integer base units. A transfer moves a `Carried`: how much of it is the seeds'
value (`taint`, integer base units) and, for FIFO and LIFO, the lots it is made of in the
order the sender spent them. HAIRCUT floors each transfer's share to the base unit and leaves
the fraction with the sender, so sums stay exact and nothing is lost to rounding. A wallet's
balance before the window is unknown: an outflow larger than what the wallet is known to hold
draws the shortfall from unknown funds, which count as clean.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Protocol

from graph.investigate.types_value import TraceMethod

Lot = tuple[bool, int]  # (is the seeds' value, base units)


@dataclass(frozen=True)
class Carried:
    """The seeds' share of one transfer."""

    taint: int
    lots: tuple[Lot, ...] = ()

    @classmethod
    def clean(cls, amount: int) -> Carried:
        return cls(0, ((False, amount),))

    @classmethod
    def tainted(cls, amount: int) -> Carried:
        return cls(amount, ((True, amount),))


class Pool(Protocol):
    def receive(self, amount: int, carried: Carried) -> None: ...

    def send(self, amount: int) -> Carried: ...


class HaircutPool:
    """One balance; every outflow carries the tainted/total ratio at that moment."""

    def __init__(self) -> None:
        self.total = 0
        self.taint = 0

    def receive(self, amount: int, carried: Carried) -> None:
        self.total += amount
        self.taint += carried.taint

    def send(self, amount: int) -> Carried:
        if amount <= 0 or self.total <= 0:
            self.total = max(self.total - amount, 0)
            return Carried(0)
        # Shortfall beyond the known balance is clean unknown money: the ratio is over max().
        # Floored: taint - carried <= total - amount still holds, so taint never exceeds total.
        carried = self.taint * amount // max(self.total, amount)
        self.taint -= carried
        self.total = max(self.total - amount, 0)
        return Carried(carried)


class LotPool:
    """Received lots in order; FIFO spends the oldest first, LIFO the newest first."""

    def __init__(self, newest_first: bool) -> None:
        self.lots: deque[list[int]] = deque()  # [1 if tainted else 0, amount]
        self.newest_first = newest_first

    def receive(self, amount: int, carried: Carried) -> None:
        for is_taint, units in carried.lots or ((False, amount),):
            if units > 0:
                self.lots.append([int(is_taint), units])

    def send(self, amount: int) -> Carried:
        taken: list[Lot] = []
        left = amount
        while left > 0 and self.lots:
            lot = self.lots[-1] if self.newest_first else self.lots[0]
            units = min(left, lot[1])
            taken.append((bool(lot[0]), units))
            lot[1] -= units
            left -= units
            if lot[1] == 0:
                self.lots.pop() if self.newest_first else self.lots.popleft()
        if left > 0:
            taken.append((False, left))  # the shortfall: clean unknown funds
        return Carried(sum(u for t, u in taken if t), tuple(taken))


class PoisonPool:
    """Tainted from its first tainted receipt on; every later outflow is tainted in full."""

    def __init__(self) -> None:
        self.poisoned = False

    def receive(self, amount: int, carried: Carried) -> None:
        self.poisoned = self.poisoned or carried.taint > 0

    def send(self, amount: int) -> Carried:
        return Carried.tainted(amount) if self.poisoned else Carried.clean(amount)


def new_pool(method: TraceMethod) -> Pool:
    if method is TraceMethod.HAIRCUT:
        return HaircutPool()
    if method is TraceMethod.POISON:
        return PoisonPool()
    if method in (TraceMethod.FIFO, TraceMethod.LIFO):
        return LotPool(newest_first=method is TraceMethod.LIFO)
    raise ValueError(f"{method.value} is not a value-tracing method")
