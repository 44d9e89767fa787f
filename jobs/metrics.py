"""Prometheus metrics for job runs, on the default registry so one /metrics shows them all.

The scheduler process serves them with `--metrics-port`. The API's /metrics (`api.metrics`)
reports the jobs from their recorded history in the graph, as they run in another process.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram, start_http_server

RUNS = Counter("scamgraph_job_runs", "Job runs by job and status "
               "(succeeded, unchanged, failed, locked).", ["job", "status"])
DURATION = Histogram("scamgraph_job_duration_seconds", "Wall time of a job run (fetch and ingest).",
                     ["job"], buckets=(0.5, 1, 5, 15, 60, 300, 900, 1800, 3600, 7200))
LAST_SUCCESS = Gauge("scamgraph_job_last_success_timestamp_seconds",
                     "Unix time of the job's last succeeded or unchanged run.",
                     ["job"])
RECORDS = Counter("scamgraph_job_records_ingested", "Records written by job runs.", ["job"])
QUARANTINED = Counter("scamgraph_job_records_quarantined", "Records rejected by job runs.", ["job"])
STATUSES = ("succeeded", "unchanged", "failed", "locked")


def register(jobs: Iterable[str]) -> None:
    """Every label set of these jobs at zero: a labelled metric has no sample until its
    labels are used, so /metrics would be empty (and alerts blind) until each job ran. The
    last-success gauge starts at 0 (never), which a freshness alert reads as stale."""
    for job in jobs:
        for status in STATUSES:
            RUNS.labels(job, status)
        DURATION.labels(job)
        RECORDS.labels(job)
        QUARANTINED.labels(job)
        LAST_SUCCESS.labels(job)


def observe(job: str, status: str, duration_s: float, written: int = 0, quarantined: int = 0,
            ended_at: float | None = None) -> None:
    """Count one finished run."""
    RUNS.labels(job, status).inc()
    if status == "locked":
        return
    DURATION.labels(job).observe(duration_s)
    RECORDS.labels(job).inc(written)
    QUARANTINED.labels(job).inc(quarantined)
    if status in ("succeeded", "unchanged") and ended_at is not None:
        LAST_SUCCESS.labels(job).set(ended_at)


def serve(port: int, host: str = "127.0.0.1") -> None:
    """Serve the metrics over HTTP from a daemon thread (the scheduler process)."""
    start_http_server(port, addr=host)
