"""The `scamgraph` command.

Errors from the project's tree become a message, a hint and an exit code here, and only here.
"""

from __future__ import annotations

import sys

import click

from scamgraph import __version__
from scamgraph.cli.changes import changes_cmd
from scamgraph.cli.db import db
from scamgraph.cli.demo import demo
from scamgraph.cli.generate import generate
from scamgraph.cli.ingest import ingest
from scamgraph.cli.jobs import jobs
from scamgraph.cli.resolve import resolve_group
from scamgraph.cli.serve import serve
from scamgraph.cli.spark import spark
from scamgraph.cli.typologies import typologies
from scamgraph.errors import ScamgraphError


@click.group()
@click.version_option(__version__, prog_name="scamgraph")
def cli() -> None:
    """scamgraph: crypto money flows, organisations, people and scam compounds in one graph."""


cli.add_command(changes_cmd)
cli.add_command(db)
cli.add_command(demo)
cli.add_command(generate)
cli.add_command(ingest)
cli.add_command(jobs)
cli.add_command(resolve_group)
cli.add_command(serve)
cli.add_command(spark)
cli.add_command(typologies)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and map project errors to messages and exit codes."""
    try:
        cli.main(args=argv, prog_name="scamgraph", standalone_mode=False)
    except ScamgraphError as exc:
        click.secho(f"error: {exc.message}", fg="red", err=True)
        if exc.hint:
            click.echo(f"hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
