"""Candidate generation for entity resolution on Spark: blocking and scoring over entity files.

The same records, blocks and scores as `scamgraph resolve candidates` (graph/resolve/
candidates.py), computed in Spark tasks by the same functions: entity files are read by the
ingest format readers (FtM, ActorPack, TagPack, ...), an entity's properties are merged over
its records in the order read as the graph's upsert merges them (cypher/ingest/nodes.cypher:
scalars set, lists unioned), `candidates.record` builds each record with rigour's
normalisation, blocks are grouped by key, and each pair is scored by `candidates.score`.
The output is the JSON lines `resolve candidates --json` prints, best first. Entities read
from files belong to no cluster (judgements live in the graph).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pyspark import RDD
from pyspark.sql import SparkSession

from graph.resolve import auto_rule
from graph.resolve.candidates import MAX_BLOCK, Candidate, Record, _block_words, record, score
from ingest.formats import SourceInput, load_reader
from ingest.records import NodeRecord
from ingest.rows import node_row

KINDS = ("Person", "Organization")
Keyed = tuple[str, tuple[int, int, dict[str, Any]]]


def _read(item: tuple[int, str, str]) -> Iterator[Keyed]:
    """(id, (file number, record number, node row)) of the people and organisations of a file."""
    number, fmt, path = item
    src = SourceInput(path=Path(path), name=Path(path).name)
    for seq, rec in enumerate(load_reader(fmt)(src)):
        if isinstance(rec, NodeRecord) and rec.label in KINDS:
            row = node_row(rec)
            yield rec.id, (number, seq, {"kind": rec.label, "source": f"{fmt}:{src.name}",
                                         **row})


def _merged(item: tuple[str, Iterable[tuple[int, int, dict[str, Any]]]]) -> Record:
    """One entity's record from its rows in the order read, merged as the graph merges them."""
    entity, rows = item
    props: dict[str, Any] = {}
    lists: dict[str, list[Any]] = {}
    sources: list[str] = []
    kind = "Organization"
    for _, _, row in sorted(rows, key=lambda r: (r[0], r[1])):
        props.update(row["props"])
        for key, values in row["lists"].items():
            have = lists.setdefault(key, [])
            have += [v for v in values if v not in have]
        if row["source"] not in sources:
            sources.append(row["source"])
        kind = "Person" if "Person" in row["labels"] else kind
    return record({"id": entity, "kind": kind, "cluster": None,
                   "props": {**props, **lists, "sources": sources}})


def _keys(r: Record) -> Iterator[tuple[tuple[str, str, str], Record]]:
    """The blocks of a record, as candidates._blocks forms them (a record's own id is a block
    that only matters when another record names it as a referent)."""
    for ref in r.referents | {r.id}:
        yield (r.kind, "r", ref), r
    for word in {w for k in r.keys for w in _block_words(k)}:
        yield (r.kind, "w", word), r
    for ident in r.identifiers:
        yield (r.kind, "i", ident), r
    for host in r.domains:
        yield (r.kind, "d", host), r


def _pairs(block: tuple[tuple[str, str, str], Iterable[Record]]) -> Iterator[
        tuple[tuple[str, str], tuple[Record, Record]]]:
    (_, what, _), members = block
    listed = list(members)
    if len(listed) < 2 or (what == "w" and len(listed) > MAX_BLOCK):
        return
    for a, b in itertools.combinations(listed, 2):
        if a.id != b.id and not (a.cluster and a.cluster == b.cluster):
            x, y = sorted((a, b), key=lambda r: r.id)
            yield (x.id, y.id), (x, y)


def candidate_line(c: Candidate) -> dict[str, Any]:
    """A candidate as `resolve candidates --json` prints it."""
    return {"a": c.a, "b": c.b, "score": c.score, "auto_rule": auto_rule(c),
            "evidence": [e.__dict__ for e in c.evidence]}


def spark_candidates(spark: SparkSession, inputs: list[tuple[str, str]],
                     min_score: float = 0.5) -> list[Candidate]:
    """Scored pairs at min_score or above over (format, path) inputs, best first."""
    items = [(n, fmt, str(Path(p).resolve())) for n, (fmt, p) in enumerate(inputs)]
    for _, fmt, _ in items:
        load_reader(fmt)  # an unknown format fails on the driver
    rows: RDD[Keyed] = spark.sparkContext.parallelize(items, max(1, len(items))).flatMap(_read)
    records = rows.groupByKey().map(_merged)
    pairs = records.flatMap(_keys).groupByKey().flatMap(_pairs).reduceByKey(lambda x, _: x)
    scored = pairs.flatMap(lambda kv: _scored(*kv[1], min_score))
    return sorted(scored.collect(), key=lambda c: (-c.score, c.a, c.b))


def _scored(a: Record, b: Record, min_score: float) -> list[Candidate]:
    pair = score(a, b)
    return [pair] if pair is not None and pair.score >= min_score else []
