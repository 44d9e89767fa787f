"""Each input's quarantine report, written on the driver by ingest/quarantine.py's `Quarantine`.

Entries come in reading order (input, part, seq), as a single-process load writes them; the
later copies of transfers another input staged first come last, as the import's merge step
appends them. A duplicate within one file gets the entry ingest's `DuplicateWindow` gives it
(the same raw record text and reason), built by that class from the staged fields.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyspark.sql import functions as F

from ingest.bulk.load import merged_rejection
from ingest.bulk.staged import StagedInput
from ingest.quarantine import DuplicateWindow, Quarantine
from ingest.records import Rejected, TransferRecord
from spark.frames import Staged

_FIELDS = ("input", "part", "seq", "position", "raw", "reason", "first_position", "chain",
           "frm", "to", "tx", "index", "asset", "token", "amount_raw", "decimals", "block",
           "ms", "id")


def _record(r: Any, position: str) -> TransferRecord:
    ts = None if r.ms is None else datetime.fromtimestamp(r.ms / 1000, UTC)
    return TransferRecord(
        chain=r.chain, tx=r.tx, index=int(r["index"]), from_address=r.frm, to_address=r.to,
        asset=r.asset, amount_raw=r.amount_raw, decimals=r.decimals, ts=ts,
        block=None if r.block is None else int(r.block), token=r.token, position=position)


def duplicate_entry(r: Any) -> Rejected:
    """The entry `DuplicateWindow` writes for the later copy `r` of a transfer in one file."""
    window = DuplicateWindow()
    window.duplicate(_record(r, r.first_position))
    entry = window.duplicate(_record(r, r.position))
    assert entry is not None  # the same id, just remembered
    return entry


def write_quarantines(frames: Staged, out: Path, inputs: list[StagedInput]) -> None:
    """out/quarantine/input-N.jsonl per input with rejects; counts and reasons into `inputs`."""
    def shaped(frame: Any, kind: str) -> Any:
        have = set(frame.columns)
        return frame.select(F.lit(kind).alias("what"), *[
            F.col(c) if c in have else F.lit(None).cast("string").alias(c) for c in _FIELDS])

    union = (shaped(frames.rejected, "rejected").unionByName(shaped(frames.duplicates, "dup"))
             .unionByName(shaped(frames.refused, "refused")))
    reports: dict[int, Quarantine] = {}

    def report(n: int) -> Quarantine:
        if n not in reports:
            path = out / "quarantine" / f"input-{n}.jsonl"
            reports[n] = Quarantine(path, inputs[n].source)
        return reports[n]

    for r in union.orderBy("input", "part", "seq").toLocalIterator():
        entry = duplicate_entry(r) if r.what == "dup" else Rejected(r.position, r.raw, r.reason)
        report(r.input).add(entry)
    for r in frames.merged.select("input", "id").orderBy("input", "id").toLocalIterator():
        report(r.input).add(merged_rejection(r.id))
    for n, quarantine in reports.items():
        quarantine.close()
        item = inputs[n]
        item.quarantined, item.reasons = quarantine.count, dict(quarantine.reasons.most_common())
        item.quarantine = str(quarantine.path.relative_to(out))
