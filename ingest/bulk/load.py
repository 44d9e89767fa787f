"""One input file of a bulk load: its Source, IngestRun, quarantine and staged transfers."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from graph.db import Graph
from graph.db.portable import to_portable
from graph.local.importer import ARRAY_DELIMITER
from ingest.bulk.stage import StageRow, stage_row
from ingest.bulk.worker import StagingProcess
from ingest.fetch import materialise
from ingest.formats import SourceInput, load_reader
from ingest.records import Record, Rejected, TransferRecord
from ingest.runner import (
    Progress,
    Tally,
    accepted,
    conclude,
    new_summary,
    quarantine_for,
    record_end,
    record_start,
)
from scamgraph.errors import ValidationError
from scamgraph.settings import Settings


class Load:
    """One input file of a bulk load; `folder` is its own (empty) part of the staging area."""

    def __init__(self, fmt: str, source: str, options: dict[str, str], settings: Settings,
                 folder: Path) -> None:
        self.reader, self.options = load_reader(fmt), options
        self.settings = settings
        folder.mkdir()
        self.given = materialise(source, folder)
        self.summary = new_summary(fmt, self.given, options)
        self.summary.mode = "bulk"
        self.quarantine = quarantine_for(settings, self.summary)

    def stage(self, staging: StagingProcess, progress: Progress | None) -> None:
        """Read the file once: rejects to the quarantine, transfers to the staging, in batches."""
        src = SourceInput(path=self.given.path, name=self.given.name, options=self.options)
        batch: list[StageRow] = []
        wallets_before = staging.wallet_count()
        tally = Tally()
        for rec in accepted(self.reader(src), self.quarantine, tally, "stage", progress):
            transfer = self._transfer(rec)
            if transfer is None:
                tally.quarantined += 1
                continue
            batch.append(stage_row(transfer))
            if len(batch) >= self.settings.batch_size:
                staging.add_rows(batch, self.summary.source_id)
                batch = []
        if batch:
            staging.add_rows(batch, self.summary.source_id)
        s = self.summary
        s.read, s.quarantined = tally.read, tally.quarantined
        s.written = s.read - s.quarantined
        s.created = s.written + staging.wallet_count() - wallets_before

    def _transfer(self, rec: Record) -> TransferRecord | None:
        if not isinstance(rec, TransferRecord):
            raise ValidationError(f"{self.given.name}: format {self.summary.format} gave a "
                                  f"{type(rec).__name__}; bulk loads take transfers only")
        refused = bulk_refusal(rec)
        if refused is not None:
            self.quarantine.add(refused)
            return None
        return rec

    def finish(self, graph: Graph, status: str, error: str | None) -> None:
        conclude(self.summary, self.quarantine, status, error)
        if status != "succeeded":
            self.summary.written = self.summary.created = 0
        record_start(graph, self.summary, self.given)
        record_end(graph, self.summary)


    def closing_writes(self) -> list[dict[str, Any]]:
        """The writes `finish(graph, "succeeded", None)` would make now, as tagged JSON: a
        recovery that completes a killed load replays them (graph/local/recovery.py)."""
        summary = dataclasses.replace(self.summary)
        summary.quarantine_path = self.quarantine.path if self.quarantine.written else None
        summary.finish("succeeded")
        recorder = _Recorder()
        # record_start/record_end call only `write`: the recorder keeps what they would send.
        record_start(cast(Graph, recorder), summary, self.given)
        record_end(cast(Graph, recorder), summary)
        return recorder.writes


def bulk_refusal(rec: TransferRecord) -> Rejected | None:
    """Why the importer's CSV cannot carry `rec` (a merge run can), or None."""
    if ARRAY_DELIMITER in rec.asset:
        raw = json.dumps({"id": rec.id, "asset": rec.asset}, ensure_ascii=False)
        return Rejected(rec.position, raw, "asset symbol contains U+001F, the bulk format's "
                        "list separator; ingest without --bulk")
    return None


def merged_rejection(transfer_id: str) -> Rejected:
    """The quarantine entry of a transfer staged twice in one bulk load (its later copy)."""
    reason = "duplicate of a transfer staged earlier in this bulk load"
    return Rejected(f"transfer {transfer_id}", json.dumps({"id": transfer_id}), reason)


class _Recorder:
    def __init__(self) -> None:
        self.writes: list[dict[str, Any]] = []

    def write(self, name: str, params: dict[str, Any]) -> None:
        self.writes.append({"query": name, "params": to_portable(params)})


def quarantine_merged(loads: Sequence[Load], merged: list[dict[str, Any]]) -> None:
    """Transfers the importer wrote twice and the constraint step merged: quarantined as
    duplicates in the run of each extra copy's source."""
    by_source = {load.summary.source_id: load for load in loads}
    for row in merged:
        for sources in row["extra_sources"]:
            load = by_source.get(sources[0]) if sources else None
            if load is None:
                continue
            load.quarantine.add(merged_rejection(row["id"]))
            s = load.summary
            s.quarantined, s.written, s.created = s.quarantined + 1, s.written - 1, s.created - 1
