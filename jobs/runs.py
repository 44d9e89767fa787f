"""Run history of jobs: the runner's IngestRun nodes tagged with the job, plus runs it never saw.

The ingest runner records a Source and an IngestRun for every ingest it starts. A job also
ends without one: the source is unchanged (status "unchanged"), or the fetch failed after its
retries or the job timed out before the runner could finish (status "failed"). Those are
recorded here in the same shape, so history and freshness read one kind of node.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.db import Graph, native
from jobs.manifest import Job


@dataclass(frozen=True)
class JobRun:
    """The outcome of one job run, as the CLI prints it and metrics count it."""

    job: str
    status: str  # succeeded | unchanged | failed | locked
    started_at: datetime
    ended_at: datetime
    run_id: str | None = None
    sha256: str | None = None
    read: int = 0
    written: int = 0
    quarantined: int = 0
    attempts: int = 0
    snapshot: str | None = None
    error: str | None = None

    @property
    def duration_s(self) -> float:
        return (self.ended_at - self.started_at).total_seconds()

    def as_dict(self) -> dict[str, Any]:
        return {
            "job": self.job, "status": self.status, "run_id": self.run_id, "sha256": self.sha256,
            "read": self.read, "written": self.written, "quarantined": self.quarantined,
            "attempts": self.attempts, "snapshot": self.snapshot, "error": self.error,
            "started_at": self.started_at.isoformat(), "ended_at": self.ended_at.isoformat(),
            "duration_s": round(self.duration_s, 3),
        }


def source_id(job: Job) -> str:
    """The job's Source id; the same as `scamgraph ingest FORMAT URL` gives (format:URL)."""
    label = job.source if job.is_remote else Path(job.source).name
    return f"{job.ingester}:{label}"


def new_run_id(started: datetime) -> str:
    """A run id in the runner's form, so every IngestRun id sorts by time."""
    return f"{started:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:8]}"


def record(graph: Graph, job: Job, outcome: JobRun) -> str:
    """Record a run the runner never saw (unchanged, or failed before or around it)."""
    run_id = outcome.run_id or new_run_id(outcome.started_at)
    props = {
        "source_id": source_id(job), "format": job.ingester, "status": outcome.status,
        "sha256": outcome.sha256, "started_at": outcome.started_at,
        "ended_at": outcome.ended_at, "read": 0, "written": 0, "quarantined": 0, "created": 0,
        "updated": 0, "error": outcome.error, "job": job.name, "attempts": outcome.attempts,
        "snapshot": outcome.snapshot,
    }
    graph.write("jobs/run_record", {
        "id": run_id, "source_id": source_id(job), "source": job.source, "format": job.ingester,
        "url": job.source if job.is_remote else None, "props": props,
    })
    return run_id


def tag(graph: Graph, job: Job, *, since: datetime, snapshot: str, attempts: int,
        error: str | None = None) -> list[dict[str, Any]]:
    """Put the job's name on the runner's runs since `since`; close any left running."""
    params = {"source_id": source_id(job), "since": since, "job": job.name,
              "snapshot": snapshot, "attempts": attempts,
              "error": error or "the ingest process stopped before it finished"}
    return graph.write("jobs/run_tag", params).records


def set_origin(graph: Graph, job: Job) -> None:
    """The runner read a snapshot file; the Source should say where the job fetched it."""
    graph.write("jobs/source_origin", {
        "id": source_id(job), "source": job.source,
        "url": job.source if job.is_remote else None, "job": job.name,
    })


def last_runs(graph: Graph, names: list[str]) -> dict[str, dict[str, Any]]:
    """Per job name: latest run's id, status, times, error, and last success time."""
    rows = graph.read("jobs/last_runs", {"jobs": names})
    return {row["job"]: native(row) for row in rows}


def runs_of(graph: Graph, job: str, limit: int = 20) -> list[dict[str, Any]]:
    """The job's latest runs, newest first, as plain dicts."""
    rows = graph.read("jobs/runs_of_job", {"job": job, "limit": limit})
    return [native(row["run"]) for row in rows]


def now() -> datetime:
    return datetime.now(UTC)
