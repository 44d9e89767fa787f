"""Scheduled typology scans (`typologies:` in the jobs manifest): every hit of the window is
stored with the job as its origin, a second firing finds them not new, the manifest's errors
name the job and field, and the scheduler fires them beside the ingestion jobs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.db import Graph
from jobs.manifest import Manifest, parse_manifest
from jobs.scheduler import TypologyRunner, background
from jobs.typology_job import TypologyJob, TypologyRun, run_typology_job
from scamgraph.cli import cli
from scamgraph.errors import ConfigError
from tests.graph import typology_scenarios as scenarios
from tests.graph.scenario import Scenario, day
from tests.jobs.test_scheduler import wait_for

PIG = "pig-butchering-intake"
# pig(): V -> D 200, 500, 1200, 3000 and V2 -> D2 200, 230, 600 are the hits at min_growth 1.15.
KEYS = {"tron:D<tron:V|USDT", "tron:D2<tron:V2|USDT"}
STORED = "MATCH (h:TypologyHit) RETURN h.key AS key, h.origin AS origin ORDER BY key"


def _scan(**extra: object) -> TypologyJob:
    return TypologyJob.model_validate({"name": "pig-daily", "schedule": "0 3 * * *",
                                       "typologies": [PIG], "window_days": 31,
                                       "params": {PIG: {"min_growth": 1.15}}, **extra})


def _shifted(s: Scenario, by: timedelta) -> Scenario:
    for t in s.transfers:
        t["props"]["ts"] = t["props"]["ts"] + by
    return s


def test_a_firing_stores_every_hit_and_the_next_finds_none_new(graph: Graph) -> None:
    scenarios.pig().write(graph)
    first = run_typology_job(graph, _scan(), day("2024-03-31"))
    assert (first.since, first.until) == (day("2024-02-29"), day("2024-03-31"))
    assert (first.stored, first.new, first.partial) == ({PIG: 2}, {PIG: 2}, {})
    again = run_typology_job(graph, _scan(), day("2024-04-01"))
    assert (again.stored, again.new) == ({PIG: 2}, {PIG: 0})
    rows = [r.data() for r in graph.driver.execute_query(STORED, database_=graph.database)
            .records]
    assert {r["key"] for r in rows} == KEYS and {r["origin"] for r in rows} == {"job:pig-daily"}


def test_the_window_ends_at_the_firing(graph: Graph) -> None:
    """A firing a week after the hits, with a 7-day window, finds nothing (and says so)."""
    scenarios.pig().write(graph)
    late = run_typology_job(graph, _scan(window_days=7), day("2024-04-15"))
    assert (late.stored, late.new) == ({PIG: 0}, {PIG: 0})


@pytest.mark.parametrize(("entry", "says"), [
    ({"typologies": ["fan-out"]}, "field 'typologies': unknown typology 'fan-out'"),
    ({"window_days": 93}, "field 'window_days'"),
    ({"params": {PIG: {"min_growth": 0.5}}}, "field 'params': pig-butchering-intake:"),
    ({"name": "Bad Name"}, "field 'name'"),
])
def test_manifest_errors_name_the_job_and_field(tmp_path: Path, entry: dict[str, object],
                                                says: str) -> None:
    scan = {"name": "scan", "schedule": "0 3 * * *", **entry}
    path = tmp_path / "jobs.yaml"
    path.write_text(json.dumps({"jobs": [], "typologies": [scan]}))
    with pytest.raises(ConfigError) as caught:
        parse_manifest(path)
    assert says in caught.value.message and str(scan["name"]) in caught.value.message


def test_a_name_is_one_namespace_across_both_kinds(tmp_path: Path) -> None:
    path = tmp_path / "jobs.yaml"
    path.write_text(json.dumps({
        "jobs": [{"name": "x", "ingester": "ftm", "source": "a.json", "schedule": "0 1 * * *"}],
        "typologies": [{"name": "x", "schedule": "0 3 * * *"}]}))
    with pytest.raises(ConfigError, match="job name 'x' is used twice"):
        parse_manifest(path)


def test_jobs_run_and_list_from_the_command_line(runner: CliRunner, graph: Graph,
                                                 tmp_path: Path) -> None:
    """The path an operator takes: the scenario's hits moved into the last days, the job
    given by name to `scamgraph jobs run`, then `jobs list` shows it with its next run."""
    _shifted(scenarios.pig(), datetime.now(UTC) - day("2024-03-09")).write(graph)
    path = tmp_path / "jobs.yaml"
    path.write_text(json.dumps({"jobs": [], "typologies": [
        {"name": "pig-daily", "schedule": "0 3 * * *", "typologies": [PIG],
         "window_days": 14, "params": {PIG: {"min_growth": 1.15}}}]}))
    ran = runner.invoke(cli, ["jobs", "run", "pig-daily", "--manifest", str(path)])
    assert ran.exit_code == 0, ran.output
    body = json.loads(ran.output.splitlines()[-1])
    assert (body["job"], body["stored"], body["new"]) == ("pig-daily", {PIG: 2}, {PIG: 2})
    listed = runner.invoke(cli, ["jobs", "list", "--manifest", str(path), "--json"])
    (row,) = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert (row["name"], row["kind"], row["window_days"]) == ("pig-daily", "typologies", 14)


def test_the_scheduler_fires_typology_jobs(graph: Graph) -> None:
    scenarios.pig().write(graph)
    manifest = Manifest(jobs=[], typologies=[_scan(schedule="* * * * * *", window_days=92)])
    outcomes: list[TypologyRun] = []

    class Keep(TypologyRunner):
        def __call__(self, job: TypologyJob) -> TypologyRun | None:
            outcome = super().__call__(job)
            if outcome is not None:
                outcomes.append(outcome)
            return outcome

    scheduler = background(manifest, lambda job: None, Keep(graph))
    try:
        assert wait_for(lambda: len(outcomes) >= 1, timeout_s=30)
    finally:
        scheduler.shutdown(wait=True)
    assert outcomes[0].job == "pig-daily" and outcomes[0].until - outcomes[0].since == (
        timedelta(days=92))
