"""The scheduler fires on its cron schedule, and two schedulers never run a job twice at once."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable

from graph.db import Graph
from jobs.manifest import Manifest
from jobs.runs import JobRun, runs_of
from jobs.scheduler import JobRunner, background
from scamgraph.settings import Settings
from tests.jobs.publisher import Publisher

TRX = "sanctioned_addresses_TRX.txt"


def every_second(publisher: Publisher) -> Manifest:
    return Manifest.model_validate({"jobs": [{
        "name": "trx", "ingester": "ofac-list", "source": publisher.url(TRX),
        "schedule": "* * * * * *", "options": {"asset": "TRX"},
    }]})


def wait_for(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Poll `condition` until it holds or `timeout_s` passes (tests stop by themselves)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_schedule_fires_and_the_next_firing_finds_the_source_unchanged(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    outcomes: list[JobRun] = []
    scheduler = background(every_second(publisher), JobRunner(graph, job_settings, outcomes.append))
    try:
        assert wait_for(lambda: len(outcomes) >= 2, timeout_s=30)
    finally:
        scheduler.shutdown(wait=True)
    assert [o.status for o in outcomes[:2]] == ["succeeded", "unchanged"]
    statuses = [r["status"] for r in runs_of(graph, "trx", limit=100)]
    assert statuses[-1] == "succeeded" and set(statuses[:-1]) == {"unchanged"}


def test_two_schedulers_never_run_the_job_at_the_same_time(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    publisher.behaviour.delay_s = 0.7  # each run holds the lock across a firing
    outcomes: list[tuple[str, JobRun]] = []
    guard = threading.Lock()

    def keep(which: str) -> Callable[[JobRun], None]:
        def add(outcome: JobRun) -> None:
            with guard:
                outcomes.append((which, outcome))
        return add

    manifest = every_second(publisher)
    first = background(manifest, JobRunner(graph, job_settings, keep("a")))
    second = background(manifest, JobRunner(graph, job_settings, keep("b")))
    try:
        assert wait_for(lambda: sum(o.status != "locked" for _, o in outcomes) >= 3, 40)
    finally:
        first.shutdown(wait=True)
        second.shutdown(wait=True)
    ran = sorted((o for _, o in outcomes if o.status != "locked"), key=lambda o: o.started_at)
    assert any(o.status == "locked" for _, o in outcomes)
    for earlier, later in itertools.pairwise(ran):
        assert earlier.ended_at <= later.started_at, "two runs of one job overlapped"
    assert len(runs_of(graph, "trx", limit=100)) == len(ran)
