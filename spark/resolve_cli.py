"""`scamgraph spark resolve INPUT... --out FILE`: resolution candidates over entity files.

Registered under `scamgraph spark` (scamgraph/cli/spark.py); pyspark is imported only when the
command runs. The file holds what `scamgraph resolve candidates --json` prints, one pair a
line, best first (spark/resolve.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ingest.formats import FORMAT_MODULES
from scamgraph.cli.spark import session_of


def inputs_of(given: tuple[str, ...], fmt: str) -> list[tuple[str, str]]:
    """(format, path) per INPUT: FORMAT=PATH, or PATH in --format."""
    out = []
    for item in given:
        name, sep, path = item.partition("=")
        if sep and name in FORMAT_MODULES:
            out.append((name, path))
        else:
            out.append((fmt, item))
    return out


@click.command("resolve")
@click.argument("inputs", nargs=-1, required=True, metavar="[FORMAT=]INPUT...")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The candidate file to write (JSON lines).")
@click.option("--format", "fmt", default="ftm", show_default=True,
              help="Format of the inputs given without FORMAT= (ftm, actorpack, tagpack...).")
@click.option("--min-score", type=float, default=0.5, show_default=True)
@click.option("--master", default=None, help="Spark master (overrides `spark --master`).")
@click.pass_context
def resolve(ctx: click.Context, inputs: tuple[str, ...], out: Path, fmt: str,
            min_score: float, master: str | None) -> None:
    """Candidate pairs (blocking and scoring) over entity files on Spark, best first."""
    session = session_of(ctx, master)
    from spark.resolve import candidate_line, spark_candidates

    found = spark_candidates(session, inputs_of(inputs, fmt), min_score)
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(candidate_line(c)) + "\n" for c in found)
    click.echo(json.dumps({"out": str(out), "candidates": len(found)}))
