"""`scamgraph spark typologies NAME... INPUT... --since --until --out FILE`.

Registered under `scamgraph spark` (scamgraph/cli/spark.py); pyspark is imported only when the
command runs, so the CLI works without the spark extra. The hits file is JSON lines that
`scamgraph ingest typology-hits FILE` loads as TypologyHits (with an IngestRun, quarantine and
MERGE by id, so loading it again creates nothing).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from graph.investigate.typologies.catalogue import BY_NAME
from scamgraph.cli.spark import session_of

ALL = "all"


def _when(text: str, name: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{text!r} is not an ISO date or datetime",
                                 param_hint=name) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def split_args(args: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Leading typology names (or `all`), then the inputs."""
    from spark.typologies import SCANS

    names: list[str] = []
    count = 0
    for arg in args:
        if arg not in BY_NAME and arg != ALL:
            break
        names += list(SCANS) if arg == ALL else [arg]
        count += 1
    inputs = list(args[count:])
    if not names or not inputs:
        raise click.UsageError("name at least one typology (or `all`), then the inputs")
    return list(dict.fromkeys(names)), inputs


def _pairs(pairs: tuple[str, ...], flag: str) -> list[tuple[str, str]]:
    out = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not k=v", param_hint=flag)
        out.append((key.strip(), value.strip()))
    return out


def _params(pairs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    params: dict[str, dict[str, Any]] = {}
    for key, value in _pairs(pairs, "--param"):
        name, dot, param = key.rpartition(".")
        if not dot or not name:
            raise click.BadParameter(f"{key!r} is not TYPOLOGY.PARAM", param_hint="--param")
        params.setdefault(name, {})[param] = value
    return params


@click.command("typologies")
@click.argument("args", nargs=-1, required=True, metavar="NAME... INPUT...")
@click.option("--since", required=True, help="Window start (ISO; UTC when no zone is given).")
@click.option("--until", required=True, help="Window end (ISO), inclusive.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The hits file to write (JSON lines, format typology-hits).")
@click.option("--format", "fmt", default="staged", show_default=True,
              help="Input format: staged (directories of transfers*.csv as `ingest --bulk` "
                   "and `spark stage` write them) or a chain format of `ingest`.")
@click.option("-o", "--option", "options", multiple=True, metavar="K=V",
              help="A reader option of the chain format (repeatable).")
@click.option("--param", "params", multiple=True, metavar="TYPOLOGY.K=V",
              help="A typology parameter, e.g. fan-in.min_senders=8 (repeatable).")
@click.option("--exclude", type=click.Path(exists=True, dir_okay=False),
              help="Wallet ids (chain:address, one a line) of exchanges and bridges.")
@click.option("--master", default=None, help="Spark master (overrides `spark --master`).")
@click.pass_context
def typologies(ctx: click.Context, args: tuple[str, ...], since: str, until: str, out: Path,
               fmt: str, options: tuple[str, ...], params: tuple[str, ...],
               exclude: str | None, master: str | None) -> None:
    """Scan whole chain exports for typologies NAME... on Spark into a hits file."""
    names, inputs = split_args(args)
    start, end = _when(since, "--since"), _when(until, "--until")
    if start > end:
        raise click.BadParameter("--since is after --until", param_hint="--since")
    session = session_of(ctx, master)
    from spark.typologies import scan_typologies
    from spark.typology_input import excluded_wallets, read_transfers

    transfers = read_transfers(session, fmt, inputs, dict(_pairs(options, "--option")))
    try:
        lines = scan_typologies(session, transfers, names, start, end, _params(params),
                                excluded_wallets(session, exclude))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(line, sort_keys=True) + "\n" for line in lines)
    counts = {n: sum(1 for h in lines if h["typology"] == n) for n in names}
    click.echo(json.dumps({"out": str(out), "hits": counts}))
