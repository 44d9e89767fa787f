"""`scamgraph demo`: local Neo4j, schema, the synthetic scenario loaded once, then the API."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import click

from graph import migrate
from graph.connect import open_graph
from graph.local import LocalNeo4j
from scamgraph.errors import ConfigError, PortInUseError
from scamgraph.settings import Settings, get_settings
from synth import generate as run_generate
from synth.generate import TRUTH_FILE
from synth.load import load_scenario, read_truth

DEFAULT_SEED = 7
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def scenario_dir(settings: Settings, seed: int, scale: int) -> Path:
    return settings.home / "demo" / f"{seed}-{scale}"


def example_queries(truth: dict[str, Any]) -> list[tuple[str, str]]:
    """Three GraphQL queries over planted ids: a value trace, an exposure, an owners query."""
    ex = truth["examples"]
    return [
        ("How much of this victim's money reached whom? (HAIRCUT, rolled up to groups; "
         "sent = attributed + still held + returned + dropped)",
         f'{{ trace(seeds: ["{ex["trace_victim"]}"], maxHops: 6, rollup: true, '
         "method: HAIRCUT) { organisations { id name groupName minHops "
         "amounts { asset amount amountRaw } } conservation { asset sentRaw attributedRaw "
         "stillHeldRaw returnedToSeedsRaw droppedMinAmountRaw droppedHopCapRaw "
         "droppedBudgetRaw } partial } }"),
        ("What is this exchange deposit address exposed to? (time-ordered haircut, the default)",
         f'{{ exposure(target: "{ex["exposure_deposit"]}") '
         "{ method timeTreatment hopCut moreHops inflow { asset amount } "
         "categories { category directShare indirectShare } explanation } }"),
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


def demo_settings(settings: Settings, host: str) -> Settings:
    """On loopback with no keys configured, keyless requests get the analyst role (so the
    browser opens without a login and the printed curl lines work as printed)."""
    no_keys = not settings.api_keys.get_secret_value() and not settings.anonymous_role
    if no_keys and host in LOOPBACK:
        return settings.model_copy(update={"anonymous_role": "analyst"})
    if no_keys:
        click.secho("warning: no SCAMGRAPH_API_KEYS on a non-loopback interface: every request "
                    "will get 401", fg="yellow", err=True)
    return settings


def check_port(host: str, port: int) -> None:
    """Fail before the (minutes long) load when the API could not bind afterwards."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise PortInUseError(f"{host}:{port} is in use ({exc.strerror})",
                                 hint="stop what listens there or pass --port") from None


def print_examples(url: str, truth: dict[str, Any]) -> None:
    for title, query in example_queries(truth):
        click.echo(f"# {title}\n{query}\n")
        click.echo(f"curl -s {url}/graphql -H 'content-type: application/json' -d "
                   f"'{json.dumps({'query': query})}'\n")


def stop_what_we_started(settings: Settings, keep: bool) -> None:
    """Ctrl+C ends the demo: the local Neo4j goes too when this run started it."""
    if not settings.uses_local:
        return
    if keep:
        click.echo("the local Neo4j keeps running (about 1 GB); "
                   "stop it with `.venv/bin/scamgraph db stop`.")
        return
    click.echo("stopping the local Neo4j the demo started…")
    LocalNeo4j(settings).stop()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--scale", default=100_000, show_default=True, type=int, help="Transfers.")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Load the scenario, print the queries, exit.")
@click.option("--keep-neo4j", is_flag=True, help="Leave the local Neo4j running on exit.")
def demo(host: str, port: int, scale: int, seed: int, no_serve: bool, keep_neo4j: bool) -> None:
    """Run the demo: database, scenario (loaded once), GraphQL API and graph browser."""
    settings = get_settings()
    if not no_serve:
        check_port(host, port)
    was_running = not settings.uses_local or LocalNeo4j(settings).status().running
    try:
        truth = prepare(settings, seed, scale)
        url = f"http://{host}:{port}"
        click.echo(f"\nscamgraph demo: {url}/ (browser), {url}/graphql (GraphQL, GraphiQL)")
        click.echo(f"ground truth: {scenario_dir(settings, seed, scale) / TRUTH_FILE}\n")
        print_examples(url, truth)
        if no_serve:
            return
        import uvicorn

        app_settings = demo_settings(settings, host)
        uvicorn.run(_app(app_settings), host=host, port=port,
                    log_level=settings.log_level.lower())
    except KeyboardInterrupt:
        click.echo("\ninterrupted")
    finally:
        if not no_serve:
            stop_what_we_started(settings, was_running or keep_neo4j)
