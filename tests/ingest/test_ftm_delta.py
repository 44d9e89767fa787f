"""FtM deltas: ADD/MOD upsert, DEL withdraws that source's assertion, against a real Neo4j.

Two sources assert one company; deltas withdraw it one source at a time. What the graph holds,
the run summaries and the change log are checked after each file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.db import Graph
from graph.investigate.changes import changes
from ingest.summary import RunSummary
from scamgraph.settings import Settings
from tests.ingest.helpers import ingest, rows

A, B, C = "registry-a", "registry-b", "registry-c"


def _company(ident: str, name: str, **extra: list[str]) -> dict[str, Any]:
    return {"id": ident, "schema": "Company", "properties": {"name": [name], **extra}}


def _person(ident: str) -> dict[str, Any]:
    return {"id": ident, "schema": "Person", "properties": {"name": [ident.upper()]}}


def _edge(ident: str, schema: str, start: str, end: str) -> dict[str, Any]:
    ends = {"Ownership": ("owner", "asset"), "Directorship": ("director", "organization")}
    first, second = ends[schema]
    return {"id": ident, "schema": schema, "properties": {first: [start], second: [end]}}


def _add(entity: dict[str, Any]) -> dict[str, Any]:
    return {"op": "ADD", "entity": entity}


def _del(ident: str, schema: str) -> dict[str, Any]:
    return {"op": "DEL", "entity": {"id": ident, "schema": schema}}


def _load(graph: Graph, settings: Settings, path: Path, source: str,
          *lines: dict[str, Any]) -> RunSummary:
    if lines:
        path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    summary = ingest(graph, settings, "ftm", path, source=source)
    assert summary.status == "succeeded", summary.error
    # Every record read is accounted for once.
    assert summary.read == summary.written + summary.quarantined + summary.retracted
    return summary


def _node(graph: Graph, ident: str) -> dict[str, Any] | None:
    found = rows(graph, "MATCH (n:Entity {id: $id}) RETURN properties(n) AS p, labels(n) AS l",
                 id=ident)
    return {**found[0]["p"], "labels": sorted(found[0]["l"])} if found else None


def _links(graph: Graph) -> set[tuple[str, str, str, tuple[str, ...]]]:
    found = rows(graph, "MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'SAME_AS' "
                        "RETURN a.id AS a, type(r) AS t, b.id AS b, r.sources AS s")
    return {(r["a"], r["t"], r["b"], tuple(r["s"] or ())) for r in found}


def _dump(graph: Graph) -> list[Any]:
    """Every data node and relationship with its properties (bookkeeping left out)."""
    nodes = rows(graph, "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS l, properties(n) AS p "
                        "ORDER BY id")
    return [nodes, sorted(_links(graph))]


def _log(graph: Graph, source: str) -> list[tuple[Any, ...]]:
    found = [(c.kind, c.entity, c.field, c.end) for c in changes(graph, first=200).changes
             if c.source == source and c.kind in ("retracted", "removed")]
    return sorted(found, key=repr)


def test_a_sequence_of_deltas_from_two_sources(graph: Graph, settings: Settings,
                                               tmp_path: Path) -> None:
    _load(graph, settings, tmp_path / "a1.jsonl", A,
          _add(_company("co-1", "Acme Ltd", jurisdiction=["kh"])), _add(_person("p-1")),
          _add(_edge("own-1", "Ownership", "p-1", "co-1")))
    _load(graph, settings, tmp_path / "b1.jsonl", B,
          _add(_company("co-1", "Acme Ltd")), _add(_person("p-2")),
          _add(_edge("dir-1", "Directorship", "p-2", "co-1")))
    assert sorted(_node(graph, "co-1")["sources"]) == [A, B]  # type: ignore[index]

    # A withdraws the company: B still asserts it, so it stays with its properties (the
    # jurisdiction only A gave too); A's own link of it goes, B's stays.
    a2 = tmp_path / "a2.jsonl"
    first = _load(graph, settings, a2, A, _del("co-1", "Company"))
    company = _node(graph, "co-1")
    assert company is not None and company["sources"] == [B]
    assert (company["name"], company["country"]) == ("Acme Ltd", ["KH"])
    assert _links(graph) == {("p-2", "DIRECTOR_OF", "co-1", (B,))}
    assert _node(graph, "p-1") is not None  # A still asserts the owner
    assert (first.read, first.written, first.retracted, first.retracted_missing,
            first.removed) == (1, 0, 1, 0, 1)
    assert _log(graph, A) == [("removed", "p-1", "OWNS", "co-1"), ("retracted", "co-1", None, None)]

    # The same delta again changes nothing and logs nothing: the DEL now names nothing of A's.
    before, log_before = _dump(graph), _log(graph, A)
    again = _load(graph, settings, a2, A)
    assert (again.retracted, again.retracted_missing, again.removed) == (1, 1, 0)
    assert _dump(graph) == before and _log(graph, A) == log_before

    # B withdraws it too: no source is left, so it is gone with the links only B asserted.
    last = _load(graph, settings, tmp_path / "b2.jsonl", B, _del("co-1", "Company"))
    assert _node(graph, "co-1") is None
    assert _links(graph) == set()
    assert _node(graph, "p-2") is not None and _node(graph, "p-1") is not None
    assert (last.retracted, last.retracted_missing, last.removed) == (1, 0, 2)  # node + edge
    assert ("removed", "co-1", None, None) in _log(graph, B)
    assert ("removed", "p-2", "DIRECTOR_OF", "co-1") in _log(graph, B)
    # The bookkeeping of every run is still there.
    runs = rows(graph, "MATCH (r:IngestRun) RETURN count(r) AS n")[0]["n"]
    assert runs == 5


def test_edge_del_mod_and_unknown_ids(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    _load(graph, settings, tmp_path / "full.jsonl", A,
          _company("co-1", "Acme Ltd"), _company("co-2", "Other Co"), _person("p-1"),
          _edge("own-1", "Ownership", "p-1", "co-1"), _edge("own-2", "Ownership", "p-1", "co-2"))
    delta = _load(graph, settings, tmp_path / "delta.jsonl", A,
                  _del("own-1", "Ownership"),
                  {"op": "MOD", "entity": _company("co-2", "Other Company")},
                  _del("never-seen", "Person"), _del("no-schema-either", ""))
    assert _links(graph) == {("p-1", "OWNS", "co-2", (A,))}  # only that edge went
    assert _node(graph, "co-1") is not None and _node(graph, "co-2")["name"] == "Other Company"  # type: ignore[index]
    assert (delta.read, delta.written, delta.retracted, delta.retracted_missing,
            delta.removed) == (4, 1, 3, 2, 1)
    # A delta is a change file, not the whole list: what it leaves out stays asserted.
    assert _node(graph, "co-1")["sources"] == [A]  # type: ignore[index]
    assert _log(graph, A) == [("removed", "p-1", "OWNS", "co-1")]
    assert delta.as_dict()["retracted_missing"] == 2


def test_file_order_is_kept(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    _load(graph, settings, tmp_path / "seed.jsonl", A, _company("co-0", "Seed Co"))
    # One batch: an entity added then withdrawn is gone; withdrawn then added again is there.
    _load(graph, settings, tmp_path / "order.jsonl", A,
          _add(_company("co-1", "Brief Co")), _del("co-1", "Company"),
          _del("co-0", "Company"), _add(_company("co-0", "Seed Co Again")))
    assert _node(graph, "co-1") is None
    assert _node(graph, "co-0")["name"] == "Seed Co Again"  # type: ignore[index]


def test_a_link_of_another_source_keeps_a_placeholder(graph: Graph, settings: Settings,
                                                      tmp_path: Path) -> None:
    _load(graph, settings, tmp_path / "a.jsonl", A, _company("co-1", "Acme Ltd"))
    # C knows the company only as the asset of its ownership record.
    _load(graph, settings, tmp_path / "c.jsonl", C, _person("p-9"),
          _edge("own-9", "Ownership", "p-9", "co-1"))
    _load(graph, settings, tmp_path / "a2.jsonl", A, _del("co-1", "Company"))
    assert _node(graph, "co-1") == {"id": "co-1", "placeholder": True, "labels": ["Entity"]}
    assert _links(graph) == {("p-9", "OWNS", "co-1", (C,))}
    assert _log(graph, A) == [("removed", "co-1", None, None)]


def test_wallet_del_by_its_ftm_id(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    address = "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"
    wallet = {"id": "w-1", "schema": "CryptoWallet",
              "properties": {"publicKey": [address], "currency": ["USDT"], "holder": ["co-1"]}}
    _load(graph, settings, tmp_path / "a.jsonl", A, _company("co-1", "Acme Ltd"), wallet)
    _load(graph, settings, tmp_path / "b.jsonl", B, {**wallet, "id": "w-b",
                                                     "properties": {"publicKey": [address],
                                                                    "currency": ["USDT"]}})
    _load(graph, settings, tmp_path / "a2.jsonl", A, _del("w-1", "CryptoWallet"))
    kept = _node(graph, f"tron:{address}")
    assert kept is not None and kept["sources"] == [B] and kept["address"] == address
    assert _links(graph) == set()  # A's holder link went with A's wallet record


def test_a_person_del_takes_its_topic_sanction(graph: Graph, settings: Settings,
                                               tmp_path: Path) -> None:
    listed = {"id": "p-1", "schema": "Person",
              "properties": {"name": ["Listed"], "topics": ["sanction"]}}
    _load(graph, settings, tmp_path / "a.jsonl", A, listed, _person("p-2"))
    assert _node(graph, "unknown:topic-sanction:p-1") is not None
    summary = _load(graph, settings, tmp_path / "a2.jsonl", A, _del("p-1", "Person"))
    assert _node(graph, "p-1") is None and _node(graph, "unknown:topic-sanction:p-1") is None
    assert _links(graph) == set() and _node(graph, "p-2") is not None
    assert summary.removed == 3  # the person, its topic Sanction and the SANCTIONED_BY


def test_bad_delta_lines_are_quarantined_by_line(graph: Graph, settings: Settings,
                                                 tmp_path: Path) -> None:
    summary = _load(graph, settings, tmp_path / "bad.jsonl", A,
                    _add(_person("p-1")), {"op": "DEL", "entity": {"schema": "Person"}},
                    {"op": "DEL", "entity": {"id": "x", "schema": "Spaceship"}},
                    {"op": "DEL"})
    assert (summary.written, summary.quarantined, summary.retracted) == (1, 3, 0)
    assert summary.quarantine_path is not None
    reasons = [(r["position"], r["reason"]) for r in map(
        json.loads, summary.quarantine_path.read_text(encoding="utf-8").splitlines())]
    assert reasons == [("line 2", "FtM delta DEL has no entity id"),
                       ("line 3", "FtM delta DEL of unknown schema 'Spaceship'"),
                       ("line 4", "FtM delta 'DEL' has no entity object")]
