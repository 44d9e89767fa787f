"""`scamgraph jobs`: list, run and schedule the ingestion jobs of a manifest."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scamgraph.errors import DatabaseUnavailableError, JobError, LockedError
from scamgraph.settings import get_settings

if TYPE_CHECKING:
    from jobs.manifest import Manifest
    from jobs.typology_job import TypologyJob

manifest_option = click.option(
    "--manifest", "manifest_path", type=click.Path(path_type=Path, dir_okay=False),
    help="Jobs manifest (YAML); default SCAMGRAPH_JOBS_MANIFEST, else ./jobs.yaml.")


def _manifest(path: Path | None) -> Manifest:
    # Imported here so other commands do not pay for APScheduler and the format registry.
    from ingest.formats import FORMAT_MODULES
    from jobs.manifest import parse_manifest

    return parse_manifest(path or get_settings().jobs_manifest, lambda: set(FORMAT_MODULES))


def _logging() -> None:
    logging.basicConfig(level=get_settings().log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request at INFO; the job's own log line says what matters.
    logging.getLogger("httpx").setLevel(logging.WARNING)


@click.group()
def jobs() -> None:
    """Scheduled ingestion jobs declared in a YAML manifest."""


@jobs.command("list")
@manifest_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per job.")
def list_jobs(manifest_path: Path | None, as_json: bool) -> None:
    """Each job's schedule, next run, last run status and freshness."""
    from graph.connect import open_graph
    from jobs.cron import next_fire
    from jobs.status import humanise, statuses

    manifest, now = _manifest(manifest_path), datetime.now(UTC)
    try:
        with open_graph(get_settings(), start_local=False) as graph:
            rows = statuses(manifest, graph, now)
    except DatabaseUnavailableError as exc:
        click.secho(f"warning: no run history ({exc.message})", fg="yellow", err=True)
        rows = statuses(manifest, None, now)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.as_dict(now), ensure_ascii=False))
        for scan in manifest.typologies:
            click.echo(json.dumps({"name": scan.name, "kind": "typologies",
                                   "schedule": scan.schedule,
                                   "next_run": _iso(next_fire(scan.schedule, now)),
                                   "typologies": list(scan.typologies),
                                   "window_days": scan.window_days}))
        return
    click.echo(f"{'JOB':<22} {'SCHEDULE':<16} {'NEXT RUN (UTC)':<17} "
               f"{'LAST RUN (UTC)':<17} {'STATUS':<10} FRESH")
    for row in rows:
        info = row.as_dict(now)
        fresh = humanise(info["age_s"]) + (" STALE" if info["stale"] else "")
        click.echo(f"{row.job.name:<22} {row.job.schedule:<16} {_minute(row.next_fire):<17} "
                   f"{_minute(row.last.get('started_at')):<17} "
                   f"{_state(info):<10} {fresh}")
    for scan in manifest.typologies:
        click.echo(f"{scan.name:<22} {scan.schedule:<16} {_minute(next_fire(scan.schedule)):<17} "
                   f"typologies over {scan.window_days} days: {', '.join(scan.typologies)}")


def _state(info: dict[str, object]) -> str:
    return "running" if info["running_by"] else str(info["last_status"] or "never")


def _minute(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M") if when else "-"


@jobs.command("history")
@click.argument("name")
@manifest_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
def history(name: str, manifest_path: Path | None, limit: int) -> None:
    """Job NAME's latest runs, newest first, one JSON object per line."""
    from graph.connect import open_graph
    from jobs.runs import runs_of

    _manifest(manifest_path).job(name)  # an unknown name fails with the known ones listed
    with open_graph(get_settings(), start_local=False) as graph:
        for run in runs_of(graph, name, limit):
            click.echo(json.dumps(run, ensure_ascii=False, default=_iso))


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


@jobs.command("run")
@click.argument("name")
@manifest_option
def run(name: str, manifest_path: Path | None) -> None:
    """Run job NAME now (unless another process is running it); print its outcome as JSON."""
    from graph.connect import open_graph
    from jobs.run import run_job

    manifest = _manifest(manifest_path)
    scan = manifest.typology_job(name)
    if scan is not None:
        _run_typologies(scan)
        return
    job = manifest.job(name)
    _logging()
    with open_graph(get_settings()) as graph:
        outcome = run_job(graph, job, get_settings())
    click.echo(json.dumps(outcome.as_dict(), ensure_ascii=False))
    if outcome.status == "locked":
        raise LockedError(f"job {name!r} is already running ({outcome.error})",
                          hint="wait for that run to end; a crashed run's lock expires by itself")
    if outcome.status == "failed":
        raise JobError(f"job {name!r} failed: {outcome.error}")


def _run_typologies(scan: TypologyJob) -> None:
    """A typology job now: scan its window, store every hit, print what was stored and new."""
    from graph.connect import open_graph
    from jobs.typology_job import run_typology_job

    with open_graph(get_settings()) as graph:
        outcome = run_typology_job(graph, scan)
    click.echo(json.dumps(outcome.as_dict(), ensure_ascii=False))


@jobs.command("scheduler")
@manifest_option
@click.option("--metrics-port", type=click.IntRange(0, 65535), default=None,
              help="Serve Prometheus metrics on this port.")
@click.option("--metrics-host", default="127.0.0.1", show_default=True,
              help="Interface for the metrics (0.0.0.0 in a container).")
def scheduler(manifest_path: Path | None, metrics_port: int | None, metrics_host: str) -> None:
    """Run every job on its schedule until stopped (SIGINT/SIGTERM)."""
    from graph.connect import open_graph
    from jobs import lock, metrics
    from jobs.scheduler import JobRunner, TypologyRunner, run_forever

    manifest = _manifest(manifest_path)
    _logging()
    if metrics_port is not None:
        metrics.serve(metrics_port, metrics_host)
        click.echo(f"metrics: http://{metrics_host}:{metrics_port}/metrics", err=True)
    with open_graph(get_settings()) as graph:
        lock.ensure_schema(graph)
        click.echo(f"scheduling {len(manifest.names)} job(s) from {manifest_path or 'settings'}",
                   err=True)
        run_forever(manifest, JobRunner(graph, get_settings()), TypologyRunner(graph))
