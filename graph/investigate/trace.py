"""Forward and backward money traces: organisations and unattributed wallets reached.

Amount semantics (AMOUNT_SEMANTICS below is returned with every result): an entity's
amount per asset is the sum of the distinct transfers on admissible paths that *enter*
its wallets from a wallet that is not its own (forward), or *leave* its wallets for one
that is not its own (backward), each transfer counted once however many paths carry it.
It is the value of the transfers that touch the entity on traced paths, not a
proportional taint: a wallet that received 1000 and passed 600 on shows 600 on the next
hop. Seeds that are organisations or persons trace from every wallet they control.
That is method PATHS (the default); the value-tracing methods (POISON, HAIRCUT, FIFO, LIFO)
follow the seeds' own value through time-ordered ledgers instead: see taint.py.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.investigate import convert, limits
from graph.investigate.entities import get_entities
from graph.investigate.groups import group
from graph.investigate.supernodes import degree_threshold
from graph.investigate.taint import value_trace
from graph.investigate.trace_aggregate import Attribution, Traced, aggregate
from graph.investigate.types import Direction, TraceMethod, TraceParams, TraceResult
from scamgraph.errors import NotFoundError, ValidationError

AMOUNT_SEMANTICS = (
    "Per asset, the sum of the distinct transfers on admissible paths that enter the entity's "
    "wallets from a wallet not its own (forward) or leave them for a wallet not its own "
    "(backward); each transfer counts once however many paths carry it. Unattributed endpoints "
    "sum the distinct last transfers of the paths ending at them. Not a proportional taint."
)
# Tags or categories that mark a wallet as a token contract (a supernode).
SUPERNODE_TAGS = ["token_contract", "token", "contract"]


def _check(params: TraceParams) -> None:
    if not params.seeds:
        raise ValidationError("seeds is empty", hint="pass at least one wallet or organisation id")
    limits.check_range("max_hops", params.max_hops, 1, limits.MAX_HOPS)
    limits.check_range("max_paths", params.max_paths, 1, limits.MAX_PATHS)
    limits.check_range("evidence_per_entity", params.evidence_per_entity, 0, 100)
    limits.check_choice("method", params.method, TraceMethod)
    limits.check_range("max_wallets", params.max_wallets, 1, 100_000)
    limits.check_range("max_transfers", params.max_transfers, 1, 1_000_000)
    limits.check_allowed("stop_at", list(params.stop_at), limits.KINDS)
    since, until = convert.utc(params.since), convert.utc(params.until)
    if since and until and since > until:
        raise ValidationError("since is after until", hint="pass since <= until")


def _query_params(params: TraceParams, seeds: list[str]) -> dict[str, Any]:
    return {
        "seeds": seeds, "max_hops": params.max_hops, "min_amount": params.min_amount,
        "assets": list(params.assets), "since": convert.utc(params.since),
        "until": convert.utc(params.until),
        "time_ordered": params.time_ordered, "stop_at": list(params.stop_at),
        "expand_supernodes": params.expand_supernodes, "supernode_tags": SUPERNODE_TAGS,
        "supernode_degree": degree_threshold(params.supernode_degree),
        "max_paths": params.max_paths, "path_limit": params.max_paths + 1,
    }


def seed_wallets(graph: Graph, ids: list[str], timeout_s: float | None = None) -> list[str]:
    """Wallet ids for seed entities: wallets as they are, controllers' wallets for the others."""
    rows = graph.read("investigations/seed_wallets", {"ids": ids}, timeout_s=timeout_s)
    return sorted({row["wallet"] for row in rows})


def attributions(
    graph: Graph, wallets: list[str], rollup: bool, timeout_s: float | None = None,
) -> list[Attribution]:
    rows = graph.read("investigations/attribution", {"wallets": wallets, "rollup": rollup},
                      timeout_s=timeout_s)
    return [Attribution(r["wallet"], r["id"], r["name"], tuple(sorted(r["labels"])),
                        r["group_id"], r["group_name"], tuple(sorted(r["group_labels"] or ())))
            for r in rows]


def enumerate_paths(graph: Graph, params: TraceParams, seeds: list[str]) -> tuple[Traced, bool]:
    """The admissible paths from (or into) the seed wallets, and whether max_paths cut them."""
    name = "trace_forward" if params.direction is Direction.FORWARD else "trace_backward"
    row = graph.read_plain(f"investigations/{name}", _query_params(params, seeds),
                           timeout_s=params.timeout_s)[0]
    transfers = {t["id"]: {**t, "ts": convert.from_ms(t["ts"])} for t in row["transfers"]}
    paths = [(tuple(p["ids"]), bool(p["open"])) for p in row["paths"]]
    return Traced(paths, transfers), bool(row["cut"])


def _no_seed_wallets(graph: Graph, params: TraceParams) -> None:
    """Refuse seeds that stand for no wallet, saying why, rather than trace from nothing."""
    found = get_entities(graph, list(params.seeds))
    if not found:
        raise NotFoundError(f"no entity with id {params.seeds[0]!r}",
                            hint="pass wallet ids (chain:address) or organisation ids")
    reasons = [group(graph, eid, params.timeout_s).no_wallet_reason() for eid in found]
    raise NotFoundError("no seed has a wallet to trace from: " + "; ".join(
        r for r in reasons if r), hint="seed with a wallet, or an entity that controls one")


def trace(graph: Graph, params: TraceParams) -> TraceResult:
    """Follow money from (FORWARD) or into (BACKWARD) the seeds within the params' budgets."""
    _check(params)
    seeds = seed_wallets(graph, list(params.seeds), params.timeout_s)
    if not seeds:
        _no_seed_wallets(graph, params)
    if params.method is not TraceMethod.PATHS:
        return value_trace(graph, params, seeds, lambda ws: attributions(
            graph, ws, params.rollup, params.timeout_s))
    traced, cut = enumerate_paths(graph, params, seeds)
    attribution = attributions(graph, sorted(traced.wallets() | set(seeds)), params.rollup,
                               params.timeout_s)
    orgs, endpoints = aggregate(traced, attribution, params)
    return TraceResult(
        params=params, seed_wallets=tuple(seeds), organisations=orgs, unattributed=endpoints,
        paths_explored=len(traced.paths), amount_semantics=AMOUNT_SEMANTICS, partial=cut,
        reason=f"max_paths budget of {params.max_paths} paths per hop reached" if cut else None,
        open_at_max_hops=sum(1 for ids, is_open in traced.paths
                             if is_open and len(ids) == params.max_hops),
    )
