"""jobs.local.yaml, the offline operator path: every job's source ships in the repository, so
each one runs once and succeeds with no network; the scheduler's metrics exist at zero for
every job of the manifest before any has run."""

from __future__ import annotations

from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler
from prometheus_client import REGISTRY, generate_latest

from graph.db import Graph
from jobs.manifest import parse_manifest
from jobs.run import run_job
from jobs.scheduler import schedule
from scamgraph.settings import Settings
from tests.conftest import ROOT

LOCAL = ROOT / "jobs.local.yaml"


def test_every_local_source_is_a_file_in_the_repository() -> None:
    jobs = parse_manifest(LOCAL).jobs
    assert len(jobs) >= 5
    for job in jobs:
        path = Path(job.source)
        assert path.is_file() and path.is_relative_to(ROOT), (job.name, job.source)


def test_every_local_job_runs_once_and_succeeds(graph: Graph, job_settings: Settings) -> None:
    outcomes = {job.name: run_job(graph, job, job_settings) for job in parse_manifest(LOCAL).jobs}
    failed = {name: o.error for name, o in outcomes.items() if o.status != "succeeded"}
    assert failed == {}
    assert all(o.written > 0 for o in outcomes.values()), outcomes


def test_scheduler_metrics_have_zero_samples_for_every_job_from_start() -> None:
    # Names no other test has run (the registry is the process's).
    local = parse_manifest(LOCAL)
    manifest = local.model_copy(update={"jobs": [
        j.model_copy(update={"name": f"fresh-{j.name}"}) for j in local.jobs]})
    scheduler = BackgroundScheduler()
    schedule(scheduler, manifest, lambda _job: None)  # registered, never started
    text = generate_latest(REGISTRY).decode()
    for job in manifest.jobs:
        for status in ("succeeded", "failed", "unchanged", "locked"):
            assert f'scamgraph_job_runs_total{{job="{job.name}",status="{status}"}}' in text
        assert f'scamgraph_job_records_ingested_total{{job="{job.name}"}} 0.0' in text
        assert f'scamgraph_job_duration_seconds_count{{job="{job.name}"}} 0.0' in text
