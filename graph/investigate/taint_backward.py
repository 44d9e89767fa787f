"""BACKWARD value tracing: which origins funded what the seeds received.

The forward replay reversed (docs/INVESTIGATIONS.md, "Backward by value"). Every transfer the
seeds receive in the window (from wallets that are not seeds) is demand; the region's
transfers are walked from the latest back, and the demand on a transfer is passed to what
funded it at its sender, from the sender's own ledger in replay order, so a payment is only
funded by value received before it: HAIRCUT in proportion to the sender's pool at that
moment (taint_backward_haircut), FIFO/LIFO as the very units it spent (taint_backward_funding:
unit intervals), the shortfall to the sender. The walk ends at a sender with no earlier
funding (an origin: attributed to it), at a stop or supernode (attributed), at a seed
(returned), below min_amount, past the hop cap or a budget (dropped); a shortfall after
earlier funding is the sender's balance from before the window or with no recorded source
(unexplained). POISON marks every transfer that could have funded the seeds (any earlier
inflow of a marked payment's sender), each in full.

The amounts fill a forward Flow read upstream (taint_result reads it as it is): `received`
is the value leaving a wallet toward the seeds, `passed` the part traced on to its own
funders, and `inflows` hold the transfers reversed (from the receiver's side).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.investigate.taint_backward_funding import Demand, Funding, add, fundings, parts, size
from graph.investigate.taint_backward_haircut import HaircutBack
from graph.investigate.taint_sim import Flow, Region, _ordered
from graph.investigate.types_value import TraceMethod


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
    haircuts: dict[tuple[str, str], HaircutBack] = field(default_factory=dict)

    def haircut(self, asset: str, wallet: str) -> HaircutBack:
        key = (asset, wallet)
        if key not in self.haircuts:
            self.haircuts[key] = HaircutBack(wallet, self.ledgers.get(key, []))
        return self.haircuts[key]

    def funding(self, asset: str, wallet: str, tid: str, amount: int) -> Funding:
        key = (asset, wallet)
        if key not in self.funded:
            self.funded[key] = fundings(self.method, wallet, self.ledgers.get(key, []))
        # Every transfer of a simulated sender is in its ledger; were one not, it would count
        # as unfunded rather than be lost.
        return self.funded[key].get(tid) or Funding(((None, 0, amount),), False)


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
    haircut = method is TraceMethod.HAIRCUT
    for t, amount in reversed(rows):
        tid, asset = str(t["id"]), t.get("asset") or ""
        if haircut and region.simulated(t["to"]) and (
                got := state.haircut(asset, t["to"]).receive(tid, amount)):
            state.demand[tid] = got
        d = state.demand.pop(tid, None)
        rest = _step(state, out[asset], t, amount, d, min_amount) if d is not None else 0
        if haircut and region.simulated(t["from"]):  # with demand or not, it thins the pool
            _haircut(state, out[asset], t, rest if isinstance(rest, int) else 0)
    return {a: s for a, s in out.items() if s.received}


def _step(state: _Walk, src: Sources, t: dict[str, Any], amount: int, d: Demand,
          min_amount: float | None) -> Demand:
    """Where the demand d on t goes; what is left for a HAIRCUT sender's pool (0: none)."""
    region, flow, units = state.region, src.flow, size(d)
    a, b = t["from"], t["to"]
    if min_amount is not None and float(t.get("amount") or 0) < min_amount:
        flow.dropped_min_amount += units
        return 0
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
        elif state.method is TraceMethod.HAIRCUT:
            return d
        elif state.method is TraceMethod.POISON:
            key = (t.get("asset") or "", a)
            if state.first_in.get(key, len(state.position)) < state.position[str(t["id"])]:
                flow.passed[a] += units  # funded before it paid: the marks go on
            _poison(state, t, a)
        else:
            _spread(state, src, t, amount, d)
    return 0


def _haircut(state: _Walk, src: Sources, t: dict[str, Any], d: int) -> None:
    """Every payment of a HAIRCUT wallet passes its pool, with demand d or none (0)."""
    a = t["from"]
    traced, short, funded_before = state.haircut(t.get("asset") or "", a).pay(str(t["id"]), d)
    src.flow.passed[a] += traced
    if funded_before:
        src.unexplained += short
    else:
        src.attributed += short  # no earlier funding: the walk ends at a


def _spread(state: _Walk, src: Sources, t: dict[str, Any], amount: int, d: Demand) -> None:
    a = t["from"]
    f = state.funding(t.get("asset") or "", a, str(t["id"]), amount)
    for piece, part in parts(f.pieces, d):
        if piece[0] is None:
            if f.funded_before:
                src.unexplained += size(part)
            else:
                src.attributed += size(part)  # no earlier funding: the walk ends at a
            continue
        src.flow.passed[a] += size(part)
        add(state.demand, piece[0], part)


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
