"""`scamgraph jobs` as an operator runs it: separate processes on the test database."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from api.metrics import metrics_app
from graph.db import Graph
from graph.local.ports import free_port
from jobs import lock, runs
from jobs.manifest import Job
from jobs.runs import JobRun, runs_of
from scamgraph.settings import Settings
from tests.jobs.conftest import FIXTURES
from tests.jobs.publisher import Publisher
from tests.jobs.test_scheduler import wait_for

TRX = "sanctioned_addresses_TRX.txt"
EXE = [sys.executable, "-m", "scamgraph"]


def manifest(tmp_path: Path, source: str, schedule: str = "0 * * * *") -> Path:
    path = tmp_path / "jobs.yaml"
    path.write_text(f"jobs:\n  - name: trx\n    ingester: ofac-list\n    source: {source}\n"
                    f"    schedule: '{schedule}'\n    options: {{asset: TRX}}\n", encoding="utf-8")
    return path


def env(settings: Settings) -> dict[str, str]:
    """The CLI's settings pointing at the test database (run from a folder without .env)."""
    return {**os.environ, "SCAMGRAPH_HOME": str(settings.home), "SCAMGRAPH_NEO4J_URI": "",
            "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
            "SCAMGRAPH_LOCAL_HTTP_PORT": "0", "SCAMGRAPH_JOBS_BACKOFF_S": "0.05"}


def cli(settings: Settings, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, "jobs", *args], cwd=cwd, env=env(settings), text=True,
                          capture_output=True, timeout=120, check=False)


def test_run_then_list_shows_status_and_freshness(
        graph: Graph, publisher: Publisher, job_settings: Settings, tmp_path: Path) -> None:
    path = manifest(tmp_path, publisher.url(TRX))
    done = cli(job_settings, tmp_path, "run", "trx", "--manifest", str(path))
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.splitlines()[-1])
    assert (outcome["status"], outcome["written"], outcome["job"]) == ("succeeded", 7, "trx")
    listed = cli(job_settings, tmp_path, "list", "--json", "--manifest", str(path))
    row = json.loads(listed.stdout)
    assert (row["name"], row["last_status"], row["stale"]) == ("trx", "succeeded", False)
    assert 0 <= row["age_s"] < 60 and row["next_fire"].endswith(":00:00+00:00")
    table = cli(job_settings, tmp_path, "list", "--manifest", str(path)).stdout
    assert "trx" in table.splitlines()[1] and "succeeded" in table.splitlines()[1]
    shown = cli(job_settings, tmp_path, "history", "trx", "--manifest", str(path)).stdout
    [run] = [json.loads(line) for line in shown.splitlines()]
    assert (run["id"], run["status"], run["written"]) == (outcome["run_id"], "succeeded", 7)
    iso = datetime.fromisoformat
    began = iso(run["started_at"]) - iso(outcome["started_at"])
    assert timedelta(0) <= began < timedelta(seconds=30)  # the runner starts after the fetch
    assert Path(run["snapshot"]).read_bytes() == (FIXTURES / TRX).read_bytes()


def test_run_is_refused_while_another_process_holds_the_job(
        graph: Graph, publisher: Publisher, job_settings: Settings, tmp_path: Path) -> None:
    assert lock.acquire(graph, "trx", "other-host:4242:abc", ttl_s=60) is None
    done = cli(job_settings, tmp_path, "run", "trx", "--manifest",
               str(manifest(tmp_path, publisher.url(TRX))))
    assert done.returncode == 75
    assert "job 'trx' is already running" in done.stderr and "other-host:4242" in done.stderr
    assert publisher.gets(TRX) == []


def test_a_bad_manifest_fails_naming_job_and_field(job_settings: Settings, tmp_path: Path) -> None:
    done = cli(job_settings, tmp_path, "list", "--manifest",
               str(manifest(tmp_path, "x.txt", schedule="every day")))
    assert done.returncode == 78
    assert "job 'trx' field 'schedule'" in done.stderr


def test_the_scheduler_process_runs_jobs_and_serves_metrics(
        graph: Graph, publisher: Publisher, job_settings: Settings, tmp_path: Path) -> None:
    port, path = free_port(), manifest(tmp_path, publisher.url(TRX), schedule="* * * * * *")
    proc = subprocess.Popen([*EXE, "jobs", "scheduler", "--manifest", str(path),
                             "--metrics-port", str(port)], cwd=tmp_path, env=env(job_settings),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sample = 'scamgraph_job_runs_total{job="trx",status="succeeded"} 1.0'

    def scraped() -> bool:
        try:
            return sample in httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
        except httpx.TransportError:
            return False

    try:
        assert wait_for(scraped, timeout_s=60)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "job trx: succeeded" in err


def test_two_scheduler_processes_never_run_the_job_at_the_same_time(
        graph: Graph, publisher: Publisher, job_settings: Settings, tmp_path: Path) -> None:
    publisher.behaviour.delay_s = 0.7  # each run holds the lock across the other's firing
    path = manifest(tmp_path, publisher.url(TRX), schedule="* * * * * *")
    ports = [free_port(), free_port()]
    procs = [subprocess.Popen([*EXE, "jobs", "scheduler", "--manifest", str(path),
                               "--metrics-port", str(port)], cwd=tmp_path, env=env(job_settings),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for port in ports]

    def count(port: int, status: str) -> float:
        try:
            text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
        except httpx.TransportError:
            return 0.0
        for line in text.splitlines():
            if line.startswith(f'scamgraph_job_runs_total{{job="trx",status="{status}"}}'):
                return float(line.split()[-1])
        return 0.0

    def enough() -> bool:
        return len(runs_of(graph, "trx", 100)) >= 4 and sum(count(p, "locked") for p in ports) > 0

    try:
        assert wait_for(enough, timeout_s=90)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=60)
    spans = sorted((r["started_at"], r["ended_at"]) for r in runs_of(graph, "trx", 100))
    for (_, ended), (started, _) in itertools.pairwise(spans):
        assert ended <= started, "two runs of one job overlapped"
    assert [proc.returncode for proc in procs] == [0, 0]


def test_metrics_app_mounts_in_starlette_and_reads_job_history_from_the_graph(
        graph: Graph) -> None:
    job = Job(name="trx", ingester="ofac-list", source="x.txt", schedule="0 * * * *")
    ended = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
    for status in ("succeeded", "unchanged", "failed"):
        runs.record(graph, job, JobRun("trx", status, ended - timedelta(seconds=5), ended))
    # The API's way: a Route built before the lifespan; the graph comes from app.state.
    api = Starlette(routes=[Route("/metrics", endpoint=metrics_app())])
    api.state.graph = graph
    bare = Starlette(routes=[Mount("/m", app=metrics_app()), Mount("/g", app=metrics_app(graph))])

    async def get(app: Starlette, url: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            return await client.get(url)

    recorded = 'scamgraph_job_recorded_runs{job="trx",status="failed"} 1.0'
    for app, url, from_graph in ((api, "/metrics", True), (bare, "/m/", False),
                                 (bare, "/g/", True)):
        response = asyncio.run(get(app, url))
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        assert "# TYPE scamgraph_job_runs_total counter" in response.text
        assert "# TYPE scamgraph_job_last_success_timestamp_seconds gauge" in response.text
        assert (recorded in response.text) is from_graph
    text = asyncio.run(get(api, "/metrics")).text
    # 2026-11-22T03:00:00Z is 1795316400 seconds after the epoch.
    assert 'scamgraph_job_last_success_recorded_timestamp_seconds{job="trx"} 1.7953164e+09' in text
