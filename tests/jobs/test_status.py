"""Freshness in `jobs list`: age of the last good run, stale past two schedule periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from graph.db import Graph
from ingest.formats import FORMAT_MODULES
from jobs import lock, runs
from jobs.manifest import Manifest, parse_manifest
from jobs.runs import JobRun
from jobs.status import humanise, statuses

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 22, 12, 30, tzinfo=UTC)


def manifest() -> Manifest:
    def job(name: str, schedule: str) -> dict[str, str]:
        return {"name": name, "ingester": "ofac-list", "source": f"{name}.txt",
                "schedule": schedule}
    return Manifest.model_validate({"jobs": [
        job("hourly", "0 * * * *"), job("six-hourly", "0 */6 * * *"),
        job("broken", "0 * * * *"), job("new", "0 * * * *")]})


def test_age_staleness_and_last_status(graph: Graph) -> None:
    m = manifest()
    hourly, six, broken, _ = m.jobs
    three_h_ago = NOW - timedelta(hours=3)
    for job, status in ((hourly, "succeeded"), (six, "unchanged"), (broken, "failed")):
        runs.record(graph, job, JobRun(job.name, status, three_h_ago - timedelta(seconds=9),
                                       three_h_ago, error="boom" if status == "failed" else None))
    rows = {s.job.name: s.as_dict(NOW) for s in statuses(m, graph, NOW)}
    assert (rows["hourly"]["age_s"], rows["hourly"]["stale"]) == (10_800.0, True)
    assert (rows["six-hourly"]["last_status"], rows["six-hourly"]["stale"]) == ("unchanged", False)
    assert (rows["broken"]["age_s"], rows["broken"]["stale"]) == (None, True)
    assert rows["broken"]["last_error"] == "boom"
    assert (rows["new"]["last_status"], rows["new"]["stale"]) == (None, False)
    assert rows["six-hourly"]["next_fire"] == "2026-11-22T18:00:00+00:00"
    assert rows["hourly"]["running_by"] is None


def test_a_job_under_way_shows_its_lock_owner(graph: Graph) -> None:
    assert lock.acquire(graph, "new", "host:7:abc", ttl_s=60) is None
    rows = {s.job.name: s for s in statuses(manifest(), graph, NOW)}
    assert (rows["new"].running_by, rows["hourly"].running_by) == ("host:7:abc", None)


def test_without_a_graph_only_the_schedule_is_shown() -> None:
    [first, *_] = statuses(manifest(), None, NOW)
    assert (first.next_fire, first.period_s, first.last) == (
        datetime(2026, 11, 22, 13, 0, tzinfo=UTC), 3600.0, {})


def test_humanise() -> None:
    assert [humanise(s) for s in (None, 45, 125, 7980, 266_400)] == [
        "-", "45s", "2m05s", "2h13m", "3d2h"]


def test_the_example_manifest_is_valid() -> None:
    example = parse_manifest(ROOT / "jobs.yaml", lambda: set(FORMAT_MODULES))
    assert [j.name for j in example.jobs] == [
        "ofac-sdn-csv", "ofac-list-trx", "ofac-list-usdt", "ofac-list-xbt"]
    assert all(j.is_remote for j in example.jobs)
    assert [t.name for t in example.typologies] == ["typologies-daily"]
