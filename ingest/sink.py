"""The Neo4j sink: typed records in, `UNWIND $rows` batches out (Cypher in cypher/ingest/).

Records are buffered and flushed every `batch_size` records, nodes first, then links, then
transfers, each kind in its own transaction. Every write is a MERGE on a natural key
(Entity.id, TRANSFER.id, a link's (type, start, end, key)), so a re-run updates provenance
(`sources`, `last_seen`) and creates nothing.

A link whose endpoint is not in the graph yet (defined later in the file, or by another
source) MERGEs a bare `:Entity {id, placeholder: true}`; the node's own record later fills
it in and clears the flag. Transfer endpoints are always full wallets: each batch MERGEs its
wallets (activity window, assets) in the same transaction as its transfers.

A Retraction (an FtM delta DEL) withdraws the source's assertion in its own transaction
(cypher/ingest/retract.cypher); the buffer is flushed whenever the stream switches between
upserts and retractions, so a file's ADD, DEL and re-ADD of one id land in that order. A run
that carries a retraction or a delta line is a change file: nothing is unasserted at its end.
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.db import Graph, Statement, WriteResult
from ingest.changes import ChangeRecorder
from ingest.records import (
    HitRecord,
    LinkRecord,
    NodeRecord,
    Record,
    Retraction,
    TransferRecord,
)
from ingest.retractions import missing, retraction_params
from ingest.rows import link_row, node_row, transfer_row, wallet_rows


@dataclass
class SinkCounts:
    written: int = 0  # records written
    updated: int = 0  # records whose node or relationship existed before this run
    created: int = 0  # nodes and relationships created (Neo4j counters)
    retracted: int = 0  # retraction records applied (not in `written`)
    retracted_missing: int = 0  # of those, naming nothing this source asserted
    removed: int = 0  # nodes and relationships the retractions deleted (Neo4j counters)


# One write: statements in one transaction, whether each one's `updated` is rows - created
# (else the statement returns an `updated` column), and how many records they carry.
Job = tuple[list[tuple[Statement, bool]], int]


class GraphSink:
    """Buffers records and writes them in batches with provenance of one source and run.

    Writes run on one background thread while the caller reads and builds the next batch, so
    parsing and the database overlap; at most one batch is in flight and one being built, so
    memory stays bounded. Batches are written in order. Use as a context manager.
    """

    def __init__(self, graph: Graph, *, source_id: str, now: datetime, batch_size: int,
                 retention_days: int = 90, full_snapshot: bool | None = None) -> None:
        self.graph = graph
        # What each batch changes goes to the change log in the batch's transaction.
        self.changes = ChangeRecorder(graph, source_id=source_id, now=now,
                                      retention_days=retention_days, full_snapshot=full_snapshot)
        self.params = {"source": source_id, "now": now}
        self.batch_size = batch_size
        self.counts = SinkCounts()
        self._nodes: list[NodeRecord] = []
        self._links: list[LinkRecord] = []
        self._transfers: list[TransferRecord] = []
        self._retractions: list[Retraction] = []
        self._hits: list[HitRecord] = []
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scamgraph-sink")
        self._pending: Future[None] | None = None

    def __enter__(self) -> GraphSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def add(self, rec: Record) -> None:
        if isinstance(rec, Retraction) or getattr(rec, "delta", False):
            self.changes.full_snapshot = False
        if isinstance(rec, Retraction) != bool(self._retractions) and self._buffered():
            self.flush()  # keep the file's order between upserts and retractions
        if isinstance(rec, Retraction):
            self._retractions.append(rec)
        elif isinstance(rec, NodeRecord):
            self._nodes.append(rec)
        elif isinstance(rec, LinkRecord):
            self._links.append(rec)
        elif isinstance(rec, HitRecord):
            self._hits.append(rec)
        else:
            self._transfers.append(rec)
        if self._buffered() >= self.batch_size:
            self.flush()

    def _buffered(self) -> int:
        return (len(self._nodes) + len(self._links) + len(self._transfers)
                + len(self._retractions) + len(self._hits))

    def flush(self) -> None:
        """Hand what is buffered to the writer: nodes before links, so known endpoints are never
        placeholders, then transfers with their wallets."""
        jobs: list[Job] = []
        if self._nodes:
            nodes = Statement("ingest/nodes", {"rows": [node_row(r) for r in self._nodes]})
            jobs.append(([(nodes, False)], len(self._nodes)))
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for link in self._links:
            by_type[link.type].append(link_row(link))
        for link_type, rows in sorted(by_type.items()):
            links = Statement("ingest/links", {"rows": rows, "type": link_type})
            jobs.append(([(links, False)], len(rows)))
        if self._transfers:
            jobs.append(self._transfer_job(self._transfers))
        if self._retractions:
            params = retraction_params(self._retractions)
            jobs.append(([(Statement("ingest/retract", params), False)], 0))
        if self._hits:
            jobs += _hit_jobs(self._hits)
        self._nodes, self._links, self._transfers, self._retractions = [], [], [], []
        self._hits = []
        if jobs:
            self._wait()
            self._pending = self._pool.submit(self._write_all, jobs)

    def close(self) -> None:
        """Write what is left and wait for it; a failed batch raises here."""
        self.flush()
        self._wait()
        self.changes.finish()

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()

    def _transfer_job(self, batch: list[TransferRecord]) -> Job:
        # One row per id: the same transfer twice in a batch would only be MERGEd twice.
        rows = {r.id: transfer_row(r) for r in batch}
        return ([(Statement("ingest/wallets", {"rows": wallet_rows(batch)}), False),
                 (Statement("ingest/transfers", {"rows": list(rows.values())}), True)],
                len(batch))

    def _write_all(self, jobs: list[Job]) -> None:
        for statements, records in jobs:
            self._write(statements, records)

    def _write(self, statements: list[tuple[Statement, bool]], records: int) -> None:
        """Run the statements in one transaction and add their counters up."""
        batch = [st for st, _ in statements]
        results = self.graph.write_batch(batch + self.changes.statements(batch),
                                         shared=self.params)
        for (statement, by_counters), result in zip(statements, results[:len(batch)],
                                                    strict=True):
            if statement.name == "ingest/retract":
                self._retracted(statement.params, result)
                continue
            new = result.counters.get("nodes_created", 0) + result.counters.get(
                "relationships_created", 0)
            rows = len(statement.params.get("rows", statement.params.get("hits", [])))
            self.counts.updated += rows - new if by_counters else sum(
                int(r.get("updated", 0)) for r in result.records)
            self.counts.created += new
        self.counts.written += records

    def _retracted(self, params: dict[str, Any], result: WriteResult) -> None:
        hits = [h for r in result.records for h in r.get("hits") or []]
        self.counts.retracted += len(params["rows"])
        self.counts.retracted_missing += missing(params, hits)
        self.counts.removed += result.counters.get("nodes_deleted", 0) + result.counters.get(
            "relationships_deleted", 0)


def _hit_jobs(hits: list[HitRecord]) -> list[Job]:
    """Typology hits by the run that found them, as the scheduled scans store theirs: one
    row per id (a hit twice in a batch would count two runs)."""
    runs: dict[tuple[str, str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for h in hits:
        runs[(h.params, h.scope, h.origin, h.run_at)][h.id] = {
            "id": h.id, "typology": h.typology, "key": h.key, "score": h.score,
            "anchor": h.anchor, "wallets": list(h.wallets),
            "transfer_ids": list(h.transfer_ids), "amounts": h.amounts}
    return [([(Statement("typology_hits/store", {
        "hits": list(rows.values()), "params": params, "scope": scope, "origin": origin,
        "run_at": run_at}), True)], len(rows))
        for (params, scope, origin, run_at), rows in sorted(runs.items())]
