"""Stored hits: TypologyHit nodes with provenance and the parameters used, so a later run
tells new hits from ones seen before (`new`, `first_seen`). Schema: migration 0007."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from graph.db import Graph, jsonable
from graph.investigate.typologies.types import TypologyHits


@dataclass(frozen=True)
class StoreSummary:
    stored: int
    new: int
    run_at: str


def hit_id(typology: str, key: str) -> str:
    return f"{typology}|{key}"


def store_hits(graph: Graph, result: TypologyHits, origin: str = "cli",
               run_at: datetime | None = None) -> StoreSummary:
    """Write the hits of `result` (its page) in one transaction; counts stored and new."""
    when = (run_at or datetime.now(UTC)).isoformat()
    scope = jsonable({"wallet": result.scope.wallet, "organisation": result.scope.organisation,
                      "since": result.scope.since, "until": result.scope.until})
    hits = [{"id": hit_id(h.typology, h.key), "typology": h.typology, "key": h.key,
             "score": h.score, "anchor": h.anchor, "wallets": list(h.wallets),
             "transfer_ids": [t.transfer_id for t in h.transfers],
             "amounts": json.dumps({a.asset: a.amount for a in h.amounts}, sort_keys=True)}
            for h in result.hits]
    row = graph.write("typology_hits/store", {
        "hits": hits, "run_at": when, "origin": origin,
        "params": json.dumps(jsonable(dict(result.params)), sort_keys=True),
        "scope": json.dumps(scope, sort_keys=True)}).records[0]
    return StoreSummary(stored=int(row["stored"]), new=int(row["new"]), run_at=when)


def first_seen(graph: Graph, ids: list[str], timeout_s: float | None = None
               ) -> dict[str, datetime]:
    """First-seen times of the stored hits among `ids`."""
    rows = graph.read("typology_hits/seen", {"ids": ids}, timeout_s=timeout_s)
    return {r["id"]: r["first_seen"].to_native() if hasattr(r["first_seen"], "to_native")
            else r["first_seen"] for r in rows}
