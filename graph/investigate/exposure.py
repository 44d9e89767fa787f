"""Exposure: the share of a target's inflow from sanctioned, scam- or compound-linked sources.

Risk is derived as in docs/MODEL.md (see cypher/investigations/wallet_risk.cypher); the
methods and their formulas are in exposure_math.py (HAIRCUT_TIMED: exposure_timed.py) and
travel with every result as text, with the time treatment as a field. An
organisation's target wallets are its group's (groups.py): its own, its resolved cluster's and
those of the organisations it controls.
"""

from __future__ import annotations

from collections import defaultdict

from graph.db import Graph
from graph.investigate import exposure_timed, limits
from graph.investigate.exposure_math import Edge, Region
from graph.investigate.groups import group
from graph.investigate.supernodes import degree_threshold
from graph.investigate.trace import SUPERNODE_TAGS
from graph.investigate.types import (
    AssetAmount,
    AssetShare,
    CategoryExposure,
    EntityId,
    ExposureMethod,
    ExposureResult,
    RiskCategory,
    TimeTreatment,
)
from scamgraph.errors import NotFoundError

SCAM_CATEGORIES = ["scam", "fraud", "ransomware", "darknet"]
# Wallets expanded per level of the backward region.
MAX_WALLETS = 50_000
EXPLANATIONS = {
    ExposureMethod.HAIRCUT: (
        "Proportional haircut, per asset, time order NOT applied: a risky source passes on all "
        "it sends; any other wallet x passes on the fraction f(x) = sum(in * f(sender)) / "
        "sum(in) of all its recorded inflow in that asset (received before or after it paid), "
        "looked up to max_hops - 1 links back (0 beyond, and for supernodes, which are not "
        "expanded). Exposure = sum over transfers into the target from outside it of "
        "amount * f(sender); share = exposure / inflow of that asset."
    ),
    ExposureMethod.HAIRCUT_TIMED: (
        "Time-ordered proportional haircut, per asset, in integer base units (the forward "
        "trace's HAIRCUT): replaying the region's transfers in time order, a risky source "
        "passes on all it sends; any other wallet within max_hops - 1 links back holds a pool "
        "and each payment carries risky = pool_risky * amount // max(pool_total, amount) of it "
        "(value received after the payment does not count; an outflow larger than the known "
        "pool draws the rest from unknown, clean funds). Wallets beyond, supernodes and the "
        "target's own wallets pass on nothing risky unless risky themselves. Exposure = the "
        "risky value carried into the target from outside it; share = exposure / inflow."
    ),
    ExposureMethod.ANY_CONTACT: (
        "Any contact, time order NOT applied: a transfer into the target counts in full when "
        "its sender is a risky source or received (in any asset, at any time) from a wallet "
        "that is one, within max_hops links in all; supernodes are not expanded. Share = "
        "counted amount / inflow of that asset."
    ),
}
TIME = {ExposureMethod.HAIRCUT: TimeTreatment.UNORDERED,
        ExposureMethod.HAIRCUT_TIMED: TimeTreatment.TIME_ORDERED,
        ExposureMethod.ANY_CONTACT: TimeTreatment.UNORDERED}


def _region(graph: Graph, targets: list[str], max_hops: int, timeout_s: float | None,
            max_wallets: int) -> tuple[list[Edge], set[str], bool]:
    row = graph.read("investigations/exposure_region", {
        "targets": targets, "max_hops": max_hops, "supernode_degree": degree_threshold(),
        "supernode_tags": SUPERNODE_TAGS, "max_wallets": max_wallets,
    }, timeout_s=timeout_s)[0]
    edges = [Edge(e["from"], e["to"], e["asset"] or "", float(e["amount"] or 0.0), int(e["n"]))
             for e in row["edges"]]
    return edges, set(row["expanded"]), bool(row["cut"])


def _risk(graph: Graph, wallets: list[str], timeout_s: float | None,
          ) -> dict[RiskCategory, set[str]]:
    rows = graph.read("investigations/wallet_risk",
                      {"wallets": wallets, "scam_categories": SCAM_CATEGORIES}, timeout_s=timeout_s)
    risky: dict[RiskCategory, set[str]] = {c: set() for c in RiskCategory}
    for row in rows:
        for category in RiskCategory:
            if row[category.value.lower()]:
                risky[category].add(row["wallet"])
    return risky


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _shares(sums: dict[str, float], inflow: dict[str, float]) -> tuple[AssetShare, ...]:
    return tuple(AssetShare(a, sums.get(a, 0.0), _ratio(sums.get(a, 0.0), inflow[a]))
                 for a in sorted(inflow))


def _category(category: RiskCategory, incoming: list[Edge], inflow: dict[str, float],
              risky: set[str], indirect: tuple[AssetShare, ...]) -> CategoryExposure:
    """Direct (from risky senders, the same for every method) beside the method's indirect."""
    near: dict[str, float] = defaultdict(float)
    for e in incoming:
        near[e.asset] += e.amount if e.sender in risky else 0.0
    far = sum(a.amount for a in indirect)
    total = sum(inflow.values())
    return CategoryExposure(
        category=category, direct=_shares(near, inflow), indirect=indirect,
        direct_amount=sum(near.values()), direct_share=_ratio(sum(near.values()), total),
        indirect_amount=far, indirect_share=_ratio(far, total),
        direct_sources=tuple(sorted({e.sender for e in incoming if e.sender in risky})),
    )


def _untimed(region: Region, risky: set[str], method: ExposureMethod, max_hops: int,
             incoming: list[Edge], inflow: dict[str, float]) -> tuple[AssetShare, ...]:
    """Indirect exposure of HAIRCUT and ANY_CONTACT: a weight per incoming edge."""
    f = region.haircut(risky.__contains__)
    g = region.contact(risky.__contains__)

    def weight(e: Edge) -> float:
        if method is ExposureMethod.HAIRCUT:
            return e.amount * f(e.sender, e.asset, max_hops - 1)
        return e.amount if g(e.sender, max_hops - 1) else 0.0

    far: dict[str, float] = defaultdict(float)
    for e in incoming:
        far[e.asset] += weight(e)
    return _shares(far, inflow)


def _hop_cut(graph: Graph, edges: list[Edge], expanded: set[str], max_hops: int,
             timeout_s: float | None) -> bool:
    """Whether senders on the last level would be expanded with one more hop (and have inflow)."""
    last = sorted({e.sender for e in edges} - expanded)
    if not last:
        return False
    row = graph.read("investigations/exposure_beyond", {
        "wallets": last, "supernode_degree": degree_threshold(),
        "supernode_tags": SUPERNODE_TAGS}, timeout_s=timeout_s)[0]
    return bool(row["beyond"])


def _targets(graph: Graph, target: EntityId, timeout_s: float | None) -> list[str]:
    """The target's wallets: its own, its group's and its cluster's (groups.py)."""
    found = group(graph, target, timeout_s)
    reason = found.no_wallet_reason()
    if reason:
        raise NotFoundError(reason, hint="pass a wallet id or an entity that controls wallets")
    return list(found.wallets)


def _inflow(incoming: list[Edge]) -> tuple[dict[str, float], tuple[AssetAmount, ...]]:
    """Inflow per asset, as a lookup and as reported inputs (with transfer counts)."""
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for e in incoming:
        sums[e.asset] += e.amount
        counts[e.asset] += e.transfers
    return sums, tuple(AssetAmount(a, sums[a], counts[a]) for a in sorted(sums))


def exposure(
    graph: Graph, target: EntityId, max_hops: int = 3,
    method: ExposureMethod | str = ExposureMethod.HAIRCUT_TIMED, *,
    timeout_s: float | None = None,
    max_wallets: int = MAX_WALLETS,
) -> ExposureResult:
    """Shares of the target's inflow per asset from risky sources, directly and within max_hops."""
    limits.check_range("max_hops", max_hops, 1, limits.MAX_HOPS)
    limits.check_range("max_wallets", max_wallets, 1, MAX_WALLETS)
    chosen = limits.check_choice("method", method, ExposureMethod)
    targets = _targets(graph, target, timeout_s)
    edges, expanded, cut = _region(graph, targets, max_hops, timeout_s, max_wallets)
    region = Region(edges, expanded)
    risky = _risk(graph, sorted({e.sender for e in edges}), timeout_s)
    incoming = [e for e in edges if e.receiver in targets and e.sender not in targets]
    inflow, inputs = _inflow(incoming)
    reasons = [f"wallets past max_wallets={max_wallets} on a level were not expanded"] if cut \
        else []
    if chosen is ExposureMethod.HAIRCUT_TIMED:
        ledger = exposure_timed.fetch_ledger(graph, targets, expanded, timeout_s)
        if ledger.cut:
            reasons.append(f"ledger past max_transfers={exposure_timed.MAX_TRANSFERS} not replayed")
        indirect = {c: exposure_timed.timed_shares(ledger, risky[c], max_hops, inflow)
                    for c in RiskCategory}
    else:
        indirect = {c: _untimed(region, risky[c], chosen, max_hops, incoming, inflow)
                    for c in RiskCategory}
    categories = tuple(_category(c, incoming, inflow, risky[c], indirect[c]) for c in RiskCategory)
    hop_cut = _hop_cut(graph, edges, expanded, max_hops, timeout_s)
    return ExposureResult(
        target=target, target_wallets=tuple(targets), method=chosen, max_hops=max_hops,
        inflow=inputs, categories=categories, explanation=EXPLANATIONS[chosen],
        partial=bool(reasons), reason="; ".join(reasons) or None, time_treatment=TIME[chosen],
        hop_cut=hop_cut, more_hops=max_hops + 1 if hop_cut and max_hops < limits.MAX_HOPS
        else None,
    )
