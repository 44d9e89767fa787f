"""A deterministic synthetic graph for API benchmarks: wallets, organisations, groups, transfers.

Shape: `wallets` Tron wallets; 100 organisations each controlling 20 wallets, grouped under
10 parent groups (SUBSIDIARY_OF); 10 organisations sanctioned, 10 scam operations, 5
operating compounds; `transfers` USDT transfers between uniformly random wallets over 2024.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from graph import migrate
from graph.db import Graph
from graph.maintenance import clear_data

ORGS, WALLETS_PER_ORG, GROUPS = 100, 20, 10
START = datetime(2024, 1, 1, tzinfo=UTC)


def _batches(rows: list[dict[str, Any]], size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _write(graph: Graph, name: str, rows: list[dict[str, Any]]) -> None:
    for batch in _batches(rows):
        graph.write(name, {"rows": batch})


def wallet(i: int) -> str:
    return f"tron:TSYN{i:08d}"


def _nodes(wallets: int) -> list[dict[str, Any]]:
    rows = [{"labels": ["Entity", "Wallet"],
             "props": {"id": wallet(i), "chain": "tron", "address": f"TSYN{i:08d}"}}
            for i in range(wallets)]
    for g in range(GROUPS):
        rows.append({"labels": ["Entity", "Organization", "Company"],
                     "props": {"id": f"syn-group-{g}", "name": f"Group {g}", "kinds": ["Company"]}})
    for o in range(ORGS):
        kinds = ["ScamOperation"] if o % 10 == 1 else ["Company"]
        rows.append({"labels": ["Entity", "Organization", *kinds],
                     "props": {"id": f"syn-org-{o}", "name": f"Org {o}", "kinds": kinds}})
    rows += [{"labels": ["Entity", "Sanction"], "props": {"id": "OFAC:SYN:1", "authority": "OFAC",
              "program": "SYN", "listing_id": "1"}}]
    rows += [{"labels": ["Entity", "Compound"], "props": {"id": f"syn-compound-{c}",
              "name": f"Compound {c}", "country": "KH"}} for c in range(5)]
    return rows


def _links() -> list[dict[str, Any]]:
    rows = [{"type": "CONTROLLED_BY", "start": wallet(o * WALLETS_PER_ORG + k),
             "end": f"syn-org-{o}", "props": {"confidence": 0.9}}
            for o in range(ORGS) for k in range(WALLETS_PER_ORG)]
    rows += [{"type": "SUBSIDIARY_OF", "start": f"syn-org-{o}", "end": f"syn-group-{o % GROUPS}",
              "props": {"share": 100.0}} for o in range(ORGS)]
    rows += [{"type": "SANCTIONED_BY", "start": f"syn-org-{o}", "end": "OFAC:SYN:1", "props": {}}
             for o in range(0, ORGS, 10)]
    rows += [{"type": "OPERATES", "start": f"syn-org-{o}", "end": f"syn-compound-{o // 20}",
              "props": {}} for o in range(2, ORGS, 20)]
    return rows


def _transfers(wallets: int, transfers: int, rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for i in range(transfers):
        a, b = rng.randrange(wallets), rng.randrange(wallets)
        if a == b:
            b = (b + 1) % wallets
        amount = round(rng.uniform(10, 10_000), 2)
        ts = START + timedelta(seconds=rng.randrange(366 * 86_400))
        rows.append({"id": f"tron:syn{i}:0", "tx": f"syn{i}", "from": wallet(a), "to": wallet(b),
                     "amount": amount, "amount_raw": str(round(amount * 10**6)),
                     "ts": ts.isoformat()})
    return rows


def build(graph: Graph, wallets: int, transfers: int, seed: int = 7) -> None:
    """Clear the database and write the synthetic graph."""
    rng = random.Random(seed)
    clear_data(graph)
    _write(graph, "bench/synthetic_nodes", _nodes(wallets))
    _write(graph, "bench/synthetic_links", _links())
    _write(graph, "bench/synthetic_transfers", _transfers(wallets, transfers, rng))


def prepare(graph: Graph, wallets: int, transfers: int, *, build_graph: bool = True) -> None:
    """Migrate the schema, then (unless reusing a last run's graph) build it, saying how long."""
    migrate.migrate(graph)
    if build_graph:
        began = time.monotonic()
        build(graph, wallets, transfers)
        print(f"built {wallets} wallets, {transfers} transfers "
              f"in {time.monotonic() - began:.1f}s", flush=True)
