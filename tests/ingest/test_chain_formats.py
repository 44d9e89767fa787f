"""The chain and compound formats end to end on real (and marked synthetic) samples."""

from __future__ import annotations

import json

from graph.db import Graph
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one, rows

USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7"


def test_ethereum_etl_usdt_sample(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "ethereum-etl",
                     fixture("ethereum-etl/usdt_17173049_17173050.token_transfers.jsonl"))
    assert (summary.read, summary.written, summary.quarantined) == (41, 41, 0)
    assert counts(graph, data_only=True) == {
        "node:Entity": 72, "node:Wallet": 72, "relationship:TRANSFER": 41}
    t = one(graph, "MATCH (a)-[t:TRANSFER {id: $id}]->(b) "
                   "RETURN a.id AS a, b.id AS b, properties(t) AS t",
            id="ethereum:0xd4afff4fe5b2a36d608d49a76878360c49f2fdc07793415b29ab61202d30080e:49")
    assert t["a"] == "ethereum:0xe10510a359ff2334314052196780c5216e2a39f8"
    assert t["b"] == "ethereum:0x1f87bc6687c52200aad234b7055568e92c943c46"
    props = t["t"]
    assert (props["asset"], props["token"], props["amount_raw"], props["decimals"]) == (
        "USDT", USDT, "30000000", 6)
    assert props["amount"] == 30.0
    assert props["ts"].iso_format() == "2023-05-02T12:19:59.000000000+00:00"
    assert props["block"] == 17173049
    total = one(graph, "MATCH ()-[t:TRANSFER]->() RETURN sum(toInteger(t.amount_raw)) AS s")
    assert total["s"] == 1088121577531


def test_erc20_value_above_2_pow_64_is_exact(graph: Graph, settings: Settings) -> None:
    ingest(graph, settings, "ethereum-etl",
           fixture("ethereum-etl/mainnet_17173049_first40.token_transfers.jsonl"))
    big = one(graph, "MATCH ()-[t:TRANSFER]->() WITH t ORDER BY size(t.amount_raw) DESC, "
                     "t.amount_raw DESC LIMIT 1 RETURN t.amount_raw AS raw, t.decimals AS d, "
                     "t.asset AS asset")
    assert big["raw"] == "7786596450288373164569331648084"
    assert int(big["raw"]) > 2**64
    # An unknown token: decimals are not guessed, the asset is the token contract.
    assert big["d"] is None and big["asset"].startswith("0x")
    weth = one(graph, "MATCH ()-[t:TRANSFER {id: $id}]->() RETURN t.amount AS a, t.asset AS s",
               id="ethereum:0xeb107a40ba73a50c79a9f2026e902d758d1c5e5e211f7a7db1b294f88f118dd0:0")
    assert weth == {"a": 7.056176614974947328, "s": "WETH"}


def test_ethereum_etl_csv_export_has_no_timestamp(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "ethereum-etl",
                     fixture("ethereum-etl/block_483920.token_transfers.csv"),
                     decimals="2", asset="TST")
    assert (summary.read, summary.written) == (2, 2)
    got = rows(graph, "MATCH ()-[t:TRANSFER]->() RETURN t.amount AS a, t.ts AS ts, "
                      "t.asset AS s, t.block AS b ORDER BY a")
    assert got == [{"a": 1000.0, "ts": None, "s": "TST", "b": 483920},
                   {"a": 2000.0, "ts": None, "s": "TST", "b": 483920}]


def test_bitcoin_etl_inputs_split_to_outputs(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "bitcoin-etl",
                     fixture("bitcoin-etl/stream_50001_50002.transactions.jsonl"))
    # Two coinbase transactions are quarantined; two spends give three transfers.
    assert (summary.read, summary.written, summary.quarantined) == (5, 3, 2)
    got = rows(graph, "MATCH (a)-[t:TRANSFER]->(b) RETURN a.address AS a, b.address AS b, "
                      "t.index AS i, t.amount_raw AS raw, t.amount AS btc ORDER BY t.id")
    assert got == [
        {"a": "1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae", "b": "1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ",
         "i": 0, "raw": "5000000000", "btc": 50.0},
        {"a": "1PZMgkF2x161qvfP7dhoWSEEU3SjnQE1m9", "b": "1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ",
         "i": 1, "raw": "5000000000", "btc": 50.0},
        {"a": "18dxbN6m8zxieN8F9BchXmhbeXUdFLr8fD", "b": "1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ",
         "i": 0, "raw": "5000000000", "btc": 50.0},
    ]
    wallet = one(graph, "MATCH (w:Wallet {address: '1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ'}) "
                        "RETURN w.assets AS assets, w.first_activity AS f, w.display AS d")
    assert wallet["assets"] == ["BTC"] and wallet["d"] == "1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ"
    assert wallet["f"].iso_format() == "2010-04-10T16:31:40.000000000+00:00"


def test_bitcoin_etl_not_enriched_is_quarantined_with_reason(
    graph: Graph, settings: Settings
) -> None:
    summary = ingest(graph, settings, "bitcoin-etl",
                     fixture("bitcoin-etl/block_50001_not_enriched.transactions.jsonl"))
    assert (summary.read, summary.written, summary.quarantined) == (4, 0, 4)
    assert summary.quarantine_path is not None
    lines = summary.quarantine_path.read_text(encoding="utf-8").splitlines()
    reasons = [json.loads(line)["reason"] for line in lines]
    assert [r.split(":")[0] for r in reasons] == [
        "coinbase transaction", "input 0 has no value (not enriched?)",
        "input 0 has no value (not enriched?)", "coinbase transaction"]


def test_trongrid_pages_and_deterministic_index(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "trongrid", fixture("trongrid/usdt_pages.jsonl"))
    # 5 transfers; the Approval and the transfer repeated on page 2 are quarantined.
    assert (summary.read, summary.written, summary.quarantined) == (7, 5, 2)
    assert counts(graph, data_only=True)["node:Wallet"] == 4
    pair = rows(graph, "MATCH ()-[t:TRANSFER {amount_raw: '250000000'}]->() "
                       "RETURN t.index % 16 AS occurrence, t.amount AS a ORDER BY occurrence")
    assert pair == [{"occurrence": 0, "a": 250.0}, {"occurrence": 1, "a": 250.0}]
    big = one(graph, "MATCH ()-[t:TRANSFER {amount_raw: '12345678901234567890123'}]->() "
                     "RETURN t.decimals AS d, t.asset AS s")
    assert big == {"d": 6, "s": "USDT"}
    # The single-page document form gives the same transfers the same ids.
    again = ingest(graph, settings, "trongrid", fixture("trongrid/usdt_page.json"))
    assert (again.written, again.updated, again.created) == (4, 4, 0)


def test_compounds_geojson(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "compounds", fixture("compounds/compounds.geojson"))
    assert (summary.read, summary.written, summary.quarantined) == (12, 10, 2)
    found = counts(graph, data_only=True)
    assert (found["node:Compound"], found["node:Organization"], found["node:Entity"]) == (3, 2, 6)
    assert found["relationship:OPERATES"] == 4
    park = one(graph, "MATCH (o:Organization)-[:OPERATES]->(c:Compound {id: $id}) "
                      "RETURN o.name AS o, c.country AS country, c.location.x AS lon, "
                      "c.location.y AS lat, c.aliases AS aliases, c.synthetic AS synthetic",
               id="compound-synthetic-kk-like-park")
    assert park == {"o": "Synthetic Holding Group", "country": "MM", "lon": 98.5621,
                    "lat": 16.6955, "aliases": ["Riverside Zone"], "synthetic": True}
    linked = one(graph, "MATCH (o:Entity {id: 'ofac-sdn-99999'})-[:OPERATES]->(c) "
                        "RETURN o.placeholder AS p, labels(o) AS l, c.name AS c")
    assert linked == {"p": True, "l": ["Entity"], "c": "Synthetic Golden Zone"}
