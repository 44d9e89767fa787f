"""Shared helpers for the generator tests: a small scenario per session, its transfers re-read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ingest.formats import SourceInput, load_reader
from ingest.records import Rejected, TransferRecord

SCALE = 3_000


@dataclass(frozen=True)
class Edge:
    chain: str
    sender: str
    receiver: str
    asset: str
    raw: int
    ts: float


def transfers(out: Path, truth: dict[str, Any]) -> Iterator[Edge]:
    """Every transfer of the chain files, read back through the project's own ingest readers."""
    for f in truth["files"]:
        if f["format"] not in ("trongrid", "ethereum-etl", "bitcoin-etl"):
            continue
        for rec in load_reader(f["format"])(SourceInput(out / f["path"], f["path"])):
            assert not isinstance(rec, Rejected), rec
            assert isinstance(rec, TransferRecord)
            assert rec.ts is not None
            yield Edge(rec.chain, f"{rec.chain}:{rec.from_address}",
                       f"{rec.chain}:{rec.to_address}", rec.asset, int(rec.amount_raw),
                       rec.ts.timestamp())


def mini_trace(edges: list[Edge], truth: dict[str, Any], seeds: list[str], max_hops: int
               ) -> dict[str, dict[str, int]]:
    """Independent forward trace: distinct time-ordered transfers entering an organisation's
    wallets from outside it, not expanding through exchange hot wallets."""
    org = {w: v.get("org") for w, v in truth["wallets"].items()}
    hot = {w for w, v in truth["wallets"].items() if v["role"] == "hot-wallet"}
    out_edges: dict[str, list[Edge]] = defaultdict(list)
    for e in edges:
        out_edges[e.sender].append(e)
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: set[Edge] = set()
    frontier = [(s, float("-inf")) for s in seeds]
    for _ in range(max_hops):
        nxt = []
        for wallet, after in frontier:
            for e in out_edges.get(wallet, []):
                if e.ts < after:
                    continue
                if e not in seen and org.get(e.receiver) and org.get(e.receiver) != org.get(
                        e.sender):
                    seen.add(e)
                    found[org[e.receiver]][e.asset] += e.raw
                if e.receiver not in hot:
                    nxt.append((e.receiver, e.ts))
        frontier = nxt
    return found


def expected_orgs(section: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {gid: {asset: int(a["raw"]) for asset, a in v["amounts"].items()}
            for gid, v in section.items()}


def scaled(a: dict[str, Any]) -> Decimal:
    return Decimal(a["raw"]).scaleb(-a["decimals"])
