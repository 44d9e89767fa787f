"""Job runs end to end: a local publisher, the ofac-list ingester, the real Neo4j.

Counts by hand: an ofac-list file of N addresses writes 1 Sanction + N Wallets + N
SANCTIONED_BY links, so `written` is 2N + 1.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from prometheus_client import REGISTRY

from graph.db import Graph
from jobs import snapshots
from jobs.manifest import Job
from jobs.run import run_job
from jobs.runs import JobRun, runs_of
from scamgraph.settings import Settings
from tests.jobs.conftest import FIXTURES
from tests.jobs.publisher import Publisher

TRX = "sanctioned_addresses_TRX.txt"


def trx_job(source: str, **extra: object) -> Job:
    return Job.model_validate({"name": "trx", "ingester": "ofac-list", "source": source,
                               "schedule": "0 * * * *", "options": {"asset": "TRX"}, **extra})


def wallets(graph: Graph) -> int:
    rows = graph.read("db/counts")
    return sum(r["count"] for r in rows if r["kind"] == "node" and r["name"] == "Wallet")


def runs_total(job: str, status: str) -> float:
    value = REGISTRY.get_sample_value("scamgraph_job_runs_total", {"job": job, "status": status})
    return value or 0.0


def test_a_changed_file_is_reingested_and_an_unchanged_one_is_skipped(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    settings = job_settings.model_copy(update={"jobs_snapshots_keep": 1})
    job, before = trx_job(publisher.url(TRX)), runs_total("trx", "unchanged")
    first = run_job(graph, job, settings)
    assert (first.status, first.read, first.written, first.quarantined) == ("succeeded", 7, 7, 0)
    assert wallets(graph) == 3
    second = run_job(graph, job, settings)
    assert (second.status, second.written) == ("unchanged", 0)
    assert publisher.gets(TRX)[-1]["if-none-match"].startswith('"')
    assert runs_total("trx", "unchanged") == before + 1
    publisher.publish(TRX, (FIXTURES / "sanctioned_addresses_TRX.v2.txt").read_text(),
                      mtime=time.time() + 5)
    third = run_job(graph, job, settings)
    assert (third.status, third.written) == ("succeeded", 11)
    assert wallets(graph) == 5
    history = runs_of(graph, "trx")
    assert [r["status"] for r in history] == ["succeeded", "unchanged", "succeeded"]
    assert [r["id"] for r in history] == [third.run_id, second.run_id, first.run_id]
    assert history[0]["written"] == 11 and history[0]["sha256"] == third.sha256
    # Retention keeps one snapshot: the file the last ingest read.
    assert snapshots.snapshots(settings, "trx") == [Path(str(third.snapshot))]
    source = graph.read("db/counts")
    assert [r["count"] for r in source if r["name"] == "Source"] == [1]


def test_a_local_file_with_the_same_hash_is_unchanged(
        graph: Graph, tmp_path: Path, job_settings: Settings) -> None:
    path = tmp_path / "list.json"
    path.write_bytes((FIXTURES / "sanctioned_addresses_ETH.json").read_bytes())
    job = Job(name="eth", ingester="ofac-list", source=str(path), schedule="0 * * * *",
              options={"asset": "ETH"})
    assert run_job(graph, job, job_settings).written == 9
    again = run_job(graph, job, job_settings)
    assert (again.status, again.sha256) == ("unchanged", runs_of(graph, "eth")[1]["sha256"])
    assert len(snapshots.snapshots(job_settings, "eth")) == 1


def test_a_failing_source_is_retried_with_backoff_then_recorded_failed(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    publisher.behaviour.fail_always = True
    began = time.monotonic()
    outcome = run_job(graph, trx_job(publisher.url(TRX)), job_settings)
    elapsed = time.monotonic() - began
    assert (outcome.status, outcome.attempts) == ("failed", 3)
    assert len(publisher.gets(TRX)) == 3  # 1 try + jobs_retries=2
    assert elapsed >= 0.05 + 0.1  # backoff 0.05s then 0.1s
    assert outcome.error is not None and "HTTP 500" in outcome.error
    [run] = runs_of(graph, "trx")
    assert (run["status"], run["error"], run["id"]) == ("failed", outcome.error, outcome.run_id)
    assert wallets(graph) == 0
    assert snapshots.snapshots(job_settings, "trx") == []


def test_a_source_that_recovers_within_the_retries_succeeds(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    publisher.behaviour.fail_next = 2
    outcome = run_job(graph, trx_job(publisher.url(TRX)), job_settings)
    assert (outcome.status, outcome.written) == ("succeeded", 7)
    assert len(publisher.gets(TRX)) == 3
    assert [r["status"] for r in runs_of(graph, "trx")] == ["succeeded"]


def test_bad_input_is_not_retried_and_leaves_the_graph_as_it_was(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    missing = run_job(graph, trx_job(publisher.url("gone.txt")), job_settings)
    assert missing.status == "failed" and "HTTP 404" in str(missing.error)
    assert len(publisher.gets("gone.txt")) == 1
    publisher.publish("broken.json", '["TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", ')
    broken = run_job(graph, trx_job(publisher.url("broken.json")), job_settings)
    assert broken.status == "failed" and "not valid JSON" in str(broken.error)
    assert len(publisher.gets("broken.json")) == 1
    history = runs_of(graph, "trx")
    assert [(r["status"], r["id"]) for r in history] == [
        ("failed", broken.run_id), ("failed", missing.run_id)]
    assert history[0]["snapshot"] == broken.snapshot and history[0]["format"] == "ofac-list"
    assert wallets(graph) == 0


def test_an_ingest_past_the_time_limit_is_stopped_and_recorded(
        graph: Graph, tmp_path: Path, job_settings: Settings) -> None:
    # 60,000 lowercase EVM addresses (valid without a checksum): far more than 1s of ingest.
    path = tmp_path / "sanctioned_addresses_ETH.txt"
    path.write_text("".join(f"0x{n:040x}\n" for n in range(1, 60_001)), encoding="ascii")
    job = Job(name="eth", ingester="ofac-list", source=str(path), schedule="0 * * * *",
              options={"asset": "ETH"}, timeout_s=1.0)
    began = time.monotonic()
    outcome = run_job(graph, job, job_settings)
    assert time.monotonic() - began < 15  # stopped, not run to the end
    assert outcome.status == "failed" and "time limit" in str(outcome.error)
    [run] = runs_of(graph, "eth")
    assert (run["status"], run["id"]) == ("failed", outcome.run_id)
    assert "time limit" in run["error"]
    assert graph.read("jobs/lock_list") == []


def test_two_concurrent_runs_of_a_job_one_runs_and_one_is_locked(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    publisher.behaviour.delay_s = 1.0  # keeps the first run inside its lock
    job, barrier, outcomes = trx_job(publisher.url(TRX)), threading.Barrier(2), []

    def run() -> None:
        barrier.wait(timeout=10)
        outcomes.append(run_job(graph, job, job_settings))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(o.status for o in outcomes) == ["locked", "succeeded"]
    locked: JobRun = next(o for o in outcomes if o.status == "locked")
    assert locked.error is not None and locked.error.startswith("locked by ")
    assert len(publisher.gets(TRX)) == 1
    assert [r["status"] for r in runs_of(graph, "trx")] == ["succeeded"]


def test_neo4j_unavailable_to_the_ingest_is_retried_then_recorded_failed(
        graph: Graph, tmp_path: Path, job_settings: Settings) -> None:
    path = tmp_path / TRX
    path.write_bytes((FIXTURES / TRX).read_bytes())
    # The ingest process connects to a port where no Neo4j listens; the job's own graph is fine.
    broken = job_settings.model_copy(update={"local_bolt_port": 9, "jobs_retries": 1})
    outcome = run_job(graph, trx_job(str(path)), broken)
    assert (outcome.status, outcome.attempts) == ("failed", 3)  # 1 fetch + 2 ingest attempts
    assert "cannot reach Neo4j" in str(outcome.error)
    [run] = runs_of(graph, "trx")
    assert (run["status"], run["id"], run["snapshot"]) == ("failed", outcome.run_id,
                                                           outcome.snapshot)
    assert wallets(graph) == 0
