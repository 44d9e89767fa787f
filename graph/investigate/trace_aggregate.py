"""Aggregation of traced paths into organisations and unattributed endpoints (see trace.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.investigate.types import (
    AssetAmount,
    Direction,
    EndpointReached,
    EvidencePath,
    Hop,
    OrganisationReached,
    TraceParams,
)

PathIds = tuple[str, ...]


@dataclass(frozen=True)
class Attribution:
    """One controller of one wallet, with the controller's group when rolled up."""

    wallet: str
    id: str
    name: str | None
    labels: tuple[str, ...]
    group_id: str | None
    group_name: str | None
    group_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Traced:
    """Paths as transfer-id tuples (with their open flag) and the transfers they use."""

    paths: list[tuple[PathIds, bool]]
    transfers: dict[str, dict[str, Any]]

    def wallets(self) -> set[str]:
        return {t[end] for t in self.transfers.values() for end in ("from", "to")}

    def terminal(self) -> list[PathIds]:
        """Paths that no other path extends."""
        extended = {ids[:-1] for ids, _ in self.paths}
        return [ids for ids, _ in self.paths if ids not in extended]

    def hop(self, transfer_id: str) -> Hop:
        t = self.transfers[transfer_id]
        return Hop(transfer_id, t.get("tx") or "", t["from"], t["to"], t.get("asset") or "",
                   float(t.get("amount") or 0.0), t.get("amount_raw"), t["ts"])


@dataclass
class _Tally:
    """What reached one entity: distinct transfers and the paths that carried them."""

    transfers: set[str] = field(default_factory=set)
    paths: list[PathIds] = field(default_factory=list)
    members: set[str] = field(default_factory=set)

    def add(self, ids: PathIds, members: Iterable[str] = ()) -> None:
        self.transfers.add(ids[-1])
        self.paths.append(ids)
        self.members.update(members)

    def amounts(self, traced: Traced) -> tuple[AssetAmount, ...]:
        sums: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        for tid in self.transfers:
            hop = traced.hop(tid)
            sums[hop.asset] += hop.amount
            counts[hop.asset] += 1
        return tuple(AssetAmount(a, sums[a], counts[a]) for a in sorted(sums))

    def evidence(self, traced: Traced, cap: int) -> tuple[EvidencePath, ...]:
        chosen = sorted(self.paths, key=lambda ids: (len(ids), ids))[:cap]
        return tuple(EvidencePath(tuple(traced.hop(t) for t in ids)) for ids in chosen)

    def times(self, traced: Traced) -> tuple[Any, Any]:
        stamps = [traced.hop(t).ts for t in self.transfers]
        return min(stamps), max(stamps)


def _ends(traced: Traced, ids: PathIds, direction: Direction) -> tuple[str, str]:
    """(wallet the last hop lands on, wallet it comes from) in the direction of the trace."""
    t = traced.transfers[ids[-1]]
    return (t["to"], t["from"]) if direction is Direction.FORWARD else (t["from"], t["to"])


def entity_keys(attribution: list[Attribution], rollup: bool) -> dict[str, dict[str, str]]:
    """wallet -> {entity key: controller id}; the key is the group when rolled up."""
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    for a in attribution:
        keys[a.wallet][(a.group_id or a.id) if rollup else a.id] = a.id
    return keys


def describe(attribution: list[Attribution], rollup: bool) -> dict[str, Attribution]:
    described: dict[str, Attribution] = {}
    for a in attribution:
        if rollup and a.group_id:
            described[a.group_id] = Attribution(a.wallet, a.group_id, a.group_name,
                                                a.group_labels, a.group_id, a.group_name)
        else:
            described.setdefault(a.id, a)
    return described


def _organisation(key: str, a: Attribution, tally: _Tally, traced: Traced,
                  params: TraceParams) -> OrganisationReached:
    first, last = tally.times(traced)
    kinds = tuple(x for x in a.labels if x not in ("Entity", "Organization"))
    grouped = params.rollup and a.group_id is not None
    return OrganisationReached(
        id=key, name=a.name, kinds=kinds, group_id=key if grouped else None,
        group_name=a.name if grouped else None, members=tuple(sorted(tally.members)),
        amounts=tally.amounts(traced), path_count=len(tally.paths), first_ts=first, last_ts=last,
        min_hops=min(len(p) for p in tally.paths),
        evidence=tally.evidence(traced, params.evidence_per_entity),
    )


def _rank(amounts: tuple[AssetAmount, ...], key: str) -> tuple[float, str]:
    return (-sum(a.amount for a in amounts), key)


def aggregate(
    traced: Traced, attribution: list[Attribution], params: TraceParams,
) -> tuple[tuple[OrganisationReached, ...], tuple[EndpointReached, ...]]:
    keys = entity_keys(attribution, params.rollup)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for ids, _ in traced.paths:
        lands, comes = _ends(traced, ids, params.direction)
        for key in keys.get(lands, {}).keys() - keys.get(comes, {}).keys():
            tallies[key].add(ids, [keys[lands][key]])
    described = describe(attribution, params.rollup)
    orgs = [_organisation(k, described[k], t, traced, params) for k, t in tallies.items()]
    orgs.sort(key=lambda o: _rank(o.amounts, o.id))
    return tuple(orgs), _endpoints(traced, keys, params)


def _endpoints(traced: Traced, keys: dict[str, dict[str, str]],
               params: TraceParams) -> tuple[EndpointReached, ...]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for ids in traced.terminal():
        lands, _ = _ends(traced, ids, params.direction)
        if lands not in keys:
            tallies[lands].add(ids)
    found = []
    for wallet, tally in tallies.items():
        first, last = tally.times(traced)
        found.append(EndpointReached(wallet, tally.amounts(traced), len(tally.paths), first, last,
                                     tally.evidence(traced, params.evidence_per_entity)))
    found.sort(key=lambda e: _rank(e.amounts, e.wallet_id))
    return tuple(found)
