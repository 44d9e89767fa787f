"""One job run: lock, fetch (conditional, retried), skip if unchanged, archive, ingest, record.

Every run that gets the lock leaves an IngestRun: "succeeded" (the runner's own), "unchanged"
(304, or the same sha256 as the last good run), or "failed" with the error. A run that does
not get the lock is "locked" and records nothing: another process is running the job. The
lock is renewed by a heartbeat while the run lives; a body that fails verification
(jobs/verify.py) fails the run before the ingest, and the job's state stays the last good one.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from datetime import datetime

from graph.db import Graph
from ingest.heartbeat import abandon_stale
from ingest.summary import RunSummary
from jobs import isolate, lock, metrics, runs, snapshots, state
from jobs.fetch import Fetched, Validators, discard, fetch
from jobs.manifest import Job
from jobs.retry import Retrier
from jobs.runs import JobRun, now
from jobs.verify import Expect, kind_of
from scamgraph.errors import ScamgraphError
from scamgraph.settings import Settings

log = logging.getLogger("scamgraph.jobs")


@dataclass
class _Attempt:
    """What one locked run knows as it goes."""

    graph: Graph
    job: Job
    settings: Settings
    started_at: datetime
    retrier: Retrier

    def remaining_s(self) -> float:
        return self.retrier.deadline - time.monotonic()

    def outcome(self, status: str, **fields: object) -> JobRun:
        return JobRun(self.job.name, status, self.started_at, now(),
                      attempts=self.retrier.attempts, **fields)  # type: ignore[arg-type]


def timeout_of(job: Job, settings: Settings) -> float:
    return job.timeout_s if job.timeout_s is not None else settings.jobs_timeout_s


def run_job(graph: Graph, job: Job, settings: Settings, *, owner: str | None = None) -> JobRun:
    """Run `job` once unless another process is running it; the outcome, also counted."""
    owner = owner or lock.new_owner()
    asked = now()
    holder = lock.acquire(graph, job.name, owner, lock.ttl_of(settings))
    if holder is not None:
        log.info("job %s: locked by %s, not run", job.name, holder.owner)
        outcome = JobRun(job.name, "locked", asked, now(), error=f"locked by {holder.owner}")
    else:
        try:
            abandon_stale(graph, settings.run_heartbeat_s)  # earlier runs whose process died
            # The run starts once the lock is held, so no two runs' spans overlap.
            with lock.beating(graph, job.name, owner, settings):
                outcome = _run_locked(_attempt(graph, job, settings, now()))
        finally:
            lock.release(graph, job.name, owner)
    metrics.observe(job.name, outcome.status, outcome.duration_s, outcome.written,
                    outcome.quarantined, outcome.ended_at.timestamp())
    return outcome


def _attempt(graph: Graph, job: Job, settings: Settings, started: datetime) -> _Attempt:
    retries = job.retries if job.retries is not None else settings.jobs_retries
    deadline = time.monotonic() + timeout_of(job, settings)
    retrier = Retrier(job.name, retries, settings.jobs_backoff_s, settings.jobs_backoff_max_s,
                      deadline)
    return _Attempt(graph, job, settings, started, retrier)


def _run_locked(at: _Attempt) -> JobRun:
    job, graph = at.job, at.graph
    previous = state.load(graph, job.name, job.source)
    try:
        fetched = at.retrier.call("fetch", lambda: _fetch(at, previous))
    except ScamgraphError as exc:
        return _failed(at, f"fetch failed: {exc}")
    if fetched.not_modified or fetched.sha256 == previous.sha256:
        discard(fetched)
        outcome = at.outcome("unchanged", sha256=fetched.sha256 or previous.sha256)
        outcome = replace(outcome, run_id=runs.record(graph, job, outcome))
        state.save(graph, job.name, job.source, fetched, previous)
        return outcome
    return _ingest(at, fetched, previous)


def _fetch(at: _Attempt, previous: Validators) -> Fetched:
    dest = snapshots.partial_path(at.settings, at.job.name)
    # A silent server must not hold the run past its time limit either.
    timeout_s = max(0.1, min(at.settings.jobs_http_timeout_s, at.remaining_s()))
    return fetch(at.job.source, dest, previous, timeout_s=timeout_s, deadline=at.retrier.deadline,
                 expect=expectation(at.job))


def expectation(job: Job) -> Expect:
    """What the job's fetched body must be (jobs/verify.py)."""
    return Expect(kind_of(job.ingester, snapshots.extension(job.source)), job.content_types,
                  job.checksum_url)


def _ingest(at: _Attempt, fetched: Fetched, previous: Validators) -> JobRun:
    job, graph, settings = at.job, at.graph, at.settings
    snap = snapshots.archive(settings, job.name, job.source, fetched)
    snapshots.prune(settings, job.name, settings.jobs_snapshots_keep)
    options = {**job.options, "source": runs.source_id(job)}
    since = now()
    try:
        summary = at.retrier.call("ingest", lambda: isolate.ingest(
            settings, job.ingester, snap.path, options, at.remaining_s()))
    except ScamgraphError as exc:
        tagged = runs.tag(graph, job, since=since, snapshot=str(snap.path),
                          attempts=at.retrier.attempts, error=str(exc))
        return _failed(at, str(exc), sha256=snap.sha256, snapshot=str(snap.path),
                       recorded=bool(tagged), since=since)
    runs.tag(graph, job, since=since, snapshot=str(snap.path), attempts=at.retrier.attempts)
    runs.set_origin(graph, job)
    state.save(graph, job.name, job.source, fetched, previous)
    return _from_summary(at, summary, str(snap.path))


def _failed(at: _Attempt, error: str, *, sha256: str | None = None, snapshot: str | None = None,
            recorded: bool = False, since: datetime | None = None) -> JobRun:
    """A failed outcome; recorded here unless the runner already recorded this run."""
    log.warning("job %s failed: %s", at.job.name, error)
    outcome = at.outcome("failed", sha256=sha256, snapshot=snapshot, error=error)
    run_id = _runner_run(at, since) if recorded and since is not None else None
    if run_id is not None:
        runs.set_origin(at.graph, at.job)
        return replace(outcome, run_id=run_id)
    return replace(outcome, run_id=runs.record(at.graph, at.job, outcome))


def _runner_run(at: _Attempt, since: datetime) -> str | None:
    """The id of the latest run the runner recorded (and `runs.tag` closed) since `since`."""
    latest = runs.last_runs(at.graph, [at.job.name]).get(at.job.name, {})
    started = latest.get("started_at")
    return latest["run_id"] if started is not None and started >= since else None


def _from_summary(at: _Attempt, summary: RunSummary, snapshot: str) -> JobRun:
    return at.outcome(summary.status, run_id=summary.run_id, sha256=summary.sha256,
                      read=summary.read, written=summary.written,
                      quarantined=summary.quarantined, snapshot=snapshot)
