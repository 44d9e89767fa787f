"""`ftm`: FollowTheMoney JSON lines (flat and nested forms), through the followthemoney library."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.ftm.entities import flatten, read
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one, rows

FLAT = fixture("ftm/entities.flat.jsonl")
NESTED = fixture("ftm/entities.nested.jsonl")
TRON = "tron:TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"


def _read(path: Path) -> list[Item]:
    return list(read(SourceInput(path, path.name)))


def _kinds(items: list[Item]) -> Counter[str]:
    return Counter(i.label if isinstance(i, NodeRecord) else
                   i.type if isinstance(i, LinkRecord) else "Rejected" for i in items)


def test_flat_form_every_schema() -> None:
    items = _read(FLAT)
    assert _kinds(items) == {
        "Person": 2, "Organization": 4, "Wallet": 2, "Sanction": 1, "SANCTIONED_BY": 2,
        "CONTROLLED_BY": 2, "OWNS": 2, "DIRECTOR_OF": 1, "FAMILY_OF": 1, "ASSOCIATE_OF": 1,
        "LINKED_TO": 1, "PAID": 1, "Rejected": 5}
    rejected = {i.position: i.reason for i in items if isinstance(i, Rejected)}
    assert set(rejected) == {"line 10", "line 18", "line 19", "line 20", "line 21"}
    assert "bad EIP-55 checksum" in rejected["line 10"]
    assert rejected["line 18"] == "Payment amount '-10' is negative or not finite"
    assert rejected["line 19"] == "FtM schema Address has no place in the graph model"
    assert "Spaceship" in rejected["line 20"] and rejected["line 21"].startswith("not JSON")


def test_links_name_wallets_by_chain_address_even_before_they_appear() -> None:
    items = _read(FLAT)
    sanctioned = {i.start_id for i in items if isinstance(i, LinkRecord)
                  and i.type == "SANCTIONED_BY"}
    # The Sanction (line 3) names the wallet's FtM id; the wallet comes on line 8.
    assert sanctioned == {"sg-company-pay", TRON}
    owns = {(i.start_id, i.end_id): i.props["share"] for i in items
            if isinstance(i, LinkRecord) and i.type == "OWNS"}
    assert owns == {("sg-company-group", "sg-company-pay"): 75.0,
                    ("sg-person-somchai", "sg-company-group"): 60.0}


def test_nested_form_is_lifted_and_points_back() -> None:
    line = {"id": "p", "schema": "Person", "properties": {"name": ["P"], "sanctions": [
        {"id": "s", "schema": "Sanction", "properties": {"authority": ["X"]}}]}}
    flat = list(flatten(line))
    assert [e["id"] for e in flat] == ["p", "s"]
    assert "sanctions" not in flat[0]["properties"]
    assert flat[1]["properties"]["entity"] == ["p"]
    items = _read(NESTED)
    assert _kinds(items) == {"Person": 1, "Sanction": 1, "SANCTIONED_BY": 1, "OWNS": 1,
                             "Organization": 2, "Wallet": 1, "CONTROLLED_BY": 1}
    link = next(i for i in items if isinstance(i, LinkRecord) and i.type == "SANCTIONED_BY")
    assert (link.start_id, link.end_id) == ("sg-person-vanna", "OFAC:SDGT:SG-0002")


def test_ingest_end_to_end(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "ftm", FLAT)
    assert (summary.read, summary.written, summary.quarantined) == (25, 20, 5)
    want = {"node:Entity": 9, "node:Person": 2, "node:Organization": 4, "node:Company": 2,
            "node:Wallet": 2, "node:Sanction": 1, "relationship:SANCTIONED_BY": 2,
            "relationship:CONTROLLED_BY": 2, "relationship:OWNS": 2,
            "relationship:DIRECTOR_OF": 1, "relationship:FAMILY_OF": 1,
            "relationship:ASSOCIATE_OF": 1, "relationship:LINKED_TO": 1, "relationship:PAID": 1}
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "ftm", FLAT)
    assert counts(graph, data_only=True) == want
    paid = one(graph, "MATCH (:Organization {id: 'sg-company-pay'})-[p:PAID]->(b) "
                      "RETURN p.amount_raw AS raw, p.amount AS amount, p.currency AS cur, "
                      "p.date AS date, b.name AS to, p.sources AS src")
    assert paid == {"raw": "125000.50", "amount": 125000.5, "cur": "USD", "date": "2024-03-01",
                    "to": "Example Trading LLC", "src": ["ftm:entities.flat.jsonl"]}
    assert rows(graph, "MATCH (n:Entity) WHERE n.placeholder RETURN n.id AS id") == []


def test_nested_merges_repeated_entity(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "ftm", NESTED)
    assert (summary.read, summary.quarantined) == (8, 0)
    casino = one(graph, "MATCH (c:Company {id: 'sg-company-casino'}) RETURN c.country AS c, "
                        "c.registration_numbers AS r, c.name AS n")
    assert casino == {"c": ["MM"], "r": ["MM-77"], "n": "Example Casino Resort"}
    assert counts(graph, data_only=True)["node:Entity"] == 4


def test_entities_of_the_synthetic_dataset_are_flagged(tmp_path: Path) -> None:
    lines = [
        '{"id": "p1", "schema": "Person", "properties": {"name": ["A"]},'
        ' "datasets": ["synthetic"]}',
        '{"id": "p2", "schema": "Person", "properties": {"name": ["B"]}, "datasets": ["us_ofac"]}',
        '{"id": "f1", "schema": "Family", "properties": {"person": ["p1"], "relative": ["p2"]},'
        ' "datasets": ["synthetic"]}',
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    flags = {getattr(i, "id", None) or i.type: i.props.get("synthetic")  # type: ignore[union-attr]
             for i in _read(path)}
    assert flags == {"p1": True, "p2": None, "FAMILY_OF": True}


def test_references_ftm_cleaning_refuses_are_kept(tmp_path: Path) -> None:
    """FtM's id pattern refuses `_`; an ActorPack actor's id has them, and an Ownership naming
    it must link to it (not be quarantined as lacking an owner). Referents are kept."""
    lines = [
        {"id": "own-1", "schema": "Ownership",
         "properties": {"owner": ["gs-actor-hydra_market"], "asset": ["co-1"],
                        "percentage": ["60"]}},
        {"id": "co-1", "schema": "Company", "referents": ["gs-actor-hydra_market", "old-co"],
         "properties": {"name": ["Hydra Holdings"]}},
    ]
    path = tmp_path / "refs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    items = _read(path)
    (owns,) = [i for i in items if isinstance(i, LinkRecord)]
    assert (owns.type, owns.start_id, owns.end_id, owns.props["share"]) == (
        "OWNS", "gs-actor-hydra_market", "co-1", 60.0)
    (company,) = [i for i in items if isinstance(i, NodeRecord)]
    assert company.props["referents"] == ["gs-actor-hydra_market", "old-co"]
    assert not [i for i in items if isinstance(i, Rejected)]
