"""Value moved from one organisation's wallets to another's, per month and asset.

An organisation stands for its group (groups.py: its own wallets and those of the
organisations it controls, and its resolved cluster). A flow is a transfer that lands in a
wallet of B from a wallet that is not B's, at the end of
a time-ordered path of at most max_hops transfers starting in a wallet of A (the same path
enumeration as a forward trace: simple paths, not through A's wallets again, supernodes not
expanded). Each landing transfer counts once, in the month (UTC) of its timestamp. `direct`
holds the one-transfer paths, `within` every path up to max_hops (so it includes `direct`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC

from graph.db import Graph
from graph.investigate import limits
from graph.investigate.entities import get_entities
from graph.investigate.groups import group
from graph.investigate.trace import enumerate_paths
from graph.investigate.trace_aggregate import Traced
from graph.investigate.types import EntityId, FlowBucket, FlowResult, GroupBy, TraceParams
from scamgraph.errors import NotFoundError

AMOUNT_SEMANTICS = (
    "Sum of the distinct transfers that land in the destination's wallets from a wallet not its "
    "own, at the end of time-ordered paths of at most max_hops transfers starting in the "
    "source's wallets; bucketed by the UTC month of the landing transfer and by asset."
)


def _buckets(traced: Traced, transfer_ids: Iterable[str]) -> tuple[FlowBucket, ...]:
    sums: dict[tuple[str, str], float] = defaultdict(float)
    raws: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    decimals: dict[tuple[str, str], set[object]] = defaultdict(set)
    for tid in set(transfer_ids):
        hop = traced.hop(tid)
        key = (hop.ts.astimezone(UTC).strftime("%Y-%m"), hop.asset)
        sums[key] += hop.amount
        raws[key].append(hop.amount_raw)
        decimals[key].add(traced.transfers[tid].get("decimals"))
    return tuple(FlowBucket(p, a, sums[(p, a)], len(raws[(p, a)]), *_exact(
        raws[(p, a)], decimals[(p, a)])) for p, a in sorted(sums))


def _exact(raws: list[str | None], decimals: set[object]) -> tuple[str | None, int | None]:
    """The exact sum of base units and the one decimals they share, or None for what is not
    known for every transfer (a float sum is never turned into base units)."""
    total = sum(int(r) for r in raws if r is not None) if None not in raws else None
    [places] = decimals if len(decimals) == 1 else [None]
    return (None if total is None else str(total),
            places if isinstance(places, int) else None)


def _landing(traced: Traced, to_wallets: set[str]) -> tuple[list[str], list[str]]:
    """Transfer ids landing in `to_wallets` on one-hop paths and on all paths."""
    direct, within = [], []
    for ids, _ in traced.paths:
        t = traced.transfers[ids[-1]]
        if t["to"] in to_wallets and t["from"] not in to_wallets:
            within.append(ids[-1])
            if len(ids) == 1:
                direct.append(ids[-1])
    return direct, within


def flows(
    graph: Graph, from_org: EntityId, to_org: EntityId, max_hops: int = 3,
    group_by: GroupBy | str = GroupBy.MONTH, *, max_paths: int = 10_000,
    timeout_s: float | None = None,
) -> FlowResult:
    """Value moved from `from_org`'s wallets to `to_org`'s, directly and within max_hops."""
    limits.check_range("max_hops", max_hops, 1, limits.MAX_HOPS)
    limits.check_range("max_paths", max_paths, 1, limits.MAX_PATHS)
    grouping = limits.check_choice("group_by", group_by, GroupBy)
    missing = {from_org, to_org} - get_entities(graph, [from_org, to_org]).keys()
    if missing:
        raise NotFoundError(f"no entity with id {sorted(missing)[0]!r}",
                            hint="pass organisation ids as returned by search")
    params = TraceParams(seeds=(from_org,), max_hops=max_hops, max_paths=max_paths,
                         timeout_s=timeout_s)
    source, sink = group(graph, from_org, timeout_s), group(graph, to_org, timeout_s)
    seeds, to_wallets = list(source.wallets), set(sink.wallets)
    traced, cut = enumerate_paths(graph, params, seeds) if seeds and to_wallets else (
        Traced([], {}), False)
    direct, within = _landing(traced, to_wallets)
    # An end with no wallet is said so: an empty answer must not read as "no flows".
    empty = source.no_wallet_reason() or sink.no_wallet_reason()
    return FlowResult(
        from_org=from_org, to_org=to_org, max_hops=max_hops, group_by=grouping,
        direct=_buckets(traced, direct), within=_buckets(traced, within),
        amount_semantics=AMOUNT_SEMANTICS, partial=cut,
        reason=f"max_paths budget of {max_paths} paths per hop reached" if cut else empty,
    )
