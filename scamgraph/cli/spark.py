"""`scamgraph spark ...`: chain-scale batch jobs on Apache Spark (the optional `spark` extra).

The group only holds the Spark master; each command opens its session through `session_of`,
so `scamgraph --help` and every other command work without pyspark installed. Commands are
added with `spark.add_command(...)` below.
"""

from __future__ import annotations

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
