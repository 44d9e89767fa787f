"""`scamgraph spark ...`: chain-scale batch jobs on Apache Spark (the optional `spark` extra).

The group only holds the Spark master; each command opens its session through `session_of`,
so `scamgraph --help` and every other command work without pyspark installed. Commands are
added with `spark.add_command(...)` below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scamgraph.errors import ConfigError
from scamgraph.settings import get_settings

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@click.group()
@click.option("--master", metavar="URL", default=None,
              help="Spark master: local[*] (default, SCAMGRAPH_SPARK_MASTER), local[N], "
                   "spark://host:7077, yarn, k8s://https://host:port.")
@click.pass_context
def spark(ctx: click.Context, master: str | None) -> None:
    """Batch jobs over whole chain exports on Spark, locally or on a cluster."""
    ctx.obj = {"master": master or get_settings().spark_master}


def master_of(ctx: click.Context) -> str:
    """The master given to the group (or the setting), for a command below it."""
    group = ctx.find_object(dict) or {}
    return str(group.get("master") or get_settings().spark_master)


def session_of(ctx: click.Context, master: str | None = None) -> SparkSession:
    """A Spark session on the command's master (`master` overrides the group's)."""
    try:
        from spark.session import spark_session
    except ModuleNotFoundError as exc:
        raise ConfigError(f"the spark commands need pyspark ({exc})",
                          hint='pip install "scamgraph[spark]" (Java 17 is already required)'
                          ) from None
    return spark_session(master or master_of(ctx), settings=get_settings())


@spark.command("stage")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["bitcoin-etl", "ethereum-etl",
                                                            "trongrid"]))
@click.argument("sources", metavar="PATH...", nargs=-1, required=True)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="A new (or empty) directory for the staged files and the manifest.")
@click.option("--master", metavar="URL", default=None, help="Overrides the group's --master.")
@click.option("--option", "-o", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A format option, as for `ingest`, e.g. -o chain=polygon (repeatable).")
@click.pass_context
def stage_cmd(ctx: click.Context, fmt: str, sources: tuple[str, ...], out: Path,
              master: str | None, pairs: tuple[str, ...]) -> None:
    """Stage chain exports for `ingest --bulk --staged OUT`, as `ingest --bulk` stages them.

    Rejected records go to OUT/quarantine/; one JSON summary line is printed per input.
    """
    from scamgraph.cli.ingest import parse_options
    from spark.stage import stage

    session = session_of(ctx, master)
    staged = stage(session, fmt, sources, out, parse_options(pairs))
    for item in staged.inputs:
        click.echo(json.dumps({"format": item.format, "source": item.source,
                               "source_id": item.source_id, "read": item.read,
                               "written": item.written, "quarantined": item.quarantined,
                               "created": item.created, "reasons": item.reasons,
                               "quarantine": item.quarantine and str(out / item.quarantine)}))
    click.echo(f"staged into {out}: load with `scamgraph ingest --bulk --staged {out}`",
               err=True)


from spark.typology_cli import typologies as typologies_cmd  # noqa: E402  (needs session_of)

spark.add_command(typologies_cmd)

from spark.resolve_cli import resolve as resolve_cmd  # noqa: E402

spark.add_command(resolve_cmd)
