"""Generate the default scenario at a scale: entity files, chain files and the ground truth.

Chain files stream: the planted events (a few hundred, in memory) are merged by time with the
background generators, and each writer keeps at most one chunk open.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scamgraph.errors import ValidationError
from synth import attribution, background, ftm, scenario, variants
from synth.btcwriter import BitcoinEtlWriter
from synth.chains import BtcTx, TokenTransfer
from synth.document import document
from synth.keys import Keys
from synth.plan_base import Plan
from synth.writers import EthereumEtlWriter, FileEntry, TronGridWriter, dumps

TRUTH_FILE = "ground_truth.json"
# Background split by chain: Tron USDT dominates scam flows; Bitcoin takes the rest.
CHAIN_SHARES = {"tron": 60, "ethereum": 25}
MIN_SCALE, MAX_SCALE = 1_000, 10_000_000
MAX_RESOLUTION_ORGS = 1_000_000


@dataclass(frozen=True)
class Chunking:
    page_size: int = 200          # TronGrid's maximum `limit`
    pages_per_file: int = 250     # 50,000 Tron transfers per JSON-lines file
    rows_per_file: int = 50_000   # ethereum-etl rows per file
    txs_per_file: int = 25_000    # bitcoin-etl transactions per file


@dataclass(frozen=True)
class Summary:
    out: Path
    seed: int
    scale: int
    transfers: dict[str, int]
    files: list[FileEntry]
    seconds: float

    @property
    def rate(self) -> float:
        return sum(self.transfers.values()) / self.seconds if self.seconds else 0.0


def prepare(out: Path, force: bool) -> None:
    """An empty output directory; with force, earlier generated output is replaced."""
    if (out / TRUTH_FILE).exists() or (out / "synthetic").exists():
        if not force:
            raise ValidationError(f"{out} already holds generated data",
                                  hint="pass --force to replace it, or choose another --out")
        shutil.rmtree(out / "synthetic", ignore_errors=True)
        (out / TRUTH_FILE).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def write_text(out: Path, rel: str, fmt: str, text: str, records: int) -> FileEntry:
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode()
    path.write_bytes(data)
    return FileEntry(rel, fmt, records, hashlib.sha256(data).hexdigest(), len(data))


def yml(doc: dict[str, Any]) -> str:
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def entity_files(out: Path, plan: Plan, extra: variants.Variants) -> list[FileEntry]:
    """The entity files; `extra` (resolution organisations) is appended after the cast, so
    with none the files are byte for byte as without the option."""
    entities = [*ftm.all_entities(plan.truth), *extra.companies]
    exchanges = attribution.exchange_pack(plan.keys, plan.truth)
    crimes = attribution.crime_pack(plan.truth)
    actors = attribution.actor_pack()
    actors["actors"] += extra.actors
    register = ([write_text(out, variants.REGISTER_FILE, "ftm",
                            "".join(dumps(e) + "\n" for e in extra.register),
                            len(extra.register))] if extra.same_entity else [])
    return [
        write_text(out, "synthetic/ftm/synthetic-entities.ftm.json", "ftm",
                   "".join(dumps(e) + "\n" for e in entities), len(entities)),
        *register,
        write_text(out, "synthetic/graphsense/synthetic.actorpack.yaml", "actorpack",
                   yml(actors), len(actors["actors"])),
        write_text(out, "synthetic/graphsense/synthetic-exchanges.tagpack.yaml", "tagpack",
                   yml(exchanges), len(exchanges["tags"])),
        write_text(out, "synthetic/graphsense/synthetic-cases.tagpack.yaml", "tagpack",
                   yml(crimes), len(crimes["tags"])),
        write_text(out, "synthetic/compounds/synthetic-compounds.geojson", "compounds",
                   json.dumps(attribution.compounds(), ensure_ascii=False, indent=1) + "\n",
                   len(attribution.compounds()["features"])),
    ]


def _by_time(planted: list[Any], bg: Iterable[Any]) -> Iterable[Any]:
    return heapq.merge(planted, bg, key=lambda e: e.ts_ms)


def btc_transfers(tx: BtcTx) -> int:
    """Transfers a transaction makes: outputs to addresses that are not its inputs' (change)."""
    return len({o.addr.address for o in tx.outputs} - {i.addr.address for i in tx.inputs})


def chain_files(out: Path, plan: Plan, scale: int, chunking: Chunking
                ) -> tuple[dict[str, int], list[FileEntry]]:
    planted = len(plan.tron) + len(plan.eth) + sum(btc_transfers(t) for t in plan.btc)
    rest = max(0, scale - planted)
    n_tron, n_eth = rest * CHAIN_SHARES["tron"] // 100, rest * CHAIN_SHARES["ethereum"] // 100
    tron = TronGridWriter(out, plan.keys, chunking.page_size, chunking.pages_per_file)
    eth = EthereumEtlWriter(out, plan.keys, chunking.rows_per_file)
    btc = BitcoinEtlWriter(out, plan.keys, chunking.txs_per_file)
    t: TokenTransfer
    for t in _by_time(plan.tron, background.account_traffic(plan.keys, "tron", n_tron)):
        tron.write(t)
    for t in _by_time(plan.eth, background.account_traffic(plan.keys, "ethereum", n_eth)):
        eth.write(t)
    tx: BtcTx
    for tx in _by_time(plan.btc, background.bitcoin_traffic(plan.keys, rest - n_tron - n_eth)):
        btc.write(tx)
    counts = {"tron": tron.count, "ethereum": eth.count, "bitcoin": btc.transfers,
              "bitcoin_transactions": btc.count}
    return counts, [*tron.close(), *eth.close(), *btc.close()]


def generate(out: Path, scale: int, seed: int, *, force: bool = False,
             chunking: Chunking | None = None, resolution_orgs: int = 0) -> Summary:
    """Write the default scenario with about `scale` transfers into `out`, and
    `resolution_orgs` organisations in two or three sources each (synth/variants.py)."""
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise ValidationError(f"scale {scale} is out of range",
                              hint=f"use {MIN_SCALE:,} to {MAX_SCALE:,} transfers")
    if not 0 <= resolution_orgs <= MAX_RESOLUTION_ORGS:
        raise ValidationError(f"resolution organisations {resolution_orgs} is out of range",
                              hint=f"use 0 to {MAX_RESOLUTION_ORGS:,}")
    began = time.monotonic()
    prepare(out, force)
    plan, sections = scenario.build(Keys(seed))
    extra = variants.build(resolution_orgs, seed)
    files = entity_files(out, plan, extra)
    counts, chain = chain_files(out, plan, scale, chunking or Chunking())
    doc = document(seed, scale, plan.truth, sections, counts, [*files, *chain])
    if extra.same_entity:
        doc["resolution"] = extra.truth()
    (out / TRUTH_FILE).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    transfers = {k: v for k, v in counts.items() if k != "bitcoin_transactions"}
    return Summary(out, seed, scale, transfers, [*files, *chain], time.monotonic() - began)
