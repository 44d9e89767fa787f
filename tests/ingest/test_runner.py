"""The runner: idempotent re-runs, provenance, quarantine, failed parses, dry runs, sources."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from graph.db import Graph
from ingest import formats
from ingest.runner import run_ingest
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one

USDT_FILE = fixture("ethereum-etl/usdt_17173049_17173050.token_transfers.jsonl")
FIRST_ID = "ethereum:0xd4afff4fe5b2a36d608d49a76878360c49f2fdc07793415b29ab61202d30080e:49"


def test_rerun_is_idempotent(graph: Graph, settings: Settings) -> None:
    first = ingest(graph, settings, "ethereum-etl", USDT_FILE)
    before = counts(graph, data_only=True)
    second = ingest(graph, settings, "ethereum-etl", USDT_FILE)
    assert counts(graph, data_only=True) == before
    assert (first.created, first.updated) == (72 + 41, 0)
    assert (second.created, second.updated, second.written) == (0, 41, 41)
    assert counts(graph)["node:IngestRun"] == 2  # bookkeeping: one node per run


def test_provenance_sources_first_and_last_seen(graph: Graph, settings: Settings) -> None:
    first = ingest(graph, settings, "ethereum-etl", USDT_FILE, source="feed-a")
    ingest(graph, settings, "ethereum-etl", USDT_FILE, source="feed-a")
    third = ingest(graph, settings, "ethereum-etl", USDT_FILE, source="feed-b")
    t = one(graph, "MATCH (a)-[t:TRANSFER {id: $id}]->() RETURN t.sources AS s, "
                   "t.first_seen AS f, t.last_seen AS l, a.sources AS ws, a.first_seen AS wf",
            id=FIRST_ID)
    assert t["s"] == ["feed-a", "feed-b"] and t["ws"] == ["feed-a", "feed-b"]
    assert t["f"].to_native() == first.started_at and t["wf"].to_native() == first.started_at
    assert t["l"].to_native() == third.started_at


def test_ingest_run_and_source_recorded(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "trongrid", fixture("trongrid/usdt_pages.jsonl"))
    run = one(graph, "MATCH (r:IngestRun {id: $id})-[:FROM_SOURCE]->(s:Source) "
                     "RETURN properties(r) AS r, properties(s) AS s", id=summary.run_id)
    sha = hashlib.sha256(fixture("trongrid/usdt_pages.jsonl").read_bytes()).hexdigest()
    r = run["r"]
    assert (r["status"], r["format"], r["sha256"], r["source_id"]) == (
        "succeeded", "trongrid", sha, "trongrid:usdt_pages.jsonl")
    assert (r["read"], r["written"], r["quarantined"], r["created"]) == (7, 5, 2, 4 + 5)
    assert r["ended_at"].to_native() >= r["started_at"].to_native() and "error" not in r
    assert run["s"]["id"] == "trongrid:usdt_pages.jsonl" and run["s"]["format"] == "trongrid"


def _bad_file(tmp: Path) -> Path:
    good = USDT_FILE.read_text(encoding="utf-8").splitlines()[:2]
    row = json.loads(good[0])

    def variant(**changes: object) -> str:
        return json.dumps({**row, "log_index": 900 + len(changes), **changes})

    bad_checksum = "0xE10510a359ff2334314052196780c5216e2a39f8"  # one letter upper-cased
    lines = [
        good[0], good[1],
        variant(from_address=bad_checksum),
        variant(value=-5, log_index=901),
        variant(value="12abc", log_index=902),
    ]
    blob = "\n".join(lines).encode() + b"\n" + variant(log_index=903).encode()[:-2] + b"\xff\xfe}\n"
    blob += (good[0] + "\n").encode()  # a duplicated line
    blob += good[1][: len(good[1]) // 2].encode()  # truncated last line
    path = tmp / "bad.token_transfers.jsonl"
    path.write_bytes(blob)
    return path


def test_bad_records_are_quarantined_with_position_and_reason(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    summary = ingest(graph, settings, "ethereum-etl", _bad_file(tmp_path))
    assert (summary.read, summary.written, summary.quarantined) == (8, 2, 6)
    assert counts(graph, data_only=True)["relationship:TRANSFER"] == 2
    assert summary.quarantine_path is not None
    entries = [json.loads(x) for x in summary.quarantine_path.read_text("utf-8").splitlines()]
    expected = [
        ("line 3", "bad EIP-55 checksum in '0xE10510a359ff2334314052196780c5216e2a39f8'"),
        ("line 4", "amount '-5' is not a non-negative integer in base units"),
        ("line 5", "amount '12abc' is not a non-negative integer in base units"),
        ("line 6", "not UTF-8: invalid start byte"),
        ("line 7", "duplicate of the transfer " + FIRST_ID + " at line 1"),
        ("line 8", "not JSON: Unterminated string"),
    ]
    assert [e["position"] for e in entries] == [p for p, _ in expected]
    for entry, (_, reason) in zip(entries, expected, strict=True):
        assert entry["reason"].startswith(reason), entry["reason"]
    assert all(e["file"].endswith("bad.token_transfers.jsonl") and e["raw"] for e in entries)


def test_unparseable_file_fails_and_leaves_graph_unchanged(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    ingest(graph, settings, "trongrid", fixture("trongrid/usdt_pages.jsonl"))
    before = counts(graph, data_only=True)
    text = fixture("trongrid/usdt_page.json").read_text(encoding="utf-8")
    truncated = tmp_path / "page.json"
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        ingest(graph, settings, "trongrid", truncated)
    assert counts(graph, data_only=True) == before
    failed = one(graph, "MATCH (r:IngestRun {status: 'failed'}) RETURN r.error AS e")
    assert "truncated" in failed["e"]


def test_late_failure_is_caught_by_the_validation_pass(
    graph: Graph, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(formats.FORMAT_MODULES, "late-fail", "tests.ingest.late_failing_format")
    src = tmp_path / "stream.xml"
    src.write_text("<broken", encoding="utf-8")
    with pytest.raises(InputError, match="unexpected end"):
        ingest(graph, settings, "late-fail", src)
    assert counts(graph, data_only=True) == {}
    assert one(graph, "MATCH (r:IngestRun) RETURN r.status AS s, r.written AS w") == {
        "s": "failed", "w": 0}


def test_dry_run_writes_nothing(graph: Graph, settings: Settings) -> None:
    summary = run_ingest(None, "trongrid", fixture("trongrid/usdt_pages.jsonl"),
                         settings=settings, dry_run=True)
    assert (summary.status, summary.read, summary.quarantined, summary.written) == (
        "dry-run", 7, 2, 0)
    assert counts(graph, data_only=True) == {}
    assert "node:IngestRun" not in counts(graph)


def test_a_long_ingest_beats_and_ends_as_itself_not_abandoned(
        graph: Graph, settings: Settings) -> None:
    # Beats every 0.05 s; the sweep at the next start must leave the finished run alone.
    beating = settings.model_copy(update={"run_heartbeat_s": 0.05})
    summary = ingest(graph, beating, "ethereum-etl", USDT_FILE)
    run = one(graph, "MATCH (r:IngestRun {id: $id}) RETURN r.status AS status, "
                     "r.heartbeat_s AS every, r.heartbeat_at AS beat", id=summary.run_id)
    assert (run["status"], run["every"]) == ("succeeded", 0.05)
    assert run["beat"].to_native() >= summary.started_at
    ingest(graph, beating, "ethereum-etl", USDT_FILE)  # the next start sweeps
    again = one(graph, "MATCH (r:IngestRun {id: $id}) RETURN r.status AS status",
                id=summary.run_id)
    assert again["status"] == "succeeded"
