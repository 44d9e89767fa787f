"""The scheduler: APScheduler 3 cron triggers (UTC), one job instance at a time per process.

Inside one process `max_instances=1` stops a slow run from overlapping its next firing and
`coalesce` folds missed firings into one; across processes the Neo4j job lock does the
same (see jobs/lock.py). Each firing runs `run_job` in the scheduler's thread pool; the
ingest itself runs in a child process with the job's time limit.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from graph.db import Graph
from ingest.heartbeat import abandon_stale
from jobs import metrics
from jobs.cron import cron_trigger, next_fire
from jobs.manifest import Job, Manifest
from jobs.run import run_job
from jobs.runs import JobRun
from jobs.typology_job import TypologyJob, TypologyRun, run_typology_job
from scamgraph.errors import ScamgraphError
from scamgraph.settings import Settings

log = logging.getLogger("scamgraph.jobs")
# A firing missed by up to this many seconds (the process was busy or paused) still runs.
MISFIRE_GRACE_S = 300


class JobRunner:
    """What a firing calls: one run of a job, its outcome logged and kept for inspection."""

    def __init__(self, graph: Graph, settings: Settings,
                 on_outcome: Callable[[JobRun], None] | None = None) -> None:
        self.graph, self.settings, self.on_outcome = graph, settings, on_outcome
        try:
            # A scheduler starting after a crash says so at once, not at its first firing.
            abandon_stale(graph, settings.run_heartbeat_s)
        except ScamgraphError as exc:
            log.error("could not mark abandoned runs: %s", exc)

    def __call__(self, job: Job) -> JobRun | None:
        try:
            outcome = run_job(self.graph, job, self.settings)
        except ScamgraphError as exc:
            # The run could not even be recorded (e.g. Neo4j went away); the next firing retries.
            log.error("job %s: could not run or record: %s", job.name, exc)
            metrics.RUNS.labels(job.name, "failed").inc()
            return None
        log.info("job %s: %s in %.1fs (written %d, quarantined %d)%s", job.name, outcome.status,
                 outcome.duration_s, outcome.written, outcome.quarantined,
                 f": {outcome.error}" if outcome.error else "")
        if self.on_outcome is not None:
            self.on_outcome(outcome)
        return outcome


class TypologyRunner:
    """What a typology job's firing calls: scan, store the hits, log what was new."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def __call__(self, job: TypologyJob) -> TypologyRun | None:
        started = datetime.now(UTC)
        try:
            outcome = run_typology_job(self.graph, job, started)
        except ScamgraphError as exc:
            log.error("typology job %s failed: %s", job.name, exc)
            metrics.observe(job.name, "failed", (datetime.now(UTC) - started).total_seconds())
            return None
        log.info("typology job %s: %d hits stored, %d new in %.1fs%s", job.name,
                 sum(outcome.stored.values()), sum(outcome.new.values()), outcome.duration_s,
                 f" (partial: {outcome.partial})" if outcome.partial else "")
        metrics.observe(job.name, "succeeded", outcome.duration_s,
                        written=sum(outcome.stored.values()), ended_at=time.time())
        return outcome


def schedule(scheduler: BaseScheduler, manifest: Manifest, runner: Callable[[Job], Any],
             typology_runner: Callable[[TypologyJob], Any] | None = None) -> None:
    """Add one cron-triggered APScheduler job per manifest job (typology scans too, when a
    runner for them is given)."""
    metrics.register(manifest.names)
    pairs: list[tuple[Callable[[Any], Any], Job | TypologyJob]] = [
        (runner, j) for j in manifest.jobs]
    if typology_runner is not None:
        pairs += [(typology_runner, t) for t in manifest.typologies]
    for call, job in pairs:
        scheduler.add_job(
            call, trigger=cron_trigger(job.schedule), args=[job], id=job.name, name=job.name,
            max_instances=1, coalesce=True, misfire_grace_time=MISFIRE_GRACE_S,
            replace_existing=True,
        )


def background(manifest: Manifest, runner: Callable[[Job], Any],
               typology_runner: Callable[[TypologyJob], Any] | None = None
               ) -> BackgroundScheduler:
    """A started scheduler running in a thread (for tests and embedding)."""
    scheduler = BackgroundScheduler(timezone=UTC)
    schedule(scheduler, manifest, runner, typology_runner)
    scheduler.start()
    return scheduler


def run_forever(manifest: Manifest, runner: Callable[[Job], Any],
                typology_runner: Callable[[TypologyJob], Any] | None = None) -> None:
    """Block running the schedule until SIGINT or SIGTERM (docker stop); running jobs finish."""
    scheduler = BlockingScheduler(timezone=UTC)
    schedule(scheduler, manifest, runner, typology_runner)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: stopping the scheduler after running jobs end", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for job in [*manifest.jobs, *manifest.typologies]:
        log.info("job %s (%s): next run at %s", job.name, job.schedule, next_fire(job.schedule))
    scheduler.start()
