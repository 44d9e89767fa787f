"""Evidence routes of a value trace: from the seeds to the transfer that entered an entity.

A value trace knows which transfers carried some of the seeds' value (`Flow.inflows`), not one
path per amount: under HAIRCUT every carried unit is a mix of all a wallet received. For the
evidence shown beside an amount, the route is walked back from the entering transfer: at each
wallet, the inflow that carried the most value and could have funded the transfer after it
(forward: no later than it; BACKWARD flows are read upstream, so no earlier), until a seed
(seeds receive no tainted inflows) or `cap` hops. The route is illustrative: the largest
contributor at each step, not the only one; the amounts stay the method's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

Carried = tuple[dict[str, Any], int]


@dataclass
class _Inflows:
    """One wallet's carrying inflows by time, with the best (most value) up to / from each."""

    stamps: list[Any]
    best_up_to: list[int]
    best_from: list[int]
    rows: list[Carried]

    @classmethod
    def of(cls, rows: list[Carried]) -> _Inflows:
        rows = sorted(rows, key=lambda r: (r[0]["ts"], str(r[0]["id"])))
        up, down = [0] * len(rows), [0] * len(rows)
        for i in range(1, len(rows)):
            up[i] = i if rows[i][1] > rows[up[i - 1]][1] else up[i - 1]
        if rows:
            down[-1] = len(rows) - 1
        for i in range(len(rows) - 2, -1, -1):
            down[i] = i if rows[i][1] >= rows[down[i + 1]][1] else down[i + 1]
        return cls([r[0]["ts"] for r in rows], up, down, rows)

    def funding(self, ts: Any, forward: bool) -> dict[str, Any] | None:
        if forward:
            i = bisect_right(self.stamps, ts) - 1
            return self.rows[self.best_up_to[i]][0] if i >= 0 else None
        j = bisect_left(self.stamps, ts)
        return self.rows[self.best_from[j]][0] if j < len(self.rows) else None


@dataclass
class Routes:
    """Routes back to the seeds through the transfers that carried value (one asset)."""

    carried: list[Carried]
    forward: bool
    cap: int
    _by_wallet: dict[str, _Inflows] = field(default_factory=dict)
    _grouped: dict[str, list[Carried]] | None = None

    def route(self, entering: dict[str, Any]) -> list[dict[str, Any]]:
        """The transfers from a seed to `entering`, seed side first."""
        path, seen, cur = [entering], {entering["to"]}, entering
        while len(path) < self.cap and cur["from"] not in seen:
            seen.add(cur["from"])
            inflows = self._inflows(cur["from"])
            before = inflows.funding(cur["ts"], self.forward) if inflows else None
            if before is None:
                break
            path.append(before)
            cur = before
        return path[::-1]

    def _inflows(self, wallet: str) -> _Inflows | None:
        if self._grouped is None:
            self._grouped = {}
            for row in self.carried:
                self._grouped.setdefault(row[0]["to"], []).append(row)
        if wallet not in self._by_wallet:
            rows = self._grouped.get(wallet)
            if not rows:
                return None
            self._by_wallet[wallet] = _Inflows.of(rows)
        return self._by_wallet[wallet]
