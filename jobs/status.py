"""What `scamgraph jobs list` shows: schedule, next firing, last run and freshness per job.

Freshness is the age of the job's last run that succeeded or found the source unchanged:
either way the graph held the source's current content then. A job is stale when that age
exceeds two of its schedule's periods (one missed firing is tolerated, two are not).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from graph.db import Graph
from jobs.cron import cron_trigger
from jobs.manifest import Job, Manifest
from jobs.runs import last_runs


@dataclass(frozen=True)
class JobStatus:
    job: Job
    next_fire: datetime | None
    period_s: float | None  # the longest gap between the next few firings
    # Latest run: run_id, status, started_at, ended_at, error, last_success_at.
    last: dict[str, Any]
    running_by: str | None = None  # the lock owner while a run is under way

    def age_s(self, now: datetime) -> float | None:
        success = self.last.get("last_success_at")
        return (now - success).total_seconds() if success is not None else None

    def stale(self, now: datetime) -> bool:
        age = self.age_s(now)
        if age is None:
            return bool(self.last.get("status"))  # has run, never succeeded
        return self.period_s is not None and age > 2 * self.period_s

    def as_dict(self, now: datetime) -> dict[str, Any]:
        last = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in self.last.items()}
        return {
            "name": self.job.name, "ingester": self.job.ingester, "source": self.job.source,
            "schedule": self.job.schedule,
            "next_fire": self.next_fire.isoformat() if self.next_fire else None,
            "last_status": last.get("status"), "last_run_at": last.get("started_at"),
            "last_error": last.get("error"), "last_success_at": last.get("last_success_at"),
            "age_s": self.age_s(now), "stale": self.stale(now), "running_by": self.running_by,
        }


def firings(expr: str, now: datetime, count: int = 8) -> tuple[datetime | None, float | None]:
    """The next firing after `now`, and the longest gap among the next `count` firings
    (a weekday schedule's Friday-to-Monday gap must not make it look stale)."""
    trigger = cron_trigger(expr)
    fires: list[datetime] = []
    at = now
    while len(fires) < count:
        fire = trigger.get_next_fire_time(fires[-1] if fires else None, at)
        if fire is None:
            break
        fires.append(fire)
        # Firings fall on whole seconds, so the next one is at least a second later.
        at = fire + timedelta(seconds=1)
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(fires)]
    return (fires[0] if fires else None), (max(gaps) if gaps else None)


def statuses(manifest: Manifest, graph: Graph | None, now: datetime | None = None
             ) -> list[JobStatus]:
    """Every job's status; without a graph, only the schedule part is filled in."""
    now = now or datetime.now(UTC)
    names = [job.name for job in manifest.jobs]
    history = last_runs(graph, names) if graph is not None else {}
    held = ({r["name"]: r["owner"] for r in graph.read("jobs/lock_list")}
            if graph is not None else {})
    result = []
    for job in manifest.jobs:
        fire, period = firings(job.schedule, now)
        last = {k: v for k, v in history.get(job.name, {}).items() if k != "job"}
        result.append(JobStatus(job, fire, period, last, held.get(job.name)))
    return result


def humanise(seconds: float | None) -> str:
    """'3d4h', '2h13m', '45s'; '-' for never."""
    if seconds is None:
        return "-"
    total = int(seconds)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d{hours}h"
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"
