"""Summaries that add up: raw as read, read = written + quarantined, written = new + updated,
quarantine broken down by reason, and --max-quarantined failing a run with nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.limits import parse_limit
from ingest.runner import run_ingest
from scamgraph.errors import InputError, ValidationError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, ingest, one

GOOD = ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "123WBUDmSJv4GctdVEz6Qq6z8nXSKrJ4KX",
        "31nadacWrgPeAQxKRMabhn3fPhnhi3hjKa", "bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw"]
BAD = ["  123wbudmsjv4gctdvez6qq6z8nxskrj4kx  ", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
       "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"]


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "sanctioned_addresses_XBT.txt"
    path.write_text("\n".join(GOOD + BAD) + "\n", encoding="utf-8")
    return path


def test_counts_add_up_and_raw_is_the_line(graph: Graph, settings: Settings,
                                           tmp_path: Path) -> None:
    first = ingest(graph, settings, "ofac-list", _list(tmp_path))
    # 1 Sanction + 4 wallets + 4 links written; 3 lines quarantined.
    assert (first.read, first.written, first.quarantined) == (12, 9, 3)
    assert first.read == first.written + first.quarantined
    assert (first.new, first.updated) == (9, 0)
    assert first.reasons == {"XBT address rejected": 2, "duplicate of line N": 1}
    assert first.quarantine_path is not None
    entries = [json.loads(x) for x in first.quarantine_path.read_text("utf-8").splitlines()]
    assert [e["raw"] for e in entries] == BAD  # exactly as read, spaces kept
    summary = json.loads(first.to_json())
    assert summary["quarantine_reasons"] == first.reasons and summary["new"] == 9
    again = ingest(graph, settings, "ofac-list", _list(tmp_path))
    assert (again.written, again.new, again.updated) == (9, 0, 9)


@pytest.mark.parametrize("limit", ["2", "20%"])
def test_max_quarantined_fails_and_writes_nothing(graph: Graph, settings: Settings,
                                                  tmp_path: Path, limit: str) -> None:
    with pytest.raises(InputError, match=f"3 of 12 records quarantined .*{limit}"):
        run_ingest(graph, "ofac-list", _list(tmp_path), settings=settings,
                   max_quarantined=limit)
    assert counts(graph, data_only=True) == {}
    run = one(graph, "MATCH (r:IngestRun) RETURN r.status AS s, r.quarantined AS q")
    assert run == {"s": "failed", "q": 3}


def test_max_quarantined_within_limit_writes(graph: Graph, settings: Settings,
                                             tmp_path: Path) -> None:
    summary = run_ingest(graph, "ofac-list", _list(tmp_path), settings=settings,
                         max_quarantined="30%")
    assert (summary.status, summary.written, summary.quarantined) == ("succeeded", 9, 3)
    assert counts(graph, data_only=True)["node:Wallet"] == 4


def test_limit_forms() -> None:
    assert parse_limit(None) is None
    assert parse_limit("5") is not None and parse_limit("12.5%") is not None
    for bad in ("x", "5.5", "101%", "-1"):
        with pytest.raises(ValidationError):
            parse_limit(bad)


def test_cli_max_quarantined_exits_non_zero(graph: Graph, settings: Settings,
                                            tmp_path: Path) -> None:
    env = {**os.environ, "SCAMGRAPH_HOME": str(settings.home),
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
           "SCAMGRAPH_LOCAL_HTTP_PORT": "0", "SCAMGRAPH_NEO4J_URI": ""}
    cmd = [sys.executable, "-m", "scamgraph", "ingest", "ofac-list", str(_list(tmp_path)),
           "--max-quarantined", "10%"]
    out = subprocess.run(cmd, env=env, capture_output=True, timeout=180)
    assert out.returncode == 65, out.stderr.decode()
    assert "more than --max-quarantined 10%" in out.stderr.decode()
    assert counts(graph, data_only=True) == {}
