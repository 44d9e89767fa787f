"""Change capture: a source ingested, changed, ingested again; the change log says exactly what."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.db import Graph
from graph.investigate.changes import changes
from scamgraph.settings import Settings
from tests.conftest import FIXTURES
from tests.ingest.helpers import ingest, rows

TRON = "tron:TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"
SANCTION = "OFAC:CYBER2:c-sanction-b"


def _company(id_: str, name: str) -> dict[str, Any]:
    return {"id": id_, "schema": "Company", "properties": {"name": [name],
                                                           "jurisdiction": ["kh"]}}


def _wallet(holder: str | None) -> dict[str, Any]:
    props: dict[str, list[str]] = {"publicKey": [TRON.split(":")[1]], "currency": ["USDT"]}
    if holder:
        props["holder"] = [holder]
    return {"id": "c-wallet", "schema": "CryptoWallet", "properties": props}


SANCTION_ROW = {"id": "c-sanction-b", "schema": "Sanction", "properties": {
    "entity": ["c-co-b"], "authority": ["OFAC"], "program": ["CYBER2"]}}
V1 = [_company("c-co-a", "Alpha Co"), _company("c-co-b", "Beta Co"), SANCTION_ROW,
      _wallet("c-co-a")]
# An entity added, a property changed, a tag (the wallet's holder) removed, a sanction delisted.
V2 = [_company("c-co-a", "Alpha Holdings"), _company("c-co-b", "Beta Co"),
      _company("c-co-c", "Gamma Co"), _wallet(None)]


def _write(path: Path, entities: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entities))
    return path


def _log(graph: Graph) -> set[tuple[Any, ...]]:
    page = changes(graph, first=100)
    return {(c.kind, c.entity, c.field, c.end, json.dumps(c.before), json.dumps(c.after))
            for c in page.changes}


def test_second_run_logs_exactly_the_four_changes(graph: Graph, settings: Settings,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    first = ingest(graph, settings, "ftm", _write(path, V1), source="watchlist")
    assert first.status == "succeeded"
    assert _log(graph) == set()  # a source's first load is not itemised
    second = ingest(graph, settings, "ftm", _write(path, V2), source="watchlist")
    expected = {
        ("added", "c-co-c", None, None, "null", '"Gamma Co"'),
        ("updated", "c-co-a", "name", None, '"Alpha Co"', '"Alpha Holdings"'),
        ("unasserted", TRON, "CONTROLLED_BY", "c-co-a", '"c-co-a"', "null"),
        ("unasserted", SANCTION, None, None, json.dumps(SANCTION), "null"),
    }
    assert _log(graph) == expected
    page = changes(graph, first=100)
    assert {c.run for c in page.changes} == {second.run_id}
    assert {c.source for c in page.changes} == {"watchlist"}
    # Not asserted any more: the source is off their sources, the node and link stay.
    kept = rows(graph, "MATCH (s:Entity {id: $id}) RETURN s.sources AS sources", id=SANCTION)
    assert kept == [{"sources": []}]
    third = ingest(graph, settings, "ftm", path, source="watchlist")
    assert third.status == "succeeded"
    assert _log(graph) == expected  # an identical run changes nothing


def test_filters_and_watch(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    ingest(graph, settings, "ftm", _write(path, V1), source="watchlist")
    ingest(graph, settings, "ftm", _write(path, V2), source="watchlist")
    assert {c.kind for c in changes(graph, kinds=["updated"]).changes} == {"updated"}
    assert changes(graph, source_id="other").changes == ()
    assert len(changes(graph, since=datetime(2000, 1, 1)).changes) == 4  # naive bound: UTC
    assert changes(graph, watch=True).changes == ()  # nothing saved in an investigation
    data = {"nodes": [{"entity": {"id": "c-co-a"}, "x": 0, "y": 0}]}
    graph.write("api/save_investigation", {"id": "i1", "name": "case", "data": json.dumps(data),
                                           "created_by": "t"})
    watched = changes(graph, watch=True).changes
    assert {(c.kind, c.entity) for c in watched} == {("updated", "c-co-a"),
                                                      ("unasserted", TRON)}
    one_page = changes(graph, first=1)
    assert len(one_page.changes) == 1 and one_page.has_next_page
    rest = changes(graph, first=100, after=one_page.end_cursor)
    assert len(rest.changes) == 3


def test_watch_adds_new_transfers_into_watched_wallets(graph: Graph, settings: Settings,
                                                       tmp_path: Path) -> None:
    to = "0xac4df82fe37ea2187bc8c011a23d743b4f39019a"
    holder = {"id": "c-wallet-eth", "schema": "CryptoWallet", "properties": {
        "publicKey": [to], "currency": ["ETH"], "holder": ["c-co-a"]}}
    ingest(graph, settings, "ftm", _write(tmp_path / "a.jsonl", [V1[0], holder]), source="w")
    data = {"nodes": [{"entity": {"id": "c-co-a"}}]}
    graph.write("api/save_investigation", {"id": "i2", "name": "org", "data": json.dumps(data),
                                           "created_by": "t"})
    assert changes(graph, watch=True, kinds=["transfer"]).changes == ()
    csv = FIXTURES / "ethereum-etl" / "block_483920.token_transfers.csv"
    run = ingest(graph, settings, "ethereum-etl", csv)
    found = changes(graph, watch=True, kinds=["transfer"]).changes
    assert found and {(c.kind, c.entity, c.source) for c in found} == {
        ("transfer", f"ethereum:{to}", run.source_id)}
    assert changes(graph, watch=True, kinds=["transfer"], since=run.ended_at).changes == ()


def test_a_wallet_given_twice_in_a_file_logs_nothing_on_a_rerun(graph: Graph,
                                                                settings: Settings) -> None:
    huobi = FIXTURES / "graphsense" / "packs" / "exchange-wallets-huobi.yaml"
    ingest(graph, settings, "tagpack", huobi)  # 52 tags on 40 addresses
    ingest(graph, settings, "tagpack", huobi)
    assert changes(graph, first=100).changes == ()
