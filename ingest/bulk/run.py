"""A bulk first load: chain transfer files staged as CSV, imported offline, bookkeeping kept.

`run_bulk(settings, inputs, progress=None, staged=None) -> list[RunSummary]` (one summary per
input file):

1. the local server is started and migrated; a graph that holds entities is refused, because
   the importer replaces the whole database (graph/carryover.py);
2. the schema and bookkeeping are captured and the server stopped;
3. every file is read once: rejected records go to its quarantine, accepted transfers to the
   staging CSV, their wallets to the aggregate (ingest/bulk/stage.py); then the store is set
   aside and `neo4j-admin database import full` builds the new one (graph/local/importer.py);
   with `staged=DIR` (`ingest --bulk --staged`) the files were staged by `scamgraph spark
   stage` and are only checked here (ingest/bulk/staged.py), the rest is the same;
4. the server starts on it, the schema is re-created in one transaction (transfers imported
   twice are merged and quarantined if the uniqueness constraint finds any), the bookkeeping
   written back, and each file gets its Source and a closed IngestRun, as in a merge run.

The old store is only read; the server is stopped while the files are staged, so the API is
offline for the whole load. Any failure puts the old store back (untouched before step 3) and
records each file's IngestRun there as "failed" with the error. Each step is journaled and
the carry-over saved to disk first, so if the process is killed the next server start
completes the load (new store fully imported) or puts the old store back
(graph/local/recovery.py). Re-running a bulk load
is refused once the graph holds entities; the same files then merge idempotently through
`run_ingest`, which gives the same nodes, relationships and properties.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from graph import migrate
from graph.carryover import (
    capture,
    create_constraints_merging_duplicates,
    restore,
    save,
    start_indexes,
)
from graph.connect import open_graph
from graph.local import LocalNeo4j
from graph.local.importer import ImportFiles, StoreSwap
from ingest.bulk.load import Load, quarantine_merged
from ingest.bulk.staged import StagedLoad, import_files, read_staged
from ingest.bulk.worker import StagingProcess
from ingest.runner import Progress
from ingest.summary import RunSummary
from scamgraph.errors import ValidationError
from scamgraph.settings import Settings

BULK_FORMATS = ("bitcoin-etl", "ethereum-etl", "trongrid")
# The importer's budget: a multiple of the per-query one (10^7 transfers import in minutes).
IMPORT_TIMEOUT_FACTOR = 20


@dataclass(frozen=True)
class BulkInput:
    fmt: str
    source: str
    options: dict[str, str] = field(default_factory=dict)


def check_inputs(settings: Settings, inputs: Sequence[BulkInput],
                 staged: Path | None = None) -> None:
    """Refuse what a bulk load cannot do, before anything starts."""
    if settings.neo4j_uri:
        raise ValidationError(
            "a bulk load needs the local server: SCAMGRAPH_NEO4J_URI points elsewhere",
            hint="ingest without --bulk to merge into a remote server")
    if staged is not None:
        if inputs:
            raise ValidationError("a staged directory is loaded on its own, without files")
        read_staged(staged)  # its layout, before the server is touched
        return
    if not inputs:
        raise ValidationError("a bulk load needs at least one file")
    for item in inputs:
        if item.fmt not in BULK_FORMATS:
            formats = ", ".join(BULK_FORMATS)
            raise ValidationError(f"format {item.fmt!r} cannot be bulk loaded",
                                  hint=f"bulk loads take chain transfers: {formats}")


def run_bulk(settings: Settings, inputs: Sequence[BulkInput], *,
             progress: Progress | None = None, staged: Path | None = None) -> list[RunSummary]:
    """`staged`: a directory `scamgraph spark stage` wrote, imported instead of `inputs`."""
    check_inputs(settings, inputs, staged)
    return _Bulk(settings, progress, staged).run(inputs)


class _Bulk:
    """One bulk load. The old store is only read (schema and bookkeeping, then the server is
    stopped while the files are staged), so until the import it is untouched; the Sources and
    IngestRuns are written after the import, or into the old store again if the load fails."""

    def __init__(self, settings: Settings, progress: Progress | None,
                 staged: Path | None = None) -> None:
        self.settings, self.progress, self.staged = settings, progress, staged
        self.server = LocalNeo4j(settings)
        self.graph = open_graph(settings)
        self.workdir = settings.home / "staging" / uuid.uuid4().hex
        self.loads: list[Load] = []

    def run(self, inputs: Sequence[BulkInput]) -> list[RunSummary]:
        try:
            migrate.migrate(self.graph)
            carry = capture(self.graph)  # refuses a graph with entities
        except BaseException:
            self.graph.close()
            raise
        self.graph.close()
        swap = StoreSwap(self.server, self.server.home / "run" / "bulk-carryover.json",
                         self.workdir)
        # On disk before the server stops: a killed load is completed from it on next start.
        save(carry, Path(swap.entry.carryover))
        swap.record("staging")
        # Stopping takes a few seconds of JVM shutdown: overlapped with the staging.
        stopper = threading.Thread(target=self.server.stop, name="scamgraph-stop")
        stopper.start()
        staging: StagingProcess | None = None
        try:
            self.workdir.mkdir(parents=True)
            if self.staged is not None:
                files, count = self._staged_files(self.staged)
            else:
                staging = StagingProcess(self.workdir, datetime.now(UTC))
                for number, item in enumerate(inputs):
                    self.loads.append(Load(item.fmt, item.source, item.options, self.settings,
                                           self.workdir / f"input-{number}"))
                    self.loads[-1].stage(staging, self.progress)
                files, count = staging.files(), staging.staged
            stopper.join()
            self._journal_runs(swap, "stopped")
            swap.set_aside()
            if self.progress:
                self.progress("import", count)
            swap.run_import(files, timeout_s=self.settings.query_timeout_s * IMPORT_TIMEOUT_FACTOR)
            self._reopen()
            swap.record("restarted")
            start_indexes(self.graph, carry)
            restore(self.graph, carry)
            swap.record("carried")
            merged = create_constraints_merging_duplicates(self.graph, carry)
            quarantine_merged(self.loads, merged)
            self._journal_runs(swap, "schema")
            for load in self.loads:
                load.finish(self.graph, "succeeded", None)
        except BaseException as exc:
            stopper.join()
            self._recover(swap, str(exc) or type(exc).__name__)
            raise
        finally:
            if staging is not None:
                staging.close()
            self.graph.close()
            shutil.rmtree(self.workdir, ignore_errors=True)
        swap.keep()
        return [load.summary for load in self.loads]

    def _staged_files(self, folder: Path) -> tuple[ImportFiles, int]:
        """The staging done elsewhere: its inputs as loads, its files for the importer."""
        staged = read_staged(folder)
        self.loads = [StagedLoad(self.settings, folder, item) for item in staged.inputs]
        return import_files(folder, staged), sum(item.written for item in staged.inputs)

    def _journal_runs(self, swap: StoreSwap, step: str) -> None:
        """The Sources and IngestRuns a recovery records if it completes this load."""
        swap.entry.runs = [write for load in self.loads for write in load.closing_writes()]
        swap.record(step)

    def _recover(self, swap: StoreSwap, error: str) -> None:
        """Back to the old store, running, with every IngestRun of this load closed "failed"."""
        self.graph.close()
        self.server.stop()
        swap.put_back()
        self._reopen()
        for load in self.loads:
            load.finish(self.graph, "failed", error)

    def _reopen(self) -> None:
        self.server.start()
        self.graph = open_graph(self.settings, start_local=False)
