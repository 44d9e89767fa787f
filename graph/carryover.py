"""What a bulk import must keep: the schema and the bookkeeping nodes of the database it replaces.

The importer writes a new store, so before it runs the schema (constraints and indexes, as
their own CREATE statements) and the bookkeeping (migration records, sources, ingest runs, job
state, saved investigations) are read, and afterwards written back. Anything else in the graph,
entities above all, would be lost, so `capture` refuses such a graph.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.db import Graph
from graph.db.portable import from_portable, to_portable
from graph.local.journal import write_atomic
from scamgraph.errors import QueryError, ValidationError

CARRIED_LABELS = frozenset({
    "Source", "IngestRun", "SchemaMigration", "JobState", "JobLock", "Investigation",
    "Judgement", "ClusterMember",  # entity resolution (graph/resolve): analysts' work
})
CARRIED_TYPES = frozenset({"FROM_SOURCE"})
# "CREATE CONSTRAINT `name` FOR ..." as SHOW CONSTRAINTS / SHOW INDEXES spell them.
_NAMED = re.compile(r"^(CREATE (?:[A-Z]+ )?(?:CONSTRAINT|INDEX) `(?:[^`]|``)+`)( FOR .*)$", re.S)
# Index population after an import of 10^7 transfers takes minutes, not the query budget.
SCHEMA_TIMEOUT_S = 3600.0


@dataclass(frozen=True)
class CarryOver:
    constraints: list[str]  # CREATE statements, as SHOW CONSTRAINTS gives them
    indexes: list[str]  # CREATE statements of the indexes no constraint owns
    nodes: list[dict[str, Any]]
    links: list[dict[str, Any]]


def capture(graph: Graph) -> CarryOver:
    """Read schema and bookkeeping; ValidationError if the graph holds anything else."""
    foreign = graph.read("bulk/foreign_nodes", {"carried": sorted(CARRIED_LABELS)})
    if foreign:
        found = sorted({":".join(row["labels"]) or "(no label)" for row in foreign})
        raise ValidationError(
            f"a bulk load needs a graph without entities; it holds {', '.join(found)} nodes",
            hint="ingest without --bulk to merge into it, or empty it first with "
                 "`scamgraph db clear --yes`")
    links = graph.read("bulk/carried_links")
    odd = {row["type"] for row in links} - CARRIED_TYPES
    if odd:
        raise ValidationError(f"unexpected relationships between bookkeeping nodes: {sorted(odd)}")
    return CarryOver([row["statement"] for row in graph.read("bulk/constraints")],
                     [row["statement"] for row in graph.read("bulk/indexes")],
                     [_offsets_kept(row) for row in graph.read("bulk/carried_nodes")], links)


def _offsets_kept(row: dict[str, Any]) -> dict[str, Any]:
    """The node row with its fixed-offset datetimes on fixed-offset tzinfos. The driver reads
    `Z` as pytz's UTC, a named zone it would write back as `[UTC]`: another value in Neo4j
    (its timezone, toString and equality differ)."""
    props = dict(row["props"])
    for key in row["offset_keys"]:
        value = props[key]
        props[key] = value.replace(tzinfo=dt.timezone(value.utcoffset()))
    return {"key": row["key"], "labels": row["labels"], "props": props}


def save(carry: CarryOver, path: Path) -> None:
    """Write `carry` to `path` (atomically; values round-trip exactly, graph/db/portable.py):
    it must survive the bulk process, which may be killed while the store is away."""
    # Not dataclasses.asdict: it rebuilds tuples, and a Duration is one (it would break).
    fields = {"constraints": carry.constraints, "indexes": carry.indexes,
              "nodes": carry.nodes, "links": carry.links}
    write_atomic(path, json.dumps(to_portable(fields), ensure_ascii=False))


def load(path: Path) -> CarryOver:
    data = from_portable(json.loads(path.read_text(encoding="utf-8")))
    return CarryOver(data["constraints"], data["indexes"], data["nodes"], data["links"])


def if_not_exists(carry: CarryOver) -> CarryOver:
    """The same schema, each statement a no-op where it already holds: a recovery repeats
    schema steps a killed load may have done."""
    def guarded(statement: str) -> str:
        match = _NAMED.match(statement)
        if match is None:
            raise ValidationError(f"unexpected schema statement: {statement[:80]}")
        return f"{match.group(1)} IF NOT EXISTS{match.group(2)}"
    return CarryOver([guarded(s) for s in carry.constraints], [guarded(s) for s in carry.indexes],
                     carry.nodes, carry.links)


def clear_restored(graph: Graph) -> None:
    """Delete bookkeeping nodes from an imported store, where only a restore wrote them."""
    graph.write("bulk/clear_carried", {"carried": sorted(CARRIED_LABELS)})


def start_indexes(graph: Graph, carry: CarryOver) -> None:
    """Create the plain indexes; they populate in the background (the commit does not wait)."""
    graph.run_schema(carry.indexes)


def create_constraints(graph: Graph, carry: CarryOver) -> None:
    """Create the constraints (the commit waits while their indexes populate, on the other core
    from the plain indexes), then wait for every index. QueryError if a uniqueness constraint
    does not hold on the imported data."""
    graph.run_schema(carry.constraints, timeout_s=SCHEMA_TIMEOUT_S)
    graph.read("db/await_indexes", {"seconds": int(SCHEMA_TIMEOUT_S)},
               timeout_s=SCHEMA_TIMEOUT_S + 30)


def restore(graph: Graph, carry: CarryOver) -> None:
    """Write the bookkeeping nodes and their relationships back (labels from the allow-list)."""
    for row in carry.nodes:
        if not set(row["labels"]) <= CARRIED_LABELS:
            raise ValidationError(f"refusing to restore labels {row['labels']}")
    created = graph.write("bulk/restore_nodes", {"rows": carry.nodes}).records
    new_key = {row["key"]: row["node"] for row in created}
    rows = [{**link, "start": new_key[link["start"]], "end": new_key[link["end"]]}
            for link in carry.links]
    if rows:
        graph.write("bulk/restore_links", {"rows": rows})


def remove_duplicate_transfers(graph: Graph) -> list[dict[str, Any]]:
    """Merge transfers imported more than once; returns (id, removed, extra_sources) rows."""
    return graph.write("bulk/duplicate_transfers", timeout_s=SCHEMA_TIMEOUT_S).records


def create_constraints_merging_duplicates(graph: Graph, carry: CarryOver
                                         ) -> list[dict[str, Any]]:
    """create_constraints; if a uniqueness constraint fails, merge duplicate transfers and retry
    once. Returns the merged duplicates (id, removed, extra_sources)."""
    try:
        create_constraints(graph, carry)
        return []
    except QueryError as exc:
        if "ConstraintCreationFailed" not in str(exc):
            raise
        merged = remove_duplicate_transfers(graph)
        if not merged:
            raise
    create_constraints(graph, carry)
    return merged
