"""Shared by the bulk-load tests (tests/ingest/test_bulk.py) and the Spark staging tests
(tests/spark/): awkward fixture variants, and a graph's transfers and wallets to compare."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.db import Graph
from tests.ingest.helpers import fixture, rows

NOW_PROPS = {"first_seen", "last_seen"}  # the time of the run: differs between two runs


def odd_trongrid(tmp_path: Path) -> Path:
    """The TronGrid fixture with awkward asset symbols: a comma and quote, a line break."""
    pages = [json.loads(line) for line in
             fixture("trongrid/usdt_pages.jsonl").read_text().splitlines()]
    pages[0]["data"][0]["token_info"] = {**pages[0]["data"][0]["token_info"], "symbol": 'U,S"DT'}
    pages[0]["data"][1]["token_info"] = {**pages[0]["data"][1]["token_info"], "symbol": "US\nDT"}
    path = tmp_path / "odd_pages.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in pages))
    return path


def snapshot(graph: Graph) -> dict[str, Any]:
    transfers = rows(graph, "MATCH (a)-[t:TRANSFER]->(b) RETURN a.id AS a, b.id AS b, "
                            "properties(t) AS p ORDER BY t.id")
    wallets = rows(graph, "MATCH (w:Wallet) RETURN labels(w) AS labels, properties(w) AS p "
                          "ORDER BY w.id")
    for row in transfers + wallets:
        row["p"] = {k: v for k, v in row["p"].items() if k not in NOW_PROPS}
    return {"transfers": transfers, "wallets": wallets}


def bad_page(tmp_path: Path) -> Path:
    """The first fixture page under other transaction ids, with a bad-checksum receiver and a
    negative amount added (the page already holds an Approval, which is no transfer)."""
    page = json.loads(fixture("trongrid/usdt_pages.jsonl").read_text().splitlines()[0])
    assert len(page["data"]) == 5 and page["data"][4]["type"] == "Approval"
    page["data"] = [{**item, "transaction_id": "f" + item["transaction_id"][1:]}
                    for item in page["data"]]
    page["data"][0] = {**page["data"][0], "to": page["data"][0]["to"][:-1] + "X"}
    page["data"].append({**page["data"][1], "value": "-5"})
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(page) + "\n")
    return path
