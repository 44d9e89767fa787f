"""BACKWARD value tracing: which origins funded what the seeds received (rules in taint.py).

The forward replay reversed. Every transfer the seeds receive in the window (from wallets
that are not seeds) is demand; the region's transfers are walked from the latest back, and
the demand on a transfer is passed to what funded it at its sender (taint_backward_funding:
the sender's own pool replayed forward, so a payment is only funded by value received before
it): HAIRCUT in proportion, FIFO/LIFO as the very units it spent (intervals), the shortfall
to the sender itself. The walk ends at a sender with no earlier funding (an origin, the value
is attributed to it), at a stop or supernode (attributed), at a seed (returned), below
min_amount, past the hop cap or a budget (dropped); a shortfall after earlier funding is the
sender's balance from before the window or with no recorded source (unexplained).
POISON marks every transfer that could have funded the seeds (any earlier inflow of a marked
payment's sender), each in full.

The amounts fill a forward Flow read upstream (taint_result reads it as it is): `received`
is the value leaving a wallet toward the seeds, `passed` the part traced on to its own
funders, and `inflows` hold the transfers reversed (from the receiver's side).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.investigate.taint_backward_funding import Funding, Piece, fundings, split
from graph.investigate.taint_sim import Flow, Region, _ordered
from graph.investigate.types_value import TraceMethod

Span = tuple[int, int]  # units [start, end) of one transfer
Demand = int | list[Span]


@dataclass
class Sources:
    """The seeds' received value in one asset and where the walk attributed it."""

    flow: Flow = field(default_factory=Flow)
    received: int = 0
    attributed: int = 0
    unexplained: int = 0


@dataclass
class _Walk:
    method: TraceMethod
    region: Region
    ledgers: dict[tuple[str, str], list[tuple[dict[str, Any], int]]]
    demand: dict[str, Demand] = field(default_factory=dict)
    funded: dict[tuple[str, str], dict[str, Funding]] = field(default_factory=dict)
    marked: set[tuple[str, str]] = field(default_factory=set)  # POISON: wallets done
    first_in: dict[tuple[str, str], int] = field(default_factory=dict)  # earliest inflow
    position: dict[str, int] = field(default_factory=dict)  # transfer id -> replay position

    def funding(self, asset: str, wallet: str, tid: str) -> Funding:
        key = (asset, wallet)
        if key not in self.funded:
            self.funded[key] = fundings(self.method, wallet, self.ledgers.get(key, []))
        return self.funded[key].get(tid, Funding(((None, 0, 0),), False))


def size(d: Demand) -> int:
    return d if isinstance(d, int) else sum(e - s for s, e in d)


def walk(method: TraceMethod, region: Region, min_amount: float | None) -> dict[str, Sources]:
    """Per asset, where the value the seeds received came from."""
    rows = [(t, a) for t, a in _ordered(region.transfers) if t["from"] != t["to"]]
    ledgers: dict[tuple[str, str], list[tuple[dict[str, Any], int]]] = defaultdict(list)
    out: dict[str, Sources] = defaultdict(Sources)
    state = _Walk(method, region, ledgers)
    for i, (t, amount) in enumerate(rows):
        asset = t.get("asset") or ""
        state.position[str(t["id"])] = i
        state.first_in.setdefault((asset, t["to"]), i)
        for w in {t["from"], t["to"]}:
            if region.simulated(w):
                ledgers[(asset, w)].append((t, amount))
        if t["to"] in region.seeds and t["from"] not in region.seeds:
            lots = method in (TraceMethod.FIFO, TraceMethod.LIFO)
            state.demand[str(t["id"])] = [(0, amount)] if lots else amount
            out[asset].received += amount
        if out[asset].flow.decimals is None and t.get("decimals") is not None:
            out[asset].flow.decimals = int(t["decimals"])
    for t, amount in reversed(rows):
        d = state.demand.pop(str(t["id"]), None)
        if d is not None:
            _step(state, out[t.get("asset") or ""], t, amount, d, min_amount)
    return {a: s for a, s in out.items() if s.received}


def _step(state: _Walk, src: Sources, t: dict[str, Any], amount: int, d: Demand,
          min_amount: float | None) -> None:
    region, flow, units = state.region, src.flow, size(d)
    a, b = t["from"], t["to"]
    if min_amount is not None and float(t.get("amount") or 0) < min_amount:
        flow.dropped_min_amount += units
    elif a in region.seeds:
        flow.returned += units
    elif a not in region.reached:
        if region.cut and region.reached.get(b, (0, True, None))[0] < region.max_hops:
            flow.dropped_budget += units
        else:
            flow.dropped_hop_cap += units
    else:
        flow.received[a] += units
        flow.inflows.append(({**t, "from": b, "to": a}, units))
        if not region.simulated(a):
            src.attributed += units  # a stop or a supernode keeps what it sent
        elif state.method is TraceMethod.POISON:
            key = (t.get("asset") or "", a)
            if state.first_in.get(key, len(state.position)) < state.position[str(t["id"])]:
                flow.passed[a] += units  # funded before it paid: the marks go on
            _poison(state, t, a)
        else:
            _spread(state, src, t, amount, d)


def _spread(state: _Walk, src: Sources, t: dict[str, Any], amount: int, d: Demand) -> None:
    a = t["from"]
    f = state.funding(t.get("asset") or "", a, str(t["id"]))
    for piece, part in _parts(f.pieces, d):
        if piece[0] is None:
            if f.funded_before:
                src.unexplained += size(part)
            else:
                src.attributed += size(part)  # no earlier funding: the walk ends at a
            continue
        src.flow.passed[a] += size(part)
        _add(state.demand, piece[0], part)


def _parts(pieces: tuple[Piece, ...], d: Demand) -> list[tuple[Piece, Demand]]:
    if isinstance(d, int):  # HAIRCUT: in proportion to the pieces
        shares = split(d, {i: p[2] - p[1] for i, p in enumerate(pieces)})
        return [(pieces[i], n) for i, n in shares.items() if n]
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


def _add(demand: dict[str, Demand], tid: str, part: Demand) -> None:
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


def _poison(state: _Walk, t: dict[str, Any], a: str) -> None:
    """Every inflow of `a` before `t` is marked in full (once per wallet: the latest payment
    reached first covers every earlier one)."""
    key = (t.get("asset") or "", a)
    if key in state.marked:
        return
    state.marked.add(key)
    for u, amount in state.ledgers.get(key, []):
        if u is t:
            break
        if u["to"] == a:
            state.demand.setdefault(str(u["id"]), amount)
