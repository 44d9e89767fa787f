"""`scamgraph demo`: local Neo4j, schema, the synthetic scenario loaded once, then the API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from graph import migrate
from graph.connect import open_graph
from scamgraph.errors import ConfigError
from scamgraph.settings import Settings, get_settings
from synth import generate as run_generate
from synth.generate import TRUTH_FILE
from synth.load import load_scenario, read_truth

DEFAULT_SEED = 7
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def scenario_dir(settings: Settings, seed: int, scale: int) -> Path:
    return settings.home / "demo" / f"{seed}-{scale}"


def example_queries(truth: dict[str, Any]) -> list[tuple[str, str]]:
    """Three GraphQL queries over planted ids: a trace, an exposure, an owners query."""
    ex = truth["examples"]
    return [
        ("Where did this victim's money go? (forward trace, rolled up to groups)",
         f'{{ trace(seeds: ["{ex["trace_victim"]}"], maxHops: 5, rollup: true) '
         "{ organisations { id name groupName minHops amounts { asset amount } } "
         "amountSemantics partial } }"),
        ("What is this exchange deposit address exposed to?",
         f'{{ exposure(target: "{ex["exposure_deposit"]}", maxHops: 3, method: HAIRCUT) '
         "{ inflow { asset amount } categories { category directShare indirectShare } "
         "explanation } }"),
        ("Who ultimately owns this OTC desk?",
         f'{{ owners(company: "{ex["owners_company"]}") {{ ultimateOwners '
         "{ effectiveShare entity { id name } } chains { effectiveShare "
         "links { ownerId ownedId share } } } }"),
    ]


def _app(settings: Settings) -> Any:
    try:
        from api.app import create_app
    except ImportError as exc:
        raise ConfigError(f"the API is not available: {exc}",
                          hint="the data is loaded; query it with `scamgraph db cypher`") from exc
    return create_app(settings)


def prepare(settings: Settings, seed: int, scale: int) -> dict[str, Any]:
    """Start and migrate the database, generate the scenario if needed, load what is not loaded."""
    out = scenario_dir(settings, seed, scale)
    if not (out / TRUTH_FILE).exists():
        click.echo(f"generating the scenario ({scale:,} transfers, seed {seed}) into {out}")
        summary = run_generate(out, scale, seed, force=True)
        click.echo(f"  {summary.seconds:.1f}s, {summary.rate:,.0f} transfers/s")
    with open_graph(settings) as graph:
        migrate.migrate(graph)
        report = load_scenario(graph, out, settings,
                               lambda path, status: click.echo(f"  {path}: {status}"))
    click.echo(f"loaded {len(report.loaded)} files ({report.records:,} records, "
               f"{report.quarantined} quarantined) in {report.seconds:.1f}s; "
               f"{len(report.skipped)} already loaded")
    return read_truth(out)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--scale", default=100_000, show_default=True, type=int, help="Transfers.")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Load the scenario, print the queries, exit.")
def demo(host: str, port: int, scale: int, seed: int, no_serve: bool) -> None:
    """Run the demo: database, scenario (loaded once), GraphQL API and graph browser."""
    settings = get_settings()
    truth = prepare(settings, seed, scale)
    url = f"http://{host}:{port}"
    click.echo(f"\nscamgraph demo: {url}/ (browser), {url}/graphql (GraphQL, GraphiQL)")
    click.echo(f"ground truth: {scenario_dir(settings, seed, scale) / TRUTH_FILE}\n")
    for title, query in example_queries(truth):
        click.echo(f"# {title}\n{query}\n")
        click.echo(f"curl -s {url}/graphql -H 'content-type: application/json' -d "
                   f"'{json.dumps({'query': query})}'\n")
    if no_serve:
        return
    no_keys = not settings.api_keys.get_secret_value() and not settings.anonymous_role
    if no_keys and host in LOOPBACK:
        # A demo on loopback answers without keys; set SCAMGRAPH_API_KEYS to require them.
        settings = settings.model_copy(update={"anonymous_role": "analyst"})
    elif no_keys:
        click.secho("warning: no SCAMGRAPH_API_KEYS on a non-loopback interface: every request "
                    "will get 401", fg="yellow", err=True)
    import uvicorn

    uvicorn.run(_app(settings), host=host, port=port, log_level=settings.log_level.lower())
