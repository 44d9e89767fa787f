"""Rows of the typology queries turned into hits: transfers, amounts, organisations rolled up.

A hit's total per asset is summed here from the transfers' `amount_raw` (decimal strings of
base units) as Python ints, never in Cypher: Cypher's integers are 64-bit and an 18-decimal
token passes 2**63 base units at about 9.2 tokens, and its float sum is not exact."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from graph.investigate import convert
from graph.investigate.trace_aggregate import Attribution
from graph.investigate.types import Hop
from graph.investigate.typologies.types import HitAmount, HitOrganisation, TypologyHit


def drop_suffixes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Peel chains: a chain starting inside another chain is that chain's tail, not a hit."""
    inside = {w for r in rows for w in r["wallets"][1:r["detail"]["hops"] + 1]}
    return [r for r in rows if r["anchor"] not in inside]


def _hop(t: dict[str, Any]) -> Hop:
    return Hop(transfer_id=t["id"], tx=t["tx"], from_id=t["from"], to_id=t["to"],
               asset=t["asset"], amount=float(t["amount"] or 0.0), amount_raw=t["amount_raw"],
               ts=convert.ts(t["ts"]))  # type: ignore[arg-type]


def exact_sum(raws: list[str | None]) -> str | None:
    """The exact sum of base units, or None when any is unknown (never made up from floats)."""
    if None in raws:
        return None
    return str(sum(int(r) for r in raws if r is not None))


def hit_amount(a: dict[str, Any]) -> HitAmount:
    """One entry of a row's `amounts`: the float sum, and the exact one from `raws` (the summed
    transfers' amount_raw) with the one `decimals` they share (else None)."""
    places = set(a.get("decimals") or [])
    [shared] = places if len(places) == 1 else [None]
    return HitAmount(a["asset"], float(a["amount"]), int(a["transfers"]),
                     exact_sum(list(a.get("raws") or [None])),
                     shared if isinstance(shared, int) else None)


def organisations(wallets: list[str], controllers: list[Attribution]) -> tuple[
        HitOrganisation, ...]:
    """Controllers of the hit's wallets, each with its group, in id order."""
    mine = set(wallets)
    by_org: dict[str, list[Attribution]] = defaultdict(list)
    for a in controllers:
        if a.wallet in mine:
            by_org[a.id].append(a)
    out = []
    for oid in sorted(by_org):
        first = by_org[oid][0]
        kinds = tuple(sorted(set(first.labels) - {"Entity", "Organization", "Person"}))
        out.append(HitOrganisation(
            id=oid, name=first.name, kinds=kinds, group_id=first.group_id or oid,
            group_name=first.group_name or first.name,
            wallets=tuple(sorted({a.wallet for a in by_org[oid]}))))
    return tuple(out)


def build_hits(name: str, rows: list[dict[str, Any]], controllers: list[Attribution],
               seen: dict[str, datetime]) -> tuple[TypologyHit, ...]:
    hits = []
    for r in rows:
        wallets = list(dict.fromkeys(r["wallets"]))
        hits.append(TypologyHit(
            typology=name, key=r["key"], score=float(r["score"]), anchor=r["anchor"],
            wallets=tuple(wallets), transfers=tuple(_hop(t) for t in r["transfers"]),
            amounts=tuple(hit_amount(a) for a in r["amounts"]),
            organisations=organisations(wallets, controllers), detail=r["detail"],
            first_seen=seen.get(f"{name}|{r['key']}")))
    return tuple(hits)
