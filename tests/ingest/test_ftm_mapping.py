"""`ftm-mapping`: an analyst's CSV turned into entities by a FollowTheMoney mapping file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.ftm.mapping import read
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, rows

CSV = fixture("ftm-mapping/case_companies.csv")
MAPPING = fixture("ftm-mapping/case_mapping.yml")


def _read(path: Path, **options: str) -> list[Item]:
    return list(read(SourceInput(path, path.name, options)))


def _kinds(items: list[Item]) -> Counter[str]:
    return Counter(i.label if isinstance(i, NodeRecord) else
                   i.type if isinstance(i, LinkRecord) else "Rejected" for i in items)


def test_csv_with_mapping_option_and_mapping_as_source_agree() -> None:
    items = _read(CSV, mapping=str(MAPPING))
    assert items == _read(MAPPING)
    # 4 rows: company, director, directorship each; wallets on 3 rows (row 5: bad checksum);
    # a parent company and ownership on rows 2, 4, 5 (row 3 has no parent: Ownership rejected).
    assert _kinds(items) == {"Organization": 4 + 3, "Person": 4, "DIRECTOR_OF": 4, "Wallet": 3,
                             "CONTROLLED_BY": 3, "OWNS": 3, "Rejected": 2}
    reasons = [(i.position, i.reason[:36]) for i in items if isinstance(i, Rejected)]
    assert reasons == [("case_companies.csv line 3", "Ownership lacks owner or asset"),
                       ("case_companies.csv line 5", "ETH address rejected: bad EIP-55 che")]


def test_ids_are_deterministic_and_prefixed_by_dataset() -> None:
    first = [i.id for i in _read(MAPPING) if isinstance(i, NodeRecord)]
    second = [i.id for i in _read(MAPPING) if isinstance(i, NodeRecord)]
    assert first == second and len(set(first)) == 10


@pytest.mark.parametrize(("text", "message"), [
    ("case: {queries: [{csv_url: x.csv, entities: {}}]}", "invalid FollowTheMoney mapping"),
    ("case: {queries: [{csv_url: 'https://example.org/x.csv', entities: "
     "{a: {schema: Person, keys: [n], properties: {name: {column: n}}}}}]}", "not a file next"),
    ("case: {queries: [{csv_url: ../../../etc/passwd, entities: "
     "{a: {schema: Person, keys: [n], properties: {name: {column: n}}}}}]}", "not a file next"),
    ("- just a list", "YAML object of datasets"),
])
def test_bad_mapping_fails_whole(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mapping.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        _read(path)


def test_ingest_end_to_end(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "ftm-mapping", CSV, mapping=str(MAPPING))
    assert (summary.read, summary.written, summary.quarantined) == (26, 24, 2)
    want = {"node:Entity": 10, "node:Organization": 4, "node:Company": 4, "node:Person": 3,
            "node:Wallet": 3, "relationship:DIRECTOR_OF": 4, "relationship:CONTROLLED_BY": 3,
            "relationship:OWNS": 3}
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "ftm-mapping", CSV, mapping=str(MAPPING))
    assert counts(graph, data_only=True) == want
    # The parent known only by its registration number keeps the name its own row gave it.
    got = rows(graph, "MATCH (p:Company)-[o:OWNS]->(c) RETURN p.name AS parent, c.name AS child, "
                      "o.share AS share ORDER BY child")
    assert got == [
        {"parent": "Example Group Holdings Ltd", "child": "Example Exchange OTC", "share": 51.0},
        {"parent": "Example Group Holdings Ltd", "child": "Example Logistics", "share": None},
        {"parent": "Example Group Holdings Ltd", "child": "Example Pay Co. Ltd.", "share": 75.0}]
