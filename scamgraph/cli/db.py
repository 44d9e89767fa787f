"""`scamgraph db`: the local Neo4j server, migrations and a small cypher-shell."""

from __future__ import annotations

import json
import sys
import time

import click

from graph import migrate as migrations
from graph.connect import open_graph
from graph.db import jsonable
from graph.local import LocalNeo4j
from graph.maintenance import clear_data
from scamgraph.settings import get_settings


@click.group()
def db() -> None:
    """Run and inspect the database."""


def _local() -> LocalNeo4j:
    settings = get_settings()
    if not settings.uses_local:
        raise click.UsageError("SCAMGRAPH_NEO4J_URI is set: the database is external, not local")
    return LocalNeo4j(settings)


@db.command()
def start() -> None:
    """Start the local Neo4j (downloads its jars from Maven Central the first time)."""
    began = time.monotonic()
    status = _local().start()
    click.echo(f"Neo4j running (pid {status.pid}) at {status.bolt_uri} "
               f"in {time.monotonic() - began:.1f}s")
    if status.http_uri:
        click.echo(f"Neo4j Browser: {status.http_uri}/browser/")


@db.command()
def stop() -> None:
    """Stop the local Neo4j cleanly."""
    click.echo("stopped" if _local().stop() else "not running")


@db.command()
def status() -> None:
    """Print the Bolt URI, Neo4j version and edition."""
    settings = get_settings()
    if settings.uses_local and not LocalNeo4j(settings).status().running:
        click.echo(f"local Neo4j: not running ({LocalNeo4j(settings).bolt_uri})")
        sys.exit(3)
    with open_graph(settings, start_local=False) as graph:
        row = graph.read("db/components")[0]
        uri = LocalNeo4j(settings).bolt_uri if settings.uses_local else settings.neo4j_uri
        click.echo(f"bolt: {uri}\nversion: {row['version']}\nedition: {row['edition']}\n"
                   f"database: {graph.database}")


@db.command()
def migrate() -> None:
    """Apply pending schema migrations from cypher/schema/."""
    with open_graph(get_settings()) as graph:
        report = migrations.migrate(graph)
    for name in report.applied:
        click.echo(f"applied {name}")
    if report.noop:
        click.echo(f"schema up to date ({len(report.already)} migrations already applied): no-op")


@db.command()
@click.option("--yes", is_flag=True, help="Confirm: every entity, transfer and run goes.")
def clear(yes: bool) -> None:
    """Delete all data, bookkeeping included; the schema and migration records stay."""
    if not yes:
        raise click.UsageError("db clear deletes the whole graph: pass --yes to confirm")
    with open_graph(get_settings()) as graph:
        clear_data(graph)
    click.echo("cleared")


@db.command()
@click.argument("statement")
@click.option("--param", "-p", multiple=True, help="NAME=JSON parameter, repeatable.")
def cypher(statement: str, param: tuple[str, ...]) -> None:
    """Run one Cypher STATEMENT; print one JSON object per record."""
    params = {}
    for item in param:
        name, _, value = item.partition("=")
        params[name] = json.loads(value) if value else None
    with open_graph(get_settings()) as graph:
        for record in graph.run_text(statement, params):
            click.echo(json.dumps(jsonable(record), ensure_ascii=False, default=str))
