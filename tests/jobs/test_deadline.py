"""A job's deadline holds during the download, and its lock holds for as long as it runs.

The publisher drips the body a byte a second (175 s for the v2 list): the run must stop at
its time limit, within 2 s, whether the reads keep arriving (checked per read) or the
publisher goes silent mid-body with a read timeout longer than the time left (the watchdog).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from graph.db import Graph
from jobs.fetch import Validators, fetch
from jobs.run import run_job
from jobs.runs import JobRun, runs_of
from scamgraph.errors import JobTimeoutError
from scamgraph.settings import Settings
from tests.jobs.conftest import FIXTURES
from tests.jobs.publisher import Publisher
from tests.jobs.test_run import TRX, trx_job

V2 = (FIXTURES / "sanctioned_addresses_TRX.v2.txt").read_text()


def test_a_slow_drip_source_stops_at_the_jobs_deadline(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    publisher.publish(TRX, V2)
    publisher.behaviour.drip_s = 1.0
    began = time.monotonic()
    outcome = run_job(graph, trx_job(publisher.url(TRX), timeout_s=3.0), job_settings)
    took = time.monotonic() - began
    # The run's span starts with its deadline (bookkeeping before it is not the fetch's).
    print(f"\nFAULT 'slow drip 1 B/s, limit 3 s': {outcome.status} after "
          f"{outcome.duration_s:.2f}s of run ({took:.2f}s with the lock and records)")
    assert outcome.status == "failed" and "time limit" in str(outcome.error)
    assert 3.0 - 0.1 <= outcome.duration_s <= 3.0 + 2.0
    assert took < 60  # not the 175 s the drip would take
    assert [r["status"] for r in runs_of(graph, "trx")] == ["failed"]
    assert graph.read("jobs/lock_list") == []


def test_a_body_gone_silent_is_cut_by_the_watchdog(publisher: Publisher, tmp_path: Path) -> None:
    publisher.publish(TRX, V2)
    publisher.behaviour.drip_s = 30.0  # one byte, then 30 s of silence
    began = time.monotonic()
    with pytest.raises(JobTimeoutError, match="time limit"):
        # A read timeout of 60 s would wait; the deadline in 2 s must not.
        fetch(publisher.url(TRX), tmp_path / "body", Validators(), timeout_s=60,
              deadline=time.monotonic() + 2.0)
    took = time.monotonic() - began
    print(f"\nFAULT 'silent body, read timeout 60 s, limit 2 s': JobTimeoutError after {took:.2f}s")
    assert took <= 2.0 + 2.0
    assert not (tmp_path / "body").exists()


def test_a_run_outliving_its_lock_ttl_keeps_the_lock_by_heartbeat(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    # TTL = 3 heartbeats of 0.5 s + 1 s grace = 2.5 s; the first run fetches for 12 s.
    settings = job_settings.model_copy(update={"run_heartbeat_s": 0.5, "jobs_lock_grace_s": 1.0,
                                          "jobs_http_timeout_s": 30.0})
    publisher.behaviour.delay_s = 12.0
    job, outcomes = trx_job(publisher.url(TRX)), []
    first = threading.Thread(target=lambda: outcomes.append(run_job(graph, job, settings)))
    first.start()
    for _ in range(600):  # the first run holds the lock once it is fetching (bounded: 60 s)
        if publisher.gets(TRX):
            break
        time.sleep(0.1)
    time.sleep(5.5)  # over twice the TTL: without renewal the lock would have expired by now
    [held] = graph.read("jobs/lock_list")
    second: JobRun = run_job(graph, job, settings)
    first.join(timeout=60)
    assert second.status == "locked" and held["owner"] in str(second.error)
    assert [o.status for o in outcomes] == ["succeeded"]
    assert len(publisher.gets(TRX)) == 1  # the second run never fetched
    assert [r["status"] for r in runs_of(graph, "trx")] == ["succeeded"]
    assert graph.read("jobs/lock_list") == []  # released at the end
